import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { Origin } from "typed-headers";
import { anyString, originLike, validOrigin } from "../arbitraries.js";
import { isSerializedOrigin } from "../url-oracle.js";

const SPECIAL = /^(http|https|ws|wss|ftp):/;

describe("Origin.parse agrees with the URL Standard for special schemes", () => {
  test("law: Origin.parse(s).ok === (new URL(s).origin === s)", () => {
    fc.assert(
      fc.property(originLike, (s) => {
        fc.pre(SPECIAL.test(s));
        expect(Origin.parse(s).ok).toBe(isSerializedOrigin(s));
      }),
    );
  });

  test("law holds on arbitrary text after a special scheme", () => {
    fc.assert(
      fc.property(fc.constantFrom("http://", "https://", "ws://", "wss://", "ftp://"), anyString, (scheme, rest) => {
        const s = scheme + rest;
        expect(Origin.parse(s).ok).toBe(isSerializedOrigin(s));
      }),
    );
  });

  test("every origin a URL serializes parses to itself", () => {
    fc.assert(
      fc.property(validOrigin, (origin) => {
        expect(Origin.parse(origin)).toEqual({ ok: true, value: origin });
      }),
    );
  });

  test("the generator reaches both outcomes often", () => {
    const sample = fc.sample(
      originLike.filter((s) => SPECIAL.test(s)),
      2000,
    );
    const accepted = sample.filter(isSerializedOrigin).length;
    expect(accepted).toBeGreaterThan(100);
    expect(sample.length - accepted).toBeGreaterThan(100);
  });
});

describe("Origin value type", () => {
  test("is() agrees with parse()", () => {
    fc.assert(
      fc.property(originLike, (s) => {
        expect(Origin.is(s)).toBe(Origin.parse(s).ok);
      }),
    );
  });

  test("from() throws a TypeError naming the type and input", () => {
    expect(() => Origin.from("https://example.com/")).toThrow(/Origin\.from\("https:\/\/example\.com\/"\)/);
    expect(() => Origin.from(42 as unknown as string)).toThrow(TypeError);
  });

  test.each([
    ["chrome-extension://abcdefghijklmnop", true],
    ["moz-extension://1b2c3d4e-aaaa-bbbb-cccc-123456789abc", true],
    ["chrome-extension://ABC", false],
    ["foo://-a", false],
    ["foo://a..b", false],
    ["file://host", false],
    ["blob:https://example.com", false],
    ["data:text/plain,x", false],
    ["https://[::1]", true],
    ["https://[::1]:443", false],
    ["https://[0:0::1]", false],
    ["https://[::ffff:1.2.3.4]", false],
    ["http://192.168.0.1", true],
    ["http://192.168.0.01", false],
    ["http://0x7f.1", false],
    ["https://xn--fa-hia.example", true],
    ["https://faß.example", false],
    // Hosts off the scanner's common shape, decided by the URL parser.
    ["http://*.test:8000", true],
    ["http://a_b.example", true],
    ["http://-a.example", true],
    ["http://a.example.", true],
    ["http://1.2.3.4.", false],
    ["http://a.0x1g", true],
    ["http://%61.example", false],
    ["http://a.example:", false],
    ["http://a.example:0", true],
    ["foo://[::1]:8080", true],
    ["foo://[0::1]", false],
    ["foo://a.example:00", false],
  ])("%s → %s", (s, expected) => {
    expect(Origin.parse(s).ok).toBe(expected);
  });
});
