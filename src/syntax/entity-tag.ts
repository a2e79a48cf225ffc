import { describeChar, skipOws } from "./chars.js";
import { fail, ok, type Failure, type ParseResult } from "./result.js";
import type { ValueType } from "./value-type.js";

//   entity-tag = [ weak ] opaque-tag             (RFC 9110 §8.8.3)
//   weak       = %s"W/"
//   opaque-tag = DQUOTE *etagc DQUOTE
//   etagc      = %x21 / %x23-7E / obs-text        ; any visible byte but DQUOTE, no space
//   obs-text   = %x80-FF
// The opaque tag may hold "," and "W/", so lists of entity tags are scanned tag by tag, never split.

/**
 * An entity tag (RFC 9110 §8.8.3): the opaque `tag` (without its quotes) and whether it is
 * `weak`. Serialized as `"tag"` or `W/"tag"`.
 *
 * @example
 * ```ts
 * const etag: EntityTag = { weak: false, tag: "33a64df5" };   // "33a64df5"
 * const weak: EntityTag = EntityTag.from('W/"0815"');          // { weak: true, tag: "0815" }
 * ```
 * @public
 */
export interface EntityTag {
  /** Whether the tag is weak (`W/` prefix): equal by meaning, not byte for byte. */
  readonly weak: boolean;
  /** The opaque tag without its quotes: visible ASCII other than `"`, or bytes 0x80-0xFF. */
  readonly tag: string;
}

const DQUOTE = 0x22;

/** Whether `c` is an `etagc`. */
function isEtagc(c: number): boolean {
  return c === 0x21 || (c >= 0x23 && c <= 0x7e) || (c >= 0x80 && c <= 0xff);
}

/**
 * Scans one entity-tag starting at `s[i]` (no whitespace skipped) and ending before `end`.
 * Returns the tag and the index after its closing quote, or the failure.
 * @internal
 */
export function scanEntityTagAt(s: string, i: number, end: number, base = 0): ParseResult<EntityTag> {
  const weak = s.charCodeAt(i) === 0x57 && s.charCodeAt(i + 1) === 0x2f; // "W/"
  const open = weak ? i + 2 : i;
  if (open >= end || s.charCodeAt(open) !== DQUOTE) return notAnEntityTag(s, open < end ? open : i, end, base, "a quoted tag");
  let close = open + 1;
  while (close < end && isEtagc(s.charCodeAt(close))) close++;
  if (close >= end || s.charCodeAt(close) !== DQUOTE) return notAnEntityTag(s, close, end, base, 'a closing "');
  return ok({ weak, tag: s.slice(open + 1, close) });
}

/** The failure for an entity-tag that goes wrong at `s[i]`, where `expected` was due. @internal */
export function notAnEntityTag(s: string, i: number, end: number, base: number, expected: string): Failure {
  const found = i >= end ? "the end of the value" : describeChar(s, i);
  const why =
    expected !== "a quoted tag"
      ? ""
      : s.startsWith("w/", i)
        ? ' (the weak prefix is "W/", uppercase)'
        : ' (entity tags are quoted: "…" or W/"…")';
  return fail("invalid-entity-tag", `expected ${expected}, found ${found} at offset ${base + i}${why}.`, base + i);
}

/** Scans `s[start, end)` as exactly one entity-tag. @internal */
export function scanEntityTag(s: string, start: number, end: number): ParseResult<EntityTag> {
  const result = scanEntityTagAt(s, start, end);
  if (!result.ok) return result;
  const after = start + result.value.tag.length + (result.value.weak ? 4 : 2);
  return after === end ? result : notAnEntityTag(s, skipOws(s, after, end), end, 0, "the end of the entity tag");
}

/** Whether `value` is an {@link EntityTag} a serializer can write. @internal */
export function isEntityTagText(tag: unknown): tag is string {
  if (typeof tag !== "string") return false;
  for (let i = 0; i < tag.length; i++) if (!isEtagc(tag.charCodeAt(i))) return false;
  return true;
}

/** `"tag"` or `W/"tag"`, from a snapshot already checked. @internal */
export function formatEntityTag(weak: boolean, tag: string): string {
  return weak ? `W/"${tag}"` : `"${tag}"`;
}

/**
 * Reads `value` once into a fresh {@link EntityTag}, or returns undefined when it is not one.
 * Never throws. @internal
 */
export function snapshotEntityTag(value: unknown): EntityTag | undefined {
  try {
    if (typeof value !== "object" || value === null) return undefined;
    const { weak, tag } = value as EntityTag;
    return typeof weak === "boolean" && isEntityTagText(tag) ? { weak, tag } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Strong comparison (RFC 9110 §8.8.3.2): both tags strong and their opaque tags equal.
 *
 * @example
 * ```ts
 * strongCompare({ weak: false, tag: "1" }, { weak: false, tag: "1" });   // true
 * strongCompare({ weak: true, tag: "1" }, { weak: true, tag: "1" });     // false
 * ```
 * @public
 */
export function strongCompare(a: EntityTag, b: EntityTag): boolean {
  return !a.weak && !b.weak && a.tag === b.tag;
}

/**
 * Weak comparison (RFC 9110 §8.8.3.2): the opaque tags are equal, whether or not either is weak.
 *
 * @example
 * ```ts
 * weakCompare({ weak: true, tag: "1" }, { weak: false, tag: "1" });   // true
 * weakCompare({ weak: false, tag: "1" }, { weak: false, tag: "2" });  // false
 * ```
 * @public
 */
export function weakCompare(a: EntityTag, b: EntityTag): boolean {
  return a.tag === b.tag;
}

/**
 * Parse, construct and recognise {@link EntityTag} values.
 *
 * @remarks
 * `parse` and `from` take one entity-tag as written in a header (`"xyzzy"`, `W/"xyzzy"`),
 * without surrounding whitespace; `is` checks an object's shape and tag characters.
 *
 * @example
 * ```ts
 * EntityTag.parse('W/"xyzzy"');   // { ok: true, value: { weak: true, tag: "xyzzy" } }
 * EntityTag.from("xyzzy");        // throws TypeError: entity tags are quoted
 * ```
 * @public
 */
export const EntityTag: ValueType<EntityTag> = {
  parse: (input: string) =>
    typeof input === "string"
      ? scanEntityTag(input, 0, input.length)
      : fail("invalid-input", `expected a string, found a ${typeof input}.`),
  from(input: string): EntityTag {
    const result = typeof input === "string" ? scanEntityTag(input, 0, input.length) : undefined;
    if (result?.ok) return result.value;
    throw new TypeError(
      `typed-headers: EntityTag.from(${typeof input === "string" ? JSON.stringify(input) : typeof input}): ${
        result?.error.message ?? "expected a string"
      }`,
    );
  },
  is: (value: unknown): value is EntityTag => snapshotEntityTag(value) !== undefined,
};

//   If-Match      = "*" / #entity-tag    (RFC 9110 §13.1.1)
//   If-None-Match = "*" / #entity-tag    (RFC 9110 §13.1.2)
//   #element      => [ element ] *( OWS "," OWS [ element ] )
// "*" stands alone: one field line holding only "*". Empty list members are skipped; the lines of
// a repeated header are one list.

/**
 * Parses `"*" / #entity-tag` over one field line or several; offsets are into the lines joined
 * with `", "`. @internal
 */
export function parseEntityTagList(value: string | readonly string[]): ParseResult<"*" | readonly EntityTag[]> {
  const lines = typeof value === "string" ? [value] : value;
  if (lines.length === 1 && trimmedIs(lines[0]!, "*")) return STAR;
  const tags: EntityTag[] = [];
  let base = 0;
  for (const line of lines) {
    const end = line.length;
    let i = 0;
    while (i < end) {
      const c = line.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x2c) {
        i++;
        continue;
      }
      if (c === 0x2a) {
        return fail("invalid-entity-tag", `found "*" at offset ${base + i} in a list: "*" must be the whole value.`, base + i);
      }
      const tag = scanEntityTagAt(line, i, end, base);
      if (!tag.ok) return tag;
      tags.push(tag.value);
      i = skipOws(line, i + tag.value.tag.length + (tag.value.weak ? 4 : 2), end);
      if (i < end && line.charCodeAt(i) !== 0x2c) return notAnEntityTag(line, i, end, base, '"," between entity tags');
    }
    base += end + 2;
  }
  return ok(tags);
}

const STAR: ParseResult<"*"> = /* @__PURE__ */ Object.freeze(/* @__PURE__ */ ok("*" as const));

/** Whether `line` is `word` with optional SP/HTAB around it. */
function trimmedIs(line: string, word: string): boolean {
  const start = skipOws(line, 0, line.length);
  return line.startsWith(word, start) && skipOws(line, start + word.length, line.length) === line.length;
}
