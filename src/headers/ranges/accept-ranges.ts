import { codecOf, type HeaderCodec } from "../codec.js";
import { tokenListHeader } from "../families.js";

//   Accept-Ranges     = acceptable-ranges     (RFC 9110 §14.3)
//   acceptable-ranges = 1#range-unit          ; "none" is sent alone to say no unit is supported
//   range-unit        = token                 ; case-insensitive, read lowercase

/**
 * `Accept-Ranges`: the range units the server supports (`["bytes"]`, or `["none"]`), lowercase.
 *
 * @example
 * ```ts
 * acceptRangesHeader.parse("bytes");          // { ok: true, value: ["bytes"] }
 * acceptRangesHeader.serialize(["bytes"]);    // "bytes"
 * ```
 * @public
 */
export const acceptRangesHeader: HeaderCodec<"accept-ranges", readonly string[]> = /* @__PURE__ */ codecOf(
  /* @__PURE__ */ tokenListHeader("accept-ranges", { lowercase: true, nonEmpty: true, member: "range unit" }),
);
