import { type MediaType, NO_PARAMETERS, readOnlyMap, scanMediaType, serializeMediaType } from "../syntax/media-type.js";
import { skipHttpQuotedString } from "../syntax/quoted-string.js";
import { fail, ok, type Failure, type ParseResult } from "../syntax/result.js";
import { codecOf, type HeaderCodec } from "./codec.js";
import { invalidValue } from "./definition.js";

//   Content-Type = media-type                                   (RFC 9110 §8.3)
//   media-type   = type "/" subtype parameters
// What a browser derives, which is the contract here: Fetch "extract a MIME type" over the
// combined value — split on commas outside quoted strings ("get, decode, and split"), parse each
// piece with MIME Sniffing "parse a MIME type" (see syntax/media-type.ts), skip failures and
// "*/*", keep the LAST valid one; a charset carries over from an earlier piece with the same
// essence when the later one has none. So `application/json, text/plain` is text/plain, and
// `text/plain;charset=gbk, text/plain` is text/plain;charset=gbk. No valid piece → error.
// Servers that read the first piece or the whole string disagree with browsers on exactly these
// inputs (duplicate lines, commas, tabs): the confusion behind CVE-2025-32442.

// A server reads the same few Content-Type values over and over (every JSON request from one
// client carries the same bytes), so recent results are kept in a small direct-mapped cache keyed
// by the exact string. Finding a slot reads four characters and the length (hashing a string the
// HTTP parser has just made would read all of it); a hit costs one string comparison and
// allocates nothing. It is bounded: SLOTS entries of at most MAX_CACHED characters. A value
// replaces a slot's entry only when it comes twice in a row among the values that missed there,
// so values that never repeat (multipart boundaries, hostile input) cost a comparison and a store
// and never evict what does repeat. Cached results are frozen, their parameters read-only (see
// readOnlyMap): every caller receives the same object, and none can change it for the others.
const SLOTS = 64;
const MAX_CACHED = 128;

interface Cache {
  readonly keys: (string | undefined)[];
  readonly results: (ParseResult<MediaType> | undefined)[];
  /** The last value that missed in each slot. */
  readonly candidates: (string | undefined)[];
}

const cache: Cache = /* @__PURE__ */ emptyCache();

function emptyCache(): Cache {
  const slots = () => Array.from<undefined>({ length: SLOTS });
  return { keys: slots(), results: slots(), candidates: slots() };
}

/** The slot of `s` (its length is 1 to MAX_CACHED): a multiplicative hash of the length and four characters. */
function slotOf(s: string): number {
  const n = s.length;
  let h = Math.imul(n, 0x9e3779b1) ^ s.charCodeAt(n >> 1);
  h = Math.imul(h ^ s.charCodeAt(n - 1), 0x85ebca6b) ^ s.charCodeAt(n >> 2);
  h = Math.imul(h ^ s.charCodeAt((n * 3) >> 2), 0xc2b2ae35);
  return h >>> 26; // the top 6 bits: SLOTS = 64
}

/** Parses Content-Type's field lines as Fetch "extract a MIME type". Never throws. */
function parseContentType(value: string | readonly string[]): ParseResult<MediaType> {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_CACHED) return parseLines(value);
  const slot = slotOf(value);
  if (cache.keys[slot] === value) return cache.results[slot] as ParseResult<MediaType>;
  const result = parseLines(value);
  if (cache.candidates[slot] !== value) cache.candidates[slot] = value;
  else if (result.ok) {
    cache.keys[slot] = value;
    cache.results[slot] = frozen(result);
    cache.candidates[slot] = undefined;
  }
  return result;
}

/** `result`, made unchangeable in place so that it can be shared. */
function frozen(result: ParseResult<MediaType> & { ok: true }): ParseResult<MediaType> {
  const { parameters } = result.value;
  if (parameters !== NO_PARAMETERS) readOnlyMap(parameters as Map<string, string>);
  Object.freeze(result.value);
  return Object.freeze(result);
}

function parseLines(value: string | readonly string[]): ParseResult<MediaType> {
  const s = typeof value === "string" ? value : value.length === 1 ? (value[0] as string) : value.join(", ");
  // The common case, one MIME type without commas and nothing to drop, in one pass: such a
  // value cannot hold CR, LF, NUL or characters above U+00FF (see scanMediaType).
  const comma = s.indexOf(",") !== -1;
  if (!comma) {
    const result = scanMediaType(s, 0, s.length, true);
    if (result !== undefined) return result.ok && result.value.essence === "*/*" ? wildcardFailure(0) : result;
  }
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x0d || c === 0x0a || c === 0 || c > 0xff) {
      return fail("invalid-character", `found a character no field value holds at offset ${i}.`, i);
    }
  }
  if (!comma) {
    const result = scanMediaType(s, 0, s.length);
    return result.ok && result.value.essence === "*/*" ? wildcardFailure(0) : result;
  }
  return extractMediaType(s);
}

/** Fetch "extract a MIME type" over the comma-separated pieces of `s`. */
function extractMediaType(s: string): ParseResult<MediaType> {
  let mediaType: MediaType | undefined;
  let essence = "";
  let charset: string | undefined;
  let firstFailure: Failure | undefined;
  let start = 0;
  for (;;) {
    const stop = endOfPiece(s, start);
    const result = scanMediaType(s, start, stop);
    if (result.ok && result.value.essence !== "*/*") {
      const candidate = result.value;
      const own = candidate.parameters.get("charset");
      if (candidate.essence !== essence) {
        charset = own;
        essence = candidate.essence;
        mediaType = candidate;
      } else if (own === undefined && charset !== undefined) {
        mediaType = { ...candidate, parameters: new Map(candidate.parameters).set("charset", charset) } as MediaType;
      } else {
        mediaType = candidate;
      }
    } else {
      firstFailure ??= result.ok ? wildcardFailure(start) : result;
    }
    if (stop === s.length) break;
    start = stop + 1;
  }
  if (mediaType !== undefined) return ok(mediaType);
  return fail(
    "invalid-media-type",
    `no comma-separated piece is a MIME type; the first problem: ${(firstFailure as Failure).error.message}`,
    (firstFailure as Failure).error.offset,
  );
}

/** Index of the "," that ends the piece starting at `s[start]` (quoted strings skipped), or `s.length`. */
function endOfPiece(s: string, start: number): number {
  let i = start;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === 0x2c) return i;
    i = c === 0x22 ? skipHttpQuotedString(s, i, s.length) : i + 1;
  }
  return i;
}

function wildcardFailure(offset: number): Failure {
  return fail(
    "invalid-media-type",
    `found "*/*" at offset ${offset}: a response has a type, and browsers skip "*/*" in Content-Type.`,
    offset,
  );
}

/**
 * `Content-Type` (RFC 9110 §8.3): the media type of the content, parsed exactly as a browser
 * derives it (Fetch "extract a MIME type" over all field lines, MIME Sniffing "parse a MIME
 * type") and serialized as MIME Sniffing's "serialize a MIME type".
 *
 * @remarks
 * Compare `essence` to ask "is this JSON?": it is lowercase and free of whitespace and
 * parameters, so `Application/JSON ; charset=utf-8` and `application/json` both give
 * `"application/json"`. A value with a tab or a space inside the essence is an error, never a
 * near match. `*\/*` is never a content type.
 *
 * @example
 * ```ts
 * const type = contentTypeHeader.parse(request.headers.get("content-type"));   // a Fetch Request
 * const body: unknown = type.ok && type.value.essence === "application/json" ? await request.json() : await request.text();
 * contentTypeHeader.serialize(MediaType.from("text/html; charset=UTF-8"));   // "text/html;charset=UTF-8"
 * ```
 * @public
 */
export const contentTypeHeader: HeaderCodec<"content-type", MediaType> = /* @__PURE__ */ codecOf({
  name: "content-type",
  parse: parseContentType,
  serialize: (value) => {
    const out = serializeMediaType(value);
    if (out !== undefined && !(out.startsWith("*/*") && (out.length === 3 || out.charCodeAt(3) === 0x3b))) return out;
    return invalidValue("content-type", value, 'a MediaType (MediaType.from("type/subtype")) other than */*');
  },
});
