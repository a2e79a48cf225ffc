import { asLibraryError } from "../syntax/describe.js";
import { ifRangeHeader } from "../headers/conditional/if-range.js";
import { HeaderMap, type HeaderInput } from "../map/header-map.js";
import { pickedNames, pickRecordLines } from "../map/pick-lines.js";
import { skipOws, trimOwsEnd } from "../syntax/chars.js";
import { isEntityTagText, soleEntityTagStart, strongCompare, walkEntityTags, type EntityTag } from "../syntax/entity-tag.js";
import { httpDateMillis, wholeSeconds, type HttpDate } from "../syntax/http-date.js";

// RFC 9110 §13.2.2, in its order:
//   1. If-Match present: false → 412.
//   2. else If-Unmodified-Since present: false → 412.
//   3. If-None-Match present: false → 304 for GET/HEAD, 412 otherwise.
//   4. else, for GET/HEAD, If-Modified-Since present: false → 304.
//   5. GET with Range and If-Range: true → the Range may be honoured; false → ignore the Range.
// §13.2.1: none of this applies to CONNECT, OPTIONS or TRACE. If-Modified-Since and
// If-Unmodified-Since are ignored when they are not one valid HTTP-date, or when the resource has
// no modification date (§13.1.3, §13.1.4).
//
// Choices where the RFC is silent:
// - `current: null` means there is no current representation (a PUT that would create one):
//   `If-Match: *` is then false and `If-None-Match: *` true.
// - An If-Match or If-None-Match that does not parse is ignored for GET and HEAD (a full 200 is
//   always a correct answer) and makes an unsafe method fail with 412: the client asked for a
//   guard that cannot be checked, so the change is not made.
// - Methods are classified case-insensitively (`get` is GET), as a JavaScript caller means it.
// - An If-Range date is true only when it equals the Last-Modified date to the second; pass a
//   `lastModified` only if it is a strong validator (§8.8.2.2) for If-Range to use it.

/**
 * What {@link evaluatePreconditions} reads from a request: its method and headers (anything
 * `HeaderMap.from` accepts, e.g. Node's `req.headers` or a Fetch `Headers`).
 *
 * @example
 * ```ts
 * const request: PreconditionRequest = { method: req.method ?? "GET", headers: req.headers };
 * ```
 * @public
 */
export interface PreconditionRequest {
  /** The request method (`GET`, `PUT`, …), compared case-insensitively. */
  readonly method: string;
  /** The request headers. */
  readonly headers: HeaderInput;
}

/**
 * The validators of the selected representation as it is now.
 *
 * @example
 * ```ts
 * import { createHash } from "node:crypto";
 * import { readFileSync, statSync } from "node:fs";
 * import { type CurrentRepresentation, HttpDate } from "typed-headers";
 *
 * const file = "public/index.html";
 * const hash = createHash("sha256").update(readFileSync(file)).digest("base64url");
 * const current: CurrentRepresentation = { etag: { weak: false, tag: hash }, lastModified: HttpDate.from(statSync(file).mtime) };
 * ```
 * @public
 */
export interface CurrentRepresentation {
  /** Its entity tag, if it has one. */
  readonly etag?: EntityTag;
  /** Its modification date, if it has one (milliseconds are ignored). */
  readonly lastModified?: HttpDate;
}

/**
 * The outcome of {@link evaluatePreconditions}.
 *
 * @example
 * ```ts
 * const outcome: PreconditionOutcome = { status: 304, useRange: false };
 * ```
 * @public
 */
export interface PreconditionOutcome {
  /** `304` (Not Modified) or `412` (Precondition Failed) to answer with, or `null` to go on. */
  readonly status: 304 | 412 | null;
  /** Whether the request's Range may be honoured: a GET with a Range and no failed If-Range. */
  readonly useRange: boolean;
}

const PROCEED_WITH_RANGE: PreconditionOutcome = /* @__PURE__ */ Object.freeze({ status: null, useRange: true });
const PROCEED: PreconditionOutcome = /* @__PURE__ */ Object.freeze({ status: null, useRange: false });
const NOT_MODIFIED: PreconditionOutcome = /* @__PURE__ */ Object.freeze({ status: 304, useRange: false });
const PRECONDITION_FAILED: PreconditionOutcome = /* @__PURE__ */ Object.freeze({ status: 412, useRange: false });

/** How a method takes part in preconditions. */
enum Kind {
  Get,
  Head,
  Unsafe,
  Ignored,
}

function kindOf(method: string): Kind {
  if (method === "GET") return Kind.Get; // the common case, without uppercasing
  switch (method.toUpperCase()) {
    case "GET":
      return Kind.Get;
    case "HEAD":
      return Kind.Head;
    case "OPTIONS":
    case "TRACE":
    case "CONNECT":
      return Kind.Ignored;
    default:
      return Kind.Unsafe;
  }
}

/**
 * Evaluates a request's preconditions against the current representation, in the order of
 * RFC 9110 §13.2.2: If-Match, If-Unmodified-Since, If-None-Match, If-Modified-Since, If-Range.
 *
 * @remarks
 * Call it after deciding that the response would otherwise be a 2xx (RFC 9110 §13.2.1: a 404 stays
 * a 404). `status: null` means perform the method; `304` and `412` are the answer (for a 304, send
 * the ETag, Last-Modified, Cache-Control, Vary… a 200 would have had, and no content).
 * `useRange` is true only for a GET with a Range header whose If-Range (if any) holds: then
 * parse the Range and {@link resolveRanges}. Pass `current: null` when there is no current
 * representation (e.g. a PUT that would create it). CONNECT, OPTIONS and TRACE always proceed.
 * An If-Match or If-None-Match that does not parse is ignored for GET and HEAD and gives 412 for
 * other methods.
 *
 * @throws TypeError when `request` has no string method, its headers are not a header source,
 *   or `current` holds an etag that is not an {@link (EntityTag:interface)} or a lastModified that is not a
 *   Date.
 *
 * @example
 * ```ts
 * import { createServer } from "node:http";
 * import { type EntityTag, etagHeader, evaluatePreconditions, HttpDate, lastModifiedHeader } from "typed-headers";
 *
 * const etag: EntityTag = { weak: false, tag: "v42" };
 * const lastModified = HttpDate.from(new Date("2026-11-30T12:00:00Z"));
 * createServer((req, res) => {
 *   // A 304 carries the validators a 200 would have had.
 *   res.setHeader("etag", etagHeader.serialize(etag));
 *   res.setHeader("last-modified", lastModifiedHeader.serialize(lastModified));
 *   const { status, useRange } = evaluatePreconditions({ method: req.method ?? "GET", headers: req.headers }, { etag, lastModified });
 *   if (status !== null) return void res.writeHead(status).end();   // 304 or 412, no content
 *   // useRange: a Range header may be honoured (rangeHeader, resolveRanges); otherwise send it all.
 *   res.end("…");
 * });
 * ```
 * @public
 */
export function evaluatePreconditions(request: PreconditionRequest, current: CurrentRepresentation | null): PreconditionOutcome {
  try {
    const method: unknown = request?.method;
    if (typeof method !== "string") {
      throw new TypeError(`typed-headers: evaluatePreconditions expects a request with a string method, got ${typeof method}`);
    }
    const kind = kindOf(method);
    if (kind === Kind.Ignored) return PROCEED;
    const headers = request.headers;
    const lines = conditionalLines(headers);
    if (typeof current !== "object") {
      throw new TypeError(
        `typed-headers: evaluatePreconditions expects current to be { etag?, lastModified? } or null, got ${typeof current}`,
      );
    }
    const exists = current !== null;
    const etag = exists ? etagOf(current) : undefined;
    const modified = exists ? modifiedOf(current) : NaN;
    const safe = kind !== Kind.Unsafe;

    // 1 and 2: If-Match, else If-Unmodified-Since.
    const ifMatch = lines[IF_MATCH];
    const ifMatchHolds = ifMatch === undefined ? undefined : listMatches(ifMatch, exists, etag, true);
    if (ifMatchHolds !== undefined || (ifMatch !== undefined && !safe)) {
      if (ifMatchHolds !== true) return PRECONDITION_FAILED;
    } else if (modified === modified) {
      // A comparison with NaN (absent or invalid date) is false: the header is ignored.
      if (modified > dateOf(lines[IF_UNMODIFIED_SINCE])) return PRECONDITION_FAILED;
    }

    // 3 and 4: If-None-Match, else If-Modified-Since (GET and HEAD only).
    const ifNoneMatch = lines[IF_NONE_MATCH];
    const ifNoneMatchMatches = ifNoneMatch === undefined ? undefined : listMatches(ifNoneMatch, exists, etag, false);
    if (ifNoneMatchMatches !== undefined || (ifNoneMatch !== undefined && !safe)) {
      if (ifNoneMatchMatches !== false) return safe ? NOT_MODIFIED : PRECONDITION_FAILED;
    } else if (safe && modified === modified) {
      if (modified <= dateOf(lines[IF_MODIFIED_SINCE])) return NOT_MODIFIED;
    }

    // 5: If-Range, for a GET with a Range.
    if (kind !== Kind.Get || lines[RANGE] === undefined) return PROCEED;
    const ifRange = lines[IF_RANGE];
    if (ifRange === undefined) return PROCEED_WITH_RANGE;
    const validator = ifRangeHeader.parse(ifRange);
    if (!validator.ok) return PROCEED;
    const holds =
      validator.value instanceof Date
        ? validator.value.getTime() === modified
        : etag !== undefined && strongCompare(validator.value, etag);
    return holds ? PROCEED_WITH_RANGE : PROCEED;
  } catch (error) {
    // A caller's Proxy or getter may throw anything: only the library's TypeError leaves.
    throw asLibraryError(error, "evaluatePreconditions: its arguments");
  }
}

/** The headers {@link conditionalLines} reads, at these indexes. */
const CONDITIONAL_NAMES = /* @__PURE__ */ pickedNames([
  "if-match",
  "if-unmodified-since",
  "if-none-match",
  "if-modified-since",
  "range",
  "if-range",
]);
const IF_MATCH = 0;
const IF_UNMODIFIED_SINCE = 1;
const IF_NONE_MATCH = 2;
const IF_MODIFIED_SINCE = 3;
const RANGE = 4;
const IF_RANGE = 5;

/**
 * The conditional headers of a request, each as its field lines joined with ", " (as Node and
 * Fetch join them), at the indexes above: Node's `req.headers` read in one walk over its names
 * ({@link pickRecordLines}), any other input through a HeaderMap.
 */
function conditionalLines(headers: HeaderInput): (string | undefined)[] {
  return (
    pickRecordLines(headers, CONDITIONAL_NAMES, [undefined, undefined, undefined, undefined, undefined, undefined]) ??
    linesFromMap(HeaderMap.from(headers))
  );
}

/** The lines of {@link CONDITIONAL_NAMES} in `map`, in order. */
function linesFromMap(map: HeaderMap): (string | undefined)[] {
  return CONDITIONAL_NAMES.names.map((name) => map.getRaw(name) ?? undefined);
}

/**
 * Whether an If-Match / If-None-Match value matches the current representation, strongly or
 * weakly (RFC 9110 §8.8.3.2), or undefined when the value does not parse. `*` matches any
 * current representation.
 */
function listMatches(value: string, exists: boolean, etag: EntityTag | undefined, strong: boolean): boolean | undefined {
  if (etag !== undefined) {
    // The usual value is one entity tag, sent back as the client received it: settled without
    // the list walk and its call per tag (see quotedTag).
    const tag = etag.tag;
    if (tag === quotedTag || rememberQuoted(tag)) {
      if (value === quotedStrong) return !strong || !etag.weak;
      if (value === quotedWeak) return !strong;
    }
    // One valid entity-tag that is not the current one.
    if (soleEntityTagStart(value) !== -1) return false;
  }
  const walked =
    etag === undefined ? walkEntityTags(value, never, etag) : walkEntityTags(value, strong ? strongMatch : weakMatch, etag);
  return walked === "*" ? exists : typeof walked === "boolean" ? walked : undefined;
}

/**
 * The last current tag that is all `etagc`, and the two lines that carry it: `"tag"` and
 * `W/"tag"`. Speed trick: a server compares requests against the same few tags, so the tag is
 * checked and quoted once, not per request, and the usual line, the tag sent back as the client
 * received it, is settled by one comparison of whole strings (flat ones, built by join).
 */
let quotedTag = "";
let quotedStrong = '""';
let quotedWeak = 'W/""';

/** Remembers `tag` and its lines when it is `*etagc`; whether it is. */
function rememberQuoted(tag: string): boolean {
  if (!isEntityTagText(tag)) return false;
  quotedTag = tag;
  quotedStrong = ['"', tag, '"'].join("");
  quotedWeak = ['W/"', tag, '"'].join("");
  return true;
}

/** Whether the tag at `line[start, end)`, weak or not, equals `etag` by strong comparison. */
function strongMatch(etag: EntityTag, line: string, weak: boolean, start: number, end: number): boolean {
  return !weak && !etag.weak && weakMatch(etag, line, weak, start, end);
}

/** Whether the opaque tag at `line[start, end)` equals `etag`'s (weak comparison). */
function weakMatch(etag: EntityTag, line: string, _weak: boolean, start: number, end: number): boolean {
  // A slice compared with ===: it reads this tag only (indexOf, faster on one tag, searches on to
  // the end of the line, which over a long list would be quadratic; startsWith with a position
  // is slower than both).
  return end - start === etag.tag.length && line.slice(start, end) === etag.tag;
}

/** Matches nothing: the representation has no entity tag (the list is still checked). */
function never(): boolean {
  return false;
}

/** The instant of an If-(Un)Modified-Since value, or NaN when it is absent or not one HTTP-date. */
function dateOf(value: string | undefined): number {
  if (value === undefined) return NaN;
  const start = skipOws(value, 0, value.length);
  return httpDateMillis(value, start, trimOwsEnd(value, start, value.length));
}

/** `current.etag`, checked to be an {@link (EntityTag:interface)} (its shape: a tag the client sends never matches bad characters). */
function etagOf(current: CurrentRepresentation): EntityTag | undefined {
  const etag = current.etag;
  if (
    etag === undefined ||
    (typeof etag === "object" && etag !== null && typeof etag.weak === "boolean" && typeof etag.tag === "string")
  ) {
    return etag;
  }
  throw new TypeError(
    "typed-headers: evaluatePreconditions expects current.etag to be an EntityTag ({ weak, tag } without quotes); parse a header value with EntityTag.from",
  );
}

/** `current.lastModified` in milliseconds, down to the second (the header carries seconds), or NaN when absent. */
function modifiedOf(current: CurrentRepresentation): number {
  const lastModified = current.lastModified;
  if (lastModified === undefined) return NaN;
  let time = NaN;
  try {
    time = Date.prototype.getTime.call(lastModified);
  } catch {
    // not a Date: reported below
  }
  if (time !== time)
    throw new TypeError("typed-headers: evaluatePreconditions expects current.lastModified to be a valid Date (an HttpDate)");
  return wholeSeconds(time);
}
