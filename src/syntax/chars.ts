// Character classes of RFC 9110 §5.6 and the Fetch standard, as lookup tables and predicates.
//
//   tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." /
//           "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA
//   OWS   = *( SP / HTAB )

/**
 * A lookup table over ASCII: the characters of `classes[k]` map to `k + 1`, all others to 0
 * (later classes win). Built by a call marked pure, so bundles that never scan drop it.
 * @internal
 */
export function charTable(classes: readonly string[]): Uint8Array {
  const table = new Uint8Array(128);
  classes.forEach((chars, k) => {
    for (const c of chars) table[c.charCodeAt(0)] = k + 1;
  });
  return table;
}

const TCHAR = /* @__PURE__ */ charTable(["!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"]);

/** Whether the UTF-16 code unit `c` is an RFC 9110 `tchar`. @internal */
export function isTchar(c: number): boolean {
  return c < 128 && TCHAR[c] === 1;
}

/** Whether `c` is SP or HTAB, the only whitespace HTTP trims around field values. @internal */
export function isOws(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

/** Index of the first character of `s[start, end)` that is not SP/HTAB, or `end`. @internal */
export function skipOws(s: string, start: number, end: number): number {
  while (start < end && isOws(s.charCodeAt(start))) start++;
  return start;
}

/** One past the last character of `s[start, end)` that is not SP/HTAB, or `start`. @internal */
export function trimOwsEnd(s: string, start: number, end: number): number {
  while (end > start && isOws(s.charCodeAt(end - 1))) end--;
  return end;
}

/** `s` without leading and trailing SP/HTAB, as an HTTP parser leaves a field value. @internal */
export function trimOws(s: string): string {
  const start = skipOws(s, 0, s.length);
  return s.slice(start, trimOwsEnd(s, start, s.length));
}

/**
 * `s` without leading and trailing HTTP whitespace (SP, HTAB, CR, LF): Fetch's "normalize" for
 * header values set by a page. @internal
 */
export function trimHttpWhitespace(s: string): string {
  const isHttpWhitespace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
  let start = 0;
  let end = s.length;
  while (start < end && isHttpWhitespace(s.charCodeAt(start))) start++;
  while (end > start && isHttpWhitespace(s.charCodeAt(end - 1))) end--;
  return s.slice(start, end);
}

const FORBIDDEN_CHAR = /[\r\n\0\u0100-\uffff]/;

/**
 * Index of the first character that can never be part of a field value (CR, LF, NUL or a code
 * unit above U+00FF, which is not a byte), or -1.
 * @internal
 */
export function indexOfForbiddenChar(s: string): number {
  // The regex engine scans a long string for a character class faster than a loop over char
  // codes (every serializer's output is checked with this); a short one is faster in the loop.
  if (s.length > 24) return s.search(FORBIDDEN_CHAR);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x0d || c === 0x0a || c === 0 || c > 0xff) return i;
  }
  return -1;
}

const NAMED: Readonly<Record<number, string>> = {
  0x00: "NUL",
  0x09: "HTAB",
  0x0a: "LF",
  0x0b: "VT",
  0x0c: "FF",
  0x0d: "CR",
  0x20: "SP",
  0x7f: "DEL",
  0xa0: "NBSP",
};

/** Describes the character at `s[i]` for an error message, e.g. `"/"` or `U+000B (VT)`. @internal */
export function describeChar(s: string, i: number): string {
  const c = s.codePointAt(i) ?? 0;
  const name = NAMED[c];
  const hex = `U+${c.toString(16).toUpperCase().padStart(4, "0")}`;
  if (name !== undefined) return `${hex} (${name})`;
  if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return hex;
  return `"${String.fromCodePoint(c)}"`;
}
