import type { FieldName } from "../syntax/field-name.js";
import { codecOf, type HeaderCodec } from "./codec.js";
import { tokenListHeader } from "./families.js";

//   Access-Control-Expose-Headers = #field-name     (Fetch §3.3.3)
//   "*" exposes every header except Set-Cookie, and only without credentials.

/**
 * `Access-Control-Expose-Headers` (response): lowercase names; `*` is a wildcard without credentials.
 *
 * @example
 * ```ts
 * accessControlExposeHeadersHeader.serialize([FieldName.from("X-Total")]);   // "x-total"
 * ```
 * @public
 */
export const accessControlExposeHeadersHeader: HeaderCodec<"access-control-expose-headers", readonly (FieldName | "*")[]> =
  /* @__PURE__ */ codecOf(
    /* @__PURE__ */ tokenListHeader("access-control-expose-headers", { lowercase: true, nonEmpty: false, member: "field name" }),
  );
