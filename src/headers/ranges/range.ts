import { arraySnapshot } from "../../syntax/array-snapshot.js";
import { describeChar, isOws, isTchar, skipOws } from "../../syntax/chars.js";
import { digitsLess, isRangeNumber } from "../../syntax/range-numbers.js";
import { fail, ok, type Failure, type ParseResult } from "../../syntax/result.js";
import { parseSingleLine } from "../../syntax/single.js";
import { isToken } from "../../syntax/token.js";
import { codecOf, type HeaderCodec } from "../codec.js";
import { invalidValue } from "../definition.js";

//   Range            = ranges-specifier                          (RFC 9110 §14.2)
//   ranges-specifier = range-unit "=" range-set
//   range-unit       = token                                     ; case-insensitive
//   range-set        = 1#range-spec
//   range-spec       = int-range / suffix-range / other-range
//   int-range        = first-pos "-" [ last-pos ]                ; invalid if last-pos < first-pos
//   suffix-range     = "-" suffix-length
//   other-range      = 1*( %x21-2B / %x2D-7E )                   ; any VCHAR but ","
//
// Browsers read a Range header with Fetch's "parse a single range header value", which also
// allows SP/HTAB around "=" and "-" (`bytes = 5 - 10`); so does this parser, for every range.
// Unlike Fetch (which serves one range from a blob), several ranges and empty list members
// (`bytes=0-5,`) are valid, as RFC 9110 says. Units other than `bytes` keep their range-set as
// text, checked against other-range.

/**
 * One byte range as requested: `first-last` (`last` absent for "to the end") or the final
 * `suffix` bytes.
 *
 * @example
 * ```ts
 * const specs: ByteRangeSpec[] = [{ first: 0, last: 499 }, { first: 9500 }, { suffix: 500 }];
 * ```
 * @public
 */
export type ByteRangeSpec = { readonly first: number; readonly last?: number } | { readonly suffix: number };

/**
 * The value of `Range`: byte ranges, in the order requested, or, for another unit, its
 * range-set as text.
 *
 * @remarks
 * Narrow with `"ranges" in range` (a unit other than `bytes` never has `ranges`). Positions are
 * integers up to `Number.MAX_SAFE_INTEGER`; longer numerals are read as that.
 *
 * @example
 * ```ts
 * const range = rangeHeader.parse("bytes=0-499, -500");
 * // { ok: true, value: { unit: "bytes", ranges: [{ first: 0, last: 499 }, { suffix: 500 }] } }
 * ```
 * @public
 */
export type Range =
  | { readonly unit: "bytes"; readonly ranges: readonly ByteRangeSpec[] }
  | { readonly unit: string; readonly value: string };

const EQUALS = 0x3d;
const DASH = 0x2d;
const COMMA = 0x2c;
const SP = 0x20;
const HTAB = 0x09;

/** Scans `s[start, end)` as a ranges-specifier. */
function scanRange(s: string, start: number, end: number): ParseResult<Range> {
  let i = start;
  while (i < end && isTchar(s.charCodeAt(i))) i++;
  if (i === start) return invalidRange(s, i, end, "a range unit such as bytes");
  const unitEnd = i;
  i = skipOws(s, i, end);
  if (i === end || s.charCodeAt(i) !== EQUALS) return invalidRange(s, i, end, '"=" after the range unit');
  i = skipOws(s, i + 1, end);
  if (unitEnd - start === 5 && isBytesAt(s, start)) return scanByteRangeSet(s, i, end);
  return scanOtherRangeSet(s, s.slice(start, unitEnd).toLowerCase(), i, end);
}

/**
 * Whether the five tchars at `s[i]` are "bytes" in any case. Compares character codes (with the
 * ASCII case bit set): V8's startsWith at a position is slower than the whole range scan.
 */
function isBytesAt(s: string, i: number): boolean {
  return (
    (s.charCodeAt(i) | 0x20) === 0x62 &&
    (s.charCodeAt(i + 1) | 0x20) === 0x79 &&
    (s.charCodeAt(i + 2) | 0x20) === 0x74 &&
    (s.charCodeAt(i + 3) | 0x20) === 0x65 &&
    (s.charCodeAt(i + 4) | 0x20) === 0x73
  );
}

/**
 * Scans `1#( int-range / suffix-range )` at `s[i, end)`.
 *
 * Speed tricks: each character is read once (reading is the main cost here): `c` holds the
 * character at `i`, or -1 at `end`, and the numbers' values are taken in the same pass. Most
 * requests hold one range, so the first spec waits in `single` and the array is made as a
 * one-element literal when the set ends there (`push` onto an empty array would first allocate
 * a backing store for 17 elements).
 */
function scanByteRangeSet(s: string, i: number, end: number): ParseResult<Range> {
  let single: ByteRangeSpec | undefined;
  let ranges: ByteRangeSpec[] | undefined;
  let c = charAt(s, i, end);
  for (;;) {
    while (c === SP || c === HTAB || c === COMMA) c = charAt(s, ++i, end); // OWS and empty list members
    if (c === -1) break;
    const firstStart = i;
    let first = 0;
    for (; c >= 0x30 && c <= 0x39; c = charAt(s, ++i, end)) first = first * 10 + (c - 0x30);
    const firstEnd = i;
    while (c === SP || c === HTAB) c = charAt(s, ++i, end);
    if (c !== DASH) {
      return invalidRange(s, i, end, firstEnd === firstStart ? 'a position (digits) or "-"' : '"-" after the first position');
    }
    c = charAt(s, ++i, end);
    while (c === SP || c === HTAB) c = charAt(s, ++i, end);
    const lastStart = i;
    let last = 0;
    for (; c >= 0x30 && c <= 0x39; c = charAt(s, ++i, end)) last = last * 10 + (c - 0x30);
    const lastEnd = i;
    let spec: ByteRangeSpec;
    if (firstEnd === firstStart) {
      if (lastEnd === lastStart) return invalidRange(s, lastStart, end, 'the suffix length (digits) after "-"');
      spec = { suffix: capped(last) };
    } else if (lastEnd === lastStart) {
      spec = { first: capped(first) };
    } else {
      first = capped(first);
      last = capped(last);
      if (last < first || (last === first && digitsLess(s, lastStart, lastEnd, firstStart, firstEnd))) {
        return fail(
          "invalid-range",
          `the range at offset ${firstStart} ends before it starts (last-pos < first-pos), which makes it invalid.`,
          firstStart,
        );
      }
      spec = { first, last };
    }
    if (single === undefined) single = spec;
    else if (ranges === undefined) ranges = [single, spec];
    else ranges.push(spec);
    while (c === SP || c === HTAB) c = charAt(s, ++i, end);
    if (c !== COMMA && c !== -1) return invalidRange(s, i, end, '"," or the end of the value');
  }
  if (single === undefined) return invalidRange(s, end, end, "at least one range");
  return ok({ unit: "bytes", ranges: ranges ?? [single] });
}

/** The character code at `s[i]`, or -1 at or after `end`. */
function charAt(s: string, i: number, end: number): number {
  return i < end ? s.charCodeAt(i) : -1;
}

/**
 * A number read digit by digit, capped at `Number.MAX_SAFE_INTEGER`: exact up to the cap (every
 * partial value is smaller than the whole), and past the cap whatever rounding did.
 */
function capped(value: number): number {
  return Math.min(value, Number.MAX_SAFE_INTEGER);
}

/** Scans `1#other-range` at `s[i, end)`, keeping it as text. */
function scanOtherRangeSet(s: string, unit: string, i: number, end: number): ParseResult<Range> {
  const bad = indexOfNonOtherRange(s, i, end);
  if (bad !== -1) return invalidRange(s, bad, end, "a range (visible characters)");
  if (!hasOtherRange(s, i, end)) return invalidRange(s, end, end, "at least one range");
  return ok({ unit, value: s.slice(i, end) });
}

/** The index of the first character of `s[i, end)` that is neither in other-range nor a list separator, or -1. */
function indexOfNonOtherRange(s: string, i: number, end: number): number {
  for (; i < end; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 0x21 && c <= 0x7e) || c === 0x20 || c === 0x09)) return i;
  }
  return -1;
}

/** Whether `s[i, end)` (list separators and other-range characters only) holds a member, with no space inside one. */
function hasOtherRange(s: string, i: number, end: number): boolean {
  let members = 0;
  let inMember = false;
  let spaceAfter = false;
  for (; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === COMMA) {
      inMember = false;
      spaceAfter = false;
    } else if (c === 0x20 || c === 0x09) {
      if (inMember) spaceAfter = true;
    } else {
      if (spaceAfter) return false; // whitespace inside a member
      if (!inMember) members++;
      inMember = true;
    }
  }
  return members > 0;
}

function invalidRange(s: string, i: number, end: number, expected: string): Failure {
  const found = i >= end ? "the end of the value" : describeChar(s, i);
  return fail(
    "invalid-range",
    `expected ${expected}, found ${found} at offset ${i}; a server ignores an invalid Range and sends the whole representation.`,
    i,
  );
}

/** `first-last`, `first-` or `-suffix` from a snapshot of `spec`, or undefined when it is not a valid spec. */
function formatByteRangeSpec(spec: unknown): string | undefined {
  try {
    if (typeof spec !== "object" || spec === null) return undefined;
    const { first, last, suffix } = spec as { first?: unknown; last?: unknown; suffix?: unknown };
    if (first === undefined) return last === undefined && isRangeNumber(suffix) ? `-${suffix}` : undefined;
    if (suffix !== undefined || !isRangeNumber(first)) return undefined;
    if (last === undefined) return `${first}-`;
    return isRangeNumber(last) && last >= first ? `${first}-${last}` : undefined;
  } catch {
    return undefined;
  }
}

function serializeRange(value: Range): string {
  let unit: unknown;
  let ranges: unknown;
  let text: unknown;
  try {
    ({ unit, ranges, value: text } = value as { unit: unknown; ranges?: unknown; value?: unknown });
  } catch {
    return invalidValue("range", value, "a Range");
  }
  if (unit === "bytes") {
    const specs = arraySnapshot(ranges);
    const parts: string[] = [];
    for (const spec of specs ?? []) {
      const part = formatByteRangeSpec(spec);
      if (part === undefined) break;
      parts.push(part);
    }
    if (specs !== undefined && parts.length === specs.length && parts.length > 0) return `bytes=${parts.join(", ")}`;
    return invalidValue(
      "range",
      value,
      '{ unit: "bytes", ranges } with at least one { first, last? } (last >= first) or { suffix }, integers from 0',
    );
  }
  if (typeof unit === "string" && isToken(unit) && unit === unit.toLowerCase() && typeof text === "string") {
    const end = text.length;
    const trimmed = end > 0 && skipOws(text, 0, end) === 0 && skipOws(text, end - 1, end) === end - 1;
    if (trimmed && indexOfNonOtherRange(text, 0, end) === -1 && hasOtherRange(text, 0, end)) return `${unit}=${text}`;
  }
  return invalidValue("range", value, '{ unit: "bytes", ranges } or { unit, value } with a lowercase unit token and a range-set');
}

/**
 * `Range`: the parts of the representation the client asks for (GET only).
 *
 * @example
 * ```ts
 * rangeHeader.parse("bytes=0-499");                                // { ok: true, value: { unit: "bytes", ranges: [{ first: 0, last: 499 }] } }
 * rangeHeader.serialize({ unit: "bytes", ranges: [{ suffix: 500 }] });  // "bytes=-500"
 * ```
 * @public
 */
export const rangeHeader: HeaderCodec<"range", Range> = /* @__PURE__ */ codecOf({
  name: "range",
  parse: (value) =>
    // Speed trick: one line that starts with `bytes=` (as every client writes it) and ends
    // without OWS is scanned where it stands, without the trims, the token scan of the unit and
    // the general scanner's call; reading a character is the main cost of this parser.
    typeof value === "string" &&
    value.length > 6 &&
    isBytesAt(value, 0) &&
    value.charCodeAt(5) === EQUALS &&
    !isOws(value.charCodeAt(value.length - 1))
      ? scanByteRangeSet(value, 6, value.length)
      : parseSingleLine(value, scanRange),
  serialize: serializeRange,
});
