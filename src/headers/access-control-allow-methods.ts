import type { Method } from "../syntax/method.js";
import { codecOf, type HeaderCodec } from "./codec.js";
import { tokenListHeader } from "./families.js";

//   Access-Control-Allow-Methods = #method     (Fetch §3.3.3)
//   method                       = token       ; case-sensitive; "*" is a wildcard without credentials

/**
 * `Access-Control-Allow-Methods` (preflight response): methods, case kept; `*` is a wildcard without credentials.
 *
 * @example
 * ```ts
 * accessControlAllowMethodsHeader.serialize(["GET", "PATCH"]);   // "GET, PATCH"
 * ```
 * @public
 */
export const accessControlAllowMethodsHeader: HeaderCodec<"access-control-allow-methods", readonly (Method | "*")[]> =
  /* @__PURE__ */ codecOf(
    /* @__PURE__ */ tokenListHeader("access-control-allow-methods", { lowercase: false, nonEmpty: false, member: "method" }),
  );
