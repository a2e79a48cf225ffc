import type { RegisteredDefinition } from "./definition.js";
import { trueHeader } from "./families.js";

//   Access-Control-Request-Private-Network = %s"true"   (WICG Private Network Access §3)

/** `Access-Control-Request-Private-Network` preflight request header. @internal */
export const accessControlRequestPrivateNetwork: RegisteredDefinition<"access-control-request-private-network", true> =
  /* @__PURE__ */ trueHeader("access-control-request-private-network");
