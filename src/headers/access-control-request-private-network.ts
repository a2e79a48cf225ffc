import { codecOf, type HeaderCodec } from "./codec.js";
import { trueHeader } from "./families.js";

//   Access-Control-Request-Private-Network = %s"true"   (WICG Private Network Access §3)

/**
 * `Access-Control-Request-Private-Network` (preflight request): the literal `true`.
 *
 * @example
 * ```ts
 * accessControlRequestPrivateNetworkHeader.parse("true");   // { ok: true, value: true }
 * ```
 * @public
 */
export const accessControlRequestPrivateNetworkHeader: HeaderCodec<"access-control-request-private-network", true> =
  /* @__PURE__ */ codecOf(/* @__PURE__ */ trueHeader("access-control-request-private-network"));
