import { formatEntityTag, scanEntityTag, snapshotEntityTag, type EntityTag } from "../../syntax/entity-tag.js";
import { formatHttpDate, httpDateTime, scanHttpDate, type HttpDate } from "../../syntax/http-date.js";
import { parseSingleLine } from "../../syntax/single.js";
import { codecOf, type HeaderCodec } from "../codec.js";
import { invalidValue } from "../definition.js";

//   If-Range = entity-tag / HTTP-date    (RFC 9110 §13.1.5)
// An entity tag starts with DQUOTE or "W/" (a date may start with "W", as in "Wed,"); anything
// else is read as a date. Clients must not
// send a weak tag, but it is valid syntax: it parses, and never matches (strong comparison).

/**
 * `If-Range`: send the requested ranges only if the representation is unchanged, identified by
 * an entity tag or its modification date.
 *
 * @example
 * ```ts
 * ifRangeHeader.parse('"xyzzy"');                          // { ok: true, value: { weak: false, tag: "xyzzy" } }
 * ifRangeHeader.parse("Sat, 29 Oct 1994 19:43:31 GMT");    // { ok: true, value: HttpDate }
 * ```
 * @public
 */
export const ifRangeHeader: HeaderCodec<"if-range", EntityTag | HttpDate> = /* @__PURE__ */ codecOf({
  name: "if-range",
  parse: (value) =>
    parseSingleLine<EntityTag | HttpDate>(value, (s, start, end) => {
      const c = s.charCodeAt(start);
      const tag = c === 0x22 || ((c === 0x57 || c === 0x77) && s.charCodeAt(start + 1) === 0x2f); // '"', "W/" or "w/"
      return tag ? scanEntityTag(s, start, end) : scanHttpDate(s, start, end);
    }),
  serialize: (value) => {
    const time = httpDateTime(value);
    if (time === time) return formatHttpDate(time);
    const tag = snapshotEntityTag(value);
    return tag !== undefined
      ? formatEntityTag(tag.weak, tag.tag)
      : invalidValue("if-range", value, "an EntityTag or an HttpDate");
  },
});
