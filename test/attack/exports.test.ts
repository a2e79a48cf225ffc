// The standing attack suite, part 1: every public export, found at run time from the entry points,
// fed hostile JavaScript values (test/attack/hostile.ts). Laws:
// - parsers (`parse` of codecs and value types, parseHeader, checkCors, HeaderMap reads) never throw;
// - serializers return a valid field value (no CR, LF, NUL, char above U+00FF, surrounding
//   SP/HTAB) or throw the library's TypeError;
// - every other API returns or throws only the library's TypeError (`typed-headers:` prefix).
// A new export is covered by shape (codec, value type, class, function) without listing it; an
// export of a new shape fails the "classified" test until a law is written for it.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import * as cors from "typed-headers/cors";
import * as headers from "typed-headers/headers";
import * as main from "typed-headers";
import * as node from "typed-headers/node";
import { Hostile, hostileObject, hostileValue, make, trickyString } from "./hostile.js";
import { expectParseResult, isFieldValue, neverThrows, throwsOnlyLibraryTypeError } from "./laws.js";

const ENTRY_POINTS: Record<string, Record<string, unknown>> = {
  "typed-headers": main,
  "typed-headers/cors": cors,
  "typed-headers/node": node,
  "typed-headers/headers": headers,
};

/** Every distinct exported value with the first name it is exported under. */
const exported = new Map<unknown, string>();
for (const [entry, module] of Object.entries(ENTRY_POINTS)) {
  for (const [name, value] of Object.entries(module)) if (!exported.has(value)) exported.set(value, `${entry}:${name}`);
}

interface Codec {
  name: string;
  parse(value: unknown): unknown;
  serialize(value: unknown): unknown;
}
interface ValueTypeLike {
  parse(value: unknown): unknown;
  from(value: unknown): unknown;
  is(value: unknown): unknown;
}
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
const isCodec = (v: unknown): v is Codec =>
  isObject(v) && typeof v.name === "string" && typeof v.parse === "function" && typeof v.serialize === "function";
const isValueType = (v: unknown): v is ValueTypeLike =>
  isObject(v) && typeof v.parse === "function" && typeof v.from === "function" && typeof v.is === "function";
const isClass = (v: unknown): v is new (...args: unknown[]) => object =>
  typeof v === "function" && /^class\b/.test(Function.prototype.toString.call(v));

const codecs = [...exported].filter(([v]) => isCodec(v)) as [Codec, string][];
const valueTypes = [...exported].filter(([v]) => isValueType(v)) as [ValueTypeLike, string][];
const classes = [...exported].filter(([v]) => isClass(v)) as [new (...args: unknown[]) => object, string][];
const functions = [...exported].filter(([v]) => typeof v === "function" && !isClass(v)) as [
  (...args: unknown[]) => unknown,
  string,
][];

/** Header names to call registry functions with: every codec's, and hostile ones. */
const headerName = fc.oneof(
  fc.constantFrom(...codecs.map(([c]) => c.name), "Vary", "ORIGIN", "x-unknown").map((n) => new Hostile(n, () => n)),
  hostileValue,
);
/** Field lines: strings, arrays, and hostile values. */
const fieldLines = fc.oneof(
  trickyString.map((s) => new Hostile(JSON.stringify(s), () => s)),
  fc.array(trickyString, { maxLength: 3 }).map((a) => new Hostile(JSON.stringify(a), () => [...a])),
  hostileValue,
);

/**
 * Known defects in code this suite does not own, each found by the suite: the test runs as
 * `test.fails` until fixed (then it fails, as a reminder to remove the entry).
 */
const KNOWN_DEFECTS: Record<string, string> = {};
/** `test`, or `test.fails` for a known defect. */
const check = (name: string) => (name in KNOWN_DEFECTS ? test.fails : test);

test("every export is classified (a new shape needs its law here)", () => {
  const unclassified = [...exported]
    .filter(([v]) => !isCodec(v) && !isValueType(v) && typeof v !== "function")
    .map(([, name]) => name);
  expect(unclassified).toEqual([]);
  expect(codecs.length).toBeGreaterThanOrEqual(12);
  expect(functions.map(([, n]) => n.split(":")[1])).toEqual(
    expect.arrayContaining(["parseHeader", "serializeHeader", "checkCors", "corsPolicy", "defineHeader"]),
  );
});

describe("codecs: parse never throws, serialize emits a field value or throws the library's TypeError", () => {
  for (const [codec, name] of codecs) {
    test(`${name}.parse`, () => {
      fc.assert(
        fc.property(fieldLines, (lines) =>
          expectParseResult(
            name,
            neverThrows(`${name}.parse`, () => codec.parse(lines.make())),
          ),
        ),
      );
    });
    check(`${name}.serialize`)(
      `${name}.serialize${name + ".serialize" in KNOWN_DEFECTS ? ` (known: ${KNOWN_DEFECTS[`${name}.serialize`]})` : ""}`,
      () => {
        fc.assert(
          fc.property(hostileValue, (recipe) => {
            const outcome = throwsOnlyLibraryTypeError(`${name}.serialize`, () => codec.serialize(recipe.make()));
            if (outcome.ok)
              expect(isFieldValue(outcome.value), `${name}.serialize output ${JSON.stringify(outcome.value)}`).toBe(true);
          }),
        );
      },
    );
  }
});

describe("value types: parse never throws (invalid-input for non-strings), from throws only the library's TypeError", () => {
  for (const [type, name] of valueTypes) {
    test(name, () => {
      fc.assert(
        fc.property(hostileValue, (recipe) => {
          const value = recipe.make();
          const result = neverThrows(`${name}.parse`, () => type.parse(value)) as { ok: boolean; error?: { code: string } };
          expectParseResult(`${name}.parse`, result);
          if (typeof value !== "string") expect(result.ok === false && result.error?.code).toBe("invalid-input");
          expect(typeof neverThrows(`${name}.is`, () => type.is(value))).toBe("boolean");
          const made = throwsOnlyLibraryTypeError(`${name}.from`, () => type.from(value));
          if (made.ok) expect(type.is(made.value)).toBe(true);
        }),
      );
    });
  }
});

/** The laws of the known functions; any other exported function gets the default law. */
const FUNCTION_LAWS: Record<string, (fn: (...args: unknown[]) => unknown, name: string) => void> = {
  parseHeader: (fn, name) =>
    fc.assert(
      fc.property(headerName, fieldLines, (n, v) =>
        expectParseResult(
          name,
          neverThrows(name, () => fn(n.make(), v.make())),
        ),
      ),
    ),
  serializeHeader: (fn, name) =>
    fc.assert(
      fc.property(headerName, hostileValue, (n, v) => {
        const outcome = throwsOnlyLibraryTypeError(name, () => fn(n.make(), v.make()));
        if (outcome.ok) expect(isFieldValue(outcome.value)).toBe(true);
      }),
    ),
  checkCors: (fn, name) =>
    fc.assert(
      fc.property(hostileValue, hostileValue, hostileValue, (request, exchange, options) => {
        const verdict = neverThrows(name, () => fn(request.make(), exchange.make(), options.make())) as { ok: unknown };
        expect(typeof verdict.ok).toBe("boolean");
      }),
    ),
};

/** The default law: with up to three hostile arguments, return or throw only the library's TypeError. */
function defaultLaw(fn: (...args: unknown[]) => unknown, name: string): void {
  fc.assert(
    fc.property(
      fc.array(hostileValue, { maxLength: 3 }),
      (args) => void throwsOnlyLibraryTypeError(name, () => fn(...make(args))),
    ),
  );
}

describe("functions: the law of each, or return-or-library-TypeError", () => {
  for (const [fn, name] of functions) {
    const short = name.split(":")[1] as string;
    check(name)(`${name}${name in KNOWN_DEFECTS ? ` (known: ${KNOWN_DEFECTS[name]})` : ""}`, () =>
      (FUNCTION_LAWS[short] ?? defaultLaw)(fn, name),
    );
  }
});

describe("classes: construction and every method throw only the library's TypeError; reads never throw", () => {
  for (const [Class, name] of classes) {
    const methods = Object.getOwnPropertyNames(Class.prototype).filter((m) => m !== "constructor");
    test(`new ${name}(hostile)`, () => {
      fc.assert(
        fc.property(hostileValue, (init) => void throwsOnlyLibraryTypeError(`new ${name}`, () => new Class(init.make()))),
      );
    });
    // A class without methods of its own (CorsConfigError) has nothing more to call.
    test.skipIf(methods.length === 0)(`${name} methods on instances from hostile sources`, () => {
      fc.assert(
        fc.property(
          hostileObject,
          fc.constantFrom(...methods),
          fc.array(hostileValue, { maxLength: 2 }),
          (init, method, recipes) => {
            const args = make(recipes);
            const made = throwsOnlyLibraryTypeError(`new ${name}`, () => new Class(init.make()));
            if (!made.ok) return;
            const instance = made.value as Record<string, (...a: unknown[]) => unknown>;
            const call = () => {
              const result = instance[method]?.(...args);
              // Iterators are lazy: walk them, as a caller would.
              const iterable = result as Partial<Iterable<unknown>> | undefined;
              if (isObject(result) && typeof iterable?.[Symbol.iterator] === "function" && !Array.isArray(result))
                [...(iterable as Iterable<unknown>)];
              return result;
            };
            if (["get", "getRaw", "getAll", "has"].includes(method)) neverThrows(`${name}.${method}`, call);
            else throwsOnlyLibraryTypeError(`${name}.${method}`, call);
            // Whatever went in, what the map holds is valid field lines.
            const lines = throwsOnlyLibraryTypeError(`${name}.toEntries`, () =>
              (instance as unknown as { toEntries?: () => [string, string][] }).toEntries?.(),
            );
            if (lines.ok && lines.value !== undefined)
              for (const [, value] of lines.value)
                expect(isFieldValue(value) || value === "" || /^[ \t]|[ \t]$/.test(value)).toBe(true);
          },
        ),
      );
    });
  }
});
