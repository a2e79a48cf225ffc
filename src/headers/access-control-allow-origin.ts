import { ok, type ParseResult } from "../syntax/result.js";
import { parseSingle } from "../syntax/single.js";
import { codecOf, type HeaderCodec } from "./codec.js";
import { invalidValue } from "./definition.js";
import { isOriginOrNull, scanOriginOrNull, type OriginValue } from "./origin.js";

//   wildcard                    = "*"
//   Access-Control-Allow-Origin = origin-or-null / wildcard     (Fetch §3.3.3)
// Browsers never parse it: they compare the combined value byte for byte with the request's
// serialized origin, so only these exact forms can ever succeed.

/**
 * The value of `Access-Control-Allow-Origin`.
 *
 * @example
 * ```ts
 * const value: AllowOriginValue = "*";   // or "null", or Origin.from("https://app.example")
 * ```
 * @public
 */
export type AllowOriginValue = OriginValue | "*";

const WILDCARD: ParseResult<"*"> = /* @__PURE__ */ Object.freeze(/* @__PURE__ */ ok("*" as const));

function scanAllowOrigin(s: string, start: number, end: number): ParseResult<AllowOriginValue> {
  if (end - start === 1 && s.charCodeAt(start) === 0x2a) return WILDCARD;
  return scanOriginOrNull(s, start, end);
}

/**
 * `Access-Control-Allow-Origin` (response): `*`, `null` or one serialized origin.
 *
 * @example
 * ```ts
 * accessControlAllowOriginHeader.serialize("*");              // "*"
 * accessControlAllowOriginHeader.parse("https://a.example, https://b.example");
 * // { ok: false, error: { code: "multiple-values", … } }
 * ```
 * @public
 */
export const accessControlAllowOriginHeader: HeaderCodec<"access-control-allow-origin", AllowOriginValue> =
  /* @__PURE__ */ codecOf({
    name: "access-control-allow-origin",
    reusable: true,
    parse: (value) => parseSingle(value, scanAllowOrigin),
    serialize: (value) =>
      value === "*" || isOriginOrNull(value)
        ? value
        : invalidValue("access-control-allow-origin", value, '"*", "null" or a serialized origin'),
  });
