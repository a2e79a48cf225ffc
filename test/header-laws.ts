// The laws every header obeys (DESIGN §8), run by each header's tests beside its module:
// `headerLaws(codec, validValues)`. test/headers/list.test.ts checks that every header in the
// list calls it.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { parseHeader, serializeHeader, type HeaderCodec } from "typed-headers";
import { anyFieldLines, headerish } from "./arbitraries.js";

/** What `f()` returns, or the message of the TypeError it throws. */
function outcome(f: () => unknown): unknown {
  try {
    return f();
  } catch (error) {
    return error instanceof TypeError ? `TypeError: ${error.message}` : error;
  }
}

/** Whether `s` can be sent as a field value. */
export function isFieldValue(s: string): boolean {
  return !/[\r\n\0]|[^\u0000-\u00ff]|^[ \t]|[ \t]$/u.test(s);
}

/**
 * Runs the laws on `codec`: parse never throws, round trip, canonical form stable, serializer
 * output a valid field value or a TypeError, and the registry dispatching to exactly this codec.
 * `valid` generates typed values as the parser can produce them.
 */
export function headerLaws<Value>(
  codec: HeaderCodec<string, Value>,
  valid: fc.Arbitrary<Value>,
  options: {
    /**
     * The parser reads values the serializer refuses to write (cookies: browsers store names and
     * values no server may send): the fixed-point law then holds for the values it writes, and a
     * refusal must be the library's TypeError.
     */
    readonly lenientParse?: boolean;
  } = {},
): void {
  const name = codec.name;
  const serialize = (value: unknown) => codec.serialize(value as Value);

  /** Raw lines likely to parse: valid serializations, padded, repeated, or near-miss text. */
  const nearValidLines = fc.oneof(
    valid.map((v) => [serialize(v)]),
    fc.array(valid.map(serialize), { minLength: 1, maxLength: 3 }),
    fc.array(headerish, { minLength: 1, maxLength: 3 }),
    fc.tuple(valid, fc.constantFrom(" ", "\t", ",", " , ")).map(([v, pad]) => [`${pad}${serialize(v)}${pad}`]),
  );

  describe(`${name}: the laws of every header`, () => {
    test("parse never throws, whatever it is given, and names the header in errors", () => {
      fc.assert(
        fc.property(anyFieldLines, (value) => {
          const result = codec.parse(value as never);
          expect(typeof result.ok).toBe("boolean");
          if (!result.ok) {
            expect(result.error.header).toBe(name);
            expect(result.error.message).not.toBe("");
          }
        }),
      );
    });

    test("parse(serialize(v)) deep-equals v", () => {
      fc.assert(
        fc.property(valid, (value) => {
          expect(codec.parse(serialize(value))).toEqual({ ok: true, value });
        }),
      );
    });

    test("serialize(parse(x).value) is a fixed point", () => {
      fc.assert(
        fc.property(nearValidLines, (lines) => {
          const parsed = codec.parse(lines);
          if (!parsed.ok) return;
          let canonical: string;
          try {
            canonical = serialize(parsed.value);
          } catch (error) {
            if (!options.lenientParse) throw error;
            expect((error as TypeError).message).toMatch(/^typed-headers: /);
            return;
          }
          const again = codec.parse(canonical);
          expect(again).toEqual(parsed);
          expect(serialize((again as { value: unknown }).value)).toBe(canonical);
        }),
      );
    });

    test("serializer output is always a valid field value, or the library's TypeError", () => {
      fc.assert(
        fc.property(fc.oneof(valid, fc.anything(), fc.array(headerish, { maxLength: 6 }), headerish), (value) => {
          let output: string;
          try {
            output = serialize(value);
          } catch (error) {
            expect(error).toBeInstanceOf(TypeError);
            expect((error as TypeError).message).toMatch(/^typed-headers: /);
            return;
          }
          expect(isFieldValue(output)).toBe(true);
        }),
      );
    });

    test("each parse hands out its own value, however often a line comes again", () => {
      fc.assert(
        fc.property(valid, (value) => {
          const line = outcome(() => serialize(value));
          if (typeof line !== "string") return; // lenientParse: a value the serializer refuses
          // Built apart, as each request's header arrives: equal text, not the same string.
          const again = `${line.slice(0, 1)}${line.slice(1)}`;
          const first = codec.parse(line);
          const second = codec.parse(again);
          expect(second).toEqual(first);
          if (!first.ok || !Array.isArray(first.value) || Object.isFrozen(first.value)) return;
          // Against its readonly type, a caller changes its array: no later parse may see it.
          expect(second.ok && second.value).not.toBe(first.value);
          (first.value as unknown[]).push("changed by a caller");
          expect(codec.parse(again)).toEqual(second);
        }),
      );
    });

    test("parseHeader and serializeHeader dispatch to this codec", () => {
      fc.assert(
        fc.property(fc.oneof(anyFieldLines, nearValidLines), (value) => {
          expect(parseHeader(name as never, value as never)).toEqual(codec.parse(value as never));
        }),
      );
      fc.assert(
        fc.property(fc.oneof(valid, fc.anything(), headerish), (value) => {
          expect(outcome(() => serializeHeader(name as never, value as never))).toEqual(outcome(() => serialize(value)));
        }),
      );
    });
  });
}

/**
 * Typed values as the parser produces them from `lines`: for headers whose values are easiest to
 * generate as text (each sample that does not parse is skipped).
 */
export function parsedValues<Value>(codec: HeaderCodec<string, Value>, lines: fc.Arbitrary<string>): fc.Arbitrary<Value> {
  return lines
    .map((line) => codec.parse(line))
    .filter((result): result is { readonly ok: true; readonly value: Value } => result.ok)
    .map((result) => result.value);
}
