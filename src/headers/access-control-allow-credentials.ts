import type { HeaderDefinition } from "./definition.js";
import { trueHeader } from "./families.js";

//   Access-Control-Allow-Credentials = %s"true" ; case-sensitive     (Fetch §3.3.3)
// There is no "false": to deny credentials, omit the header.

/** `Access-Control-Allow-Credentials` response header. @internal */
export const accessControlAllowCredentials: HeaderDefinition<"access-control-allow-credentials", true> =
  trueHeader("access-control-allow-credentials");
