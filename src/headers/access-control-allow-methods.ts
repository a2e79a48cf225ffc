import type { Method } from "../syntax/method.js";
import type { RegisteredDefinition } from "./definition.js";
import { tokenListHeader } from "./families.js";

//   Access-Control-Allow-Methods = #method     (Fetch §3.3.3)
//   method                       = token       ; case-sensitive; "*" is a wildcard without credentials

/** `Access-Control-Allow-Methods` preflight response header. @internal */
export const accessControlAllowMethods: RegisteredDefinition<"access-control-allow-methods", readonly (Method | "*")[]> =
  /* @__PURE__ */ tokenListHeader("access-control-allow-methods", { lowercase: false, nonEmpty: false, member: "method" });
