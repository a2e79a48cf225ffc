import type { Brand } from "./brand.js";
import { charTable, describeChar } from "./chars.js";
import { fail, ok, type ParseResult } from "./result.js";
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
//
// For the special schemes the URL Standard decides: `s` is a serialized origin iff
// `new URL(s).origin === s`. The scanner accepts the common shape on its own — a domain of
// lowercase letters, digits and inner hyphens or a dotted-decimal IPv4 address, a port without
// leading zeros that is not the default — and asks the platform's URL parser about everything
// else: IPv6 hosts (canonical form), other hosts that end in a number, punycode labels (IDNA
// tables), and every rejection, so that the error can show the origin a browser would send.

const EXPECTED = "expected a serialized origin (scheme://host[:port])";
/** Per ASCII code unit: 1 = lowercase letter, 2 = digit, 3 = "-", 4 = ".", 5 = "+". */
const ORIGIN_CHAR = /* @__PURE__ */ charTable(["abcdefghijklmnopqrstuvwxyz", "0123456789", "-", ".", "+"]);

function charKind(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c < 128 ? (ORIGIN_CHAR[c] as number) : 0;
}

const OPAQUE_SCHEMES = new Set(["file", "blob", "data", "about", "javascript"]);

/** Parses `s[start, end)` as a serialized origin. @internal */
export function scanOrigin(s: string, start: number, end: number): ParseResult<Origin> {
  if (start === end) return fail("empty", `${EXPECTED}, found an empty value.`, start);
  let i = start;
  if (charKind(s, i) === 1) while (++i < end && charKind(s, i) !== 0);
  if (i === start || i + 3 > end || !s.startsWith("://", i)) {
    return notAnOrigin(s, start, end, urlOrigin(s.slice(start, end)), i);
  }
  const schemeEnd = i;
  const defaultPort = specialDefaultPort(s, start, schemeEnd);
  i += 3;
  const hostStart = i;
  // `domain`: dot-separated labels of lowercase letters, digits and hyphens, none empty or
  // starting or ending with a hyphen. A punycode label, or a last label starting with a digit
  // (IPv4, or a host that ends in a number) other than dotted-decimal IPv4, is left to the URL
  // parser.
  let domain = true;
  let lastLabelDigit = false;
  let punycode = false;
  if (s.charCodeAt(i) === 0x5b) {
    const close = s.indexOf("]", i);
    i = close === -1 || close >= end ? end : close + 1;
    domain = false;
  } else {
    let labelStart = i;
    for (; i < end; i++) {
      const kind = charKind(s, i);
      if (kind === 0 || kind === 5) break;
      if (kind === 4) {
        if (i === labelStart || s.charCodeAt(i - 1) === 0x2d) domain = false;
        labelStart = i + 1;
      } else if (i === labelStart) {
        if (kind === 3) domain = false;
        lastLabelDigit = kind === 2;
        if (s.charCodeAt(i) === 0x78 && s.startsWith("xn--", i)) punycode = true;
      }
    }
    if (i === labelStart || s.charCodeAt(i - 1) === 0x2d) domain = false;
  }
  const hostEnd = i;
  let portOk = true;
  if (i < end && s.charCodeAt(i) === 0x3a) {
    const portStart = ++i;
    let port = 0;
    for (; i < end && charKind(s, i) === 2; i++) port = port * 10 + s.charCodeAt(i) - 0x30;
    const digits = i - portStart;
    portOk =
      digits > 0 && digits <= 5 && (digits === 1 || s.charCodeAt(portStart) !== 0x30) && port <= 65535 && port !== defaultPort;
  }
  if (defaultPort !== undefined) {
    if (domain && !punycode && portOk && i === end && (!lastLabelDigit || isDottedDecimal(s, hostStart, hostEnd))) {
      return accepted(s, start, end);
    }
    const text = s.slice(start, end);
    const sent = urlOrigin(text);
    if (sent === text) return ok(text as Origin);
    return rejected(s, start, end, sent, i, hostStart, hostEnd, portOk);
  }
  const scheme = s.slice(start, schemeEnd);
  if (OPAQUE_SCHEMES.has(scheme)) {
    return fail("invalid-origin", `${EXPECTED}: "${scheme}:" URLs have opaque origins, which browsers send as "null".`, start);
  }
  if ((domain || isCanonicalHost(s.slice(hostStart, hostEnd))) && portOk && i === end) return accepted(s, start, end);
  return rejected(s, start, end, undefined, i, hostStart, hostEnd, portOk);
}

//   serialized-ipv4 = dec-octet "." dec-octet "." dec-octet "." dec-octet   (URL Standard §3.5)
//   dec-octet       = "0" / %x31-39 0*2DIGIT, at most 255
/** Whether `s[start, end)` is an IPv4 address as the URL parser serializes it. */
function isDottedDecimal(s: string, start: number, end: number): boolean {
  let parts = 0;
  let value = 0;
  let digits = 0;
  for (let i = start; i <= end; i++) {
    const c = i < end ? s.charCodeAt(i) : 0x2e;
    if (c === 0x2e) {
      if (digits === 0 || value > 255) return false;
      parts++;
      value = 0;
      digits = 0;
    } else {
      if (c < 0x30 || c > 0x39 || (digits === 1 && value === 0)) return false;
      value = value * 10 + c - 0x30;
      digits++;
    }
  }
  return parts === 4;
}

function accepted(s: string, start: number, end: number): ParseResult<Origin> {
  return ok((start === 0 && end === s.length ? s : s.slice(start, end)) as Origin);
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

const NON_ASCII = /[^\x00-\x7f]/;

/** `new URL(url).origin`, or undefined when `url` is not an ASCII URL. */
function urlOrigin(url: string): string | undefined {
  if (NON_ASCII.test(url)) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** Whether a bracketed IPv6 host (of a non-special scheme) is in the form the URL parser writes. */
function isCanonicalHost(host: string): boolean {
  return host.charCodeAt(0) === 0x5b && urlOrigin(`http://${host}`) === `http://${host}`;
}

/**
 * The failure for an origin scanned up to `i` (`sent`: what the URL parser makes of it): the
 * first character the scan could not take, else the port, else the host.
 */
function rejected(
  s: string,
  start: number,
  end: number,
  sent: string | undefined,
  i: number,
  hostStart: number,
  hostEnd: number,
  portOk: boolean,
): ParseResult<never> {
  if (i < end) return notAnOrigin(s, start, end, sent, i);
  return portOk
    ? notAnOrigin(s, start, end, sent, hostStart, `host "${s.slice(hostStart, hostEnd)}"`)
    : notAnOrigin(s, start, end, sent, hostEnd + 1, `port "${s.slice(hostEnd + 1, end)}"`);
}

/**
 * Why `s[start, end)` is not a serialized origin. When the URL parser reads it as a URL with a
 * tuple origin (`sent`, what a browser sends), the error shows that origin and points at the
 * first difference; otherwise it names `part` (e.g. `host "a.1"`) or the character at `at`.
 */
function notAnOrigin(
  s: string,
  start: number,
  end: number,
  sent: string | undefined,
  at: number,
  part?: string,
): ParseResult<never> {
  const text = s.slice(start, end);
  if (sent !== undefined && sent !== "null" && sent !== text) {
    let d = 0;
    while (text.charCodeAt(d) === sent.charCodeAt(d)) d++;
    return fail("invalid-origin", `${EXPECTED}; for this URL a browser sends "${sent}".`, start + d);
  }
  if (part !== undefined) return fail("invalid-origin", `${EXPECTED}: no browser sends the ${part}.`, at);
  const found = at < end ? describeChar(s, at) : "the end of the value";
  const hint = s.charCodeAt(at) > 0x7f ? ' Hosts are sent in ASCII (punycode "xn--…").' : "";
  return fail("invalid-origin", `${EXPECTED}, found ${found} at offset ${at}.${hint}`, at);
}

/**
 * Parse, construct and recognise {@link (Origin:type)} values. `Origin.parse` calls the
 * platform's URL parser only for what the common shape does not cover: IPv6 addresses, other
 * hosts that end in a number, punycode (`xn--`) labels, and rejected values.
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
