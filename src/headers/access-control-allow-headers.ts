import type { FieldName } from "../syntax/field-name.js";
import { codecOf, type HeaderCodec } from "./codec.js";
import { tokenListHeader } from "./families.js";

//   Access-Control-Allow-Headers = #field-name     (Fetch §3.3.3)
//   "*" is a wildcard without credentials, and never covers Authorization.

/**
 * `Access-Control-Allow-Headers` (preflight response): lowercase names; `*` is a wildcard without credentials.
 *
 * @example
 * ```ts
 * accessControlAllowHeadersHeader.parse("Content-Type, X-Foo");   // { ok: true, value: ["content-type", "x-foo"] }
 * ```
 * @public
 */
export const accessControlAllowHeadersHeader: HeaderCodec<"access-control-allow-headers", readonly (FieldName | "*")[]> =
  /* @__PURE__ */ codecOf(
    /* @__PURE__ */ tokenListHeader("access-control-allow-headers", { lowercase: true, nonEmpty: false, member: "field name" }),
  );
