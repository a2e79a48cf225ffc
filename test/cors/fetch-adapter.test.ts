// fetchCors: apply never throws for a response the runtime accepts (issue 13, defect 5), keeps
// what it can of the response, and works with dynamic policies and onRefused.
import { describe, expect, test } from "vitest";
import { corsPolicy, fetchCors, mergeVary, type CorsDecision } from "typed-headers";

const policy = corsPolicy({ origins: ["https://app.example"], credentials: true, exposedHeaders: ["etag"] });
const request = new Request("http://api.example/", { headers: { origin: "https://app.example" } });
const cors = fetchCors(policy);

describe("fetchCors(...).apply", () => {
  test("adds the headers in place to a mutable response, merging Vary", async () => {
    const response = new Response("hi", { headers: { vary: "Accept-Encoding" } });
    const applied = cors(request).apply(response);
    expect(applied).toBe(response);
    expect(applied.headers.get("access-control-allow-origin")).toBe("https://app.example");
    expect(applied.headers.get("vary")).toBe("accept-encoding, origin");
  });

  test("Response.error() is returned as it is (a network error has no headers to add)", () => {
    const error = Response.error();
    expect(cors(request).apply(error)).toBe(error);
  });

  test("a response with immutable headers is copied with its status, status text, headers and body", async () => {
    const upstream = Response.redirect("https://app.example/next", 307);
    const applied = cors(request).apply(upstream);
    expect(applied).not.toBe(upstream);
    expect(applied.status).toBe(307);
    expect(applied.headers.get("location")).toBe("https://app.example/next");
    expect(applied.headers.get("access-control-allow-origin")).toBe("https://app.example");
  });

  test("an immutable response whose body was read is copied without a body, and never throws", async () => {
    // A real fetch() response from a loopback server: its headers are immutable.
    const server = await import("node:http").then(({ createServer }) =>
      createServer((_req, res) => res.writeHead(201, { "x-upstream": "1" }).end("body")),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as { port: number };
      const upstream = await fetch(`http://127.0.0.1:${port}/`);
      expect(() => upstream.headers.set("x", "1")).toThrow(); // immutable, as the runtime says
      expect(await upstream.text()).toBe("body");
      const applied = cors(request).apply(upstream);
      expect(applied.status).toBe(201);
      expect(applied.headers.get("x-upstream")).toBe("1");
      expect(applied.headers.get("access-control-allow-origin")).toBe("https://app.example");
      expect(await applied.text()).toBe("");
      const unread = await fetch(`http://127.0.0.1:${port}/`);
      expect(await cors(request).apply(unread).text()).toBe("body");
      const locked = await fetch(`http://127.0.0.1:${port}/`);
      locked.body?.getReader();
      expect(cors(request).apply(locked).status).toBe(201);
    } finally {
      server.close();
    }
  });

  test("preflights are answered, and onRefused gets the decision and the request", () => {
    const refused: [CorsDecision, Request][] = [];
    const run = fetchCors(corsPolicy({ origins: ["https://app.example"], methods: ["PUT"] }), {
      onRefused: (d, r) => refused.push([d, r]),
    });
    const evil = new Request("http://api.example/", {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "PUT" },
    });
    const result = run(evil);
    expect(result.preflight?.status).toBe(403);
    expect(refused).toEqual([[result.decision, evil]]);
    const ok = run(
      new Request("http://api.example/", {
        method: "OPTIONS",
        headers: { origin: "https://app.example", "access-control-request-method": "PUT" },
      }),
    );
    expect(ok.preflight?.status).toBe(204);
    expect(refused).toHaveLength(1);
  });

  test("with a dynamic policy the function returns a promise of the same result", async () => {
    const run = fetchCors(corsPolicy({ origins: { allow: async (origin) => origin === "https://app.example" } }));
    const pending = run(request);
    expect(pending).toBeInstanceOf(Promise);
    const result = await pending;
    expect(result.apply(new Response("x")).headers.get("access-control-allow-origin")).toBe("https://app.example");
  });
});

describe("mergeVary", () => {
  test("merges, deduplicates case-insensitively, and lets * absorb everything", () => {
    expect(mergeVary("Accept-Encoding", "origin")).toBe("accept-encoding, origin");
    expect(mergeVary(["origin", "Accept"], "Origin")).toBe("origin, accept");
    expect(mergeVary("*", "origin")).toBe("*");
    expect(mergeVary("accept", "*")).toBe("*");
    expect(mergeVary(null, "origin, access-control-request-method")).toBe("origin, access-control-request-method");
    expect(mergeVary(undefined, "origin")).toBe("origin");
    expect(mergeVary("Accept", "")).toBe("accept"); // nothing to add
  });

  test("keeps lines that do not parse, drops what could never be sent, and never throws for them", () => {
    expect(mergeVary("accept, @weird", "origin")).toBe("accept, @weird, origin");
    expect(mergeVary("bad\r\nx-injected: 1", "origin")).toBe("origin");
    expect(mergeVary([1 as unknown as string, {} as unknown as string, ""], "origin")).toBe("1, origin");
    expect(mergeVary(42, "origin")).toBe("42, origin");
  });

  test("throws the library's TypeError when the added value is not a Vary value", () => {
    expect(() => mergeVary("accept", "a b")).toThrow(/^typed-headers: mergeVary: "a b" is not a Vary value/);
    expect(() => mergeVary("accept", "origin\r\nx: 1")).toThrow(TypeError);
  });
});
