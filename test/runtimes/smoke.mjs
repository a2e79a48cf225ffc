// The built package under another JavaScript runtime (Bun, Deno, Cloudflare's workerd; Node works
// too): it loads through the package's own name and `exports` map, parses and serializes with the
// runtime's own Fetch `Headers`, `Request` and `Response`, and answers CORS requests from a real
// server of the runtime (`Bun.serve`, `Deno.serve`; for workerd, test/runtimes/workerd.mjs serves
// `serve` below as a Worker and sends it `exchange`'s requests). Runtime-neutral: no node: module,
// no test framework. Throws, so exits non-zero, on the first wrong answer.
//
//   npm run build
//   npx --yes bun@1.4.5 test/runtimes/smoke.mjs
//   npx --yes deno@2.9.6 run --allow-net=127.0.0.1 test/runtimes/smoke.mjs
//   node test/runtimes/workerd.mjs
import { corsPolicy, fetchCors, HeaderMap, negotiate, parseHeader, serializeHeader, SetCookie } from "typed-headers";
import { contentTypeHeader } from "typed-headers/headers";

const runtime = globalThis.Bun
  ? `Bun ${globalThis.Bun.version}`
  : globalThis.Deno
    ? `Deno ${globalThis.Deno.version.deno}`
    : globalThis.navigator?.userAgent === "Cloudflare-Workers"
      ? "workerd"
      : `Node ${globalThis.process?.version}`;
let checks = 0;

/** Throws, naming the check, unless `actual` and `expected` have the same JSON. */
function same(what, actual, expected) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${runtime}: ${what}: expected ${e}, got ${a}`);
  checks++;
}

// Parsing and serializing, through both entry points.
same("parseHeader vary", parseHeader("vary", "Origin, Accept-Encoding"), { ok: true, value: ["origin", "accept-encoding"] });
same("a bad origin is an error", parseHeader("origin", "https://app.example/").ok, false);
same("serializeHeader", serializeHeader("access-control-allow-methods", ["GET", "PUT"]), "GET, PUT");
same("content-type essence", contentTypeHeader.parse("Application/JSON ; charset=utf-8").value?.essence, "application/json");
same("negotiate", negotiate("accept-encoding", "gzip;q=0.5, br", ["gzip", "br"]), "br");

// The runtime's own Fetch Headers: set-cookie lines stay apart.
const headers = new Headers([
  ["set-cookie", "a=1; Path=/"],
  ["set-cookie", "b=2; Expires=Wed, 21 Oct 2037 07:28:00 GMT"],
]);
same("set-cookie lines from Fetch Headers", HeaderMap.from(headers).getAll("set-cookie"), [
  "a=1; Path=/",
  "b=2; Expires=Wed, 21 Oct 2037 07:28:00 GMT",
]);
const out = new HeaderMap();
out.append("set-cookie", [SetCookie.from({ name: "__Host-id", value: "x", secure: true, path: "/" })]);
same("set-cookie to Fetch Headers", out.toHeaders().getSetCookie(), ["__Host-id=x; Path=/; Secure"]);

// fetchCors with the runtime's Request and Response.
const policy = corsPolicy({ origins: ["https://app.example"], methods: ["GET", "PUT"], credentials: true });
const cors = fetchCors(policy);
/** A Fetch handler behind fetchCors. */
export async function serve(request) {
  const result = cors(request);
  if (result.preflight) return result.preflight;
  return result.apply(new Response("hello", { headers: { vary: "accept-encoding" } }));
}
/** The answer's status and the headers this check looks at. */
async function answerOf(response) {
  return {
    status: response.status,
    allowOrigin: response.headers.get("access-control-allow-origin"),
    allowMethods: response.headers.get("access-control-allow-methods"),
    vary: response.headers.get("vary"),
  };
}
const preflight = (url) =>
  new Request(url, { method: "OPTIONS", headers: { origin: "https://app.example", "access-control-request-method": "PUT" } });
const actual = (url, origin) => new Request(url, { headers: { origin } });
const expected = {
  preflight: {
    status: 204,
    allowOrigin: "https://app.example",
    allowMethods: "PUT",
    vary: "origin, access-control-request-method, access-control-request-headers, access-control-request-private-network",
  },
  allowed: { status: 200, allowOrigin: "https://app.example", allowMethods: null, vary: "accept-encoding, origin" },
  refused: { status: 200, allowOrigin: null, allowMethods: null, vary: "accept-encoding, origin" },
};
/** Runs the three requests through `send` and checks the answers. */
export async function exchange(where, send) {
  same(`${where}: preflight`, await answerOf(await send(preflight)), expected.preflight);
  same(`${where}: allowed origin`, await answerOf(await send((url) => actual(url, "https://app.example"))), expected.allowed);
  same(`${where}: other origin`, await answerOf(await send((url) => actual(url, "https://evil.example"))), expected.refused);
}
/** The three requests through `serve` in process, without a server. */
export const inProcess = () => exchange("in process", (make) => serve(make("http://localhost/")));
// workerd creates no Response with a body while it loads a module: test/runtimes/workerd.mjs asks
// the Worker to run this in a request.
if (runtime !== "workerd") await inProcess();

// The same through a real server of the runtime, over the loopback interface.
let server;
let url;
if (globalThis.Bun) {
  server = globalThis.Bun.serve({ hostname: "127.0.0.1", port: 0, fetch: serve });
  url = `http://127.0.0.1:${server.port}/`;
} else if (globalThis.Deno) {
  server = globalThis.Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, serve);
  url = `http://127.0.0.1:${server.addr.port}/`;
}
if (server) {
  try {
    await exchange("over HTTP", (make) => fetch(make(url)));
  } finally {
    await (globalThis.Bun ? server.stop(true) : server.shutdown());
  }
}
console.log(`${runtime}: ${checks} checks passed`);
