// Header-level checks against the WPT/spec vectors in test/fixtures (see its README for sources).
import { describe, expect, test } from "vitest";
import { Origin, parseHeader } from "typed-headers";
import { vectorsFor } from "../fixtures/vectors.js";
import { isSerializedOrigin } from "../url-oracle.js";

describe("Access-Control-Allow-Origin (WPT cors/origin.htm, fetch/api/cors/*)", () => {
  // A browser accepts iff the combined value equals the serialized request origin, or is "*"
  // without credentials, and with credentials ACAC is exactly "true". With a valid request
  // origin that is: both parse, and the value matches.
  for (const v of vectorsFor("Access-Control-Allow-Origin")) {
    test(`${v.id}: ${JSON.stringify(v.rawValues)} → ${String(v.expected)}`, () => {
      const result = parseHeader("access-control-allow-origin", v.rawValues);
      const credentialed = v.credentialsMode === "include";
      const acac = v.otherResponseHeaders?.["Access-Control-Allow-Credentials"];
      const accepted =
        result.ok &&
        (result.value === "*" ? !credentialed : result.value === v.requestOrigin) &&
        (!credentialed || parseHeader("access-control-allow-credentials", acac).ok);
      expect(accepted).toBe(v.expected === "accept");
    });
  }
});

describe("Access-Control-Allow-Credentials (WPT cors/credentials-flag.htm)", () => {
  for (const v of vectorsFor("Access-Control-Allow-Credentials")) {
    test(`${v.id}: ${JSON.stringify(v.rawValues)} → ${String(v.expected)}`, () => {
      const result = parseHeader("access-control-allow-credentials", v.rawValues);
      if (v.credentialsMode === "include") expect(result.ok).toBe(v.expected === "accept");
      else expect(v.expected).toBe("accept"); // ACAC is ignored without credentials
    });
  }
});

// For the preflight lists, a parse failure always fails the preflight, and an accepted
// preflight always parses; whether the method or header is covered is checkCors' business.
const listHeaders = [
  ["Access-Control-Allow-Methods", "access-control-allow-methods"],
  ["Access-Control-Allow-Headers", "access-control-allow-headers"],
] as const;
for (const [title, name] of listHeaders) {
  describe(`${title} (WPT cors-preflight-*.any.js, xhr/allow-lists-*)`, () => {
    for (const v of vectorsFor(title)) {
      test(`${v.id}: ${JSON.stringify(v.rawValues)} → ${String(v.expected)}`, () => {
        const result = parseHeader(name, v.rawValues?.length === 0 ? null : v.rawValues);
        if (v.expected === "accept") expect(result.ok || v.rawValues?.length === 0).toBe(true);
        if (!result.ok && result.error.code !== "missing") expect(v.expected).toBe("reject");
      });
    }
  });
}

describe("Access-Control-Expose-Headers (WPT cors/access-control-expose-headers-parsing)", () => {
  for (const v of vectorsFor("Access-Control-Expose-Headers")) {
    const exposed = (v.expected as { exposed?: Record<string, boolean> }).exposed;
    if (exposed?.["bb-8"] === undefined) continue;
    test(`${v.id}: ${JSON.stringify(v.rawValues)} exposes bb-8: ${exposed["bb-8"]}`, () => {
      const result = parseHeader("access-control-expose-headers", v.rawValues);
      const members: readonly string[] = result.ok ? result.value : [];
      const listed = members.includes("bb-8") || members.includes("*");
      expect(listed).toBe(exposed["bb-8"]);
    });
  }
});

describe("Access-Control-Max-Age (Fetch CORS-preflight fetch, max-age steps)", () => {
  for (const v of vectorsFor("Access-Control-Max-Age")) {
    const seconds = (v.expected as { maxAgeSeconds?: number | string }).maxAgeSeconds;
    if (seconds === undefined || v.rawValues?.length === 0) continue;
    test(`${v.id}: ${JSON.stringify(v.rawValues)}`, () => {
      const result = parseHeader("access-control-max-age", v.rawValues);
      if (seconds === "imposed limit") expect(result).toEqual({ ok: true, value: 2147483648 });
      else if (v.rawValues?.length === 1 && v.rawValues[0]?.trim() === String(seconds)) {
        expect(result).toEqual({ ok: true, value: seconds });
      } else {
        // Invalid: browsers fall back to the default of 5 s; the parser reports why.
        expect(result.ok).toBe(false);
      }
    });
  }
});

describe("Access-Control-Allow-Private-Network (WPT fetch/private-network-access, Chromium)", () => {
  for (const v of vectorsFor("Access-Control-Allow-Private-Network")) {
    test(`${v.id}: ${JSON.stringify(v.rawValues)}`, () => {
      const result = parseHeader("access-control-allow-private-network", v.rawValues);
      if (!result.ok) expect(v.expected).toBe("reject");
    });
  }
});

describe("Origin", () => {
  test("URL Standard origin serializations (WPT url/resources/urltestdata.json) all parse", () => {
    const vectors = vectorsFor("Origin", false).filter((v) => v.id.startsWith("origin-url-"));
    expect(vectors.length).toBeGreaterThan(20);
    for (const v of vectors) {
      const serialized = (v.expected as { serialized: string }).serialized;
      const result = parseHeader("origin", serialized);
      expect(result, `${v.id} ${serialized}`).toEqual({ ok: true, value: serialized });
    }
  });

  test("Fetch ABNF vectors: accepted exactly where browsers can send the value", () => {
    for (const v of vectorsFor("Origin").filter((x) => x.id.startsWith("origin-abnf-"))) {
      const raw = v.rawValues?.[0] ?? "";
      const browsersSend = raw === "null" || isSerializedOrigin(raw);
      expect(parseHeader("origin", raw).ok, `${v.id} ${raw}`).toBe(browsersSend);
    }
  });

  test("the Origin value type rejects null, which is not a serialized origin", () => {
    expect(Origin.parse("null").ok).toBe(false);
  });
});
