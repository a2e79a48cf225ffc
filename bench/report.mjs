// Turns vitest's benchmark JSON (one file per run) into a Markdown table of ratios against the
// named baselines. With several runs, the ratio shown is the median, with the range beside it.
// Usage: node bench/report.mjs run1.json [run2.json …]
// A ratio is typed-headers' mean time over the baseline's: below 1 means typed-headers is faster.
import { readFileSync } from "node:fs";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node bench/report.mjs <results.json> [more runs…]");
  process.exit(2);
}

const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const us = (ms) => (ms * 1000 >= 10 ? (ms * 1000).toFixed(1) : (ms * 1000).toFixed(2));

/** rows[file][group][baseline] = { ours: [ms…], theirs: [ms…], ratios: […] } */
const rows = new Map();
for (const path of files) {
  for (const { filepath, groups } of JSON.parse(readFileSync(path, "utf8")).files) {
    const file = filepath.replace(/^.*\/bench\//, "bench/");
    if (!rows.has(file)) rows.set(file, new Map());
    for (const group of groups) {
      // A group may time typed-headers more than one way (parseHeader and the header's codec):
      // each is set against every baseline, and named after the group when there are several.
      const ourBenches = group.benchmarks.filter((b) => b.name.startsWith("typed-headers"));
      for (const ours of ourBenches) {
        const groupName = group.fullName.replace(/^.*? > /, "");
        const label = ourBenches.length > 1 ? `${groupName}, ${ours.name.replace(/^typed-headers /, "")}` : groupName;
        if (!rows.get(file).has(label)) rows.get(file).set(label, new Map());
        for (const other of group.benchmarks) {
          if (ourBenches.includes(other)) continue;
          const name = other.name.replace(/^baseline: /, "");
          const row = rows.get(file).get(label).get(name) ?? { ours: [], theirs: [], ratios: [] };
          row.ours.push(ours.mean);
          row.theirs.push(other.mean);
          row.ratios.push(ours.mean / other.mean);
          rows.get(file).get(label).set(name, row);
        }
      }
    }
  }
}

for (const [file, groups] of rows) {
  console.log(`\n### ${file} (${files.length} run${files.length > 1 ? "s" : ""})\n`);
  console.log("| group | typed-headers (µs/iter) | baseline | baseline (µs/iter) | ratio | range |");
  console.log("|---|---:|---|---:|---:|---:|");
  for (const [label, baselines] of groups) {
    for (const [name, row] of baselines) {
      const range = `${Math.min(...row.ratios).toFixed(2)}–${Math.max(...row.ratios).toFixed(2)}`;
      console.log(
        `| ${label} | ${us(median(row.ours))} | ${name} | ${us(median(row.theirs))} | **${median(row.ratios).toFixed(2)}×** | ${range} |`,
      );
    }
  }
}
