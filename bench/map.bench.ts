// HeaderMap on the hot path, next to the untyped code frameworks write today (issues 3 and 10).
// Input: a Chromium preflight (14 field lines) as a real node:http server received it over
// loopback: its req.headers and rawHeaders (bench/real-inputs.ts).
import { SuperHeaders } from "@remix-run/headers";
import { bench, describe } from "vitest";
// The built package, as users run it (see parse.bench.ts).
import { DeltaSeconds, FieldName, HeaderMap, Method, Origin } from "../dist/index.js";
import { realInputs } from "./real-inputs.js";

/** node:http's req.headers: Object.prototype as prototype, lowercase keys. */
const reqHeaders = realInputs.preflight.node.headers as Record<string, string>;
/** node:http's req.rawHeaders: names as the browser wrote them. */
const rawHeaders = realInputs.preflight.node.rawHeaders;
/** The Fetch Headers of the undici Request for the same preflight. */
const fetchHeaders = realInputs.preflight.undici.headers;

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const ORIGIN = /^https?:\/\/[a-z0-9.-]+(?::[0-9]{1,5})?$/;

/** What careful hand-written code checks: origin shape, method token, names split and checked. */
function handParse(origin: string | undefined, method: string | undefined, names: string | undefined) {
  if (origin === undefined || !(origin === "null" || ORIGIN.test(origin))) return undefined;
  if (method === undefined || !TOKEN.test(method)) return undefined;
  const list: string[] = [];
  for (const part of (names ?? "").split(",")) {
    const name = part.trim();
    if (name === "") continue;
    if (!TOKEN.test(name)) return undefined;
    list.push(name.toLowerCase());
  }
  return { origin, method, names: list };
}

function rawGet(raw: readonly string[], name: string): string | undefined {
  for (let i = 0; i < raw.length; i += 2) {
    const key = raw[i] as string;
    if (key.length === name.length && key.toLowerCase() === name) return raw[i + 1];
  }
  return undefined;
}

function splitNames(value: string | null): string[] {
  return (value ?? "")
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}

let sink: unknown;
/** Calls per benchmark iteration, so that the harness's own per-iteration cost is amortized. */
const BATCH = 16;
const from = HeaderMap.from; // a local binding: no module-namespace getter per call

/** The same preflight from four pages: no line repeats the one read before it. */
const variedHeaders = realInputs.variedPreflights.map((req) => req.headers as Record<string, string>);

for (const [group, records] of [
  ["1. read origin + ACRM + ACRH from req.headers", [reqHeaders]],
  ["1b. read origin + ACRM + ACRH from req.headers, a different page each time", variedHeaders],
] as const) {
  const n = records.length;
  describe(group, () => {
    bench("typed-headers HeaderMap.from(req.headers).get ×3", () => {
      for (let i = 0; i < BATCH; i++) {
        const map = from(records[i % n] as Record<string, string>);
        sink = [map.get("origin"), map.get("access-control-request-method"), map.get("access-control-request-headers")];
      }
    });
    bench("baseline: undici new Headers(obj) + get + split", () => {
      for (let i = 0; i < BATCH; i++) {
        const headers = new Headers(records[i % n]);
        sink = [
          headers.get("origin"),
          headers.get("access-control-request-method"),
          splitNames(headers.get("access-control-request-headers")),
        ];
      }
    });
    bench("baseline: @remix-run/headers SuperHeaders", () => {
      for (let i = 0; i < BATCH; i++) {
        const headers = new SuperHeaders(records[i % n]);
        sink = [headers.get("origin"), headers.accessControlRequestMethod, splitNames(headers.accessControlRequestHeaders)];
      }
    });
    bench("baseline: hand-written plain object", () => {
      for (let i = 0; i < BATCH; i++) {
        const headers = records[i % n] as Record<string, string>;
        sink = handParse(headers["origin"], headers["access-control-request-method"], headers["access-control-request-headers"]);
      }
    });
  });
}

describe("2. read origin + ACRM + ACRH from rawHeaders", () => {
  bench("typed-headers HeaderMap.from(rawHeaders).get ×3", () => {
    for (let i = 0; i < BATCH; i++) {
      const map = from(rawHeaders);
      sink = [map.get("origin"), map.get("access-control-request-method"), map.get("access-control-request-headers")];
    }
  });
  bench("baseline: undici new Headers(pairs) + get + split", () => {
    for (let i = 0; i < BATCH; i++) {
      const pairs: [string, string][] = [];
      for (let i = 0; i < rawHeaders.length; i += 2) pairs.push([rawHeaders[i] as string, rawHeaders[i + 1] as string]);
      const headers = new Headers(pairs);
      sink = [
        headers.get("origin"),
        headers.get("access-control-request-method"),
        splitNames(headers.get("access-control-request-headers")),
      ];
    }
  });
  bench("baseline: @remix-run/headers SuperHeaders(pairs)", () => {
    for (let i = 0; i < BATCH; i++) {
      const pairs: [string, string][] = [];
      for (let i = 0; i < rawHeaders.length; i += 2) pairs.push([rawHeaders[i] as string, rawHeaders[i + 1] as string]);
      const headers = new SuperHeaders(pairs);
      sink = [headers.get("origin"), headers.accessControlRequestMethod, splitNames(headers.accessControlRequestHeaders)];
    }
  });
  bench("baseline: hand-written rawHeaders scan", () => {
    for (let i = 0; i < BATCH; i++) {
      sink = handParse(
        rawGet(rawHeaders, "origin"),
        rawGet(rawHeaders, "access-control-request-method"),
        rawGet(rawHeaders, "access-control-request-headers"),
      );
    }
  });
});

// A server's CORS configuration: built once, frozen, set on every response.
const allowOrigin = Origin.from("https://app.example.com");
const allowMethods = Object.freeze(["GET", "POST", Method.from("PATCH")] as const);
const allowHeaders = Object.freeze([
  FieldName.from("authorization"),
  FieldName.from("content-type"),
  FieldName.from("x-request-id"),
]);
const maxAge = DeltaSeconds.from(600);
const varyOrigin = Object.freeze([FieldName.from("origin")]);

describe("4. read origin + ACRM + ACRH from a Fetch Request's headers (undici)", () => {
  bench("typed-headers HeaderMap.from(request.headers).get ×3", () => {
    for (let i = 0; i < BATCH; i++) {
      const map = from(fetchHeaders);
      sink = [map.get("origin"), map.get("access-control-request-method"), map.get("access-control-request-headers")];
    }
  });
  bench("baseline: hand-written Headers get + checks", () => {
    for (let i = 0; i < BATCH; i++) {
      sink = handParse(
        fetchHeaders.get("origin") ?? undefined,
        fetchHeaders.get("access-control-request-method") ?? undefined,
        fetchHeaders.get("access-control-request-headers") ?? undefined,
      );
    }
  });
});

describe("3. build a 6-header preflight response and emit toObject()", () => {
  bench("typed-headers new HeaderMap().set ×6 → toObject()", () => {
    for (let i = 0; i < BATCH; i++) {
      sink = new HeaderMap()
        .set("access-control-allow-origin", allowOrigin)
        .set("access-control-allow-credentials", true)
        .set("access-control-allow-methods", allowMethods)
        .set("access-control-allow-headers", allowHeaders)
        .set("access-control-max-age", maxAge)
        .set("vary", varyOrigin)
        .toObject();
    }
  });
  bench("baseline: typed-headers with fresh (unfrozen) arrays every time", () => {
    for (let i = 0; i < BATCH; i++) {
      sink = new HeaderMap()
        .set("access-control-allow-origin", allowOrigin)
        .set("access-control-allow-credentials", true)
        .set("access-control-allow-methods", ["GET", "POST", "PATCH"])
        .set("access-control-allow-headers", ["authorization", "content-type", FieldName.from("x-request-id")])
        .set("access-control-max-age", maxAge)
        .set("vary", ["origin"])
        .toObject();
    }
  });
  bench("baseline: Fetch Headers set ×6", () => {
    for (let i = 0; i < BATCH; i++) {
      const headers = new Headers();
      headers.set("access-control-allow-origin", "https://app.example.com");
      headers.set("access-control-allow-credentials", "true");
      headers.set("access-control-allow-methods", "GET, POST, PATCH");
      headers.set("access-control-allow-headers", "authorization, content-type, x-request-id");
      headers.set("access-control-max-age", "600");
      headers.set("vary", "origin");
      sink = headers;
    }
  });
  bench("baseline: hand-written object literal", () => {
    for (let i = 0; i < BATCH; i++) {
      sink = {
        "access-control-allow-origin": "https://app.example.com",
        "access-control-allow-credentials": "true",
        "access-control-allow-methods": ["GET", "POST", "PATCH"].join(", "),
        "access-control-allow-headers": ["authorization", "content-type", "x-request-id"].join(", "),
        "access-control-max-age": String(600),
        vary: "origin",
      };
    }
  });
});

export { sink };
