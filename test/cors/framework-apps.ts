// The same small app in each framework, with a CORS adapter first: a JSON PUT at /items/:id that
// echoes its body (and sets x-total), a thrown error at /boom (500), a 404 elsewhere, and its own
// Vary (Accept-Encoding). Used by the loopback tests and by the headless-Chromium suite.
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Router from "@koa/router";
import express from "express";
import Fastify, { type FastifyInstance } from "fastify";
import { Hono } from "hono";
import Koa from "koa";
import type { CorsDecision, CorsPolicy, DynamicCorsPolicy } from "typed-headers";
import { fastifyCors } from "typed-headers/fastify";
import { honoCors } from "typed-headers/hono";
import { koaCors } from "typed-headers/koa";
import { nodeCors } from "typed-headers/node";

/** What onRefused received: the decision and the framework's request object. */
export type Refusal = { decision: CorsDecision; request: { method: string } };

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

/** A node:http listener that serves a Fetch handler (what @hono/node-server does). */
function fetchListener(handler: (request: Request) => Response | Promise<Response>): RequestListener {
  return async (req, res) => {
    const headers: [string, string][] = [];
    for (let i = 0; i < req.rawHeaders.length; i += 2)
      headers.push([req.rawHeaders[i] as string, req.rawHeaders[i + 1] as string]);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = chunks.length > 0 ? Buffer.concat(chunks) : null;
    const response = await handler(new Request(`http://127.0.0.1${req.url}`, { method: req.method ?? "GET", headers, body }));
    res.writeHead(response.status, [...response.headers].flat());
    res.end(Buffer.from(await response.arrayBuffer()));
  };
}

/** The apps, each a listener (or a started Fastify) with the refusals its onRefused saw. */
export interface App {
  readonly listener?: RequestListener;
  readonly fastify?: FastifyInstance;
  readonly refusals: Refusal[];
}

function nodeApp(policy: CorsPolicy | DynamicCorsPolicy): App {
  const refusals: Refusal[] = [];
  const cors = nodeCors(policy, {
    onRefused: (decision, request) => refusals.push({ decision, request: { method: request.method ?? "" } }),
  });
  const listener: RequestListener = async (req, res) => {
    res.setHeader("vary", "Accept-Encoding");
    try {
      if (await cors(req, res)) return;
      const item = /^\/items\/([^/?]+)$/.exec(req.url ?? "");
      if (req.method === "PUT" && item !== null) {
        const body = await readJson(req);
        res.setHeader("x-total", "3");
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ id: item[1], body }));
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
  return { listener, refusals };
}

function expressApp(policy: CorsPolicy | DynamicCorsPolicy): App {
  const refusals: Refusal[] = [];
  const app = express();
  app.set("env", "test"); // finalhandler: no stack traces on the console
  app.use((_req, res, next) => {
    res.vary("Accept-Encoding");
    next();
  });
  app.use(
    nodeCors(policy, {
      onRefused: (decision, request) => refusals.push({ decision, request: { method: request.method ?? "" } }),
    }),
  );
  app.use(express.json());
  app.put("/items/:id", (req, res) => {
    res.setHeader("x-total", "3");
    res.json({ id: req.params.id, body: req.body });
  });
  app.get("/boom", () => {
    throw new Error("boom");
  });
  return { listener: app as unknown as RequestListener, refusals };
}

function honoApp(policy: CorsPolicy | DynamicCorsPolicy): App {
  const refusals: Refusal[] = [];
  const app = new Hono();
  app.use(honoCors(policy, { onRefused: (decision, request) => refusals.push({ decision, request }) }));
  app.put("/items/:id", async (c) =>
    c.json({ id: c.req.param("id"), body: await c.req.json() }, 200, { vary: "Accept-Encoding", "x-total": "3" }),
  );
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

export const frameworks: Record<string, (policy: CorsPolicy | DynamicCorsPolicy) => App> = {
  "node:http": nodeApp,
  express: expressApp,
  hono: honoApp,
  fastify: fastifyApp,
  koa: koaApp,
};

/** A started app: its base URL, the refusals its onRefused saw, and close. */
export interface StartedApp {
  readonly base: string;
  readonly refusals: Refusal[];
  close(): Promise<void>;
}

/** Starts `framework`'s app with `policy` on 127.0.0.1, on a free port. */
export async function startApp(framework: string, policy: CorsPolicy | DynamicCorsPolicy): Promise<StartedApp> {
  const build = frameworks[framework];
  if (build === undefined) throw new Error(`no app for ${framework}`);
  const app = build(policy);
  if (app.fastify !== undefined) {
    const fastify = app.fastify;
    const base = await fastify.listen({ port: 0, host: "127.0.0.1" });
    return { base, refusals: app.refusals, close: () => fastify.close() };
  }
  const server: Server = createServer(app.listener as (req: IncomingMessage, res: ServerResponse) => void);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    refusals: app.refusals,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
