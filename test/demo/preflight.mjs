// npm run demo: parses a CORS preflight captured from headless Chromium (request as Node received
// it, and the response header block) with the built package, and prints typed values and errors.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkCors, parseHeader } from "../../dist/index.js";

const capture = JSON.parse(readFileSync(new URL("../fixtures/captured-preflight.json", import.meta.url), "utf8"));

/** Field lines grouped by lowercase name, in first-seen order, keeping the name as sent. */
function group(pairs) {
  const byName = new Map();
  for (const [name, value] of pairs) {
    const key = name.toLowerCase();
    const entry = byName.get(key) ?? { name, lines: [] };
    entry.lines.push(value);
    byName.set(key, entry);
  }
  return byName;
}

function show(title, pairs) {
  console.log(`\n${title}`);
  for (const [key, { name, lines }] of group(pairs)) {
    const result = parseHeader(key, lines);
    const raw = lines.join(", ");
    if (result.ok) {
      console.log(`  ✓ ${name}: ${raw}\n      → ${JSON.stringify(result.value)}`);
    } else if (result.error.code === "unknown-header") {
      console.log(`  · ${name}: ${raw.length > 60 ? `${raw.slice(0, 57)}...` : raw}`);
    } else {
      const at = result.error.offset === undefined ? "" : ` at offset ${result.error.offset}`;
      console.log(`  ✗ ${name}: ${raw}\n      → ${result.error.code}${at}: ${result.error.message}`);
    }
  }
}

const { request, response } = capture;
const rawPairs = [];
for (let i = 0; i < request.rawHeaders.length; i += 2) rawPairs.push([request.rawHeaders[i], request.rawHeaders[i + 1]]);

console.log(
  `Captured from headless Chromium ${capture.browser} (${capture.capturedAt.slice(0, 10)}), page ${capture.pageOrigin}`,
);
show(`Preflight request: ${request.method} ${request.url} HTTP/${request.httpVersion}`, rawPairs);
show(`Response: ${response.status}`, response.headers);
const verdict = checkCors(
  {
    origin: capture.pageOrigin,
    method: capture.pageRequest.method,
    headers: capture.pageRequest.headers,
    credentials: capture.pageRequest.credentials,
  },
  { preflight: { status: response.status, headers: response.headers } },
  { engine: "chromium" },
);
console.log(
  `\ncheckCors (engine: chromium) says: ${verdict.ok ? "allowed" : `blocked at the ${verdict.stage} (${verdict.reason})`}`,
);
if (!verdict.ok) console.log(`  ${verdict.message}`);
if (verdict.preflight)
  console.log(`  preflight it predicts: ${verdict.preflight.headers.map(([n, v]) => `${n}: ${v}`).join(" | ")}`);
console.log(`\nWhat Chromium did: fetch() → ${capture.chromium.fetch}`);
for (const line of capture.chromium.console) console.log(`  console: ${line}`);

// The same exchange through the command line, as a curl -i capture.
const dir = mkdtempSync(join(tmpdir(), "typed-headers-demo-"));
try {
  const capturePath = join(dir, "preflight.http");
  writeFileSync(
    capturePath,
    [`HTTP/1.1 ${response.status} No Content`, ...response.headers.map(([n, v]) => `${n}: ${v}`), "", ""].join("\r\n"),
  );
  const cli = new URL("../../dist/cli.js", import.meta.url).pathname;
  const page = capture.pageRequest;
  const args = [
    "check",
    "--origin",
    capture.pageOrigin,
    "--method",
    page.method,
    ...Object.entries(page.headers).flatMap(([n, v]) => ["--header", `${n}: ${v}`]),
    "--credentials",
    page.credentials,
    "--engine",
    "chromium",
    "--preflight",
    capturePath,
    capturePath,
  ];
  for (const command of [["parse", capturePath], args]) {
    console.log(
      `\n$ typed-headers ${command
        .map((a) => (a.includes(" ") ? JSON.stringify(a) : a))
        .join(" ")
        .replaceAll(dir, ".")}`,
    );
    const run = spawnSync(process.execPath, [cli, ...command], { encoding: "utf8" });
    process.stdout.write(run.stdout.replaceAll(dir, "."));
    console.log(`(exit status ${run.status})`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
