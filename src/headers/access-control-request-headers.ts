import type { FieldName } from "../syntax/field-name.js";
import type { RegisteredDefinition } from "./definition.js";
import { tokenListHeader } from "./families.js";

//   Access-Control-Request-Headers = 1#field-name   (Fetch §3.3.2)
// Browsers send the names lowercased, sorted and joined with "," (no space); any valid list is
// accepted here, order kept.

/** `Access-Control-Request-Headers` request header. @internal */
export const accessControlRequestHeaders: RegisteredDefinition<"access-control-request-headers", readonly FieldName[]> =
  /* @__PURE__ */ tokenListHeader("access-control-request-headers", { lowercase: true, nonEmpty: true, member: "field name" });
