import type { FieldName } from "../syntax/field-name.js";
import { parseTokenList } from "../syntax/list.js";
import { ok, type ParseResult } from "../syntax/result.js";
import { codecOf, type HeaderCodec } from "./codec.js";
import { invalidValue } from "./definition.js";
import { appendNew, tokenArraySnapshot } from "./families.js";

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

/**
 * `Vary` (response): `*`, or the lowercase names of the request headers the response depends on.
 *
 * @example
 * ```ts
 * varyHeader.parse("Origin, Accept-Encoding");   // { ok: true, value: ["origin", "accept-encoding"] }
 * varyHeader.parse("Origin, *");                 // { ok: true, value: "*" }
 * ```
 * @public
 */
export const varyHeader: HeaderCodec<"vary", VaryValue> = /* @__PURE__ */ codecOf<"vary", VaryValue>({
  name: "vary",
  reusable: true,
  parse: (value) => {
    const result = parseTokenList(value, true, 'a field name or "*"');
    if (result.ok && result.value.includes("*")) return STAR;
    return result as ParseResult<readonly FieldName[]>;
  },
  serialize: (value) => {
    if (value === "*") return "*";
    const names = tokenArraySnapshot(value, true);
    if (names !== undefined && !names.includes("*")) return names.join(", ");
    return invalidValue("vary", value, '"*" or an array of lowercase field names without "*"');
  },
  // Field names are lowercase, so deduplicating by equality is case-insensitive; "*" absorbs all.
  merge: (existing, added) => (existing === "*" || added === "*" ? "*" : appendNew(existing, added)),
});
