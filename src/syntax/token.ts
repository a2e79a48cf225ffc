import { describeChar, isTchar } from "./chars.js";
import { fail, ok, type Failure, type ParseResult } from "./result.js";

// token = 1*tchar    (RFC 9110 §5.6.2)

/** Index of the first character in `s[start, end)` that is not a `tchar`, or -1. @internal */
export function indexOfNonTchar(s: string, start: number, end: number): number {
  for (let i = start; i < end; i++) if (!isTchar(s.charCodeAt(i))) return i;
  return -1;
}

/** Whether the whole of `s` is a token. @internal */
export function isToken(s: string): boolean {
  return s.length > 0 && indexOfNonTchar(s, 0, s.length) === -1;
}

/** Whether the whole of `s` is a token without uppercase letters (a canonical field name). @internal */
export function isLowercaseToken(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isTchar(c) || (c >= 0x41 && c <= 0x5a)) return false;
  }
  return true;
}

/**
 * The failure for a non-token character at `s[i]` where `what` (e.g. "a method") was expected;
 * `base` is the offset of `s` in the combined value.
 * @internal
 */
export function notATokenAt(s: string, i: number, what: string, base = 0): Failure {
  const quoted = s.charCodeAt(i) === 0x22 ? " (quoted strings are not tokens)" : "";
  return fail(
    "invalid-token",
    `expected ${what} (a token), found ${describeChar(s, i)} at offset ${base + i}${quoted}: browsers reject the whole header.`,
    base + i,
  );
}

/** Scans `s[start, end)` as one token; `what` names it in errors (`"a method"`). @internal */
export function scanToken(s: string, start: number, end: number, what: string): ParseResult<string> {
  if (start === end) return fail("empty", `expected ${what}, found an empty value.`, start);
  const bad = indexOfNonTchar(s, start, end);
  return bad === -1 ? ok(start === 0 && end === s.length ? s : s.slice(start, end)) : notATokenAt(s, bad, what);
}
