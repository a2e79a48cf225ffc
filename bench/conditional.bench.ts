// Conditional requests, ranges and Cache-Control (issue 16), next to the packages Node servers
// use today: fresh@2, range-parser@2 and a hand-written Cache-Control split.
// Inputs: the headers of real requests and a real response, received over loopback by node:http
// (IncomingMessage.headers), captured once before the benchmarks run.
// These modules are not in the package's entry points yet (the registry wires them), so the
// benchmark bundles them with esbuild (as tsup does) into node_modules/.cache and imports that:
// Node runs it natively, like the baselines, rather than through vitest's module runner, whose
// per-call import indirection would be measured too.
import { build } from "esbuild";
import fresh from "fresh";
import { createServer, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parse as rangeParse } from "range-parser";
import { bench, describe } from "vitest";
import type * as Conditional from "./conditional-entry.js";

const bundle = fileURLToPath(new URL("../node_modules/.cache/typed-headers-bench/conditional.mjs", import.meta.url));
await build({
  entryPoints: [fileURLToPath(new URL("./conditional-entry.ts", import.meta.url))],
  bundle: true,
  format: "esm",
  outfile: bundle,
  logLevel: "error",
});
const { cacheControlHeader, EntityTag, evaluatePreconditions, HttpDate, rangeHeader, resolveRanges } = (await import(
  pathToFileURL(bundle).href
)) as typeof Conditional;

const ETAG = '"5-qvTGHdzF6KLavt4PO0gs2a6pQ00"'; // what the etag package makes of "hello"
const LAST_MODIFIED = "Wed, 21 Oct 2015 07:28:00 GMT";
const CACHE_CONTROL = "public, max-age=31536000, immutable";
const SIZE = 10000;

const browserHeaders = {
  Accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
  "Accept-Encoding": "gzip, deflate, br, zstd",
  "Accept-Language": "en-US,en;q=0.9",
  "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36",
};

/** Sends one GET per header set to a loopback node:http server; returns what the server received, and the last response's headers. */
async function capture(
  requests: Record<string, string>[],
): Promise<{ received: IncomingHttpHeaders[]; response: IncomingHttpHeaders }> {
  const received: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    received.push(req.headers);
    res.writeHead(200, { "cache-control": CACHE_CONTROL, etag: ETAG, "last-modified": LAST_MODIFIED }).end("hello");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  let response: IncomingHttpHeaders = {};
  for (const headers of requests) {
    response = await new Promise((resolve, reject) => {
      httpRequest({ host: "127.0.0.1", port, path: "/asset.js", headers: { ...browserHeaders, ...headers } }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.headers));
      })
        .on("error", reject)
        .end();
    });
  }
  await new Promise((resolve) => server.close(resolve));
  return { received, response };
}

const { received, response } = await capture([
  { "If-None-Match": ETAG },
  { "If-Modified-Since": LAST_MODIFIED },
  { Range: "bytes=0-499" },
]);
const [ifNoneMatchRequest, ifModifiedSinceRequest, rangeRequest] = received as [
  IncomingHttpHeaders,
  IncomingHttpHeaders,
  IncomingHttpHeaders,
];
const rangeValue = rangeRequest.range as string;
const cacheControlValue = response["cache-control"] as string;

const current = { etag: EntityTag.from(ETAG), lastModified: HttpDate.from(LAST_MODIFIED) };
const freshResponse = { etag: ETAG, "last-modified": LAST_MODIFIED };

let sink: unknown;
/** Calls per benchmark iteration, so that the harness's own per-iteration cost is amortized. */
const BATCH = 64;
/** Longer runs than the default: this shared machine's load varies from second to second. */
const OPTIONS = { time: 1500, warmupTime: 300 };

/** A careful hand-written Cache-Control reader: split on commas, trim, split at "=", lowercase names. */
function handSplit(value: string): Record<string, string | true> {
  const directives: Record<string, string | true> = {};
  for (const part of value.split(",")) {
    const directive = part.trim();
    if (directive === "") continue;
    const eq = directive.indexOf("=");
    if (eq === -1) directives[directive.toLowerCase()] = true;
    else directives[directive.slice(0, eq).toLowerCase()] = directive.slice(eq + 1);
  }
  return directives;
}

describe("If-None-Match against an ETag (304)", () => {
  bench(
    "typed-headers evaluatePreconditions",
    () => {
      for (let i = 0; i < BATCH; i++)
        sink = evaluatePreconditions({ method: "GET", headers: ifNoneMatchRequest }, current).status === 304;
    },
    OPTIONS,
  );
  bench(
    "baseline: fresh",
    () => {
      for (let i = 0; i < BATCH; i++) sink = fresh(ifNoneMatchRequest, freshResponse);
    },
    OPTIONS,
  );
});

describe("If-Modified-Since against Last-Modified (304)", () => {
  bench(
    "typed-headers evaluatePreconditions",
    () => {
      for (let i = 0; i < BATCH; i++)
        sink = evaluatePreconditions({ method: "GET", headers: ifModifiedSinceRequest }, current).status === 304;
    },
    OPTIONS,
  );
  bench(
    "baseline: fresh",
    () => {
      for (let i = 0; i < BATCH; i++) sink = fresh(ifModifiedSinceRequest, freshResponse);
    },
    OPTIONS,
  );
});

describe("Range: bytes=0-499, parse + resolve", () => {
  bench(
    "typed-headers rangeHeader.parse + resolveRanges",
    () => {
      for (let i = 0; i < BATCH; i++) {
        const range = rangeHeader.parse(rangeValue);
        sink = range.ok ? resolveRanges(range.value, SIZE) : null;
      }
    },
    OPTIONS,
  );
  bench(
    "baseline: range-parser@2 parse",
    () => {
      for (let i = 0; i < BATCH; i++) sink = rangeParse(SIZE, rangeValue);
    },
    OPTIONS,
  );
});

describe("Cache-Control of a typical response", () => {
  bench(
    "typed-headers cacheControlHeader.parse",
    () => {
      for (let i = 0; i < BATCH; i++) sink = cacheControlHeader.parse(cacheControlValue);
    },
    OPTIONS,
  );
  bench(
    "baseline: hand-written split",
    () => {
      for (let i = 0; i < BATCH; i++) sink = handSplit(cacheControlValue);
    },
    OPTIONS,
  );
});

export { sink };
