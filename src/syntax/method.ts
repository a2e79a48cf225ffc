import type { Brand } from "./brand.js";
import type { ParseResult } from "./result.js";
import { isToken, scanToken } from "./token.js";
import { valueType, type ValueType } from "./value-type.js";

/**
 * The methods of RFC 9110 §9.3 and RFC 5789, accepted wherever a {@link (Method:type)} is expected.
 *
 * @example
 * ```ts
 * const methods: readonly Method[] = ["GET", "PATCH"];   // StandardMethod literals need no Method.from
 * ```
 * @public
 */
export type StandardMethod = "GET" | "HEAD" | "POST" | "PUT" | "DELETE" | "CONNECT" | "OPTIONS" | "TRACE" | "PATCH";

/**
 * An HTTP method: an RFC 9110 token, case preserved (methods are case-sensitive: `patch` is not
 * `PATCH`). Standard method literals need no constructor; anything else goes through
 * {@link (Method:variable)}.
 *
 * @example
 * ```ts
 * const methods: Method[] = ["GET", "POST", Method.from("PURGE")];
 * ```
 * @public
 */
export type Method = StandardMethod | Brand<string, "Method">;

// method = token    (RFC 9110 §9.1)
/** Parses `s[start, end)` as a method. @internal */
export function scanMethod(s: string, start: number, end: number): ParseResult<Method> {
  return scanToken(s, start, end, "a method") as ParseResult<Method>;
}

/**
 * Parse, construct and recognise {@link (Method:type)} values.
 *
 * @example
 * ```ts
 * Method.parse("PATCH");   // { ok: true, value: "PATCH" }
 * Method.from("GE T");     // throws TypeError
 * ```
 * @public
 */
export const Method: ValueType<Method> = /* @__PURE__ */ valueType(
  "Method",
  (input: string) => scanMethod(input, 0, input.length),
  (value: unknown): value is Method => typeof value === "string" && isToken(value),
);
