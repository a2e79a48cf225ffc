import { describe, expect, test } from "vitest";
import { DeltaSeconds, FieldName, HeaderMap, Method, Origin } from "typed-headers";
import "../extension/timing-allow-origin.js";

const preflightRaw = [
  "Host",
  "api.example:8443",
  "Origin",
  "https://app.example",
  "Access-Control-Request-Method",
  "PATCH",
  "Access-Control-Request-Headers",
  "content-type,x-request-id",
  "Accept",
  "*/*",
];

describe("HeaderMap.from", () => {
  test("Node req.headers (null prototype, lowercase keys)", () => {
    const headers = Object.assign(Object.create(null), { origin: "https://app.example", "x-multi": ["a", "b"] });
    const map = HeaderMap.from(headers);
    expect(map.get("Origin")).toEqual({ ok: true, value: "https://app.example" });
    expect(map.getAll("x-multi")).toEqual(["a", "b"]);
    expect(map.getRaw("x-multi")).toBe("a, b");
  });

  test("plain records are read case-insensitively, own properties only", () => {
    const map = HeaderMap.from({ "Content-Type": "text/plain", "X-B": "1", "x-B": "2", n: 5, u: undefined });
    expect(map.getRaw("content-type")).toBe("text/plain");
    expect(map.getAll("X-b")).toEqual(["1", "2"]);
    expect(map.getRaw("n")).toBe("5");
    expect(map.has("u")).toBe(false);
    expect(map.has("constructor")).toBe(false);
    expect(map.has("toString")).toBe(false);
    expect(map.has("__proto__")).toBe(false);
  });

  test("Node rawHeaders keep every field line, any casing", () => {
    const map = HeaderMap.from([...preflightRaw, "vary", "a", "VARY", "b"]);
    expect(map.get("access-control-request-headers")).toEqual({ ok: true, value: ["content-type", "x-request-id"] });
    expect(map.getAll("Vary")).toEqual(["a", "b"]);
    expect(map.get("vary")).toEqual({ ok: true, value: ["a", "b"] });
  });

  test("Fetch Headers, with set-cookie kept apart", () => {
    const fetchHeaders = new Headers([
      ["Origin", "null"],
      ["set-cookie", "a=1"],
      ["set-cookie", "b=2"],
    ]);
    const map = HeaderMap.from(fetchHeaders);
    expect(map.get("origin")).toEqual({ ok: true, value: "null" });
    expect(map.getAll("set-cookie")).toEqual(["a=1", "b=2"]);
    expect(map.toEntries()).toEqual([
      ["origin", "null"],
      ["set-cookie", "a=1"],
      ["set-cookie", "b=2"],
    ]);
  });

  test("iterables of pairs and other maps, each pair one line", () => {
    const map = HeaderMap.from(
      new Map([
        ["A", "1"],
        ["b", "2"],
      ]),
    );
    expect(map.toEntries()).toEqual([
      ["a", "1"],
      ["b", "2"],
    ]);
    const copy = HeaderMap.from(map);
    copy.setRaw("a", "x");
    expect(map.getRaw("a")).toBe("1");
    expect(
      HeaderMap.from([
        ["v", "1"],
        ["V", "2"],
      ]).getAll("v"),
    ).toEqual(["1", "2"]);
  });

  test("invalid lines in a record are reported when the map is first walked or changed", () => {
    const map = HeaderMap.from({ "x-ok": "1", "bad name": "2" });
    expect(map.getRaw("x-ok")).toBe("1");
    expect(() => map.toEntries()).toThrow(/not a valid header/);
    expect(() => map.setRaw("y", "1")).toThrow(TypeError);
    expect(map.getRaw("x-ok")).toBe("1");
    expect(map.has("y")).toBe(false);
  });
});

describe("typed access", () => {
  test("get parses lazily and caches until the header changes", () => {
    const map = HeaderMap.from(preflightRaw);
    const first = map.get("access-control-request-method");
    expect(map.get("access-control-request-method")).toBe(first);
    map.set("access-control-request-method", "PUT");
    expect(map.get("access-control-request-method")).toEqual({ ok: true, value: "PUT" });
  });

  test("get reports missing, unknown and invalid values without throwing", () => {
    const map = HeaderMap.from({ "access-control-max-age": "-1" });
    expect(map.get("origin")).toMatchObject({ ok: false, error: { code: "missing", header: "origin" } });
    expect(map.get("access-control-max-age")).toMatchObject({ ok: false, error: { code: "invalid-delta-seconds" } });
    expect(map.get("x-nope" as string)).toMatchObject({ ok: false, error: { code: "unknown-header" } });
  });

  test("set serializes canonically and replaces every line in place", () => {
    const map = HeaderMap.from([
      ["a", "1"],
      ["access-control-allow-methods", "GET"],
      ["b", "2"],
      ["Access-Control-Allow-Methods", "PUT"],
    ]);
    map.set("access-control-allow-methods", ["GET", Method.from("PURGE")]);
    expect(map.toEntries()).toEqual([
      ["a", "1"],
      ["access-control-allow-methods", "GET, PURGE"],
      ["b", "2"],
    ]);
  });

  test("append merges list members without repeating them", () => {
    const map = new HeaderMap().append("access-control-allow-headers", ["content-type"]);
    map.append("access-control-allow-headers", [FieldName.from("x-a"), "content-type"]);
    expect(map.getAll("access-control-allow-headers")).toEqual(["content-type, x-a"]);
  });

  test("append on vary deduplicates case-insensitively and collapses to *", () => {
    const map = HeaderMap.from({ Vary: "Accept-Encoding, ORIGIN" });
    map.append("vary", ["origin", "cookie"]);
    expect(map.getRaw("vary")).toBe("accept-encoding, origin, cookie");
    map.append("vary", "*");
    expect(map.getRaw("vary")).toBe("*");
    map.append("vary", [FieldName.from("x")]);
    expect(map.getRaw("vary")).toBe("*");
  });

  test("append keeps an unparsable value and adds a line rather than losing it", () => {
    const map = HeaderMap.from({ vary: "a b" });
    map.append("vary", ["origin"]);
    expect(map.getAll("vary")).toEqual(["a b", "origin"]);
  });

  test("append to a present single-value header is refused", () => {
    const map = new HeaderMap().set("access-control-allow-origin", "*");
    expect(() => map.append("access-control-allow-origin", Origin.from("https://a.example"))).toThrow(/single value/);
    expect(map.getAll("access-control-allow-origin")).toEqual(["*"]);
    expect(new HeaderMap().append("access-control-max-age", DeltaSeconds.from(5)).getRaw("access-control-max-age")).toBe("5");
  });

  test("invalid typed values throw and leave the map unchanged", () => {
    const map = new HeaderMap().set("access-control-allow-credentials", true);
    expect(() => map.set("access-control-allow-credentials", false as never)).toThrow(TypeError);
    expect(() => map.set("x-unknown" as string, "1")).toThrow(/unknown header/);
    expect(map.toEntries()).toEqual([["access-control-allow-credentials", "true"]]);
  });

  test("headers added with defineHeader work through the map", () => {
    const map = HeaderMap.from({ "Timing-Allow-Origin": "https://a.example" });
    expect(map.get("timing-allow-origin")).toEqual({ ok: true, value: ["https://a.example"] });
    map.set("timing-allow-origin", "*");
    expect(map.getRaw("timing-allow-origin")).toBe("*");
  });
});

describe("raw access", () => {
  test("setRaw / appendRaw reject bad names and values, leaving the map unchanged", () => {
    const map = new HeaderMap().appendRaw("x-a", "1");
    const bad: [string, string][] = [
      ["bad name", "1"],
      ["", "1"],
      ["x:y", "1"],
      ["é", "1"],
      ["x-b", "a\r\nset-cookie: x=1"],
      ["x-b", "a\nb"],
      ["x-b", "a\0b"],
      ["x-b", "☃"],
    ];
    for (const [name, value] of bad) {
      expect(() => map.setRaw(name, value), `${name}: ${value}`).toThrow(TypeError);
      expect(() => map.appendRaw(name, value)).toThrow(TypeError);
    }
    expect(() => map.setRaw("x-b", 5 as unknown as string)).toThrow(TypeError);
    expect(map.toEntries()).toEqual([["x-a", "1"]]);
  });

  test("delete removes every line and says whether there was one", () => {
    const map = HeaderMap.from([
      ["a", "1"],
      ["b", "2"],
      ["A", "3"],
    ]);
    expect(map.delete("A")).toBe(true);
    expect(map.delete("a")).toBe(false);
    expect(map.toEntries()).toEqual([["b", "2"]]);
  });

  test("names such as __proto__ are ordinary header names", () => {
    const map = new HeaderMap();
    for (const name of ["__proto__", "constructor", "hasOwnProperty", "toString", "valueOf", "prototype"]) {
      expect(map.has(name)).toBe(false);
      expect(map.getRaw(name)).toBeNull();
      map.appendRaw(name, `v-${name}`);
    }
    const record = map.toObject();
    expect(Object.getPrototypeOf(Object.getPrototypeOf(record))).toBeNull();
    expect(Object.keys(Object.getPrototypeOf(record))).toEqual([]);
    expect("toString" in HeaderMap.from({}).toObject()).toBe(false);
    expect(Object.keys(record)).toEqual(["__proto__", "constructor", "hasownproperty", "tostring", "valueof", "prototype"]);
    expect(record["__proto__"]).toBe("v-__proto__");
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, "v-__proto__")).toBe(false);
    expect(map.getRaw("__proto__")).toBe("v-__proto__");
    expect(HeaderMap.from(JSON.parse('{"__proto__": "x", "a": "1"}')).getRaw("__proto__")).toBe("x");
  });
});

describe("output", () => {
  test("toObject gives a string per name and an array for repeated lines", () => {
    const map = HeaderMap.from([
      ["Set-Cookie", "a=1"],
      ["set-cookie", "b=2"],
      ["x", "1"],
    ]);
    expect({ ...map.toObject() }).toEqual({ "set-cookie": ["a=1", "b=2"], x: "1" });
  });

  test("toHeaders builds a Fetch Headers", () => {
    const headers = HeaderMap.from([
      ["x-a", "1"],
      ["x-a", "2"],
      ["set-cookie", "a=1"],
      ["set-cookie", "b=2"],
    ]).toHeaders();
    expect(headers.get("x-a")).toBe("1, 2");
    expect(headers.getSetCookie()).toEqual(["a=1", "b=2"]);
  });
});
