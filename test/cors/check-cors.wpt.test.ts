// checkCors against the WPT/spec vectors in test/fixtures (see its README for sources).
import { describe, expect, test } from "vitest";
import { checkCors, type CorsVerdict } from "typed-headers";
import { allVectors, type Vector } from "../fixtures/vectors.js";

const PAGE = "http://web-platform.test:8000";

/**
 * The response header lines of a vector: its own header's raw lines plus the others it names.
 * Vectors that name no other headers come from WPT helpers whose server echoes the request's
 * origin in ACAO; `defaults` stands in for that.
 */
function responseLines(v: Vector, extra: Record<string, string> = {}, defaults: Record<string, string> = {}): [string, string][] {
  const lines: [string, string][] = (v.rawValues ?? []).map((value) => [v.header, value]);
  if (v.otherResponseHeaders === undefined) for (const [name, value] of Object.entries(defaults)) lines.push([name, value]);
  for (const [name, value] of Object.entries({ ...v.otherResponseHeaders, ...extra })) lines.push([name, value]);
  return lines;
}

const byPrefix = (prefix: string) => allVectors.filter((v) => v.id.startsWith(prefix) && v.rawValues !== undefined);
const title = (v: Vector) => `${v.id}: ${JSON.stringify(v.rawValues)} → ${JSON.stringify(v.expected)}`;

describe("CORS check on the actual response (ACAO, ACAC)", () => {
  for (const v of [...byPrefix("acao-0"), ...byPrefix("acao-1"), ...byPrefix("acac-"), ...byPrefix("cors-check-spec-")]) {
    if (typeof v.expected !== "string" || v.header.startsWith("(")) continue;
    test(title(v), () => {
      const verdict = checkCors(
        { origin: v.requestOrigin ?? PAGE, method: "GET", credentials: v.credentialsMode ?? "same-origin" },
        { response: { status: 200, headers: responseLines(v) } },
      );
      expect(verdict.ok).toBe(v.expected === "accept");
      if (!verdict.ok) expect(verdict.stage).toBe("response");
    });
  }
});

describe("preflight: ACAM and ACAH (WPT cors-preflight*.any.js, xhr/allow-lists-*)", () => {
  for (const v of [...byPrefix("acam-"), ...byPrefix("acah-")]) {
    if (typeof v.expected !== "string") continue;
    test(title(v), () => {
      const request = {
        origin: v.requestOrigin ?? PAGE,
        method: v.requestMethod ?? "GET",
        headers: v.requestHeaders ?? {},
        credentials: v.credentialsMode ?? "same-origin",
      };
      const lines = responseLines(v, {}, { "Access-Control-Allow-Origin": v.requestOrigin ?? PAGE });
      const verdict = checkCors(request, {
        preflight: { status: 200, headers: lines },
        response: { status: 200, headers: lines },
      });
      expect(verdict.ok, JSON.stringify(verdict)).toBe(v.expected === "accept");
    });
  }
});

describe("preflight status (WPT fetch/api/cors/cors-preflight-status.any.js)", () => {
  for (const v of allVectors.filter((x) => x.id.startsWith("preflight-status-"))) {
    const status = (v as unknown as { input: { status: number } }).input.status;
    test(`${v.id}: ${status} → ${String(v.expected)}`, () => {
      const lines = responseLines(
        v,
        {},
        { "Access-Control-Allow-Origin": "*", "Access-Control-Allow-Headers": "x-force-preflight" },
      );
      const verdict = checkCors(
        { origin: PAGE, method: "GET", headers: { "x-force-preflight": "1" } },
        { preflight: { status, headers: lines }, response: { status: 200, headers: lines } },
      );
      expect(verdict.ok).toBe(v.expected === "accept");
      if (!verdict.ok) expect(verdict).toMatchObject({ stage: "preflight", reason: "unsuccessful-preflight" });
    });
  }
});

describe("when a preflight is needed, and its ACRH (WPT cors-safelisted-request-header, cors-preflight-not-cors-safelisted)", () => {
  for (const v of allVectors.filter((x) => x.id.startsWith("safelist-"))) {
    const input = (
      v as unknown as { input: { method?: string; requestHeaders?: Record<string, string>; headerList?: [string, string][] } }
    ).input;
    const expected = v.expected as { preflight?: boolean; accessControlRequestHeaders?: string; unsafeNames?: string[] };
    if (expected.preflight === undefined && expected.unsafeNames === undefined) continue;
    // Last-Event-ID safelisting is an open proposal (whatwg/fetch#1788); the spec does not have it.
    if (v.header.startsWith("Last-Event-ID")) continue;
    test(`${v.id}: ${input.method ?? "GET"} ${JSON.stringify(input.requestHeaders ?? input.headerList).slice(0, 80)}`, () => {
      const verdict = checkCors(
        { origin: PAGE, method: input.method ?? "GET", headers: input.requestHeaders ?? input.headerList ?? {} },
        {},
      );
      const acrh = verdict.preflight?.headers.find(([name]) => name === "access-control-request-headers")?.[1];
      if (expected.preflight !== undefined) expect(verdict.preflight !== null).toBe(expected.preflight);
      if (expected.accessControlRequestHeaders !== undefined) expect(acrh ?? null).toBe(expected.accessControlRequestHeaders);
      if (expected.unsafeNames !== undefined) expect(acrh?.split(",") ?? []).toEqual(expected.unsafeNames);
    });
  }
});

describe("exposed response headers (WPT cors/access-control-expose-headers-parsing, cors-expose-star)", () => {
  for (const v of byPrefix("aceh-")) {
    const exposed = (v.expected as { exposed?: Record<string, boolean> }).exposed;
    if (exposed === undefined) continue;
    test(title(v), () => {
      const extra: Record<string, string> = {};
      for (const name of Object.keys(exposed)) {
        if (!Object.keys(v.otherResponseHeaders ?? {}).some((k) => k.toLowerCase() === name)) extra[name] = "x";
      }
      const verdict = checkCors(
        { origin: v.requestOrigin ?? PAGE, method: "GET", credentials: v.credentialsMode ?? "same-origin" },
        { response: { status: 200, headers: responseLines(v, extra) } },
      ) as Extract<CorsVerdict, { ok: true }>;
      expect(verdict.ok).toBe(true);
      for (const [name, readable] of Object.entries(exposed)) {
        expect(verdict.exposedHeaders.includes(name), name).toBe(readable);
      }
    });
  }
});

describe("max-age a browser caches the preflight for", () => {
  const cases: [string[], number, number][] = [
    // lines, Fetch, Chromium
    [[], 5, 5],
    [[""], 5, 5],
    [["0"], 0, 0],
    [["-1"], 0, 0],
    [["1"], 1, 1],
    [["600"], 600, 600],
    [["  600 "], 600, 600],
    [["12000"], 12000, 7200],
    [["99999999999999999999999"], 2147483648, 7200],
    [["+5"], 5, 5],
    [["5.5"], 5, 5],
    [["1e3"], 5, 5],
    [["abc"], 5, 5],
    [["5, 10"], 5, 5],
    [["5", "10"], 5, 5],
  ];
  for (const [lines, fetchSeconds, chromiumSeconds] of cases) {
    test(`${JSON.stringify(lines)} → ${fetchSeconds} (Chromium ${chromiumSeconds})`, () => {
      const headers = [
        ["access-control-allow-origin", "*"],
        ["access-control-allow-methods", "PUT"],
        ...lines.map((l) => ["access-control-max-age", l]),
      ] as [string, string][];
      for (const [engine, seconds] of [
        ["fetch", fetchSeconds],
        ["chromium", chromiumSeconds],
      ] as const) {
        const verdict = checkCors({ origin: PAGE, method: "PUT" }, { preflight: { status: 204, headers } }, { engine });
        expect(verdict.preflight?.maxAge).toBe(seconds);
      }
    });
  }
});

describe("Private Network Access (WPT fetch/private-network-access, Chromium unit tests)", () => {
  for (const v of byPrefix("pna-")) {
    const expected = typeof v.expected === "string" ? v.expected : (v.expected as { result?: string }).result;
    if (expected === undefined) continue;
    test(title(v), () => {
      const lines = responseLines(v);
      const verdict = checkCors(
        {
          origin: "https://example.com",
          method: v.requestMethod ?? "GET",
          credentials: v.credentialsMode ?? "same-origin",
          privateNetwork: true,
        },
        { preflight: { status: 200, headers: lines }, response: { status: 200, headers: lines } },
      );
      expect(verdict.ok).toBe(expected === "accept");
      const sent = verdict.preflight?.headers.find(([name]) => name === "access-control-request-private-network");
      expect(sent?.[1]).toBe("true");
    });
  }
});
