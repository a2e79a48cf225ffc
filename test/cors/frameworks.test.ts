// Every adapter inside the real framework on 127.0.0.1, called with real fetch: node:http and
// Express (nodeCors), Hono (honoCors, served through a small node:http bridge), Fastify
// (fastifyCors) and Koa with @koa/router (koaCors). Each app (test/cors/framework-apps.ts) serves a
// JSON PUT, a 404 and a thrown 500, sets its own Vary, and runs once with static origins and once
// with dynamic ones.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { corsPolicy, FieldName, type CorsPolicy, type DynamicCorsPolicy } from "typed-headers";
import { frameworks, startApp, type StartedApp } from "./framework-apps.js";

const ALLOWED = ["https://app.example", "https://pr-7.preview.example"];
const options = {
  credentials: true,
  methods: ["PUT"],
  allowedHeaders: ["content-type"],
  exposedHeaders: [FieldName.from("x-total")],
  maxAge: 600,
} as const;
const policies: Record<string, CorsPolicy | DynamicCorsPolicy> = {
  static: corsPolicy({ origins: ["https://app.example", "https://*.preview.example"], ...options }),
  dynamic: corsPolicy({ origins: { allow: async (origin) => ALLOWED.includes(origin) }, ...options }),
};

const cases = Object.keys(frameworks).flatMap((framework) => Object.keys(policies).map((kind) => [framework, kind] as const));
const started: Record<string, StartedApp> = {};

beforeAll(async () => {
  for (const [framework, kind] of cases)
    started[`${framework} ${kind}`] = await startApp(framework, policies[kind] as CorsPolicy);
});
afterAll(() => Promise.all(Object.values(started).map((app) => app.close())));

const varyOf = (response: Response) =>
  (response.headers.get("vary") ?? "")
    .toLowerCase()
    .split(/\s*,\s*/)
    .filter(Boolean)
    .sort();
const corsNames = (response: Response) => [...response.headers.keys()].filter((name) => name.startsWith("access-control-"));
const preflightHeaders = (origin: string) => ({
  Origin: origin,
  "Access-Control-Request-Method": "PUT",
  "Access-Control-Request-Headers": "content-type",
});

describe.each(cases)("%s, %s origins", (framework, kind) => {
  const target = () => started[`${framework} ${kind}`] as StartedApp;
  const refusals = () => target().refusals;

  test("an allowed preflight is answered 204 with the CORS headers and an empty body", async () => {
    const response = await fetch(`${target().base}/items/1`, {
      method: "OPTIONS",
      headers: preflightHeaders("https://pr-7.preview.example"),
    });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
    expect(response.headers.get("access-control-allow-origin")).toBe("https://pr-7.preview.example");
    expect(response.headers.get("access-control-allow-credentials")).toBe("true");
    expect(response.headers.get("access-control-allow-methods")).toBe("PUT");
    expect(response.headers.get("access-control-allow-headers")).toBe("content-type");
    expect(response.headers.get("access-control-max-age")).toBe("600");
    expect(varyOf(response)).toEqual(
      expect.arrayContaining(["origin", "access-control-request-method", "access-control-request-headers"]),
    );
  });

  test("a refused preflight is answered 403 without CORS headers, and onRefused sees it", async () => {
    const before = refusals().length;
    const response = await fetch(`${target().base}/items/1`, {
      method: "OPTIONS",
      headers: preflightHeaders("https://evil.example"),
    });
    expect(response.status).toBe(403);
    expect(await response.text()).toBe("");
    expect(corsNames(response)).toEqual([]);
    expect(varyOf(response)).toContain("origin");
    const seen = refusals().slice(before);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.decision).toMatchObject({ kind: "preflight", allowed: false, status: 403, reason: "disallowed-origin" });
    expect(seen[0]?.request.method).toBe("OPTIONS");
  });

  test("a credentialed JSON PUT gets ACAO, ACAC, ACEH, and Vary merged with the app's", async () => {
    const response = await fetch(`${target().base}/items/1`, {
      method: "PUT",
      headers: { Origin: "https://app.example", "Content-Type": "application/json", Cookie: "session=1" },
      body: JSON.stringify({ name: "x" }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: "1", body: { name: "x" } });
    expect(response.headers.get("access-control-allow-origin")).toBe("https://app.example");
    expect(response.headers.get("access-control-allow-credentials")).toBe("true");
    expect(response.headers.get("access-control-expose-headers")).toBe("x-total");
    expect(response.headers.get("x-total")).toBe("3");
    expect(varyOf(response)).toEqual(["accept-encoding", "origin"]);
  });

  test("a 404 still carries the CORS headers", async () => {
    const response = await fetch(`${target().base}/missing`, { headers: { Origin: "https://app.example" } });
    expect(response.status).toBe(404);
    expect(response.headers.get("access-control-allow-origin")).toBe("https://app.example");
    expect(response.headers.get("access-control-allow-credentials")).toBe("true");
    expect(varyOf(response)).toContain("origin");
  });

  test("a thrown 500 still carries the CORS headers", async () => {
    const response = await fetch(`${target().base}/boom`, { headers: { Origin: "https://app.example" } });
    expect(response.status).toBe(500);
    expect(response.headers.get("access-control-allow-origin")).toBe("https://app.example");
    expect(response.headers.get("access-control-allow-credentials")).toBe("true");
    expect(varyOf(response)).toContain("origin");
  });

  test("a request from another origin reaches the app without CORS headers, and onRefused sees it", async () => {
    const before = refusals().length;
    for (const origin of ["https://app.example.evil.com", "null", "http://app.example"]) {
      const response = await fetch(`${target().base}/items/1`, {
        method: "PUT",
        headers: { Origin: origin, "Content-Type": "application/json" },
        body: "{}",
      });
      expect(response.status).toBe(200);
      expect(corsNames(response)).toEqual([]);
      expect(varyOf(response)).toEqual(["accept-encoding", "origin"]);
    }
    expect(
      refusals()
        .slice(before)
        .map(({ decision }) => [decision.kind, decision.reason]),
    ).toEqual([
      ["actual", "disallowed-origin"],
      ["actual", "disallowed-origin"],
      ["actual", "disallowed-origin"],
    ]);
  });
});

describe.each(Object.keys(frameworks))("%s, a dynamic check that fails", (framework) => {
  let app: StartedApp;
  beforeAll(async () => {
    app = await startApp(
      framework,
      corsPolicy({ origins: { allow: async () => Promise.reject(new Error("tenant database down")) }, ...options }),
    );
  });
  afterAll(() => app.close());

  test("answers 500 without CORS headers, for preflights and actual requests, and keeps serving", async () => {
    for (let round = 0; round < 2; round++) {
      const preflight = await fetch(`${app.base}/items/1`, {
        method: "OPTIONS",
        headers: preflightHeaders("https://app.example"),
      });
      expect(preflight.status).toBe(500);
      expect(corsNames(preflight)).toEqual([]);
      const actual = await fetch(`${app.base}/items/1`, {
        method: "PUT",
        headers: { Origin: "https://app.example", "Content-Type": "application/json" },
        body: "{}",
      });
      expect(actual.status).toBe(500);
      expect(corsNames(actual)).toEqual([]);
    }
    const sameOrigin = await fetch(`${app.base}/missing`);
    expect(sameOrigin.status).toBe(404);
  });
});
