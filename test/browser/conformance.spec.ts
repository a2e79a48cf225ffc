// Real-browser conformance: for each exchange, a page on one loopback origin calls fetch() on
// another, a raw server answers with the case's header lines, and checkCors(…, { engine:
// "chromium" }) must predict what Chromium did: allowed or blocked, the preflight and its
// ACRM/ACRH, the readable response headers, and whether a repeat is preflighted again.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { checkCors, type CorsVerdict } from "typed-headers";
import { openBlankPage, type BlankPage } from "./blank-page.js";
import { curatedCases, generatedCases, type BrowserCase } from "./cases.js";
import { startRawServer, type RawRequest } from "./raw-http-server.js";

const GENERATED = Number(process.env.BROWSER_CASES ?? 200);
const seed = Number(process.env.BROWSER_SEED ?? Date.now() % 2 ** 31);

let blank: BlankPage;
let page: Page;
let pageOrigin: string;
let pagePort: number;
let api: Awaited<ReturnType<typeof startRawServer>>;
const received = new Map<string, RawRequest[]>();
const answers = new Map<string, BrowserCase>();

beforeAll(async () => {
  blank = await openBlankPage();
  ({ page, origin: pageOrigin, port: pagePort } = blank);
  api = await startRawServer((request) => {
    const id = request.path.split("/")[2] ?? "";
    received.get(id)?.push(request);
    const which = answers.get(id);
    if (which === undefined) return { status: 404, lines: [] };
    const isPreflight = request.method === "OPTIONS" && request.headers.some(([n]) => n.toLowerCase() === "access-control-request-method");
    const answer = isPreflight ? which.preflight : which.response;
    return { status: answer.status, lines: answer.lines.map(fill) };
  });
}, 60_000);

afterAll(async () => {
  await blank?.close();
  await api?.close();
});

function fill(line: string): string {
  return line.replaceAll("{ORIGIN}", pageOrigin).replaceAll("{PORT}", String(pagePort));
}

/** "Name: value" lines as [name, value] field lines, plus the two lines the raw server adds. */
function fieldLines(lines: readonly string[]): [string, string][] {
  const pairs = lines.map(fill).map((line): [string, string] => {
    const colon = line.indexOf(":");
    return [line.slice(0, colon), line.slice(colon + 1)];
  });
  return [...pairs, ["Content-Length", "0"], ["Connection", "close"]];
}

interface Outcome {
  readonly ok: boolean;
  readonly names: string[];
  readonly error?: string;
}

async function fetchOnce(url: string, c: BrowserCase): Promise<Outcome> {
  return page.evaluate(
    async ({ url, method, headers, credentials }) => {
      try {
        const response = await fetch(url, { method, headers, credentials, mode: "cors" });
        return { ok: true, names: [...response.headers.keys()] };
      } catch (error) {
        return { ok: false, names: [], error: String(error) };
      }
    },
    { url, method: c.method, headers: c.headers as [string, string][], credentials: c.credentials },
  );
}

const headerOf = (request: RawRequest | undefined, name: string) =>
  request?.headers.find(([n]) => n.toLowerCase() === name)?.[1] ?? null;
const isPreflight = (r: RawRequest) => r.method === "OPTIONS" && headerOf(r, "access-control-request-method") !== null;

/** Compares one exchange; returns the disagreements (empty when checkCors predicted Chromium). */
async function runCase(c: BrowserCase, id: string): Promise<string[]> {
  received.set(id, []);
  answers.set(id, c);
  const url = `http://127.0.0.1:${api.port}/case/${id}`;
  const first = await fetchOnce(url, c);
  const firstRequests = [...(received.get(id) ?? [])];
  const verdict: CorsVerdict = checkCors(
    { origin: pageOrigin, method: c.method, headers: c.headers as [string, string][], credentials: c.credentials },
    {
      preflight: { status: c.preflight.status, headers: fieldLines(c.preflight.lines) },
      response: { status: c.response.status, headers: fieldLines(c.response.lines) },
    },
    { engine: (process.env.BROWSER_ENGINE as "fetch" | undefined) ?? "chromium" },
  );
  const problems: string[] = [];
  const sent = firstRequests.find(isPreflight);
  if (verdict.ok !== first.ok) problems.push(`allowed: predicted ${verdict.ok} (${verdict.ok ? "" : verdict.reason}), Chromium ${first.ok} ${first.error ?? ""}`);
  if ((verdict.preflight !== null) !== (sent !== undefined)) problems.push(`preflight sent: predicted ${verdict.preflight !== null}, Chromium ${sent !== undefined}`);
  if (verdict.preflight !== null && sent !== undefined) {
    for (const name of ["access-control-request-method", "access-control-request-headers"]) {
      const predicted = verdict.preflight.headers.find(([n]) => n === name)?.[1] ?? null;
      if (predicted !== headerOf(sent, name)) problems.push(`${name}: predicted ${predicted}, Chromium sent ${headerOf(sent, name)}`);
    }
  }
  if (verdict.ok && first.ok) {
    const predicted = [...verdict.exposedHeaders].sort().join(",");
    const readable = [...first.names].sort().join(",");
    if (predicted !== readable) problems.push(`readable headers: predicted [${predicted}], Chromium [${readable}]`);
  }
  if (c.repeat && first.ok && verdict.ok && verdict.preflight !== null) {
    await fetchOnce(url, c);
    const again = (received.get(id) ?? []).slice(firstRequests.length).some(isPreflight);
    const predicted = verdict.preflight.maxAge === 0;
    if (again !== predicted) problems.push(`repeat preflighted: predicted ${predicted} (max-age ${verdict.preflight.maxAge}), Chromium ${again}`);
  }
  return problems;
}

test("checkCors({ engine: \"chromium\" }) predicts headless Chromium", { timeout: 600_000 }, async () => {
  const cases = [...curatedCases(), ...generatedCases(GENERATED, seed)];
  const failures: string[] = [];
  let agreed = 0;
  for (const [i, c] of cases.entries()) {
    const problems = await runCase(c, `${seed}-${i}`);
    if (problems.length === 0) agreed++;
    else failures.push(`${c.title} [${c.method} ${JSON.stringify(c.headers)} ${c.credentials}; preflight ${c.preflight.status} ${JSON.stringify(c.preflight.lines)}; response ${c.response.status} ${JSON.stringify(c.response.lines)}]\n    ${problems.join("\n    ")}`);
  }
  console.log(`Chromium ${blank.browser.version()}: checkCors agreed on ${agreed}/${cases.length} exchanges (seed ${seed}).`);
  expect(failures, failures.join("\n")).toEqual([]);
  expect(cases.length).toBeGreaterThanOrEqual(300);
});
