import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { resolveRanges } from "../../conditional/resolve-ranges.js";
import { acceptRangesHeader } from "./accept-ranges.js";
import { contentRangeHeader, type ContentRange } from "./content-range.js";
import { rangeHeader, type Range } from "./range.js";

interface Vector {
  name: string;
  size: number;
  range: string;
  content_range?: string;
}
const vectors = JSON.parse(
  readFileSync(new URL("../../../test/fixtures/fetch-range/blob-range-vectors.json", import.meta.url), "utf8"),
) as {
  supported: Vector[];
  unsupported: Vector[];
};

describe("Fetch range vectors (WPT fetch/range/blob.any.js)", () => {
  test("all 23 are here", () => {
    expect(vectors.supported.length + vectors.unsupported.length).toBe(23);
  });

  test.each(vectors.supported)("$name: $range of $size bytes → $content_range", ({ size, range, content_range }) => {
    const parsed = rangeHeader.parse(range);
    expect(parsed.ok).toBe(true);
    const resolved = parsed.ok ? resolveRanges(parsed.value, size) : null;
    expect(resolved).toHaveLength(1);
    const [first] = resolved!;
    expect(contentRangeHeader.serialize({ unit: "bytes", range: first!, size })).toBe(content_range);
  });

  // Fetch serves one range from a blob; RFC 9110 lets a server send several. Which of the
  // unsupported cases fail where (parse, or resolve to 416), and which are valid RFC range sets:
  const multipleRanges = new Set(["bytes=0-5,15-", "bytes=0-5, 15-"]);
  const emptyMemberAfterRange = new Set(["bytes=0-5,"]); // #rule: empty members are ignored (RFC 9110 §5.6.1)
  const unsatisfiable = new Set(["bytes=100000-", "bytes=13-"]);

  test.each(vectors.unsupported)("$name: $range of $size bytes", ({ size, range }) => {
    const parsed = rangeHeader.parse(range);
    if (multipleRanges.has(range)) {
      // A valid range-set of two ranges: a server may answer 206 multipart; Fetch's blob reader does not.
      expect(parsed.ok && "ranges" in parsed.value && parsed.value.ranges.length).toBe(2);
    } else if (emptyMemberAfterRange.has(range)) {
      // One range and an empty list member, which RFC 9110 §5.6.1 says recipients ignore.
      expect(parsed).toEqual({ ok: true, value: { unit: "bytes", ranges: [{ first: 0, last: 5 }] } });
    } else if (unsatisfiable.has(range)) {
      expect(parsed.ok && resolveRanges(parsed.value, size)).toBeNull();
    } else {
      expect(parsed).toMatchObject({ ok: false, error: { code: "invalid-range" } });
    }
  });
});

describe("Range (RFC 9110 §14.2, §14.1.2)", () => {
  test.each<[string, Range]>([
    ["bytes=0-499", { unit: "bytes", ranges: [{ first: 0, last: 499 }] }],
    ["bytes=500-999", { unit: "bytes", ranges: [{ first: 500, last: 999 }] }],
    ["bytes=-500", { unit: "bytes", ranges: [{ suffix: 500 }] }],
    ["bytes=9500-", { unit: "bytes", ranges: [{ first: 9500 }] }],
    ["bytes=0-0,-1", { unit: "bytes", ranges: [{ first: 0, last: 0 }, { suffix: 1 }] }],
    [
      "bytes=0-999, 4500-5499, -1000",
      { unit: "bytes", ranges: [{ first: 0, last: 999 }, { first: 4500, last: 5499 }, { suffix: 1000 }] },
    ],
    [
      "bytes=500-600,601-999",
      {
        unit: "bytes",
        ranges: [
          { first: 500, last: 600 },
          { first: 601, last: 999 },
        ],
      },
    ],
    [
      "bytes=500-700,601-999",
      {
        unit: "bytes",
        ranges: [
          { first: 500, last: 700 },
          { first: 601, last: 999 },
        ],
      },
    ],
  ])("the RFC's example %s", (input, value) => {
    expect(rangeHeader.parse(input)).toEqual({ ok: true, value });
  });

  test("the unit is case-insensitive; serialization is canonical", () => {
    const parsed = rangeHeader.parse("Bytes = 0-499 ,, -500");
    expect(parsed).toEqual({ ok: true, value: { unit: "bytes", ranges: [{ first: 0, last: 499 }, { suffix: 500 }] } });
    expect(parsed.ok && rangeHeader.serialize(parsed.value)).toBe("bytes=0-499, -500");
  });

  test("numerals of any length parse (§14.1.2); beyond 2^53 - 1 they read as 2^53 - 1", () => {
    expect(rangeHeader.parse("bytes=0-99999999999999999999999")).toEqual({
      ok: true,
      value: { unit: "bytes", ranges: [{ first: 0, last: Number.MAX_SAFE_INTEGER }] },
    });
    expect(rangeHeader.parse("bytes=000000000000000000000001-2").ok).toBe(true);
    // Both past the cap: the digits still decide whether last < first.
    expect(rangeHeader.parse("bytes=99999999999999999999-99999999999999999998").ok).toBe(false);
    expect(rangeHeader.parse("bytes=99999999999999999998-99999999999999999999").ok).toBe(true);
  });

  test.each([
    "bytes=10-5",
    "bytes=-",
    "bytes=",
    "bytes=,",
    "bytes=1-2-3",
    "bytes=--1",
    "bytes=1.5-2",
    "bytes=0x1-2",
    "=0-1",
    "bytes 0-1",
    "bytes=-1-",
  ])("rejects %j", (input) => {
    expect(rangeHeader.parse(input)).toMatchObject({ ok: false, error: { code: "invalid-range" } });
  });

  /**
   * The grammar above, written the slow way (regular expressions per member, BigInt numbers):
   * the parser's value, or "invalid", or "other" for a valid unit other than bytes.
   */
  function reference(value: string): Range | "invalid" | "other" {
    const specifier = /^[ \t]*([!#$%&'*+\-.^_`|~0-9A-Za-z]+)[ \t]*=(.*)$/s.exec(value);
    if (specifier === null) return "invalid";
    if (specifier[1]!.toLowerCase() !== "bytes") return "other";
    const members = specifier[2]!.split(",").map((member) => member.replace(/^[ \t]+|[ \t]+$/g, ""));
    const ranges: ({ first: number; last?: number } | { suffix: number })[] = [];
    const cap = (digits: string) => Number(BigInt(digits) > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : digits);
    for (const member of members.filter((m) => m !== "")) {
      const spec = /^([0-9]*)[ \t]*-[ \t]*([0-9]*)$/.exec(member);
      if (spec === null) return "invalid";
      const [, first = "", last = ""] = spec;
      if (first === "" && last === "") return "invalid";
      if (first === "") ranges.push({ suffix: cap(last) });
      else if (last === "") ranges.push({ first: cap(first) });
      else if (BigInt(last) < BigInt(first)) return "invalid";
      else ranges.push({ first: cap(first), last: cap(last) });
    }
    return ranges.length === 0 ? "invalid" : { unit: "bytes", ranges };
  }

  test("a line parses alike as a string (its fast path) and as a one-line array (the general path), errors included", () => {
    for (const value of ["bytes=0-499", "bytes= ", "bytes=\t", "bytes=0-1 ", "bytes=5-1", "Bytes=-5", "bytes=,"]) {
      expect(rangeHeader.parse(value)).toEqual(rangeHeader.parse([value]));
    }
    expect(rangeHeader.parse("bytes= ")).toMatchObject({ ok: false, error: { offset: 6 } });
  });

  test("agrees with the grammar written the slow way, on strings made of its parts", () => {
    const prefix = fc.constantFrom("bytes=", "Bytes =", " bytes= ", "BYTES\t=\t", "items=", "bytes", "=", "");
    const part = fc.constantFrom(
      ..."bytes=-, \t0159".split(""),
      "499",
      "0-499",
      "-500",
      "9500-",
      "007",
      "99999999999999999999",
      "99999999999999999998",
      "99999999999999999999-99999999999999999998",
      "x",
      '"',
    );
    fc.assert(
      fc.property(prefix, fc.array(part, { maxLength: 10 }), (start, parts) => {
        const value = start + parts.join("");
        const parsed = rangeHeader.parse(value);
        // A one-line array takes the general path (trims, then the scanner): the string's fast
        // path must give the same result, errors and offsets included.
        expect(parsed).toEqual(rangeHeader.parse([value]));
        const expected = reference(value);
        if (expected === "invalid") expect(parsed).toMatchObject({ ok: false, error: { code: "invalid-range" } });
        else if (expected === "other") expect(parsed.ok && "ranges" in parsed.value).toBe(false);
        else expect(parsed).toEqual({ ok: true, value: expected });
      }),
    );
  });

  test("other units keep their range-set as text", () => {
    expect(rangeHeader.parse("Items=0-9,x")).toEqual({ ok: true, value: { unit: "items", value: "0-9,x" } });
    expect(rangeHeader.serialize({ unit: "items", value: "0-9,x" })).toBe("items=0-9,x");
    expect(rangeHeader.parse("items=a b").ok).toBe(false);
    expect(rangeHeader.parse("items=").ok).toBe(false);
  });

  test("serialize refuses invalid ranges with the library's TypeError", () => {
    for (const value of [
      { unit: "bytes", ranges: [] },
      { unit: "bytes", ranges: [{ first: 5, last: 4 }] },
      { unit: "bytes", ranges: [{ first: -1 }] },
      { unit: "bytes", ranges: [{ first: 1, suffix: 1 }] },
      { unit: "bytes", ranges: [{ suffix: 1.5 }] },
      { unit: "bytes", value: "0-1" },
      { unit: "Items", value: "1" },
      { unit: "items", value: " 1" },
      null,
    ]) {
      expect(() => rangeHeader.serialize(value as never)).toThrow(/^typed-headers: cannot serialize range/);
    }
  });
});

describe("resolveRanges (RFC 9110 §14.1.1, §14.1.2)", () => {
  const bytes = (...ranges: ({ first: number; last?: number } | { suffix: number })[]): Range => ({ unit: "bytes", ranges });

  test("the examples of §14.1.2 for a 10000-byte representation", () => {
    expect(resolveRanges(bytes({ first: 0, last: 499 }), 10000)).toEqual([{ first: 0, last: 499 }]);
    expect(resolveRanges(bytes({ first: 500, last: 999 }), 10000)).toEqual([{ first: 500, last: 999 }]);
    expect(resolveRanges(bytes({ suffix: 500 }), 10000)).toEqual([{ first: 9500, last: 9999 }]);
    expect(resolveRanges(bytes({ first: 9500 }), 10000)).toEqual([{ first: 9500, last: 9999 }]);
    expect(resolveRanges(bytes({ first: 0, last: 0 }, { suffix: 1 }), 10000)).toEqual([
      { first: 0, last: 0 },
      { first: 9999, last: 9999 },
    ]);
  });

  test("last is cut to the representation; a longer suffix selects it all", () => {
    expect(resolveRanges(bytes({ first: 5, last: 1e15 }), 10)).toEqual([{ first: 5, last: 9 }]);
    expect(resolveRanges(bytes({ suffix: 100 }), 10)).toEqual([{ first: 0, last: 9 }]);
  });

  test("unsatisfiable ranges are dropped; none satisfiable is null (416)", () => {
    expect(resolveRanges(bytes({ first: 10 }, { first: 2, last: 3 }), 10)).toEqual([{ first: 2, last: 3 }]);
    expect(resolveRanges(bytes({ first: 10 }), 10)).toBeNull();
    expect(resolveRanges(bytes({ suffix: 0 }), 10)).toBeNull();
    expect(resolveRanges(bytes({ first: 0 }), 0)).toBeNull();
  });

  test("a non-zero suffix is satisfiable on an empty representation and selects nothing: [] (not 416)", () => {
    expect(resolveRanges(bytes({ suffix: 1 }), 0)).toEqual([]);
    expect(resolveRanges(bytes({ suffix: 0 }), 0)).toBeNull();
  });

  test("overlapping and out-of-order ranges are kept as requested (coalescing is the caller's choice)", () => {
    expect(resolveRanges(bytes({ first: 5, last: 9 }, { first: 0, last: 6 }, { first: 0, last: 6 }), 10)).toEqual([
      { first: 5, last: 9 },
      { first: 0, last: 6 },
      { first: 0, last: 6 },
    ]);
  });

  test("other units, bad sizes and bad specs are programming errors: TypeError", () => {
    expect(() => resolveRanges({ unit: "items", value: "0-1" }, 10)).toThrow(
      /^typed-headers: resolveRanges resolves byte ranges/,
    );
    for (const size of [-1, 1.5, NaN, Infinity, "10"])
      expect(() => resolveRanges(bytes({ first: 0 }), size as never)).toThrow(TypeError);
    expect(() => resolveRanges(bytes({ first: -1 }), 10)).toThrow(TypeError);
    expect(() => resolveRanges(bytes({ first: 3, last: 2 }), 10)).toThrow(TypeError);
  });
});

describe("Content-Range (RFC 9110 §14.4)", () => {
  test.each<[string, ContentRange]>([
    ["bytes 42-1233/1234", { unit: "bytes", range: { first: 42, last: 1233 }, size: 1234 }],
    ["bytes 42-1233/*", { unit: "bytes", range: { first: 42, last: 1233 }, size: null }],
    ["bytes */1234", { unit: "bytes", range: null, size: 1234 }],
    ["bytes 21010-47021/47022", { unit: "bytes", range: { first: 21010, last: 47021 }, size: 47022 }],
  ])("the RFC's example %s", (input, value) => {
    expect(contentRangeHeader.parse(input)).toEqual({ ok: true, value });
    expect(contentRangeHeader.serialize(value)).toBe(input);
  });

  test.each([
    "bytes 5-4/10",
    "bytes 0-9/9",
    "bytes 0-9/10x",
    "bytes  0-9/10",
    "bytes=0-9/10",
    "bytes 0-9",
    "bytes */*",
    "bytes *-9/10",
    "bytes -9/10",
    "bytes 0-/10",
    "0-9/10",
  ])("rejects %j", (input) => {
    expect(contentRangeHeader.parse(input)).toMatchObject({
      ok: false,
      error: { code: "invalid-content-range" },
    });
  });

  test("serialize refuses contradictions", () => {
    for (const value of [
      { unit: "bytes", range: { first: 5, last: 4 }, size: 10 },
      { unit: "bytes", range: { first: 0, last: 9 }, size: 9 },
      { unit: "bytes", range: null, size: null },
      { unit: "Bytes", range: null, size: 1 },
    ]) {
      expect(() => contentRangeHeader.serialize(value as never)).toThrow(/^typed-headers: cannot serialize content-range/);
    }
  });
});

describe("Accept-Ranges (RFC 9110 §14.3)", () => {
  test("the RFC's examples, units lowercased", () => {
    expect(acceptRangesHeader.parse("bytes")).toEqual({ ok: true, value: ["bytes"] });
    expect(acceptRangesHeader.parse("none")).toEqual({ ok: true, value: ["none"] });
    expect(acceptRangesHeader.parse("Bytes, items")).toEqual({ ok: true, value: ["bytes", "items"] });
    expect(acceptRangesHeader.parse("").ok).toBe(false);
    expect(acceptRangesHeader.serialize(["bytes"])).toBe("bytes");
  });
});
