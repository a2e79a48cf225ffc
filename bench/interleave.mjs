// Shared by the interleaved benchmarks (bench/media-, cookie- and conditional-interleaved.mjs):
// header values captured from real node:http exchanges over loopback, and a timer that lets the
// contenders of a group take turns and keeps each one's fastest round, so that time lost to other
// processes on a shared machine (which inflates vitest's means) drops out of the ratios.
import { once } from "node:events";
import { createServer, request } from "node:http";

/**
 * Sends one request per header set over loopback (a new connection each) and returns the
 * `IncomingMessage` node:http made of each: its header values are strings the HTTP parser built.
 */
export async function receive(headerSets) {
  const received = [];
  const server = createServer((req, res) => {
    received.push(req);
    res.end();
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address();
  for (const headers of headerSets) {
    const req = request({ host: "127.0.0.1", port, method: "POST", headers, agent: false });
    req.end();
    const [res] = await once(req, "response");
    res.resume();
    await once(res, "end");
  }
  server.close();
  return received;
}

/**
 * Sends one request with `requestHeaders` and answers it with `responseHeaders`: what the server
 * read (`IncomingMessage.headers`), the response's headers as fetch received them, and its
 * Set-Cookie lines (`getSetCookie()`).
 */
export async function exchange(requestHeaders, responseHeaders) {
  let received;
  const server = createServer((req, res) => {
    received = req.headers;
    for (const [name, value] of Object.entries(responseHeaders)) res.setHeader(name, value);
    res.end();
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const response = await fetch(`http://127.0.0.1:${server.address().port}/`, { headers: requestHeaders });
  await response.arrayBuffer();
  server.close();
  return { requestHeaders: received, responseHeaders: response.headers, setCookie: response.headers.getSetCookie() };
}

export const options = {
  // Short rounds, many of them: on a shared machine a round of a few milliseconds often runs
  // without being descheduled, one of tens of milliseconds rarely does. `--quick` (CI) runs fewer.
  calls: 10_000,
  rounds: process.argv.includes("--quick") ? 60 : 200,
};

/** Nanoseconds per call of `f(i)` for i = 0 … calls − 1. */
function round(f) {
  const started = process.hrtime.bigint();
  for (let i = 0; i < options.calls; i++) f(i);
  return Number(process.hrtime.bigint() - started) / options.calls;
}

/** The rows of every group compared so far, for {@link printTable}. */
const rows = [];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Times `contenders` (`[name, f, target?]`: typed-headers first, then the baselines, each with
 * the ratio typed-headers / baseline it must stay under, if any) in turns. Two ratios per
 * baseline: of the fastest rounds, and the median over rounds of the ratio within a round (the
 * two ran a few milliseconds apart, under the same load); they disagree when the load did.
 */
export function compare(group, contenders) {
  // Warm-up: every contender runs before anything is timed, so the JIT has seen all the inputs.
  for (let r = 0; r < 5; r++) for (const [, f] of contenders) round(f);
  const times = contenders.map(() => []);
  for (let r = 0; r < options.rounds; r++) {
    // The order alternates, so that no contender always runs on another's garbage.
    const order = r & 1 ? contenders.map((_, k) => contenders.length - 1 - k) : contenders.map((_, k) => k);
    for (const k of order) times[k].push(round(contenders[k][1]));
  }
  const ours = Math.min(...times[0]);
  for (let k = 1; k < contenders.length; k++) {
    const [name, , target] = contenders[k];
    const theirs = Math.min(...times[k]);
    const paired = median(times[0].map((t, r) => t / times[k][r]));
    rows.push({ group, ours, name, theirs, ratio: ours / theirs, paired, target });
  }
}

/**
 * Prints the rows as a Markdown table: ns per call (fastest round), the two ratios, the target.
 * With `--check` on the command line, the exit code is 1 when a target is missed.
 */
export function printTable(title) {
  console.log(`\n### ${title} (${options.rounds} rounds of ${options.calls} calls)\n`);
  console.log("| group | typed-headers (ns) | baseline | baseline (ns) | ratio, fastest | ratio, paired median | target |");
  console.log("|---|---:|---|---:|---:|---:|---|");
  for (const { group, ours, name, theirs, ratio, paired, target } of rows) {
    const verdict =
      target === undefined
        ? ""
        : `≤ ${Number(target.toFixed(2))}× — ${Math.max(ratio, paired) <= target ? "met" : "**not met**"}`;
    console.log(
      `| ${group} | ${ours.toFixed(0)} | ${name} | ${theirs.toFixed(0)} | **${ratio.toFixed(2)}×** | ${paired.toFixed(2)}× | ${verdict} |`,
    );
  }
  if (process.argv.includes("--check") && rows.some((row) => Math.max(row.ratio, row.paired) > row.target)) {
    process.exitCode = 1;
  }
  rows.length = 0;
}
