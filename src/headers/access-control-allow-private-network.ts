import { codecOf, type HeaderCodec } from "./codec.js";
import { trueHeader } from "./families.js";

//   Access-Control-Allow-Private-Network = %s"true"   (WICG Private Network Access §3;
//   Chromium requires the value to equal "true" byte for byte)

/**
 * `Access-Control-Allow-Private-Network` (preflight response): the literal `true`.
 *
 * @example
 * ```ts
 * accessControlAllowPrivateNetworkHeader.serialize(true);   // "true"
 * ```
 * @public
 */
export const accessControlAllowPrivateNetworkHeader: HeaderCodec<"access-control-allow-private-network", true> =
  /* @__PURE__ */ codecOf(/* @__PURE__ */ trueHeader("access-control-allow-private-network"));
