// Model-based test: HeaderMap against a trivial reference model, an array of
// [lowercase name, value] field lines. Random command sequences must keep the two in step.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { HeaderMap, parseHeader, serializeHeader, type HeaderName } from "typed-headers";

type Line = [string, string];
interface Model {
  lines: Line[];
}

const NAMES = [
  "Origin",
  "vary",
  "VARY",
  "access-control-allow-methods",
  "Access-Control-Allow-Origin",
  "access-control-max-age",
  "X-A",
  "x-a",
  "__proto__",
  "constructor",
  "toString",
  "set-cookie",
  "bad name",
  "é",
];
const VALUES = ["", "1", "GET, PUT", "origin", "*", "a b", "https://a.example", "x\r\ny", "a\0", "☃", " padded ", "true"];

const name = fc.constantFrom(...NAMES);
const value = fc.oneof(fc.constantFrom(...VALUES), fc.string({ maxLength: 8 }));

const isValidName = (n: string) => /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(n);
const isValidValue = (v: string) => !/[\r\n\0]|[^\u0000-\u00ff]/u.test(v);
const linesOf = (m: Model, n: string) => m.lines.filter(([k]) => k === n.toLowerCase()).map(([, v]) => v);

function replaceInModel(m: Model, key: string, v: string): void {
  const first = m.lines.findIndex(([k]) => k === key);
  if (first === -1) {
    m.lines.push([key, v]);
    return;
  }
  m.lines = m.lines.filter(([k], i) => k !== key || i === first);
  m.lines[first] = [key, v];
}

const check = (m: Model, map: HeaderMap) => expect(map.toEntries()).toEqual(m.lines);

class SetRaw implements fc.Command<Model, HeaderMap> {
  constructor(
    readonly n: string,
    readonly v: string,
    readonly append: boolean,
  ) {}
  check = () => true;
  run(m: Model, map: HeaderMap): void {
    const call = () => (this.append ? map.appendRaw(this.n, this.v) : map.setRaw(this.n, this.v));
    if (!isValidName(this.n) || !isValidValue(this.v)) {
      expect(call).toThrow(TypeError);
    } else {
      call();
      if (this.append) m.lines.push([this.n.toLowerCase(), this.v]);
      else replaceInModel(m, this.n.toLowerCase(), this.v);
    }
    check(m, map);
  }
  toString = () => `${this.append ? "appendRaw" : "setRaw"}(${JSON.stringify(this.n)}, ${JSON.stringify(this.v)})`;
}

/** Typed values the commands use, by header. */
const typedValues: Partial<Record<HeaderName, unknown[]>> = {
  vary: ["*", ["origin"], ["accept", "origin"], []],
  "access-control-allow-methods": [["GET"], ["GET", "PUT"], ["*"], []],
  "access-control-allow-origin": ["*", "null", "https://a.example"],
  "access-control-max-age": [0, 600],
};
const typedName = fc.constantFrom(...(Object.keys(typedValues) as HeaderName[]));

class SetTyped implements fc.Command<Model, HeaderMap> {
  constructor(
    readonly n: HeaderName,
    readonly index: number,
    readonly append: boolean,
  ) {}
  check = () => true;
  run(m: Model, map: HeaderMap): void {
    const options = typedValues[this.n] as unknown[];
    const v = options[this.index % options.length] as never;
    const serialized = serializeHeader(this.n, v);
    const existing = linesOf(m, this.n);
    if (!this.append) {
      map.set(this.n, v);
      replaceInModel(m, this.n, serialized);
    } else if (existing.length === 0) {
      map.append(this.n, v);
      m.lines.push([this.n, serialized]);
    } else if (this.n === "access-control-allow-origin" || this.n === "access-control-max-age") {
      expect(() => map.append(this.n, v)).toThrow(TypeError);
    } else {
      map.append(this.n, v);
      const current = parseHeader(this.n, existing);
      if (!current.ok) m.lines.push([this.n, serialized]);
      else replaceInModel(m, this.n, serializeHeader(this.n, merge(this.n, current.value, v) as never));
    }
    check(m, map);
  }
  toString = () => `${this.append ? "append" : "set"}(${this.n}, #${this.index})`;
}

/** The documented merge: new members appended once; for vary, "*" absorbs everything. */
function merge(n: HeaderName, existing: unknown, added: unknown): unknown {
  if (n === "vary" && (existing === "*" || added === "*")) return "*";
  const out = [...(existing as string[])];
  for (const member of added as string[]) if (!out.includes(member)) out.push(member);
  return out;
}

class Delete implements fc.Command<Model, HeaderMap> {
  constructor(readonly n: string) {}
  check = () => true;
  run(m: Model, map: HeaderMap): void {
    const key = this.n.toLowerCase();
    expect(map.delete(this.n)).toBe(m.lines.some(([k]) => k === key));
    m.lines = m.lines.filter(([k]) => k !== key);
    check(m, map);
  }
  toString = () => `delete(${JSON.stringify(this.n)})`;
}

class Read implements fc.Command<Model, HeaderMap> {
  constructor(readonly n: string) {}
  check = () => true;
  run(m: Model, map: HeaderMap): void {
    const lines = linesOf(m, this.n);
    expect(map.getAll(this.n)).toEqual(lines);
    // Set-Cookie lines are never joined (DESIGN §11): getRaw refuses several.
    if (this.n.toLowerCase() === "set-cookie" && lines.length > 1) expect(() => map.getRaw(this.n)).toThrow(TypeError);
    else expect(map.getRaw(this.n)).toBe(lines.length === 0 ? null : lines.join(", "));
    expect(map.has(this.n)).toBe(lines.length > 0);
    expect(map.get(this.n as string)).toEqual(parseHeader(this.n as string, lines));
  }
  toString = () => `read(${JSON.stringify(this.n)})`;
}

/** Every adapter round trip gives back the model's lines. */
class RoundTrip implements fc.Command<Model, HeaderMap> {
  check = () => true;
  run(m: Model, map: HeaderMap): void {
    expect([...map]).toEqual(m.lines);
    expect(HeaderMap.from(map.toEntries()).toEntries()).toEqual(m.lines);
    expect(HeaderMap.from(m.lines.flat()).toEntries()).toEqual(m.lines);
    // A record and Fetch Headers group lines by name (Headers also sorts and combines them).
    const grouped = groupByName(m.lines);
    expect(HeaderMap.from(map.toObject()).toEntries()).toEqual(grouped);
    // Headers strips SP/HTAB around each value it is given, then joins a name's lines with ", ".
    const trim = (v: string) => v.replace(/^[ \t]+|[ \t]+$/g, "");
    const combined = [...new Map(grouped.map(([k]) => [k, linesOf(m, k).map(trim)]))]
      .map(([k, vs]): Line[] => (k === "set-cookie" ? vs.map((v) => [k, v]) : [[k, vs.join(", ")]]))
      .flat()
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    expect(HeaderMap.from(map.toHeaders()).toEntries()).toEqual(combined);
  }
  toString = () => "roundTrip";
}

/**
 * Walks the map while changing it (issue 13, defect 4). The documented semantics: an iteration
 * walks a snapshot taken when it starts, so it yields exactly the lines present then, none
 * skipped or repeated, and the changes made during it all take effect.
 */
class IterateWhileChanging implements fc.Command<Model, HeaderMap> {
  constructor(readonly changes: readonly (readonly ["delete-current" | "delete" | "append" | "set", string, string])[]) {}
  check = () => true;
  run(m: Model, map: HeaderMap): void {
    const before = m.lines.map((line): Line => [...line]);
    const seen: Line[] = [];
    let step = 0;
    for (const line of map) {
      seen.push(line);
      const change = this.changes[step++ % Math.max(1, this.changes.length)];
      if (change === undefined) continue;
      const [kind, n, v] = change;
      const key = kind === "delete-current" ? line[0] : n.toLowerCase();
      if (kind === "delete-current" || kind === "delete") {
        map.delete(key);
        m.lines = m.lines.filter(([k]) => k !== key);
      } else if (kind === "append") {
        map.appendRaw(n, v);
        m.lines.push([key, v]);
      } else {
        map.setRaw(n, v);
        replaceInModel(m, key, v);
      }
    }
    expect(seen).toEqual(before);
    check(m, map);
  }
  toString = () => `iterateWhileChanging(${JSON.stringify(this.changes)})`;
}

function groupByName(lines: readonly Line[]): Line[] {
  const order: string[] = [];
  for (const [k] of lines) if (!order.includes(k)) order.push(k);
  return order.flatMap((k) => lines.filter(([n]) => n === k));
}

const commands = fc.commands(
  [
    fc.tuple(name, value, fc.boolean()).map(([n, v, a]) => new SetRaw(n, v, a)),
    fc.tuple(typedName, fc.nat(10), fc.boolean()).map(([n, i, a]) => new SetTyped(n, i, a)),
    name.map((n) => new Delete(n)),
    name.map((n) => new Read(n)),
    fc.constant(new RoundTrip()),
    fc
      .array(
        fc.tuple(
          fc.constantFrom("delete-current", "delete", "append", "set") as fc.Arbitrary<
            "delete-current" | "delete" | "append" | "set"
          >,
          name.filter(isValidName),
          value.filter(isValidValue),
        ),
        { maxLength: 4 },
      )
      .map((changes) => new IterateWhileChanging(changes)),
  ],
  { maxCommands: 40 },
);

const validLine = fc.tuple(name.filter(isValidName), value.filter(isValidValue));
// Up to 40 lines, so that maps past the size at which HeaderMap indexes its lines (32) are run too.
const initial = fc.tuple(
  fc.oneof(
    { weight: 4, arbitrary: fc.array(validLine, { maxLength: 8 }) },
    { weight: 1, arbitrary: fc.array(validLine, { minLength: 30, maxLength: 40 }) },
  ),
  fc.constantFrom("raw", "entries", "empty"),
);

describe("HeaderMap model", () => {
  test("random command sequences keep the map equal to an array of field lines", () => {
    fc.assert(
      fc.property(initial, commands, ([start, via], cmds) => {
        const lines: Line[] = start.map(([n, v]) => [n.toLowerCase(), v]);
        const source = via === "raw" ? start.flat() : via === "entries" ? start : [];
        const model: Model = { lines: via === "empty" ? [] : lines };
        fc.modelRun(() => ({ model, real: HeaderMap.from(source) }), cmds);
      }),
    );
  }, 60_000);
});

describe("HeaderMap iteration under change (issue 13, defect 4)", () => {
  test("deleting each line's name while walking visits every line once (it used to skip lines)", () => {
    const map = HeaderMap.from(["a", "1", "b", "2", "a", "3", "c", "4"]);
    const seen: string[] = [];
    for (const [n, v] of map) {
      seen.push(`${n}=${v}`);
      map.delete(n);
    }
    expect(seen).toEqual(["a=1", "b=2", "a=3", "c=4"]);
    expect(map.toEntries()).toEqual([]);
  });
  test("lines appended while walking are not visited by that walk, and a new walk sees them", () => {
    const map = HeaderMap.from([["x", "1"]]);
    const seen: string[] = [];
    for (const [, v] of map) {
      seen.push(v);
      map.appendRaw("x", `${v}+`);
    }
    expect(seen).toEqual(["1"]);
    expect(map.getAll("x")).toEqual(["1", "1+"]);
  });
  test("the snapshot is taken when the iterator is made, not at its first step", () => {
    const map = HeaderMap.from([["x", "1"]]);
    const iterator = map[Symbol.iterator]();
    map.setRaw("x", "2");
    expect([...iterator]).toEqual([["x", "1"]]);
  });
});

// Records (Node's req.headers, hand-made ones) are read where they are: a lookup reads the key by
// name, a walk reads every key. Whatever the record holds, the two must agree, and typed values
// cached before a walk must be those of the walked lines.
const RECORD_KEYS = [
  "origin",
  "Origin",
  "ORIGIN",
  "vary",
  "Vary",
  "x-a",
  "X-A",
  "access-control-request-method",
  "Access-Control-Request-Method",
  "access-control-max-age",
  "__proto__",
  "constructor",
  "toString",
];
const recordValue = fc.oneof(
  fc.constantFrom("https://a.example", "GET", "PATCH", "origin", "600", "x", ""),
  fc.array(fc.constantFrom("a", "GET", "accept"), { maxLength: 3 }),
  fc.constantFrom(undefined, null, 7),
);
const record = fc
  .tuple(fc.array(fc.tuple(fc.constantFrom(...RECORD_KEYS), recordValue), { maxLength: 10 }), fc.boolean())
  .map(([entries, nullPrototype]) => {
    const made = (nullPrototype ? Object.create(null) : {}) as Record<string, unknown>;
    // defineProperty: "__proto__" is an own key, as JSON.parse would make it.
    for (const [k, v] of entries)
      Object.defineProperty(made, k, { value: v, enumerable: true, writable: true, configurable: true });
    return made as Record<string, string>;
  });
const PROBES = [
  "origin",
  "Vary",
  "x-a",
  "access-control-request-method",
  "access-control-max-age",
  "__proto__",
  "constructor",
  "toString",
];

describe("HeaderMap over a record", () => {
  test("a lookup and a walk of the same record give the same lines", () => {
    fc.assert(
      fc.property(record, (headers) => {
        const walked = HeaderMap.from(headers).toEntries();
        for (const probe of PROBES) {
          const lines = walked.filter(([k]) => k === probe.toLowerCase()).map(([, v]) => v);
          expect(HeaderMap.from(headers).getAll(probe)).toEqual(lines);
        }
      }),
    );
  });

  test("typed values cached before a walk agree with the walked lines", () => {
    fc.assert(
      fc.property(record, fc.subarray(PROBES), (headers, probes) => {
        const map = HeaderMap.from(headers);
        const before = probes.map((probe) => map.get(probe));
        const walked = map.toEntries();
        probes.forEach((probe, i) => {
          const lines = walked.filter(([k]) => k === probe.toLowerCase()).map(([, v]) => v);
          expect(map.get(probe)).toEqual(before[i]);
          expect(map.get(probe)).toEqual(HeaderMap.from(lines.map((v): Line => [probe, v])).get(probe));
        });
      }),
    );
  });

  test("a change to the record between a lookup and a walk is not served from the cache", () => {
    const headers: Record<string, string> = { "access-control-max-age": "600" };
    const map = HeaderMap.from(headers);
    expect(map.get("access-control-max-age")).toEqual({ ok: true, value: 600 });
    headers["access-control-max-age"] = "5";
    expect(map.toEntries()).toEqual([["access-control-max-age", "5"]]);
    expect(map.get("access-control-max-age")).toEqual({ ok: true, value: 5 });
  });

  test("a lowercase key wins over the same name in another case, in lookups and walks alike", () => {
    const map = HeaderMap.from({ Origin: "https://b.example", origin: "https://a.example", Vary: "accept" });
    expect(map.getAll("origin")).toEqual(["https://a.example"]);
    expect(map.getAll("vary")).toEqual(["accept"]);
    expect(map.toEntries()).toEqual([
      ["origin", "https://a.example"],
      ["vary", "accept"],
    ]);
  });
});
