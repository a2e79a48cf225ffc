import type { Brand } from "./brand.js";
import { charTable, describeChar } from "./chars.js";
import { checkSerializedDomain, scanSpecialHost } from "./host.js";
import { isSerializedIpv6 } from "./ipv6.js";
import { fail, ok, type Failure, type ParseResult } from "./result.js";
import { valueType, type ValueType } from "./value-type.js";

/**
 * The ASCII serialization of a tuple origin, exactly as a browser sends it in `Origin`:
 * lowercase scheme and host, no default port, no path, trailing slash or userinfo, IPv6
 * bracketed and compressed, punycode rather than Unicode.
 *
 * @remarks
 * For `http`, `https`, `ws`, `wss` and `ftp` a string is an `Origin` exactly when
 * `new URL(s).origin === s`. Other schemes (browser extensions send e.g.
 * `chrome-extension://…`) must match the Fetch standard's `serialized-origin` ABNF; schemes
 * whose origins are always opaque (`file`, `blob`, `data`, `about`, `javascript`) serialize as
 * `null` in browsers and are rejected.
 *
 * @example
 * ```ts
 * const origin: Origin = Origin.from("https://app.example");
 * // const bad: Origin = "https://app.example";   // does not compile: use Origin.from
 * ```
 * @public
 */
export type Origin = Brand<string, "Origin">;

//   serialized-scheme = lower-alpha *( lower-alphanum / "+" / "-" / "." )
//   serialized-host   = serialized-ipv4 / "[" serialized-ipv6 "]" / serialized-domain
//   serialized-port   = 1*5DIGIT
//   serialized-origin = serialized-scheme "://" serialized-host [ ":" serialized-port ]
//                                              (Fetch §3.2 "Origin header", URL Standard §3-4)

const EXPECTED = "expected a serialized origin (scheme://host[:port], as a browser sends it)";
/** Per ASCII code unit: 1 = lowercase letter, 2 = digit, "+", "-" or "." (later scheme characters). */
const SCHEME_CHAR = /* @__PURE__ */ charTable(["abcdefghijklmnopqrstuvwxyz", "0123456789+-."]);

function schemeCharKind(c: number): number {
  return c < 128 ? (SCHEME_CHAR[c] as number) : 0;
}

const OPAQUE_SCHEMES = new Set(["file", "blob", "data", "about", "javascript"]);

/** Parses `s[start, end)` as a serialized origin. @internal */
export function scanOrigin(s: string, start: number, end: number): ParseResult<Origin> {
  if (start === end) return fail("empty", `${EXPECTED}, found an empty value.`, start);
  let i = start;
  if (schemeCharKind(s.charCodeAt(i)) !== 1) return unexpectedAt(s, i, "a lowercase scheme");
  while (i < end && schemeCharKind(s.charCodeAt(i)) !== 0) i++;
  if (i + 3 > end || s.charCodeAt(i) !== 0x3a || s.charCodeAt(i + 1) !== 0x2f || s.charCodeAt(i + 2) !== 0x2f) {
    return unexpectedAt(s, i, '"://" after the scheme');
  }
  const defaultPort = specialDefaultPort(s, start, i);
  if (defaultPort === undefined && OPAQUE_SCHEMES.has(s.slice(start, i))) {
    return fail(
      "invalid-origin",
      `${EXPECTED}: "${s.slice(start, i)}:" URLs have opaque origins, which browsers send as "null".`,
      start,
    );
  }
  i += 3;
  const hostStart = i;
  let hostError: Failure | undefined;
  if (s.charCodeAt(i) === 0x5b) {
    const close = s.indexOf("]", i);
    if (close === -1 || close >= end || !isSerializedIpv6(s, i + 1, close)) {
      return fail(
        "invalid-origin",
        `${EXPECTED}: an IPv6 host must be in brackets in its compressed lowercase form (RFC 5952, e.g. "[::1]"), as browsers serialize it.`,
        i,
      );
    }
    i = close + 1;
  } else if (defaultPort !== undefined) {
    const hostEnd = scanSpecialHost(s, i, end);
    if (typeof hostEnd !== "number") hostError = hostEnd;
    else if (hostEnd === hostStart) return unexpectedAt(s, i, "a host");
    else i = hostEnd;
  } else {
    while (i < end && s.charCodeAt(i) !== 0x3a) i++;
    hostError = i === hostStart ? unexpectedAt(s, i, "a host") : checkSerializedDomain(s, hostStart, i);
  }
  if (hostError !== undefined) return prefixed(hostError);
  if (i < end && s.charCodeAt(i) === 0x3a) {
    const portError = checkPort(s, i + 1, end, defaultPort);
    if (portError !== undefined) return portError;
    i = end;
  }
  if (i < end) return unexpectedAt(s, i, "the end of the origin");
  return ok((start === 0 && end === s.length ? s : s.slice(start, end)) as Origin);
}

//   serialized-port = 1*5DIGIT, as the URL Standard serializes it: no leading zeros, at most
//   65535, and never the scheme's default port.
function checkPort(s: string, start: number, end: number, defaultPort: number | undefined): Failure | undefined {
  let value = 0;
  let i = start;
  for (; i < end && i - start <= 5; i++) {
    const digit = s.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) break;
    value = value * 10 + digit;
  }
  if (i === start) return unexpectedAt(s, i, "a port number after \":\"");
  if (i < end) return i - start > 5 ? portFailure(start, "has more than 5 digits") : unexpectedAt(s, i, "the end of the origin");
  if (i - start > 1 && s.charCodeAt(start) === 0x30) {
    return portFailure(start, `has leading zeros; browsers send ":${value}"`);
  }
  if (value > 65535) return portFailure(start, "is above 65535");
  if (value === defaultPort) {
    return portFailure(start - 1, `is the scheme's default port ${value}, which browsers never send`);
  }
  return undefined;
}

function portFailure(offset: number, why: string): Failure {
  return fail("invalid-origin", `${EXPECTED}: the port ${why}.`, offset);
}

/**
 * The default port of the special scheme `s[start, end)` (http, https, ws, wss, ftp), or
 * undefined for other schemes. Compares code units rather than calling string methods: this runs
 * for every origin parsed.
 */
function specialDefaultPort(s: string, start: number, end: number): number | undefined {
  const length = end - start;
  const first = s.charCodeAt(start);
  const at = (offset: number, c: number) => s.charCodeAt(start + offset) === c;
  if (first === 0x68 && (length === 4 || length === 5) && at(1, 0x74) && at(2, 0x74) && at(3, 0x70)) {
    return length === 4 ? 80 : at(4, 0x73) ? 443 : undefined; // http, https
  }
  if (first === 0x77 && (length === 2 || length === 3) && at(1, 0x73)) {
    return length === 2 ? 80 : at(2, 0x73) ? 443 : undefined; // ws, wss
  }
  return first === 0x66 && length === 3 && at(1, 0x74) && at(2, 0x70) ? 21 : undefined; // ftp
}

function prefixed(failure: Failure): Failure {
  const { error } = failure;
  return { ok: false, error: { ...error, message: `${EXPECTED}: ${error.message}` } };
}

/** A failure naming what was expected at `s[i]` and, for common mistakes, what browsers do. */
function unexpectedAt(s: string, i: number, what: string): Failure {
  if (i >= s.length) return fail("invalid-origin", `${EXPECTED}: expected ${what}, found the end of the value.`, i);
  const c = s.charCodeAt(i);
  let why = "";
  if (c === 0x2f) why = " A serialized origin has no path or trailing slash.";
  else if (c === 0x3f || c === 0x23) why = " A serialized origin has no query or fragment.";
  else if (c === 0x40) why = " A serialized origin has no userinfo.";
  else if (c >= 0x41 && c <= 0x5a) why = " Browsers lowercase the scheme and host.";
  else if (c > 0x7f) why = " Browsers send hosts in ASCII (punycode \"xn--…\"), never Unicode.";
  else if (c === 0x2c) why = " Only one origin is allowed; browsers compare the whole value byte for byte.";
  return fail("invalid-origin", `${EXPECTED}: expected ${what}, found ${describeChar(s, i)} at offset ${i}.${why}`, i);
}

/**
 * Parse, construct and recognise {@link (Origin:type)} values. `Origin.parse` never calls the
 * URL parser except for hosts with punycode (`xn--`) labels, whose validity needs IDNA tables.
 *
 * @example
 * ```ts
 * Origin.parse("https://example.com");    // { ok: true, value: "https://example.com" }
 * Origin.parse("https://example.com/");   // { ok: false, error: { code: "invalid-origin", … } }
 * Origin.from("http://localhost:5173");   // "http://localhost:5173"
 * ```
 * @public
 */
export const Origin: ValueType<Origin> = /* @__PURE__ */ valueType(
  "Origin",
  (input: string) => scanOrigin(input, 0, input.length),
  (value: unknown): value is Origin => typeof value === "string" && scanOrigin(value, 0, value.length).ok,
);
