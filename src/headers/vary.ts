import type { FieldName } from "../syntax/field-name.js";
import { parseTokenList } from "../syntax/list.js";
import { ok, type ParseResult } from "../syntax/result.js";
import { invalidValue, type RegisteredDefinition } from "./definition.js";
import { appendNew, isTokenArray } from "./families.js";

//   Vary = #( "*" / field-name )     (RFC 9110 §12.5.5)
// "*" means the response varies on more than headers; any "*" member makes the whole value "*".

/**
 * The value of `Vary`: `"*"`, or the lowercase field names in order.
 *
 * @example
 * ```ts
 * const vary: VaryValue = [FieldName.from("origin"), "accept-encoding"];   // or "*"
 * ```
 * @public
 */
export type VaryValue = "*" | readonly FieldName[];

const STAR: ParseResult<"*"> = /* @__PURE__ */ Object.freeze(/* @__PURE__ */ ok("*" as const));

/** `Vary` response header. @internal */
export const vary: RegisteredDefinition<"vary", VaryValue> = {
  name: "vary",
  parse: (value) => {
    const result = parseTokenList(value, true, 'a field name or "*"');
    if (result.ok && result.value.includes("*")) return STAR;
    return result as ParseResult<readonly FieldName[]>;
  },
  serialize: (value) => {
    if (value === "*") return "*";
    if (isTokenArray(value, true) && !(value as readonly string[]).includes("*")) return value.join(", ");
    return invalidValue("vary", value, '"*" or an array of lowercase field names without "*"');
  },
  // Field names are lowercase, so deduplicating by equality is case-insensitive; "*" absorbs all.
  merge: (existing, added) => (existing === "*" || added === "*" ? "*" : appendNew(existing, added)),
};
