import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { indexOfCookieControl } from "./cookie-octet.js";

/** The first character a browser refuses in a cookie line, written out as RFC 6265bis §5.6 step 1 says. */
function reference(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09) || c === 0x7f || c > 0xff) return i;
  }
  return -1;
}

describe("indexOfCookieControl", () => {
  test("finds the first control character (other than HTAB) or non-byte, as a loop over the code units does", () => {
    const char = fc.oneof(
      fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
      fc.integer({ min: 0, max: 0xff }).map((c) => String.fromCharCode(c)),
      fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    );
    fc.assert(
      fc.property(fc.array(char, { maxLength: 40 }), (chars) => {
        const s = chars.join("");
        expect(indexOfCookieControl(s)).toBe(reference(s));
      }),
    );
  });

  test.each([
    ["a=1; Path=/\tx", -1],
    ["a=1\u00ff", -1],
    ["", -1],
    ["a=1\u007f", 3],
    ["a\u0000=1", 1],
    ["a=\u0100", 2],
    ["a=\ud83d\ude00", 2],
  ])("%j → %i", (line, index) => {
    expect(indexOfCookieControl(line)).toBe(index);
  });
});
