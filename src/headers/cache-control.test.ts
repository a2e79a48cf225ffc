import { describe, expect, test } from "vitest";
import { FieldName } from "../syntax/field-name.js";
import { cacheControlHeader, type CacheControl } from "./cache-control.js";

const parse = (value: string | string[]) => cacheControlHeader.parse(value);

describe("Cache-Control (RFC 9111 §5.2)", () => {
  test.each<[string, CacheControl, string]>([
    ["max-age=0", { maxAge: 0 }, "max-age=0"],
    [
      "public, max-age=31536000, immutable",
      { public: true, maxAge: 31536000, immutable: true },
      "max-age=31536000, public, immutable",
    ],
    [
      "no-cache, no-store, must-revalidate",
      { noCache: true, noStore: true, mustRevalidate: true },
      "no-cache, no-store, must-revalidate",
    ],
    ["private, max-age=0", { private: true, maxAge: 0 }, "max-age=0, private"],
    [
      'no-cache="Set-Cookie, X-Foo"',
      { noCache: [FieldName.from("set-cookie"), FieldName.from("x-foo")] },
      'no-cache="set-cookie, x-foo"',
    ],
    ["private=set-cookie", { private: [FieldName.from("set-cookie")] }, 'private="set-cookie"'],
    [
      "s-maxage=60, proxy-revalidate, no-transform, must-understand",
      { sMaxage: 60, proxyRevalidate: true, noTransform: true, mustUnderstand: true },
      "s-maxage=60, proxy-revalidate, must-understand, no-transform",
    ],
    [
      "max-age=1, stale-while-revalidate=59, stale-if-error=86400",
      { maxAge: 1, staleWhileRevalidate: 59, staleIfError: 86400 },
      "max-age=1, stale-while-revalidate=59, stale-if-error=86400",
    ],
    [
      "max-stale, min-fresh=10, only-if-cached",
      { maxStale: true, minFresh: 10, onlyIfCached: true },
      "max-stale, min-fresh=10, only-if-cached",
    ],
    ["max-stale=30", { maxStale: 30 }, "max-stale=30"],
    ['MAX-AGE="60"', { maxAge: 60 }, "max-age=60"],
    ["", {}, ""],
  ])("%j", (input, value, canonical) => {
    expect(parse(input)).toEqual({ ok: true, value });
    expect(cacheControlHeader.serialize(value)).toBe(canonical);
  });

  test("extensions keep their order, argument unquoted, and true without one", () => {
    const result = parse('community="UCI", foo, Bar=baz, quoted="a \\"b\\" c"');
    expect(result).toEqual({
      ok: true,
      value: {
        extensions: new Map<string, string | true>([
          ["community", "UCI"],
          ["foo", true],
          ["bar", "baz"],
          ["quoted", 'a "b" c'],
        ]),
      },
    });
    expect(result.ok && cacheControlHeader.serialize(result.value)).toBe('community=UCI, foo, bar=baz, quoted="a \\"b\\" c"');
  });

  test("delta-seconds above 2^31 read as 2^31 (RFC 9111 §1.2.2)", () => {
    expect(parse("max-age=99999999999999")).toEqual({ ok: true, value: { maxAge: 2147483648 } });
  });

  describe("duplicates and conflicts (RFC 9111 §4.2.1)", () => {
    test("the first occurrence of a valued directive is used", () => {
      expect(parse("max-age=60, max-age=0")).toEqual({ ok: true, value: { maxAge: 60 } });
      expect(parse(["max-stale=5", "max-stale"])).toEqual({ ok: true, value: { maxStale: 5 } });
      expect(parse("x=1, x=2")).toEqual({ ok: true, value: { extensions: new Map([["x", "1"]]) } });
    });

    test("no-cache and private only grow more restrictive: unqualified wins, field names join", () => {
      expect(parse('no-cache="a", no-cache')).toEqual({ ok: true, value: { noCache: true } });
      expect(parse('no-cache, no-cache="a"')).toEqual({ ok: true, value: { noCache: true } });
      expect(parse('private="a, b", private="b, c"')).toEqual({ ok: true, value: { private: ["a", "b", "c"] } });
    });

    test("conflicting directives are all kept (the cache honours the most restrictive)", () => {
      expect(parse("max-age=600, no-cache, public, private")).toEqual({
        ok: true,
        value: { maxAge: 600, noCache: true, public: true, private: true },
      });
    });
  });

  test.each([
    ["max-age", "a registered directive without its required argument"],
    ["max-age=", "an empty argument"],
    ["max-age=abc", "seconds that are not digits"],
    ["max-age=-1", "negative seconds"],
    ["max-age=1.5", "fractional seconds"],
    ["no-store=1", "an argument where none is allowed"],
    ["public=yes", "an argument where none is allowed"],
    ['no-cache="a b"', "field names that are not tokens"],
    ["max-age = 60", "whitespace around ="],
    ['foo="unterminated', "an unterminated quoted string"],
    ["foo bar", "two names without a comma"],
    ["foo=a b", "a token argument with a space"],
    ["@", "a name that is not a token"],
  ])("rejects %j (%s)", (input) => {
    expect(parse(input)).toMatchObject({ ok: false, error: { code: "invalid-cache-directive", header: "cache-control" } });
  });

  test("offsets index the lines joined with ', '", () => {
    expect(parse(["public", "max-age=x"])).toMatchObject({ ok: false, error: { offset: 8 } });
  });

  test("serialize refuses values no directive can carry", () => {
    for (const value of [
      { maxAge: -1 },
      { maxAge: 1.5 },
      { maxAge: 2147483649 },
      { maxAge: true },
      { noStore: false },
      { noCache: ["Set-Cookie"] },
      { maxStale: "1" },
      { extensions: { foo: true } },
      { extensions: new Map([["max-age", "1"]]) },
      { extensions: new Map([["foo", "a\nb"]]) },
      { extensions: new Map([["Foo", true]]) },
      null,
    ]) {
      expect(() => cacheControlHeader.serialize(value as never)).toThrow(/^typed-headers: cannot serialize cache-control/);
    }
  });

  test("max-age is always serialized unquoted", () => {
    expect(
      cacheControlHeader.serialize({
        maxAge: 60,
        sMaxage: 0,
        maxStale: 1,
        minFresh: 2,
        staleIfError: 3,
        staleWhileRevalidate: 4,
      }),
    ).toBe("max-age=60, s-maxage=0, stale-while-revalidate=4, stale-if-error=3, max-stale=1, min-fresh=2");
  });
});
