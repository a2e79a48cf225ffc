// Consistency: for generated policies and requests, the browser (checkCors) agrees with the
// policy: checkCors on the policy's own responses is ok exactly when the policy allowed the request.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { checkCors, corsPolicy, type CorsPolicy, type CorsPolicyConfig } from "typed-headers";

const ORIGINS = [
  "https://a.example",
  "https://b.a.example",
  "https://c.b.a.example",
  "http://localhost:5173",
  "http://localhost",
  "https://evil.example",
  "https://a.example:8443",
];
const PATTERNS = ["https://a.example", "https://*.a.example", "http://localhost:*", "https://a.example:8443"];
const METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH", "PURGE"];
const HEADERS = ["content-type", "x-request-id", "authorization", "x-api-key"];

const config: fc.Arbitrary<CorsPolicyConfig> = fc.oneof(
  fc.record({
    origins: fc.oneof(fc.constant("*" as const), fc.uniqueArray(fc.constantFrom(...PATTERNS), { minLength: 1 })),
    methods: fc.uniqueArray(fc.constantFrom(...METHODS, "*")),
    allowedHeaders: fc.uniqueArray(fc.constantFrom(...HEADERS, "*")),
    exposedHeaders: fc.uniqueArray(fc.constantFrom("x-total", "*")),
    maxAge: fc.option(fc.integer({ min: 0, max: 86400 }), { nil: undefined }),
  }),
  fc.record({
    origins: fc.uniqueArray(fc.constantFrom(...PATTERNS), { minLength: 1 }),
    credentials: fc.constant(true as const),
    methods: fc.uniqueArray(fc.constantFrom(...METHODS)),
    allowedHeaders: fc.uniqueArray(fc.constantFrom(...HEADERS)),
    maxAge: fc.option(fc.integer({ min: 0, max: 86400 }), { nil: undefined }),
  }),
) as fc.Arbitrary<CorsPolicyConfig>;

const request = fc.record({
  origin: fc.constantFrom(...ORIGINS),
  method: fc.constantFrom(...METHODS, "get", "patch"),
  headers: fc.uniqueArray(
    fc.constantFrom<[string, string]>(
      ["Content-Type", "application/json"],
      ["Content-Type", "text/plain"],
      ["X-Request-Id", "1"],
      ["Authorization", "Bearer t"],
      ["X-Api-Key", "k"],
      ["Accept", "*/*"],
    ),
    { selector: ([name]) => name.toLowerCase(), maxLength: 3 },
  ),
  include: fc.boolean(),
});

describe("corsPolicy agrees with checkCors", () => {
  test("checkCors on the policy's responses is ok exactly when the policy allowed the request", () => {
    fc.assert(
      fc.property(config, request, (cfg, req) => {
        const policy = corsPolicy(cfg as never) as CorsPolicy;
        // A page only asks for credentials from a credentialed API; otherwise the browser blocks
        // the response whatever the policy says (there is no ACAC), which is not a disagreement.
        const credentials = req.include && cfg.credentials === true ? "include" : "same-origin";
        const page = { origin: req.origin, method: req.method, headers: req.headers, credentials } as const;
        const sent = checkCors(page, {}).preflight;
        let preflight: { status: number; headers: [string, string][] } | undefined;
        let allowed = true;
        if (sent !== null) {
          const decision = policy.handle({ method: "OPTIONS", headers: sent.headers });
          expect(decision.kind).toBe("preflight");
          preflight = { status: decision.status ?? 0, headers: decision.headers.toEntries() };
          allowed = decision.allowed;
        }
        const method = sent?.headers.find(([n]) => n === "access-control-request-method")?.[1] ?? req.method.toUpperCase();
        const actual = policy.handle({ method, headers: [...req.headers, ["Origin", req.origin]] });
        allowed &&= actual.allowed;
        const verdict = checkCors(page, {
          ...(preflight && { preflight }),
          response: { status: 200, headers: actual.headers.toEntries() },
        });
        expect(verdict.ok, JSON.stringify({ cfg, page, verdict })).toBe(allowed);
      }),
    );
  });
});
