import { formatEntityTag, parseEntityTagList, snapshotEntityTag, type EntityTag } from "../../syntax/entity-tag.js";
import { arraySnapshot } from "../../syntax/array-snapshot.js";
import { codecOf, type HeaderCodec } from "../codec.js";
import { invalidValue, type RegisteredDefinition } from "../definition.js";

//   If-Match      = "*" / #entity-tag    (RFC 9110 §13.1.1; compared strongly)
//   If-None-Match = "*" / #entity-tag    (RFC 9110 §13.1.2; compared weakly)
// The lines of a repeated header form one list; "*" must be the whole value. An empty list is
// valid (the `#` rule allows it): it matches nothing.

/**
 * The value of `If-Match` and `If-None-Match`: `"*"` (any current representation) or the listed
 * entity tags, in order.
 *
 * @example
 * ```ts
 * const condition: EntityTagCondition = [{ weak: false, tag: "xyzzy" }];   // or "*"
 * ```
 * @public
 */
export type EntityTagCondition = "*" | readonly EntityTag[];

/** The definition of `If-Match` or `If-None-Match`. @internal */
function entityTagConditionHeader<Name extends string>(name: Name): RegisteredDefinition<Name, EntityTagCondition> {
  return {
    name,
    parse: parseEntityTagList,
    serialize: (value) => {
      if (value === "*") return "*";
      const members = arraySnapshot(value);
      const parts: string[] = [];
      for (const member of members ?? []) {
        const tag = snapshotEntityTag(member);
        if (tag === undefined) return invalidValue(name, value, '"*" or an array of EntityTag');
        parts.push(formatEntityTag(tag.weak, tag.tag));
      }
      return members !== undefined ? parts.join(", ") : invalidValue(name, value, '"*" or an array of EntityTag');
    },
  };
}

/**
 * `If-Match`: perform the request only if the current representation's entity tag strongly
 * matches one of these (or, for `*`, if there is one).
 *
 * @example
 * ```ts
 * ifMatchHeader.parse('"xyzzy", "r2d2xxxx"');   // { ok: true, value: [{ weak: false, tag: "xyzzy" }, …] }
 * ```
 * @public
 */
export const ifMatchHeader: HeaderCodec<"if-match", EntityTagCondition> = /* @__PURE__ */ codecOf(
  /* @__PURE__ */ entityTagConditionHeader("if-match"),
);

/**
 * `If-None-Match`: perform the request only if no listed entity tag weakly matches the current
 * representation's (or, for `*`, if there is none); a GET or HEAD otherwise gets 304.
 *
 * @example
 * ```ts
 * ifNoneMatchHeader.parse('W/"xyzzy", "r2d2xxxx"');
 * ifNoneMatchHeader.serialize("*");   // "*"
 * ```
 * @public
 */
export const ifNoneMatchHeader: HeaderCodec<"if-none-match", EntityTagCondition> = /* @__PURE__ */ codecOf(
  /* @__PURE__ */ entityTagConditionHeader("if-none-match"),
);
