// Answering a realistic preflight and an actual request (issues 5 and 10): corsPolicy through its
// adapters, next to expressjs/cors (function level), hono's cors middleware via app.fetch, and a
// hand-written handler. Inputs are real (bench/real-inputs.ts): the IncomingMessage a node:http
// server received over loopback, a real ServerResponse for it (as Node makes one per request),
// and the undici Request for the same request.
import type { IncomingMessage, ServerResponse } from "node:http";
import expressCors from "cors";
import { Hono } from "hono";
import { cors as honoCors } from "hono/cors";
import { bench, describe } from "vitest";
// The built package, as users run it (see parse.bench.ts).
import { corsPolicy, fetchCors } from "../dist/index.js";
import { nodeCors } from "../dist/node.js";
import { PAGE_ORIGIN as ORIGIN, realInputs, responseFor } from "./real-inputs.js";

const config = {
  origins: [ORIGIN, "https://admin.example.com"],
  credentials: true,
  methods: ["GET", "POST", "PATCH", "DELETE"],
  allowedHeaders: ["authorization", "content-type", "x-request-id"],
  exposedHeaders: ["x-total" as never],
  maxAge: 600,
} as const;
const policy = corsPolicy(config);
const ours = nodeCors(policy);
const oursFetch = fetchCors(policy);
const express = expressCors({
  origin: [ORIGIN, "https://admin.example.com"],
  credentials: true,
  methods: ["GET", "POST", "PATCH", "DELETE"],
  allowedHeaders: ["authorization", "content-type", "x-request-id"],
  exposedHeaders: ["x-total"],
  maxAge: 600,
});
const hono = new Hono();
hono.use(
  honoCors({
    origin: [ORIGIN, "https://admin.example.com"],
    credentials: true,
    allowMethods: ["GET", "POST", "PATCH", "DELETE"],
    allowHeaders: ["authorization", "content-type", "x-request-id"],
    exposeHeaders: ["x-total"],
    maxAge: 600,
  }),
);
hono.get("/items", (c) => c.text("ok"));
const allowed = new Set([ORIGIN, "https://admin.example.com"]);
/** What a careful hand-written handler does: exact origin check, fixed strings, Vary. */
function handWritten(req: IncomingMessage, res: ServerResponse): boolean {
  const origin = req.headers["origin"];
  res.setHeader("Vary", "Origin");
  if (origin === undefined || !allowed.has(origin)) return false;
  res.setHeader("Access-Control-Allow-Origin", origin);
  res.setHeader("Access-Control-Allow-Credentials", "true");
  if (req.method === "OPTIONS" && req.headers["access-control-request-method"] !== undefined) {
    res.setHeader("Access-Control-Allow-Methods", "GET, POST, PATCH, DELETE");
    res.setHeader("Access-Control-Allow-Headers", "authorization, content-type, x-request-id");
    res.setHeader("Access-Control-Max-Age", "600");
    res.statusCode = 204;
    res.end();
    return true;
  }
  res.setHeader("Access-Control-Expose-Headers", "x-total");
  return false;
}

let sink: unknown;
const next = () => {};

/** Calls per benchmark iteration, so that the harness's own per-iteration cost is amortized. */
const BATCH = 16;

for (const [kind, real] of [
  ["preflight", realInputs.preflight],
  ["actual request", realInputs.actual],
] as const) {
  const req = real.node;
  const request = real.undici;
  const method = req.method as string;
  const viaExpress = () => {
    for (let i = 0; i < BATCH; i++) {
      const res = responseFor(req);
      express(req as never, res as never, next);
      sink = res;
    }
  };
  const newResponses = () => {
    for (let i = 0; i < BATCH; i++) sink = responseFor(req);
  };
  const viaHono = async () => {
    for (let i = 0; i < BATCH; i++) sink = await hono.fetch(request);
  };
  const byHand = () => {
    for (let i = 0; i < BATCH; i++) {
      const res = responseFor(req);
      handWritten(req, res);
      sink = res;
    }
  };
  // The decision itself, as issue 5 measures it: policy.handle next to each library's whole job.
  describe(`${kind}: policy.handle`, () => {
    bench("typed-headers policy.handle", () => {
      for (let i = 0; i < BATCH; i++) sink = policy.handle({ method, headers: req.headers });
    });
    bench("baseline: expressjs/cors (real req, new ServerResponse)", viaExpress);
    bench("baseline: hono cors via app.fetch", viaHono);
    bench("baseline: hand-written", byHand);
    // What the expressjs/cors and hand-written figures include besides their own work.
    bench("baseline: new ServerResponse(req) alone", newResponses);
  });
  // The same job end to end through the adapters.
  describe(`${kind}: node adapter, headers written`, () => {
    bench("typed-headers nodeCors(policy)", () => {
      for (let i = 0; i < BATCH; i++) {
        const res = responseFor(req);
        ours(req, res, next);
        sink = res;
      }
    });
    bench("baseline: expressjs/cors", viaExpress);
    bench("baseline: hand-written", byHand);
  });
  describe(`${kind}: fetch adapter, Response built`, () => {
    bench("typed-headers fetchCors(policy)", () => {
      for (let i = 0; i < BATCH; i++) {
        const result = oursFetch(request);
        sink = result.preflight ?? result.apply(new Response("ok"));
      }
    });
    bench("baseline: hono cors via app.fetch", viaHono);
  });
}

export { sink };
