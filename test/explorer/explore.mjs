#!/usr/bin/env node
// The differential explorer: generates CORS exchanges from a seed, replays them in a headless
// browser against a raw server, and reports every exchange where checkCors(…, { engine }) disagrees
// with what the browser did. Uses the built package (npm run build first; `npm run explore` does).
//
//   node test/explorer/explore.mjs [--engine chromium|firefox] [--seed N] [--size N] [--batch N]
//                                  [--budget SECONDS] [--json FILE]
//
// --size exchanges in batches of --batch per page evaluation; it stops early (and says so) when the
// --budget in seconds is spent. Exits 1 when it found a disagreement, 0 on silence.
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { checkCors } from "../../dist/index.js";
import { describeCase, judge, verdictOf } from "../browser/exchange.mjs";
import { startReplayer } from "../browser/replayer.mjs";
import { generateCases } from "./generate.mjs";

const { values } = parseArgs({
  options: {
    engine: { type: "string", default: "chromium" },
    seed: { type: "string", default: String(Date.now() % 2 ** 31) },
    size: { type: "string", default: "500" },
    batch: { type: "string", default: "100" },
    budget: { type: "string", default: "300" },
    json: { type: "string" },
  },
});
const engine = values.engine;
const seed = Number(values.seed);
const size = Number(values.size);
const batch = Number(values.batch);
const budgetMs = Number(values.budget) * 1000;
for (const [flag, value] of [
  ["seed", seed],
  ["size", size],
  ["batch", batch],
  ["budget", budgetMs],
]) {
  if (!Number.isSafeInteger(value) || value < 0) throw new TypeError(`--${flag} must be a non-negative integer.`);
}

const started = Date.now();
const cases = generateCases(seed, size);
const replayer = await startReplayer(engine);
const found = [];
let explored = 0;
try {
  for (let start = 0; start < cases.length; start += batch) {
    if (Date.now() - started > budgetMs) {
      console.log(`Budget of ${values.budget} s spent: stopping after ${explored} exchanges.`);
      break;
    }
    const slice = cases.slice(start, start + batch);
    const observations = await replayer.replay(slice);
    slice.forEach((c, i) => {
      const problems = judge(c, observations[i], verdictOf(checkCors, c, replayer.origin, engine));
      if (problems.length > 0) found.push({ case: c, observation: observations[i], problems });
    });
    explored += slice.length;
  }
} finally {
  await replayer.close();
}

for (const { case: c, problems } of found) console.log(`${c.title}: ${describeCase(c)}\n    ${problems.join("\n    ")}`);
if (values.json !== undefined) writeFileSync(values.json, `${JSON.stringify(found, null, 2)}\n`);
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(
  `${replayer.version}: checkCors (engine ${engine}) disagreed on ${found.length} of ${explored} exchanges (seed ${seed}, ${seconds} s).`,
);
process.exitCode = found.length > 0 ? 1 : 0;
