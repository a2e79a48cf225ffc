import { once } from "node:events";
import { createServer, request } from "node:http";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { HeaderMap } from "./header-map.js";
import { pickedNames, pickRecordLines } from "./pick-lines.js";

const WANTED = ["origin", "access-control-request-method", "if-none-match", "range", "keep-alive"];
const wanted = pickedNames(WANTED);
const pick = (headers: unknown) =>
  pickRecordLines(
    headers,
    wanted,
    WANTED.map(() => undefined),
  );

// Keys that are, or look like, the wanted names: other cases, the Kelvin sign (lowercases to "k"),
// U+0130 (lowercases to two code units), same lengths and first letters, prototype names.
const KEYS = [
  ...WANTED,
  "Origin",
  "ORIGIN",
  "oRIGIN",
  "Range",
  "rANGE",
  "If-None-Match",
  "accept",
  "orig1n",
  "ranges",
  "access-control-request-metho\u212a",
  "\u0130f-none-match",
  "\u212arange",
  "\u212aeep-alive",
  "Keep-Alive",
  "x-a",
  "__proto__",
  "constructor",
  "toString",
];
const VALUES = fc.oneof(
  fc.constantFrom("https://a.example", "GET", "", " x ", '"v1"', "bytes=0-1"),
  fc.integer({ min: -2, max: 1000 }),
  fc.array(fc.oneof(fc.constantFrom("a", "b", ""), fc.integer(), fc.constant(null)), { maxLength: 3 }),
  fc.constantFrom(null, undefined, true, {}),
);

describe("pickRecordLines reads a record as a HeaderMap does", () => {
  test("whenever it settles a record, each name's line is HeaderMap.getRaw's (generated records)", () => {
    let settled = 0;
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...KEYS), VALUES, { maxKeys: 8 }), fc.boolean(), (entries, nullPrototype) => {
        const record = nullPrototype ? Object.assign(Object.create(null), entries) : { ...entries };
        const picked = pick(record);
        if (picked === undefined) {
          // It gives up only for a wanted name in another case.
          expect(Object.keys(record).some((key) => WANTED.includes(key.toLowerCase()) && !WANTED.includes(key))).toBe(true);
          return;
        }
        settled++;
        const map = HeaderMap.from(record);
        expect(picked).toEqual(WANTED.map((name) => map.getRaw(name) ?? undefined));
      }),
      { numRuns: 2000 },
    );
    expect(settled).toBeGreaterThan(200);
  });

  test("a record holding a wanted name in another case is left to the HeaderMap", () => {
    expect(pick({ Origin: "https://a.example" })).toBeUndefined();
    expect(pick({ origin: "https://a.example", ORIGIN: "https://b.example" })).toBeUndefined();
    expect(pick({ "\u212arange": "x", range: "bytes=0-1" })?.[3]).toBe("bytes=0-1"); // "\u212arange" is "krange"
    expect(pick({ "\u212aeep-alive": "timeout=5" })).toBeUndefined(); // the Kelvin sign lowercases to "k"
  });

  test("inherited names are not headers: a polluted Object.prototype adds none", () => {
    const prototype = Object.prototype as Record<string, unknown>;
    prototype["if-none-match"] = '"polluted"';
    try {
      expect(pick({ origin: "https://a.example" })).toEqual(["https://a.example", undefined, undefined, undefined, undefined]);
    } finally {
      delete prototype["if-none-match"];
    }
  });

  test("anything but a plain record, and a record that throws, is left to the HeaderMap", () => {
    expect(pick(new Headers({ origin: "https://a.example" }))).toBeUndefined();
    expect(pick([["origin", "https://a.example"]])).toBeUndefined();
    expect(pick(new Map([["origin", "x"]]))).toBeUndefined();
    expect(pick("origin: x")).toBeUndefined();
    expect(pick(null)).toBeUndefined();
    const throwing = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error("trap");
        },
      },
    );
    expect(pick(throwing)).toBeUndefined();
    const getter = Object.defineProperty({}, "origin", {
      enumerable: true,
      get() {
        throw new Error("getter");
      },
    });
    expect(pick(getter)).toBeUndefined();
  });

  test("Node's real req.headers is settled in one walk", async () => {
    let received: Record<string, unknown> | undefined;
    const server = createServer((req, res) => {
      received = req.headers;
      res.end();
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const { port } = server.address() as { port: number };
    const req = request({
      host: "127.0.0.1",
      port,
      method: "OPTIONS",
      headers: { Origin: "https://a.example", "Access-Control-Request-Method": "PUT", "If-None-Match": ['"a"', '"b"'] },
    });
    req.end();
    const [res] = await once(req, "response");
    res.resume();
    await once(res, "end");
    server.close();
    expect(pick(received)).toEqual(["https://a.example", "PUT", '"a", "b"', undefined, undefined]);
  });
});
