import type { Brand } from "./brand.js";
import { describeChar, isTchar } from "./chars.js";
import { isQuotable, isQuotedStringChar, quoteIfNeeded, skipHttpQuotedString, unquote } from "./quoted-string.js";
import { fail, ok, type ParseResult } from "./result.js";
import { isLowercaseToken } from "./token.js";
import { valueType, type ValueType } from "./value-type.js";

/**
 * A MIME type as a browser reads it: type, subtype and parameter names lowercase, parameter
 * values unquoted, the first of each parameter name kept, in order.
 *
 * @remarks
 * `essence` is `type/subtype`, the part to compare when asking "is this JSON?". Made only by
 * {@link (MediaType:variable)} and by parsing `Content-Type`. A parsed value is read-only, as its
 * type says, and may be shared: a `Content-Type` value a server sees again comes from a cache,
 * frozen, with a `parameters` map whose `set`, `delete` and `clear` throw `TypeError` (so does
 * the one empty map of every value without parameters). Build a new value rather than change one.
 *
 * @example
 * ```ts
 * const json: MediaType = MediaType.from("application/json; charset=utf-8");
 * json.essence;                    // "application/json"
 * json.parameters.get("charset");  // "utf-8"
 * ```
 * @public
 */
export type MediaType = Brand<
  {
    /** The type, lowercase (`"application"`). */
    readonly type: string;
    /** The subtype, lowercase (`"json"`). */
    readonly subtype: string;
    /** `type/subtype` (`"application/json"`). */
    readonly essence: string;
    /** Parameters by lowercase name, values unquoted, in the order they came. */
    readonly parameters: ReadonlyMap<string, string>;
  },
  "MediaType"
>;

// MIME Sniffing §4.4 "parse a MIME type" (the WHATWG algorithm every browser runs on
// Content-Type, Blob types and <object type>), roughly:
//   mime-type = OWS* type "/" subtype OWS* *( ";" OWS* [ parameter ] )
//   type, subtype = 1*token-code-point            (lowercased; failure if either is bad)
//   parameter = name "=" ( quoted-string / value )
// where HTTP whitespace is SP, HTAB, CR and LF and, unlike RFC 9110, a bad parameter never makes
// the MIME type fail: a parameter is kept only when its name is a token, its value is made of
// quoted-string code points (HTAB, SP to "~", U+0080 to U+00FF) and the name has not come before.
// An unquoted value ends at ";" and loses trailing whitespace (empty → dropped); a quoted one
// is read with "collect an HTTP quoted string" and anything after it up to ";" is ignored.

/**
 * The parameters of every MIME type and media range without any: one shared map, which costs
 * nothing per parse (allocating a `Map` costs as much as the rest of parsing `application/json`).
 * Its mutators throw, so a caller that casts away `ReadonlyMap` cannot change other values.
 * @internal
 */
export const NO_PARAMETERS: ReadonlyMap<string, string> = /* @__PURE__ */ readOnlyMap(new Map());

/**
 * `map` with its mutators replaced by ones that throw, for a map that several values share. It
 * stays a `Map` (same prototype, same entries), so it compares equal to one built by hand.
 * @internal
 */
export function readOnlyMap(map: Map<string, string>): ReadonlyMap<string, string> {
  const readOnly = () => {
    throw new TypeError("typed-headers: the parameters of a parsed value are read-only.");
  };
  for (const name of ["set", "delete", "clear"]) Object.defineProperty(map, name, { value: readOnly });
  return map;
}

function isHttpWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

const EXPECTED = "expected a MIME type (type/subtype)";

/**
 * MIME Sniffing "parse a MIME type" on `s[start, end)`. Offsets in failures index `s`.
 *
 * With `regularOnly`, returns `undefined` instead of a MIME type for which the algorithm had to
 * drop or skip something (a parameter it ignores, text after a quoted value, a CR or LF it
 * trims). A MIME type it does return was then read from tokens, separators, SP/HTAB and
 * quoted-string characters only, so the input holds no CR, LF, NUL or character above U+00FF:
 * Content-Type uses this to skip a separate pass over the value for those.
 * @internal
 */
export function scanMediaType(s: string, start: number, end: number, regularOnly?: false): ParseResult<MediaType>;
export function scanMediaType(s: string, start: number, end: number, regularOnly: boolean): ParseResult<MediaType> | undefined;
export function scanMediaType(s: string, start: number, end: number, regularOnly = false): ParseResult<MediaType> | undefined {
  let newline = false;
  for (; start < end && isHttpWhitespace(s.charCodeAt(start)); start++)
    newline ||= s.charCodeAt(start) < 0x20 && s.charCodeAt(start) !== 0x09;
  for (; end > start && isHttpWhitespace(s.charCodeAt(end - 1)); end--)
    newline ||= s.charCodeAt(end - 1) < 0x20 && s.charCodeAt(end - 1) !== 0x09;
  let upper = false;
  let i = start;
  for (; i < end; i++) {
    const c = s.charCodeAt(i);
    if (!isTchar(c)) break;
    if (c >= 0x41 && c <= 0x5a) upper = true;
  }
  if (i === end || s.charCodeAt(i) !== 0x2f) {
    return i === end
      ? fail("invalid-media-type", `${EXPECTED}, found ${start === end ? "an empty value" : `no "/"`}.`, i)
      : notTokenAt(s, i, "type");
  }
  if (i === start) return fail("invalid-media-type", `${EXPECTED}, found an empty type before "/" at offset ${i}.`, i);
  const slash = i;
  for (i++; i < end; i++) {
    const c = s.charCodeAt(i);
    if (!isTchar(c)) break;
    if (c >= 0x41 && c <= 0x5a) upper = true;
  }
  const subtypeEnd = i;
  for (; i < end && isHttpWhitespace(s.charCodeAt(i)); i++) newline ||= s.charCodeAt(i) < 0x20 && s.charCodeAt(i) !== 0x09;
  if (i < end && s.charCodeAt(i) !== 0x3b) return notTokenAt(s, subtypeEnd, "subtype");
  if (subtypeEnd === slash + 1) {
    return fail("invalid-media-type", `${EXPECTED}, found an empty subtype after "/" at offset ${slash}.`, slash + 1);
  }
  let type = s.slice(start, slash);
  let subtype = s.slice(slash + 1, subtypeEnd);
  let essence: string;
  if (upper) {
    type = type.toLowerCase();
    subtype = subtype.toLowerCase();
    essence = `${type}/${subtype}`;
  } else {
    essence = start === 0 && subtypeEnd === s.length ? s : s.slice(start, subtypeEnd);
  }
  let parameters = NO_PARAMETERS;
  let dropped = false;
  if (i < end) {
    const map = new Map<string, string>();
    dropped = addParameters(s, i, end, map);
    if (map.size > 0) parameters = map;
  }
  if (regularOnly && (newline || dropped)) return undefined;
  return ok({ type, subtype, essence, parameters } as unknown as MediaType);
}

/**
 * Reads the parameters from the ";" at `s[i]` up to `end` into `parameters`, as MIME Sniffing
 * does. Returns whether it dropped or skipped anything on the way (see {@link scanMediaType}).
 */
function addParameters(s: string, i: number, end: number, parameters: Map<string, string>): boolean {
  let dropped = false;
  while (i < end) {
    i++; // the ";"
    for (; i < end && isHttpWhitespace(s.charCodeAt(i)); i++) dropped ||= s.charCodeAt(i) < 0x20 && s.charCodeAt(i) !== 0x09;
    const nameStart = i;
    let nameIsToken = true;
    let upper = false;
    for (; i < end; i++) {
      const c = s.charCodeAt(i);
      if (c === 0x3b || c === 0x3d) break;
      if (!isTchar(c)) nameIsToken = false;
      else if (c >= 0x41 && c <= 0x5a) upper = true;
    }
    if (i === end || s.charCodeAt(i) === 0x3b) {
      // A name without "=": ignored.
      dropped ||= i !== nameStart;
      continue;
    }
    const nameEnd = i;
    i++; // the "="
    if (i === end) return true;
    let value: string;
    let quotable: boolean;
    if (s.charCodeAt(i) === 0x22) {
      const stop = skipHttpQuotedString(s, i, end);
      value = unquote(s, i, stop);
      quotable = isQuotable(value);
      i = stop;
      // Anything between the closing quote and the next ";" is ignored.
      while (i < end && s.charCodeAt(i) !== 0x3b) i++;
      dropped ||= i !== stop;
    } else {
      const valueStart = i;
      let firstUnquotable = -1;
      for (; i < end; i++) {
        const c = s.charCodeAt(i);
        if (c === 0x3b) break;
        if (firstUnquotable === -1 && !isQuotedStringChar(c)) firstUnquotable = i;
      }
      let valueEnd = i;
      while (valueEnd > valueStart && isHttpWhitespace(s.charCodeAt(valueEnd - 1))) valueEnd--;
      if (valueEnd === valueStart) {
        dropped = true;
        continue;
      }
      value = s.slice(valueStart, valueEnd);
      // Trailing whitespace (which may hold CR or LF) is not part of the value.
      quotable = firstUnquotable === -1 || firstUnquotable >= valueEnd;
    }
    if (!nameIsToken || nameEnd === nameStart || !quotable) {
      dropped = true;
      continue;
    }
    const name = upper ? s.slice(nameStart, nameEnd).toLowerCase() : s.slice(nameStart, nameEnd);
    if (parameters.has(name)) dropped = true;
    else parameters.set(name, value);
  }
  return dropped;
}

function notTokenAt(s: string, i: number, part: "type" | "subtype"): ParseResult<never> {
  return fail(
    "invalid-media-type",
    `${EXPECTED}, found ${describeChar(s, i)} in the ${part} at offset ${i}: browsers ignore a Content-Type they cannot parse.`,
    i,
  );
}

/** A {@link MediaType}'s fields read once, or undefined when it is not a valid MediaType. */
interface MediaTypeSnapshot {
  readonly essence: string;
  readonly names: string[];
  readonly values: string[];
}

/**
 * Reads `value` once and checks it is a canonical {@link MediaType}: lowercase token type and
 * subtype, `essence` their join, a `Map` of lowercase token names to quotable values.
 * Never throws (getters and proxies that throw make it invalid).
 */
function snapshotMediaType(value: unknown): MediaTypeSnapshot | undefined {
  try {
    if (typeof value !== "object" || value === null) return undefined;
    const { type, subtype, essence, parameters } = value as Record<string, unknown>;
    if (typeof type !== "string" || typeof subtype !== "string" || !isLowercaseToken(type) || !isLowercaseToken(subtype)) {
      return undefined;
    }
    if (essence !== `${type}/${subtype}` || !(parameters instanceof Map)) return undefined;
    const names: string[] = [];
    const values: string[] = [];
    for (const [name, parameter] of Map.prototype.entries.call(parameters) as IterableIterator<[unknown, unknown]>) {
      if (typeof name !== "string" || typeof parameter !== "string" || !isLowercaseToken(name) || !isQuotable(parameter)) {
        return undefined;
      }
      names.push(name);
      values.push(parameter);
    }
    return { essence, names, values };
  } catch {
    return undefined;
  }
}

/**
 * MIME Sniffing "serialize a MIME type": `type/subtype;name=value`, values quoted when they are
 * empty or not tokens. `undefined` when `value` is not a valid {@link MediaType}.
 * @internal
 */
export function serializeMediaType(value: unknown): string | undefined {
  const snapshot = snapshotMediaType(value);
  if (snapshot === undefined) return undefined;
  let out = snapshot.essence;
  for (let k = 0; k < snapshot.names.length; k++) out += `;${snapshot.names[k]}=${quoteIfNeeded(snapshot.values[k] as string)}`;
  return out;
}

/**
 * Parse, construct and recognise {@link (MediaType:type)} values.
 *
 * @remarks
 * `parse` is MIME Sniffing's "parse a MIME type" on any string (as for a `Blob` type), so it
 * accepts a few things a header cannot hold (CR and LF at the ends are trimmed); the
 * `content-type` header adds the field-value rules and the joining of several lines.
 *
 * @example
 * ```ts
 * MediaType.parse("Text/HTML; Charset=\"utf-8\"");  // ok: essence "text/html", charset "utf-8"
 * MediaType.from("json");                           // throws TypeError: no "/"
 * MediaType.is(MediaType.from("text/plain"));       // true
 * ```
 * @public
 */
export const MediaType: ValueType<MediaType> = /* @__PURE__ */ valueType(
  "MediaType",
  (input: string) => (typeof input === "string" ? scanMediaType(input, 0, input.length) : notAString(input)),
  (value: unknown): value is MediaType => snapshotMediaType(value) !== undefined,
);

function notAString(input: unknown): ParseResult<never> {
  return fail("invalid-input", `expected a string, found a ${typeof input}.`);
}
