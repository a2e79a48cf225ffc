import { isTchar } from "./chars.js";

// Quoted strings, in the two dialects the media headers need.
//
// RFC 9110 §5.6.4 (what a sender must produce, and what Accept's parameters are held to):
//   quoted-string = DQUOTE *( qdtext / quoted-pair ) DQUOTE
//   qdtext        = HTAB / SP / %x21 / %x23-5B / %x5D-7E / obs-text
//   quoted-pair   = "\" ( HTAB / SP / VCHAR / obs-text )
//   obs-text      = %x80-FF
//
// Fetch "collect an HTTP quoted string" (what a browser reads in Content-Type): from the opening
// quote, take everything up to the closing quote; a backslash takes the next character whatever
// it is, an unterminated string runs to the end of the input, and a backslash at the very end
// stands for itself.

/**
 * Whether `c` is an "HTTP quoted-string token code point" (MIME Sniffing): HTAB, SP to `~`, or
 * U+0080 to U+00FF — what a quoted-string may hold, escaped or not.
 * @internal
 */
export function isQuotedStringChar(c: number): boolean {
  return c === 0x09 || (c >= 0x20 && c <= 0x7e) || (c >= 0x80 && c <= 0xff);
}

/**
 * Fetch "collect an HTTP quoted string" from the `"` at `s[start]`, up to `end`: the index one
 * past the closing quote, or `end` when the string is unterminated.
 * @internal
 */
export function skipHttpQuotedString(s: string, start: number, end: number): number {
  let i = start + 1;
  while (i < end) {
    const c = s.charCodeAt(i);
    if (c === 0x22) return i + 1;
    i += c === 0x5c ? 2 : 1;
  }
  return end;
}

/**
 * The value of the quoted string `s[start, stop)` (from its opening quote to where
 * {@link skipHttpQuotedString} stopped), with the quotes and escaping backslashes removed: Fetch's
 * "collect an HTTP quoted string" with extract-value set.
 * @internal
 */
export function unquote(s: string, start: number, stop: number): string {
  const closed = stop - start >= 2 && s.charCodeAt(stop - 1) === 0x22 && !isEscaped(s, start + 1, stop - 1);
  const contentEnd = closed ? stop - 1 : stop;
  let backslash = s.indexOf("\\", start + 1);
  if (backslash === -1 || backslash >= contentEnd) return s.slice(start + 1, contentEnd);
  let value = "";
  let from = start + 1;
  while (backslash !== -1 && backslash < contentEnd) {
    value += s.slice(from, backslash);
    if (backslash + 1 === contentEnd) {
      // A backslash at the very end of the input stands for itself.
      return `${value}\\`;
    }
    value += s[backslash + 1];
    from = backslash + 2;
    backslash = s.indexOf("\\", from);
  }
  return value + s.slice(from, contentEnd);
}

/** Whether the character at `s[i]` is escaped by the backslashes before it (from `start`). */
function isEscaped(s: string, start: number, i: number): boolean {
  let backslashes = 0;
  while (i - backslashes - 1 >= start && s.charCodeAt(i - backslashes - 1) === 0x5c) backslashes++;
  return backslashes % 2 === 1;
}

/**
 * Scans the RFC 9110 `quoted-string` starting with the `"` at `s[start]`: the index one past its
 * closing quote, or the negated index + 1 of the first character that breaks the grammar
 * (`-(i + 1)`; `-(end + 1)` when the string is unterminated).
 * @internal
 */
export function scanQuotedString(s: string, start: number, end: number): number {
  let i = start + 1;
  while (i < end) {
    const c = s.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c === 0x5c) {
      i++;
      if (i === end || !isQuotedStringChar(s.charCodeAt(i))) return -(i + 1);
    } else if (!isQuotedStringChar(c)) {
      return -(i + 1);
    }
    i++;
  }
  return -(end + 1);
}

/**
 * `value` as a parameter value: itself when it is a non-empty token, otherwise a quoted-string
 * with `"` and `\` escaped (MIME Sniffing "serialize a MIME type"; also valid RFC 9110).
 * The caller has checked that every character is a quoted-string character.
 * @internal
 */
export function quoteIfNeeded(value: string): string {
  let i = 0;
  while (i < value.length && isTchar(value.charCodeAt(i))) i++;
  if (i === value.length && i > 0) return value;
  let quoted = '"';
  let from = 0;
  for (; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x22 || c === 0x5c) {
      quoted += `${value.slice(from, i)}\\`;
      from = i;
    }
  }
  return `${quoted}${value.slice(from)}"`;
}

/** Whether every character of `value` may appear in a quoted-string. @internal */
export function isQuotable(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (!isQuotedStringChar(value.charCodeAt(i))) return false;
  return true;
}
