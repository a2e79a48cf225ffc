// Size budgets (min+gzip), checked by `npm run test:package` after a build. One budget per
// built-in header is derived from the header list (every codec typed-headers/headers exports), so
// a new header gets one without an edit here; the limits below are the exceptions and the
// budgets of whole entry points.
import * as headers from "./dist/headers.js";

/** A header's codec imported alone from typed-headers/headers. */
// Raised on 2026-12-01 by 0.1 kB (and the entry points by 0.25–0.4 kB) for the codecs' last-line
// memo (about 70 B in every header, src/headers/codec.ts) and the faster Range, If-None-Match,
// Content-Type and cookie-date readers.
const DEFAULT_HEADER_LIMIT = "3.2 kB";
const headerLimits = {
  "access-control-allow-credentials": "2.0 kB",
  "access-control-max-age": "2.2 kB",
  accept: "3.5 kB",
  "cache-control": "3.85 kB",
  // The cache of repeated Content-Type values (src/headers/content-type.ts).
  "content-type": "3.85 kB",
  "if-range": "3.4 kB",
  "retry-after": "3.3 kB",
  // The IMF-fixdate reader and the day count of src/syntax/cookie-date.ts; the attribute names
  // as arrays of character codes (src/headers/set-cookie.ts).
  "set-cookie": "5.35 kB",
};

const codecs = Object.entries(headers).filter(
  ([, value]) => typeof value?.serialize === "function" && typeof value.name === "string",
);

// Entry points that carry every header: raised on 2026-12-01 (third session) by 0.1 kB for the
// Set-Cookie attribute-name tables and the If-None-Match memo (src/conditional/evaluate-preconditions.ts);
// core, the CORS module and the whole library by 0.1–0.2 kB for the one-walk reader of a request's
// few headers (src/map/pick-lines.ts) and the Range fast path.
export default [
  ...codecs.map(([exportName, codec]) => ({
    name: `one header: ${codec.name} (typed-headers/headers)`,
    path: "dist/headers.js",
    import: `{ ${exportName} }`,
    gzip: true,
    limit: headerLimits[codec.name] ?? DEFAULT_HEADER_LIMIT,
  })),
  {
    name: "parseHeader, every built-in header",
    path: "dist/index.js",
    import: "{ parseHeader }",
    gzip: true,
    limit: "20.6 kB",
  },
  {
    name: "core: typed-headers without the CORS module",
    path: "dist/index.js",
    import: `{ defineHeader, parseHeader, serializeHeader, HeaderMap, DeltaSeconds, FieldName, Method, Origin, ${codecs.map(([exportName]) => exportName).join(", ")} }`,
    gzip: true,
    limit: "21.1 kB",
  },
  // corsPolicy carries the Public Suffix List (ICANN and private sections) for its wildcard check.
  { name: "CORS module (typed-headers/cors)", path: "dist/cors.js", import: "*", gzip: true, limit: "60.7 kB" },
  {
    name: "checkCors alone (typed-headers/cors): no Public Suffix List",
    path: "dist/cors.js",
    import: "{ checkCors }",
    gzip: true,
    limit: "24.9 kB",
  },
  { name: "whole library (typed-headers, import *)", path: "dist/index.js", import: "*", gzip: true, limit: "64.4 kB" },
  { name: "Node adapter (typed-headers/node)", path: "dist/node.js", import: "*", gzip: true, limit: "21.2 kB" },
  { name: "Hono adapter (typed-headers/hono)", path: "dist/hono.js", import: "*", gzip: true, limit: "21.2 kB" },
  { name: "Fastify adapter (typed-headers/fastify)", path: "dist/fastify.js", import: "*", gzip: true, limit: "21.2 kB" },
  { name: "Koa adapter (typed-headers/koa)", path: "dist/koa.js", import: "*", gzip: true, limit: "21.2 kB" },
];
