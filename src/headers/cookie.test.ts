import { headerLaws } from "../../test/header-laws.js";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { anyFieldLines, token } from "../../test/arbitraries.js";
import { cookieHeader, cookieValue, cookieValues, type Cookie } from "./cookie.js";

const parse = cookieHeader.parse;
const serialize = cookieHeader.serialize;

describe("Cookie parse (RFC 6265bis §5.7.3, as browsers send it)", () => {
  test("pairs in order, duplicates kept, values not decoded", () => {
    expect(parse('sid=abc; theme=dark; theme=light; q="a%20b"')).toEqual({
      ok: true,
      value: [
        { name: "sid", value: "abc" },
        { name: "theme", value: "dark" },
        { name: "theme", value: "light" },
        { name: "q", value: '"a%20b"' },
      ],
    });
  });

  test("split at the first =, trimmed of SP/HTAB, empty pairs skipped", () => {
    expect(parse(" a = b=c ;;\t; d=\t")).toEqual({
      ok: true,
      value: [
        { name: "a", value: "b=c" },
        { name: "d", value: "" },
      ],
    });
  });

  test("a pair without = is a nameless cookie, sent as its value", () => {
    expect(parse("lonely; a=1")).toEqual({
      ok: true,
      value: [
        { name: "", value: "lonely" },
        { name: "a", value: "1" },
      ],
    });
  });

  test("several lines (HTTP/2 crumbs) are one list", () => {
    expect(parse(["a=1", "b=2; c=3"])).toEqual({
      ok: true,
      value: [
        { name: "a", value: "1" },
        { name: "b", value: "2" },
        { name: "c", value: "3" },
      ],
    });
  });

  test("no cookie at all is the error empty; control characters are invalid", () => {
    expect(parse(" ; ;")).toMatchObject({ ok: false, error: { code: "empty", header: "cookie" } });
    expect(parse(["a=1", "b=\u0001"])).toMatchObject({ ok: false, error: { code: "invalid-character", offset: 7 } });
    expect(parse("a=1\r\n")).toMatchObject({ ok: false, error: { code: "invalid-character" } });
  });

  test("is linear: many pairs without = and one = at the end", () => {
    const line = `${"x;".repeat(100_000)}a=1`;
    const started = performance.now();
    const result = parse(line);
    expect(result.ok && result.value.length).toBe(100_001);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe("cookieValue / cookieValues", () => {
  const cookies: Cookie[] = [
    { name: "id", value: "1" },
    { name: "ID", value: "2" },
    { name: "id", value: "3" },
  ];
  test("first value by name, case-sensitive", () => {
    expect(cookieValue(cookies, "id")).toBe("1");
    expect(cookieValue(cookies, "ID")).toBe("2");
    expect(cookieValue(cookies, "Id")).toBeUndefined();
  });
  test("all values by name, in order", () => {
    expect(cookieValues(cookies, "id")).toEqual(["1", "3"]);
    expect(cookieValues(cookies, "none")).toEqual([]);
  });
});

describe("Cookie serialize", () => {
  test("name=value pairs joined with '; '", () => {
    expect(
      serialize([
        { name: "a", value: "1" },
        { name: "b", value: '"x"' },
      ]),
    ).toBe('a=1; b="x"');
  });
  test.each([
    ["empty list", []],
    ["name with =", [{ name: "a=b", value: "1" }]],
    ["nameless", [{ name: "", value: "1" }]],
    ["value with ;", [{ name: "a", value: "1; b=2" }]],
    ["value with space", [{ name: "a", value: "1 2" }]],
    ["value with CRLF", [{ name: "a", value: "1\r\n" }]],
    ["not an object", ["a=1"]],
  ])("refuses %s", (_, cookies) => {
    expect(() => serialize(cookies as Cookie[])).toThrow(/^typed-headers: cannot serialize cookie: expected /);
  });
});

const COOKIE_OCTETS = "!#$%&'()*+-./0123456789:<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~".split("");
const validCookie = fc.record({ name: token, value: fc.string({ unit: fc.constantFrom(...COOKIE_OCTETS), maxLength: 16 }) });

describe("Cookie laws", () => {
  test("parse never throws", () => {
    fc.assert(fc.property(anyFieldLines, (lines) => void expect(typeof parse(lines as never).ok).toBe("boolean")));
  });
  test("parse(serialize(v)) is v, and the output is a field value", () => {
    fc.assert(
      fc.property(fc.array(validCookie, { minLength: 1, maxLength: 6 }), (cookies) => {
        const line = serialize(cookies);
        expect(/[\r\n\0]|[^\u0000-\u00ff]|^[ \t]|[ \t]$/u.test(line)).toBe(false);
        expect(parse(line)).toEqual({ ok: true, value: cookies });
      }),
    );
  });
});

// The laws of every header, on generated cookie lists.
headerLaws(cookieHeader, fc.array(validCookie, { minLength: 1, maxLength: 5 }), { lenientParse: true });
