// examples/conditional-get.ts runs: conditional GETs with ranges through node:http and a Fetch handler.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { fetchHandler, nodeHandler, representationOf } from "../examples/conditional-get.js";

const file = representationOf("0123456789abcdefghij", new Date("2024-05-01T10:00:00.750Z"));
const etag = `"${file.etag.tag}"`;
const lastModified = "Wed, 01 May 2024 10:00:00 GMT";

/** The same requests, sent through both handlers. */
const cases: [string, Record<string, string>, number, string | null, Record<string, string>][] = [
  ["unconditional", {}, 200, "0123456789abcdefghij", { etag, "last-modified": lastModified, "accept-ranges": "bytes" }],
  ["If-None-Match matching", { "if-none-match": `W/${etag}` }, 304, "", { etag }],
  ["If-Modified-Since not modified", { "if-modified-since": lastModified }, 304, "", { "cache-control": "max-age=60, public" }],
  ["Range", { range: "bytes=0-4" }, 206, "01234", { "content-range": "bytes 0-4/20" }],
  ["suffix Range", { range: "bytes=-3" }, 206, "hij", { "content-range": "bytes 17-19/20" }],
  [
    "Range with a matching If-Range",
    { range: "bytes=5-", "if-range": etag },
    206,
    "56789abcdefghij",
    { "content-range": "bytes 5-19/20" },
  ],
  ["Range with a stale If-Range", { range: "bytes=5-", "if-range": '"old"' }, 200, "0123456789abcdefghij", {}],
  ["unsatisfiable Range", { range: "bytes=20-" }, 416, "", { "content-range": "bytes */20" }],
  ["invalid Range ignored", { range: "bytes=5-1" }, 200, "0123456789abcdefghij", {}],
  ["If-Match failing", { "if-match": '"old"' }, 412, "", {}],
];

describe("examples/conditional-get.ts", () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => nodeHandler(req, res, file));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  test.each(cases)("node:http: %s", async (_name, headers, status, body, expected) => {
    const response = await fetch(`${base}/file.txt`, { headers });
    expect(response.status).toBe(status);
    expect(await response.text()).toBe(body);
    for (const [name, value] of Object.entries(expected)) expect(response.headers.get(name)).toBe(value);
  });

  test.each(cases)("Fetch handler: %s", async (_name, headers, status, body, expected) => {
    const response = fetchHandler(new Request("http://localhost/file.txt", { headers }), file);
    expect(response.status).toBe(status);
    expect(await response.text()).toBe(body ?? "");
    for (const [name, value] of Object.entries(expected)) expect(response.headers.get(name)).toBe(value);
  });
});
