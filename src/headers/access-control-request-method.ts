import { scanMethod, type Method } from "../syntax/method.js";
import { parseSingle } from "../syntax/single.js";
import { isToken } from "../syntax/token.js";
import { codecOf, type HeaderCodec } from "./codec.js";
import { invalidValue } from "./definition.js";

//   Access-Control-Request-Method = method        (Fetch §3.3.2)
//   method                        = token         (RFC 9110 §9.1)

/**
 * `Access-Control-Request-Method` (preflight request): the method of the actual request, case kept.
 *
 * @example
 * ```ts
 * accessControlRequestMethodHeader.parse("PATCH");   // { ok: true, value: "PATCH" }
 * ```
 * @public
 */
export const accessControlRequestMethodHeader: HeaderCodec<"access-control-request-method", Method> = /* @__PURE__ */ codecOf({
  name: "access-control-request-method",
  parse: (value) => parseSingle(value, scanMethod),
  serialize: (value) =>
    typeof value === "string" && isToken(value)
      ? value
      : invalidValue("access-control-request-method", value, "a method (token)"),
});
