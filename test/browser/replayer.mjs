// Replays BrowserCases in a headless browser, many at a time: a blank page on one loopback origin
// calls fetch() on a raw server on another port, which answers each case's preflight and request
// with the case's lines and records what it received. A plain ES module (types in replayer.d.mts).
import { openBlankPage } from "./blank-page.mjs";
import { isPreflight } from "./exchange.mjs";
import { startRawServer } from "./raw-http-server.mjs";

/** Runs in the page: every job's fetch() at once; what each resolved to, or the error it threw. */
async function fetchAll(jobs) {
  return Promise.all(
    jobs.map(async ({ url, init, timeout }) => {
      try {
        const response = await fetch(url, { ...init, mode: "cors", signal: AbortSignal.timeout(timeout) });
        return { ok: true, names: [...response.headers.keys()] };
      } catch (error) {
        return { ok: false, names: [], error: String(error) };
      }
    }),
  );
}

/** Rejects after `ms`, so that one stuck page cannot hold a run. */
function within(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took more than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Opens `engine`'s page and the raw server. `replay(cases)` fetches every case once (all at once),
 * then the repeated ones a second time, and resolves to one Observation per case.
 */
export async function startReplayer(engine, { fetchTimeout = 10_000 } = {}) {
  const blank = await openBlankPage(engine);
  const received = new Map();
  const answers = new Map();
  const api = await startRawServer((request) => {
    const id = request.path.split("/")[2] ?? "";
    received.get(id)?.push(request);
    const c = answers.get(id);
    if (c === undefined) return { status: 404, lines: [] };
    const answer = isPreflight(request) ? c.preflight : c.response;
    return {
      status: answer.status,
      lines: answer.lines.map((line) => line.replaceAll("{ORIGIN}", blank.origin).replaceAll("{PORT}", String(blank.port))),
    };
  });
  let next = 0;
  const jobOf = (c, id) => ({
    url: `http://127.0.0.1:${api.port}/case/${id}`,
    init: { method: c.method, headers: c.headers, credentials: c.credentials, ...(c.cache ? { cache: c.cache } : {}) },
    timeout: fetchTimeout,
  });
  const run = (jobs) => within(blank.page.evaluate(fetchAll, jobs), fetchTimeout + 20_000, `${jobs.length} fetches in ${engine}`);

  async function replay(cases) {
    const ids = cases.map(() => `${engine}-${next++}`);
    cases.forEach((c, i) => {
      received.set(ids[i], []);
      answers.set(ids[i], c);
    });
    try {
      const firsts = await run(cases.map((c, i) => jobOf(c, ids[i])));
      const seen = ids.map((id) => received.get(id).length);
      const repeated = cases.flatMap((c, i) => (c.repeat && firsts[i].ok ? [i] : []));
      if (repeated.length > 0) await run(repeated.map((i) => jobOf(cases[i], ids[i])));
      // Only the CORS request headers are kept: the rest (User-Agent, Sec-Fetch-*, …) say nothing about CORS.
      const strip = (r) =>
        r === undefined
          ? null
          : { method: r.method, headers: r.headers.filter(([n]) => n.toLowerCase().startsWith("access-control-request-")) };
      return ids.map((id, i) => {
        const requests = received.get(id);
        const first = requests.slice(0, seen[i]);
        const observation = {
          engine,
          ...firsts[i],
          preflight: strip(first.find(isPreflight)),
          sent: strip(first.find((r) => !isPreflight(r))),
        };
        if (repeated.includes(i)) observation.repeatPreflighted = requests.slice(seen[i]).some(isPreflight);
        return observation;
      });
    } finally {
      for (const id of ids) {
        received.delete(id);
        answers.delete(id);
      }
    }
  }

  return {
    engine,
    version: blank.browser.version,
    origin: blank.origin,
    replay,
    close: async () => {
      await blank.close();
      await api.close();
    },
  };
}
