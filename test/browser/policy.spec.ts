// corsPolicy behind nodeCors on a node:http server, called by a page in headless Chromium and in
// headless Firefox: the browser lets a request through exactly when the policy allowed it.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { corsPolicy, type CorsDecision, type CorsPolicy } from "typed-headers";
import { nodeCors } from "typed-headers/node";
import { openBlankPage, type BlankPage } from "./blank-page.mjs";
import { BROWSER_ENGINES } from "./browsers.mjs";

function makePolicies(pagePort: number): CorsPolicy[] {
  return [
    corsPolicy({
      origins: [`http://127.0.0.1:${pagePort}`],
      credentials: true,
      methods: ["PUT", "DELETE"],
      allowedHeaders: ["content-type", "x-request-id"],
      exposedHeaders: ["x-total" as never],
      maxAge: 0,
    }),
    corsPolicy({ origins: ["http://127.0.0.1:*"], methods: ["PATCH"], allowedHeaders: ["authorization"], maxAge: 0 }),
    corsPolicy({ origins: "*", methods: ["*"], allowedHeaders: ["*"], exposedHeaders: ["*"], maxAge: 0 }),
    corsPolicy({ origins: ["https://app.example", "http://localhost:*"], credentials: true, methods: ["PUT"], maxAge: 0 }),
    corsPolicy({ origins: [`http://127.0.0.1:${pagePort}`], maxAge: 0 }),
    corsPolicy({ origins: "*", allowedHeaders: ["x-request-id"], maxAge: 0 }),
  ];
}

const requests: { method: string; headers: [string, string][]; credentials: "include" | "same-origin" }[] = [
  { method: "GET", headers: [], credentials: "same-origin" },
  { method: "GET", headers: [], credentials: "include" },
  { method: "PUT", headers: [["Content-Type", "application/json"]], credentials: "include" },
  { method: "PUT", headers: [["X-Request-Id", "1"]], credentials: "same-origin" },
  { method: "DELETE", headers: [], credentials: "same-origin" },
  { method: "PATCH", headers: [["Authorization", "Bearer t"]], credentials: "same-origin" },
  { method: "POST", headers: [["Content-Type", "text/plain"]], credentials: "same-origin" },
  { method: "POST", headers: [["X-Unknown", "1"]], credentials: "same-origin" },
];

describe.each(BROWSER_ENGINES)("%s", (engine) => {
  let blank: BlankPage;
  let apiServer: Server;
  let apiBase = "";
  let policies: CorsPolicy[] = [];
  const decisions: CorsDecision[] = [];

  beforeAll(async () => {
    blank = await openBlankPage(engine);
    policies = makePolicies(blank.port);
    const middlewares = policies.map((policy) =>
      nodeCors({
        handle: (request) => {
          const d = policy.handle(request);
          decisions.push(d);
          return d;
        },
      }),
    );
    apiServer = createServer((req, res) => {
      const index = Number(req.url?.split("/")[2] ?? -1);
      const cors = middlewares[index];
      if (cors === undefined) {
        res.statusCode = 404;
        res.end();
        return;
      }
      if (cors(req, res)) return;
      res.setHeader("x-total", "3");
      res.end("ok");
    });
    await new Promise<void>((resolve) => apiServer.listen(0, "127.0.0.1", resolve));
    apiBase = `http://127.0.0.1:${(apiServer.address() as AddressInfo).port}`;
  }, 60_000);

  afterAll(async () => {
    await blank?.close();
    await new Promise<void>((resolve) => (apiServer ? apiServer.close(() => resolve()) : resolve()));
  });

  test("the browser lets a request through exactly when the policy allowed it", { timeout: 300_000 }, async () => {
    const failures: string[] = [];
    let exchanges = 0;
    for (const [p, policy] of policies.entries()) {
      for (const [r, request] of requests.entries()) {
        const credentialed = p === 0 || p === 3;
        if (request.credentials === "include" && !credentialed) continue; // the browser needs ACAC: true
        decisions.length = 0;
        const outcome = await blank.page.evaluate(
          async ({ url, init }) => {
            try {
              const response = await fetch(url, init);
              return { ok: true, readable: [...response.headers.keys()] };
            } catch {
              return { ok: false, readable: [] as string[] };
            }
          },
          {
            url: `${apiBase}/p/${p}/${r}`,
            init: { method: request.method, headers: request.headers, credentials: request.credentials },
          },
        );
        exchanges++;
        const allowed = decisions.length > 0 && decisions.every((d) => d.allowed);
        if (outcome.ok !== allowed) {
          failures.push(
            `policy ${p}, ${request.method} ${JSON.stringify(request.headers)} ${request.credentials}: policy ${allowed ? "allowed" : "refused"} (${decisions.map((d) => `${d.kind} ${d.allowed} ${d.reason ?? ""}`).join("; ")}), ${engine} ${outcome.ok ? "allowed" : "blocked"}`,
          );
        }
        if (outcome.ok && (p === 0 || p === 2) && !outcome.readable.includes("x-total"))
          failures.push(`policy ${p}: x-total was not readable`);
        void policy;
      }
    }
    console.log(`corsPolicy and ${blank.browser.version} agreed on ${exchanges - failures.length}/${exchanges} exchanges.`);
    expect(failures, failures.join("\n")).toEqual([]);
    expect(exchanges).toBeGreaterThanOrEqual(30);
  });
});
