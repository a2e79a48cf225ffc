import { describe, expect, test } from "vitest";
import { defineHeader, Origin, parseHeader, serializeHeader } from "typed-headers";
import { timingAllowOrigin } from "./timing-allow-origin.js";

describe("defineHeader: a header from outside src/", () => {
  test("is registered under its lowercase name", () => {
    expect(timingAllowOrigin.name).toBe("timing-allow-origin");
  });

  test("parses through parseHeader in any casing", () => {
    expect(parseHeader("Timing-Allow-Origin", "https://a.example, null")).toEqual({
      ok: true,
      value: ["https://a.example", "null"],
    });
    expect(parseHeader("timing-allow-origin", ["https://a.example", "*"])).toEqual({ ok: true, value: "*" });
  });

  test("its errors carry the header name and the registry's prefix", () => {
    const result = parseHeader("timing-allow-origin", "https://a.example/");
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatchObject({ code: "invalid-origin", header: "timing-allow-origin" });
    expect(!result.ok && result.error.message).toMatch(/^Timing-Allow-Origin: /);
  });

  test("the registry still rejects CR/LF/NUL before the custom parser runs", () => {
    const result = parseHeader("timing-allow-origin", "*\r\nset-cookie: a=b");
    expect(!result.ok && result.error.code).toBe("invalid-character");
  });

  test("serializes through serializeHeader", () => {
    expect(serializeHeader("timing-allow-origin", [Origin.from("https://a.example"), "null"])).toBe("https://a.example, null");
    expect(() => serializeHeader("timing-allow-origin", [] as never)).toThrow(TypeError);
  });

  test("a serializer that emits an invalid field value is caught by the registry", () => {
    defineHeader({
      name: "x-test-bad-serializer",
      parse: (lines) => ({ ok: true, value: lines[0] ?? "" }),
      serialize: (value: string) => value,
    });
    expect(() => serializeHeader("x-test-bad-serializer" as string, "a\r\nb")).toThrow(/not a valid field value/);
    expect(() => serializeHeader("x-test-bad-serializer" as string, " padded")).toThrow(TypeError);
  });

  test("refuses invalid names, duplicates and built-ins", () => {
    const parse = () => ({ ok: true as const, value: 1 });
    const serialize = () => "1";
    expect(() => defineHeader({ name: "bad name", parse, serialize })).toThrow(TypeError);
    expect(() => defineHeader({ name: "Origin", parse, serialize })).toThrow(/already registered/);
    expect(() => defineHeader({ name: "TIMING-ALLOW-ORIGIN", parse, serialize })).toThrow(/already registered/);
  });
});
