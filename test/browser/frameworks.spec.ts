// Each framework adapter behind its real framework (test/cors/framework-apps.ts), called by a page
// on another origin in headless Chromium: what the browser lets the page read is what the adapter
// promised — a credentialed JSON PUT after its preflight, a readable 404 and 500, and a refused
// preflight that blocks the request (and reaches onRefused). Static origins for every framework,
// dynamic ones for Koa and Fastify. Bounded: six fetches per app, maxAge 0 so every PUT preflights.
import type { BrowserPage } from "./browsers.mjs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { corsPolicy, FieldName, type CorsPolicy, type DynamicCorsPolicy } from "typed-headers";
import { startApp, type StartedApp } from "../cors/framework-apps.js";
import { openBlankPage, type BlankPage } from "./blank-page.mjs";

let blank: BlankPage;
let page: BrowserPage;
const started: Record<string, StartedApp> = {};
const cases = [
  ["node:http", "static"],
  ["express", "static"],
  ["hono", "static"],
  ["fastify", "static"],
  ["koa", "static"],
  ["fastify", "dynamic"],
  ["koa", "dynamic"],
] as const;

function policyFor(kind: "static" | "dynamic", pageOrigin: string): CorsPolicy | DynamicCorsPolicy {
  const options = {
    credentials: true,
    methods: ["PUT"],
    allowedHeaders: ["content-type"],
    exposedHeaders: [FieldName.from("x-total")],
    maxAge: 0,
  } as const;
  if (kind === "static") return corsPolicy({ origins: [pageOrigin], ...options });
  return corsPolicy({ origins: { allow: async (origin) => origin === pageOrigin }, ...options });
}

beforeAll(async () => {
  blank = await openBlankPage();
  ({ page } = blank);
  for (const [framework, kind] of cases)
    started[`${framework} ${kind}`] = await startApp(framework, policyFor(kind, blank.origin));
}, 60_000);

afterAll(async () => {
  await blank?.close();
  await Promise.all(Object.values(started).map((app) => app.close()));
});

/** What the page saw for one fetch: the status and readable headers, or that it was blocked. */
type Outcome = { ok: true; status: number; total: string | null; body: string } | { ok: false; error: string };

function pageFetch(url: string, init: { method?: string; headers?: Record<string, string>; body?: string }): Promise<Outcome> {
  return page.evaluate(
    async ({ url, init }) => {
      try {
        const response = await fetch(url, { ...init, credentials: "include" });
        return {
          ok: true as const,
          status: response.status,
          total: response.headers.get("x-total"),
          body: await response.text(),
        };
      } catch (error) {
        return { ok: false as const, error: String(error) };
      }
    },
    { url, init },
  );
}

describe.each(cases)("%s (%s origins) in headless Chromium", (framework, kind) => {
  const app = () => started[`${framework} ${kind}`] as StartedApp;

  test("a credentialed JSON PUT passes its preflight and the page reads the body and x-total", async () => {
    const outcome = await pageFetch(`${app().base}/items/7`, {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: '{"name":"x"}',
    });
    expect(outcome).toEqual({ ok: true, status: 200, total: "3", body: JSON.stringify({ id: "7", body: { name: "x" } }) });
  });

  test("the page can read a 404 and a thrown 500", async () => {
    expect(await pageFetch(`${app().base}/missing`, {})).toMatchObject({ ok: true, status: 404 });
    expect(await pageFetch(`${app().base}/boom`, {})).toMatchObject({ ok: true, status: 500 });
  });

  test("a header the policy does not allow fails the preflight, the browser blocks the request, onRefused sees why", async () => {
    const before = app().refusals.length;
    const outcome = await pageFetch(`${app().base}/items/7`, {
      method: "PUT",
      headers: { "Content-Type": "application/json", "X-Unknown": "1" },
      body: "{}",
    });
    expect(outcome.ok).toBe(false);
    expect(
      app()
        .refusals.slice(before)
        .map(({ decision }) => [decision.kind, decision.reason]),
    ).toEqual([["preflight", "disallowed-header"]]);
  });
});
