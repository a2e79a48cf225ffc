import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { DeltaSeconds, FieldName, Method } from "typed-headers";
import { anyString, token } from "../arbitraries.js";

describe("Method", () => {
  test("parse keeps case; from throws on non-tokens", () => {
    expect(Method.parse("patch")).toEqual({ ok: true, value: "patch" });
    expect(Method.from("PURGE")).toBe("PURGE");
    expect(() => Method.from("GE T")).toThrow(/^typed-headers: Method\.from\("GE T"\)/);
    expect(Method.parse("").ok).toBe(false);
  });

  test("is() is parse().ok for every string", () => {
    fc.assert(
      fc.property(fc.oneof(token, anyString), (s) => {
        expect(Method.is(s)).toBe(Method.parse(s).ok);
      }),
    );
  });
});

describe("FieldName", () => {
  test("from lowercases; is() requires the lowercase form", () => {
    expect(FieldName.from("X-Foo")).toBe("x-foo");
    expect(FieldName.is("X-Foo")).toBe(false);
    expect(FieldName.is("x-foo")).toBe(true);
    expect(FieldName.is(5)).toBe(false);
    expect(() => FieldName.from("x foo")).toThrow(TypeError);
  });

  test("parse(s).value is always accepted by is()", () => {
    fc.assert(
      fc.property(fc.oneof(token, anyString), (s) => {
        const result = FieldName.parse(s);
        if (result.ok) expect(FieldName.is(result.value)).toBe(true);
      }),
    );
  });
});

describe("DeltaSeconds", () => {
  test("from accepts integers in range and numeric strings", () => {
    expect(DeltaSeconds.from(0)).toBe(0);
    expect(DeltaSeconds.from(2147483648)).toBe(2147483648);
    expect(DeltaSeconds.from("0600")).toBe(600);
    for (const bad of [-1, 1.5, 2147483649, Number.NaN, Infinity]) {
      expect(() => DeltaSeconds.from(bad)).toThrow(/^typed-headers: DeltaSeconds\.from/);
    }
    expect(() => DeltaSeconds.from("-1")).toThrow(TypeError);
  });

  test("parse of decimal digits equals the number, clamped to 2^31", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 30n }), (n) => {
        const expected = n > 2147483648n ? 2147483648 : Number(n);
        expect(DeltaSeconds.parse(n.toString())).toEqual({ ok: true, value: expected });
      }),
    );
  });
});
