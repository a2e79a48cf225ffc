import { headerLaws, parsedValues } from "../../test/header-laws.js";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { anyFieldLines } from "../../test/arbitraries.js";
import { acceptEncodingHeader } from "./accept-encoding.js";
import { acceptLanguageHeader } from "./accept-language.js";

describe("Accept-Encoding", () => {
  test("codings lowercase, weights, order; * and identity as written", () => {
    expect(acceptEncodingHeader.parse("GZip, br;Q=1.0, identity; q=0.5, *;q=0")).toEqual({
      ok: true,
      value: [
        { value: "gzip", weight: 1 },
        { value: "br", weight: 1 },
        { value: "identity", weight: 0.5 },
        { value: "*", weight: 0 },
      ],
    });
    expect(acceptEncodingHeader.parse("")).toEqual({ ok: true, value: [] });
    expect(acceptEncodingHeader.parse(["gzip", "br"])).toEqual({
      ok: true,
      value: [
        { value: "gzip", weight: 1 },
        { value: "br", weight: 1 },
      ],
    });
  });

  test.each([
    ["gzip;level=1", "invalid-parameter", 5],
    ["gzip;q=", "invalid-weight", 7],
    ["gzip;x=", "invalid-parameter", 7],
    ["gzip;q=.5", "invalid-weight", 7],
    ['gzip;q="0.5"', "invalid-weight", 7],
    ["gzip br", "invalid-token", 5],
    ['gz"ip', "invalid-token", 2],
  ])("%j fails with %s at %i", (value, code, offset) => {
    expect(acceptEncodingHeader.parse(value)).toMatchObject({ ok: false, error: { code, offset } });
  });

  test("laws", () => {
    const coding = fc.string({ unit: fc.constantFrom(..."abxyz09-*.".split("")), minLength: 1, maxLength: 6 });
    const weighted = fc.record({ value: coding, weight: fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000) });
    fc.assert(fc.property(anyFieldLines, (value) => void acceptEncodingHeader.parse(value as string)));
    fc.assert(
      fc.property(fc.array(weighted, { maxLength: 4 }), (value) => {
        expect(acceptEncodingHeader.parse(acceptEncodingHeader.serialize(value))).toEqual({ ok: true, value });
      }),
    );
    for (const bad of [
      [{ value: "GZIP", weight: 1 }],
      [{ value: "gzip", weight: 0.0001 }],
      [{ value: "g zip", weight: 1 }],
      {},
    ]) {
      expect(() => acceptEncodingHeader.serialize(bad as never)).toThrow(/^typed-headers: cannot serialize accept-encoding/);
    }
  });
});

describe("Accept-Language", () => {
  test("RFC 4647 language ranges, lowercase", () => {
    expect(acceptLanguageHeader.parse("fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5, zh-Hant-TW, sgn-ch-de")).toEqual({
      ok: true,
      value: [
        { value: "fr-ch", weight: 1 },
        { value: "fr", weight: 0.9 },
        { value: "en", weight: 0.8 },
        { value: "de", weight: 0.7 },
        { value: "*", weight: 0.5 },
        { value: "zh-hant-tw", weight: 1 },
        { value: "sgn-ch-de", weight: 1 },
      ],
    });
  });

  test.each([
    ["en_US", 2],
    ["en-", 3],
    ["-en", 0],
    ["abcdefghi", 8],
    ["1en", 0],
    ["en-*", 3],
    ["*-us", 1],
  ])("%j is not a language range (offset %i)", (value, offset) => {
    expect(acceptLanguageHeader.parse(value)).toMatchObject({ ok: false, error: { code: "invalid-language-range", offset } });
  });

  test("laws", () => {
    const subtag = (digits: boolean) =>
      fc.string({ unit: fc.constantFrom(...(digits ? "abz09" : "abz").split("")), minLength: 1, maxLength: 8 });
    const languageRange = fc.oneof(
      fc.constant("*"),
      fc.tuple(subtag(false), fc.array(subtag(true), { maxLength: 2 })).map(([first, rest]) => [first, ...rest].join("-")),
    );
    const weighted = fc.record({ value: languageRange, weight: fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000) });
    fc.assert(fc.property(anyFieldLines, (value) => void acceptLanguageHeader.parse(value as string)));
    fc.assert(
      fc.property(fc.array(weighted, { maxLength: 4 }), (value) => {
        expect(acceptLanguageHeader.parse(acceptLanguageHeader.serialize(value))).toEqual({ ok: true, value });
      }),
    );
    expect(() => acceptLanguageHeader.serialize([{ value: "en-US", weight: 1 }])).toThrow(TypeError);
  });
});

// The laws of every header, on generated weighted lists.
headerLaws(
  acceptEncodingHeader,
  parsedValues(
    acceptEncodingHeader,
    fc
      .array(
        fc.tuple(fc.constantFrom("gzip", "br", "identity", "*", "deflate", "zstd"), fc.option(fc.integer({ min: 0, max: 1000 }))),
        { minLength: 1, maxLength: 4 },
      )
      .map((members) => members.map(([value, q]) => (q === null ? value : `${value};q=${q / 1000}`)).join(", ")),
  ),
);
headerLaws(
  acceptLanguageHeader,
  parsedValues(
    acceptLanguageHeader,
    fc
      .array(
        fc.tuple(fc.constantFrom("en", "en-us", "fr-ca", "*", "de", "zh-hant-tw"), fc.option(fc.integer({ min: 0, max: 1000 }))),
        { minLength: 1, maxLength: 4 },
      )
      .map((members) => members.map(([value, q]) => (q === null ? value : `${value};q=${q / 1000}`)).join(", ")),
  ),
);
