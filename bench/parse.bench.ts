// parseHeader for every CORS header, typical and long values, next to hand-written baselines.
// Each task parses a batch of inputs (64 typical, 16 long) so that the per-call cost dominates
// the harness's per-iteration overhead. Every kind has at least two values, taken in turn, so no
// line repeats the one before (but the literal `true`, answered by one comparison either way):
// these figures are parses, not hits of the codecs' last-line memo (src/headers/codec.ts), which
// bench/map.bench.ts shows on a repeated request.
import { bench, describe } from "vitest";
// The built package, as users run it (vitest would otherwise run src/ through its module
// transform, which routes every cross-module call through a getter).
import { accessControlMaxAgeHeader, accessControlRequestMethodHeader, parseHeader, type HeaderName } from "../dist/index.js";
import {
  allowOriginBaseline,
  allowOriginUrlBaseline,
  listBaseline,
  maxAgeBaseline,
  maxAgeResultBaseline,
  maxAgeScanBaseline,
  methodBaseline,
  methodResultBaseline,
  methodScanBaseline,
  regexOriginBaseline,
  trueBaseline,
  urlOriginBaseline,
  varyBaseline,
} from "./baselines.js";

interface Case {
  readonly name: HeaderName;
  /** Inputs by kind: `typical` and `long` for every header, and more kinds where they matter. */
  readonly values: Readonly<Record<string, readonly string[]>>;
  readonly baselines: Readonly<Record<string, (v: string) => unknown>>;
  /** The header's own codec, measured beside parseHeader where the registry lookup matters (issue 10, target 5). */
  readonly codec?: (v: string) => unknown;
}

const names = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`).join(", ");

const cases: readonly Case[] = [
  {
    name: "origin",
    values: {
      typical: ["https://example.com", "http://localhost:5173", "https://app.example.co.uk", "null"],
      long: [`https://${"sub.".repeat(20)}example.com:8443`, `https://${"a".repeat(200)}.example`],
      "IP hosts": ["http://127.0.0.1:8080", "http://192.168.0.10", "http://[::1]:3000", "http://[2001:db8::1]"],
    },
    baselines: { "new URL(v).origin === v": urlOriginBaseline, "regex origin shape": regexOriginBaseline },
  },
  {
    name: "access-control-request-method",
    values: {
      typical: ["PUT", "DELETE", "PATCH", "POST"],
      long: ["X-CUSTOM-METHOD-WITH-A-LONG-NAME-0123456789", "X-CUSTOM-METHOD-WITH-A-LONG-NAME-9876543210"],
    },
    baselines: {
      "trim + token regex": methodBaseline,
      "hand-written token scan": methodScanBaseline,
      "hand-written token scan, OWS trim + result object": methodResultBaseline,
    },
    codec: accessControlRequestMethodHeader.parse,
  },
  {
    name: "access-control-request-headers",
    values: {
      typical: ["content-type,x-requested-with,authorization", "x-custom"],
      long: [names(30, "x-custom-header"), names(30, "x-other-header")],
    },
    baselines: { "split + trim + token regex + lowercase": (v) => listBaseline(v, true) },
  },
  {
    name: "access-control-request-private-network",
    values: { typical: ["true"], long: ["  true  ", "\ttrue\t"] },
    baselines: { 'v.trim() === "true"': trueBaseline },
  },
  {
    name: "access-control-allow-origin",
    values: {
      typical: ["*", "https://example.com", "null", "http://localhost:3000"],
      long: [`https://${"sub.".repeat(20)}example.com:8443`, `https://${"sub.".repeat(20)}example.org:8443`],
    },
    baselines: { "*/null/new URL origin": allowOriginUrlBaseline, "*/null/regex origin": allowOriginBaseline },
  },
  {
    name: "access-control-allow-credentials",
    values: { typical: ["true"], long: ["  true  ", "\ttrue\t"] },
    baselines: { 'v.trim() === "true"': trueBaseline },
  },
  {
    name: "access-control-allow-methods",
    values: { typical: ["GET, POST, PUT, DELETE", "*"], long: [names(30, "METHOD"), names(30, "VERB")] },
    baselines: { "split + trim + token regex": (v) => listBaseline(v, false) },
  },
  {
    name: "access-control-allow-headers",
    values: {
      typical: ["Content-Type, Authorization, X-Requested-With", "*"],
      long: [names(30, "X-Custom-Header"), names(30, "X-Other-Header")],
    },
    baselines: { "split + trim + token regex + lowercase": (v) => listBaseline(v, true) },
  },
  {
    name: "access-control-expose-headers",
    values: { typical: ["Content-Length, X-Request-Id", "*"], long: [names(30, "X-Exposed"), names(30, "X-Visible")] },
    baselines: { "split + trim + token regex + lowercase": (v) => listBaseline(v, true) },
  },
  {
    name: "access-control-max-age",
    values: { typical: ["600", "7200", "86400"], long: ["0000000000000000000000000000600", "0000000000000000000000000007200"] },
    baselines: {
      "/^\\d+$/ + Number": maxAgeBaseline,
      "hand-written digit loop": maxAgeScanBaseline,
      "hand-written digit loop, OWS trim + result object": maxAgeResultBaseline,
    },
    codec: accessControlMaxAgeHeader.parse,
  },
  {
    name: "access-control-allow-private-network",
    values: { typical: ["true"], long: ["  true  ", "\ttrue\t"] },
    baselines: { 'v.trim() === "true"': trueBaseline },
  },
  {
    name: "vary",
    values: { typical: ["Origin", "Accept-Encoding, Origin"], long: [names(30, "X-Vary"), names(30, "X-Varies")] },
    baselines: { "split + trim + token regex + lowercase + *": varyBaseline },
  },
];

let sink: unknown;

/**
 * Repeats `values` to `size` items, so that one iteration is long next to the harness's own cost.
 * Each item is a flat copy, as an HTTP parser produces (a concatenated string would be a rope).
 */
function batch(values: readonly string[], size: number): readonly string[] {
  return Array.from({ length: size }, (_, i) => Buffer.from(values[i % values.length] ?? "", "latin1").toString("latin1"));
}

// A local binding: calling through the module namespace would add a getter to every call.
const parse = parseHeader;

for (const c of cases) {
  for (const [kind, values] of Object.entries(c.values)) {
    const inputs = batch(values, kind === "long" ? 16 : 64);
    describe(`${c.name} (${kind})`, () => {
      bench("typed-headers parseHeader", () => {
        for (const v of inputs) sink = parse(c.name, v);
      });
      const codec = c.codec;
      if (codec !== undefined) {
        bench("typed-headers codec (the header's own parse)", () => {
          for (const v of inputs) sink = codec(v);
        });
      }
      for (const [label, baseline] of Object.entries(c.baselines)) {
        bench(`baseline: ${label}`, () => {
          for (const v of inputs) sink = baseline(v);
        });
      }
    });
  }
}

export { sink };
