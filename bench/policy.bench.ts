// Answering a realistic preflight and an actual request (issue 5): corsPolicy through its
// adapters, next to expressjs/cors (function level, mock req/res), hono's cors middleware via
// app.fetch, and a hand-written handler.
import expressCors from "cors";
import { Hono } from "hono";
import { cors as honoCors } from "hono/cors";
import { bench, describe } from "vitest";
// The built package, as users run it (see parse.bench.ts).
import { corsPolicy, fetchCors } from "../dist/index.js";
import { nodeCors } from "../dist/node.js";

const ORIGIN = "https://app.example.com";
const flat = (s: string) => Buffer.from(s, "latin1").toString("latin1");
const preflightRaw = [
  "Host", "api.example.com", "Connection", "keep-alive", "Accept", "*/*",
  "Access-Control-Request-Method", "PATCH", "Access-Control-Request-Headers", "authorization,content-type,x-request-id",
  "Origin", ORIGIN, "User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36",
  "Sec-Fetch-Mode", "cors", "Sec-Fetch-Site", "same-site", "Sec-Fetch-Dest", "empty", "Referer", `${ORIGIN}/`,
  "Accept-Encoding", "gzip, deflate, br, zstd", "Accept-Language", "en-US,en;q=0.9", "Cache-Control", "no-cache",
].map(flat);
const actualRaw = preflightRaw.filter((_, i, a) => !/^Access-Control-Request/i.test(a[i - (i % 2)] as string));

function nodeRequest(method: string, raw: string[]) {
  const headers: Record<string, string> = Object.create(null);
  for (let i = 0; i < raw.length; i += 2) headers[(raw[i] as string).toLowerCase()] = raw[i + 1] as string;
  return { method, url: "/items", headers, rawHeaders: raw };
}
const preflightReq = nodeRequest("OPTIONS", preflightRaw);
const actualReq = nodeRequest("GET", actualRaw);

/** The parts of a node:http ServerResponse that the middlewares use. */
class MockResponse {
  statusCode = 200;
  headers: Record<string, unknown> = {};
  ended = false;
  setHeader(name: string, value: unknown) {
    this.headers[name.toLowerCase()] = value;
    return this;
  }
  getHeader(name: string) {
    return this.headers[name.toLowerCase()];
  }
  removeHeader(name: string) {
    delete this.headers[name.toLowerCase()];
  }
  end() {
    this.ended = true;
  }
}

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
const pairs = (raw: string[]) => raw.flatMap((v, i) => (i % 2 === 0 ? [[v, raw[i + 1] as string] as [string, string]] : []));
const preflightRequest = new Request("http://api.example.com/items", { method: "OPTIONS", headers: pairs(preflightRaw) });
const actualRequest = new Request("http://api.example.com/items", { method: "GET", headers: pairs(actualRaw) });

const allowed = new Set([ORIGIN, "https://admin.example.com"]);
/** What a careful hand-written handler does: exact origin check, fixed strings, Vary. */
function handWritten(req: typeof preflightReq, res: MockResponse): boolean {
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

for (const [kind, req, request] of [["preflight", preflightReq, preflightRequest], ["actual request", actualReq, actualRequest]] as const) {
  const viaExpress = () => {
    for (let i = 0; i < BATCH; i++) {
      const res = new MockResponse();
      express(req as never, res as never, next);
      sink = res;
    }
  };
  const viaHono = async () => {
    for (let i = 0; i < BATCH; i++) sink = await hono.fetch(request);
  };
  const byHand = () => {
    for (let i = 0; i < BATCH; i++) {
      const res = new MockResponse();
      handWritten(req, res);
      sink = res;
    }
  };
  // The decision itself, as issue 5 measures it: policy.handle next to each library's whole job.
  describe(`${kind}: policy.handle`, () => {
    bench("typed-headers policy.handle", () => {
      for (let i = 0; i < BATCH; i++) sink = policy.handle({ method: req.method, headers: req.headers });
    });
    bench("baseline: expressjs/cors (mock req/res)", viaExpress);
    bench("baseline: hono cors via app.fetch", viaHono);
    bench("baseline: hand-written", byHand);
  });
  // The same job end to end through the adapters.
  describe(`${kind}: node adapter, headers written`, () => {
    bench("typed-headers nodeCors(policy)", () => {
      for (let i = 0; i < BATCH; i++) {
        const res = new MockResponse();
        ours(req as never, res as never, next);
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
