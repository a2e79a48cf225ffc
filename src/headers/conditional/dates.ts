import { formatHttpDate, httpDateTime, scanHttpDate, type HttpDate } from "../../syntax/http-date.js";
import { parseSingleLine } from "../../syntax/single.js";
import { codecOf, type HeaderCodec } from "../codec.js";
import { invalidValue, type RegisteredDefinition } from "../definition.js";

// The headers whose value is one HTTP-date (RFC 9110 §5.6.7):
//
//   Date                = HTTP-date    (RFC 9110 §6.6.1)
//   Last-Modified       = HTTP-date    (RFC 9110 §8.8.2)
//   If-Modified-Since   = HTTP-date    (RFC 9110 §13.1.3)
//   If-Unmodified-Since = HTTP-date    (RFC 9110 §13.1.4)
//   Expires             = HTTP-date    (RFC 9111 §5.3)
//
// One field line; more than one, or a list ("a date, another date"), is invalid, and RFC 9110
// says a recipient then ignores If-Modified-Since / If-Unmodified-Since. Caches read an invalid
// Expires, "0" above all, as a time in the past (RFC 9111 §5.3): the parse fails and the caller
// decides.

/**
 * The definition of a header whose value is one HTTP-date: IMF-fixdate, RFC 850 and asctime
 * accepted, IMF-fixdate written.
 * @internal
 */
export function httpDateHeader<Name extends string>(name: Name): RegisteredDefinition<Name, HttpDate> {
  return {
    name,
    parse: (value) => parseSingleLine(value, scanHttpDate),
    serialize: (value) => {
      const time = httpDateTime(value);
      return time === time
        ? formatHttpDate(time)
        : invalidValue(name, value, "a Date at a whole second in years 0000-9999 (HttpDate)");
    },
  };
}

/**
 * `Date`: when the message was generated.
 *
 * @example
 * ```ts
 * dateHeader.serialize(HttpDate.from(Date.now()));   // "Mon, 30 Nov 2026 23:12:08 GMT"
 * ```
 * @public
 */
export const dateHeader: HeaderCodec<"date", HttpDate> = /* @__PURE__ */ codecOf(/* @__PURE__ */ httpDateHeader("date"));

/**
 * `Last-Modified`: when the origin server believes the representation was last changed.
 *
 * @example
 * ```ts
 * import { statSync } from "node:fs";
 * import { HttpDate, lastModifiedHeader } from "typed-headers";
 *
 * const { mtime } = statSync("public/index.html");
 * res.setHeader("last-modified", lastModifiedHeader.serialize(HttpDate.from(mtime)));
 * ```
 * @public
 */
export const lastModifiedHeader: HeaderCodec<"last-modified", HttpDate> = /* @__PURE__ */ codecOf(
  /* @__PURE__ */ httpDateHeader("last-modified"),
);

/**
 * `If-Modified-Since`: the client's cached copy is from this date (GET and HEAD only).
 *
 * @example
 * ```ts
 * ifModifiedSinceHeader.parse("Sun, 06 Nov 1994 08:49:37 GMT");   // { ok: true, value: HttpDate }
 * ```
 * @public
 */
export const ifModifiedSinceHeader: HeaderCodec<"if-modified-since", HttpDate> = /* @__PURE__ */ codecOf(
  /* @__PURE__ */ httpDateHeader("if-modified-since"),
);

/**
 * `If-Unmodified-Since`: perform the request only if the resource has not changed since.
 *
 * @example
 * ```ts
 * ifUnmodifiedSinceHeader.parse("Sun Nov  6 08:49:37 1994");   // asctime is accepted
 * ```
 * @public
 */
export const ifUnmodifiedSinceHeader: HeaderCodec<"if-unmodified-since", HttpDate> = /* @__PURE__ */ codecOf(
  /* @__PURE__ */ httpDateHeader("if-unmodified-since"),
);

/**
 * `Expires`: when the response becomes stale. An invalid value (such as `0`) fails to parse; a
 * cache then treats the response as already stale (RFC 9111 §5.3).
 *
 * @example
 * ```ts
 * expiresHeader.parse("0");   // { ok: false, error: { code: "invalid-date", … } }
 * ```
 * @public
 */
export const expiresHeader: HeaderCodec<"expires", HttpDate> = /* @__PURE__ */ codecOf(/* @__PURE__ */ httpDateHeader("expires"));
