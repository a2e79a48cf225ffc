// corsPolicy: the anchor behaviours that fit the design (../shared anchor-tests.md §D, jub0bs/cors),
// the security suite, Vary handling and hostile input.
import { describe, expect, test } from "vitest";
import { corsPolicy, type CorsPolicy, type CorsPolicyConfig, type HeaderMap } from "typed-headers";

const ALLOWED = "http://localhost:9090";
/** jub0bs' "credentialed" suite configuration (anchor-tests D.1). */
const credentialed = corsPolicy({
  origins: [ALLOWED],
  credentials: true,
  methods: ["GET", "POST", "PURGE" as never, "HELP" as never],
  allowedHeaders: ["authorization"],
  maxAge: 30,
  exposedHeaders: ["x-foo" as never, "x-bar" as never],
});

const entries = (headers: HeaderMap) => Object.fromEntries(headers.toEntries());
const preflight = (origin: string, acrm: string, extra: [string, string][] = []) => ({
  method: "OPTIONS",
  headers: [["Origin", origin], ["Access-Control-Request-Method", acrm], ...extra] as [string, string][],
});

describe("anchor behaviours (jub0bs/cors credentialed suite)", () => {
  test("J01 non-CORS GET: Vary: Origin only", () => {
    const d = credentialed.handle({ method: "GET", headers: {} });
    expect(d).toMatchObject({ kind: "none", allowed: true });
    expect(entries(d.headers)).toEqual({ vary: "origin" });
  });
  test("J03 actual GET from the allowed origin", () => {
    const d = credentialed.handle({ method: "GET", headers: { origin: ALLOWED } });
    expect(d).toMatchObject({ kind: "actual", allowed: true });
    expect(entries(d.headers)).toEqual({
      vary: "origin",
      "access-control-allow-origin": ALLOWED,
      "access-control-allow-credentials": "true",
      "access-control-expose-headers": "x-foo, x-bar",
    });
  });
  test("J04/J05 actual GET from a disallowed or invalid origin: Vary only", () => {
    for (const [origin, reason] of [
      ["https://example.com", "disallowed-origin"],
      ["invalid_origin", "invalid-origin"],
    ]) {
      const d = credentialed.handle({ method: "GET", headers: { origin } });
      expect(d).toMatchObject({ kind: "actual", allowed: false, reason });
      expect(entries(d.headers)).toEqual({ vary: "origin" });
    }
  });
  test("J06 OPTIONS with Origin but no ACRM is an actual request (Fetch's definition; see docs/cors-policy.md)", () => {
    const d = credentialed.handle({ method: "OPTIONS", headers: { origin: ALLOWED } });
    expect(d).toMatchObject({ kind: "actual", allowed: true });
    expect(d.status).toBeUndefined();
  });
  test("J08 preflight with a safelisted method: 204 without needing ACAM", () => {
    const d = credentialed.handle(preflight(ALLOWED, "GET"));
    expect(d).toMatchObject({ kind: "preflight", allowed: true, status: 204 });
    expect(d.headers.getRaw("access-control-max-age")).toBe("30");
  });
  test("J09/J11 preflight with PURGE (and Authorization) from the allowed origin", () => {
    const d = credentialed.handle(preflight(ALLOWED, "PURGE", [["Access-Control-Request-Headers", "authorization"]]));
    expect(d).toMatchObject({ kind: "preflight", allowed: true, status: 204 });
    expect(entries(d.headers)).toMatchObject({
      "access-control-allow-origin": ALLOWED,
      "access-control-allow-credentials": "true",
      "access-control-allow-methods": "PURGE, HELP",
      "access-control-allow-headers": "authorization",
      "access-control-max-age": "30",
    });
  });
  test("J10/J18/J20 refused preflights: 403 and no CORS headers", () => {
    for (const request of [
      preflight(ALLOWED, "PURGE", [["Access-Control-Request-Headers", "content-type"]]),
      preflight(ALLOWED, "PUT"),
      preflight(ALLOWED, "GET", [["Access-Control-Request-Headers", "bar,baz,foo"]]),
      preflight("https://example.com", "GET"),
      preflight("invalid_origin", "GET"),
    ]) {
      const d = credentialed.handle(request);
      expect(d).toMatchObject({ kind: "preflight", allowed: false, status: 403 });
      expect(d.headers.toEntries().map(([n]) => n)).toEqual(["vary"]);
    }
  });
  test("J12/J14 empty ACRH members and lines are ignored", () => {
    expect(
      credentialed.handle(preflight(ALLOWED, "PURGE", [["Access-Control-Request-Headers", ",,authorization,,"]])).allowed,
    ).toBe(true);
    const lines: [string, string][] = [
      ...Array.from({ length: 16 }, (): [string, string] => ["Access-Control-Request-Headers", ""]),
      ["Access-Control-Request-Headers", "authorization"],
    ];
    expect(credentialed.handle(preflight(ALLOWED, "PURGE", lines)).allowed).toBe(true);
  });
  test("J44 a shared suffix never matches (GHSA-vhxv-fg4m-p2w8)", () => {
    const policy = corsPolicy({ origins: ["https://foo.com", "https://bar.com"] });
    for (const origin of ["https://barfoo.com", "https://foobar.com"])
      expect(policy.handle({ method: "GET", headers: { origin } }).allowed).toBe(false);
  });
  test("J49/J50 patterns: *. needs at least one label, :* allows any port or none", () => {
    const policy = corsPolicy({ origins: ["http://*.example.com:*"] });
    for (const origin of [
      "http://foo.example.com",
      "http://foo.example.com:6060",
      "http://bar.foo.example.com",
      "http://bar.foo.example.com:8080",
    ]) {
      expect(policy.handle({ method: "GET", headers: { origin } }).allowed, origin).toBe(true);
    }
    for (const origin of [
      "http://example.com",
      "https://foo.example.com",
      "http://fooexample.com",
      "http://foo.example.com.evil.com",
    ]) {
      expect(policy.handle({ method: "GET", headers: { origin } }).allowed, origin).toBe(false);
    }
  });
  test("J40/J41 exact ports: https://*.example.com covers only the default port", () => {
    const policy = corsPolicy({ origins: ["https://example.com:8080", "https://*.example.com"] });
    expect(policy.handle({ method: "GET", headers: { origin: "https://example.com:8080" } }).allowed).toBe(true);
    expect(policy.handle({ method: "GET", headers: { origin: "https://example.com:6060" } }).allowed).toBe(false);
    expect(policy.handle({ method: "GET", headers: { origin: "https://foo.example.com:8080" } }).allowed).toBe(false);
  });
  test("J51/J52 many origins: exact matches only", () => {
    const names = ["bat", "cat", "fat", "hat", "meerkat", "mat", "oat", "pat", "rat", "sat"];
    const policy = corsPolicy({ origins: names.map((n) => `https://${n}`) });
    for (const n of names) expect(policy.handle({ method: "GET", headers: { origin: `https://${n}` } }).allowed).toBe(true);
    expect(policy.handle({ method: "GET", headers: { origin: "https://hazmat" } }).allowed).toBe(false);
  });
  test("J30-J38 allow-all policy: ACAO * on every response, * never covers Authorization", () => {
    const policy = corsPolicy({ origins: "*", methods: ["*"], allowedHeaders: ["*"], exposedHeaders: ["*"], maxAge: 30 });
    expect(entries(policy.handle({ method: "GET", headers: {} }).headers)).toEqual({
      "access-control-allow-origin": "*",
      "access-control-expose-headers": "*",
    });
    expect(policy.handle({ method: "GET", headers: { origin: "invalid_origin" } }).allowed).toBe(true);
    const d = policy.handle(preflight(ALLOWED, "PURGE", [["Access-Control-Request-Headers", "content-type"]]));
    expect(entries(d.headers)).toEqual({
      // The answer depends on ACRM, ACRH and the private-network header even with origins "*" (issue 13).
      vary: "access-control-request-method, access-control-request-headers, access-control-request-private-network",
      "access-control-allow-origin": "*",
      "access-control-allow-methods": "*",
      "access-control-allow-headers": "*",
      "access-control-max-age": "30",
    });
    expect(policy.handle(preflight(ALLOWED, "GET", [["Access-Control-Request-Headers", "authorization"]])).allowed).toBe(false);
    const both = corsPolicy({ origins: "*", allowedHeaders: ["*", "authorization"] });
    expect(
      both
        .handle(preflight(ALLOWED, "GET", [["Access-Control-Request-Headers", "authorization"]]))
        .headers.getRaw("access-control-allow-headers"),
    ).toBe("*, authorization");
  });
});

describe("configurations refused at construction (every problem at once)", () => {
  const refused: [string, unknown, RegExp][] = [
    ["* with credentials", { origins: "*", credentials: true }, /origins: "\*" with credentials/],
    ["empty origins", { origins: [] }, /list is empty/],
    ["null origin", { origins: ["null"] }, /"null" is refused/],
    ["file: origin", { origins: ["file:///x"] }, /file: pages/],
    ["trailing slash", { origins: ["https://a.example/"] }, /not a serialized origin/],
    ["uppercase", { origins: ["https://A.example"] }, /a browser sends "https:\/\/a\.example"/],
    ["default port", { origins: ["https://a.example:443"] }, /a browser sends "https:\/\/a\.example"/],
    ["free-form glob", { origins: ["https://*example.com"] }, /not a serialized origin or pattern/],
    ["glob in the middle", { origins: ["https://a.*.example.com"] }, /not a serialized origin or pattern/],
    ["RegExp", { origins: [/x/] }, /a RegExp is not allowed/],
    ["callback", { origins: [() => true] }, /a function is not allowed/],
    ["reflect any", { origins: true }, /expected "\*" or an array/],
    ["insecure with credentials", { origins: ["http://a.example"], credentials: true }, /not https and not loopback/],
    ["public suffix", { origins: ["https://*.com"], credentials: true }, /public suffix/],
    ["hosting suffix", { origins: ["https://*.github.io"], credentials: true }, /public suffix/],
    [
      "* in methods with credentials",
      { origins: ["https://a.example"], credentials: true, methods: ["*"] },
      /methods: "\*" with credentials/,
    ],
    [
      "* in allowedHeaders with credentials",
      { origins: ["https://a.example"], credentials: true, allowedHeaders: ["*"] },
      /allowedHeaders: "\*"/,
    ],
    [
      "* in exposedHeaders with credentials",
      { origins: ["https://a.example"], credentials: true, exposedHeaders: ["*"] },
      /exposedHeaders: "\*"/,
    ],
    [
      "forbidden methods",
      { origins: "*", methods: ["connect", "TRACK"] },
      /connect is a forbidden method[^]*TRACK is a forbidden/,
    ],
    ["forbidden header", { origins: "*", allowedHeaders: ["Cookie"] }, /Cookie is a forbidden request header/],
    ["sec- header", { origins: "*", allowedHeaders: ["Sec-Foo"] }, /forbidden request header/],
    ["set-cookie exposed", { origins: "*", exposedHeaders: ["Set-Cookie"] }, /never exposed/],
    ["maxAge too large", { origins: "*", maxAge: 86401 }, /maxAge/],
    ["maxAge negative", { origins: "*", maxAge: -1 }, /maxAge/],
    ["maxAge fractional", { origins: "*", maxAge: 1.5 }, /maxAge/],
    ["typo in a key", { origin: "*", origins: "*" }, /origin: not a corsPolicy option/],
  ];
  for (const [title, config, message] of refused) {
    test(title, () => {
      expect(() => corsPolicy(config as CorsPolicyConfig)).toThrow(TypeError);
      expect(() => corsPolicy(config as CorsPolicyConfig)).toThrow(message);
    });
  }
  test("J75 several problems are listed together", () => {
    expect(() =>
      corsPolicy({
        origins: ["https://example.com/"],
        methods: ["CONNECT", "résumé"],
        allowedHeaders: ["résumé", "Access-Control-Allow-Origin"],
        maxAge: 86401,
      } as never),
    ).toThrow(/6 problems/);
  });
  test("accepted: loopback with credentials, opted-in insecure origins, http without credentials", () => {
    expect(() =>
      corsPolicy({
        origins: ["http://localhost:*", "http://127.0.0.1:3000", "http://[::1]:8080", "http://app.localhost"],
        credentials: true,
      }),
    ).not.toThrow();
    expect(() => corsPolicy({ origins: ["http://a.example"], credentials: true, allowInsecureOrigins: true })).not.toThrow();
    expect(() => corsPolicy({ origins: ["http://a.example", "https://*.com"] })).not.toThrow();
  });
});

describe("security", () => {
  const policy = corsPolicy({ origins: ["https://example.com"], credentials: true });
  test("hostile origins never match", () => {
    for (const origin of [
      "https://example.com.evil.com",
      "https://evilexample.com",
      "https://example.com@evil.com",
      "https://EXAMPLE.com",
      "https://exаmple.com",
      "https://xn--exmple-4nf.com",
      "https://example.com:8443",
      "http://example.com",
      "null",
      "https://example.com/",
      "https://example.com, https://evil.com",
      "https://example.com\u0000",
    ]) {
      const d = policy.handle({ method: "GET", headers: [["origin", origin]] });
      expect(d.allowed, JSON.stringify(origin)).toBe(false);
      expect(d.headers.has("access-control-allow-origin")).toBe(false);
    }
  });
  test("whitespace around the Origin value is not part of it; ACAO reflects the parsed origin", () => {
    const d = policy.handle({ method: "GET", headers: [["origin", " https://example.com\t"]] });
    expect(d.headers.getRaw("access-control-allow-origin")).toBe("https://example.com");
  });
  test("two Origin lines never match", () => {
    expect(
      policy.handle({
        method: "GET",
        headers: [
          ["origin", "https://example.com"],
          ["origin", "https://example.com"],
        ],
      }).allowed,
    ).toBe(false);
  });
  test("Vary cannot be injected: the policy's Vary is constant", () => {
    const d = policy.handle({ method: "GET", headers: { origin: "https://example.com", vary: "x\r\ninjected: 1" } });
    expect(d.headers.getAll("vary")).toEqual(["origin"]);
  });
  test("a hostile 1 MB ACRH is refused without being parsed", () => {
    const open = corsPolicy({ origins: "*", methods: ["*"], allowedHeaders: ["*"] });
    const huge = "a,".repeat(500_000);
    expect(open.handle(preflight("https://x.example", "PUT", [["access-control-request-headers", huge]]))).toMatchObject({
      allowed: false,
      reason: "oversized-request-headers",
      status: 403,
    });
    const many = Array.from({ length: 65 }, (_, i) => `x-${i}`).join(",");
    expect(open.handle(preflight("https://x.example", "PUT", [["access-control-request-headers", many]]))).toMatchObject({
      allowed: false,
      reason: "oversized-request-headers",
    });
  });
  test("malformed ACRM and ACRH are refused", () => {
    const open = corsPolicy({ origins: "*", methods: ["*"], allowedHeaders: ["*"] });
    expect(open.handle(preflight("https://x.example", "GE T"))).toMatchObject({ allowed: false, reason: "invalid-method" });
    expect(open.handle(preflight("https://x.example", "PUT", [["access-control-request-headers", "a b"]]))).toMatchObject({
      allowed: false,
      reason: "invalid-request-headers",
    });
  });
  test("Private Network Access is answered only when enabled", () => {
    const pna: [string, string][] = [["access-control-request-private-network", "true"]];
    expect(policy.handle(preflight("https://example.com", "GET", pna))).toMatchObject({
      allowed: false,
      reason: "disallowed-private-network",
    });
    const enabled = corsPolicy({ origins: ["https://example.com"], privateNetwork: true });
    const d = enabled.handle(preflight("https://example.com", "GET", pna));
    expect(d.headers.getRaw("access-control-allow-private-network")).toBe("true");
    expect(d.headers.getRaw("vary")).toContain("access-control-request-private-network");
  });
});

describe("Vary lists every request header a preflight's answer depends on (issue 13, defect 7)", () => {
  const PREFLIGHT_HEADERS = [
    "access-control-request-method",
    "access-control-request-headers",
    "access-control-request-private-network",
  ];
  const configs: [string, CorsPolicyConfig, boolean][] = [
    ['origins "*", privateNetwork off', { origins: "*" }, false],
    ['origins "*", any method and header', { origins: "*", methods: ["*"], allowedHeaders: ["*"] }, false],
    ['origins "*", privateNetwork on', { origins: "*", privateNetwork: true }, false],
    ["listed origins, privateNetwork off", { origins: ["https://app.example"] }, true],
    ["listed origins, privateNetwork on", { origins: ["https://app.example"], privateNetwork: true }, true],
    ["credentialed pattern", { origins: ["https://*.app.example"], credentials: true, methods: ["PUT"] }, true],
  ];
  const requests: [string, [string, string][]][] = [
    ["a plain preflight", []],
    ["a preflight with ACRH", [["access-control-request-headers", "x-custom"]]],
    ["a preflight with the private-network header", [["access-control-request-private-network", "true"]]],
    ["a preflight with an invalid method", []],
  ];
  for (const [what, config, byOrigin] of configs) {
    test(`${what}: allowed and refused preflights carry the same complete Vary`, () => {
      const policy = corsPolicy(config) as CorsPolicy; // static origins: a synchronous policy
      for (const [, extra] of requests) {
        for (const method of ["PUT", "GE T", "GET"]) {
          const d = policy.handle(preflight("https://a.app.example", method, extra));
          expect(d.kind).toBe("preflight");
          const vary = (d.headers.getRaw("vary") ?? "").split(", ");
          for (const name of PREFLIGHT_HEADERS) expect(vary).toContain(name);
          expect(vary.includes("origin")).toBe(byOrigin);
        }
      }
    });
  }
  test('origins "*": an actual request still has no Vary (its answer does not depend on the request)', () => {
    const d = corsPolicy({ origins: "*" }).handle({ method: "GET", headers: { origin: "https://x.example" } });
    expect(d.headers.has("vary")).toBe(false);
  });
});
