import { skipOws, trimOwsEnd } from "./chars.js";
import { ok, type Failure, type ParseResult } from "./result.js";
import { indexOfNonTchar, notATokenAt } from "./token.js";

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

/** Appends the members of `line` (at `base` in the combined value) to `members`. */
function addMembers(line: string, base: number, members: string[], lowercase: boolean, what: string): Failure | undefined {
  const end = line.length;
  for (let i = 0; i <= end; ) {
    let comma = line.indexOf(",", i);
    if (comma === -1) comma = end;
    const start = skipOws(line, i, comma);
    const stop = trimOwsEnd(line, start, comma);
    if (start < stop) {
      const bad = indexOfNonTchar(line, start, stop);
      if (bad !== -1) return notATokenAt(line, bad, what, base);
      const member = start === 0 && stop === end ? line : line.slice(start, stop);
      members.push(lowercase ? member.toLowerCase() : member);
    }
    i = comma + 1;
  }
  return undefined;
}
