// Generates CORS exchanges (BrowserCases) from a seed, for the differential explorer: requests
// with odd methods, header names and values at the edges of the CORS safelist, credentials and
// cache modes; preflight and response lines with repeated lines, odd whitespace and odd values;
// repeated requests for the preflight cache. The same seed and size give the same exchanges.

/** mulberry32: a small, fast, seeded 32-bit PRNG; returns floats in [0, 1). Also used by bench/e2e.mjs. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (prefix, length, fill = "a") => prefix + fill.repeat(Math.max(0, length - prefix.length));

const METHODS = [
  "GET",
  "POST",
  "HEAD",
  "get",
  "post",
  "head",
  "Get",
  "pOsT",
  "PUT",
  "put",
  "DELETE",
  "delete",
  "OPTIONS",
  "options",
  "PATCH",
  "patch",
  "Patch",
  "PURGE",
  "purge",
  "M-SEARCH",
  "X!#$%&'*+-.^_`|~",
  "GET2",
  "BAD METHOD",
  "a(b)",
  "",
  "CONNECT",
  "connect",
  "TRACE",
  "track",
];

// Request header values, per name, around each rule of the CORS safelist.
const CONTENT_TYPES = [
  "text/plain",
  "text/plain;charset=utf-8",
  "TEXT/PLAIN",
  " text/plain ",
  'text/plain; charset="utf-8"',
  "text/plain, application/json",
  "text/plain;",
  "text/plain;charset",
  "multipart/form-data",
  'multipart/form-data; boundary="a b"',
  "application/x-www-form-urlencoded;charset=UTF-8",
  "text/plain\t",
  "text/plain\v",
  "text/plain@",
  "text/plain; a=(b)",
  "text/html",
  "",
  "text/",
  "/plain",
  "text/plain/x",
  "*/*",
  "text/plain;;",
  "text/plain; x=\u00e9",
  "text /plain",
  "text/ plain",
  "text/plain ;a=b",
  "text/plain\u0001",
  "text/plain\u007f",
  pad("text/plain;x=", 128),
  pad("text/plain;x=", 129),
  "application/json",
  "text/plain;charset=utf-8;charset=latin1",
  "text/plain,",
  "application/x-www-form-urlencoded, text/html",
  'text/plain;"',
  "multipart/form-data;boundary=x;",
];
const ACCEPTS = [
  "*/*",
  "application/json",
  "text/html(1)",
  'text/"x"',
  "a{b}",
  pad("text/", 128),
  pad("text/", 129),
  "",
  "text/plain, */*;q=0.8",
  "\u0001",
  "\u00e9",
  "a:b",
  "a@b",
  "a?b",
  "a[b]",
  "a\\b",
  "a<b>",
  "a\tb",
  "\u007f",
];
const LANGUAGES = [
  "en",
  "en-US,en;q=0.9",
  "en_US",
  "en@us",
  "de-CH;q=0.5, *",
  "",
  pad("en-", 128),
  pad("en-", 129),
  "fr.",
  "x=y",
  "1",
  "en\tus",
  "\u00e9",
  "en/us",
  "en'us",
  "en+us",
  "en(us)",
  "en:us",
  "en us",
];
const RANGES = [
  "bytes=0-",
  "bytes=0-10",
  "bytes=10-0",
  "bytes=-10",
  "bytes= 0-1",
  "bytes=0-1,2-3",
  "Bytes=0-1",
  "bytes=0-1 ",
  "bytes=00-01",
  "bytes=99999999999999999999-",
  "bytes=1-1",
  "bytes=0-18446744073709551616",
  "bytes=0 -1",
  "bytes=",
  "bytes=-",
  "bytes=a-b",
  "items=0-1",
  "bytes=0-9007199254740993",
  "bytes=+1-2",
];
const OTHER_HEADERS = [
  ["X-A", "1"],
  ["x-b", "two"],
  ["Authorization", "Bearer x"],
  ["X-Empty", ""],
  ["Cache-Control", "no-cache"],
  ["Pragma", "no-cache"],
  ["DPR", "2"],
  ["Width", "100"],
  ["Viewport-Width", "100"],
  ["Save-Data", "on"],
  ["Device-Memory", "0.5"],
  ["RTT", "50"],
  ["Downlink", "1.5"],
  ["ECT", "4g"],
  ["Cookie", "a=1"],
  ["Origin", "http://evil.example"],
  ["Sec-X", "1"],
  ["Proxy-X", "1"],
  ["X-HTTP-Method-Override", "TRACE"],
  ["X-HTTP-Method-Override", "PUT"],
  ["X-Method-Override", "get, track"],
  ["Keep-Alive", "1"],
  ["Accept-Charset", "utf-8"],
  ["DNT", "1"],
  ["Last-Event-ID", "1"],
  ["X-\u00e9", "1"],
  ["X A", "1"],
  ["X-A", "a\u0000b"],
  ["X-Ctl", "a\u0001b"],
  ["X-Latin", "\u00e9"],
  ["X-Tab", "\ta\t"],
  ["Content-Length", "0"],
  ["Priority", "u=1"],
];

const ACAO = ["Access-Control-Allow-Origin: {ORIGIN}"];
const ACAO_LINES = [
  ACAO,
  ACAO,
  ACAO,
  ACAO,
  ["Access-Control-Allow-Origin: *"],
  ["Access-Control-Allow-Origin: *"],
  [],
  ["Access-Control-Allow-Origin: null"],
  ["Access-Control-Allow-Origin: {ORIGIN}/"],
  [...ACAO, ...ACAO],
  ["Access-Control-Allow-Origin: {ORIGIN}, *"],
  ["Access-Control-Allow-Origin:\t{ORIGIN}  "],
  ["access-control-allow-origin:{ORIGIN}"],
  ["Access-Control-Allow-Origin: HTTP://127.0.0.1:{PORT}"],
  ["Access-Control-Allow-Origin: *", "Access-Control-Allow-Origin: *"],
  ["Access-Control-Allow-Origin:", ...ACAO],
  ["Access-Control-Allow-Origin: \v{ORIGIN}"],
  ["Access-Control-Allow-Origin: {ORIGIN}\f"],
];
const ACAC_LINES = [
  ["Access-Control-Allow-Credentials: true"],
  ["Access-Control-Allow-Credentials: true"],
  [],
  ["Access-Control-Allow-Credentials: True"],
  ["Access-Control-Allow-Credentials:  true\t"],
  ["Access-Control-Allow-Credentials: true", "Access-Control-Allow-Credentials: true"],
  ["Access-Control-Allow-Credentials: true, true"],
  ['Access-Control-Allow-Credentials: "true"'],
  ["Access-Control-Allow-Credentials: false"],
];
const METHOD_MEMBERS = [
  "PUT",
  "put",
  "DELETE",
  "PATCH",
  "patch",
  "PURGE",
  "OPTIONS",
  "GET",
  "POST",
  "*",
  "M-SEARCH",
  "X!#$%&'*+-.^_`|~",
  "Get",
  "pOsT",
];
const BAD_MEMBERS = ['"PUT"', "a b", "a(b)", "a/b", "{x}", "a\u00e9"];
const HEADER_MEMBERS = [
  "x-a",
  "X-A",
  "x-b",
  "authorization",
  "Authorization",
  "content-type",
  "accept",
  "accept-language",
  "content-language",
  "range",
  "*",
  "x-empty",
  "dpr",
  "cache-control",
  "x-ctl",
  "x-latin",
  "x-tab",
  "priority",
  "last-event-id",
  "x-http-method-override",
];
const MAX_AGES = [
  "0",
  "1",
  "5",
  "600",
  "7200",
  "7201",
  "86400",
  "86401",
  "-1",
  "-0",
  "+5",
  "5 ",
  " 5",
  "5s",
  "1e3",
  "05",
  "",
  "0x10",
  "99999999999999999999",
  "4294967296",
  "2147483648",
  "1.5",
  "\t5",
  "5, 6",
  "-5",
  "00",
  "abc",
];
const EXPOSE_MEMBERS = ["x-a", "X-A", "x-b", "*", "set-cookie", "content-language", "x-c", '"x-a"', "bad value", ""];
const RESPONSE_EXTRAS = [
  "X-A: 1",
  "X-B: 2",
  "X-C: 3",
  "Content-Language: en",
  "Set-Cookie: a=1",
  "Cache-Control: no-cache",
  "Content-Type: text/plain",
  "Expires: 0",
  "Last-Modified: Mon, 01 Jan 2024 00:00:00 GMT",
  "Pragma: no-cache",
  "X-A: again",
  "Set-Cookie2: b=2",
  "Vary: Origin",
];

/** `size` exchanges from `seed`. */
export function generateCases(seed, size) {
  const random = prng(seed);
  const chance = (p) => random() < p;
  const int = (n) => Math.floor(random() * n);
  const pick = (list) => list[int(list.length)];
  const some = (list, max) => Array.from({ length: int(max + 1) }, () => pick(list));
  const oddCase = (name) =>
    chance(0.3) ? [...name].map((ch) => (chance(0.5) ? ch.toUpperCase() : ch.toLowerCase())).join("") : name;
  const space = () => pick(["", " ", " ", "  ", "\t", " \t"]);
  const list = (members) => members.map((m) => `${space()}${m}${space()}`).join(pick([",", ", ", " ,", ",,"]));
  const lines = (name, members, maxLines = 2) =>
    Array.from({ length: 1 + (chance(0.2) ? int(maxLines) : 0) }, () => `${oddCase(name)}:${space()}${list(some(members, 3))}`);

  function requestHeaders() {
    const headers = [];
    const count = int(4);
    for (let i = 0; i < count; i++) {
      switch (int(6)) {
        case 0:
          headers.push(["Content-Type", pick(CONTENT_TYPES)]);
          break;
        case 1:
          headers.push(["Accept", pick(ACCEPTS)]);
          break;
        case 2:
          headers.push([pick(["Accept-Language", "Content-Language"]), pick(LANGUAGES)]);
          break;
        case 3:
          headers.push(["Range", pick(RANGES)]);
          break;
        default:
          headers.push(pick(OTHER_HEADERS));
      }
    }
    // Several long safelisted values: the 1024-byte rule, and repeated names that combine.
    if (chance(0.05))
      for (const name of ["Accept", "Accept-Language", "Content-Language", "Content-Type", "Accept"])
        headers.push([name, name === "Content-Type" ? pad("text/plain;x=", 100) : pad("a", 100)]);
    return headers.map(([name, value]) => [oddCase(name), value]);
  }

  function preflightLines(credentials) {
    const result = [...pick(ACAO_LINES)];
    if (credentials === "include" || chance(0.2)) result.push(...pick(ACAC_LINES));
    if (chance(0.85))
      result.push(...lines("Access-Control-Allow-Methods", chance(0.1) ? [...METHOD_MEMBERS, ...BAD_MEMBERS] : METHOD_MEMBERS));
    if (chance(0.85))
      result.push(...lines("Access-Control-Allow-Headers", chance(0.1) ? [...HEADER_MEMBERS, ...BAD_MEMBERS] : HEADER_MEMBERS));
    if (chance(0.6)) {
      result.push(`Access-Control-Max-Age:${space()}${pick(MAX_AGES)}`);
      if (chance(0.1)) result.push(`Access-Control-Max-Age: ${pick(MAX_AGES)}`);
    }
    return result;
  }

  function responseLines(credentials) {
    const result = [...pick(ACAO_LINES)];
    if (credentials === "include" || chance(0.2)) result.push(...pick(ACAC_LINES));
    if (chance(0.5)) result.push(...lines("Access-Control-Expose-Headers", EXPOSE_MEMBERS));
    result.push(...some(RESPONSE_EXTRAS, 4));
    return result;
  }

  return Array.from({ length: size }, (_, i) => {
    const credentials = pick(["omit", "same-origin", "include"]);
    const cache = chance(0.2) ? pick(["no-store", "reload", "no-cache", "force-cache", "only-if-cached"]) : undefined;
    const allowed = chance(0.5);
    return {
      title: `explored #${i} (seed ${seed})`,
      method: chance(0.5) ? pick(["GET", "POST", "PUT", "PATCH"]) : pick(METHODS),
      headers: requestHeaders(),
      credentials,
      ...(cache ? { cache } : {}),
      preflight: { status: allowed ? 204 : pick([200, 204, 299, 300, 400, 404, 500]), lines: preflightLines(credentials) },
      response: { status: pick([200, 200, 201, 204, 404, 500]), lines: responseLines(credentials) },
      repeat: chance(0.5),
    };
  });
}
