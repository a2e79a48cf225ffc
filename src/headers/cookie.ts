import { asLibraryError } from "../syntax/describe.js";
import { describeChar, skipOws, trimOwsEnd } from "../syntax/chars.js";
import { indexOfCookieControl, isCookieValue } from "../syntax/cookie-octet.js";
import { fail, ok, type ParseResult } from "../syntax/result.js";
import { isToken } from "../syntax/token.js";
import { codecOf, type HeaderCodec } from "./codec.js";
import { invalidValue } from "./definition.js";

//   cookie-string = cookie-pair *( ";" SP cookie-pair )      (RFC 6265bis §4.2.1, §5.7.3)
//
// What browsers send: the cookies that apply to the request, longest path first, then oldest
// first, as `name=value` joined with "; ". A cookie set without a name is sent as its value alone,
// and names repeat when cookies with the same name differ in domain or path. HTTP/2 and HTTP/3
// may split the header into several field lines (RFC 9113 §8.2.3), which are one list.
//
// Parsed as servers must to see what browsers send: split on ";", trim SP/HTAB, split each pair
// at its first "=" (no "=": the name is empty and the whole pair is the value), skip empty pairs;
// order and duplicates are kept and values are not decoded (quotes and %xx stay as sent).
// A control character other than HTAB is an error: browsers never store one.

/**
 * One cookie of a `Cookie` request header, as the browser sent it: `value` is not decoded (quotes
 * and percent-escapes are kept), and `name` is `""` for a cookie set without one.
 *
 * @example
 * ```ts
 * const cookies: readonly Cookie[] = [{ name: "session", value: "abc" }, { name: "theme", value: "dark" }];
 * ```
 * @public
 */
export interface Cookie {
  /** The cookie's name, case kept (`""` for a nameless cookie). */
  readonly name: string;
  /** The cookie's value, exactly as sent. */
  readonly value: string;
}

/** Adds the cookies of `line` (at `base` in the combined value) to `cookies`; the failure, if any. */
function addCookies(line: string, base: number, cookies: Cookie[]): ParseResult<never> | undefined {
  const bad = indexOfCookieControl(line);
  if (bad !== -1) {
    return fail(
      "invalid-character",
      `found ${describeChar(line, bad)} at offset ${base + bad}: browsers never store or send a cookie with a control character.`,
      base + bad,
    );
  }
  const length = line.length;
  let start = 0;
  // The next "=" at or after `start` (`length` when there is none), found again only once passed:
  // searching from every pair would be quadratic in a line of many pairs without "=".
  let equals = -1;
  while (start < length) {
    let end = line.indexOf(";", start);
    if (end === -1) end = length;
    const first = skipOws(line, start, end);
    const last = trimOwsEnd(line, first, end);
    if (first < last) {
      if (equals < first) {
        equals = line.indexOf("=", first);
        if (equals === -1) equals = length;
      }
      if (equals >= last) cookies.push({ name: "", value: line.slice(first, last) });
      else {
        const name = line.slice(first, trimOwsEnd(line, first, equals));
        const value = line.slice(skipOws(line, equals + 1, last), last);
        if (name !== "" || value !== "") cookies.push({ name, value });
      }
    }
    start = end + 1;
  }
  return undefined;
}

/** Parses the `Cookie` field lines. Never throws. */
function parse(value: string | readonly string[]): ParseResult<readonly Cookie[]> {
  const cookies: Cookie[] = [];
  if (typeof value === "string") {
    const failure = addCookies(value, 0, cookies);
    if (failure !== undefined) return failure;
  } else {
    let base = 0;
    for (const line of value) {
      const failure = addCookies(line, base, cookies);
      if (failure !== undefined) return failure;
      base += line.length + 2;
    }
  }
  return cookies.length === 0 ? fail("empty", "expected at least one cookie (name=value), found none.") : ok(cookies);
}

const EXPECTED = "a non-empty array of { name, value } with a token name and a cookie-value (encode other characters first)";

/** Serializes cookies as `name=value; name=value`, from a snapshot of `cookies`. */
function serialize(cookies: readonly Cookie[]): string {
  if (!Array.isArray(cookies) || cookies.length === 0) return invalidValue("cookie", cookies, EXPECTED);
  let output = "";
  for (let i = 0; i < cookies.length; i++) {
    const cookie: unknown = cookies[i];
    if (typeof cookie !== "object" || cookie === null) return invalidValue("cookie", cookies, EXPECTED);
    const name: unknown = (cookie as Cookie).name;
    const value: unknown = (cookie as Cookie).value;
    if (typeof name !== "string" || typeof value !== "string" || !isToken(name) || !isCookieValue(value)) {
      return invalidValue("cookie", cookies, EXPECTED);
    }
    output = i === 0 ? `${name}=${value}` : `${output}; ${name}=${value}`;
  }
  return output;
}

/**
 * The `Cookie` request header: the cookies a browser sent, in order, duplicates kept, values not
 * decoded. Read them with `cookieValue` and `cookieValues`.
 *
 * @remarks
 * `serialize` writes `name=value` pairs joined with `"; "`; names must be tokens and values
 * cookie-values (RFC 6265bis §4.1.1), so encode other characters first.
 *
 * @example
 * ```ts
 * const result = cookieHeader.parse("session=abc; theme=dark; theme=light");
 * if (result.ok) cookieValue(result.value, "theme");   // "dark"
 * cookieHeader.serialize([{ name: "session", value: "abc" }]);   // "session=abc"
 * ```
 * @public
 */
export const cookieHeader: HeaderCodec<"cookie", readonly Cookie[]> = /* @__PURE__ */ codecOf<"cookie", readonly Cookie[]>({
  name: "cookie",
  parse,
  serialize,
  merge: (existing, added) => [...existing, ...added],
});

/**
 * The value of the first cookie named `name` (case-sensitive), or `undefined`. Browsers send
 * cookies with longer paths first, so the first is the one set for the most specific path.
 *
 * @example
 * ```ts
 * const cookies = cookieHeader.parse(req.headers.cookie);   // or HeaderMap.from(req.headers).get("cookie")
 * const session = cookies.ok ? cookieValue(cookies.value, "session") : undefined;
 * ```
 * @public
 */
export function cookieValue(cookies: readonly Cookie[], name: string): string | undefined {
  try {
    for (const cookie of cookies) if (cookie.name === name) return cookie.value;
    return undefined;
  } catch (error) {
    // A caller's Proxy or getter may throw anything: only the library's TypeError leaves.
    throw asLibraryError(error, "cookieValue: its arguments");
  }
}

/**
 * The values of every cookie named `name` (case-sensitive), in the order sent: a browser sends
 * several when cookies of that name were set for different paths or domains.
 *
 * @example
 * ```ts
 * cookieValues([{ name: "id", value: "1" }, { name: "x", value: "2" }, { name: "id", value: "3" }], "id");   // ["1", "3"]
 * ```
 * @public
 */
export function cookieValues(cookies: readonly Cookie[], name: string): string[] {
  try {
    const values: string[] = [];
    for (const cookie of cookies) if (cookie.name === name) values.push(cookie.value);
    return values;
  } catch (error) {
    // A caller's Proxy or getter may throw anything: only the library's TypeError leaves.
    throw asLibraryError(error, "cookieValues: its arguments");
  }
}
