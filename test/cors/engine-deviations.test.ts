// The engine departures against what the browsers did: test/fixtures/engine-deviations.json holds
// regression cases of every departure the explorer found, each with what headless Chromium and
// headless Firefox did (recorded by test/explorer/record-deviations.mjs). checkCors with each
// browser's engine must predict that browser on every case; the standard engine must not, on at
// least one case of each departure (else the rule would not be needed).
import { describe, expect, test } from "vitest";
import { checkCors, type CorsEngine } from "typed-headers";
import { ENGINES } from "../../src/cors/engines.js";
import { judge, verdictOf, type BrowserCase, type Observation } from "../browser/exchange.mjs";
import recorded from "../fixtures/engine-deviations.json" with { type: "json" };

interface Recorded {
  readonly rule: string;
  readonly case: BrowserCase;
  readonly observed: Readonly<Record<"chromium" | "firefox", Observation>>;
}
const deviations = recorded as unknown as readonly Recorded[];
const ORIGIN = "http://127.0.0.1:8000";
const browsers = ["chromium", "firefox"] as const;

describe.each(browsers)("%s", (browser) => {
  test.each(deviations.map((d) => [d.case.title, d] as const))("checkCors predicts the recording: %s", (_title, d) => {
    expect(judge(d.case, d.observed[browser], verdictOf(checkCors, d.case, ORIGIN, browser))).toEqual([]);
  });

  // Departures checked against a recording; the others cannot be seen by one replay (see docs/engines.md).
  const observable = Object.keys(ENGINES[browser].departures).filter((rule) => !UNOBSERVABLE.has(rule));
  test.each(observable)("the standard engine mispredicts %s on a recorded case", (rule) => {
    const cases = deviations.filter((d) => d.rule === rule);
    expect(cases.length).toBeGreaterThan(0);
    const mispredicted = cases.filter(
      (d) => judge(d.case, d.observed[browser], verdictOf(checkCors, d.case, ORIGIN, "fetch")).length > 0,
    );
    expect(mispredicted.map((d) => d.case.title)).not.toEqual([]);
  });
});

/** Departures no single replay can show: a cap of hours on the preflight cache. */
const UNOBSERVABLE = new Set(["maxAgeCap"]);

test("every recorded rule is a rule of an engine, or the standard", () => {
  const rules = new Set(Object.values(ENGINES).flatMap((e) => Object.keys(e.departures)));
  for (const d of deviations) expect(rules.has(d.rule) || d.rule === "standard", d.rule).toBe(true);
});

test("an engine name checkCors does not know is refused with a TypeError", () => {
  const request = { origin: ORIGIN, method: "GET" };
  for (const engine of ["gecko", "Chromium", "", "constructor", "__proto__", 1, null, {}]) {
    expect(() => checkCors(request, {}, { engine: engine as CorsEngine })).toThrow(/^typed-headers: checkCors: unknown engine/);
  }
  // An options object whose engine getter throws has no readable engine: the standard, as for every field.
  expect(
    checkCors(
      request,
      {},
      {
        get engine(): CorsEngine {
          throw new Error("getter");
        },
      },
    ).ok,
  ).toBe(true);
  for (const engine of [undefined, "fetch", "chromium", "firefox"] as const)
    expect(checkCors(request, {}, { ...(engine ? { engine } : {}) }).ok).toBe(true);
});
