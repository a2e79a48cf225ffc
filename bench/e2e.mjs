// End-to-end load over loopback (issue 10, target 3): node:http servers answering the same CORS
// requests — nodeCors, hand-written code writing the same headers, expressjs/cors — each in its
// own process (bench/e2e-server.mjs), loaded in turn by autocannon from this one. Each server also
// reports the CPU time it spent, so that requests per CPU-second of the server are given beside
// requests per second. Traffic goes to 127.0.0.1 only; every run is bounded by --rounds × 2 kinds
// × 3 servers (4 with --control) × (--seconds + 1 s of warm-up).
//
// How the noise is kept out of the ratios (measured with --control, bench/RESULTS.md):
// - --control adds a second process of the hand-written server: an A/A comparison of identical
//   servers, printed as the noise floor the other ratios are read against.
// - One process of a server can measure 10–25 % apart from another process of the same server
//   for its whole life, pinned or not. So every round starts new processes, warms each up, and
//   measures them in turn, in a new random order each time (--seed); the median over rounds is
//   reported, and beside it the median of the ratios within a round.
// - On a machine with two or more CPUs and `taskset`, this process (the load generator) runs on
//   CPU 0 and the servers on CPU 1, so the load generator never takes a server's CPU.
//   --unpinned turns this off.
// Usage: npm run bench:e2e [-- --rounds 5 --seconds 3 --connections 16 --control --unpinned --seed 1]
import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { prng } from "../test/explorer/generate.mjs";

const { values: flags } = parseArgs({
  options: {
    rounds: { type: "string", default: "5" },
    seconds: { type: "string", default: "3" },
    connections: { type: "string", default: "16" },
    json: { type: "string" },
    control: { type: "boolean", default: false },
    unpinned: { type: "boolean", default: false },
    seed: { type: "string", default: "1" },
  },
});
const ROUNDS = Number(flags.rounds);
const SECONDS = Number(flags.seconds);
const CONNECTIONS = Number(flags.connections);
/** Load before the measured runs of each new server process, per kind of request. */
const WARM_UP_SECONDS = 1;
const CONTROL = "hand-written-control";
const VARIANTS = ["typed-headers", "hand-written", "expressjs-cors", ...(flags.control ? [CONTROL] : [])];

/** Whether to pin: this process (all its threads) to CPU 0, servers to CPU 1. */
const PINNED =
  !flags.unpinned &&
  availableParallelism() >= 2 &&
  spawnSync("taskset", ["-a", "-p", "-c", "0", String(process.pid)], { stdio: "ignore" }).status === 0;

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
  const served = variant === CONTROL ? "hand-written" : variant;
  const command = [process.execPath, new URL("./e2e-server.mjs", import.meta.url).pathname, served];
  if (PINNED) command.unshift("taskset", "-c", "1");
  const child = spawn(command[0], command.slice(1), {
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
async function load(server, kind, seconds) {
  const before = await server.cpu();
  const result = await autocannonRun(server.url, kind, seconds);
  const cpuSeconds = ((await server.cpu()) - before) / 1e6;
  return { rps: result.requests.average, perCpuSecond: result.requests.total / cpuSeconds };
}

function autocannonRun(url, kind, duration) {
  const { method, headers, status } = KINDS[kind];
  return new Promise((resolve, reject) => {
    autocannon({ url, method, headers, connections: CONNECTIONS, duration }, (error, result) => {
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

/** Starts one process of every server; `stop` ends them and resolves when they have exited. */
async function startServers() {
  const servers = await Promise.all(VARIANTS.map(startServer));
  const stop = () =>
    Promise.all(
      servers.map(({ child }) => {
        // A server that already exited (it crashed during a load) would never say so again.
        if (child.exitCode !== null || child.signalCode !== null) return undefined;
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.stdin.end();
        return exited;
      }),
    );
  return { servers, stop };
}

{
  const { servers, stop } = await startServers();
  try {
    for (const kind of Object.keys(KINDS)) {
      for (const { variant, url } of servers)
        console.log(`${kind} ${variant}: ${JSON.stringify(await corsHeadersOf(url, kind))}`);
    }
  } finally {
    await stop();
  }
}
/** A copy of `items` in random order (Fisher–Yates). */
function shuffled(items, random) {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

const random = prng(Number(flags.seed));
const empty = () =>
  Object.fromEntries(Object.keys(KINDS).map((kind) => [kind, Object.fromEntries(VARIANTS.map((v) => [v, []]))]));
const rps = empty();
const perCpu = empty();
for (let round = 0; round < ROUNDS; round++) {
  // New processes every round: one process of a server can measure 10–25 % apart from another
  // process of the same server for its whole life (--control shows it), so each round draws anew.
  const { servers, stop } = await startServers();
  try {
    for (const server of shuffled(servers, random))
      for (const kind of Object.keys(KINDS)) await load(server, kind, WARM_UP_SECONDS);
    for (const kind of Object.keys(KINDS)) {
      // A new order every time: in a fixed cycle each server always ran after the same other one,
      // and the control measured 6 % above its twin over 11 rounds.
      for (const server of shuffled(servers, random)) {
        const measured = await load(server, kind, SECONDS);
        rps[kind][server.variant].push(measured.rps);
        perCpu[kind][server.variant].push(measured.perCpuSecond);
      }
    }
  } finally {
    await stop();
  }
  const rounded = (_, v) => (typeof v === "number" ? Math.round(v) : v);
  console.log(
    `round ${round + 1}/${ROUNDS}: req/s ${JSON.stringify(rps, rounded)}; req per server CPU-second ${JSON.stringify(perCpu, rounded)}`,
  );
}
console.log(
  `\n${ROUNDS} rounds of ${SECONDS} s per server and kind (new processes and a random order each round, seed ${flags.seed}), ${CONNECTIONS} connections, ${PINNED ? "load generator on CPU 0, servers on CPU 1" : "unpinned"}, Node ${process.version}\n`,
);
/** The two figures reported for each server: requests per second, and per CPU-second of the server. */
const MEASURES = [
  ["req/s", rps],
  ["req per server CPU-s", perCpu],
];
// Two ratios per baseline: of the medians over rounds, and the median over rounds of the ratio
// within a round (the servers ran seconds apart, under the same load); they disagree when the
// machine's load changed between rounds.
console.log(
  "| request | measure | typed-headers | hand-written | expressjs/cors | vs hand-written | paired | vs expressjs/cors | paired |",
);
console.log("|---|---|---:|---:|---:|---:|---:|---:|---:|");
for (const kind of Object.keys(KINDS)) {
  for (const [measure, table] of MEASURES) {
    const [ours, hand, express] = VARIANTS.map((v) => median(table[kind][v]));
    const percent = (x) => `**${((100 * ours) / x).toFixed(1)} %**`;
    const paired = (v) =>
      `${(100 * median(table[kind]["typed-headers"].map((x, round) => x / table[kind][v][round]))).toFixed(1)} %`;
    console.log(
      `| ${kind} | ${measure} | ${Math.round(ours)} | ${Math.round(hand)} | ${Math.round(express)} | ${percent(hand)} | ${paired("hand-written")} | ${percent(express)} | ${paired("expressjs-cors")} |`,
    );
  }
}
if (flags.control) {
  // The spread of the paired ratios, and the same figures for the two identical servers.
  const quartiles = (xs) => {
    const sorted = [...xs].sort((a, b) => a - b);
    const at = (q) => sorted[Math.round(q * (sorted.length - 1))];
    return `${(100 * at(0.25)).toFixed(1)}–${(100 * at(0.75)).toFixed(1)} %`;
  };
  const ratios = (table, kind, v) => table[kind][v].map((x, round) => x / table[kind]["hand-written"][round]);
  console.log(
    "\n| request | measure | typed-headers / hand-written, paired quartiles | control / hand-written | paired | paired quartiles |",
  );
  console.log("|---|---|---:|---:|---:|---:|");
  for (const kind of Object.keys(KINDS)) {
    for (const [measure, table] of MEASURES) {
      const control = ratios(table, kind, CONTROL);
      const ofMedians = median(table[kind][CONTROL]) / median(table[kind]["hand-written"]);
      console.log(
        `| ${kind} | ${measure} | ${quartiles(ratios(table, kind, "typed-headers"))} | ${(100 * ofMedians).toFixed(1)} % | ${(100 * median(control)).toFixed(1)} % | ${quartiles(control)} |`,
      );
    }
  }
}
if (flags.json !== undefined)
  (await import("node:fs")).writeFileSync(
    flags.json,
    JSON.stringify({ rounds: ROUNDS, seconds: SECONDS, connections: CONNECTIONS, rps, perCpu }, null, 2),
  );
