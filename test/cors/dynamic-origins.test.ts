// corsPolicy with dynamic origins (origins: { allow(origin) }): what allow is called with, what
// the decision says, and that handle returns a promise.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { corsPolicy, Origin, parseHeader } from "typed-headers";

/** A dynamic policy whose allow records its arguments and allows the origins in `allowed`. */
function recording(allowed: readonly string[], credentials = false, sync = false) {
  const calls: unknown[] = [];
  const allow = (origin: Origin) => {
    calls.push(origin);
    return sync ? allowed.includes(origin) : Promise.resolve(allowed.includes(origin));
  };
  const policy = credentials
    ? corsPolicy({ origins: { allow }, credentials: true, methods: ["PUT"] })
    : corsPolicy({ origins: { allow }, methods: ["PUT"] });
  return { policy, calls };
}

describe("dynamic origins", () => {
  test("handle returns a promise, with a sync or an async allow", async () => {
    for (const sync of [false, true]) {
      const { policy } = recording(["https://tenant.example"], false, sync);
      const pending = policy.handle({ method: "GET", headers: { origin: "https://tenant.example" } });
      expect(pending).toBeInstanceOf(Promise);
      const decision = await pending;
      expect(decision).toMatchObject({ kind: "actual", allowed: true });
      expect(decision.headers.getRaw("access-control-allow-origin")).toBe("https://tenant.example");
      expect(decision.headers.getRaw("vary")).toBe("origin");
    }
  });

  test("allow is called with valid serialized origins only: never null, never unparsed text", async () => {
    const { policy, calls } = recording([]);
    const sent = [
      "null",
      "https://a.example/",
      "HTTPS://A.EXAMPLE",
      "https://a.example:443",
      "https://user@a.example",
      "https://a.example, https://b.example",
      "",
      "*",
    ];
    for (const origin of sent) {
      const decision = await policy.handle({ method: "GET", headers: { origin } });
      expect(decision.allowed, origin).toBe(false);
      expect(decision.headers.getRaw("access-control-allow-origin")).toBeNull();
      expect(decision.headers.getRaw("vary")).toBe("origin");
    }
    expect(calls).toEqual([]);
  });

  test("every origin allow sees is one that Origin.parse accepts, and it is the request's Origin", async () => {
    const { policy, calls } = recording([]);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.webUrl().map((url) => new URL(url).origin),
          fc.string(),
          fc.constant("null"),
        ),
        async (origin) => {
          calls.length = 0;
          await policy.handle({ method: "GET", headers: { origin } });
          const valid = parseHeader("origin", origin);
          const expected = valid.ok && valid.value !== "null" ? [origin] : [];
          expect(calls).toEqual(expected);
          for (const call of calls) expect(Origin.parse(call as string).ok).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  test("with credentials, insecure origins are refused without asking allow; https and loopback are asked", async () => {
    const { policy, calls } = recording(["http://tenant.example", "https://tenant.example", "http://localhost:5173"], true);
    expect((await policy.handle({ method: "GET", headers: { origin: "http://tenant.example" } })).allowed).toBe(false);
    expect(calls).toEqual([]);
    const secure = await policy.handle({ method: "GET", headers: { origin: "https://tenant.example" } });
    expect(secure.headers.getRaw("access-control-allow-credentials")).toBe("true");
    expect((await policy.handle({ method: "GET", headers: { origin: "http://localhost:5173" } })).allowed).toBe(true);
    expect(calls).toEqual(["https://tenant.example", "http://localhost:5173"]);
  });

  test("allowInsecureOrigins lets insecure origins reach allow", async () => {
    const policy = corsPolicy({
      origins: { allow: (origin) => origin === "http://tenant.example" },
      credentials: true,
      allowInsecureOrigins: true,
    });
    expect((await policy.handle({ method: "GET", headers: { origin: "http://tenant.example" } })).allowed).toBe(true);
  });

  test("preflights: the rest of the policy still decides after allow", async () => {
    const { policy } = recording(["https://tenant.example"]);
    const allowed = await policy.handle({
      method: "OPTIONS",
      headers: { origin: "https://tenant.example", "access-control-request-method": "PUT" },
    });
    expect(allowed).toMatchObject({ kind: "preflight", allowed: true, status: 204 });
    expect(allowed.headers.getRaw("vary")).toContain("origin");
    const method = await policy.handle({
      method: "OPTIONS",
      headers: { origin: "https://tenant.example", "access-control-request-method": "PATCH" },
    });
    expect(method).toMatchObject({ allowed: false, status: 403, reason: "disallowed-method" });
    const origin = await policy.handle({
      method: "OPTIONS",
      headers: { origin: "https://other.example", "access-control-request-method": "PUT" },
    });
    expect(origin).toMatchObject({ allowed: false, status: 403, reason: "disallowed-origin" });
  });

  test("a request without Origin is not CORS and does not call allow, but still says Vary: Origin", async () => {
    const { policy, calls } = recording(["https://tenant.example"]);
    const decision = await policy.handle({ method: "GET", headers: {} });
    expect(decision).toMatchObject({ kind: "none", allowed: true });
    expect(decision.headers.getRaw("vary")).toBe("origin");
    expect(calls).toEqual([]);
  });

  test("allow is called as a method of its object", async () => {
    const tenants = {
      origins: new Set(["https://tenant.example"]),
      allow(origin: Origin) {
        return this.origins.has(origin);
      },
    };
    const policy = corsPolicy({ origins: tenants });
    expect((await policy.handle({ method: "GET", headers: { origin: "https://tenant.example" } })).allowed).toBe(true);
  });

  test("an answer that is not a boolean, a throw or a rejection rejects the promise", async () => {
    const truthy = corsPolicy({ origins: { allow: () => ({ id: 1 }) as never } });
    await expect(truthy.handle({ method: "GET", headers: { origin: "https://a.example" } })).rejects.toThrow(
      /typed-headers: .*true or false/,
    );
    const throwing = corsPolicy({
      origins: {
        allow: () => {
          throw new Error("database down");
        },
      },
    });
    await expect(throwing.handle({ method: "GET", headers: { origin: "https://a.example" } })).rejects.toThrow("database down");
    const rejecting = corsPolicy({ origins: { allow: () => Promise.reject(new Error("timeout")) } });
    await expect(rejecting.handle({ method: "GET", headers: { origin: "https://a.example" } })).rejects.toThrow("timeout");
  });

  test("a configuration whose allow is not a function throws at construction", () => {
    expect(() => corsPolicy({ origins: { allow: "yes" } as never })).toThrow(/typed-headers: corsPolicy.*allow a function/s);
    expect(() => corsPolicy({ origins: {} as never })).toThrow(TypeError);
  });

  test("static policies still answer synchronously", () => {
    const decision = corsPolicy({ origins: ["https://a.example"] }).handle({
      method: "GET",
      headers: { origin: "https://a.example" },
    });
    expect(decision).not.toBeInstanceOf(Promise);
    expect(decision.allowed).toBe(true);
  });
});
