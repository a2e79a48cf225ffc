// The four targets of issue 16: conditional requests next to fresh@2, ranges next to
// range-parser@2, and Cache-Control next to a hand-written split, timed so that a loaded machine
// does not skew them: the contenders of each group take turns (bench/interleave.mjs).
// Inputs are real: the IncomingMessage.headers of requests a node:http server received over
// loopback, four of each (a server sees a new object and new strings per request, so the JIT
// cannot carry what it read from one call into the next), and the Cache-Control of a response
// as the client received it.
// Run after `npm run build`: node bench/conditional-interleaved.mjs [--quick] [--check]
import fresh from "fresh";
import { parse as rangeParse } from "range-parser";
import { cacheControlHeader, EntityTag, evaluatePreconditions, HttpDate, rangeHeader, resolveRanges } from "../dist/index.js";
import { compare, exchange, printTable, receive } from "./interleave.mjs";

const ETAG = '"5-qvTGHdzF6KLavt4PO0gs2a6pQ00"'; // what the etag package makes of "hello"
const LAST_MODIFIED = "Wed, 21 Oct 2015 07:28:00 GMT";
const CACHE_CONTROL = "public, max-age=31536000, immutable";
const SIZE = 10000;
const BROWSER_HEADERS = {
  accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
  "accept-encoding": "gzip, deflate, br, zstd",
  "accept-language": "en-US,en;q=0.9",
  "user-agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36",
};

/** The headers of four requests that each carry `headers` next to a browser's usual ones. */
const fourRequests = async (headers) =>
  (await receive(Array.from({ length: 4 }, () => ({ ...BROWSER_HEADERS, ...headers })))).map((req) => req.headers);
const ifNoneMatchRequests = await fourRequests({ "if-none-match": ETAG });
const ifModifiedSinceRequests = await fourRequests({ "if-modified-since": LAST_MODIFIED });
const rangeValues = (await fourRequests({ range: "bytes=0-499" })).map((headers) => headers.range);
const cacheControlValues = [];
for (let i = 0; i < 4; i++) {
  cacheControlValues.push((await exchange({}, { "cache-control": CACHE_CONTROL })).responseHeaders.get("cache-control"));
}

const current = { etag: EntityTag.from(ETAG), lastModified: HttpDate.from(LAST_MODIFIED) };
const freshResponse = { etag: ETAG, "last-modified": LAST_MODIFIED };

/** A careful hand-written Cache-Control reader: split on commas, trim, split at "=", lowercase names. */
function handSplit(value) {
  const directives = {};
  for (const part of value.split(",")) {
    const directive = part.trim();
    if (directive === "") continue;
    const eq = directive.indexOf("=");
    if (eq === -1) directives[directive.toLowerCase()] = true;
    else directives[directive.slice(0, eq).toLowerCase()] = directive.slice(eq + 1);
  }
  return directives;
}

let sink;
compare("If-None-Match against an ETag (304)", [
  ["typed-headers", (i) => (sink = evaluatePreconditions({ method: "GET", headers: ifNoneMatchRequests[i & 3] }, current))],
  ["fresh", (i) => (sink = fresh(ifNoneMatchRequests[i & 3], freshResponse)), 1],
]);
compare("If-Modified-Since against Last-Modified (304)", [
  ["typed-headers", (i) => (sink = evaluatePreconditions({ method: "GET", headers: ifModifiedSinceRequests[i & 3] }, current))],
  ["fresh", (i) => (sink = fresh(ifModifiedSinceRequests[i & 3], freshResponse)), 1],
]);
compare("Range: bytes=0-499, parse + resolve", [
  [
    "typed-headers",
    (i) => {
      const range = rangeHeader.parse(rangeValues[i & 3]);
      sink = range.ok ? resolveRanges(range.value, SIZE) : null;
    },
  ],
  ["range-parser@2", (i) => (sink = rangeParse(SIZE, rangeValues[i & 3])), 1],
]);
compare("Cache-Control of a typical response", [
  ["typed-headers", (i) => (sink = cacheControlHeader.parse(cacheControlValues[i & 3]))],
  ["hand-written split", (i) => (sink = handSplit(cacheControlValues[i & 3])), 1.5],
]);
printTable("Conditional requests, ranges and Cache-Control (issue 16): bench/conditional-interleaved.mjs");
export { sink };
