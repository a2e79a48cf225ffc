// HeaderMap against a real node:http server on 127.0.0.1 and real fetch (undici).
import { request as httpRequest, createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DeltaSeconds, HeaderMap, Method, Origin } from "typed-headers";

let server: Server;
let base: string;
let handler: (req: IncomingMessage, res: ServerResponse) => void = () => {};

beforeAll(async () => {
  server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Sends one request with repeated header lines (node:http keeps them) and returns what the server saw. */
function receive(headers: [string, string][]): Promise<{ fromRaw: HeaderMap; fromHeaders: HeaderMap }> {
  return new Promise((resolve, reject) => {
    handler = (req, res) => {
      resolve({ fromRaw: HeaderMap.from(req.rawHeaders), fromHeaders: HeaderMap.from(req.headers) });
      res.end();
    };
    const req = httpRequest(`${base}/`, { method: "OPTIONS" }, (res) => res.resume());
    for (const [name, value] of headers) req.appendHeader(name, value);
    req.on("error", reject);
    req.end();
  });
}

describe("a node:http server reading requests", () => {
  test("rawHeaders and req.headers give the lines the client sent", async () => {
    const { fromRaw, fromHeaders } = await receive([
      ["Origin", "https://app.example"],
      ["Access-Control-Request-Method", "PATCH"],
      ["Access-Control-Request-Headers", "content-type"],
      ["Access-Control-Request-Headers", "X-Request-Id"],
      ["__proto__", "p"],
      ["Constructor", "c"],
    ]);
    for (const map of [fromRaw, fromHeaders]) {
      expect(map.get("origin")).toEqual({ ok: true, value: "https://app.example" });
      expect(map.get("access-control-request-method")).toEqual({ ok: true, value: "PATCH" });
      expect(map.get("access-control-request-headers")).toEqual({ ok: true, value: ["content-type", "x-request-id"] });
      expect(map.getRaw("constructor")).toBe("c");
    }
    // rawHeaders keeps both lines; Node's req.headers joins them.
    expect(fromRaw.getAll("access-control-request-headers")).toEqual(["content-type", "X-Request-Id"]);
    expect(fromHeaders.getAll("access-control-request-headers")).toEqual(["content-type, X-Request-Id"]);
    expect(fromRaw.getRaw("__proto__")).toBe("p");
    // Node itself leaves __proto__ out of req.headers; the map reports what Node kept.
    expect(fromHeaders.getRaw("__proto__")).toBeNull();
  });
});

describe("a node:http server writing responses, read by fetch", () => {
  test("toObject through res.writeHead arrives intact, repeated lines included", async () => {
    const response = new HeaderMap()
      .set("access-control-allow-origin", Origin.from("https://app.example"))
      .set("access-control-allow-credentials", true)
      .set("access-control-allow-methods", ["GET", Method.from("PURGE")])
      .set("access-control-max-age", DeltaSeconds.from(600))
      .append("vary", ["accept-encoding"])
      .append("vary", ["origin"])
      .appendRaw("set-cookie", "a=1; Path=/")
      .appendRaw("set-cookie", "b=2; Path=/");
    handler = (_req, res) => {
      res.writeHead(204, response.toObject());
      res.end();
    };
    const got = await fetch(`${base}/`);
    const received = HeaderMap.from(got.headers);
    expect(received.get("access-control-allow-origin")).toEqual({ ok: true, value: "https://app.example" });
    expect(received.get("access-control-allow-credentials")).toEqual({ ok: true, value: true });
    expect(received.get("access-control-allow-methods")).toEqual({ ok: true, value: ["GET", "PURGE"] });
    expect(received.get("access-control-max-age")).toEqual({ ok: true, value: 600 });
    expect(received.get("vary")).toEqual({ ok: true, value: ["accept-encoding", "origin"] });
    expect(received.getAll("set-cookie")).toEqual(["a=1; Path=/", "b=2; Path=/"]);
  });

  test("res.setHeader with each name of toObject arrives intact", async () => {
    const response = HeaderMap.from([
      ["x-a", "1"],
      ["X-A", "2"],
      ["x-b", "3"],
    ]);
    handler = (_req, res) => {
      for (const [name, value] of Object.entries(response.toObject())) res.setHeader(name, value);
      res.end();
    };
    const got = await fetch(`${base}/`);
    expect(got.headers.get("x-a")).toBe("1, 2");
    expect(got.headers.get("x-b")).toBe("3");
  });
});

describe("a fetch-style handler", () => {
  test("reads a Request's headers and answers with toHeaders()", async () => {
    const handle = (request: Request): Response => {
      const headers = HeaderMap.from(request.headers);
      const origin = headers.get("origin");
      const out = new HeaderMap().append("vary", ["origin"]);
      if (origin.ok) out.set("access-control-allow-origin", origin.value);
      return new Response(null, { status: 204, headers: out.toHeaders() });
    };
    const answer = handle(new Request(`${base}/`, { headers: { Origin: "https://app.example" } }));
    expect(answer.headers.get("access-control-allow-origin")).toBe("https://app.example");
    expect(answer.headers.get("vary")).toBe("origin");
  });
});
