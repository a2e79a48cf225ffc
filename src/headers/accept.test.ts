import { headerLaws, parsedValues } from "../../test/header-laws.js";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { anyFieldLines } from "../../test/arbitraries.js";
import { acceptHeader, type MediaRange } from "./accept.js";

const range = (type: string, subtype: string, weight = 1, parameters: [string, string][] = []): MediaRange => ({
  type,
  subtype,
  parameters: new Map(parameters),
  weight,
});

describe("Accept", () => {
  test("a browser's navigation Accept, in order, lowercase, weights and parameters apart", () => {
    const chromium =
      "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7";
    expect(acceptHeader.parse(chromium)).toEqual({
      ok: true,
      value: [
        range("text", "html"),
        range("application", "xhtml+xml"),
        range("application", "xml", 0.9),
        range("image", "avif"),
        range("image", "webp"),
        range("image", "apng"),
        range("*", "*", 0.8),
        range("application", "signed-exchange", 0.7, [["v", "b3"]]),
      ],
    });
  });

  test("RFC 9110 grammar: OWS around ';', quoted values, q anywhere and in any case, empty members", () => {
    expect(acceptHeader.parse('Text/HTML ; Level="1;2" ;Q=0.5 ,, audio/*')).toEqual({
      ok: true,
      value: [range("text", "html", 0.5, [["level", "1;2"]]), range("audio", "*")],
    });
    expect(acceptHeader.parse(["text/html", "application/json;q=0"])).toEqual({
      ok: true,
      value: [range("text", "html"), range("application", "json", 0)],
    });
    expect(acceptHeader.parse("")).toEqual({ ok: true, value: [] });
  });

  test.each([
    ["*/html", "invalid-media-range", 2],
    ["text", "invalid-media-range", 4],
    ["text/", "invalid-media-range", 5],
    ["text/html x", "invalid-media-range", 10],
    ["text/html;q=1.5", "invalid-weight", 12],
    ["text/html;q=0.1234", "invalid-weight", 12],
    ["text/html;q=0.5;q=1", "invalid-weight", 16],
    ["text/html;level", "invalid-parameter", 15],
    ["text/html;level = 1", "invalid-parameter", 15],
    ['text/html;level="1', "invalid-parameter", 18],
    ["text/html, json", "invalid-media-range", 15],
    ["text/html\r\n", "invalid-character", 9],
  ])("%j fails with %s at %i", (value, code, offset) => {
    expect(acceptHeader.parse(value)).toMatchObject({ ok: false, error: { code, offset, header: "accept" } });
  });

  test("serializes canonically", () => {
    expect(
      acceptHeader.serialize([
        range("text", "html"),
        range("*", "*", 0.8),
        range("text", "plain", 0.25, [
          ["format", "flowed"],
          ["x", "a b"],
        ]),
      ]),
    ).toBe('text/html, */*;q=0.8, text/plain;format=flowed;x="a b";q=0.25');
    for (const bad of [
      [range("*", "html")],
      [range("text", "html", 2)],
      [range("text", "html", 1, [["q", "1"]])],
      [range("Text", "html")],
      "text/html",
      [null],
    ]) {
      expect(() => acceptHeader.serialize(bad as never)).toThrow(/^typed-headers: cannot serialize accept/);
    }
  });

  const tchar = fc.constantFrom(..."abz09-+.!#$%&'^_`|~".split(""));
  const token = fc.string({ unit: tchar, minLength: 1, maxLength: 6 });
  const weight = fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000);
  const mediaRange = fc
    .tuple(
      fc.oneof(token, fc.constant("*")),
      token,
      weight,
      fc.uniqueArray(
        fc.tuple(
          token.filter((n) => n !== "q"),
          fc.string({ maxLength: 5 }).filter((v) => /^[\t\x20-\x7e]*$/.test(v)),
        ),
        { selector: ([n]) => n, maxLength: 3 },
      ),
    )
    .map(([type, subtype, w, parameters]) => range(type, type === "*" ? "*" : subtype, w, parameters));

  test("laws: never throws; round trip; output is a field value", () => {
    fc.assert(fc.property(anyFieldLines, (value) => void acceptHeader.parse(value as string)));
    fc.assert(
      fc.property(fc.array(mediaRange, { maxLength: 4 }), (value) => {
        const text = acceptHeader.serialize(value);
        expect(text).not.toMatch(/^[ \t]|[ \t]$|[\r\n\0\u0100-\uffff]/);
        expect(acceptHeader.parse(text)).toEqual({ ok: true, value });
      }),
    );
  });
});

// The laws of every header, on media ranges built from generated members.
headerLaws(
  acceptHeader,
  parsedValues(
    acceptHeader,
    fc
      .array(
        fc.tuple(
          fc.constantFrom("text/html", "*/*", "image/*", "application/json;v=1", "text/plain;charset=utf-8"),
          fc.option(fc.integer({ min: 0, max: 1000 })),
        ),
        { minLength: 1, maxLength: 4 },
      )
      .map((members) => members.map(([range, q]) => (q === null ? range : `${range};q=${q / 1000}`)).join(", ")),
  ),
);
