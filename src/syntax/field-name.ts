import type { Brand } from "./brand.js";
import { ok, type ParseResult } from "./result.js";
import { isLowercaseToken, scanToken } from "./token.js";
import { valueType, type ValueType } from "./value-type.js";

/**
 * Lowercase names of common request and response headers, accepted wherever a
 * {@link (FieldName:type)} is expected.
 *
 * @example
 * ```ts
 * const names: readonly FieldName[] = ["content-type", "x-request-id"];   // no FieldName.from needed
 * ```
 * @public
 */
export type WellKnownFieldName =
  | "accept"
  | "accept-encoding"
  | "accept-language"
  | "authorization"
  | "cache-control"
  | "content-disposition"
  | "content-encoding"
  | "content-language"
  | "content-length"
  | "content-range"
  | "content-type"
  | "cookie"
  | "date"
  | "etag"
  | "expires"
  | "if-match"
  | "if-modified-since"
  | "if-none-match"
  | "last-modified"
  | "link"
  | "location"
  | "origin"
  | "pragma"
  | "range"
  | "retry-after"
  | "server-timing"
  | "user-agent"
  | "vary"
  | "x-api-key"
  | "x-csrf-token"
  | "x-request-id"
  | "x-requested-with";

/**
 * A header field name: an RFC 9110 token, lowercased (field names are case-insensitive).
 *
 * @example
 * ```ts
 * const names: FieldName[] = ["content-type", FieldName.from("X-Trace-Id")]; // "x-trace-id"
 * ```
 * @public
 */
export type FieldName = WellKnownFieldName | Brand<string, "FieldName">;

// field-name = token    (RFC 9110 §5.1)
function parseFieldName(input: string): ParseResult<FieldName> {
  const result = scanToken(input, 0, input.length, "a field name");
  return result.ok ? ok(result.value.toLowerCase() as FieldName) : result;
}

/**
 * Parse, construct and recognise {@link (FieldName:type)} values. Parsing lowercases.
 *
 * @example
 * ```ts
 * FieldName.from("X-Foo");   // "x-foo"
 * FieldName.is("X-Foo");     // false: not lowercase
 * ```
 * @public
 */
export const FieldName: ValueType<FieldName> = /* @__PURE__ */ valueType(
  "FieldName",
  parseFieldName,
  (value: unknown): value is FieldName => typeof value === "string" && isLowercaseToken(value),
);
