// Hostile JavaScript values: what a careless or malicious caller can hand a public function.
// Each arbitrary makes fresh objects per run (getters that count their reads must start at 0).
import fc from "fast-check";

/** Thrown by hostile objects, so that a test can tell their errors from the library's. */
export class HostileError extends Error {}

/**
 * A recipe for a hostile value: fast-check itself inspects and prints generated values, which a
 * throwing Proxy or getter would break, so the arbitraries produce recipes and each run makes
 * its value with `make()` (fresh, so getters that count their reads start at 0).
 */
export class Hostile {
  constructor(
    readonly label: string,
    readonly make: () => unknown,
  ) {}
  [fc.toStringMethod](): string {
    return this.label;
  }
}

/** A recipe that makes `value` itself (for primitives and plain data). */
const plain = (value: unknown) => new Hostile(fc.stringify(value), () => value);
/** A recipe that makes a fresh value with `make`. */
const made = (label: string, make: () => unknown) => new Hostile(label, make);

const LINE_BREAKERS = [
  "x\r\ninjected: 1",
  "a\nb",
  "a\rb",
  "a\0b",
  "é",
  "☃",
  " padded ",
  "",
  "*",
  "origin",
  "GET",
  "https://a.example",
];

/** Strings a serializer must never emit raw, mixed with ordinary ones. */
export const trickyString = fc.constantFrom(...LINE_BREAKERS);

/** An array whose iterator yields something else than its indexes hold. */
function ownIterator(clean: string[], dirty: string[]): string[] {
  const array = [...clean];
  Object.defineProperty(array, Symbol.iterator, { value: () => dirty[Symbol.iterator]() });
  return array;
}

/** An array whose element getters answer differently on each read (valid first, then not). */
function changingIndexes(clean: string[], dirty: string[]): string[] {
  const array: string[] = [];
  clean.forEach((value, i) => {
    let reads = 0;
    Object.defineProperty(array, i, { enumerable: true, get: () => (reads++ === 0 ? value : (dirty[i] ?? "x\r\ny")) });
  });
  return array;
}

class ArraySubclass extends Array<string> {
  override join(): string {
    return "x\r\ninjected: 1";
  }
}

/** A Proxy that throws on every trap. */
function throwingProxy(): object {
  const thrower = () => {
    throw new HostileError("trap");
  };
  return new Proxy(
    {},
    { get: thrower, has: thrower, ownKeys: thrower, getPrototypeOf: thrower, getOwnPropertyDescriptor: thrower, apply: thrower },
  );
}

/** A Proxy over an array that reports a valid array but answers reads with `dirty` on the second pass. */
function flippingArrayProxy(clean: string[], dirty: string[]): string[] {
  let passes = 0;
  return new Proxy(clean, {
    get(target, key, receiver) {
      if (key === "length") passes++;
      if (passes > 1 && typeof key === "string" && /^\d+$/.test(key)) return dirty[Number(key)] ?? "x\r\ny";
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

function circular(): object {
  const value: Record<string, unknown> = { a: 1 };
  value.self = value;
  return value;
}

function throwingConversions(): object {
  return {
    toString() {
      throw new HostileError("toString");
    },
    toJSON() {
      throw new HostileError("toJSON");
    },
    valueOf() {
      throw new HostileError("valueOf");
    },
    [Symbol.toPrimitive]() {
      throw new HostileError("toPrimitive");
    },
  };
}

function throwingGetters(keys: readonly string[]): object {
  const value = {};
  for (const key of keys) {
    Object.defineProperty(value, key, {
      enumerable: true,
      get() {
        throw new HostileError(key);
      },
    });
  }
  return value;
}

/** An object whose getters answer a valid value once, then something else. */
function changingGetters(clean: Record<string, unknown>, dirty: unknown): object {
  const value = {};
  for (const [key, first] of Object.entries(clean)) {
    let reads = 0;
    Object.defineProperty(value, key, { enumerable: true, get: () => (reads++ === 0 ? first : dirty) });
  }
  return value;
}

const validList: fc.Arbitrary<string[]> = fc.constantFrom(["GET"], ["origin", "accept"], ["x-a"], ["*"]).map((list) => [...list]);

/** Values that attack through shape: proxies, getters, iterators, subclasses, holes. */
export const hostileObject: fc.Arbitrary<Hostile> = fc.oneof(
  fc
    .tuple(validList, fc.array(trickyString, { minLength: 1, maxLength: 3 }))
    .map(([clean, dirty]) =>
      made(`ownIterator(${fc.stringify(clean)} / ${fc.stringify(dirty)})`, () => ownIterator(clean, dirty)),
    ),
  fc
    .tuple(validList, fc.array(trickyString, { minLength: 1, maxLength: 3 }))
    .map(([clean, dirty]) =>
      made(`changingIndexes(${fc.stringify(clean)} / ${fc.stringify(dirty)})`, () => changingIndexes(clean, dirty)),
    ),
  fc
    .tuple(validList, fc.array(trickyString, { minLength: 1, maxLength: 3 }))
    .map(([clean, dirty]) =>
      made(`flippingArrayProxy(${fc.stringify(clean)} / ${fc.stringify(dirty)})`, () => flippingArrayProxy(clean, dirty)),
    ),
  validList.map((clean) => made(`ArraySubclass(${fc.stringify(clean)})`, () => ArraySubclass.from(clean))),
  fc.constantFrom(
    // eslint-disable-next-line no-sparse-arrays
    made("holey array", () => ["GET", , "PUT"]),
    made("array of holes", () => Object.assign([], { length: 3 })),
    made("throwing Proxy", throwingProxy),
    made("revoked Proxy", () => {
      const { proxy, revoke } = Proxy.revocable({}, {});
      revoke();
      return proxy;
    }),
    made("circular object", circular),
    made("[circular object]", () => [circular()]),
    made("throwing conversions", throwingConversions),
    made("[throwing conversions]", () => [throwingConversions()]),
    made("every field a throwing getter", () =>
      throwingGetters([
        "origin",
        "method",
        "headers",
        "status",
        "credentials",
        "preflight",
        "response",
        "engine",
        "origins",
        "name",
        "privateNetwork",
      ]),
    ),
    made("getters valid once, then CR/LF", () => changingGetters({ origin: "https://a.example", method: "GET" }, "x\r\ny")),
    made("null-prototype object", () => Object.create(null) as object),
    made("Map of headers", () => new Map([["origin", "https://a.example"]])),
    made("Headers-like of non-strings", () => ({
      get: () => 5,
      getSetCookie: () => [1],
      [Symbol.iterator]: () => [[1, 2]][Symbol.iterator](),
    })),
    made("Headers-like that throws", () => ({
      get() {
        throw new HostileError("get");
      },
      getSetCookie() {
        throw new HostileError("getSetCookie");
      },
      *[Symbol.iterator]() {
        yield ["origin", "https://a.example"];
        throw new HostileError("iterator");
      },
    })),
    made("rawHeaders with non-strings", () => ["Origin", 5, "Vary", { toString: () => "x" }]),
    made("rawHeaders with null", () => ["Origin", "https://a.example", null, "x"]),
    made("pairs with a BigInt", () => [["origin", 1n]]),
    made(
      "throwing function",
      () =>
        function hostile() {
          throw new HostileError("called");
        },
    ),
  ),
  fc
    .constantFrom(
      "origin",
      "method",
      "headers",
      "status",
      "name",
      "parse",
      "serialize",
      "length",
      "credentials",
      "origins",
      "get",
      "getSetCookie",
    )
    .map((key) => made(`throwing getter ${key}`, () => throwingGetters([key]))),
);

/** Every kind of value: primitives of every type, tricky strings, and hostile objects. */
export const hostileValue: fc.Arbitrary<Hostile> = fc.oneof(
  trickyString.map(plain),
  fc.constantFrom(undefined, null, true, false, 0, -1, 600, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, -0).map(plain),
  fc.bigInt().map(plain),
  fc.string().map((s) => made(`Symbol(${s})`, () => Symbol(s))),
  hostileObject,
  fc.anything().map(plain),
);

/** Makes the values of `recipes`. */
export const make = (recipes: readonly Hostile[]): unknown[] => recipes.map((recipe) => recipe.make());
