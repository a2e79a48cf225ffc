import type { RegisteredDefinition } from "./definition.js";
import { trueHeader } from "./families.js";

//   Access-Control-Allow-Private-Network = %s"true"   (WICG Private Network Access §3;
//   Chromium requires the value to equal "true" byte for byte)

/** `Access-Control-Allow-Private-Network` preflight response header. @internal */
export const accessControlAllowPrivateNetwork: RegisteredDefinition<"access-control-allow-private-network", true> =
  /* @__PURE__ */ trueHeader("access-control-allow-private-network");
