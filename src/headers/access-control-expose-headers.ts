import type { FieldName } from "../syntax/field-name.js";
import type { RegisteredDefinition } from "./definition.js";
import { tokenListHeader } from "./families.js";

//   Access-Control-Expose-Headers = #field-name     (Fetch §3.3.3)
//   "*" exposes every header except Set-Cookie, and only without credentials.

/** `Access-Control-Expose-Headers` response header. @internal */
export const accessControlExposeHeaders: RegisteredDefinition<"access-control-expose-headers", readonly (FieldName | "*")[]> =
  /* @__PURE__ */ tokenListHeader("access-control-expose-headers", { lowercase: true, nonEmpty: false, member: "field name" });
