// End-to-end load over loopback (issue 10, target 3): node:http servers answering the same CORS
// requests — nodeCors, hand-written code writing the same headers, expressjs/cors — each in its
// own process (bench/e2e-server.mjs), loaded in turn by autocannon from this one. Servers
// alternate within each round and the median of the rounds is reported, so that a slow moment
// of a shared machine does not land on one server only. Each server also reports the CPU time it
// spent, so that requests per CPU-second of the server are given beside requests per second: on a
// machine shared with other work the wall clock mostly measures the others, CPU time much less.
// Traffic goes to 127.0.0.1 only; every run is bounded by --rounds × 2 kinds × 3 servers ×
// --seconds.
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
  actual: {
    method: "GET",
    headers: headersOf(preflightLines.filter(([name]) => !name.startsWith("Access-Control-Request-"))),
    status: 200,
  },
};

function startServer(variant) {
  const child = spawn(process.execPath, [new URL("./e2e-server.mjs", import.meta.url).pathname, variant], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`${variant} server exited with ${code}`)));
    child.stdout.setEncoding("utf8");
    const lines = [];
    const waiting = [];
    child.stdout.on("data", (text) => {
      for (const line of text.split("\n").filter(Boolean)) (waiting.shift() ?? ((l) => lines.push(l)))(line);
    });
    const nextLine = () => (lines.length > 0 ? Promise.resolve(lines.shift()) : new Promise((r) => waiting.push(r)));
    /** The server's CPU time so far, in µs. */
    const cpu = () => {
      child.stdin.write("\n");
      return nextLine().then(Number);
    };
    nextLine().then((port) => resolve({ variant, child, cpu, url: `http://127.0.0.1:${port}/items` }));
  });
}

/** The CORS headers a server answers `kind` with (checked to be the same before any load). */
async function corsHeadersOf(url, kind) {
  const response = await fetch(url, { method: KINDS[kind].method, headers: KINDS[kind].headers });
  await response.arrayBuffer();
  if (response.status !== KINDS[kind].status) throw new Error(`${url}: ${kind} answered ${response.status}`);
  return [...response.headers].filter(([name]) => name.startsWith("access-control-") || name === "vary");
}

/** Loads `server` with `kind` requests: requests per second, and per CPU-second of the server. */
async function load(server, kind) {
  const before = await server.cpu();
  const result = await autocannonRun(server.url, kind);
  const cpuSeconds = ((await server.cpu()) - before) / 1e6;
  return { rps: result.requests.average, perCpuSecond: result.requests.total / cpuSeconds };
}

function autocannonRun(url, kind) {
  const { method, headers, status } = KINDS[kind];
  return new Promise((resolve, reject) => {
    autocannon({ url, method, headers, connections: CONNECTIONS, duration: SECONDS }, (error, result) => {
      if (error) return reject(error);
      const wrong = result.non2xx + result.errors + result.timeouts;
      if (wrong > 0 || result[`${Math.floor(status / 100)}xx`] === 0)
        return reject(new Error(`${url}: ${wrong} failed ${kind} requests`));
      resolve(result);
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
  const empty = () =>
    Object.fromEntries(Object.keys(KINDS).map((kind) => [kind, Object.fromEntries(VARIANTS.map((v) => [v, []]))]));
  const rps = empty();
  const perCpu = empty();
  for (const server of servers) for (const kind of Object.keys(KINDS)) await load(server, kind); // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    for (const kind of Object.keys(KINDS)) {
      // A different server goes first in each round.
      for (let i = 0; i < servers.length; i++) {
        const server = servers[(i + round) % servers.length];
        const measured = await load(server, kind);
        rps[kind][server.variant].push(measured.rps);
        perCpu[kind][server.variant].push(measured.perCpuSecond);
      }
    }
    const rounded = (_, v) => (typeof v === "number" ? Math.round(v) : v);
    console.log(
      `round ${round + 1}/${ROUNDS}: req/s ${JSON.stringify(rps, rounded)}; req per server CPU-second ${JSON.stringify(perCpu, rounded)}`,
    );
  }
  console.log(`\n${ROUNDS} rounds of ${SECONDS} s per server and kind, ${CONNECTIONS} connections, Node ${process.version}\n`);
  // Two ratios per baseline: of the medians over rounds, and the median over rounds of the ratio
  // within a round (the servers ran seconds apart, under the same load); they disagree when the
  // machine's load changed between rounds.
  console.log(
    "| request | measure | typed-headers | hand-written | expressjs/cors | vs hand-written | paired | vs expressjs/cors | paired |",
  );
  console.log("|---|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const kind of Object.keys(KINDS)) {
    for (const [measure, table] of [
      ["req/s", rps],
      ["req per server CPU-s", perCpu],
    ]) {
      const [ours, hand, express] = VARIANTS.map((v) => median(table[kind][v]));
      const percent = (x) => `**${((100 * ours) / x).toFixed(1)} %**`;
      const paired = (v) =>
        `${(100 * median(table[kind]["typed-headers"].map((x, round) => x / table[kind][v][round]))).toFixed(1)} %`;
      console.log(
        `| ${kind} | ${measure} | ${Math.round(ours)} | ${Math.round(hand)} | ${Math.round(express)} | ${percent(hand)} | ${paired("hand-written")} | ${percent(express)} | ${paired("expressjs-cors")} |`,
      );
    }
  }
  if (flags.json !== undefined)
    (await import("node:fs")).writeFileSync(
      flags.json,
      JSON.stringify({ rounds: ROUNDS, seconds: SECONDS, connections: CONNECTIONS, rps, perCpu }, null, 2),
    );
} finally {
  for (const { child } of servers) child.stdin.end();
}
