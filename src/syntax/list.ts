import { skipOws, trimOwsEnd } from "./chars.js";
import { ok, type ParseResult } from "./result.js";
import { indexOfNonTchar, notATokenAt } from "./token.js";

//   #element => [ element ] *( OWS "," OWS [ element ] )    (RFC 9110 §5.6.1)
// As Fetch's "extract header list values" applies it: each field line is parsed on its own,
// empty members are ignored, and one member that is not a token fails the whole header.

/**
 * Parses the `#token` members of every field line, in order. `lowercase` lowercases members
 * (field names); `what` names a member in error messages. Offsets are into the combined value
 * (lines joined with `", "`).
 * @internal
 */
export function parseTokenList(lines: readonly string[], lowercase: boolean, what: string): ParseResult<string[]> {
  const members: string[] = [];
  let base = 0;
  for (const line of lines) {
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
    base += end + 2;
  }
  return ok(members);
}
