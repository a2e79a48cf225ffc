import { describeChar, isTchar } from "../../syntax/chars.js";
import { digitsEnd, digitsLess, digitsValue, isRangeNumber } from "../../syntax/range-numbers.js";
import { fail, ok, type Failure, type ParseResult } from "../../syntax/result.js";
import { parseSingleLine } from "../../syntax/single.js";
import { isToken } from "../../syntax/token.js";
import { codecOf, type HeaderCodec } from "../codec.js";
import { invalidValue } from "../definition.js";

//   Content-Range     = range-unit SP ( range-resp / unsatisfied-range )   (RFC 9110 §14.4)
//   range-resp        = incl-range "/" ( complete-length / "*" )
//   incl-range        = first-pos "-" last-pos
//   unsatisfied-range = "*/" complete-length
//   complete-length   = 1*DIGIT
// Invalid, though it matches the grammar: last-pos below first-pos, or a complete-length not
// above last-pos. The unit is case-insensitive and read lowercase.

/**
 * The value of `Content-Range`: the unit, the range sent (`null` in a 416, which sends only the size), and the
 * representation's complete length (`null` when unknown, written `*`).
 *
 * @example
 * ```ts
 * const partial: ContentRange = { unit: "bytes", range: { first: 0, last: 499 }, size: 1234 };
 * const unsatisfied: ContentRange = { unit: "bytes", range: null, size: 1234 };   // for a 416
 * ```
 * @public
 */
export type ContentRange =
  | { readonly unit: string; readonly range: { readonly first: number; readonly last: number }; readonly size: number | null }
  | { readonly unit: string; readonly range: null; readonly size: number };

const SP = 0x20;
const DASH = 0x2d;
const SLASH = 0x2f;
const STAR = 0x2a;

function scanContentRange(s: string, start: number, end: number): ParseResult<ContentRange> {
  let i = start;
  while (i < end && isTchar(s.charCodeAt(i))) i++;
  if (i === start) return invalid(s, i, end, "a range unit such as bytes");
  const unit = s.slice(start, i).toLowerCase();
  if (s.charCodeAt(i) !== SP) return invalid(s, i, end, "one space after the range unit");
  i++;
  if (s.charCodeAt(i) === STAR) {
    if (s.charCodeAt(i + 1) !== SLASH) return invalid(s, i + 1, end, '"/" after "*"');
    const sizeEnd = digitsEnd(s, i + 2, end);
    if (sizeEnd === i + 2 || sizeEnd !== end) return invalid(s, sizeEnd, end, "the complete length (digits) to the end");
    return ok({ unit, range: null, size: digitsValue(s, i + 2, end) });
  }
  const firstEnd = digitsEnd(s, i, end);
  if (firstEnd === i || s.charCodeAt(firstEnd) !== DASH)
    return invalid(s, firstEnd, end, firstEnd === i ? 'a first position or "*"' : '"-"');
  const lastEnd = digitsEnd(s, firstEnd + 1, end);
  if (lastEnd === firstEnd + 1 || s.charCodeAt(lastEnd) !== SLASH)
    return invalid(s, lastEnd, end, lastEnd === firstEnd + 1 ? "a last position" : '"/"');
  const first = digitsValue(s, i, firstEnd);
  const last = digitsValue(s, firstEnd + 1, lastEnd);
  if (last < first || (last === first && digitsLess(s, firstEnd + 1, lastEnd, i, firstEnd))) {
    return fail("invalid-content-range", `the range at offset ${i} ends before it starts (last-pos < first-pos).`, i);
  }
  if (lastEnd + 2 === end && s.charCodeAt(lastEnd + 1) === STAR) return ok({ unit, range: { first, last }, size: null });
  const sizeEnd = digitsEnd(s, lastEnd + 1, end);
  if (sizeEnd === lastEnd + 1 || sizeEnd !== end)
    return invalid(s, sizeEnd, end, 'the complete length (digits) or "*" to the end');
  const size = digitsValue(s, lastEnd + 1, end);
  if (size < last || (size === last && !digitsLess(s, firstEnd + 1, lastEnd, lastEnd + 1, end))) {
    return fail(
      "invalid-content-range",
      `the complete length at offset ${lastEnd + 1} is not above the last position.`,
      lastEnd + 1,
    );
  }
  return ok({ unit, range: { first, last }, size });
}

function invalid(s: string, i: number, end: number, expected: string): Failure {
  const found = i >= end ? "the end of the value" : describeChar(s, i);
  return fail("invalid-content-range", `expected ${expected}, found ${found} at offset ${i}.`, i);
}

function serializeContentRange(value: ContentRange): string {
  let unit: unknown;
  let range: unknown;
  let size: unknown;
  let first: unknown;
  let last: unknown;
  try {
    ({ unit, range, size } = value as { unit: unknown; range: unknown; size: unknown });
    if (range !== null && typeof range === "object") ({ first, last } = range as { first: unknown; last: unknown });
  } catch {
    return invalidValue("content-range", value, "a ContentRange");
  }
  if (typeof unit === "string" && isToken(unit) && unit === unit.toLowerCase()) {
    if (range === null && isRangeNumber(size)) return `${unit} */${size}`;
    if (isRangeNumber(first) && isRangeNumber(last) && first <= last && (size === null || (isRangeNumber(size) && size > last))) {
      return `${unit} ${first}-${last}/${size ?? "*"}`;
    }
  }
  return invalidValue(
    "content-range",
    value,
    "{ unit, range: { first, last } | null, size } with a lowercase unit, first <= last < size, and a size when range is null",
  );
}

/**
 * `Content-Range`: which part of the representation a 206 carries, or the complete length in a
 * 416.
 *
 * @example
 * ```ts
 * contentRangeHeader.serialize({ unit: "bytes", range: { first: 0, last: 499 }, size: 1234 });  // "bytes 0-499/1234"
 * contentRangeHeader.serialize({ unit: "bytes", range: null, size: 1234 });  // the 416 form, "bytes *" + "/1234"
 * ```
 * @public
 */
export const contentRangeHeader: HeaderCodec<"content-range", ContentRange> = /* @__PURE__ */ codecOf({
  name: "content-range",
  parse: (value) => parseSingleLine(value, scanContentRange),
  serialize: serializeContentRange,
});
