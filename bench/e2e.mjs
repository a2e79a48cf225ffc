// End-to-end load over loopback (issue 10, target 3): node:http servers answering the same CORS
// requests — nodeCors, hand-written code writing the same headers, expressjs/cors — each in its
// own process (bench/e2e-server.mjs), loaded in turn by autocannon from this one. Servers
// alternate within each round and the median of the rounds is reported, so that a slow moment
// of a shared machine does not land on one server only. Traffic goes to 127.0.0.1 only; every
// run is bounded by --rounds × 2 kinds × 3 servers × --seconds.
// Usage: npm run bench:e2e [-- --rounds 5 --seconds 3 --connections 16]
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import autocannon from "autocannon";

const { values: flags } = parseArgs({
  options: {
    rounds: { type: "string", default: "5" },
    seconds: { type: "string", default: "3" },
    connections: { type: "string", default: "16" },
    json: { type: "string" },
  },
});
const ROUNDS = Number(flags.rounds);
const SECONDS = Number(flags.seconds);
const CONNECTIONS = Number(flags.connections);
const VARIANTS = ["typed-headers", "hand-written", "expressjs-cors"];

/** The Chromium preflight's field lines (bench/chromium-preflight.json) and its actual GET. */
const preflightLines = JSON.parse(readFileSync(new URL("./chromium-preflight.json", import.meta.url), "utf8"));
const headersOf = (lines) => Object.fromEntries(lines.filter(([name]) => name !== "Host" && name !== "Connection"));
const KINDS = {
  preflight: { method: "OPTIONS", headers: headersOf(preflightLines), status: 204 },
  actual: { method: "GET", headers: headersOf(preflightLines.filter(([name]) => !name.startsWith("Access-Control-Request-"))), status: 200 },
};

function startServer(variant) {
  const child = spawn(process.execPath, [new URL("./e2e-server.mjs", import.meta.url).pathname, variant], { stdio: ["pipe", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`${variant} server exited with ${code}`)));
    child.stdout.once("data", (data) => resolve({ variant, child, url: `http://127.0.0.1:${String(data).trim()}/items` }));
  });
}

/** The CORS headers a server answers `kind` with (checked to be the same before any load). */
async function corsHeadersOf(url, kind) {
  const response = await fetch(url, { method: KINDS[kind].method, headers: KINDS[kind].headers });
  await response.arrayBuffer();
  if (response.status !== KINDS[kind].status) throw new Error(`${url}: ${kind} answered ${response.status}`);
  return [...response.headers].filter(([name]) => name.startsWith("access-control-") || name === "vary");
}

function load(url, kind) {
  const { method, headers, status } = KINDS[kind];
  return new Promise((resolve, reject) => {
    autocannon({ url, method, headers, connections: CONNECTIONS, duration: SECONDS }, (error, result) => {
      if (error) return reject(error);
      const wrong = result.non2xx + result.errors + result.timeouts;
      if (wrong > 0 || result[`${Math.floor(status / 100)}xx`] === 0) return reject(new Error(`${url}: ${wrong} failed ${kind} requests`));
      resolve(result.requests.average);
    });
  });
}

const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const servers = await Promise.all(VARIANTS.map(startServer));
try {
  for (const kind of Object.keys(KINDS)) {
    for (const { variant, url } of servers) console.log(`${kind} ${variant}: ${JSON.stringify(await corsHeadersOf(url, kind))}`);
  }
  const rps = Object.fromEntries(Object.keys(KINDS).map((kind) => [kind, Object.fromEntries(VARIANTS.map((v) => [v, []]))]));
  for (const { url } of servers) for (const kind of Object.keys(KINDS)) await load(url, kind); // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    for (const kind of Object.keys(KINDS)) {
      // A different server goes first in each round.
      for (let i = 0; i < servers.length; i++) {
        const { variant, url } = servers[(i + round) % servers.length];
        rps[kind][variant].push(await load(url, kind));
      }
    }
    console.log(`round ${round + 1}/${ROUNDS}: ${JSON.stringify(rps, (_, v) => (typeof v === "number" ? Math.round(v) : v))}`);
  }
  console.log(`\n${ROUNDS} rounds of ${SECONDS} s per server and kind, ${CONNECTIONS} connections, Node ${process.version}\n`);
  console.log("| request | typed-headers (req/s) | hand-written (req/s) | expressjs/cors (req/s) | vs hand-written | vs expressjs/cors |");
  console.log("|---|---:|---:|---:|---:|---:|");
  for (const kind of Object.keys(KINDS)) {
    const [ours, hand, express] = VARIANTS.map((v) => median(rps[kind][v]));
    console.log(`| ${kind} | ${Math.round(ours)} | ${Math.round(hand)} | ${Math.round(express)} | **${((100 * ours) / hand).toFixed(1)} %** | **${((100 * ours) / express).toFixed(1)} %** |`);
  }
  if (flags.json !== undefined) (await import("node:fs")).writeFileSync(flags.json, JSON.stringify({ rounds: ROUNDS, seconds: SECONDS, connections: CONNECTIONS, rps }, null, 2));
} finally {
  for (const { child } of servers) child.stdin.end();
}
