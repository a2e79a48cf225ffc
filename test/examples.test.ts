// Every example in examples/ runs, against the built package (imported as "typed-headers"). The
// CORS examples all serve the same API and are checked with what a browser sends for a JSON PUT
// with credentials: the preflight, then the request.
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { describe, expect, test } from "vitest";

/** Imports an example (plain JavaScript, so untyped here). */
const load = (name: string): Promise<any> => import(new URL(`../examples/${name}`, import.meta.url).href);

/** Sends one request to an example: over loopback, or straight into a Fetch handler. */
type Send = (path: string, init: RequestInit) => Promise<Response>;

async function listen(server: Server): Promise<Send> {
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return (path, init) => fetch(`${base}${path}`, init);
}

/** The browser's exchanges for `fetch("/items/7", { method: "PUT", credentials: "include", JSON })`. */
async function checkJsonPut(send: Send): Promise<void> {
  const preflight = await send("/items/7", {
    method: "OPTIONS",
    headers: {
      origin: "http://localhost:5173",
      "access-control-request-method": "PUT",
      "access-control-request-headers": "content-type",
    },
  });
  expect(preflight.status).toBe(204);
  expect(preflight.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
  expect(preflight.headers.get("access-control-allow-credentials")).toBe("true");
  expect(preflight.headers.get("access-control-allow-methods")).toBe("PUT, DELETE");
  expect(preflight.headers.get("access-control-allow-headers")).toBe("content-type");

  const response = await send("/items/7", {
    method: "PUT",
    headers: { origin: "http://localhost:5173", "content-type": "application/json", cookie: "session=1" },
    body: JSON.stringify({ name: "lamp" }),
  });
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ id: "7", name: "lamp" });
  expect(response.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
  expect(response.headers.get("access-control-allow-credentials")).toBe("true");
  expect(response.headers.get("access-control-expose-headers")).toBe("etag");
  expect(response.headers.get("etag")).toBe('"2"');
  expect(response.headers.get("vary")).toContain("origin");

  const refused = await send("/items/7", {
    method: "OPTIONS",
    headers: { origin: "null", "access-control-request-method": "PUT" },
  });
  expect(refused.status).toBe(403);
  expect(refused.headers.get("access-control-allow-origin")).toBeNull();
  const other = await send("/items/7", {
    method: "PUT",
    headers: { origin: "https://evil.example", "content-type": "application/json" },
    body: "{}",
  });
  expect(other.headers.get("access-control-allow-origin")).toBeNull();

  const missing = await send("/nothing", { headers: { origin: "https://app.example.com" } });
  expect(missing.status).toBe(404);
  expect(missing.headers.get("access-control-allow-origin")).toBe("https://app.example.com");
}

describe("examples", () => {
  test("node-http.mjs", async () => {
    const { createAppServer } = await load("node-http.mjs");
    const server: Server = createAppServer();
    try {
      await checkJsonPut(await listen(server));
    } finally {
      server.close();
    }
  });

  test("express.mjs", async () => {
    const { createApp } = await load("express.mjs");
    const server: Server = createApp().listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    try {
      await checkJsonPut(await listen(server));
    } finally {
      server.close();
    }
  });

  test("fastify.mjs", async () => {
    const { createApp } = await load("fastify.mjs");
    const app = await createApp();
    const base = await app.listen({ port: 0, host: "127.0.0.1" });
    try {
      await checkJsonPut((path, init) => fetch(`${base}${path}`, init));
    } finally {
      await app.close();
    }
  });

  test("koa.mjs", async () => {
    const { createApp } = await load("koa.mjs");
    const server: Server = createApp().listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    try {
      await checkJsonPut(await listen(server));
    } finally {
      server.close();
    }
  });

  test("hono.mjs", async () => {
    const { app } = await load("hono.mjs");
    await checkJsonPut((path, init) => app.fetch(new Request(`http://api.example.com${path}`, init)));
  });

  test("fetch-handler.mjs", async () => {
    const { handle } = await load("fetch-handler.mjs");
    await checkJsonPut((path, init) => handle(new Request(`http://api.example.com${path}`, init)));
  });

  test("define-header.mjs", async () => {
    const { demo } = await load("define-header.mjs");
    expect(demo()).toEqual({
      parsed: { ok: true, value: ["https://a.example", "null"] },
      invalid: "invalid-origin",
      serialized: "https://a.example",
      fromMap: { ok: true, value: "*" },
    });
  });
});
