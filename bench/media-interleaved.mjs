// The media benchmarks (issue 14): Content-Type parsing and negotiate() next to the packages
// frameworks use today, timed so that a loaded machine does not skew them: the contenders of
// each group take turns and each keeps its fastest round (bench/interleave.mjs).
// Inputs are header values node:http parsed from real requests over loopback, one request per
// value, so no two calls share a string unless the browser sent the same one twice.
// Run after `npm run build`: node bench/media-interleaved.mjs [--quick]
import { createRequire } from "node:module";
import { MIMEType } from "node:util";
import { negotiate as fastifyNegotiate } from "@fastify/accept-negotiator";
import * as contentTypeV3 from "content-type-v3";
import Negotiator from "negotiator";
import { MIMEType as WhatwgMimeType } from "whatwg-mimetype";
import { contentTypeHeader, negotiate } from "../dist/index.js";
import { compare, printTable, receive } from "./interleave.mjs";

const contentTypeV1 = createRequire(import.meta.url)("content-type-v1");

const TYPICAL = [
  "application/json",
  "application/json; charset=utf-8",
  "text/html; charset=UTF-8",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW",
  "text/plain;charset=UTF-8",
];
// 10 requests of each typical value, in turn.
const typical = (await receive(Array.from({ length: 60 }, (_, i) => ({ "content-type": TYPICAL[i % 6] })))).map(
  (req) => req.headers["content-type"],
);
// Form uploads as browsers send them: a new random boundary in every request, so no value repeats.
const boundary = () =>
  Array.from(
    { length: 16 },
    () => "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"[Math.floor(Math.random() * 62)],
  ).join("");
const distinct = (
  await receive(
    Array.from({ length: 1024 }, () => ({ "content-type": `multipart/form-data; boundary=----WebKitFormBoundary${boundary()}` })),
  )
).map((req) => req.headers["content-type"]);
if (new Set(distinct).size !== distinct.length) throw new Error("bench/media-interleaved.mjs: the boundaries repeat");

const CHROMIUM_ACCEPT =
  "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7";
const FIREFOX_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
// 16 navigations from each browser, alternating in `alternating`.
const chromium = await receive(
  Array.from({ length: 16 }, () => ({ accept: CHROMIUM_ACCEPT, "accept-encoding": "gzip, deflate, br, zstd" })),
);
const others = await receive(
  Array.from({ length: 16 }, () => ({ accept: FIREFOX_ACCEPT, "accept-encoding": "gzip, deflate, br" })),
);
const alternating = chromium.map((req, i) => (i % 2 === 0 ? req : others[i]));
const twoTypes = ["application/json", "text/html"];
const twoCodings = ["br", "gzip"];

let sink;
// Issue 14's targets are for the typical values; the distinct ones are reported beside them.
for (const [label, values, targets] of [
  ["Content-Type, the six typical values", typical, [1, 0.2, 0.2]],
  ["Content-Type, every value distinct (multipart boundaries)", distinct, []],
]) {
  const n = values.length;
  compare(label, [
    ["typed-headers", (i) => (sink = contentTypeHeader.parse(values[i % n]))],
    ["content-type@3 parse", (i) => (sink = contentTypeV3.parse(values[i % n])), targets[0]],
    ["content-type@1 parse", (i) => (sink = contentTypeV1.parse(values[i % n])), targets[1]],
    ["whatwg-mimetype new MIMEType", (i) => (sink = new WhatwgMimeType(values[i % n])), targets[2]],
    ["node:util MIMEType", (i) => (sink = new MIMEType(values[i % n]))],
  ]);
}
for (const [label, reqs] of [
  ["negotiate accept, Chromium navigations", chromium],
  ["negotiate accept, Chromium and Firefox alternating", alternating],
]) {
  compare(label, [
    ["typed-headers", (i) => (sink = negotiate("accept", reqs[i & 15].headers.accept, twoTypes))],
    ["negotiator mediaType", (i) => (sink = new Negotiator(reqs[i & 15]).mediaType(twoTypes)), 1 / 3],
  ]);
}
for (const [label, reqs] of [
  ["negotiate accept-encoding, Chromium", chromium],
  ["negotiate accept-encoding, Chromium and Safari alternating", alternating],
]) {
  compare(label, [
    ["typed-headers", (i) => (sink = negotiate("accept-encoding", reqs[i & 15].headers["accept-encoding"], twoCodings))],
    ["@fastify/accept-negotiator", (i) => (sink = fastifyNegotiate(reqs[i & 15].headers["accept-encoding"], twoCodings)), 1.5],
    ["negotiator encoding", (i) => (sink = new Negotiator(reqs[i & 15]).encoding(twoCodings))],
  ]);
}
printTable("Media types and negotiation (issue 14): bench/media-interleaved.mjs");
export { sink };
