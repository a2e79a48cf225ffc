// Real-browser conformance, in headless Chromium and in headless Firefox: for each exchange, a page
// on one loopback origin calls fetch() on another, a raw server answers with the case's header
// lines, and checkCors(…, { engine }) must predict what the browser did: allowed or blocked, the
// preflight and its ACRM/ACRH, the request and its method, the readable response headers, and
// whether a repeat is preflighted again. The exchanges: the curated cases, the regression cases
// the explorer found (test/fixtures/engine-deviations.json), and generated ones.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { checkCors } from "typed-headers";
import deviations from "../fixtures/engine-deviations.json" with { type: "json" };
import { BROWSER_ENGINES } from "./browsers.mjs";
import { curatedCases, generatedCases, type BrowserCase } from "./cases.js";
import { describeCase, judge, verdictOf } from "./exchange.mjs";
import { startReplayer, type Replayer } from "./replayer.mjs";

const GENERATED = Number(process.env.BROWSER_CASES ?? 200);
const seed = Number(process.env.BROWSER_SEED ?? Date.now() % 2 ** 31);
const BATCH = 100;

describe.each(BROWSER_ENGINES)("%s", (engine) => {
  let replayer: Replayer;
  beforeAll(async () => {
    replayer = await startReplayer(engine);
  }, 60_000);
  afterAll(async () => {
    await replayer?.close();
  });

  test(`checkCors({ engine: "${engine}" }) predicts the browser`, { timeout: 600_000 }, async () => {
    const regressions = (deviations as readonly { case: BrowserCase }[]).map((d) => d.case);
    const cases = [...curatedCases(), ...regressions, ...generatedCases(GENERATED, seed)];
    const failures: string[] = [];
    for (let start = 0; start < cases.length; start += BATCH) {
      const slice = cases.slice(start, start + BATCH);
      const observations = await replayer.replay(slice);
      slice.forEach((c, i) => {
        const problems = judge(c, observations[i]!, verdictOf(checkCors, c, replayer.origin, engine));
        if (problems.length > 0) failures.push(`${c.title} [${describeCase(c)}]\n    ${problems.join("\n    ")}`);
      });
    }
    console.log(
      `${replayer.version}: checkCors agreed on ${cases.length - failures.length}/${cases.length} exchanges (seed ${seed}).`,
    );
    expect(failures, failures.join("\n")).toEqual([]);
    expect(cases.length).toBeGreaterThanOrEqual(300);
  });
});
