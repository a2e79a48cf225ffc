// A complete conditional GET with byte ranges, for node:http and for any Fetch handler.
// (Imports the sources until the headers are in the package's entry points; then import them
// from "typed-headers".)
import type { IncomingMessage, ServerResponse } from "node:http";
import { evaluatePreconditions } from "../src/conditional/evaluate-preconditions.js";
import { resolveRanges, type ByteRange } from "../src/conditional/resolve-ranges.js";
import { cacheControlHeader } from "../src/headers/cache-control.js";
import { etagHeader } from "../src/headers/conditional/etag.js";
import { lastModifiedHeader } from "../src/headers/conditional/dates.js";
import { acceptRangesHeader } from "../src/headers/ranges/accept-ranges.js";
import { contentRangeHeader } from "../src/headers/ranges/content-range.js";
import { rangeHeader } from "../src/headers/ranges/range.js";
import { HeaderMap, type HeaderInput } from "../src/map/header-map.js";
import type { EntityTag } from "../src/syntax/entity-tag.js";
import { HttpDate } from "../src/syntax/http-date.js";

/** What is served: the bytes and their validators. */
export interface Representation {
  readonly body: Uint8Array<ArrayBuffer>;
  readonly etag: EntityTag;
  readonly lastModified: HttpDate;
}

/** A response as plain data, sent by either handler below. */
interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer> | null;
}

/** The whole decision, shared by both handlers: 304, 412, 416, 206 or 200. */
export function answer(method: string, headers: HeaderInput, file: Representation): Answer {
  const validators = {
    etag: etagHeader.serialize(file.etag),
    "last-modified": lastModifiedHeader.serialize(file.lastModified),
    "cache-control": cacheControlHeader.serialize({ maxAge: 60, public: true }),
    "accept-ranges": acceptRangesHeader.serialize(["bytes"]),
  };
  const { status, useRange } = evaluatePreconditions({ method, headers }, file);
  if (status === 304) return { status, headers: validators, body: null }; // same validators, no content
  if (status === 412) return { status, headers: {}, body: null };

  const size = file.body.length;
  let ranges: readonly ByteRange[] | null = [];
  if (useRange) {
    const range = rangeHeader.parse(HeaderMap.from(headers).getAll("range"));
    // An invalid Range, or a unit other than bytes, is ignored: the whole representation follows.
    if (range.ok && "ranges" in range.value) ranges = resolveRanges(range.value, size);
  }
  if (ranges === null) {
    return {
      status: 416,
      headers: { "content-range": contentRangeHeader.serialize({ unit: "bytes", range: null, size }) },
      body: null,
    };
  }
  // One range: 206. Several: this server sends the whole representation (it may; a multipart/
  // byteranges answer is the other choice). None (no Range, or an empty representation): 200.
  if (ranges.length === 1) {
    const [range] = ranges as [ByteRange];
    return {
      status: 206,
      headers: { ...validators, "content-range": contentRangeHeader.serialize({ unit: "bytes", range, size }) },
      body: method === "HEAD" ? null : file.body.subarray(range.first, range.last + 1),
    };
  }
  return { status: 200, headers: validators, body: method === "HEAD" ? null : file.body };
}

/** node:http: `createServer((req, res) => nodeHandler(req, res, file))`. */
export function nodeHandler(req: IncomingMessage, res: ServerResponse, file: Representation): void {
  const { status, headers, body } = answer(req.method ?? "GET", req.headers, file);
  res.writeHead(status, headers).end(body ?? undefined);
}

/** Any Fetch handler (Deno, Bun, Cloudflare Workers, Hono, Next.js route handlers). */
export function fetchHandler(request: Request, file: Representation): Response {
  const { status, headers, body } = answer(request.method, request.headers, file);
  return new Response(body, { status, headers });
}

/** A representation for the examples: the text's bytes, tagged with a hash-like tag. */
export function representationOf(text: string, modified: Date): Representation {
  const body = new TextEncoder().encode(text);
  return {
    body,
    etag: { weak: false, tag: `${body.length}-${text.length.toString(36)}` },
    lastModified: HttpDate.from(modified),
  };
}
