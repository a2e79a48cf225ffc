#!/usr/bin/env node
// Records the regression cases of every engine departure the explorer found: replays each case in
// headless Chromium and headless Firefox and writes the case with what each browser did to
// test/fixtures/engine-deviations.json. The unit test test/cors/engine-deviations.test.ts judges
// checkCors against these recordings for each engine; the browser suite replays the cases live.
//
//   node test/explorer/record-deviations.mjs
import { writeFileSync } from "node:fs";
import { BROWSER_ENGINES } from "../browser/browsers.mjs";
import { startReplayer } from "../browser/replayer.mjs";

const ACAO = "Access-Control-Allow-Origin: {ORIGIN}";
const open = (lines = []) => ({
  status: 204,
  lines: [ACAO, "Access-Control-Allow-Methods: PUT, PATCH", "Access-Control-Allow-Headers: *", ...lines],
});
const answer = { status: 200, lines: [ACAO, "X-A: 1", "X-B: 2"] };
const long = (n) => "a".repeat(n);

/** [rule, title, request, preflight lines?, response lines?]: `rule` names the EngineRules field, or "standard". */
const CASES = [
  ["standard", "an invalid request header name makes fetch() throw", { method: "GET", headers: [["X A", "1"]] }],
  ["standard", "a NUL in a request header value makes fetch() throw", { method: "GET", headers: [["X-A", "a\u0000b"]] }],
  ["standard", "cache mode only-if-cached makes a CORS fetch() throw", { method: "GET", cache: "only-if-cached" }],
  [
    "standard",
    "a Range position above 2^53 is still a number",
    { method: "GET", headers: [["Range", "bytes=0-9007199254740993"]] },
  ],
  ["extraSafelisted", "DPR 2", { method: "GET", headers: [["DPR", "2"]] }],
  ["extraSafelisted", "DPR .5", { method: "GET", headers: [["DPR", ".5"]] }],
  ["extraSafelisted", "Width 1.5", { method: "GET", headers: [["Width", "1.5"]] }],
  [
    "extraSafelisted",
    "Viewport-Width 100, RTT 50, Downlink 1.5",
    {
      method: "GET",
      headers: [
        ["Viewport-Width", "100"],
        ["RTT", "50"],
        ["Downlink", "1.5"],
      ],
    },
  ],
  [
    "extraSafelisted",
    "Save-Data ON, Device-Memory 0.5, ECT 4g",
    {
      method: "GET",
      headers: [
        ["Save-Data", "ON"],
        ["Device-Memory", "0.5"],
        ["ECT", "4g"],
      ],
    },
  ],
  ["extraSafelisted", "ECT 4G", { method: "GET", headers: [["ECT", "4G"]] }],
  ["extraSafelisted", "Intervention", { method: "GET", headers: [["Intervention", "<x>"]] }],
  ["largestRangePosition", "Range end 2^63 - 2", { method: "GET", headers: [["Range", "bytes=0-9223372036854775806"]] }],
  ["largestRangePosition", "Range end 2^63 - 1", { method: "GET", headers: [["Range", "bytes=0-9223372036854775807"]] }],
  ["largestRangePosition", "Range start 2^64 - 1", { method: "GET", headers: [["Range", "bytes=18446744073709551615-"]] }],
  ["largestRangePosition", "Range end 2^64", { method: "GET", headers: [["Range", "bytes=0-18446744073709551616"]] }],
  [
    "cacheModesBypassingPreflightCache",
    "cache no-cache, max-age 600",
    { method: "PUT", cache: "no-cache", repeat: true },
    ["Access-Control-Max-Age: 600"],
  ],
  [
    "cacheModesBypassingPreflightCache",
    "cache reload, max-age 600",
    { method: "PUT", cache: "reload", repeat: true },
    ["Access-Control-Max-Age: 600"],
  ],
  [
    "cacheModesBypassingPreflightCache",
    "cache no-store, max-age 600",
    { method: "PUT", cache: "no-store", repeat: true },
    ["Access-Control-Max-Age: 600"],
  ],
  [
    "cacheModesBypassingPreflightCache",
    "cache force-cache, max-age 600",
    { method: "PUT", cache: "force-cache", repeat: true },
    ["Access-Control-Max-Age: 600"],
  ],
  ["wildcardCoversAuthorization", "Authorization with ACAH *", { method: "PUT", headers: [["Authorization", "Bearer x"]] }],
  [
    "wildcardAuthorizationUncached",
    "Authorization with ACAH *, max-age 600, twice",
    { method: "PUT", headers: [["Authorization", "Bearer x"]], repeat: true },
    ["Access-Control-Max-Age: 600"],
  ],
  [
    "wildcardAuthorizationUncached",
    "Authorization with ACAH *, authorization, max-age 600, twice",
    { method: "PUT", headers: [["Authorization", "Bearer x"]], repeat: true },
    ["Access-Control-Allow-Headers: authorization", "Access-Control-Max-Age: 600"],
  ],
  [
    "combineRepeatedLines",
    "two 100-byte Accept lines",
    {
      method: "GET",
      headers: [
        ["Accept", long(100)],
        ["Accept", long(100)],
      ],
    },
  ],
  [
    "combineRepeatedLines",
    "eight 128-byte Accept lines: 1024 bytes",
    { method: "GET", headers: Array.from({ length: 8 }, () => ["Accept", long(128)]) },
  ],
  [
    "repeatUnsafeNames",
    "two unsafe Content-Type lines",
    {
      method: "POST",
      headers: [
        ["Content-Type", "text/html"],
        ["Content-Type", "application/json"],
      ],
    },
  ],
  ["nonAsciiUnsafe", "Accept é", { method: "GET", headers: [["Accept", "\u00e9"]] }],
  ["nonAsciiUnsafe", "Content-Type text/plain; x=é", { method: "POST", headers: [["Content-Type", "text/plain; x=\u00e9"]] }],
  ["trailingSemicolonUnsafe", "Content-Type text/plain;", { method: "POST", headers: [["Content-Type", "text/plain;"]] }],
  ["trailingSemicolonUnsafe", "Content-Type text/plain;;", { method: "POST", headers: [["Content-Type", "text/plain;;"]] }],
  ["trailingSemicolonUnsafe", "Content-Type text/plain;a=b;", { method: "POST", headers: [["Content-Type", "text/plain;a=b;"]] }],
  [
    "exposeWildcardDespiteInvalidList",
    "ACEH *, bad value",
    { method: "GET" },
    [],
    ["Access-Control-Expose-Headers: *, bad value"],
  ],
  [
    "exposeWildcardDespiteInvalidList",
    "ACEH bad value, *",
    { method: "GET" },
    [],
    ["Access-Control-Expose-Headers: bad value, *"],
  ],
  [
    "exposeWildcardDespiteInvalidList",
    "ACEH *, bad value with credentials",
    { method: "GET", credentials: "include" },
    [],
    ["Access-Control-Allow-Credentials: true", "Access-Control-Expose-Headers: *, bad value"],
  ],
];

const cases = CASES.map(([rule, title, request, preflightLines = [], responseLines = []]) => ({
  rule,
  case: {
    title: `${rule}: ${title}`,
    method: request.method,
    headers: request.headers ?? [],
    credentials: request.credentials ?? "omit",
    ...(request.cache ? { cache: request.cache } : {}),
    preflight: open(
      request.credentials === "include" ? ["Access-Control-Allow-Credentials: true", ...preflightLines] : preflightLines,
    ),
    response: { ...answer, lines: [...answer.lines, ...responseLines] },
    repeat: request.repeat ?? false,
  },
}));

const observed = {};
const versions = {};
for (const engine of BROWSER_ENGINES) {
  const replayer = await startReplayer(engine);
  try {
    versions[engine] = replayer.version;
    observed[engine] = await replayer.replay(cases.map((c) => c.case));
  } finally {
    await replayer.close();
  }
}
const fixture = cases.map((c, i) => ({
  ...c,
  observed: Object.fromEntries(BROWSER_ENGINES.map((engine) => [engine, { ...observed[engine][i], version: versions[engine] }])),
}));
const path = new URL("../fixtures/engine-deviations.json", import.meta.url);
writeFileSync(path, `${JSON.stringify(fixture, null, 2)}\n`);
console.log(`Recorded ${fixture.length} cases in ${BROWSER_ENGINES.map((e) => versions[e]).join(" and ")}.`);
