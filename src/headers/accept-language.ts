import type { ParseResult } from "../syntax/result.js";
import { parseWeightedList, type WeightedListGrammar } from "../syntax/weighted-list.js";
import type { Weighted } from "../syntax/weight.js";
import { serializeWeighted } from "./accept-encoding.js";
import { codecOf, type HeaderCodec } from "./codec.js";
import { serializeMembers } from "./list-serializer.js";

//   Accept-Language = #( language-range [ weight ] )                   (RFC 9110 §12.5.4)
//   language-range  = ( 1*8ALPHA *( "-" 1*8alphanum ) ) / "*"          (RFC 4647 §2.1)
// Ranges are case-insensitive and come out lowercase. Matching them to language tags (basic
// filtering, RFC 4647 §3.3.1) is negotiate's.

/** Per ASCII code unit: 1 = letter, 2 = digit. */
function alphanumKind(c: number): number {
  const lower = c | 0x20;
  if (lower >= 0x61 && lower <= 0x7a) return 1;
  return c >= 0x30 && c <= 0x39 ? 2 : 0;
}

/**
 * Scans a language range at `s[start]`: the index one past it, or `-(i + 1)` for the first bad
 * character `i`. @internal
 */
export function scanLanguageRange(s: string, start: number, end: number): number {
  if (s.charCodeAt(start) === 0x2a) return start + 1;
  let i = start;
  let subtagStart = start;
  for (;;) {
    // The first subtag is letters only; later ones letters and digits; each 1 to 8 long.
    while (
      i < end &&
      i - subtagStart < 8 &&
      (alphanumKind(s.charCodeAt(i)) === 1 || (subtagStart !== start && alphanumKind(s.charCodeAt(i)) === 2))
    )
      i++;
    if (i === subtagStart) return -(i + 1);
    if (i < end && alphanumKind(s.charCodeAt(i)) !== 0) return -(i + 1);
    if (i === end || s.charCodeAt(i) !== 0x2d) return i;
    subtagStart = ++i;
  }
}

/** Whether `value` is a lowercase language range. */
function isLanguageRange(value: string): boolean {
  return value.length > 0 && scanLanguageRange(value, 0, value.length) === value.length && value === value.toLowerCase();
}

const ACCEPT_LANGUAGE: WeightedListGrammar<Weighted<string>> = {
  element: scanLanguageRange,
  parameters: false,
  code: "invalid-language-range",
  what: 'a language range ("en", "en-us" or "*")',
  member: (s, start, stop, _parameters, weight) => ({ value: s.slice(start, stop).toLowerCase(), weight }),
};

/** Parses `Accept-Language`. Never throws. @internal */
export function parseAcceptLanguage(value: string | readonly string[]): ParseResult<readonly Weighted<string>[]> {
  return parseWeightedList(value, ACCEPT_LANGUAGE);
}

/**
 * `Accept-Language` (RFC 9110 §12.5.4): the language ranges a client prefers, lowercase, with
 * their weights, in the client's order.
 *
 * @example
 * ```ts
 * acceptLanguageHeader.parse("fr-CH, fr;q=0.9, en;q=0.8, *;q=0.5");
 * // { ok: true, value: [{ value: "fr-ch", weight: 1 }, { value: "fr", weight: 0.9 }, …] }
 * negotiate("accept-language", req.headers["accept-language"], ["en", "fr"]);   // "fr"
 * ```
 * @public
 */
export const acceptLanguageHeader: HeaderCodec<"accept-language", readonly Weighted<string>[]> = /* @__PURE__ */ codecOf({
  name: "accept-language",
  parse: parseAcceptLanguage,
  serialize: (value) =>
    serializeMembers(
      "accept-language",
      value,
      (item) => serializeWeighted(item, isLanguageRange),
      'an array of { value: lowercase language range ("en-us", "*"), weight: 0…1 }',
    ),
});
