// Laws of checkCors: it never throws; an exchange built from the request is allowed; removing any
// piece the browser needs blocks it at the stage that needed it, for the right reason.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { checkCors, type CorsRequest } from "typed-headers";
import { anyString, headerish, token, validOrigin } from "../arbitraries.js";

const FORBIDDEN =
  /^(accept-charset|accept-encoding|access-control-request-.*|connection|content-length|cookie2?|date|dnt|expect|host|keep-alive|origin|referer|set-cookie|te|trailer|transfer-encoding|upgrade|via|proxy-.*|sec-.*|x-http-method(-override)?|x-method-override)$/i;

const method = fc
  .oneof(
    fc.constantFrom("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "patch", "get", "post", "put", "OPTIONS", "PURGE"),
    token,
  )
  .filter((m) => !/^(connect|trace|track)$/i.test(m));
const headerName = fc
  .oneof(
    fc.constantFrom(
      "Content-Type",
      "accept",
      "Accept-Language",
      "content-language",
      "range",
      "authorization",
      "X-Request-Id",
      "x-a",
    ),
    token,
  )
  .filter((n) => !FORBIDDEN.test(n));
const headerValue = fc.oneof(
  fc.constantFrom("text/plain", "application/json", "bytes=0-10", "en", "*/*", "x"),
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 30 }),
);
const request = fc.record({
  origin: fc.oneof(validOrigin, fc.constant("null")),
  method,
  headers: fc.array(fc.tuple(headerName, headerValue), { maxLength: 5 }),
  credentials: fc.constantFrom("omit", "same-origin", "include"),
}) as fc.Arbitrary<CorsRequest & { headers: [string, string][] }>;

/** The preflight and response a server that allows exactly this request would send. */
/** An exchange that allows `req`, built from the preflight `engine` sends (engines differ on which requests need one). */
function allowing(req: CorsRequest, engine: "fetch" | "chromium" | "firefox" = "fetch") {
  const asked = checkCors(req, {}, { engine }).preflight;
  const acrm = asked?.headers.find(([n]) => n === "access-control-request-method")?.[1];
  const acrh = asked?.headers.find(([n]) => n === "access-control-request-headers")?.[1];
  const base: [string, string][] = [["access-control-allow-origin", req.origin]];
  if (req.credentials === "include") base.push(["access-control-allow-credentials", "true"]);
  const preflight: [string, string][] = [...base];
  if (acrm !== undefined) preflight.push(["access-control-allow-methods", acrm]);
  if (acrh !== undefined) preflight.push(["access-control-allow-headers", acrh]);
  return { needsPreflight: asked !== null, acrm, acrh, base, preflight };
}

describe("checkCors laws", () => {
  test("never throws on hostile objects (reproduced from a failure, seed 368957537)", () => {
    const hostile = { toString: "" };
    for (const args of [
      [{ origin: hostile, method: "", headers: [] }, { preflight: { status: hostile, headers: [] } }],
      [null, null],
      [{ origin: "x", method: "PUT" }, { preflight: { status: hostile, headers: [] } }],
      [
        { origin: hostile, method: hostile, headers: hostile, credentials: hostile },
        { preflight: 5, response: hostile },
        hostile,
      ],
    ]) {
      expect(() => checkCors(...(args as [never, never, never]))).not.toThrow();
    }
  });

  test("never throws for any request or exchange, with every engine", () => {
    const junk = fc.oneof(fc.anything(), fc.array(fc.tuple(anyString, anyString)), fc.dictionary(headerish, anyString));
    const engine = fc.constantFrom(undefined, "fetch", "chromium", "firefox");
    fc.assert(
      fc.property(fc.anything(), anyString, junk, fc.anything(), junk, engine, (origin, m, headers, status, lines, engine) => {
        const verdict = checkCors(
          { origin, method: m, headers, credentials: origin === 1 ? "include" : "omit" } as never,
          { preflight: { status, headers: lines }, response: { status, headers: lines } } as never,
          { engine } as never,
        );
        expect(typeof verdict.ok).toBe("boolean");
      }),
    );
  });

  test("an exchange built from the request is allowed, with every engine", () => {
    fc.assert(
      fc.property(request, fc.constantFrom("fetch", "chromium", "firefox" as const), (req, engine) => {
        const { preflight, base } = allowing(req, engine);
        const verdict = checkCors(
          req,
          { preflight: { status: 204, headers: preflight }, response: { status: 200, headers: base } },
          { engine },
        );
        expect(verdict).toMatchObject({ ok: true });
      }),
    );
  });

  test("removing any required piece blocks at the right stage, for the right reason", () => {
    fc.assert(
      fc.property(request, fc.nat(), (req, pick) => {
        const { needsPreflight, acrm, acrh, base, preflight } = allowing(req);
        const without = (lines: [string, string][], name: string) => lines.filter(([n]) => n !== name);
        const removals: [stage: "preflight" | "response", reason: string, pre: [string, string][], res: [string, string][]][] = [
          ["response", "missing-allow-origin", preflight, without(base, "access-control-allow-origin")],
        ];
        if (req.credentials === "include") {
          removals.push(["response", "invalid-allow-credentials", preflight, without(base, "access-control-allow-credentials")]);
        }
        if (needsPreflight) {
          removals.push(["preflight", "missing-allow-origin", without(preflight, "access-control-allow-origin"), base]);
          if (req.credentials === "include") {
            removals.push([
              "preflight",
              "invalid-allow-credentials",
              without(preflight, "access-control-allow-credentials"),
              base,
            ]);
          }
          if (acrm !== undefined && !["GET", "HEAD", "POST"].includes(acrm)) {
            removals.push(["preflight", "disallowed-method", without(preflight, "access-control-allow-methods"), base]);
          }
          if (acrh !== undefined) {
            removals.push(["preflight", "disallowed-header", without(preflight, "access-control-allow-headers"), base]);
          }
        }
        const [stage, reason, pre, res] = removals[pick % removals.length] as (typeof removals)[number];
        const verdict = checkCors(req, { preflight: { status: 204, headers: pre }, response: { status: 200, headers: res } });
        expect(verdict).toMatchObject({ ok: false, stage, reason });
      }),
    );
  });

  test("a failed preflight status blocks at the preflight stage", () => {
    fc.assert(
      fc.property(
        request,
        fc.integer({ min: 100, max: 999 }).filter((s) => s < 200 || s > 299),
        (req, status) => {
          const { needsPreflight, preflight, base } = allowing(req);
          fc.pre(needsPreflight);
          const verdict = checkCors(req, { preflight: { status, headers: preflight }, response: { status: 200, headers: base } });
          expect(verdict).toMatchObject({ ok: false, stage: "preflight", reason: "unsuccessful-preflight" });
        },
      ),
    );
  });
});

describe("the README's example", () => {
  test("patch is not normalized, and methods compare case-sensitively", () => {
    const verdict = checkCors(
      { origin: "https://app.example", method: "patch", headers: { "Content-Type": "application/json" }, credentials: "include" },
      {
        preflight: {
          status: 204,
          headers: [
            ["Access-Control-Allow-Origin", "https://app.example"],
            ["Access-Control-Allow-Credentials", "true"],
            ["Access-Control-Allow-Methods", "PATCH"],
            ["Access-Control-Allow-Headers", "content-type"],
          ],
        },
        response: { status: 200, headers: { "access-control-allow-origin": "https://app.example" } },
      },
    );
    expect(verdict).toMatchObject({
      ok: false,
      stage: "preflight",
      reason: "disallowed-method",
      message: "Blocked by CORS policy: Method patch is not allowed by Access-Control-Allow-Methods in preflight response.",
    });
  });
});

describe("Chromium's preflight cache", () => {
  test("a request whose Authorization header is covered only by * is preflighted every time", () => {
    const request = { origin: "https://a.example", method: "GET", headers: { authorization: "Bearer t" } };
    const preflight = (acah: string) => ({
      preflight: {
        status: 204,
        headers: {
          "access-control-allow-origin": "https://a.example",
          "access-control-allow-headers": acah,
          "access-control-max-age": "600",
        },
      },
    });
    expect(checkCors(request, preflight("*"), { engine: "chromium" })).toMatchObject({ ok: true, preflight: { maxAge: 0 } });
    expect(checkCors(request, preflight("*, authorization"), { engine: "chromium" })).toMatchObject({
      ok: true,
      preflight: { maxAge: 600 },
    });
    expect(checkCors(request, preflight("*"))).toMatchObject({ ok: false, reason: "disallowed-header" });
  });
});
