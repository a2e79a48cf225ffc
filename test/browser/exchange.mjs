// One browser exchange as data, and the comparison of what a browser did with what checkCors
// predicts. Shared by the browser conformance suite, the differential explorer and the unit test
// that replays recorded browser observations (test/fixtures/engine-deviations.json). A plain ES
// module (types in exchange.d.mts); checkCors is passed in, so that the suites can use the sources
// and the explorer the built package.

/** "{ORIGIN}" and "{PORT}" in a header line stand for the page's origin and port. */
export function fillLine(line, origin) {
  return line.replaceAll("{ORIGIN}", origin).replaceAll("{PORT}", origin.slice(origin.lastIndexOf(":") + 1));
}

/** "Name: value" lines as [name, value] field lines, plus the two lines the raw server adds. */
export function fieldLines(lines, origin) {
  const pairs = lines.map((line) => {
    const filled = fillLine(line, origin);
    const colon = filled.indexOf(":");
    return [filled.slice(0, colon), filled.slice(colon + 1)];
  });
  return [...pairs, ["Content-Length", "0"], ["Connection", "close"]];
}

/** What checkCors says about the exchange `c`, made from a page on `origin`, for `engine`. */
export function verdictOf(checkCors, c, origin, engine) {
  return checkCors(
    { origin, method: c.method, headers: c.headers, credentials: c.credentials, ...(c.cache ? { cache: c.cache } : {}) },
    {
      preflight: { status: c.preflight.status, headers: fieldLines(c.preflight.lines, origin) },
      response: { status: c.response.status, headers: fieldLines(c.response.lines, origin) },
    },
    { engine },
  );
}

const headerOf = (request, name) => request?.headers.find(([n]) => n.toLowerCase() === name)?.[1] ?? null;

/** Whether a request the server received is a CORS preflight. */
export function isPreflight(request) {
  return request.method === "OPTIONS" && headerOf(request, "access-control-request-method") !== null;
}

/**
 * Compares what the browser did (`observed`) with `verdict`: allowed or blocked, whether a preflight
 * was sent and its Access-Control-Request-Method/-Headers, whether the request itself was sent and
 * with which method, the response headers the page could read, and whether a repeat was preflighted
 * again. Returns the disagreements, empty when checkCors predicted the browser.
 */
export function judge(c, observed, verdict) {
  const problems = [];
  const browser = observed.engine;
  if (verdict.ok !== observed.ok) {
    problems.push(
      `allowed: predicted ${verdict.ok}${verdict.ok ? "" : ` (${verdict.reason})`}, ${browser} ${observed.ok} ${observed.error ?? ""}`.trim(),
    );
  }
  if ((verdict.preflight !== null) !== (observed.preflight !== null)) {
    problems.push(`preflight sent: predicted ${verdict.preflight !== null}, ${browser} ${observed.preflight !== null}`);
  }
  const predictedMethod = verdict.preflight?.headers.find(([n]) => n === "access-control-request-method")?.[1] ?? null;
  if (verdict.preflight !== null && observed.preflight !== null) {
    for (const name of ["access-control-request-method", "access-control-request-headers"]) {
      const predicted = verdict.preflight.headers.find(([n]) => n === name)?.[1] ?? null;
      const sent = headerOf(observed.preflight, name);
      if (predicted !== sent)
        problems.push(`${name}: predicted ${JSON.stringify(predicted)}, ${browser} sent ${JSON.stringify(sent)}`);
    }
  }
  const predictedSent = verdict.ok || verdict.stage === "response";
  if (predictedSent !== (observed.sent !== null))
    problems.push(`request sent: predicted ${predictedSent}, ${browser} ${observed.sent !== null}`);
  if (predictedMethod !== null && observed.sent !== null && observed.sent.method !== predictedMethod) {
    problems.push(`request method: predicted ${predictedMethod}, ${browser} sent ${observed.sent.method}`);
  }
  if (verdict.ok && observed.ok) {
    const predicted = [...verdict.exposedHeaders].sort().join(",");
    const readable = [...observed.names].sort().join(",");
    if (predicted !== readable) problems.push(`readable headers: predicted [${predicted}], ${browser} [${readable}]`);
  }
  // Firefox driven over WebDriver BiDi preflights every repeat, whatever the max-age: its preflight
  // cache cannot be observed here, so repeats are not compared for it.
  if (
    browser !== "firefox" &&
    c.repeat &&
    observed.repeatPreflighted !== undefined &&
    observed.ok &&
    verdict.ok &&
    verdict.preflight !== null
  ) {
    const predicted = verdict.preflight.maxAge === 0;
    if (observed.repeatPreflighted !== predicted) {
      problems.push(
        `repeat preflighted: predicted ${predicted} (max-age ${verdict.preflight.maxAge}), ${browser} ${observed.repeatPreflighted}`,
      );
    }
  }
  return problems;
}

/** The exchange on one line: the request, then the preflight and response lines. */
export function describeCase(c) {
  const request = `${JSON.stringify(c.method)} ${JSON.stringify(c.headers)} ${c.credentials}${c.cache ? ` cache=${c.cache}` : ""}${c.repeat ? " (twice)" : ""}`;
  return `${request}; preflight ${c.preflight.status} ${JSON.stringify(c.preflight.lines)}; response ${c.response.status} ${JSON.stringify(c.response.lines)}`;
}
