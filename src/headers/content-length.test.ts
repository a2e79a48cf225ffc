import { headerLaws } from "../../test/header-laws.js";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { anyFieldLines } from "../../test/arbitraries.js";
import { contentLengthHeader } from "./content-length.js";

describe("Content-Length", () => {
  test("digits, leading zeros and OWS allowed, up to 2^53 − 1", () => {
    expect(contentLengthHeader.parse("0")).toEqual({ ok: true, value: 0 });
    expect(contentLengthHeader.parse(" 007 ")).toEqual({ ok: true, value: 7 });
    expect(contentLengthHeader.parse("9007199254740991")).toEqual({ ok: true, value: Number.MAX_SAFE_INTEGER });
    expect(contentLengthHeader.parse("9007199254740992")).toMatchObject({ ok: false, error: { code: "invalid-content-length" } });
    expect(contentLengthHeader.parse("99999999999999999999999999")).toMatchObject({
      ok: false,
      error: { code: "invalid-content-length" },
    });
  });

  test("repeated values (RFC 9110 §8.6, RFC 9112 §6.3): valid only when all are equal", () => {
    expect(contentLengthHeader.parse("42, 42")).toEqual({ ok: true, value: 42 });
    expect(contentLengthHeader.parse(["42", "42", "042"])).toEqual({ ok: true, value: 42 });
    expect(contentLengthHeader.parse("42,,42,")).toEqual({ ok: true, value: 42 });
    expect(contentLengthHeader.parse(["42", "43"])).toMatchObject({
      ok: false,
      error: { code: "conflicting-values", offset: 4 },
    });
    expect(contentLengthHeader.parse("5, 6")).toMatchObject({ ok: false, error: { code: "conflicting-values", offset: 3 } });
  });

  test.each(["", " , ", "-1", "+1", "1.0", "1e3", "0x10", "4 2", "42;", "\u0661"])("%j is an error", (value) => {
    expect(contentLengthHeader.parse(value).ok).toBe(false);
  });

  test("laws", () => {
    fc.assert(fc.property(anyFieldLines, (value) => void contentLengthHeader.parse(value as string)));
    fc.assert(
      fc.property(fc.maxSafeNat(), (n) => {
        expect(contentLengthHeader.parse(contentLengthHeader.serialize(n))).toEqual({ ok: true, value: n });
      }),
    );
    for (const bad of [-1, 1.5, Number.MAX_SAFE_INTEGER + 1, Number.NaN, "5", null]) {
      expect(() => contentLengthHeader.serialize(bad as never)).toThrow(/^typed-headers: cannot serialize content-length/);
    }
  });
});

// The laws of every header, on lengths up to 2^53 - 1.
headerLaws(contentLengthHeader, fc.oneof(fc.nat(), fc.constant(Number.MAX_SAFE_INTEGER)));
