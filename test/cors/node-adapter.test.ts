// nodeCors on real servers over 127.0.0.1: node:http and node:http2's compatibility API. What it
// writes, with how many Node calls, what it does with a Vary Node accepted, and onRefused.
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from "node:http";
import http2, { type Http2ServerRequest, type Http2ServerResponse } from "node:http2";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, test } from "vitest";
import { corsPolicy, type CorsDecision } from "typed-headers";
import { nodeCors } from "typed-headers/node";

const policy = corsPolicy({
  origins: ["https://app.example"],
  credentials: true,
  methods: ["PUT"],
  allowedHeaders: ["content-type"],
  exposedHeaders: ["x-total" as never],
  maxAge: 600,
});
const PREFLIGHT = {
  Origin: "https://app.example",
  "Access-Control-Request-Method": "PUT",
  "Access-Control-Request-Headers": "content-type",
};

const servers: { close(callback: () => void): void }[] = [];
afterEach(() => Promise.all(servers.splice(0).map((s) => new Promise<void>((resolve) => s.close(() => resolve())))));

async function serve(listener: RequestListener): Promise<string> {
  const server: Server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

/** Counts the response methods a middleware calls. */
function counted(res: ServerResponse): Record<string, number> {
  const calls: Record<string, number> = {};
  for (const method of ["setHeader", "writeHead", "appendHeader", "removeHeader"] as const) {
    const original = res[method].bind(res) as (...args: unknown[]) => unknown;
    (res as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
      calls[method] = (calls[method] ?? 0) + 1;
      return original(...args);
    };
  }
  return calls;
}

describe("nodeCors on node:http", () => {
  test("a preflight is written with one writeHead and no setHeader; an actual request with one setHeader per header", async () => {
    const cors = nodeCors(policy);
    const seen: Record<string, number>[] = [];
    const base = await serve((req, res) => {
      const calls = counted(res);
      seen.push(calls);
      if (cors(req, res)) return;
      res.end("ok");
    });
    const preflight = await fetch(base, { method: "OPTIONS", headers: PREFLIGHT });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toBe("PUT");
    expect(preflight.headers.get("access-control-max-age")).toBe("600");
    expect(seen[0]).toEqual({ writeHead: 1 });
    const actual = await fetch(base, { headers: { Origin: "https://app.example" } });
    expect(actual.headers.get("access-control-expose-headers")).toBe("x-total");
    // vary, allow-origin, allow-credentials, expose-headers; the writeHead is the handler's end().
    expect(seen[1]).toEqual({ setHeader: 4, writeHead: 1 });
  });

  test("a Vary set before as a number or an array of numbers is merged, never thrown on", async () => {
    const cors = nodeCors(policy);
    const varies: unknown[] = [[1], 5, ["accept-encoding", 7], "Accept"];
    let i = 0;
    const base = await serve((req, res) => {
      res.setHeader("Vary", varies[i++ % varies.length] as string);
      if (cors(req, res)) return;
      res.end("ok");
    });
    const expected = ["1, origin", "5, origin", "accept-encoding, 7, origin", "accept, origin"];
    for (const vary of expected) {
      const response = await fetch(base, { headers: { Origin: "https://app.example" } });
      expect(response.status).toBe(200);
      expect(response.headers.get("vary")).toBe(vary);
    }
    const preflight = await fetch(base, { method: "OPTIONS", headers: PREFLIGHT });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("vary")).toBe(
      "1, origin, access-control-request-method, access-control-request-headers, access-control-request-private-network",
    );
  });

  test("headers set before a preflight stay, except those the decision sets", async () => {
    const cors = nodeCors(policy);
    const base = await serve((req, res) => {
      res.setHeader("x-app", "kept");
      res.setHeader("access-control-max-age", "1");
      if (cors(req, res)) return;
      res.end("ok");
    });
    const preflight = await fetch(base, { method: "OPTIONS", headers: PREFLIGHT });
    expect(preflight.headers.get("x-app")).toBe("kept");
    expect(preflight.headers.get("access-control-max-age")).toBe("600");
  });

  test("a response whose head was already sent is left alone", async () => {
    const cors = nodeCors(policy);
    let answered: boolean | undefined;
    let thrown: unknown;
    const base = await serve((req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.write("early");
      try {
        answered = cors(req, res);
      } catch (error) {
        thrown = error;
      }
      if (!res.writableEnded) res.end();
    });
    const response = await fetch(base, { method: "OPTIONS", headers: PREFLIGHT });
    expect(await response.text()).toBe("early");
    expect(thrown).toBeUndefined();
    expect(answered).toBe(true);
  });

  test("onRefused is called with the decision and the request for refused preflights and actual requests only", async () => {
    const refused: [CorsDecision, string | undefined][] = [];
    const cors = nodeCors(policy, { onRefused: (decision, req) => refused.push([decision, (req as IncomingMessage).url]) });
    const base = await serve((req, res) => {
      if (cors(req, res)) return;
      res.end("ok");
    });
    await fetch(`${base}a`, { method: "OPTIONS", headers: { ...PREFLIGHT, "Access-Control-Request-Method": "DELETE" } });
    await fetch(`${base}b`, { headers: { Origin: "https://evil.example" } });
    await fetch(`${base}c`, { headers: { Origin: "https://app.example" } });
    await fetch(`${base}d`, { method: "OPTIONS", headers: PREFLIGHT });
    await fetch(`${base}e`);
    expect(refused.map(([decision, url]) => [decision.kind, decision.reason, url])).toEqual([
      ["preflight", "disallowed-method", "/a"],
      ["actual", "disallowed-origin", "/b"],
    ]);
  });
});

describe("nodeCors on node:http2 compatibility requests", () => {
  test("preflights, actual requests and a merged Vary over a real HTTP/2 connection", async () => {
    const cors = nodeCors(policy);
    const server = http2.createServer((req: Http2ServerRequest, res: Http2ServerResponse) => {
      if (req.url === "/vary") res.setHeader("vary", "accept-encoding");
      if (cors(req, res)) return;
      res.setHeader("x-total", "3");
      res.end("h2");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    servers.push(server);
    const client = http2.connect(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    const request = (headers: http2.OutgoingHttpHeaders) =>
      new Promise<{ head: http2.IncomingHttpHeaders; body: string }>((resolve, reject) => {
        const stream = client.request(headers);
        let body = "";
        let head: http2.IncomingHttpHeaders = {};
        stream.on("response", (h) => (head = h));
        stream.setEncoding("utf8");
        stream.on("data", (chunk: string) => (body += chunk));
        stream.on("end", () => resolve({ head, body }));
        stream.on("error", reject);
        stream.end();
      });
    try {
      const preflight = await request({
        ":method": "OPTIONS",
        ":path": "/",
        origin: "https://app.example",
        "access-control-request-method": "PUT",
      });
      expect(preflight.head[":status"]).toBe(204);
      expect(preflight.head["access-control-allow-origin"]).toBe("https://app.example");
      expect(preflight.head["access-control-allow-methods"]).toBe("PUT");
      const refused = await request({
        ":method": "OPTIONS",
        ":path": "/",
        origin: "https://evil.example",
        "access-control-request-method": "PUT",
      });
      expect(refused.head[":status"]).toBe(403);
      expect(refused.head["access-control-allow-origin"]).toBeUndefined();
      const actual = await request({ ":method": "GET", ":path": "/vary", origin: "https://app.example" });
      expect(actual.body).toBe("h2");
      expect(actual.head["access-control-allow-credentials"]).toBe("true");
      expect(actual.head["access-control-expose-headers"]).toBe("x-total");
      expect(actual.head["vary"]).toBe("accept-encoding, origin");
    } finally {
      client.close();
    }
  });
});
