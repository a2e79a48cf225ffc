import { trimHttpWhitespace, trimOws } from "../syntax/chars.js";
import { isToken } from "../syntax/token.js";
import { isExtraSafelisted, type EngineRules } from "./engines.js";

// The request side of the CORS protocol (Fetch §2.2.2, §3.2.2, §4.8): what a page's fetch() call
// turns into, and whether it needs a preflight.
//
//   CORS-safelisted method          = GET / HEAD / POST                    ; case-sensitive
//   CORS-unsafe request-header byte = %x00-08 / %x0A-1F / DQUOTE / "(" / ")" / ":" / "<" / ">" /
//                                     "?" / "@" / "[" / "\" / "]" / "{" / "}" / %x7F

/** Methods that `fetch()` uppercases (Fetch "normalize a method"); `patch` stays `patch`. */
const NORMALIZED_METHODS = new Set(["DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT"]);

/** The method as a browser sends it: the six standard methods byte-uppercased, others unchanged. @internal */
export function normalizeMethod(method: string): string {
  const upper = asciiUppercase(method);
  return NORMALIZED_METHODS.has(upper) ? upper : method;
}

/** GET, HEAD and POST, compared case-sensitively after normalization. @internal */
export function isSafelistedMethod(method: string): boolean {
  return method === "GET" || method === "HEAD" || method === "POST";
}

/** CONNECT, TRACE and TRACK in any case: `fetch()` throws for them. @internal */
export function isForbiddenMethod(method: string): boolean {
  const upper = asciiUppercase(method);
  return upper === "CONNECT" || upper === "TRACE" || upper === "TRACK";
}

const FORBIDDEN_REQUEST_HEADERS = new Set([
  "accept-charset",
  "accept-encoding",
  "access-control-request-headers",
  "access-control-request-method",
  "access-control-request-private-network",
  "connection",
  "content-length",
  "cookie",
  "cookie2",
  "date",
  "dnt",
  "expect",
  "host",
  "keep-alive",
  "origin",
  "referer",
  "set-cookie",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "via",
]);
const METHOD_OVERRIDE_HEADERS = new Set(["x-http-method", "x-http-method-override", "x-method-override"]);

/**
 * Whether a page cannot set this request header (Fetch "forbidden request-header", plus the PNA
 * header): `fetch()` silently drops it. `name` is lowercase.
 * @internal
 */
export function isForbiddenRequestHeader(name: string, value: string): boolean {
  if (FORBIDDEN_REQUEST_HEADERS.has(name) || name.startsWith("proxy-") || name.startsWith("sec-")) return true;
  if (!METHOD_OVERRIDE_HEADERS.has(name)) return false;
  return value.split(",").some((member) => isForbiddenMethod(trimOws(member)));
}

/** Whether `c` is a CORS-unsafe request-header byte. */
function isUnsafeByte(c: number): boolean {
  return (c < 0x20 && c !== 0x09) || c === 0x7f || '"():<>?@[\\]{}'.includes(String.fromCharCode(c));
}

function hasUnsafeByte(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (isUnsafeByte(value.charCodeAt(i))) return true;
  return false;
}

const LANGUAGE_CHARS = /^[0-9A-Za-z *,\-.;=]*$/;
const SAFELISTED_CONTENT_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data", "text/plain"]);

/**
 * Fetch "CORS-safelisted request-header": whether (name, value) can be sent without a preflight,
 * with the departures of `rules`' engine. `name` is lowercase; `value` is normalized (no
 * surrounding whitespace).
 * @internal
 */
export function isSafelistedRequestHeader(name: string, value: string, rules: EngineRules): boolean {
  if (value.length > 128) return false;
  switch (name) {
    case "accept":
      return !hasUnsafeByte(value) && !(rules.nonAsciiUnsafe && hasNonAscii(value));
    case "accept-language":
    case "content-language":
      return LANGUAGE_CHARS.test(value);
    case "content-type": {
      if (hasUnsafeByte(value) || (rules.nonAsciiUnsafe && hasNonAscii(value))) return false;
      if (rules.trailingSemicolonUnsafe && value.endsWith(";") && value.indexOf(";") < value.length - 1) return false;
      const essence = mimeEssence(value);
      return essence !== undefined && SAFELISTED_CONTENT_TYPES.has(essence);
    }
    case "range":
      return isSimpleRangeWithStart(value, rules.largestRangePosition);
    default:
      return isExtraSafelisted(rules, name, value);
  }
}

function hasNonAscii(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 0x7f) return true;
  return false;
}

//   MIME type (WHATWG MIME Sniffing "parse a MIME type"): after trimming HTTP whitespace,
//   type = 1*token-code-point "/" subtype = 1*token-code-point, then optional parameters that
//   never make parsing fail. Returns the lowercase essence, or undefined on failure.
function mimeEssence(value: string): string | undefined {
  const trimmed = trimHttpWhitespace(value);
  const slash = trimmed.indexOf("/");
  if (slash <= 0) return undefined;
  const type = trimmed.slice(0, slash);
  const semicolon = trimmed.indexOf(";", slash);
  // Only trailing whitespace is stripped from the subtype: "text/ plain" fails.
  let subtypeEnd = semicolon === -1 ? trimmed.length : semicolon;
  while (subtypeEnd > slash + 1 && " \t\r\n".includes(trimmed.charAt(subtypeEnd - 1))) subtypeEnd--;
  const subtype = trimmed.slice(slash + 1, subtypeEnd);
  if (!isToken(type) || !isToken(subtype)) return undefined;
  return `${type}/${subtype}`.toLowerCase();
}

//   simple range = "bytes=" [start] "-" [end], digits only, no whitespace (allowWhitespace is
//   false for the safelist); start must be present, and not above end. The numbers are compared as
//   the mathematical values of their digits, however long (Fetch "interpret … as decimal number");
//   an engine may cap them (EngineRules.largestRangePosition).
function isSimpleRangeWithStart(value: string, largest: string | undefined): boolean {
  const match = /^bytes=([0-9]+)-([0-9]*)$/.exec(value);
  if (match === null) return false;
  const [, start = "", end = ""] = match;
  if (largest !== undefined && (compareDecimal(start, largest) > 0 || (end !== "" && compareDecimal(end, largest) > 0)))
    return false;
  return end === "" || compareDecimal(start, end) <= 0;
}

/** Compares two digit strings by value: negative, zero or positive. */
function compareDecimal(a: string, b: string): number {
  const x = a.replace(/^0+(?=.)/, "");
  const y = b.replace(/^0+(?=.)/, "");
  if (x.length !== y.length) return x.length - y.length;
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Fetch "CORS-unsafe request-header names": the names of the non-safelisted headers, plus every
 * safelisted one when their values add up to more than 1024 bytes; lowercased, deduplicated and
 * sorted by code unit, as they go into `Access-Control-Request-Headers`. The standard judges each
 * entry of the header list (each line) on its own; an engine with `combineRepeatedLines` judges
 * the combined value of a name, one with `repeatUnsafeNames` lists a name once per unsafe line.
 * @internal
 */
export function corsUnsafeHeaderNames(headers: readonly (readonly [string, string])[], rules: EngineRules): string[] {
  const unsafe: string[] = [];
  const safelisted: string[] = [];
  let safelistedBytes = 0;
  for (const [name, value] of rules.combineRepeatedLines ? combinedLines(headers) : headers) {
    if (isSafelistedRequestHeader(name, value, rules)) {
      safelisted.push(name);
      safelistedBytes += value.length;
    } else {
      unsafe.push(name);
    }
  }
  if (safelistedBytes > 1024) unsafe.push(...safelisted);
  const names = rules.repeatUnsafeNames ? unsafe : [...new Set(unsafe)];
  return names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** One line per name, in order of first appearance, values joined with ", ". */
function combinedLines(headers: readonly (readonly [string, string])[]): [string, string][] {
  const combined = new Map<string, string>();
  for (const [name, value] of headers) {
    const before = combined.get(name);
    combined.set(name, before === undefined ? value : `${before}, ${value}`);
  }
  return [...combined];
}

function asciiUppercase(s: string): string {
  return s.replace(/[a-z]+/g, (letters) => letters.toUpperCase());
}
