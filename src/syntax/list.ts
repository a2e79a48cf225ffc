import { charTable } from "./chars.js";
import { ok, type Failure, type ParseResult } from "./result.js";
import { notATokenAt } from "./token.js";

//   #element => [ element ] *( OWS "," OWS [ element ] )    (RFC 9110 §5.6.1)
// As Fetch's "extract header list values" applies it: each field line is parsed on its own,
// empty members are ignored, and one member that is not a token fails the whole header.

/**
 * Parses the `#token` members of one field line (a string) or of every line (an array), in
 * order. `lowercase` lowercases members (field names); `what` names a member in error messages.
 * Offsets are into the combined value (lines joined with `", "`).
 * @internal
 */
export function parseTokenList(value: string | readonly string[], lowercase: boolean, what: string): ParseResult<string[]> {
  const members: string[] = [];
  if (typeof value === "string") return addMembers(value, 0, members, lowercase, what) ?? ok(members);
  let base = 0;
  for (const line of value) {
    const failure = addMembers(line, base, members, lowercase, what);
    if (failure !== undefined) return failure;
    base += line.length + 2;
  }
  return ok(members);
}

/** Per ASCII code unit: 0 = not allowed, 1 = tchar, 2 = uppercase letter, 3 = SP/HTAB, 4 = ",". */
const LIST_CHAR = /* @__PURE__ */ charTable([
  "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyz",
  "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
  " \t",
  ",",
]);

/**
 * Appends the members of `line` (at `base` in the combined value) to `members`, in one pass:
 * members are runs of tchars, separated by "," with SP/HTAB around them.
 */
function addMembers(line: string, base: number, members: string[], lowercase: boolean, what: string): Failure | undefined {
  const end = line.length;
  let start = -1; // first character of the member being read, or -1 between members
  let stop = 0; // one past its last tchar so far
  let upper = false;
  for (let i = 0; i <= end; i++) {
    const c = i < end ? line.charCodeAt(i) : 0x2c; // the end of the line ends the last member
    const kind = c < 128 ? LIST_CHAR[c] : 0;
    if (kind === 1 || kind === 2) {
      if (start === -1) start = i;
      else if (stop !== i) return notATokenAt(line, stop, what, base); // whitespace inside a member
      stop = i + 1;
      if (kind === 2) upper = true;
    } else if (kind === 4) {
      if (start !== -1) {
        const member = start === 0 && stop === end ? line : line.slice(start, stop);
        members.push(lowercase && upper ? member.toLowerCase() : member);
        start = -1;
        upper = false;
      }
    } else if (kind !== 3) {
      return notATokenAt(line, i, what, base);
    }
  }
  return undefined;
}
