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
  /** Stable machine-readable code, e.g. `"invalid-token"`. See {@link HeaderErrorCode}. */
  readonly code: string;
  /** Lowercase header name, or `""` when the error comes from a value type such as `Origin.parse`. */
  readonly header: string;
  /** What was expected, what was found, and what a browser does with it. */
  readonly message: string;
  /** Index into the combined value where the problem starts, when meaningful. */
  readonly offset?: number;
}

/**
 * The error codes the built-in parsers produce.
 *
 * @remarks
 * - `missing`: the header is absent (`null`, `undefined` or no field lines).
 * - `unknown-header`: no definition is registered under that name.
 * - `invalid-input`: the value is not a string or an array of strings.
 * - `invalid-character`: CR, LF, NUL or a character above U+00FF.
 * - `multiple-lines`: more than one field line for a single-value header.
 * - `multiple-values`: a comma-separated list where exactly one value is allowed.
 * - `empty`: an empty value where one is required.
 * - `empty-list`: a `1#` list with no members.
 * - `invalid-token`: a list member or method that is not an RFC 9110 token.
 * - `invalid-origin`: not a serialized origin as a browser sends it.
 * - `not-true`: a header whose only valid value is the literal `true`.
 * - `invalid-delta-seconds`: not `1*DIGIT`.
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
  | "invalid-delta-seconds";

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
export type ParseResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: HeaderError };

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
