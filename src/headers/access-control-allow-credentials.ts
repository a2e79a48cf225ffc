import { codecOf, type HeaderCodec } from "./codec.js";
import { trueHeader } from "./families.js";

//   Access-Control-Allow-Credentials = %s"true" ; case-sensitive     (Fetch §3.3.3)
// There is no "false": to deny credentials, omit the header.

/**
 * `Access-Control-Allow-Credentials` (response): only the exact `true` parses; there is no `false`.
 *
 * @example
 * ```ts
 * accessControlAllowCredentialsHeader.parse("True");   // { ok: false, error: { code: "not-true", … } }
 * accessControlAllowCredentialsHeader.serialize(true);  // "true"
 * ```
 * @public
 */
export const accessControlAllowCredentialsHeader: HeaderCodec<"access-control-allow-credentials", true> = /* @__PURE__ */ codecOf(
  /* @__PURE__ */ trueHeader("access-control-allow-credentials"),
);
