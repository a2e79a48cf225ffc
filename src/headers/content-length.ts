import { describeChar, isOws } from "../syntax/chars.js";
import { fail, ok, type ParseResult } from "../syntax/result.js";
import { codecOf, type HeaderCodec } from "./codec.js";
import { invalidValue } from "./definition.js";

//   Content-Length = 1*DIGIT                                 (RFC 9110 §8.6)
// A message may carry the header on several lines or as a list ("42, 42"), usually because a
// proxy merged it; a recipient may accept that only when every value is the same (RFC 9110
// §8.6), and must otherwise treat the framing as invalid (RFC 9112 §6.3, the request-smuggling
// rule). So: members split on ",", trimmed, empty ones skipped; each must be digits (leading
// zeros allowed) up to 2^53 − 1, the largest length a JavaScript number holds exactly; all must
// be equal, or the error is "conflicting-values".

const MAX_LENGTH = Number.MAX_SAFE_INTEGER;

function parseContentLength(value: string | readonly string[]): ParseResult<number> {
  const s = typeof value === "string" ? value : value.join(", ");
  const end = s.length;
  let length = -1;
  let i = 0;
  for (;;) {
    while (i < end && (isOws(s.charCodeAt(i)) || s.charCodeAt(i) === 0x2c)) i++;
    if (i === end) break;
    const start = i;
    let member = 0;
    for (; i < end; i++) {
      const digit = s.charCodeAt(i) - 0x30;
      if (digit < 0 || digit > 9) break;
      if (member <= MAX_LENGTH) member = member * 10 + digit;
    }
    const stop = i;
    while (i < end && isOws(s.charCodeAt(i))) i++;
    if (i < end && s.charCodeAt(i) !== 0x2c) {
      return fail(
        "invalid-content-length",
        `expected a length (digits), found ${describeChar(s, i === stop ? i : stop)} at offset ${stop}.`,
        stop,
      );
    }
    if (stop === start) return fail("invalid-content-length", `expected a length (digits) at offset ${start}.`, start);
    if (member > MAX_LENGTH) {
      return fail("invalid-content-length", `the length at offset ${start} is above 2^53 − 1 (9007199254740991).`, start);
    }
    if (length !== -1 && member !== length) {
      return fail(
        "conflicting-values",
        `found ${member} at offset ${start} after ${length}: a message with two lengths has no valid framing (RFC 9112 §6.3).`,
        start,
      );
    }
    length = member;
  }
  return length === -1 ? fail("empty", "expected a length (digits), found an empty value.", 0) : ok(length);
}

/**
 * `Content-Length` (RFC 9110 §8.6): the length of the content in bytes.
 *
 * @remarks
 * Repeated values (`42, 42`, or two lines of `42`) are accepted only when they are all equal;
 * different ones are the error `conflicting-values`, which a server must answer with 400.
 *
 * @example
 * ```ts
 * contentLengthHeader.parse("1024");        // { ok: true, value: 1024 }
 * contentLengthHeader.parse(["5", "6"]);    // { ok: false, error: { code: "conflicting-values", … } }
 * contentLengthHeader.serialize(1024);      // "1024"
 * ```
 * @public
 */
export const contentLengthHeader: HeaderCodec<"content-length", number> = /* @__PURE__ */ codecOf({
  name: "content-length",
  reusable: true,
  parse: parseContentLength,
  serialize: (value) =>
    Number.isSafeInteger(value) && value >= 0
      ? String(value)
      : invalidValue("content-length", value, "an integer from 0 to 2^53 − 1"),
});
