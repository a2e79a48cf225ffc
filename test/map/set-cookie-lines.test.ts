// Set-Cookie lines stay apart through HeaderMap and the CORS adapters (DESIGN §11): a comma in an
// Expires date means that joining them with ", " would break every cookie after the first.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { setCookieHeader } from "../../src/headers/set-cookie.js";
import { corsPolicy, defineHeader, fetchCors, HeaderMap, parseHeader } from "../../src/entries/index.js";
import { nodeCors } from "../../src/entries/node.js";

// Until set-cookie is in the built-in list, register it the way another library would.
if (!parseHeader("set-cookie" as never, "a=1").ok) defineHeader(setCookieHeader as never);

const A = "a=1; Expires=Thu, 01 Jan 2037 00:00:00 GMT; Path=/";
const B = "b=2; Max-Age=60";

describe("HeaderMap keeps set-cookie lines apart", () => {
  test("append and set write one line per cookie", () => {
    const map = new HeaderMap().setRaw("vary", "origin");
    map.append(
      "set-cookie" as never,
      [
        { name: "a", value: "1", path: "/" },
        { name: "b", value: "2" },
      ] as never,
    );
    map.append("set-cookie" as never, [{ name: "c", value: "3" }] as never);
    expect(map.getAll("set-cookie")).toEqual(["a=1; Path=/", "b=2", "c=3"]);
    map.set("set-cookie" as never, [{ name: "d", value: "4", secure: true, sameSite: "None" }] as never);
    expect(map.toEntries()).toEqual([
      ["vary", "origin"],
      ["set-cookie", "d=4; Secure; SameSite=None"],
    ]);
  });

  test("a bad cookie anywhere in the array changes nothing", () => {
    const map = new HeaderMap([["set-cookie", A]]);
    expect(() =>
      map.append(
        "set-cookie" as never,
        [
          { name: "ok", value: "1" },
          { name: "bad", value: "x; Domain=evil" },
        ] as never,
      ),
    ).toThrow(TypeError);
    expect(() => map.set("set-cookie" as never, [] as never)).toThrow(/non-empty array/);
    expect(map.getAll("set-cookie")).toEqual([A]);
  });

  test("every output keeps the lines: entries, iteration, toObject, toHeaders; get parses each", () => {
    const map = new HeaderMap([
      ["Set-Cookie", A],
      ["set-cookie", B],
      ["x-a", "1"],
    ]);
    expect(map.toEntries()).toEqual([
      ["set-cookie", A],
      ["set-cookie", B],
      ["x-a", "1"],
    ]);
    expect([...map]).toEqual(map.toEntries());
    expect(map.toObject()["set-cookie"]).toEqual([A, B]);
    expect(map.toHeaders().getSetCookie()).toEqual([A, B]);
    expect(map.get("set-cookie" as never)).toEqual({
      ok: true,
      value: [
        { name: "a", value: "1", expires: new Date(Date.UTC(2037, 0, 1)), path: "/" },
        { name: "b", value: "2", maxAge: 60 },
      ],
    });
  });

  test("getRaw refuses to join several set-cookie lines, and gives a single one as it is", () => {
    expect(() =>
      new HeaderMap([
        ["set-cookie", A],
        ["set-cookie", B],
      ]).getRaw("Set-Cookie"),
    ).toThrow(/getAll/);
    expect(new HeaderMap([["set-cookie", A]]).getRaw("set-cookie")).toBe(A);
  });

  test("from every source: Fetch Headers, rawHeaders, req.headers", () => {
    const headers = new Headers();
    headers.append("set-cookie", A);
    headers.append("set-cookie", B);
    for (const init of [
      headers,
      ["Set-Cookie", A, "Set-Cookie", B],
      Object.assign(Object.create(null), { "set-cookie": [A, B] }),
    ]) {
      const map = HeaderMap.from(init);
      expect(map.getAll("set-cookie")).toEqual([A, B]);
      expect(map.toEntries().filter(([name]) => name === "set-cookie")).toHaveLength(2);
    }
  });
});

describe("the CORS adapters leave the app's cookies alone", () => {
  const policy = corsPolicy({ origins: ["https://app.example"], credentials: true, exposedHeaders: ["x-total" as never] });
  let server: Server;
  let base = "";
  beforeAll(async () => {
    const cors = nodeCors(policy);
    server = createServer((req, res) => {
      res.setHeader("set-cookie", [A]);
      if (cors(req, res)) return;
      res.appendHeader("set-cookie", B);
      res.end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test("nodeCors: both Set-Cookie lines reach the client beside the CORS headers", async () => {
    const response = await fetch(base, { headers: { origin: "https://app.example" } });
    expect(response.headers.get("access-control-allow-credentials")).toBe("true");
    expect(response.headers.getSetCookie()).toEqual([A, B]);
  });

  test("fetchCors: apply on an immutable response copies each Set-Cookie line", async () => {
    const fetched = await fetch(base);
    const result = fetchCors(policy)(new Request(base, { headers: { origin: "https://app.example" } }));
    const applied = result.apply(fetched);
    expect(applied).not.toBe(fetched);
    expect(applied.headers.get("access-control-allow-origin")).toBe("https://app.example");
    expect(applied.headers.getSetCookie()).toEqual([A, B]);
  });
});
