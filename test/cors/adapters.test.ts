// The adapters inside real apps on 127.0.0.1 — plain node:http, Express and Hono (served through a
// small node:http bridge) — exercised with real fetch.
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { corsPolicy } from "typed-headers";
import { honoCors } from "typed-headers/hono";
import { nodeCors } from "typed-headers/node";

const policy = corsPolicy({
  origins: ["https://app.example", "https://*.preview.example"],
  credentials: true,
  methods: ["PUT", "DELETE"],
  allowedHeaders: ["content-type", "x-request-id"],
  exposedHeaders: ["x-total" as never],
  maxAge: 600,
});

/** A node:http listener that serves a Fetch handler (what @hono/node-server does). */
function fetchListener(handler: (request: Request) => Response | Promise<Response>): RequestListener {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const headers: [string, string][] = [];
    for (let i = 0; i < req.rawHeaders.length; i += 2)
      headers.push([req.rawHeaders[i] as string, req.rawHeaders[i + 1] as string]);
    const response = await handler(new Request(`http://127.0.0.1${req.url}`, { method: req.method ?? "GET", headers }));
    res.writeHead(response.status, [...response.headers].flat());
    res.end(Buffer.from(await response.arrayBuffer()));
  };
}

const cors = nodeCors(policy);
const plain: RequestListener = (req, res) => {
  res.setHeader("vary", "accept-encoding");
  if (cors(req, res)) return;
  res.setHeader("x-total", "3");
  res.end("plain");
};
const expressApp = express();
expressApp.use((_req, res, next) => {
  res.vary("Accept-Encoding");
  next();
});
expressApp.use(nodeCors(policy));
expressApp.all("/", (_req, res) => {
  res.setHeader("x-total", "3");
  res.send("express");
});
const hono = new Hono();
hono.use(honoCors(policy));
hono.all("/", (c) => c.text("hono", 200, { vary: "accept-encoding", "x-total": "3" }));

const apps: Record<string, RequestListener> = {
  "node:http": plain,
  express: expressApp as unknown as RequestListener,
  hono: fetchListener((r) => hono.fetch(r)),
};
const servers: Server[] = [];
const bases: Record<string, string> = {};

beforeAll(async () => {
  for (const [name, listener] of Object.entries(apps)) {
    const server = createServer(listener);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    servers.push(server);
    bases[name] = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  }
});
afterAll(() => Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve())))));

const varyOf = (response: Response) =>
  (response.headers.get("vary") ?? "")
    .toLowerCase()
    .split(/\s*,\s*/)
    .sort();

describe.each(Object.keys(apps))("%s", (name) => {
  test("an allowed preflight is answered 204 with the CORS headers, without reaching the handler", async () => {
    const response = await fetch(bases[name] as string, {
      method: "OPTIONS",
      headers: {
        Origin: "https://pr-7.preview.example",
        "Access-Control-Request-Method": "PUT",
        "Access-Control-Request-Headers": "content-type,x-request-id",
      },
    });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
    expect(response.headers.get("access-control-allow-origin")).toBe("https://pr-7.preview.example");
    expect(response.headers.get("access-control-allow-credentials")).toBe("true");
    expect(response.headers.get("access-control-allow-methods")).toBe("PUT, DELETE");
    expect(response.headers.get("access-control-allow-headers")).toBe("content-type, x-request-id");
    expect(response.headers.get("access-control-max-age")).toBe("600");
    expect(varyOf(response)).toContain("origin");
  });

  test("a refused preflight is answered 403 without CORS headers", async () => {
    const response = await fetch(bases[name] as string, {
      method: "OPTIONS",
      headers: { Origin: "https://evil.example", "Access-Control-Request-Method": "PUT" },
    });
    expect(response.status).toBe(403);
    expect([...response.headers.keys()].filter((k) => k.startsWith("access-control-"))).toEqual([]);
    expect(varyOf(response)).toContain("origin");
  });

  test("an actual request gets ACAO, ACAC, ACEH, and Vary appended to the app's own", async () => {
    const response = await fetch(bases[name] as string, { headers: { Origin: "https://app.example" } });
    expect(await response.text()).toBe(name === "node:http" ? "plain" : name);
    expect(response.headers.get("access-control-allow-origin")).toBe("https://app.example");
    expect(response.headers.get("access-control-allow-credentials")).toBe("true");
    expect(response.headers.get("access-control-expose-headers")).toBe("x-total");
    expect(varyOf(response)).toEqual(["accept-encoding", "origin"]);
  });

  test("a request from another origin reaches the handler, without CORS headers but with Vary", async () => {
    const response = await fetch(bases[name] as string, { headers: { Origin: "https://app.example.evil.com" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    expect(varyOf(response)).toEqual(["accept-encoding", "origin"]);
  });
});
