// Media types and negotiation (issue 14): Content-Type parsing and negotiate() next to the
// packages frameworks use today, on header values read from real requests over loopback.
// Each task handles a batch of inputs so that the per-call cost dominates the harness's own.
import { once } from "node:events";
import { createRequire } from "node:module";
import { createServer, request, type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { negotiate as fastifyNegotiate } from "@fastify/accept-negotiator";
import * as contentTypeV3 from "content-type-v3";
import Negotiator from "negotiator";
import { MIMEType } from "node:util";
import { MIMEType as WhatwgMimeType } from "whatwg-mimetype";
import { bench, describe } from "vitest";
// The built package, as users run it (see parse.bench.ts).
import { contentTypeHeader, negotiate } from "../dist/index.js";

// content-type@1 has no bundled types; its API is the same parse(string) as @3's.
const contentTypeV1 = createRequire(import.meta.url)("content-type-v1") as { parse(value: string): unknown };

/** Sends one request per header set over loopback and returns what node:http parsed. */
async function receive(headerSets: readonly Record<string, string>[]): Promise<IncomingMessage[]> {
  const received: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    received.push(req);
    res.end();
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  for (const headers of headerSets) {
    const req = request({ host: "127.0.0.1", port, method: "POST", headers, agent: false });
    req.end();
    const [res] = (await once(req, "response")) as [IncomingMessage];
    res.resume();
    await once(res, "end");
  }
  server.close();
  return received;
}

/** `values` repeated to `size` items. */
function batch<T>(values: readonly T[], size: number): readonly T[] {
  return Array.from({ length: size }, (_, i) => values[i % values.length] as T);
}

const CHROMIUM_NAVIGATION_ACCEPT =
  "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7";
const contentTypes = [
  "application/json",
  "application/json; charset=utf-8",
  "text/html; charset=UTF-8",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW",
  "text/plain;charset=UTF-8",
];
const FIREFOX_NAVIGATION_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
const CHROMIUM_ACCEPT_ENCODING = "gzip, deflate, br, zstd";
const SAFARI_ACCEPT_ENCODING = "gzip, deflate, br";
const requests = await receive(contentTypes.map((type) => ({ "content-type": type })));
// Form uploads as browsers send them: a new random boundary in every request, so no value
// repeats and the cache of repeated Content-Type values (src/headers/content-type.ts) never hits.
const boundary = () =>
  Array.from(
    { length: 16 },
    () => "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"[Math.floor(Math.random() * 62)],
  ).join("");
const uploads = await receive(
  Array.from({ length: 1024 }, () => ({ "content-type": `multipart/form-data; boundary=----WebKitFormBoundary${boundary()}` })),
);
// 16 navigations of each browser: separate requests, so separate (equal) header strings.
const chromium = await receive(batch([{ accept: CHROMIUM_NAVIGATION_ACCEPT, "accept-encoding": CHROMIUM_ACCEPT_ENCODING }], 16));
const others = await receive(batch([{ accept: FIREFOX_NAVIGATION_ACCEPT, "accept-encoding": SAFARI_ACCEPT_ENCODING }], 16));
const alternating = chromium.flatMap((req, i) => (i % 2 === 0 ? [req] : [others[i] as IncomingMessage]));
const headersOf = (req: IncomingMessage): IncomingHttpHeaders => req.headers;

let sink: unknown;

for (const [label, inputs] of [
  // The six values repeated: what a server sees from clients that send the same bytes every time.
  [
    "typical",
    batch(
      requests.map((req) => headersOf(req)["content-type"] as string),
      64,
    ),
  ],
  ["every value distinct", uploads.map((req) => headersOf(req)["content-type"] as string)],
] as const) {
  describe(`content-type (${label})`, () => {
    bench("typed-headers contentTypeHeader.parse", () => {
      for (const v of inputs) sink = contentTypeHeader.parse(v);
    });
    bench("baseline: content-type@3 parse", () => {
      for (const v of inputs) sink = contentTypeV3.parse(v);
    });
    bench("baseline: content-type@1 parse", () => {
      for (const v of inputs) sink = contentTypeV1.parse(v);
    });
    bench("baseline: whatwg-mimetype new MIMEType", () => {
      for (const v of inputs) sink = new WhatwgMimeType(v);
    });
    bench("baseline: node:util MIMEType", () => {
      for (const v of inputs) sink = new MIMEType(v);
    });
  });
}

const twoTypes = ["application/json", "text/html"];
const twoCodings = ["br", "gzip"];

// negotiate keeps the last header it parsed (see src/negotiation/negotiate.ts): the "alternating"
// groups send a different header on every call, so they measure parsing every time.
for (const [label, reqs] of [
  ["Chromium navigations", chromium],
  ["Chromium and Firefox alternating", alternating],
] as const) {
  describe(`negotiate accept (${label}, two offers)`, () => {
    bench("typed-headers negotiate", () => {
      for (const req of reqs) sink = negotiate("accept", headersOf(req).accept, twoTypes);
    });
    bench("baseline: negotiator mediaType", () => {
      for (const req of reqs) sink = new Negotiator(req).mediaType(twoTypes);
    });
  });
}

for (const [label, reqs] of [
  ["Chromium", chromium],
  ["Chromium and Safari alternating", alternating],
] as const) {
  describe(`negotiate accept-encoding (${label}, two offers)`, () => {
    bench("typed-headers negotiate", () => {
      for (const req of reqs) sink = negotiate("accept-encoding", headersOf(req)["accept-encoding"], twoCodings);
    });
    bench("baseline: @fastify/accept-negotiator", () => {
      for (const req of reqs) sink = fastifyNegotiate(headersOf(req)["accept-encoding"] as string, twoCodings);
    });
    bench("baseline: negotiator encoding", () => {
      for (const req of reqs) sink = new Negotiator(req).encoding(twoCodings);
    });
  });
}

export { sink };
