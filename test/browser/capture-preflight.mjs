// Captures a real CORS preflight from headless Chromium into test/fixtures/captured-preflight.json:
// the request exactly as Node received it (rawHeaders), the response header block the server
// sent, and what Chromium reported. Run: node test/browser/capture-preflight.mjs
import { writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { launchChromium } from "./chromium.mjs";

const listen = (server) => new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server.address().port)));

const page = createServer((req, res) => {
  res.writeHead(200, { "content-type": "text/html" });
  res.end("<!doctype html><title>app</title>");
});
const pagePort = await listen(page);
const pageOrigin = `http://127.0.0.1:${pagePort}`;

// The API answers the way a hand-rolled CORS middleware often does, with three classic mistakes:
// a trailing slash on the origin, a capitalised "True", and a negative max-age.
const responseLines = [
  ["Access-Control-Allow-Origin", `${pageOrigin}/`],
  ["Access-Control-Allow-Credentials", "True"],
  ["Access-Control-Allow-Methods", "GET, POST, PATCH, DELETE"],
  ["Access-Control-Allow-Headers", "Content-Type, X-Request-Id"],
  ["Access-Control-Max-Age", "-1"],
  ["Vary", "Origin"],
  ["Content-Length", "0"],
];
let captured;
const api = createServer((req, res) => {
  if (req.method === "OPTIONS") {
    captured = { method: req.method, url: req.url, httpVersion: req.httpVersion, rawHeaders: req.rawHeaders };
    res.writeHead(204, responseLines.flat());
    res.end();
    return;
  }
  res.writeHead(200, { "content-type": "application/json" });
  res.end("{}");
});
const apiPort = await listen(api);

const browser = await launchChromium();
try {
  const tab = await browser.newPage();
  const console_ = [];
  tab.on("console", (m) => console_.push(m.text()));
  await tab.goto(`${pageOrigin}/`);
  const pageRequest = {
    method: "PATCH",
    credentials: "include",
    headers: { "Content-Type": "application/json", "X-Request-Id": "7f3a" },
  };
  const outcome = await tab.evaluate(
    async ({ url, init }) => {
      try {
        const r = await fetch(url, { ...init, body: JSON.stringify({ done: true }) });
        return `ok ${r.status}`;
      } catch (e) {
        return `${e.name}: ${e.message}`;
      }
    },
    { url: `http://127.0.0.1:${apiPort}/api/items/42`, init: pageRequest },
  );
  const capture = {
    description:
      "A CORS preflight captured from headless Chromium on loopback (page and API on two ports of 127.0.0.1). The request is exactly what Node received; the response is the header block the test API sent back.",
    browser: browser.version(),
    capturedAt: new Date().toISOString(),
    pageOrigin,
    pageRequest,
    request: captured,
    response: { status: 204, headers: responseLines },
    chromium: { fetch: outcome, console: console_ },
  };
  writeFileSync(new URL("../fixtures/captured-preflight.json", import.meta.url), `${JSON.stringify(capture, null, 2)}\n`);
  console.log(JSON.stringify(capture, null, 2));
} finally {
  await browser.close();
  page.close();
  api.close();
}
