import { formatEntityTag, scanEntityTag, snapshotEntityTag, type EntityTag } from "../../syntax/entity-tag.js";
import { parseSingleLine } from "../../syntax/single.js";
import { codecOf, type HeaderCodec } from "../codec.js";
import { invalidValue } from "../definition.js";

//   ETag = entity-tag    (RFC 9110 §8.8.3)
// One field line holding one entity tag; the opaque tag may contain commas, so a line is never
// split.

/**
 * `ETag`: the current representation's entity tag.
 *
 * @example
 * ```ts
 * etagHeader.parse('W/"xyzzy"');                          // { ok: true, value: { weak: true, tag: "xyzzy" } }
 * etagHeader.serialize({ weak: false, tag: "33a64df5" });  // "\"33a64df5\""
 * ```
 * @public
 */
export const etagHeader: HeaderCodec<"etag", EntityTag> = /* @__PURE__ */ codecOf({
  name: "etag",
  parse: (value) => parseSingleLine(value, scanEntityTag),
  serialize: (value) => {
    const snapshot = snapshotEntityTag(value);
    return snapshot !== undefined
      ? formatEntityTag(snapshot.weak, snapshot.tag)
      : invalidValue("etag", value, '{ weak: boolean, tag: string } with a tag of visible characters other than " (EntityTag)');
  },
});
