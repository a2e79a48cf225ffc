// Every adapter inside the real framework on 127.0.0.1, called with real fetch: node:http and
// Express (nodeCors), Hono (honoCors, served through a small node:http bridge), Fastify
// (fastifyCors) and Koa with @koa/router (koaCors). Each app serves a JSON PUT, a 404 and a thrown
// 500, sets its own Vary, and runs once with static origins and once with dynamic ones.
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Router from "@koa/router";
import express from "express";
import Fastify, { type FastifyInstance } from "fastify";
import { Hono } from "hono";
import Koa from "koa";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { corsPolicy, FieldName, type CorsDecision, type CorsPolicy, type DynamicCorsPolicy } from "../../src/index.js";
import { fastifyCors } from "../../src/fastify.js";
import { honoCors } from "../../src/hono.js";
import { koaCors } from "../../src/koa.js";
import { nodeCors } from "../../src/node.js";

const ALLOWED = ["https://app.example", "https://pr-7.preview.example"];
const options = { credentials: true, methods: ["PUT"], allowedHeaders: ["content-type"], exposedHeaders: [FieldName.from("x-total")], maxAge: 600 } as const;
const policies: Record<string, CorsPolicy | DynamicCorsPolicy> = {
  static: corsPolicy({ origins: ["https://app.example", "https://*.preview.example"], ...options }),
  dynamic: corsPolicy({ origins: { allow: async (origin) => ALLOWED.includes(origin) }, ...options }),
};

/** What onRefused received: the decision and the framework's request object. */
type Refusal = { decision: CorsDecision; request: { method: string } };

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

/** A node:http listener that serves a Fetch handler (what @hono/node-server does). */
function fetchListener(handler: (request: Request) => Response | Promise<Response>): RequestListener {
  return async (req, res) => {
    const headers: [string, string][] = [];
    for (let i = 0; i < req.rawHeaders.length; i += 2) headers.push([req.rawHeaders[i] as string, req.rawHeaders[i + 1] as string]);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = chunks.length > 0 ? Buffer.concat(chunks) : null;
    const response = await handler(new Request(`http://127.0.0.1${req.url}`, { method: req.method ?? "GET", headers, body }));
    res.writeHead(response.status, [...response.headers].flat());
    res.end(Buffer.from(await response.arrayBuffer()));
  };
}

/** The apps, each a listener (or a started Fastify) with the refusals its onRefused saw. */
interface App {
  readonly listener?: RequestListener;
  readonly fastify?: FastifyInstance;
  readonly refusals?: Refusal[];
}

function nodeApp(policy: CorsPolicy | DynamicCorsPolicy): App {
  const cors = nodeCors(policy);
  const listener: RequestListener = async (req, res) => {
    res.setHeader("vary", "Accept-Encoding");
    if (await cors(req, res)) return;
    try {
      if (req.method === "PUT" && req.url === "/items/1") {
        const body = await readJson(req);
        res.setHeader("x-total", "3");
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ id: "1", body }));
      } else if (req.url === "/boom") throw new Error("boom");
      else {
        res.statusCode = 404;
        res.end("not found");
      }
    } catch {
      res.statusCode = 500;
      res.end("failed");
    }
  };
  return { listener };
}

function expressApp(policy: CorsPolicy | DynamicCorsPolicy): App {
  const app = express();
  app.set("env", "test"); // finalhandler: no stack traces on the console
  app.use((_req, res, next) => {
    res.vary("Accept-Encoding");
    next();
  });
  app.use(nodeCors(policy));
  app.use(express.json());
  app.put("/items/:id", (req, res) => {
    res.setHeader("x-total", "3");
    res.json({ id: req.params.id, body: req.body });
  });
  app.get("/boom", () => {
    throw new Error("boom");
  });
  return { listener: app as unknown as RequestListener };
}

function honoApp(policy: CorsPolicy | DynamicCorsPolicy): App {
  const refusals: Refusal[] = [];
  const app = new Hono();
  app.use(honoCors(policy, { onRefused: (decision, request) => refusals.push({ decision, request }) }));
  app.put("/items/:id", async (c) => c.json({ id: c.req.param("id"), body: await c.req.json() }, 200, { vary: "Accept-Encoding", "x-total": "3" }));
  app.get("/boom", () => {
    throw new Error("boom");
  });
  app.notFound((c) => c.text("not found", 404, { vary: "Accept-Encoding" }));
  app.onError((_error, c) => c.text("failed", 500, { vary: "Accept-Encoding" }));
  return { listener: fetchListener((request) => app.fetch(request)), refusals };
}

function fastifyApp(policy: CorsPolicy | DynamicCorsPolicy): App {
  const refusals: Refusal[] = [];
  const app = Fastify();
  void app.register(fastifyCors(policy, { onRefused: (decision, request) => refusals.push({ decision, request }) }));
  app.addHook("onRequest", async (_request, reply) => {
    reply.header("vary", "Accept-Encoding");
  });
  app.put("/items/:id", async (request, reply) => {
    reply.header("x-total", "3");
    return { id: (request.params as { id: string }).id, body: request.body };
  });
  app.get("/boom", async () => {
    throw new Error("boom");
  });
  return { fastify: app, refusals };
}

function koaApp(policy: CorsPolicy | DynamicCorsPolicy): App {
  const refusals: Refusal[] = [];
  const app = new Koa();
  app.silent = true; // no stack traces on the console
  app.use(koaCors(policy, { onRefused: (decision, request) => refusals.push({ decision, request }) }));
  app.use(async (ctx, next) => {
    ctx.vary("Accept-Encoding");
    await next();
  });
  const router = new Router();
  router.put("/items/:id", async (ctx) => {
    ctx.set("x-total", "3");
    ctx.body = { id: ctx.params.id, body: await readJson(ctx.req) };
  });
  router.get("/boom", () => {
    throw new Error("boom");
  });
  app.use(router.routes());
  return { listener: app.callback(), refusals };
}

const frameworks: Record<string, (policy: CorsPolicy | DynamicCorsPolicy) => App> = {
  "node:http": nodeApp,
  express: expressApp,
  hono: honoApp,
  fastify: fastifyApp,
  koa: koaApp,
};

const cases = Object.keys(frameworks).flatMap((framework) => Object.keys(policies).map((kind) => [framework, kind] as const));
const running: { server?: Server; fastify?: FastifyInstance }[] = [];
const started: Record<string, { base: string; app: App }> = {};

beforeAll(async () => {
  for (const [framework, kind] of cases) {
    const app = (frameworks[framework] as (policy: CorsPolicy | DynamicCorsPolicy) => App)(policies[kind] as CorsPolicy);
    let base: string;
    if (app.fastify !== undefined) {
      base = await app.fastify.listen({ port: 0, host: "127.0.0.1" });
      running.push({ fastify: app.fastify });
    } else {
      const server = createServer(app.listener as (req: IncomingMessage, res: ServerResponse) => void);
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      running.push({ server });
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    }
    started[`${framework} ${kind}`] = { base, app };
  }
});
afterAll(() =>
  Promise.all(running.map(({ server, fastify }) => (fastify ? fastify.close() : new Promise<void>((resolve) => server?.close(() => resolve()))))),
);

const varyOf = (response: Response) => (response.headers.get("vary") ?? "").toLowerCase().split(/\s*,\s*/).filter(Boolean).sort();
const corsNames = (response: Response) => [...response.headers.keys()].filter((name) => name.startsWith("access-control-"));
const preflightHeaders = (origin: string) => ({ Origin: origin, "Access-Control-Request-Method": "PUT", "Access-Control-Request-Headers": "content-type" });

describe.each(cases)("%s, %s origins", (framework, kind) => {
  const target = () => started[`${framework} ${kind}`] as { base: string; app: App };
  const refusals = () => target().app.refusals;

  test("an allowed preflight is answered 204 with the CORS headers and an empty body", async () => {
    const response = await fetch(`${target().base}/items/1`, { method: "OPTIONS", headers: preflightHeaders("https://pr-7.preview.example") });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
    expect(response.headers.get("access-control-allow-origin")).toBe("https://pr-7.preview.example");
    expect(response.headers.get("access-control-allow-credentials")).toBe("true");
    expect(response.headers.get("access-control-allow-methods")).toBe("PUT");
    expect(response.headers.get("access-control-allow-headers")).toBe("content-type");
    expect(response.headers.get("access-control-max-age")).toBe("600");
    expect(varyOf(response)).toEqual(expect.arrayContaining(["origin", "access-control-request-method", "access-control-request-headers"]));
  });

  test("a refused preflight is answered 403 without CORS headers, and onRefused sees it", async () => {
    const before = refusals()?.length ?? 0;
    const response = await fetch(`${target().base}/items/1`, { method: "OPTIONS", headers: preflightHeaders("https://evil.example") });
    expect(response.status).toBe(403);
    expect(await response.text()).toBe("");
    expect(corsNames(response)).toEqual([]);
    expect(varyOf(response)).toContain("origin");
    if (refusals() !== undefined) {
      const seen = refusals()?.slice(before);
      expect(seen).toHaveLength(1);
      expect(seen?.[0]?.decision).toMatchObject({ kind: "preflight", allowed: false, status: 403, reason: "disallowed-origin" });
      expect(seen?.[0]?.request.method).toBe("OPTIONS");
    }
  });

  test("a credentialed JSON PUT gets ACAO, ACAC, ACEH, and Vary merged with the app's", async () => {
    const response = await fetch(`${target().base}/items/1`, {
      method: "PUT",
      headers: { Origin: "https://app.example", "Content-Type": "application/json", Cookie: "session=1" },
      body: JSON.stringify({ name: "x" }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: "1", body: { name: "x" } });
    expect(response.headers.get("access-control-allow-origin")).toBe("https://app.example");
    expect(response.headers.get("access-control-allow-credentials")).toBe("true");
    expect(response.headers.get("access-control-expose-headers")).toBe("x-total");
    expect(response.headers.get("x-total")).toBe("3");
    expect(varyOf(response)).toEqual(["accept-encoding", "origin"]);
  });

  test("a 404 still carries the CORS headers", async () => {
    const response = await fetch(`${target().base}/missing`, { headers: { Origin: "https://app.example" } });
    expect(response.status).toBe(404);
    expect(response.headers.get("access-control-allow-origin")).toBe("https://app.example");
    expect(response.headers.get("access-control-allow-credentials")).toBe("true");
    expect(varyOf(response)).toContain("origin");
  });

  test("a thrown 500 still carries the CORS headers", async () => {
    const response = await fetch(`${target().base}/boom`, { headers: { Origin: "https://app.example" } });
    expect(response.status).toBe(500);
    expect(response.headers.get("access-control-allow-origin")).toBe("https://app.example");
    expect(response.headers.get("access-control-allow-credentials")).toBe("true");
    expect(varyOf(response)).toContain("origin");
  });

  test("a request from another origin reaches the app without CORS headers, and onRefused sees it", async () => {
    const before = refusals()?.length ?? 0;
    for (const origin of ["https://app.example.evil.com", "null", "http://app.example"]) {
      const response = await fetch(`${target().base}/items/1`, {
        method: "PUT",
        headers: { Origin: origin, "Content-Type": "application/json" },
        body: "{}",
      });
      expect(response.status).toBe(200);
      expect(corsNames(response)).toEqual([]);
      expect(varyOf(response)).toEqual(["accept-encoding", "origin"]);
    }
    if (refusals() !== undefined) {
      expect(refusals()?.slice(before).map(({ decision }) => [decision.kind, decision.reason])).toEqual([
        ["actual", "disallowed-origin"],
        ["actual", "disallowed-origin"],
        ["actual", "disallowed-origin"],
      ]);
    }
  });
});
