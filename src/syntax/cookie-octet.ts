import { charTable } from "./chars.js";

// Characters of cookie names and values (RFC 6265bis §4.1.1, the grammar servers must send):
//
//   cookie-pair  = cookie-name "=" cookie-value
//   cookie-name  = token
//   cookie-value = *cookie-octet / ( DQUOTE *cookie-octet DQUOTE )
//   cookie-octet = %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E
//                  ; US-ASCII characters excluding CTLs, whitespace, DQUOTE, comma, semicolon
//                  ; and backslash
//
// Browsers accept more than this when they parse (§5.6), but refuse control characters:

/** Per ASCII code unit: 1 = cookie-octet. */
const COOKIE_OCTET = /* @__PURE__ */ charTable([
  "!#$%&'()*+-./0123456789:<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~",
]);

/** Whether the whole of `s` is a `cookie-value`: cookie-octets, possibly inside one pair of quotes. @internal */
export function isCookieValue(s: string): boolean {
  let start = 0;
  let end = s.length;
  if (end >= 2 && s.charCodeAt(0) === 0x22 && s.charCodeAt(end - 1) === 0x22) {
    start = 1;
    end--;
  }
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || COOKIE_OCTET[c] !== 1) return false;
  }
  return true;
}

/**
 * Index of the first character in `s[start, end)` that no browser stores in a cookie — a control
 * character other than HTAB (%x00-08 / %x0A-1F / %x7F, RFC 6265bis §5.6 step 1) or a code unit
 * above U+00FF, which is not a byte — or -1.
 * @internal
 */
export function indexOfCookieControl(s: string, start: number, end: number): number {
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09) || c === 0x7f || c > 0xff) return i;
  }
  return -1;
}
