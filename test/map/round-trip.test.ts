// Round trips: Node rawHeaders → HeaderMap → toEntries / toObject / toHeaders keep every value.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { HeaderMap } from "typed-headers";
import { token } from "../arbitraries.js";

const name = fc.oneof(token, fc.constantFrom("__proto__", "constructor", "Set-Cookie", "Vary", "toString"));
const value = fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)), maxLength: 20 });
const rawHeaders = fc.array(fc.tuple(name, value), { maxLength: 20 }).map((pairs) => pairs.flat());

function pairsOf(raw: readonly string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i < raw.length; i += 2) pairs.push([(raw[i] as string).toLowerCase(), raw[i + 1] as string]);
  return pairs;
}

describe("rawHeaders round trips", () => {
  test("toEntries keeps every line, in order, names lowercased", () => {
    fc.assert(
      fc.property(rawHeaders, (raw) => {
        expect(HeaderMap.from(raw).toEntries()).toEqual(pairsOf(raw));
      }),
    );
  });

  test("toObject keeps every value of every name, in order", () => {
    fc.assert(
      fc.property(rawHeaders, (raw) => {
        const record = HeaderMap.from(raw).toObject();
        for (const [key] of pairsOf(raw)) {
          const lines = pairsOf(raw)
            .filter(([k]) => k === key)
            .map(([, v]) => v);
          expect(Object.hasOwn(record, key)).toBe(true);
          expect(record[key]).toEqual(lines.length === 1 ? lines[0] : lines);
        }
        expect(Object.keys(record).length).toBe(new Set(pairsOf(raw).map(([k]) => k)).size);
      }),
    );
  });

  test("toHeaders keeps every value (combined by name, as Fetch does)", () => {
    const trim = (v: string) => v.replace(/^[ \t]+|[ \t]+$/g, "");
    fc.assert(
      fc.property(rawHeaders, (raw) => {
        const headers = HeaderMap.from(raw).toHeaders();
        for (const [key] of pairsOf(raw)) {
          const lines = pairsOf(raw)
            .filter(([k]) => k === key)
            .map(([, v]) => trim(v));
          if (key === "set-cookie") expect(headers.getSetCookie()).toEqual(lines);
          else expect(headers.get(key)).toBe(lines.join(", "));
        }
      }),
    );
  });

  test("a map made from any output reads the same as the original", () => {
    fc.assert(
      fc.property(rawHeaders, name, (raw, probe) => {
        const map = HeaderMap.from(raw);
        for (const copy of [HeaderMap.from(map.toEntries()), HeaderMap.from(map.toObject()), HeaderMap.from(map)]) {
          expect(copy.getAll(probe)).toEqual(map.getAll(probe));
        }
      }),
    );
  });
});
