import { asLibraryError } from "./describe.js";
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
 * The index of the DQUOTE that closes the opaque-tag opening at `s[open]`, or -1 when there is
 * no opaque-tag there. Allocates nothing.
 */
function closingQuote(s: string, open: number, end: number): number {
  if (open >= end || s.charCodeAt(open) !== DQUOTE) return -1;
  // A sticky character-class run: one linear pass in the regex engine, which reads a long tag
  // faster than a charCodeAt loop (request validators are often 30-60 characters).
  ETAGC_RUN.lastIndex = open + 1;
  ETAGC_RUN.test(s);
  const close = ETAGC_RUN.lastIndex;
  return close < end && s.charCodeAt(close) === DQUOTE ? close : -1;
}

/** `*etagc`, matched from `lastIndex`. */
const ETAGC_RUN = /[\x21\x23-\x7e\x80-\xff]*/y;

/** Whether an entity-tag at `s[i]` starts with the weak prefix `W/`. */
function isWeakAt(s: string, i: number): boolean {
  return s.charCodeAt(i) === 0x57 && s.charCodeAt(i + 1) === 0x2f;
}

/** The failure for an entity-tag at `s[i]` that {@link closingQuote} refused. */
function entityTagFailure(s: string, i: number, end: number, base: number): Failure {
  const open = isWeakAt(s, i) ? i + 2 : i;
  if (open >= end || s.charCodeAt(open) !== DQUOTE) return notAnEntityTag(s, open < end ? open : i, end, base, "a quoted tag");
  let close = open + 1;
  while (close < end && isEtagc(s.charCodeAt(close))) close++;
  return notAnEntityTag(s, close, end, base, 'a closing "');
}

/**
 * Scans one entity-tag starting at `s[i]` (no whitespace skipped) and ending before `end`.
 * @internal
 */
export function scanEntityTagAt(s: string, i: number, end: number, base = 0): ParseResult<EntityTag> {
  const weak = isWeakAt(s, i);
  const open = weak ? i + 2 : i;
  const close = closingQuote(s, open, end);
  return close === -1 ? entityTagFailure(s, i, end, base) : ok({ weak, tag: s.slice(open + 1, close) });
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

/** Whether `value` is an {@link (EntityTag:interface)} a serializer can write. @internal */
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
 * Reads `value` once into a fresh {@link (EntityTag:interface)}, or returns undefined when it is not one.
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
  try {
    return !a.weak && !b.weak && a.tag === b.tag;
  } catch (error) {
    // A caller's Proxy or getter may throw anything: only the library's TypeError leaves.
    throw asLibraryError(error, "strongCompare: its arguments");
  }
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
  try {
    return a.tag === b.tag;
  } catch (error) {
    // A caller's Proxy or getter may throw anything: only the library's TypeError leaves.
    throw asLibraryError(error, "weakCompare: its arguments");
  }
}

/**
 * Parse, construct and recognise {@link (EntityTag:interface)} values.
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
 * Walks `"*" / #entity-tag` over one field line or several, calling `visit(context, line, weak,
 * start, end)` for each tag, whose opaque tag is `line[start, end)`. Returns `"*"` for a lone
 * star, whether `visit` returned true for any tag, or the failure (offsets into the lines joined
 * with `", "`): the walk goes on after a match, because a value that does not parse is no list
 * of tags, whatever its first tags are. Allocates nothing itself (`visit` is
 * a plain function and `context` its data, not a closure), so matching a request's
 * If-None-Match against an ETag builds no objects.
 * @internal
 */
export function walkEntityTags<Context>(
  value: string | readonly string[],
  visit: (context: Context, line: string, weak: boolean, start: number, end: number) => boolean,
  context: Context,
): "*" | boolean | Failure {
  const count = typeof value === "string" ? 1 : value.length;
  if (count === 1 && isLoneStar(typeof value === "string" ? value : value[0]!)) return "*";
  let base = 0;
  let matched = false;
  for (let k = 0; k < count; k++) {
    const line = typeof value === "string" ? value : value[k]!;
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
      const weak = isWeakAt(line, i);
      const open = weak ? i + 2 : i;
      const close = closingQuote(line, open, end);
      if (close === -1) return entityTagFailure(line, i, end, base);
      if (visit(context, line, weak, open + 1, close)) matched = true;
      i = skipOws(line, close + 1, end);
      if (i < end && line.charCodeAt(i) !== 0x2c) return notAnEntityTag(line, i, end, base, '"," between entity tags');
    }
    base += end + 2;
  }
  return matched;
}

/**
 * Where the opaque tag of `line` starts when `line` is exactly one entity-tag, with nothing
 * around it (1, or 3 after `W/`), else -1.
 * @internal
 */
export function soleEntityTagStart(line: string): number {
  // One anchored test of the whole line: cheaper than the sticky run of closingQuote, whose
  // lastIndex is read and written around it.
  return SOLE_ENTITY_TAG.test(line) ? (line.charCodeAt(0) === DQUOTE ? 1 : 3) : -1;
}

/** A line that is one entity-tag and nothing else. */
const SOLE_ENTITY_TAG = /^(?:W\/)?"[\x21\x23-\x7e\x80-\xff]*"$/;

/** Parses `"*" / #entity-tag` over one field line or several. @internal */
export function parseEntityTagList(value: string | readonly string[]): ParseResult<"*" | readonly EntityTag[]> {
  const tags: EntityTag[] = [];
  const walked = walkEntityTags(value, collectTag, tags);
  return walked === "*" ? STAR : walked === false ? ok(tags) : (walked as Failure);
}

function collectTag(tags: EntityTag[], line: string, weak: boolean, start: number, end: number): boolean {
  tags.push({ weak, tag: line.slice(start, end) });
  return false;
}

const STAR: ParseResult<"*"> = /* @__PURE__ */ Object.freeze(/* @__PURE__ */ ok("*" as const));

/** Whether `line` is "*" with optional SP/HTAB around it. */
function isLoneStar(line: string): boolean {
  const start = skipOws(line, 0, line.length);
  return line.charCodeAt(start) === 0x2a && skipOws(line, start + 1, line.length) === line.length;
}
