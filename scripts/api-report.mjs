// The API report of every entry point (etc/*.api.md): `node scripts/api-report.mjs` fails when a
// report drifts from the built declarations; `--local` rewrites the reports after a deliberate
// API change. Needs a build (dist/*.d.ts).
import { execFileSync } from "node:child_process";

const configs = [
  "api-extractor.json",
  "etc/api-extractor.headers.json",
  "etc/api-extractor.cors.json",
  "etc/api-extractor.node.json",
];
const local = process.argv.includes("--local") ? ["--local"] : [];
let failed = false;
for (const config of configs) {
  try {
    execFileSync("npx", ["api-extractor", "run", "--config", config, ...local], { stdio: ["ignore", "pipe", "inherit"] });
    console.log(`API report up to date: ${config}`);
  } catch (error) {
    failed = true;
    process.stdout.write(error.stdout ?? "");
    console.error(`API report drifted or failed: ${config}`);
  }
}
process.exitCode = failed ? 1 : 0;
