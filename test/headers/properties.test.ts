// Laws every registered header obeys (DESIGN §8): never throws, round trip, canonical form is
// stable, serializer output is a valid field value.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import * as codecs from "typed-headers/headers";
import { DeltaSeconds, parseHeader, serializeHeader, type HeaderCodec, type HeaderName } from "typed-headers";
import { anyFieldLines, fieldName, headerish, token, validOrigin } from "../arbitraries.js";

const originOrNull = fc.oneof(validOrigin, fc.constant("null"));
const list = <T>(member: fc.Arbitrary<T>) => fc.array(member, { maxLength: 6 });
const star = fc.constant("*");

/** Valid typed values of each header, as the parser can produce them. */
const valid = {
  origin: originOrNull,
  "access-control-request-method": token,
  "access-control-request-headers": fc.array(fieldName, { minLength: 1, maxLength: 6 }),
  "access-control-request-private-network": fc.constant(true),
  "access-control-allow-origin": fc.oneof(originOrNull, star),
  "access-control-allow-credentials": fc.constant(true),
  "access-control-allow-methods": list(fc.oneof(token, star)),
  "access-control-allow-headers": list(fc.oneof(fieldName, star)),
  "access-control-expose-headers": list(fc.oneof(fieldName, star)),
  "access-control-max-age": fc.integer({ min: 0, max: 2147483648 }).map((n) => DeltaSeconds.from(n)),
  "access-control-allow-private-network": fc.constant(true),
  vary: fc.oneof(star, list(fieldName.filter((n) => n !== "*"))),
} satisfies Partial<Record<HeaderName, fc.Arbitrary<unknown>>>;

type BuiltinName = keyof typeof valid;
const names = Object.keys(valid) as BuiltinName[];

/** The standalone codec of each built-in header (typed-headers/headers, which also exports the value types), by name. */
const codecList = Object.values(codecs).filter((x) => "serialize" in x) as unknown as HeaderCodec<string, unknown>[];
const codecByName = new Map(codecList.map((codec) => [codec.name, codec]));

/** What `f()` returns, or the message of the TypeError it throws. */
function outcome(f: () => unknown): unknown {
  try {
    return f();
  } catch (error) {
    return error instanceof TypeError ? `TypeError: ${error.message}` : error;
  }
}

/** Raw lines likely to parse for some header: valid serializations, mutated a little. */
const nearValidLines = (name: BuiltinName) =>
  fc.oneof(
    (valid[name] as fc.Arbitrary<unknown>).map((v) => [serializeHeader(name, v as never)]),
    fc.array((valid[name] as fc.Arbitrary<unknown>).map((v) => serializeHeader(name, v as never)), { minLength: 1, maxLength: 3 }),
    fc.array(headerish, { minLength: 1, maxLength: 3 }),
    fc.tuple(valid[name], fc.constantFrom(" ", "\t", ",", " , ")).map(([v, pad]) => [
      `${pad}${serializeHeader(name, v as never)}${pad}`,
    ]),
  );

function isFieldValue(s: string): boolean {
  return !/[\r\n\0]|[^\u0000-\u00ff]|^[ \t]|[ \t]$/u.test(s);
}

describe.each(names)("%s", (name) => {
  test("parse never throws, whatever it is given", () => {
    fc.assert(
      fc.property(anyFieldLines, (value) => {
        const result = parseHeader(name, value as never);
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
      fc.property(valid[name], (value) => {
        expect(parseHeader(name, serializeHeader(name, value as never))).toEqual({ ok: true, value });
      }),
    );
  });

  test("serialize(parse(x).value) is a fixed point", () => {
    fc.assert(
      fc.property(nearValidLines(name), (lines) => {
        const parsed = parseHeader(name, lines);
        if (!parsed.ok) return;
        const canonical = serializeHeader(name, parsed.value as never);
        const again = parseHeader(name, canonical);
        expect(again).toEqual(parsed);
        expect(serializeHeader(name, (again as { value: unknown }).value as never)).toBe(canonical);
      }),
    );
  });

  test("serializer output is always a valid field value, or a TypeError", () => {
    fc.assert(
      fc.property(fc.oneof(valid[name], fc.anything(), list(headerish), headerish), (value) => {
        let output: string;
        try {
          output = serializeHeader(name, value as never);
        } catch (error) {
          expect(error).toBeInstanceOf(TypeError);
          return;
        }
        expect(isFieldValue(output)).toBe(true);
      }),
    );
  });

  test("its standalone codec parses and serializes exactly as the registry does", () => {
    const codec = codecByName.get(name) as HeaderCodec<string, unknown>;
    expect(codec.name).toBe(name);
    fc.assert(
      fc.property(fc.oneof(anyFieldLines, nearValidLines(name)), (value) => {
        expect(codec.parse(value as never)).toEqual(parseHeader(name, value as never));
      }),
    );
    fc.assert(
      fc.property(fc.oneof(valid[name], fc.anything(), headerish), (value) => {
        expect(outcome(() => codec.serialize(value))).toEqual(outcome(() => serializeHeader(name, value as never)));
      }),
    );
  });
});

test("every built-in header has exactly one standalone codec", () => {
  expect([...codecByName.keys()].sort()).toEqual([...names].sort());
  expect(codecList).toHaveLength(names.length);
});
