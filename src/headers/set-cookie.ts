import { describeChar, skipOws, trimOwsEnd } from "../syntax/chars.js";
import { parseCookieDate } from "../syntax/cookie-date.js";
import { indexOfCookieControl, isCookieValue } from "../syntax/cookie-octet.js";
import { fail, ok, type Failure, type HeaderErrorCode, type ParseResult } from "../syntax/result.js";
import { isToken } from "../syntax/token.js";
import { codecOf, type HeaderCodec } from "./codec.js";
import { invalidValue } from "./definition.js";

// What a server sends (RFC 6265bis §4.1.1):
//
//   set-cookie-string = BWS cookie-pair *( BWS ";" OWS cookie-av )
//   cookie-av         = expires-av / max-age-av / domain-av / path-av / secure-av / httponly-av /
//                       samesite-av / extension-av           (+ "Partitioned", CHIPS)
//   expires-av        = "Expires" BWS "=" BWS sane-cookie-date   ; IMF-fixdate
//   max-age-av        = "Max-Age" BWS "=" BWS non-zero-digit *DIGIT
//   domain-av         = "Domain" BWS "=" BWS domain-value
//   path-av           = "Path" BWS "=" BWS path-value         ; *av-octet, starts with "/"
//   samesite-av       = "SameSite" BWS "=" BWS ( "Strict" / "Lax" / "None" )
//
// What a browser does with each line (§5.6, and the request-independent checks of §5.7):
// - a line with a control character other than HTAB is ignored;
// - the name-value pair is what precedes the first ";", split at its first "=" (no "=": the name
//   is empty and the pair is the value), both trimmed of SP/HTAB; quotes are part of the value;
// - a name and value both empty, or longer than 4096 octets together, make the line ignored;
// - attributes are split on ";" and at their first "=", names compared case-insensitively; an
//   attribute whose value is over 1024 octets, or not valid for it, is ignored, and for each
//   attribute the last valid one wins; unknown attributes are ignored;
// - Expires is a cookie-date (§5.1.1); Max-Age is "-"? 1*DIGIT; when both are valid, Max-Age
//   wins (so the parsed value keeps only `maxAge`); Domain loses one leading "." and is
//   lowercased (an empty Domain is ignored); a Path that is empty or does not start with "/"
//   means the default path (`path` absent); SameSite is Strict, Lax or None in any case, any
//   other value means the default (`sameSite` absent);
// - a line is ignored when SameSite=None lacks Secure, Partitioned lacks Secure (CHIPS), a name
//   starting with "__Secure-" (any case) lacks Secure, a name starting with "__Host-" lacks
//   Secure or "Path=/" or has a Domain, or a nameless cookie's value starts with either prefix.
// Commas are not separators: a line is one cookie, whatever it contains (an Expires date has one).
// What this parser cannot know: the request's URL (domain match, Secure over http, default
// path), the current time (an expiry in the past deletes the cookie; browsers cap lifetimes at
// 400 days), and the public suffix list.

/**
 * A cookie's SameSite enforcement, as written in `Set-Cookie` (`None` requires `secure`).
 *
 * @example
 * ```ts
 * const policy: SameSite = "Lax";
 * ```
 * @public
 */
export type SameSite = "Strict" | "Lax" | "None";

/**
 * One `Set-Cookie` line: a cookie and its attributes, as a browser would store it.
 *
 * @remarks
 * The type refuses what browsers refuse: `sameSite: "None"` and `partitioned` without
 * `secure: true`, and both `maxAge` and `expires` (browsers ignore Expires next to Max-Age).
 * The rules of the `__Secure-` and `__Host-` name prefixes depend on the name's text, which only
 * a literal has: `SetCookie.from` checks them at compile time, and every
 * serializer at run time.
 *
 * @example
 * ```ts
 * const session: SetCookie = { name: "__Host-session", value: "abc", secure: true, path: "/",
 *   httpOnly: true, sameSite: "Lax", maxAge: 3600 };
 * ```
 * @public
 */
export type SetCookie = {
  /** The name: a token when serialized; `""` for a nameless cookie a browser accepted. */
  readonly name: string;
  /** The value, not decoded (quotes kept): cookie-octets when serialized. */
  readonly value: string;
  /** The Domain attribute, lowercase, without a leading dot; absent: the cookie is host-only. */
  readonly domain?: string;
  /** The Path attribute, starting with "/"; absent: the default path (the request path's directory). */
  readonly path?: string;
  /** The HttpOnly attribute: scripts cannot read the cookie. */
  readonly httpOnly?: true;
} & (
  | {
      /** The Expires attribute (whole seconds); absent with `maxAge` absent: a session cookie. */
      readonly expires?: Date;
      readonly maxAge?: never;
    }
  | {
      /** The Max-Age attribute in seconds; 0 or less deletes the cookie. */
      readonly maxAge?: number;
      readonly expires?: never;
    }
) &
  (
    | {
        /** The Secure attribute: sent over https only (required by the other two here). */
        readonly secure: true;
        /** The SameSite attribute; absent: the browser's default (Lax in Chromium). */
        readonly sameSite?: SameSite;
        /** The Partitioned attribute (CHIPS): stored per top-level site. */
        readonly partitioned?: true;
      }
    | {
        readonly secure?: never;
        readonly sameSite?: "Strict" | "Lax";
        readonly partitioned?: never;
      }
  );

/** The limit on a cookie's name and value together, and on one attribute's value (RFC 6265bis §5.6). */
const MAX_NAME_VALUE = 4096;
const MAX_ATTRIBUTE_VALUE = 1024;

/** Whether `s` starts with `prefix` (lowercase) in any case. */
function startsWithLowercase(s: string, prefix: string): boolean {
  return s.length >= prefix.length && s.slice(0, prefix.length).toLowerCase() === prefix;
}

/** The prefix `name` starts with, lowercase, if any. */
function prefixOf(name: string): "__secure-" | "__host-" | undefined {
  if (name.charCodeAt(0) !== 0x5f || name.charCodeAt(1) !== 0x5f) return undefined;
  return startsWithLowercase(name, "__secure-") ? "__secure-" : startsWithLowercase(name, "__host-") ? "__host-" : undefined;
}

/** The failure for line `index` (at `base` in the combined value): `why` a browser ignores it. */
function ignored(code: HeaderErrorCode, index: number, offset: number, why: string): Failure {
  return fail(code, `line ${index} is ignored by browsers: ${why}`, offset);
}

/** Reads Max-Age's value `s[start, end)`: "-"? 1*DIGIT, or undefined when a browser ignores it. */
function parseMaxAge(s: string, start: number, end: number): number | undefined {
  const negative = s.charCodeAt(start) === 0x2d;
  let i = negative ? start + 1 : start;
  if (i === end) return undefined;
  let value = 0;
  for (; i < end; i++) {
    const digit = s.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return undefined;
    value = value * 10 + digit;
  }
  // Saturates: past 2^53 the sum is inexact, but it only grows (to Infinity at worst).
  value = Math.min(value, Number.MAX_SAFE_INTEGER);
  return negative && value !== 0 ? -value : value;
}

/**
 * Parses one `Set-Cookie` line, the `index`th, at `base` in the combined value: the cookie, or the
 * failure (not wrapped in a result: {@link parse} wraps the cookies once). Never throws.
 */
function parseLine(line: string, index: number, base: number): SetCookie | Failure {
  const length = line.length;
  const bad = indexOfCookieControl(line);
  if (bad !== -1) {
    return ignored(
      "invalid-character",
      index,
      base + bad,
      `it holds ${describeChar(line, bad)} at offset ${base + bad}, a control character.`,
    );
  }
  let pairEnd = line.indexOf(";");
  if (pairEnd === -1) pairEnd = length;
  const equals = line.indexOf("=");
  let name = "";
  let value: string;
  if (equals === -1 || equals > pairEnd) {
    const first = skipOws(line, 0, pairEnd);
    value = line.slice(first, trimOwsEnd(line, first, pairEnd));
  } else {
    const first = skipOws(line, 0, equals);
    name = line.slice(first, trimOwsEnd(line, first, equals));
    const valueStart = skipOws(line, equals + 1, pairEnd);
    value = line.slice(valueStart, trimOwsEnd(line, valueStart, pairEnd));
  }
  if (name === "" && value === "") return ignored("empty", index, base, "it has neither a cookie name nor a value.");
  if (name.length + value.length > MAX_NAME_VALUE) {
    return ignored(
      "oversized-cookie",
      index,
      base,
      `its name and value are ${name.length + value.length} octets long together, over the limit of ${MAX_NAME_VALUE}.`,
    );
  }

  let expires = NaN;
  let maxAge: number | undefined;
  let domain: string | undefined;
  let path: string | undefined;
  let secure = false;
  let httpOnly = false;
  let sameSite: SameSite | undefined;
  let partitioned = false;
  let start = pairEnd + 1;
  // The next "=" at or after `start`, found again only once passed (linear in any line).
  let attributeEquals = -1;
  while (start < length) {
    let end = line.indexOf(";", start);
    if (end === -1) end = length;
    const nameStart = skipOws(line, start, end);
    let nameEnd = end;
    let valueStart = end;
    let valueEnd = end;
    if (attributeEquals < nameStart) {
      attributeEquals = line.indexOf("=", nameStart);
      if (attributeEquals === -1) attributeEquals = length;
    }
    if (attributeEquals < end) {
      nameEnd = attributeEquals;
      valueStart = skipOws(line, attributeEquals + 1, end);
    }
    nameEnd = trimOwsEnd(line, nameStart, nameEnd);
    valueEnd = trimOwsEnd(line, valueStart, valueEnd);
    start = end + 1;
    if (valueEnd - valueStart > MAX_ATTRIBUTE_VALUE) continue;
    switch (attributeAt(line, nameStart, nameEnd)) {
      case Attribute.Expires: {
        const time = parseCookieDate(line, valueStart, valueEnd);
        if (time === time) expires = time; // not NaN
        break;
      }
      case Attribute.MaxAge:
        maxAge = parseMaxAge(line, valueStart, valueEnd) ?? maxAge;
        break;
      case Attribute.Domain:
        if (valueStart < valueEnd) {
          domain = line.slice(line.charCodeAt(valueStart) === 0x2e ? valueStart + 1 : valueStart, valueEnd).toLowerCase();
        }
        break;
      case Attribute.Path:
        path = line.charCodeAt(valueStart) === 0x2f && valueStart < valueEnd ? line.slice(valueStart, valueEnd) : undefined;
        break;
      case Attribute.Secure:
        secure = true;
        break;
      case Attribute.HttpOnly:
        httpOnly = true;
        break;
      case Attribute.SameSite:
        sameSite = sameSiteAt(line, valueStart, valueEnd);
        break;
      case Attribute.Partitioned:
        partitioned = true;
        break;
    }
  }

  const why = securityProblem(name, value, domain, path, secure, sameSite, partitioned);
  if (why !== undefined) return ignored(why[0], index, base, why[1]);
  const cookie: Record<string, unknown> = { name, value };
  if (maxAge !== undefined) cookie.maxAge = maxAge;
  else if (expires === expires) cookie.expires = new Date(expires);
  if (domain !== undefined) cookie.domain = domain;
  if (path !== undefined) cookie.path = path;
  if (secure) cookie.secure = true;
  if (httpOnly) cookie.httpOnly = true;
  if (sameSite !== undefined) cookie.sameSite = sameSite;
  if (partitioned) cookie.partitioned = true;
  return cookie as SetCookie;
}

/** Whether {@link parseLine} failed (a cookie has no `ok` property). */
function isFailure(parsed: SetCookie | Failure): parsed is Failure {
  return (parsed as { ok?: unknown }).ok === false;
}

/** The SameSite value `s[start, end)` names in any case, or undefined (the default). */
function sameSiteAt(s: string, start: number, end: number): SameSite | undefined {
  if (isWordAt(s, start, end, LAX)) return "Lax";
  if (isWordAt(s, start, end, STRICT)) return "Strict";
  return isWordAt(s, start, end, NONE) ? "None" : undefined;
}

/**
 * Whether `s[start, end)` is a word (lowercase letters and "-", given as its `codes`) in any
 * case. Setting bit 0x20 lowercases ASCII letters and keeps "-"; the control characters it could
 * also map to "-" or a letter never reach here (the line is refused first). Speed trick: the
 * word's character codes are array elements, which V8 reads several times faster than a
 * string's charCodeAt.
 */
function isWordAt(s: string, start: number, end: number, codes: readonly number[]): boolean {
  if (end - start !== codes.length) return false;
  for (let i = 0; i < codes.length; i++) if ((s.charCodeAt(start + i) | 0x20) !== codes[i]) return false;
  return true;
}

/** The character codes of `word` (lowercase), for {@link isWordAt}. */
function codesOf(word: string): readonly number[] {
  return Array.from(word, (c) => c.charCodeAt(0));
}
const LAX = /* @__PURE__ */ codesOf("lax");
const STRICT = /* @__PURE__ */ codesOf("strict");
const NONE = /* @__PURE__ */ codesOf("none");
const EXPIRES = /* @__PURE__ */ codesOf("expires");
const MAX_AGE = /* @__PURE__ */ codesOf("max-age");
const DOMAIN = /* @__PURE__ */ codesOf("domain");
const PATH = /* @__PURE__ */ codesOf("path");
const PARTITIONED = /* @__PURE__ */ codesOf("partitioned");
const SECURE = /* @__PURE__ */ codesOf("secure");
const SAMESITE = /* @__PURE__ */ codesOf("samesite");
const HTTPONLY = /* @__PURE__ */ codesOf("httponly");

/** The attributes a browser knows (RFC 6265bis §5.6; Partitioned from CHIPS). */
enum Attribute {
  Unknown,
  Expires,
  MaxAge,
  Domain,
  Path,
  Secure,
  HttpOnly,
  SameSite,
  Partitioned,
}

/** Which attribute `s[start, end)` names, in any case, without copying it. */
function attributeAt(s: string, start: number, end: number): Attribute {
  switch (s.charCodeAt(start) | 0x20) {
    case 0x65:
      return isWordAt(s, start, end, EXPIRES) ? Attribute.Expires : Attribute.Unknown;
    case 0x6d:
      return isWordAt(s, start, end, MAX_AGE) ? Attribute.MaxAge : Attribute.Unknown;
    case 0x64:
      return isWordAt(s, start, end, DOMAIN) ? Attribute.Domain : Attribute.Unknown;
    case 0x70:
      return isWordAt(s, start, end, PATH)
        ? Attribute.Path
        : isWordAt(s, start, end, PARTITIONED)
          ? Attribute.Partitioned
          : Attribute.Unknown;
    case 0x73:
      return isWordAt(s, start, end, SECURE)
        ? Attribute.Secure
        : isWordAt(s, start, end, SAMESITE)
          ? Attribute.SameSite
          : Attribute.Unknown;
    case 0x68:
      return isWordAt(s, start, end, HTTPONLY) ? Attribute.HttpOnly : Attribute.Unknown;
    default:
      return Attribute.Unknown;
  }
}

/**
 * Why browsers refuse a cookie with these attributes whatever the request (RFC 6265bis §5.7;
 * CHIPS for Partitioned), as an error code and a reason; undefined when they accept it.
 */
function securityProblem(
  name: string,
  value: string,
  domain: string | undefined,
  path: string | undefined,
  secure: boolean,
  sameSite: SameSite | undefined,
  partitioned: boolean,
): [code: "invalid-cookie-prefix" | "missing-secure", why: string] | undefined {
  const prefix = prefixOf(name);
  if (prefix === "__secure-" && !secure) return ["invalid-cookie-prefix", 'a "__Secure-" cookie must have the Secure attribute.'];
  if (prefix === "__host-" && (!secure || domain !== undefined || path !== "/")) {
    return ["invalid-cookie-prefix", 'a "__Host-" cookie must have Secure and Path=/, and no Domain.'];
  }
  if (name === "" && prefixOf(value) !== undefined) {
    return ["invalid-cookie-prefix", 'a cookie without a name cannot have a value starting with "__Secure-" or "__Host-".'];
  }
  if (sameSite === "None" && !secure) return ["missing-secure", "SameSite=None requires the Secure attribute."];
  if (partitioned && !secure) return ["missing-secure", "Partitioned requires the Secure attribute."];
  return undefined;
}

/** Parses the `Set-Cookie` field lines, one cookie per line. Never throws. */
function parse(lines: string | readonly string[]): ParseResult<readonly SetCookie[]> {
  if (typeof lines === "string") {
    const parsed = parseLine(lines, 0, 0);
    return isFailure(parsed) ? parsed : ok([parsed]);
  }
  const cookies: SetCookie[] = [];
  let base = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const parsed = parseLine(line, i, base);
    if (isFailure(parsed)) return parsed;
    cookies.push(parsed);
    base += line.length + 2;
  }
  return ok(cookies);
}

/** Whether `s` is a lowercase host name or IPv4 address: dot-separated LDH labels of 1–63 characters. */
function isDomain(s: string): boolean {
  if (s.length === 0 || s.length > 253) return false;
  let labelStart = 0;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 0x2e;
    if (c === 0x2e) {
      const length = i - labelStart;
      if (length === 0 || length > 63 || s.charCodeAt(labelStart) === 0x2d || s.charCodeAt(i - 1) === 0x2d) return false;
      labelStart = i + 1;
    } else if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d)) {
      return false;
    }
  }
  return true;
}

/** Whether `s` is a path-value that survives a browser's parsing: "/" then visible ASCII except ";". */
function isPath(s: string): boolean {
  if (s.charCodeAt(0) !== 0x2f || s.length > MAX_ATTRIBUTE_VALUE) return false;
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f || c === 0x3b) return false;
  }
  return true;
}

/** The time of a valid `Date` whose year has four digits from 1601 on (a cookie-date), or NaN. */
function expiryTime(date: unknown): number {
  if (!(date instanceof Date)) return NaN;
  const time = Math.floor(Date.prototype.getTime.call(date) / 1000) * 1000;
  return time >= -11644473600000 && time <= 253402300799000 ? time : NaN;
}

/** A flag attribute read from a caller: true, or absent (`undefined`/`false`); anything else is invalid. */
function flag(x: unknown): boolean | undefined {
  return x === true ? true : x === undefined || x === false ? false : undefined;
}

/**
 * Serializes one cookie from a snapshot of `input`, or says what is wrong with it. Every field is
 * read once, checked, and only the checked copies are written out.
 */
function serializeCookie(input: unknown): string | { readonly why: string } {
  if (typeof input !== "object" || input === null) return { why: "a cookie object" };
  let name: unknown, value: unknown, expires: unknown, maxAge: unknown, domain: unknown, path: unknown;
  let secureField: unknown, httpOnlyField: unknown, sameSite: unknown, partitionedField: unknown;
  try {
    const c = input as Record<string, unknown>;
    name = c.name;
    value = c.value;
    expires = c.expires;
    maxAge = c.maxAge;
    domain = c.domain;
    path = c.path;
    secureField = c.secure;
    httpOnlyField = c.httpOnly;
    sameSite = c.sameSite;
    partitionedField = c.partitioned;
  } catch {
    return { why: "a cookie whose fields can be read" };
  }
  if (typeof name !== "string" || !isToken(name)) return { why: "a name that is a token (RFC 9110)" };
  if (typeof value !== "string" || !isCookieValue(value)) {
    return {
      why: "a value of cookie-octets (no whitespace, DQUOTE, comma, semicolon, backslash or control character; encode it first)",
    };
  }
  if (name.length + value.length > MAX_NAME_VALUE)
    return { why: `a name and value of at most ${MAX_NAME_VALUE} octets together` };
  const secure = flag(secureField);
  const httpOnly = flag(httpOnlyField);
  const partitioned = flag(partitionedField);
  if (secure === undefined || httpOnly === undefined || partitioned === undefined) {
    return { why: "secure, httpOnly and partitioned to be true or absent" };
  }
  if (domain !== undefined && (typeof domain !== "string" || !isDomain(domain))) {
    return { why: 'a domain that is a lowercase host name without a leading dot or port ("example.com")' };
  }
  if (path !== undefined && (typeof path !== "string" || !isPath(path))) {
    return { why: 'a path that starts with "/" and holds visible ASCII characters other than ";" (at most 1024)' };
  }
  if (sameSite !== undefined && sameSite !== "Strict" && sameSite !== "Lax" && sameSite !== "None") {
    return { why: 'sameSite to be "Strict", "Lax" or "None"' };
  }
  if (maxAge !== undefined && !Number.isSafeInteger(maxAge)) return { why: "maxAge to be an integer number of seconds" };
  const time = expires === undefined ? NaN : expiryTime(expires);
  if (expires !== undefined && time !== time) return { why: "expires to be a valid Date in the years 1601 to 9999" };
  if (expires !== undefined && maxAge !== undefined) {
    return { why: "either maxAge or expires, not both (browsers ignore Expires next to Max-Age)" };
  }
  const problem = securityProblem(
    name,
    value,
    domain as string | undefined,
    path as string | undefined,
    secure,
    sameSite as SameSite | undefined,
    partitioned,
  );
  if (problem !== undefined) return { why: `a cookie browsers accept: ${problem[1]}` };

  let output = `${name}=${value}`;
  if (maxAge !== undefined) output += `; Max-Age=${String((maxAge as number) + 0)}`;
  if (expires !== undefined) output += `; Expires=${new Date(time).toUTCString()}`;
  if (domain !== undefined) output += `; Domain=${domain as string}`;
  if (path !== undefined) output += `; Path=${path as string}`;
  if (secure) output += "; Secure";
  if (httpOnly) output += "; HttpOnly";
  if (sameSite !== undefined) output += `; SameSite=${sameSite as string}`;
  if (partitioned) output += "; Partitioned";
  return output;
}

/** What {@link onlyMember} returns for anything but an array of one member. */
const NOT_ONE = {};

/** The member of an array of exactly one, else `NOT_ONE` (also when reading it throws). */
function onlyMember(cookies: unknown): unknown {
  try {
    return Array.isArray(cookies) && cookies.length === 1 ? cookies[0] : NOT_ONE;
  } catch {
    return NOT_ONE;
  }
}

/** Serializes a one-cookie array as one `Set-Cookie` field value. */
function serialize(cookies: readonly SetCookie[]): string {
  const only = onlyMember(cookies);
  if (only === NOT_ONE) {
    return invalidValue(
      "set-cookie",
      cookies,
      "an array of one cookie: each cookie is its own field line (HeaderMap.append writes one line per cookie)",
    );
  }
  const output = serializeCookie(only);
  return typeof output === "string" ? output : invalidValue("set-cookie", only, output.why);
}

/**
 * The `Set-Cookie` response header: one {@link (SetCookie:type)} per field line, each parsed as a
 * browser parses it (RFC 6265bis §5.6); a line a browser would ignore makes the result an error
 * that names the line's index and why.
 *
 * @remarks
 * `serialize` takes an array of exactly one cookie, because `Set-Cookie` lines are never combined:
 * `HeaderMap.set`/`append` write one line per cookie. It throws `TypeError` for a cookie that could
 * inject attributes or that browsers would reject (see {@link (SetCookie:variable)}).
 *
 * @example
 * ```ts
 * setCookieHeader.parse(["a=1; Path=/; HttpOnly", "b=2; Max-Age=60"]);
 * // { ok: true, value: [{ name: "a", value: "1", path: "/", httpOnly: true }, { name: "b", value: "2", maxAge: 60 }] }
 * setCookieHeader.serialize([{ name: "__Host-id", value: "x", secure: true, path: "/" }]);
 * // "__Host-id=x; Path=/; Secure"
 * ```
 * @public
 */
export const setCookieHeader: HeaderCodec<"set-cookie", readonly SetCookie[]> = /* @__PURE__ */ codecOf<
  "set-cookie",
  readonly SetCookie[]
>({
  name: "set-cookie",
  parse,
  serialize,
  // serializeCookie joins only the checked name, value and attributes (see serializeWith).
  checksOwnOutput: true,
});

/**
 * What the `__Secure-` and `__Host-` name prefixes (any case) add to a cookie named `Name`:
 * `__Secure-` needs `secure: true`; `__Host-` also needs `path: "/"` and no `domain`.
 *
 * @example
 * ```ts
 * type HostRules = CookiePrefixRules<"__Host-session">;   // { secure: true; path: "/"; domain?: never }
 * ```
 * @public
 */
export type CookiePrefixRules<Name extends string> =
  Lowercase<Name> extends `__host-${string}`
    ? { readonly secure: true; readonly path: "/"; readonly domain?: never }
    : Lowercase<Name> extends `__secure-${string}`
      ? { readonly secure: true }
      : unknown;

/**
 * The companion object of {@link (SetCookie:type)}: parse one line, build a checked cookie, or
 * recognise one.
 *
 * @example
 * ```ts
 * SetCookie.parse("id=1; Secure; SameSite=None");   // { ok: true, value: { name: "id", value: "1", secure: true, sameSite: "None" } }
 * SetCookie.from({ name: "__Host-id", value: "1", secure: true, path: "/" });
 * SetCookie.is({ name: "id", value: "a b" });      // false: a space is not a cookie-octet
 * ```
 * @public
 */
export interface SetCookieType {
  /** Parses one `Set-Cookie` line as a browser does; never throws. */
  parse(line: string): ParseResult<SetCookie>;
  /**
   * A frozen copy of `init` once checked as the serializers check it; a literal name with a
   * `__Secure-` or `__Host-` prefix also gets its rules checked at compile time.
   * @throws TypeError when `init` could not be serialized.
   */
  from<const C extends SetCookie>(init: C & CookiePrefixRules<C["name"]>): SetCookie;
  /** Whether `value` is a cookie the serializers accept. */
  is(value: unknown): value is SetCookie;
}

/**
 * Parse, build and recognise {@link (SetCookie:type)} values.
 *
 * @example
 * ```ts
 * const token = crypto.randomUUID();   // cookie-octets: needs no encoding
 * const session = SetCookie.from({ name: "__Host-session", value: token, secure: true, path: "/", httpOnly: true, sameSite: "Lax" });
 * // @ts-expect-error — does not compile: path "/" is missing
 * SetCookie.from({ name: "__Host-session", value: token, secure: true });
 * res.setHeader("set-cookie", setCookieHeader.serialize([session]));   // several cookies: HeaderMap.append
 * ```
 * @public
 */
export const SetCookie: SetCookieType = {
  parse(line) {
    if (typeof line !== "string") return fail("invalid-input", `expected a string, found a ${typeof line}.`);
    const parsed = parseLine(line, 0, 0);
    return isFailure(parsed) ? parsed : ok(parsed);
  },
  from(init) {
    const line = serializeCookie(init);
    if (typeof line !== "string") return invalidValue("set-cookie", init, line.why);
    const parsed = parseLine(line, 0, 0);
    if (isFailure(parsed)) return invalidValue("set-cookie", init, parsed.error.message);
    return Object.freeze(parsed);
  },
  is: (value: unknown): value is SetCookie => typeof serializeCookie(value) === "string",
};
