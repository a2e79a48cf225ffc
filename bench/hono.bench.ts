// honoCors inside a real Hono app, next to Hono's own cors() middleware in the same app: a
// realistic credentialed preflight and an actual request, each through app.fetch with a real
// Request (what Bun, Deno and Workers hand the app).
import { Hono, type MiddlewareHandler } from "hono";
import { cors as honoBuiltinCors } from "hono/cors";
import { bench, describe } from "vitest";
// The built package, as users run it (see parse.bench.ts).
import { corsPolicy } from "../dist/index.js";
import { honoCors } from "../dist/hono.js";

const ORIGIN = "https://app.example.com";
const ORIGINS = [ORIGIN, "https://admin.example.com"];
const browserHeaders: [string, string][] = [
  ["Host", "api.example.com"],
  ["Accept", "*/*"],
  ["Origin", ORIGIN],
  ["User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36"],
  ["Sec-Fetch-Mode", "cors"],
  ["Referer", `${ORIGIN}/`],
  ["Accept-Encoding", "gzip, deflate, br, zstd"],
  ["Accept-Language", "en-US,en;q=0.9"],
];
const preflight = () =>
  new Request("http://api.example.com/items/7", {
    method: "OPTIONS",
    headers: [...browserHeaders, ["Access-Control-Request-Method", "PUT"], ["Access-Control-Request-Headers", "content-type"]],
  });
const actual = () => new Request("http://api.example.com/items/7", { method: "GET", headers: browserHeaders });

/** The same app with a given CORS middleware. */
function app(middleware: MiddlewareHandler): Hono {
  const hono = new Hono();
  hono.use(middleware);
  hono.on(["GET", "PUT"], "/items/:id", (c) => c.json({ id: c.req.param("id") }, 200, { etag: '"2"' }));
  return hono;
}

const ours = app(
  honoCors(
    corsPolicy({
      origins: ORIGINS,
      credentials: true,
      methods: ["PUT", "DELETE"],
      allowedHeaders: ["content-type"],
      exposedHeaders: ["etag"],
      maxAge: 600,
    }),
  ),
);
const builtin = app(
  honoBuiltinCors({
    origin: ORIGINS,
    credentials: true,
    allowMethods: ["GET", "HEAD", "POST", "PUT", "DELETE"],
    allowHeaders: ["content-type"],
    exposeHeaders: ["etag"],
    maxAge: 600,
  }),
);

let sink: unknown;
/** Requests per iteration, so that the harness's own per-iteration cost is amortized. */
const BATCH = 16;

for (const [kind, make] of [
  ["preflight", preflight],
  ["actual request", actual],
] as const) {
  const requests = Array.from({ length: BATCH }, make);
  describe(`hono, ${kind}: app.fetch`, () => {
    bench("typed-headers honoCors", async () => {
      for (const request of requests) sink = await ours.fetch(request);
    });
    bench("baseline: hono/cors", async () => {
      for (const request of requests) sink = await builtin.fetch(request);
    });
  });
}

export { sink };
