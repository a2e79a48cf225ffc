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

/**
 * `cookie-value` as a regex: one character class, optionally quoted, no nested quantifier (linear).
 * For names and values of a few dozen characters the regex engine beats a loop over char codes.
 */
const COOKIE_VALUE = /^(?:"[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]*"|[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]*)$/;

/** Whether the whole of `s` is a `cookie-value`: cookie-octets, possibly inside one pair of quotes. @internal */
export function isCookieValue(s: string): boolean {
  return COOKIE_VALUE.test(s);
}

/**
 * The characters no browser stores in a cookie: a control character other than HTAB
 * (%x00-08 / %x0A-1F / %x7F, RFC 6265bis §5.6 step 1) or a code unit above U+00FF, which is not a
 * byte. One character class: the regex engine scans for it faster than a loop over char codes.
 */
const COOKIE_CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f\u0100-\uffff]/;

/**
 * Every other character, the whole string long: the complement of {@link COOKIE_CONTROL}.
 * Speed trick: a line without a refused character (nearly every line) is settled by this
 * anchored test, which runs about a third faster than `search`; only a refused line is searched
 * for the offset its error names.
 */
const COOKIE_CHARS_ONLY = /^[\u0009\u0020-\u007e\u0080-\u00ff]*$/;

/** Index of the first character of `s` that no browser stores in a cookie, or -1. @internal */
export function indexOfCookieControl(s: string): number {
  return COOKIE_CHARS_ONLY.test(s) ? -1 : s.search(COOKIE_CONTROL);
}
