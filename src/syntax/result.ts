/**
 * Why a header value (or a single value such as an origin) was rejected.
 *
 * @remarks
 * `code` is stable and meant for programs; `message` is for people and may be reworded.
 * `offset` is the index, in UTF-16 code units, into the combined value (field lines joined with
 * `", "`) where the problem starts, when there is one place to point at.
 *
 * @example
 * ```ts
 * const result = parseHeader("access-control-max-age", "-1");
 * if (!result.ok) log.warn({ code: result.error.code, header: result.error.header }, result.error.message);
 * ```
 * @public
 */
export interface HeaderError {
  /** Stable machine-readable code, e.g. `"invalid-token"`: one of {@link HeaderErrorCode}. */
  readonly code: HeaderErrorCode;
  /** Lowercase header name, or `""` when the error comes from a value type such as `Origin.parse`. */
  readonly header: string;
  /** What was expected, what was found, and what a browser does with it. */
  readonly message: string;
  /** Index into the combined value where the problem starts, when meaningful. */
  readonly offset?: number;
}

/**
 * Every error code a parse can give: a closed union, so a `switch` over it is checked.
 *
 * @remarks
 * Codes name the problem first, then what it concerns (`invalid-origin`, `multiple-lines`), in
 * lowercase words without acronyms; `CorsVerdict` and `CorsDecision` reasons follow the same scheme.
 * - `missing`: the header is absent (`null`, `undefined` or no field lines).
 * - `unknown-header`: no definition is registered under that name.
 * - `invalid-input`: the value is not a string or an array of strings.
 * - `invalid-character`: CR, LF, NUL or a character above U+00FF (in cookies, any control
 *   character other than HTAB).
 * - `multiple-lines`: more than one field line for a single-value header.
 * - `multiple-values`: a comma-separated list where exactly one value is allowed.
 * - `empty`: an empty value where one is required.
 * - `empty-list`: a `1#` list with no members.
 * - `invalid-token`: a list member or method that is not an RFC 9110 token.
 * - `invalid-origin`: not a serialized origin as a browser sends it.
 * - `not-true`: a header whose only valid value is the literal `true`.
 * - `invalid-delta-seconds`: not `1*DIGIT`.
 * - `oversized-cookie`: a `Set-Cookie` name and value longer than 4096 octets together.
 * - `invalid-cookie-prefix`: a `__Secure-` or `__Host-` cookie without what its prefix requires.
 * - `missing-secure`: a `Set-Cookie` with `SameSite=None` or `Partitioned` but no `Secure`.
 * - `invalid-value`: a value that does not match the header's grammar, for headers added with
 *   `defineHeader` when no code above fits.
 * - `invalid-date`: not an HTTP-date (RFC 9110 §5.6.7) in any of its three forms.
 * - `invalid-entity-tag`: not an entity-tag (`W/"…"` or `"…"`, RFC 9110 §8.8.3) or a list of them.
 * - `invalid-cache-directive`: a Cache-Control directive that breaks RFC 9111 §5.2 or its own argument rule.
 * - `invalid-range`: not a ranges-specifier (RFC 9110 §14.2), or an int-range whose last is before its first.
 * - `invalid-content-range`: not a Content-Range value (RFC 9110 §14.4), or one whose numbers contradict each other.
 * - `invalid-media-type`: no valid MIME type (`Content-Type`, `MediaType.parse`).
 * - `invalid-media-range`: an `Accept` member that is not `type/subtype`, `type/*` or `*` + `/*`.
 * - `invalid-language-range`: an `Accept-Language` member that is not an RFC 4647 language range.
 * - `invalid-parameter`: a `;name=value` parameter that breaks the grammar, or one where only a weight may stand.
 * - `invalid-weight`: a `q` parameter that is not a qvalue (0 to 1, at most three decimals), or a second one.
 * - `invalid-content-length`: not `1*DIGIT`, or above 2^53 − 1.
 * - `conflicting-values`: repeated values that must be identical and are not (`Content-Length: 5, 6`).
 *
 * @example
 * ```ts
 * const result = parseHeader("access-control-max-age", "1.5");
 * if (!result.ok && result.error.code === "invalid-delta-seconds") console.warn(result.error.message);
 * ```
 * @public
 */
export type HeaderErrorCode =
  | "missing"
  | "unknown-header"
  | "invalid-input"
  | "invalid-character"
  | "multiple-lines"
  | "multiple-values"
  | "empty"
  | "empty-list"
  | "invalid-token"
  | "invalid-origin"
  | "not-true"
  | "invalid-delta-seconds"
  | "invalid-value"
  | "invalid-date"
  | "invalid-entity-tag"
  | "invalid-cache-directive"
  | "invalid-range"
  | "invalid-content-range"
  | "oversized-cookie"
  | "invalid-cookie-prefix"
  | "missing-secure"
  | "invalid-media-type"
  | "invalid-media-range"
  | "invalid-language-range"
  | "invalid-parameter"
  | "invalid-weight"
  | "invalid-content-length"
  | "conflicting-values";

/**
 * The outcome of a parse: the typed value, or the reason it was rejected. Parsers never throw.
 *
 * @example
 * ```ts
 * const origin = parseHeader("origin", req.headers.origin);
 * if (origin.ok) log.info("from", origin.value);
 * else if (origin.error.code !== "missing") log.warn(origin.error.message);
 * ```
 * @public
 */
export type ParseResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: HeaderError };

/** A failed {@link ParseResult}. @internal */
export type Failure = { readonly ok: false; readonly error: HeaderError };

/** Wraps a value as a successful result. @internal */
export function ok<T>(value: T): ParseResult<T> {
  return { ok: true, value };
}

/** Builds a failed result that is not yet tied to a header. @internal */
export function fail(code: HeaderErrorCode, message: string, offset?: number): Failure {
  return {
    ok: false,
    error: offset === undefined ? { code, header: "", message } : { code, header: "", message, offset },
  };
}
