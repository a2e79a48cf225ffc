// Every example in examples/ runs, against the built package (imported as "typed-headers").
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { describe, expect, test } from "vitest";
import { checkCors } from "typed-headers";

/** Imports an example (plain JavaScript, so untyped here). */
const load = (name: string): Promise<any> => import(new URL(`../examples/${name}`, import.meta.url).href);

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("examples", () => {
  test("node-http.mjs", async () => {
    const { createAppServer } = await load("node-http.mjs");
    const server: Server = createAppServer();
    const base = await listen(server);
    try {
      const preflight = await fetch(`${base}/`, {
        method: "OPTIONS",
        headers: { origin: "http://localhost:5173", "access-control-request-method": "DELETE" },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
      const response = await fetch(`${base}/`, { headers: { origin: "https://app.example.com" } });
      expect(await response.json()).toEqual({ origin: "https://app.example.com" });
      expect(response.headers.get("access-control-allow-credentials")).toBe("true");
    } finally {
      server.close();
    }
  });

  test("express.mjs", async () => {
    const { createApp } = await load("express.mjs");
    const server: Server = createApp().listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const refused = await fetch(`${base}/items/1`, {
        method: "OPTIONS",
        headers: { origin: "https://evil.example", "access-control-request-method": "PUT" },
      });
      expect(refused.status).toBe(403);
      // What a browser sends for fetch(url, { method: "PUT", credentials: "include", headers:
      // { "content-type": "application/json" }, body }), and what it does with the answers.
      const page = {
        origin: "https://app.example.com",
        method: "PUT",
        headers: { "content-type": "application/json" },
        credentials: "include",
      } as const;
      const expected = checkCors(page, {});
      expect(expected.ok).toBe(false); // no exchange yet: a preflight is required
      const sent = Object.fromEntries(expected.preflight?.headers ?? []);
      expect(sent).toMatchObject({ "access-control-request-method": "PUT", "access-control-request-headers": "content-type" });
      const preflight = await fetch(`${base}/items/1`, { method: "OPTIONS", headers: sent });
      const response = await fetch(`${base}/items/1`, {
        method: "PUT",
        headers: { origin: page.origin, "content-type": "application/json", cookie: "session=1" },
        body: JSON.stringify({ name: "new" }),
      });
      const verdict = checkCors(page, {
        preflight: { status: preflight.status, headers: preflight.headers },
        response: { status: response.status, headers: response.headers },
      });
      expect(verdict).toMatchObject({ ok: true, exposedHeaders: expect.arrayContaining(["etag", "content-type"]) });
      expect(await response.json()).toEqual({ id: "1", updated: { name: "new" }, session: "session=1" });
    } finally {
      server.close();
    }
  });

  test("hono.mjs", async () => {
    const { app } = await load("hono.mjs");
    const preflight = await app.fetch(
      new Request("http://api.example.com/messages", {
        method: "OPTIONS",
        headers: {
          origin: "https://a.example.com",
          "access-control-request-method": "POST",
          "access-control-request-headers": "content-type",
        },
      }),
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-headers")).toBe("content-type");
    const response = await app.fetch(
      new Request("http://api.example.com/messages", {
        method: "POST",
        headers: { origin: "https://a.example.com", "content-type": "application/json" },
        body: '{"hi":1}',
      }),
    );
    expect(response.status).toBe(201);
    expect(response.headers.get("access-control-allow-origin")).toBe("https://a.example.com");
    expect(response.headers.get("vary")).toBe("origin");
  });

  test("fetch-handler.mjs", async () => {
    const { handle } = await load("fetch-handler.mjs");
    const trusted: Response = handle(new Request("http://x/", { headers: { origin: "https://app.example.com" } }));
    expect(await trusted.text()).toBe("hello https://app.example.com");
    expect(trusted.headers.get("access-control-allow-origin")).toBe("https://app.example.com");
    const invalid: Response = handle(new Request("http://x/", { headers: { origin: "https://app.example.com/" } }));
    expect(await invalid.text()).toBe("no valid Origin (invalid-origin)");
    // Never reflected: neither another origin nor "null" (sandboxed iframes, data: URLs).
    for (const origin of ["https://evil.example", "null"]) {
      const response: Response = handle(new Request("http://x/", { headers: { origin } }));
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
      expect(response.headers.get("vary")).toBe("origin");
    }
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
