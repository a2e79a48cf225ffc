import type { RegisteredDefinition } from "./definition.js";
import { trueHeader } from "./families.js";

//   Access-Control-Allow-Credentials = %s"true" ; case-sensitive     (Fetch §3.3.3)
// There is no "false": to deny credentials, omit the header.

/** `Access-Control-Allow-Credentials` response header. @internal */
export const accessControlAllowCredentials: RegisteredDefinition<"access-control-allow-credentials", true> =
  /* @__PURE__ */ trueHeader("access-control-allow-credentials");
