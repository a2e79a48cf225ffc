import { scanOrigin, type Origin } from "../syntax/serialized-origin.js";
import { ok, type ParseResult } from "../syntax/result.js";
import { parseSingle } from "../syntax/single.js";
import { codecOf, type HeaderCodec } from "./codec.js";
import { invalidValue } from "./definition.js";

//   Origin         = origin-or-null                          (Fetch §3.2)
//   origin-or-null = serialized-origin / %s"null"            ; case-sensitive

/**
 * The value of `Origin`: the request's serialized origin, or `"null"` when it is opaque.
 *
 * @example
 * ```ts
 * const allowed = new Set(["https://app.example"]);
 * const result = parseHeader("origin", req.headers.origin);
 * const trusted = result.ok && result.value !== "null" && allowed.has(result.value);
 * ```
 * @public
 */
export type OriginValue = Origin | "null";

/** Scans `origin-or-null`. @internal */
export function scanOriginOrNull(s: string, start: number, end: number): ParseResult<OriginValue> {
  if (end - start === 4 && s.startsWith("null", start)) return NULL;
  return scanOrigin(s, start, end);
}

/** Whether `value` is `"null"` or an {@link (Origin:type)}. @internal */
export function isOriginOrNull(value: unknown): value is OriginValue {
  return typeof value === "string" && scanOriginOrNull(value, 0, value.length).ok;
}

const NULL: ParseResult<"null"> = /* @__PURE__ */ Object.freeze(/* @__PURE__ */ ok("null" as const));

/**
 * `Origin` (request): the request's serialized origin, or `"null"`.
 *
 * @example
 * ```ts
 * originHeader.parse("https://app.example");   // { ok: true, value: "https://app.example" }
 * originHeader.parse("https://app.example/"); // { ok: false, error: { code: "invalid-origin", … } }
 * ```
 * @public
 */
export const originHeader: HeaderCodec<"origin", OriginValue> = /* @__PURE__ */ codecOf({
  name: "origin",
  reusable: true,
  parse: (value) => parseSingle(value, scanOriginOrNull),
  serialize: (value) => (isOriginOrNull(value) ? value : invalidValue("origin", value, 'a serialized origin or "null"')),
});
