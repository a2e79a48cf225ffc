// docs/engines.md is generated from the engines' rules (src/cors/engines.ts): this test renders it
// and compares; `npm run docs:engines` (UPDATE_DOCS=1) writes it. It also checks that the
// departures name exactly the rules that differ from the standard's.
import { readFileSync, writeFileSync } from "node:fs";
import { expect, test } from "vitest";
import { ENGINES, type EngineRules } from "../../src/cors/engines.js";

const DOC = new URL("../../docs/engines.md", import.meta.url);
const TITLES: Record<string, string> = { chromium: "Chromium", firefox: "Firefox" };

function render(): string {
  const lines = [
    "# Engines: where Chromium and Firefox depart from the Fetch standard",
    "",
    "<!-- Generated from src/cors/engines.ts by `npm run docs:engines`; test/cors/engines-doc.test.ts checks it. -->",
    "",
    '`checkCors(request, exchange, { engine })` follows the WHATWG Fetch standard with `engine: "fetch"` (the default).',
    'With `engine: "chromium"` or `engine: "firefox"` it adds the departures below, each found by replaying',
    "generated exchanges in the real browser (`npm run explore`) and pinned by a recorded regression case",
    "(`test/fixtures/engine-deviations.json`). Any other engine name is refused with a `TypeError`.",
    "",
  ];
  for (const [name, rules] of Object.entries(ENGINES)) {
    if (name === "fetch") continue;
    lines.push(`## ${TITLES[name] ?? name} (\`engine: "${name}"\`)`, "");
    for (const [rule, text] of Object.entries(rules.departures)) lines.push(`- ${text} (\`${rule}\`)`);
    lines.push("");
  }
  lines.push(
    "## Not observed",
    "",
    "- Firefox driven over WebDriver BiDi preflights every repeated request, whatever `Access-Control-Max-Age`",
    '  says, so its preflight cache cannot be observed by the explorer; `engine: "firefox"` keeps the',
    "  standard's max-age rules.",
    "- Chromium's 7200-second cap cannot be seen in one replay; it comes from Chromium's source.",
    "",
  );
  return lines.join("\n");
}

/** A rule's value compared with the standard's: Maps and Sets by their members. */
function differs(rules: EngineRules, key: keyof EngineRules): boolean {
  const a = rules[key];
  const b = ENGINES.fetch[key];
  if (a instanceof Map && b instanceof Map) return a.size !== b.size || [...a.keys()].some((k) => !b.has(k));
  if (a instanceof Set && b instanceof Set) return a.size !== b.size || [...a].some((k) => !b.has(k));
  return a !== b;
}

test("each engine documents exactly the rules where it differs from the standard", () => {
  for (const rules of Object.values(ENGINES)) {
    const keys = (Object.keys(rules) as (keyof EngineRules)[]).filter((k) => k !== "name" && k !== "departures");
    const changed = keys.filter((k) => differs(rules, k)).sort();
    expect(Object.keys(rules.departures).sort(), rules.name).toEqual(changed);
  }
});

test("docs/engines.md is generated from the engines' rules", () => {
  const expected = render();
  if (process.env.UPDATE_DOCS === "1") writeFileSync(DOC, expected);
  expect(readFileSync(DOC, "utf8")).toBe(expected);
});
