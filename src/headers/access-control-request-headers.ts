import type { FieldName } from "../syntax/field-name.js";
import { codecOf, type HeaderCodec } from "./codec.js";
import { tokenListHeader } from "./families.js";

//   Access-Control-Request-Headers = 1#field-name   (Fetch §3.3.2)
// Browsers send the names lowercased, sorted and joined with "," (no space); any valid list is
// accepted here, order kept.

/**
 * `Access-Control-Request-Headers` (preflight request): the CORS-unsafe request header names, lowercase (at least one).
 *
 * @example
 * ```ts
 * accessControlRequestHeadersHeader.parse("content-type,X-Request-Id");
 * // { ok: true, value: ["content-type", "x-request-id"] }
 * ```
 * @public
 */
export const accessControlRequestHeadersHeader: HeaderCodec<"access-control-request-headers", readonly FieldName[]> =
  /* @__PURE__ */ codecOf(
    /* @__PURE__ */ tokenListHeader("access-control-request-headers", { lowercase: true, nonEmpty: true, member: "field name" }),
  );
