import type { FieldName } from "../syntax/field-name.js";
import type { RegisteredDefinition } from "./definition.js";
import { tokenListHeader } from "./families.js";

//   Access-Control-Allow-Headers = #field-name     (Fetch §3.3.3)
//   "*" is a wildcard without credentials, and never covers Authorization.

/** `Access-Control-Allow-Headers` preflight response header. @internal */
export const accessControlAllowHeaders: RegisteredDefinition<"access-control-allow-headers", readonly (FieldName | "*")[]> =
  /* @__PURE__ */ tokenListHeader("access-control-allow-headers", { lowercase: true, nonEmpty: false, member: "field name" });
