// What a user sees: configuration errors a program can read, nothing silent for JavaScript
// callers (lowercase methods, a request passed as headers, malformed patterns), the opt-in
// explanation of refusals, and console.log of a decision or a map.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { describe, expect, test } from "vitest";
import { CorsConfigError, corsPolicy, fetchCors, HeaderMap, type CorsPolicyConfig } from "typed-headers";

/** Builds a policy from a configuration a JavaScript caller could write (no compile-time checks). */
const fromJs = (config: unknown) => corsPolicy(config as CorsPolicyConfig);
const caught = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("did not throw");
};

describe("CorsConfigError: problems a program can read", () => {
  test("every problem, with its setting, value and reason, in the order of the settings", () => {
    const error = caught(() =>
      fromJs({ origins: ["https://a.example/", "null"], credentials: true, methods: ["TRACE"], maxAge: 90000, origin: "x" }),
    );
    expect(error).toBeInstanceOf(CorsConfigError);
    expect(error).toBeInstanceOf(TypeError);
    const { problems, message, name } = error as CorsConfigError;
    expect(name).toBe("CorsConfigError");
    expect(problems.map(({ setting, value }) => [setting, value])).toEqual([
      ["origin", "x"],
      ["origins", "https://a.example/"],
      ["origins", "null"],
      ["methods", "TRACE"],
      ["maxAge", 90000],
    ]);
    for (const problem of problems) {
      expect(problem.reason.length).toBeGreaterThan(10);
      expect(message).toContain(`- ${problem.setting}: ${problem.reason}`);
    }
    expect(message.startsWith("typed-headers: corsPolicy: 5 problems:\n")).toBe(true);
    expect(Object.isFrozen(problems)).toBe(true);
  });

  test("one problem", () => {
    const error = caught(() => fromJs({ origins: "*", credentials: true })) as CorsConfigError;
    expect(error.problems).toEqual([
      { setting: "origins", value: "*", reason: expect.stringContaining("with credentials is refused") },
    ]);
    expect(error.message).toMatch(/^typed-headers: corsPolicy: 1 problem:\n- origins: "\*" with credentials/);
  });

  test("values whose description would throw are still described", () => {
    const error = caught(() =>
      fromJs({
        origins: "*",
        methods: [10n],
        maxAge: {
          toString: () => {
            throw new Error("no");
          },
        },
      }),
    ) as CorsConfigError;
    expect(error).toBeInstanceOf(CorsConfigError);
    expect(error.problems.map((p) => p.reason)).toEqual([
      "a bigint is not a method (a token).",
      expect.stringContaining("an object is not an integer from 0 to 86400"),
    ]);
  });
});

describe("lowercase methods", () => {
  const preflight = (method: string) => ({
    method: "OPTIONS",
    headers: { origin: "https://a.example", "access-control-request-method": method },
  });

  test("delete, get, head, options, post, put in any case mean the uppercase method, as browsers send it", () => {
    const policy = fromJs({ origins: ["https://a.example"], methods: ["get", "Put", "delete", "options"] });
    for (const method of ["PUT", "DELETE", "OPTIONS"]) expect(policy.handle(preflight(method)).allowed).toBe(true);
    const allowed = policy.handle(preflight("PUT")).headers.getRaw("access-control-allow-methods");
    expect(allowed).toBe("PUT, DELETE, OPTIONS");
  });

  test("patch in another case is refused with what to write (browsers send it as written)", () => {
    const error = caught(() => fromJs({ origins: "*", methods: ["patch"] })) as CorsConfigError;
    expect(error.problems).toEqual([{ setting: "methods", value: "patch", reason: expect.stringContaining('write "PATCH"') }]);
  });

  test("other methods keep their case", () => {
    const policy = fromJs({ origins: ["https://a.example"], methods: ["purge"] });
    expect(policy.handle(preflight("purge")).allowed).toBe(true);
    expect(policy.handle(preflight("PURGE")).allowed).toBe(false);
  });
});

describe("malformed origin patterns", () => {
  test("two ports: says what to write", () => {
    const error = caught(() => fromJs({ origins: ["https://a.example:8080:*", "https://*.b.example:1:*"] })) as CorsConfigError;
    expect(error.problems.map((p) => p.reason)).toEqual([
      '"https://a.example:8080:*" has two ports: ":*" already stands for any port; write "https://a.example:*" or "https://a.example:8080".',
      '"https://*.b.example:1:*" has two ports: ":*" already stands for any port; write "https://*.b.example:*" or "https://*.b.example:1".',
    ]);
  });

  test("no scheme: says what to write", () => {
    const error = caught(() => fromJs({ origins: ["*.example.com"] })) as CorsConfigError;
    expect(error.problems[0]?.reason).toBe(
      '"*.example.com" is not an origin (scheme://host[:port]); write "https://*.example.com" if that is what you mean.',
    );
  });

  test("IPv6 hosts with any port are still patterns", () => {
    const policy = fromJs({ origins: ["http://[::1]:*"], credentials: true });
    expect(policy.handle({ method: "GET", headers: { origin: "http://[::1]:5173" } }).allowed).toBe(true);
  });
});

describe("a request passed where its headers are expected", () => {
  async function incomingMessage(): Promise<IncomingMessage> {
    const server = createServer();
    const received = new Promise<IncomingMessage>((resolve) =>
      server.once("request", (req, res) => {
        resolve(req);
        res.end();
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/`, { headers: { origin: "https://a.example" } });
    await response.text();
    server.close();
    return received;
  }

  test("HeaderMap.from(req) and policy.handle({ headers: req }) throw: pass req.headers", async () => {
    const req = await incomingMessage();
    expect(() => HeaderMap.from(req as never)).toThrow(/given a request, not its headers: pass req\.headers/);
    const policy = corsPolicy({ origins: ["https://a.example"] });
    expect(() => policy.handle({ method: "GET", headers: req as never })).toThrow(TypeError);
    expect(policy.handle({ method: "GET", headers: req.headers }).allowed).toBe(true);
    expect(policy.handle(req as { method: string; headers: typeof req.headers }).kind).toBe("actual");
  });

  test("a Fetch Request too", () => {
    const request = new Request("https://api.example/", { headers: { origin: "https://a.example" } });
    expect(() => HeaderMap.from(request as never)).toThrow(/pass req\.headers \(node:http\) or request\.headers \(Fetch\)/);
    expect(HeaderMap.from(request.headers).getRaw("origin")).toBe("https://a.example");
  });

  test("missing headers (a typo, or Hono's c.req instead of c.req.raw) throw instead of reading as no CORS", () => {
    const policy = corsPolicy({ origins: ["https://a.example"] });
    expect(() => policy.handle({ method: "GET", headers: undefined as never })).toThrow(
      /pass req\.headers \(node:http\), request\.headers \(Fetch\), or c\.req\.raw/,
    );
    expect(() => policy.handle(undefined as never)).toThrow(TypeError);
    expect(() => fetchCors(policy)({ method: "GET", header: () => undefined } as never)).toThrow(/c\.req\.raw to fetchCors/);
    expect(policy.handle({ method: "GET", headers: {} }).kind).toBe("none");
  });

  test("records with headers named headers, method or url stay records", () => {
    const map = HeaderMap.from({ headers: "a", method: "GET", url: "/" });
    expect(map.getRaw("headers")).toBe("a");
  });
});

describe("explain: true", () => {
  const config = { origins: ["https://a.example"], methods: ["PUT"], allowedHeaders: ["content-type"] } as const;

  test("off by default: a refused request's response says nothing", () => {
    const decision = corsPolicy(config).handle({
      method: "OPTIONS",
      headers: { origin: "https://a.example", "access-control-request-method": "DELETE" },
    });
    expect(decision.allowed).toBe(false);
    expect(decision.headers.has("x-cors-refused")).toBe(false);
  });

  test("a refused preflight or actual request says why", () => {
    const policy = corsPolicy({ ...config, explain: true });
    const refused = (method: string, headers: Record<string, string>) =>
      policy.handle({ method, headers }).headers.getRaw("x-cors-refused");
    expect(refused("OPTIONS", { origin: "https://a.example", "access-control-request-method": "DELETE" })).toBe(
      "disallowed-method: the method is not in methods",
    );
    expect(
      refused("OPTIONS", {
        origin: "https://a.example",
        "access-control-request-method": "PUT",
        "access-control-request-headers": "x-foo",
      }),
    ).toBe("disallowed-header: a requested header is not in allowedHeaders");
    expect(refused("GET", { origin: "https://evil.example" })).toBe("disallowed-origin: the origin is not in origins");
    expect(refused("GET", { origin: "https://a.example/" })).toBe("invalid-origin: the Origin header is not a serialized origin");
    expect(refused("GET", { origin: "https://a.example" })).toBeNull();
  });
});

describe("console.log shows the headers", () => {
  test("a decision", () => {
    const decision = corsPolicy({ origins: ["https://a.example"], credentials: true }).handle({
      method: "GET",
      headers: { origin: "https://a.example" },
    });
    const shown = inspect(decision);
    expect(shown).toContain("headers: HeaderMap {");
    expect(shown).toContain("'access-control-allow-origin': 'https://a.example'");
    expect(shown).toContain("'access-control-allow-credentials': 'true'");
  });

  test("a map, repeated lines grouped, any name", () => {
    const map = HeaderMap.from([
      ["Set-Cookie", "a=1"],
      ["__proto__", "x"],
      ["set-cookie", "b=2"],
    ]);
    expect(inspect(map)).toBe("HeaderMap { 'set-cookie': [ 'a=1', 'b=2' ], ['__proto__']: 'x' }");
  });

  test("a map of invalid copied lines shows the error instead of throwing", () => {
    expect(inspect(HeaderMap.from({ "x-a": "b\r\nc" }))).toMatch(/^HeaderMap <typed-headers: HeaderMap\.from: the field line/);
  });
});
