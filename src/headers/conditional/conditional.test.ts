import { describe, expect, test } from "vitest";
import { EntityTag, strongCompare, weakCompare } from "../../syntax/entity-tag.js";
import { HttpDate } from "../../syntax/http-date.js";
import { dateHeader, expiresHeader, ifModifiedSinceHeader, ifUnmodifiedSinceHeader, lastModifiedHeader } from "./dates.js";
import { etagHeader } from "./etag.js";
import { ifRangeHeader } from "./if-range.js";
import { ifMatchHeader, ifNoneMatchHeader } from "./match.js";
import { retryAfterHeader } from "./retry-after.js";

const strong = (tag: string): EntityTag => ({ weak: false, tag });
const weak = (tag: string): EntityTag => ({ weak: true, tag });
const date = (iso: string) => new Date(iso);

describe("the date headers (RFC 9110 §6.6.1, §8.8.2, §13.1.3, §13.1.4; RFC 9111 §5.3)", () => {
  test.each([
    [dateHeader, "Tue, 15 Nov 1994 08:12:31 GMT", "1994-11-15T08:12:31Z"],
    [lastModifiedHeader, "Tue, 15 Nov 1994 12:45:26 GMT", "1994-11-15T12:45:26Z"],
    [ifModifiedSinceHeader, "Sat, 29 Oct 1994 19:43:31 GMT", "1994-10-29T19:43:31Z"],
    [ifUnmodifiedSinceHeader, "Sat, 29 Oct 1994 19:43:31 GMT", "1994-10-29T19:43:31Z"],
    [expiresHeader, "Thu, 01 Dec 1994 16:00:00 GMT", "1994-12-01T16:00:00Z"],
  ])("%s: the RFC's example %s", (codec, value, iso) => {
    expect(codec.parse(value)).toEqual({ ok: true, value: date(iso) });
    expect(codec.serialize(HttpDate.from(date(iso)))).toBe(value);
  });

  test("surrounding SP/HTAB is trimmed; a second field line is an error", () => {
    expect(lastModifiedHeader.parse(" \tTue, 15 Nov 1994 12:45:26 GMT ").ok).toBe(true);
    const twoLines = ifModifiedSinceHeader.parse(["Sat, 29 Oct 1994 19:43:31 GMT", "Sat, 29 Oct 1994 19:43:31 GMT"]);
    expect(!twoLines.ok && twoLines.error.code).toBe("multiple-lines");
  });

  test("Expires: 0 is invalid (a cache reads it as already expired)", () => {
    const result = expiresHeader.parse("0");
    expect(!result.ok && result.error).toMatchObject({ code: "invalid-date", header: "expires" });
  });

  test("serialize refuses what is not an HttpDate, with the library's TypeError", () => {
    for (const value of [new Date(1500), new Date(NaN), 0, "Tue, 15 Nov 1994 08:12:31 GMT", null, {}]) {
      expect(() => dateHeader.serialize(value as never)).toThrow(/^typed-headers: cannot serialize date/);
    }
  });
});

describe("Retry-After (RFC 9110 §10.2.3)", () => {
  test("the RFC's examples: a date or a delay in seconds", () => {
    expect(retryAfterHeader.parse("Fri, 31 Dec 1999 23:59:59 GMT")).toEqual({ ok: true, value: date("1999-12-31T23:59:59Z") });
    expect(retryAfterHeader.parse("120")).toEqual({ ok: true, value: 120 });
    expect(retryAfterHeader.serialize(120 as never)).toBe("120");
    expect(retryAfterHeader.serialize(HttpDate.from("Fri, 31 Dec 1999 23:59:59 GMT"))).toBe("Fri, 31 Dec 1999 23:59:59 GMT");
  });

  test("delays clamp at 2^31 like delta-seconds; fractions and negatives are errors", () => {
    expect(retryAfterHeader.parse("99999999999")).toEqual({ ok: true, value: 2147483648 });
    expect(retryAfterHeader.parse("1.5").ok).toBe(false);
    expect(retryAfterHeader.parse("-1").ok).toBe(false);
    expect(() => retryAfterHeader.serialize(-1 as never)).toThrow(TypeError);
  });
});

describe("entity tags (RFC 9110 §8.8.3)", () => {
  test.each([
    ['"xyzzy"', strong("xyzzy")],
    ['W/"xyzzy"', weak("xyzzy")],
    ['""', strong("")],
    ['"a,bW/\\"', strong("a,bW/\\")],
    ['"caf\u00e9"', strong("caf\u00e9")], // obs-text
  ])("ETag %s", (input, value) => {
    expect(etagHeader.parse(input)).toEqual({ ok: true, value });
    expect(etagHeader.serialize(value)).toBe(input);
  });

  test.each([
    ["xyzzy", "unquoted"],
    ['w/"xyzzy"', "lowercase weak prefix"],
    ['W/ "xyzzy"', "space after W/"],
    ['"xy zzy"', "space inside"],
    ['"xyzzy', "unterminated"],
    ['"a""b"', "two tags"],
    ['"a", "b"', "a list"],
    ["*", "a star"],
    ["", "empty"],
  ])("ETag rejects %j (%s)", (input) => {
    const result = etagHeader.parse(input);
    expect(!result.ok && result.error.code).toBe("invalid-entity-tag");
  });

  test("the comparison table of §8.8.3.2", () => {
    const rows: [EntityTag, EntityTag, boolean, boolean][] = [
      [weak("1"), weak("1"), false, true],
      [weak("1"), weak("2"), false, false],
      [weak("1"), strong("1"), false, true],
      [strong("1"), strong("1"), true, true],
    ];
    for (const [a, b, isStrong, isWeak] of rows) {
      expect([strongCompare(a, b), strongCompare(b, a), weakCompare(a, b), weakCompare(b, a)]).toEqual([
        isStrong,
        isStrong,
        isWeak,
        isWeak,
      ]);
    }
  });

  test("EntityTag.from / is", () => {
    expect(EntityTag.from('W/"0815"')).toEqual(weak("0815"));
    expect(() => EntityTag.from("0815")).toThrow(/^typed-headers: EntityTag.from/);
    expect(EntityTag.is(strong("x"))).toBe(true);
    expect(EntityTag.is({ weak: "no", tag: "x" })).toBe(false);
    expect(EntityTag.is({ weak: false, tag: 'a"b' })).toBe(false);
    expect(
      EntityTag.is(
        new Proxy(
          {},
          {
            get: () => {
              throw new Error("trap");
            },
          },
        ),
      ),
    ).toBe(false);
  });

  test("serialize refuses a tag holding a quote, a space or a control character", () => {
    for (const tag of ['a"b', "a b", "a\u0001", "a\u0100", 5]) {
      expect(() => etagHeader.serialize({ weak: false, tag } as never)).toThrow(/^typed-headers: cannot serialize etag/);
    }
  });
});

describe("If-Match and If-None-Match (RFC 9110 §13.1.1, §13.1.2)", () => {
  test.each([
    ['"xyzzy"', [strong("xyzzy")]],
    ['"xyzzy", "r2d2xxxx", "c3piozzzz"', [strong("xyzzy"), strong("r2d2xxxx"), strong("c3piozzzz")]],
    ["*", "*"],
  ] as const)("If-Match: %s (the RFC's examples)", (input, value) => {
    expect(ifMatchHeader.parse(input)).toEqual({ ok: true, value });
    expect(ifMatchHeader.serialize(value)).toBe(input);
  });

  test.each([
    ['"xyzzy"', [strong("xyzzy")]],
    ['W/"xyzzy"', [weak("xyzzy")]],
    ['"xyzzy", "r2d2xxxx", "c3piozzzz"', [strong("xyzzy"), strong("r2d2xxxx"), strong("c3piozzzz")]],
    ['W/"xyzzy", W/"r2d2xxxx", W/"c3piozzzz"', [weak("xyzzy"), weak("r2d2xxxx"), weak("c3piozzzz")]],
    ["*", "*"],
  ] as const)("If-None-Match: %s (the RFC's examples)", (input, value) => {
    expect(ifNoneMatchHeader.parse(input)).toEqual({ ok: true, value });
    expect(ifNoneMatchHeader.serialize(value)).toBe(input);
  });

  test("commas inside tags do not split; lines join into one list; empty members are skipped", () => {
    expect(ifNoneMatchHeader.parse(['"a,b",, W/"c"', ' "d" '])).toEqual({
      ok: true,
      value: [strong("a,b"), weak("c"), strong("d")],
    });
    expect(ifNoneMatchHeader.parse("")).toEqual({ ok: true, value: [] });
  });

  test.each([
    ['"a", *', 5],
    ['*, "a"', 0],
    ['"a" "b"', 4],
    ['"a",b', 4],
    ["xyzzy", 0],
  ])("rejects %j at offset %i", (input, offset) => {
    const result = ifMatchHeader.parse(input);
    expect(!result.ok && result.error).toMatchObject({ code: "invalid-entity-tag", offset });
  });

  test("a star on one of several lines is an error, with the offset in the joined value", () => {
    const result = ifNoneMatchHeader.parse(['"a"', "*"]);
    expect(!result.ok && result.error).toMatchObject({ code: "invalid-entity-tag", offset: 5 });
  });

  test("serialize reads each member once and refuses bad members", () => {
    let reads = 0;
    const member = {
      weak: false,
      get tag() {
        reads++;
        return reads === 1 ? "ok" : 'bad"';
      },
    };
    expect(ifMatchHeader.serialize([member])).toBe('"ok"');
    expect(() => ifMatchHeader.serialize([strong("a"), "b"] as never)).toThrow(/^typed-headers: cannot serialize if-match/);
    expect(() =>
      ifMatchHeader.serialize(
        new Proxy([], {
          get: () => {
            throw new Error("trap");
          },
        }),
      ),
    ).toThrow(/^typed-headers:/);
  });
});

describe("If-Range (RFC 9110 §13.1.5)", () => {
  test("an entity tag or a date (the RFC's example)", () => {
    expect(ifRangeHeader.parse("Sat, 29 Oct 1994 19:43:31 GMT")).toEqual({ ok: true, value: date("1994-10-29T19:43:31Z") });
    expect(ifRangeHeader.parse('"xyzzy"')).toEqual({ ok: true, value: strong("xyzzy") });
    expect(ifRangeHeader.parse('W/"xyzzy"')).toEqual({ ok: true, value: weak("xyzzy") });
    expect(ifRangeHeader.serialize(strong("xyzzy"))).toBe('"xyzzy"');
    expect(ifRangeHeader.serialize(HttpDate.from("Sat, 29 Oct 1994 19:43:31 GMT"))).toBe("Sat, 29 Oct 1994 19:43:31 GMT");
  });

  test("a list is neither", () => {
    expect(ifRangeHeader.parse('"a", "b"').ok).toBe(false);
    expect(ifRangeHeader.parse("xyzzy")).toMatchObject({ ok: false, error: { code: "invalid-date" } });
  });
});

test("If-Range: a date starting with W (Wed) is a date, not a weak tag", () => {
  expect(ifRangeHeader.parse("Wed, 01 Jan 2020 00:00:00 GMT")).toEqual({ ok: true, value: date("2020-01-01T00:00:00Z") });
  expect(ifRangeHeader.parse('w/"x"')).toMatchObject({ ok: false, error: { code: "invalid-entity-tag" } });
});

test("Retry-After: a malformed delay says what a delay is", () => {
  const result = retryAfterHeader.parse("1.5");
  expect(!result.ok && result.error).toMatchObject({
    code: "invalid-delta-seconds",
    message: expect.stringContaining("a delay in whole seconds"),
  });
});
