// The numbers of byte ranges (RFC 9110 §14.1.2):
//
//   first-pos       = 1*DIGIT
//   last-pos        = 1*DIGIT
//   suffix-length   = 1*DIGIT
//   complete-length = 1*DIGIT
//
// Numerals of any length are valid. A number above 2^53 - 1 is read as 2^53 - 1
// (Number.MAX_SAFE_INTEGER): no representation is that large, so a first-pos that big is
// unsatisfiable and a last-pos or suffix that big covers the whole representation either way.

/** The index after the run of ASCII digits starting at `s[i]` (at most `end`). @internal */
export function digitsEnd(s: string, i: number, end: number): number {
  while (i < end) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) break;
    i++;
  }
  return i;
}

/** The value of the digits `s[start, end)`, capped at `Number.MAX_SAFE_INTEGER`. @internal */
export function digitsValue(s: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) {
    value = value * 10 + (s.charCodeAt(i) - 0x30);
    if (value > Number.MAX_SAFE_INTEGER) return Number.MAX_SAFE_INTEGER;
  }
  return value;
}

/**
 * Whether the digits `s[a, aEnd)` are a smaller number than `s[b, bEnd)`, exactly, whatever
 * their length (values are capped, so equal capped values are compared as digit strings).
 * @internal
 */
export function digitsLess(s: string, a: number, aEnd: number, b: number, bEnd: number): boolean {
  while (a < aEnd - 1 && s.charCodeAt(a) === 0x30) a++;
  while (b < bEnd - 1 && s.charCodeAt(b) === 0x30) b++;
  if (aEnd - a !== bEnd - b) return aEnd - a < bEnd - b;
  return s.slice(a, aEnd) < s.slice(b, bEnd);
}

/** Whether `value` is an integer a range position can be: 0 … 2^53 - 1. @internal */
export function isRangeNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}
