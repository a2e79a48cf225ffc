import { scanMethod, type Method } from "../syntax/method.js";
import { parseSingle } from "../syntax/single.js";
import { isToken } from "../syntax/token.js";
import { invalidValue, type RegisteredDefinition } from "./definition.js";

//   Access-Control-Request-Method = method        (Fetch §3.3.2)
//   method                        = token         (RFC 9110 §9.1)

/** `Access-Control-Request-Method` request header. @internal */
export const accessControlRequestMethod: RegisteredDefinition<"access-control-request-method", Method> = {
  name: "access-control-request-method",
  parse: (value) => parseSingle(value, scanMethod),
  serialize: (value) =>
    typeof value === "string" && isToken(value) ? value : invalidValue("access-control-request-method", value, "a method (token)"),
};
