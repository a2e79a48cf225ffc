// The built ES module in a browser page: headless Chromium imports dist/index.js (and its chunks)
// from a loopback server and runs parse, serialize, HeaderMap, checkCors and corsPolicy there.
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
// @ts-expect-error - a plain ES module shared with the capture script, without types
import { launchChromium } from "./chromium.mjs";

const dist = new URL("../../dist/", import.meta.url).pathname;
let server: Server;
let browser: Browser;
let base = "";

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? "/").split("?")[0] ?? "/"));
    if (path === "/") {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<!doctype html><title>esm</title>");
      return;
    }
    try {
      const body = readFileSync(join(dist, path.replace(/^\/dist\//, "")));
      res.writeHead(200, { "content-type": extname(path) === ".js" ? "text/javascript" : "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
});

test("the ESM build runs in Chromium", async () => {
  const page = await browser.newPage();
  await page.goto(`${base}/`);
  // A string, so that vitest's transform does not rewrite the page's dynamic import().
  const result = await page.evaluate(`(async () => {
    const lib = await import(${JSON.stringify(`${base}/dist/index.js`)});
    return {
      maxAge: lib.parseHeader("Access-Control-Max-Age", "600"),
      credentials: lib.parseHeader("access-control-allow-credentials", "True").error.code,
      serialized: lib.serializeHeader("access-control-allow-methods", ["GET", "PUT"]),
      origin: lib.Origin.parse("https://xn--fa-hia.example").ok,
      map: lib.HeaderMap.from(new Headers({ Vary: "Origin" })).get("vary"),
      verdict: lib.checkCors({ origin: "https://a.example", method: "PUT" }, { preflight: { status: 204, headers: { "access-control-allow-origin": "https://a.example" } } }).reason,
      decision: lib.corsPolicy({ origins: ["https://a.example"] }).handle({ method: "GET", headers: { origin: "https://a.example" } }).allowed,
    };
  })()`);
  expect(result).toEqual({
    maxAge: { ok: true, value: 600 },
    credentials: "not-true",
    serialized: "GET, PUT",
    origin: true,
    map: { ok: true, value: ["origin"] },
    verdict: "disallowed-method",
    decision: true,
  });
});
