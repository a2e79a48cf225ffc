// The README's HeaderMap examples, compiled so that they cannot rot.
import { createServer } from "node:http";
import { expectTypeOf, test } from "vitest";
import { FieldName, HeaderMap, Method, type OriginValue, type ParseResult } from "typed-headers";

test("node:http handler example", () => {
  const allowed = new Set(["https://app.example"]);
  const methods: readonly Method[] = Object.freeze(["GET", "POST", Method.from("PATCH")]);
  const allowHeaders = Object.freeze([FieldName.from("content-type")]);

  createServer((req, res) => {
    const request = HeaderMap.from(req.rawHeaders);
    const response = new HeaderMap().append("vary", ["origin"]);
    const origin = request.get("origin");
    expectTypeOf(origin).toEqualTypeOf<ParseResult<OriginValue>>();
    if (origin.ok && origin.value !== "null" && allowed.has(origin.value)) {
      response
        .set("access-control-allow-origin", origin.value)
        .set("access-control-allow-methods", methods)
        .set("access-control-allow-headers", allowHeaders);
    }
    res.writeHead(req.method === "OPTIONS" ? 204 : 200, response.toObject());
    res.end();
  });
});

test("fetch handler example", () => {
  const handler = {
    fetch(request: Request): Response {
      const headers = HeaderMap.from(request.headers);
      const origin = headers.get("origin");
      const out = new HeaderMap().append("vary", ["origin"]);
      if (origin.ok) out.set("access-control-allow-origin", origin.value);
      return new Response("ok", { headers: out.toHeaders() });
    },
  };
  expectTypeOf(handler.fetch).returns.toEqualTypeOf<Response>();
  const headers = HeaderMap.from(new Headers());
  expectTypeOf(headers.get("Access-Control-Request-Headers")).toEqualTypeOf<ParseResult<readonly FieldName[]>>();
});

test("corsPolicy examples", async () => {
  const { corsPolicy, fetchCors } = await import("typed-headers");
  const { nodeCors } = await import("typed-headers/node");
  const { default: express } = await import("express");
  const { Hono } = await import("hono");
  const policy = corsPolicy({
    origins: ["https://app.example.com", "https://*.preview.example.com", "http://localhost:*"],
    credentials: true,
    methods: ["GET", "POST", "DELETE"],
    allowedHeaders: ["content-type", "authorization"],
    exposedHeaders: ["etag"],
    maxAge: 600,
  });
  const cors = nodeCors(policy);
  createServer((req, res) => {
    if (cors(req, res)) return;
    res.end("hello");
  });
  const app = express();
  app.use(nodeCors(policy));
  const corsFetch = fetchCors(policy);
  const hono = new Hono();
  hono.use(async (c, next) => {
    const result = corsFetch(c.req.raw);
    if (result.preflight) return result.preflight;
    await next();
    c.res = result.apply(c.res);
  });
});
