import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { formatHttpDate, HttpDate, httpDateTime, scanHttpDate, wholeSeconds } from "./http-date.js";

const at = (iso: string) => new Date(iso).getTime();
const parseAt = (s: string, now: string) => scanHttpDate(s, 0, s.length, at(now));
const EXPECTED = at("1994-11-06T08:49:37Z");

describe("HTTP-date (RFC 9110 §5.6.7)", () => {
  test.each([
    ["Sun, 06 Nov 1994 08:49:37 GMT", "IMF-fixdate"],
    ["Sunday, 06-Nov-94 08:49:37 GMT", "obsolete RFC 850 format"],
    ["Sun Nov  6 08:49:37 1994", "ANSI C's asctime() format"],
  ])("the three forms of §5.6.7's example all mean the same instant: %s (%s)", (input) => {
    const result = HttpDate.parse(input);
    expect(result.ok && result.value.getTime()).toBe(EXPECTED);
  });

  test("IMF-fixdate is what a date serializes to", () => {
    expect(formatHttpDate(EXPECTED)).toBe("Sun, 06 Nov 1994 08:49:37 GMT");
    expect(formatHttpDate(at("0001-01-01T00:00:00Z"))).toBe("Mon, 01 Jan 0001 00:00:00 GMT");
    expect(formatHttpDate(at("9999-12-31T23:59:59Z"))).toBe("Fri, 31 Dec 9999 23:59:59 GMT");
  });

  test("asctime: a one-digit day is padded with a space; two digits are accepted too", () => {
    expect(HttpDate.parse("Sun Nov  6 08:49:37 1994").ok).toBe(true);
    expect(HttpDate.parse("Sun Nov 06 08:49:37 1994").ok).toBe(true);
    expect(HttpDate.parse("Thu Nov 17 08:49:37 1994").ok).toBe(true);
    expect(HttpDate.parse("Sun Nov 6 08:49:37 1994").ok).toBe(false); // one space: 23 characters
    expect(HttpDate.parse("Sun Nov   6 08:49:37 1994").ok).toBe(false);
    expect(HttpDate.parse("Sun Nov  6 08:49:37 1994 GMT").ok).toBe(false);
  });

  describe("RFC 850 two-digit years: more than 50 years ahead means the previous century", () => {
    test.each([
      ["Sunday, 06-Nov-94 08:49:37 GMT", "2026-11-30T00:00:00Z", "1994-11-06T08:49:37Z"],
      ["Friday, 06-Nov-26 08:49:37 GMT", "2026-11-30T00:00:00Z", "2026-11-06T08:49:37Z"],
      ["Thursday, 06-Nov-76 08:49:37 GMT", "2026-11-30T00:00:00Z", "2076-11-06T08:49:37Z"], // 49.9 years ahead
      ["Tuesday, 06-Nov-77 08:49:37 GMT", "2026-11-30T00:00:00Z", "1977-11-06T08:49:37Z"], // 50.9 years ahead
      ["Saturday, 01-Jan-00 00:00:00 GMT", "2026-11-30T00:00:00Z", "2000-01-01T00:00:00Z"],
      ["Sunday, 06-Nov-94 08:49:37 GMT", "2050-01-01T00:00:00Z", "2094-11-06T08:49:37Z"], // 44.8 years ahead of 2050
      ["Wednesday, 30-Nov-76 00:00:00 GMT", "2026-11-30T00:00:00Z", "2076-11-30T00:00:00Z"], // exactly 50 years: not more
      ["Monday, 30-Nov-76 00:00:01 GMT", "2026-11-30T00:00:00Z", "1976-11-30T00:00:01Z"], // one second more
    ])("%s seen at %s is %s", (input, now, expected) => {
      const result = parseAt(input, now);
      expect(result.ok && result.value.toISOString()).toBe(new Date(expected).toISOString());
    });

    test("the day name must be the long one", () => {
      expect(HttpDate.parse("Sun, 06-Nov-94 08:49:37 GMT").ok).toBe(false);
      expect(HttpDate.parse("Sunday, 06 Nov 1994 08:49:37 GMT").ok).toBe(false);
    });
  });

  test.each([
    ["", "empty"],
    ["Sun, 06 Nov 1994 08:49:37 UTC", "zone other than GMT"],
    ["Sun, 06 Nov 1994 08:49:37 gmt", "GMT is case-sensitive"],
    ["sun, 06 Nov 1994 08:49:37 GMT", "day names are case-sensitive"],
    ["Sun, 06 NOV 1994 08:49:37 GMT", "month names are case-sensitive"],
    ["Sun, 6 Nov 1994 08:49:37 GMT", "the day has two digits"],
    ["Sun, 06 Nov 94 08:49:37 GMT", "IMF-fixdate has a four-digit year"],
    ["Sun,  06 Nov 1994 08:49:37 GMT", "one space only"],
    ["Sun, 06 Nov 1994 8:49:37 GMT", "the hour has two digits"],
    ["Sun, 06 Nov 1994 24:00:00 GMT", "hour 24"],
    ["Sun, 06 Nov 1994 08:60:00 GMT", "minute 60"],
    ["Sun, 06 Nov 1994 08:49:61 GMT", "second 61"],
    ["Mon, 29 Feb 1993 00:00:00 GMT", "29 February of a common year"],
    ["Thu, 31 Apr 1994 00:00:00 GMT", "31 April"],
    ["Sun, 00 Nov 1994 08:49:37 GMT", "day 0"],
    ["Sun, 06 Nov 1994 08:49:37 +0000", "a numeric zone"],
    ["1994-11-06T08:49:37Z", "ISO 8601"],
    ["784111777", "seconds since the epoch"],
    ["0", "Expires: 0"],
    ["Sun, 06 Nov 1994 08:49:37 GMT, Mon, 07 Nov 1994 08:49:37 GMT", "two dates"],
    ["Sun, 06 Nov 1994 08:49:37 GMT\u0000", "a NUL"],
    ["Sun, 06 Nov 1994 08:49:37 GM\u0100", "a character above U+00FF"],
  ])("rejects %j (%s)", (input) => {
    const result = HttpDate.parse(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe("invalid-date");
  });

  test("leap years and leap seconds", () => {
    expect(HttpDate.parse("Thu, 29 Feb 1996 00:00:00 GMT").ok).toBe(true);
    expect(HttpDate.parse("Tue, 29 Feb 2000 00:00:00 GMT").ok).toBe(true);
    expect(HttpDate.parse("Thu, 29 Feb 1900 00:00:00 GMT").ok).toBe(false); // 1900 is not a leap year
    const leap = HttpDate.parse("Sat, 31 Dec 2016 23:59:60 GMT");
    expect(leap.ok && leap.value.toISOString()).toBe("2017-01-01T00:00:00.000Z");
  });

  test("the day name is not checked against the date (it is redundant; the instant is the value)", () => {
    const result = HttpDate.parse("Mon, 06 Nov 1994 08:49:37 GMT");
    expect(result.ok && result.value.getTime()).toBe(EXPECTED);
  });

  test("years below 100 are not read as 19xx", () => {
    const result = HttpDate.parse("Sat, 01 Jan 0050 00:00:00 GMT");
    expect(result.ok && result.value.getUTCFullYear()).toBe(50);
    expect(result.ok && formatHttpDate(result.value.getTime())).toBe("Sat, 01 Jan 0050 00:00:00 GMT");
  });
});

describe("HttpDate", () => {
  test("from truncates milliseconds to the second, also before 1970", () => {
    expect(HttpDate.from(new Date("2024-05-01T10:00:00.750Z")).toISOString()).toBe("2024-05-01T10:00:00.000Z");
    expect(HttpDate.from(-1).toISOString()).toBe("1969-12-31T23:59:59.000Z");
    expect(HttpDate.from("Sun, 06 Nov 1994 08:49:37 GMT").getTime()).toBe(EXPECTED);
  });

  test("wholeSeconds is the second at or before the time, for every time a Date holds and fractions of one", () => {
    const MAX = 8.64e15; // ECMA-262's time range
    const time = fc.oneof(
      fc.integer({ min: -MAX, max: MAX }),
      fc.tuple(fc.integer({ min: -MAX / 1000, max: MAX / 1000 }), fc.constantFrom(-1, 0, 1, 999)).map(([s, ms]) => s * 1000 + ms),
      fc.double({ min: -MAX, max: MAX, noNaN: true }),
    );
    fc.assert(
      fc.property(time, (t) => {
        const whole = wholeSeconds(t);
        // floor(t / 1000) * 1000, computed exactly: t is split into its integer part and fraction.
        const integer = Math.floor(t);
        const seconds = BigInt(integer) / 1000n - (integer < 0 && BigInt(integer) % 1000n !== 0n ? 1n : 0n);
        expect(whole + 0).toBe(Number(seconds * 1000n)); // + 0: -0 is 0 here
      }),
    );
  });

  test("from refuses what no IMF-fixdate can write, with the library's TypeError", () => {
    for (const input of [
      NaN,
      Infinity,
      new Date("x"),
      at("+010000-01-01T00:00:00Z"),
      at("-000001-12-31T23:59:59Z"),
      "yesterday",
    ]) {
      expect(() => HttpDate.from(input as never)).toThrow(/^typed-headers: HttpDate.from/);
    }
    expect(() => HttpDate.from({} as never)).toThrow(TypeError);
  });

  test("is: a Date at a whole second in 0000-9999 only", () => {
    expect(HttpDate.is(new Date(EXPECTED))).toBe(true);
    expect(HttpDate.is(new Date(EXPECTED + 1))).toBe(false);
    expect(HttpDate.is(EXPECTED)).toBe(false);
    expect(HttpDate.is(new Proxy(new Date(EXPECTED), {}))).toBe(false);
    expect(httpDateTime({ getTime: () => EXPECTED })).toBeNaN();
  });
});
