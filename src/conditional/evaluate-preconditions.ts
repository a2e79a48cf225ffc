import { ifModifiedSinceHeader, ifUnmodifiedSinceHeader } from "../headers/conditional/dates.js";
import { ifRangeHeader } from "../headers/conditional/if-range.js";
import { ifMatchHeader, ifNoneMatchHeader, type EntityTagCondition } from "../headers/conditional/match.js";
import { HeaderMap, type HeaderInput } from "../map/header-map.js";
import { snapshotEntityTag, strongCompare, weakCompare, type EntityTag } from "../syntax/entity-tag.js";
import { wholeSeconds, type HttpDate } from "../syntax/http-date.js";

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
 * const current: CurrentRepresentation = { etag: { weak: false, tag: hash }, lastModified: HttpDate.from(stats.mtime) };
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
const enum Kind {
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
 *   or `current` holds an etag that is not an {@link EntityTag} or a lastModified that is not a
 *   Date.
 *
 * @example
 * ```ts
 * const { status, useRange } = evaluatePreconditions(
 *   { method: req.method ?? "GET", headers: req.headers },
 *   { etag: { weak: false, tag: "v42" }, lastModified },
 * );
 * if (status !== null) return res.writeHead(status).end();
 * ```
 * @public
 */
export function evaluatePreconditions(request: PreconditionRequest, current: CurrentRepresentation | null): PreconditionOutcome {
  const method: unknown = request?.method;
  if (typeof method !== "string") {
    throw new TypeError(`typed-headers: evaluatePreconditions expects a request with a string method, got ${typeof method}`);
  }
  const kind = kindOf(method);
  if (kind === Kind.Ignored) return PROCEED;
  const headers = HeaderMap.from(request.headers);
  const { exists, etag, modified } = validatorsOf(current);
  const safe = kind !== Kind.Unsafe;

  // 1 and 2: If-Match, else If-Unmodified-Since.
  const ifMatch = headers.getRaw("if-match");
  const ifMatchValue = ifMatch === null ? undefined : ifMatchHeader.parse(ifMatch);
  if (ifMatchValue !== undefined && (ifMatchValue.ok || !safe)) {
    if (!ifMatchValue.ok || !matches(ifMatchValue.value, exists, etag, strongCompare)) return PRECONDITION_FAILED;
  } else if (modified === modified) {
    const since = headers.getRaw("if-unmodified-since");
    const date = since === null ? undefined : ifUnmodifiedSinceHeader.parse(since);
    if (date?.ok && modified > date.value.getTime()) return PRECONDITION_FAILED;
  }

  // 3 and 4: If-None-Match, else If-Modified-Since (GET and HEAD only).
  const ifNoneMatch = headers.getRaw("if-none-match");
  const ifNoneMatchValue = ifNoneMatch === null ? undefined : ifNoneMatchHeader.parse(ifNoneMatch);
  if (ifNoneMatchValue !== undefined && (ifNoneMatchValue.ok || !safe)) {
    if (!ifNoneMatchValue.ok || matches(ifNoneMatchValue.value, exists, etag, weakCompare)) {
      return safe ? NOT_MODIFIED : PRECONDITION_FAILED;
    }
  } else if (safe && modified === modified) {
    const since = headers.getRaw("if-modified-since");
    const date = since === null ? undefined : ifModifiedSinceHeader.parse(since);
    if (date?.ok && modified <= date.value.getTime()) return NOT_MODIFIED;
  }

  // 5: If-Range, for a GET with a Range.
  if (kind !== Kind.Get || !headers.has("range")) return PROCEED;
  const ifRange = headers.getRaw("if-range");
  if (ifRange === null) return PROCEED_WITH_RANGE;
  const validator = ifRangeHeader.parse(ifRange);
  if (!validator.ok) return PROCEED;
  const holds =
    validator.value instanceof Date
      ? validator.value.getTime() === modified
      : etag !== undefined && strongCompare(validator.value, etag);
  return holds ? PROCEED_WITH_RANGE : PROCEED;
}

/** Whether an If-Match / If-None-Match value matches the current representation with `compare`. */
function matches(
  condition: EntityTagCondition,
  exists: boolean,
  etag: EntityTag | undefined,
  compare: (a: EntityTag, b: EntityTag) => boolean,
): boolean {
  if (condition === "*") return exists;
  if (etag === undefined) return false;
  for (const tag of condition) if (compare(tag, etag)) return true;
  return false;
}

/** The current representation's validators, checked: its tag, and its date in whole seconds (NaN if none). */
function validatorsOf(current: CurrentRepresentation | null): { exists: boolean; etag: EntityTag | undefined; modified: number } {
  if (current === null) return { exists: false, etag: undefined, modified: NaN };
  if (typeof current !== "object") {
    throw new TypeError(`typed-headers: evaluatePreconditions expects current to be { etag?, lastModified? } or null, got ${typeof current}`);
  }
  const { etag: etagValue, lastModified } = current;
  const etag = etagValue === undefined ? undefined : snapshotEntityTag(etagValue);
  if (etagValue !== undefined && etag === undefined) {
    throw new TypeError(
      "typed-headers: evaluatePreconditions expects current.etag to be an EntityTag ({ weak, tag } without quotes); parse a header value with EntityTag.from",
    );
  }
  let modified = NaN;
  if (lastModified !== undefined) {
    try {
      modified = Date.prototype.getTime.call(lastModified);
    } catch {
      // not a Date: reported below
    }
    if (modified !== modified) {
      throw new TypeError("typed-headers: evaluatePreconditions expects current.lastModified to be a valid Date (an HttpDate)");
    }
    modified = wholeSeconds(modified); // the header carries whole seconds
  }
  return { exists: true, etag, modified };
}
