// Turns vitest's benchmark JSON into a Markdown table of ratios against the named baselines.
// Usage: node bench/report.mjs <vitest --outputJson file>
// A ratio is typed-headers' time over the baseline's time: below 1 means typed-headers is faster.
import { readFileSync } from "node:fs";

const file = process.argv[2];
if (!file) {
  console.error("usage: node bench/report.mjs <results.json>");
  process.exit(2);
}
const { files } = JSON.parse(readFileSync(file, "utf8"));

const fmt = (ms) => (ms * 1000 >= 10 ? (ms * 1000).toFixed(1) : (ms * 1000).toFixed(2));

for (const { filepath, groups } of files) {
  console.log(`\n### ${filepath.replace(/^.*\/bench\//, "bench/")}\n`);
  console.log("| group | typed-headers (µs/iter) | baseline | baseline (µs/iter) | ratio |");
  console.log("|---|---:|---|---:|---:|");
  for (const group of groups) {
    const ours = group.benchmarks.find((b) => b.name.startsWith("typed-headers"));
    const label = group.fullName.replace(/^.*? > /, "");
    if (!ours) continue;
    for (const other of group.benchmarks) {
      if (other === ours) continue;
      const ratio = ours.mean / other.mean;
      console.log(
        `| ${label} | ${fmt(ours.mean)} ± ${ours.rme.toFixed(1)}% | ${other.name.replace(/^baseline: /, "")} | ${fmt(other.mean)} ± ${other.rme.toFixed(1)}% | **${ratio.toFixed(2)}×** |`,
      );
    }
  }
}
