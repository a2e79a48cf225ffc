import { arraySnapshot } from "../syntax/array-snapshot.js";
import { describeChar, isOws, isTchar, skipOws } from "../syntax/chars.js";
import type { FieldName } from "../syntax/field-name.js";
import { parseTokenList } from "../syntax/list.js";
import { fail, ok, type Failure, type ParseResult } from "../syntax/result.js";
import { isLowercaseToken, isToken } from "../syntax/token.js";
import { codecOf, type HeaderCodec } from "./codec.js";
import { invalidValue } from "./definition.js";

//   Cache-Control   = #cache-directive                                  (RFC 9111 §5.2)
//   cache-directive = token [ "=" ( token / quoted-string ) ]           ; names case-insensitive
//   quoted-string   = DQUOTE *( qdtext / quoted-pair ) DQUOTE           (RFC 9110 §5.6.4)
//   qdtext          = HTAB / SP / %x21 / %x23-5B / %x5D-7E / obs-text
//   quoted-pair     = "\" ( HTAB / SP / VCHAR / obs-text )
//
// Registered directives (RFC 9111 §5.2.1, §5.2.2, RFC 5861, RFC 8246) and their arguments:
//   max-age, s-maxage, min-fresh, stale-while-revalidate, stale-if-error = delta-seconds
//   max-stale [ "=" delta-seconds ]
//   no-cache, private [ "=" #field-name ]   ; in a quoted-string when generated
//   no-store, public, must-revalidate, proxy-revalidate, must-understand, no-transform,
//   immutable, only-if-cached                ; no argument
// Recipients accept an argument in either form (`max-age="60"`); this serializer writes
// delta-seconds as tokens and field-name lists as quoted-strings, as the RFC asks of senders.
// delta-seconds above 2^31 read as 2^31 (RFC 9111 §1.2.2).
//
// Duplicates and conflicts (RFC 9111 §4.2.1): when a directive appears more than once, the first
// occurrence is used (for extensions too), except that no-cache and private, which only grow
// more restrictive, merge: the unqualified form wins over field names, and field-name lists are
// joined. Conflicting directives (max-age with no-cache, public with private) are all kept: the
// cache honours the most restrictive. A registered directive whose argument is missing, not
// allowed or malformed fails the whole header (invalid-cache-directive), as RFC 9111 §4.2.1
// encourages caches to treat invalid freshness information as stale.

/**
 * The value of `Cache-Control`: the registered directives, typed, and any others in
 * `extensions`.
 *
 * @remarks
 * Seconds are integers from 0 to 2147483648. `noCache` and `private` are `true`, or the field
 * names they apply to. `extensions` maps each other directive's lowercase name to its argument
 * (unquoted) or `true` when it has none, in the order received; it is absent when there are none.
 *
 * @example
 * ```ts
 * const immutableAsset: CacheControl = { maxAge: 31536000, public: true, immutable: true };
 * cacheControlHeader.serialize(immutableAsset);   // "max-age=31536000, public, immutable"
 * ```
 * @public
 */
export interface CacheControl {
  /** `max-age`: seconds the response stays fresh (response), or the oldest the client accepts (request). */
  readonly maxAge?: number;
  /** `s-maxage`: `max-age` for shared caches. */
  readonly sMaxage?: number;
  /** `no-cache`: revalidate before every reuse; with field names, only those fields. */
  readonly noCache?: true | readonly FieldName[];
  /** `no-store`: do not store the request or response at all. */
  readonly noStore?: true;
  /** `private`: only a private cache may store it; with field names, only those fields are private. */
  readonly private?: true | readonly FieldName[];
  /** `public`: any cache may store it, even when it would not otherwise be cacheable. */
  readonly public?: true;
  /** `must-revalidate`: once stale, never reuse without revalidating. */
  readonly mustRevalidate?: true;
  /** `proxy-revalidate`: `must-revalidate` for shared caches. */
  readonly proxyRevalidate?: true;
  /** `must-understand`: store only if the status code's caching rules are understood. */
  readonly mustUnderstand?: true;
  /** `no-transform`: intermediaries must not transform the content. */
  readonly noTransform?: true;
  /** `immutable` (RFC 8246): the content will not change while fresh. */
  readonly immutable?: true;
  /** `stale-while-revalidate` (RFC 5861): seconds a stale response may be served while revalidating. */
  readonly staleWhileRevalidate?: number;
  /** `stale-if-error` (RFC 5861): seconds a stale response may be served on an error. */
  readonly staleIfError?: number;
  /** `max-stale` (request): accept a stale response, for up to that many seconds when a number. */
  readonly maxStale?: true | number;
  /** `min-fresh` (request): the response must stay fresh for at least that many seconds. */
  readonly minFresh?: number;
  /** `only-if-cached` (request): answer from a cache or with 504. */
  readonly onlyIfCached?: true;
  /** Other directives, lowercase name → argument (unquoted) or `true` without one. */
  readonly extensions?: ReadonlyMap<string, string | true>;
}

/** How a registered directive's argument is read. */
const enum Argument {
  None,
  Seconds,
  OptionalSeconds,
  OptionalFieldNames,
}

type Key = Exclude<keyof CacheControl, "extensions">;

/** The registered directives in canonical order: name, property, argument rule. */
const DIRECTIVES: readonly (readonly [string, Key, Argument])[] = [
  ["max-age", "maxAge", Argument.Seconds],
  ["s-maxage", "sMaxage", Argument.Seconds],
  ["no-cache", "noCache", Argument.OptionalFieldNames],
  ["no-store", "noStore", Argument.None],
  ["private", "private", Argument.OptionalFieldNames],
  ["public", "public", Argument.None],
  ["must-revalidate", "mustRevalidate", Argument.None],
  ["proxy-revalidate", "proxyRevalidate", Argument.None],
  ["must-understand", "mustUnderstand", Argument.None],
  ["no-transform", "noTransform", Argument.None],
  ["immutable", "immutable", Argument.None],
  ["stale-while-revalidate", "staleWhileRevalidate", Argument.Seconds],
  ["stale-if-error", "staleIfError", Argument.Seconds],
  ["max-stale", "maxStale", Argument.OptionalSeconds],
  ["min-fresh", "minFresh", Argument.Seconds],
  ["only-if-cached", "onlyIfCached", Argument.None],
];

/** The index in DIRECTIVES of the registered directive `name` (lowercase), or -1. */
function directiveIndex(name: string): number {
  for (let k = 0; k < DIRECTIVES.length; k++) if (DIRECTIVES[k]![0] === name) return k;
  return -1;
}

const MAX_SECONDS = 2147483648;
const DQUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const EQUALS = 0x3d;

/** A directive's argument as scanned: its unquoted text, and the index after it. */
interface ScannedArgument {
  text: string;
  end: number;
}

/** Scans a token or a quoted-string at `s[i]`, before `end`. */
function scanArgument(s: string, i: number, end: number, base: number): ScannedArgument | Failure {
  if (s.charCodeAt(i) !== DQUOTE) {
    let j = i;
    while (j < end && isTchar(s.charCodeAt(j))) j++;
    if (j === i) return invalidDirective(s, i, end, base, "an argument (a token or a quoted string)");
    return { text: s.slice(i, j), end: j };
  }
  let text = "";
  let from = i + 1;
  for (let j = i + 1; j < end; j++) {
    const c = s.charCodeAt(j);
    if (c === DQUOTE) return { text: text + s.slice(from, j), end: j + 1 };
    if (c === BACKSLASH) {
      if (j + 1 === end || !isQuotable(s.charCodeAt(j + 1))) return invalidDirective(s, j + 1, end, base, "a character after \\");
      text += s.slice(from, j);
      from = ++j;
    } else if (!isQuotable(c)) {
      return invalidDirective(s, j, end, base, "a character of a quoted string");
    }
  }
  return invalidDirective(s, end, end, base, 'the closing "');
}

/** HTAB, SP, VCHAR or obs-text: what a quoted-string holds (DQUOTE and "\" escaped). */
function isQuotable(c: number): boolean {
  return c === 0x09 || (c >= 0x20 && c <= 0x7e) || (c >= 0x80 && c <= 0xff);
}

function invalidDirective(s: string, i: number, end: number, base: number, expected: string): Failure {
  const found = i >= end ? "the end of the line" : describeChar(s, i);
  return fail("invalid-cache-directive", `expected ${expected}, found ${found} at offset ${base + i}.`, base + i);
}

/** Reads 1*DIGIT as seconds, capped at 2^31; NaN when `text` is not digits. */
function secondsOf(text: string): number {
  if (text.length === 0) return NaN;
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    const d = text.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return NaN;
    if (value < MAX_SECONDS) value = value * 10 + d;
  }
  return value > MAX_SECONDS ? MAX_SECONDS : value;
}

/** The parsed directives, built up line by line. */
type Directives = { -readonly [K in Key]?: CacheControl[K] } & { extensions?: Map<string, string | true> };

/** Parses the directives of one field line at `base` in the combined value into `into`. */
function addDirectives(line: string, base: number, into: Directives): Failure | undefined {
  const end = line.length;
  let i = 0;
  while (i < end) {
    const c = line.charCodeAt(i);
    if (isOws(c) || c === COMMA) {
      i++;
      continue;
    }
    const nameStart = i;
    let upper = false;
    while (i < end) {
      const d = line.charCodeAt(i);
      if (!isTchar(d)) break;
      if (d >= 0x41 && d <= 0x5a) upper = true;
      i++;
    }
    if (i === nameStart) return invalidDirective(line, i, end, base, "a directive name (a token)");
    const raw = line.slice(nameStart, i);
    const name = upper ? raw.toLowerCase() : raw;
    let argument: ScannedArgument | undefined;
    if (line.charCodeAt(i) === EQUALS) {
      const scanned = scanArgument(line, i + 1, end, base);
      if ("ok" in scanned) return scanned;
      argument = scanned;
      i = scanned.end;
    }
    const failure = addDirective(into, name, argument, nameStart, base);
    if (failure !== undefined) return failure;
    i = skipOws(line, i, end);
    if (i < end && line.charCodeAt(i) !== COMMA) return invalidDirective(line, i, end, base, '"," or the end of the line');
  }
  return undefined;
}

/** Records directive `name` with its `argument` in `into`, following the duplicate rules above. */
function addDirective(
  into: Directives,
  name: string,
  argument: ScannedArgument | undefined,
  at: number,
  base: number,
): Failure | undefined {
  const k = directiveIndex(name);
  if (k === -1) {
    const extensions = (into.extensions ??= new Map());
    if (!extensions.has(name)) extensions.set(name, argument === undefined ? true : argument.text);
    return undefined;
  }
  const [, key, rule] = DIRECTIVES[k]!;
  const problem = (why: string): Failure =>
    fail("invalid-cache-directive", `the ${name} directive at offset ${base + at} ${why}.`, base + at);
  switch (rule) {
    case Argument.None:
      if (argument !== undefined) return problem("takes no argument");
      (into as Record<Key, unknown>)[key] = true;
      return undefined;
    case Argument.Seconds:
    case Argument.OptionalSeconds: {
      if (argument === undefined) {
        if (rule === Argument.Seconds) return problem("needs a number of seconds (=delta-seconds)");
        into[key] ??= true as never;
        return undefined;
      }
      const seconds = secondsOf(argument.text);
      if (seconds !== seconds) return problem(`needs a number of seconds, found "${argument.text}"`);
      into[key] ??= seconds as never; // the first occurrence is used
      return undefined;
    }
    case Argument.OptionalFieldNames: {
      const existing = into[key] as true | FieldName[] | undefined;
      if (argument === undefined || existing === true) {
        (into as Record<Key, unknown>)[key] = true;
        return undefined;
      }
      const names = parseTokenList(argument.text, true, "a field name");
      if (!names.ok) return problem(`needs field names, but ${names.error.message}`);
      const merged = existing ?? [];
      for (const fieldName of names.value) if (!merged.includes(fieldName as FieldName)) merged.push(fieldName as FieldName);
      (into as Record<Key, unknown>)[key] = merged;
      return undefined;
    }
  }
}

function parseCacheControl(value: string | readonly string[]): ParseResult<CacheControl> {
  const directives: Directives = {};
  if (typeof value === "string") {
    const failure = addDirectives(value, 0, directives);
    if (failure !== undefined) return failure;
  } else {
    let base = 0;
    for (const line of value) {
      const failure = addDirectives(line, base, directives);
      if (failure !== undefined) return failure;
      base += line.length + 2;
    }
  }
  return ok(directives);
}

/** `text` as a token, or as a quoted-string when it is not one; undefined when it cannot be written. */
function formatArgument(text: unknown): string | undefined {
  if (typeof text !== "string") return undefined;
  if (isToken(text)) return text;
  let quoted = '"';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isQuotable(c)) return undefined;
    quoted += c === DQUOTE || c === BACKSLASH ? `\\${text[i]}` : text[i];
  }
  return `${quoted}"`;
}

function isSeconds(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= MAX_SECONDS;
}

/** The directive `name` with the value `v` of its property, or undefined when `v` does not fit `rule`. */
function formatDirective(name: string, rule: Argument, v: unknown): string | undefined {
  if (v === true && rule !== Argument.Seconds) return name;
  if (isSeconds(v) && (rule === Argument.Seconds || rule === Argument.OptionalSeconds)) return `${name}=${v}`;
  if (rule !== Argument.OptionalFieldNames) return undefined;
  const names = arraySnapshot(v);
  if (names === undefined) return undefined;
  for (const fieldName of names) if (typeof fieldName !== "string" || !isLowercaseToken(fieldName)) return undefined;
  return `${name}="${names.join(", ")}"`;
}

function serializeCacheControl(value: CacheControl): string {
  const parts: string[] = [];
  let problem: string | undefined;
  try {
    if (typeof value !== "object" || value === null) problem = "an object";
    for (let k = 0; problem === undefined && k < DIRECTIVES.length; k++) {
      const [name, key, rule] = DIRECTIVES[k]!;
      const v: unknown = value[key];
      if (v === undefined) continue;
      const part = formatDirective(name, rule, v);
      if (part === undefined) problem = `${key} to be ${ruleText(rule)}`;
      else parts.push(part);
    }
    const extensions: unknown = problem === undefined ? value.extensions : undefined;
    if (extensions !== undefined && problem === undefined) {
      const entries = extensions instanceof Map ? [...(extensions as Map<unknown, unknown>)] : undefined;
      if (entries === undefined) problem = "extensions to be a Map";
      for (const [name, argument] of entries ?? []) {
        const text = argument === true ? "" : formatArgument(argument);
        if (typeof name !== "string" || !isLowercaseToken(name) || directiveIndex(name) !== -1 || text === undefined) {
          problem =
            "extensions to map lowercase tokens other than the registered directives to true or a string of field-value characters";
          break;
        }
        parts.push(argument === true ? name : `${name}=${text}`);
      }
    }
  } catch {
    problem = "a CacheControl";
  }
  return problem === undefined ? parts.join(", ") : invalidValue("cache-control", value, problem);
}

function ruleText(rule: Argument): string {
  switch (rule) {
    case Argument.None:
      return "true";
    case Argument.Seconds:
      return "an integer from 0 to 2147483648";
    case Argument.OptionalSeconds:
      return "true or an integer from 0 to 2147483648";
    case Argument.OptionalFieldNames:
      return "true or an array of lowercase field names";
  }
}

/**
 * `Cache-Control`: directives for caches, in requests and responses.
 *
 * @remarks
 * Duplicates: the first occurrence of a directive is used, except that `no-cache` and `private`
 * merge (unqualified wins; field names are joined). Conflicting directives are all kept; honour
 * the most restrictive (RFC 9111 §4.2.1). A registered directive with a missing or malformed
 * argument fails the header: treat the response as stale. Serialization is canonical:
 * registered directives in a fixed order (the order of {@link CacheControl}'s properties),
 * seconds unquoted, field-name lists quoted, then extensions in their order.
 *
 * @example
 * ```ts
 * cacheControlHeader.parse("public, max-age=604800, immutable");
 * // { ok: true, value: { public: true, maxAge: 604800, immutable: true } }
 * cacheControlHeader.serialize({ noCache: [FieldName.from("set-cookie")], maxAge: 0 });   // 'max-age=0, no-cache="set-cookie"'
 * ```
 * @public
 */
export const cacheControlHeader: HeaderCodec<"cache-control", CacheControl> = /* @__PURE__ */ codecOf({
  name: "cache-control",
  parse: parseCacheControl,
  serialize: serializeCacheControl,
});
