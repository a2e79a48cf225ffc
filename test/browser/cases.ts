// The exchanges of the browser conformance suite: curated cases for every rule of checkCors, and
// generated ones that mix them. "{ORIGIN}" in a header line stands for the page's origin.
import fc from "fast-check";
import type { BrowserCase } from "./exchange.mjs";

export type { BrowserCase } from "./exchange.mjs";

const ACAO = "Access-Control-Allow-Origin: {ORIGIN}";
const ACAC = "Access-Control-Allow-Credentials: true";
type Credentials = BrowserCase["credentials"];

function simple(title: string, lines: string[], credentials: Credentials = "same-origin", status = 200): BrowserCase {
  return {
    title,
    method: "GET",
    headers: [],
    credentials,
    preflight: { status: 204, lines: [] },
    response: { status, lines },
    repeat: false,
  };
}

function preflighted(
  title: string,
  request: { method?: string; headers?: [string, string][]; credentials?: Credentials },
  preflightLines: string[],
  options: { status?: number; response?: string[]; repeat?: boolean } = {},
): BrowserCase {
  const credentials = request.credentials ?? "same-origin";
  const allow = credentials === "include" ? [ACAO, ACAC] : [ACAO];
  return {
    title,
    method: request.method ?? "PUT",
    headers: request.headers ?? [],
    credentials,
    preflight: { status: options.status ?? 204, lines: preflightLines },
    response: { status: 200, lines: options.response ?? allow },
    repeat: options.repeat ?? false,
  };
}

/** Hand-picked exchanges, each aimed at one rule. */
export function curatedCases(): BrowserCase[] {
  const cases: BrowserCase[] = [];

  // The CORS check on the actual response: ACAO byte for byte, "*", lines, whitespace.
  const acaoLines: [string, string[]][] = [
    ["exact origin", [ACAO]],
    ["*", ["Access-Control-Allow-Origin: *"]],
    ["absent", []],
    ["null", ["Access-Control-Allow-Origin: null"]],
    ["trailing slash", ["Access-Control-Allow-Origin: {ORIGIN}/"]],
    ["uppercase scheme", ["Access-Control-Allow-Origin: HTTP://127.0.0.1:{PORT}"]],
    ["localhost for 127.0.0.1", ["Access-Control-Allow-Origin: http://localhost:{PORT}"]],
    ["explicit default port", ["Access-Control-Allow-Origin: {ORIGIN}:80"]],
    ["spaces around", ["Access-Control-Allow-Origin:    {ORIGIN}   "]],
    ["tabs around", ["Access-Control-Allow-Origin:\t{ORIGIN}\t"]],
    ["* with spaces", ["Access-Control-Allow-Origin:  *  "]],
    ["VT before *", ["Access-Control-Allow-Origin: \v*"]],
    ["FF after *", ["Access-Control-Allow-Origin: *\f"]],
    ["two lines of the origin", [ACAO, ACAO]],
    ["two lines of *", ["Access-Control-Allow-Origin: *", "Access-Control-Allow-Origin: *"]],
    ["list origin, *", ["Access-Control-Allow-Origin: {ORIGIN}, *"]],
    ["list *, origin", ["Access-Control-Allow-Origin: *, {ORIGIN}"]],
    ["empty", ["Access-Control-Allow-Origin: "]],
    ["empty line then *", ["Access-Control-Allow-Origin:", "Access-Control-Allow-Origin: *"]],
    ["**", ["Access-Control-Allow-Origin: **"]],
    ["other port", ["Access-Control-Allow-Origin: http://127.0.0.1:1"]],
    ["lowercase header name", ["access-control-allow-origin: {ORIGIN}"]],
    ["quoted", ['Access-Control-Allow-Origin: "{ORIGIN}"']],
  ];
  for (const credentials of ["same-origin", "include", "omit"] as const) {
    for (const [title, lines] of acaoLines) {
      const acac = credentials === "include" ? [ACAC] : [];
      cases.push(simple(`ACAO ${title} (${credentials})`, [...lines, ...acac], credentials));
    }
  }

  // ACAC with credentials: exactly "true".
  for (const value of ["true", "True", "TRUE", "false", "1", "", " true ", "true, true", '"true"', "true\v"]) {
    cases.push(
      simple(`ACAC ${JSON.stringify(value)} (include)`, [ACAO, `Access-Control-Allow-Credentials: ${value}`], "include"),
    );
  }
  cases.push(simple("ACAC two lines of true (include)", [ACAO, ACAC, ACAC], "include"));
  cases.push(simple("ACAC absent (include)", [ACAO], "include"));
  cases.push(simple("ACAC True without credentials", [ACAO, "Access-Control-Allow-Credentials: True"], "same-origin"));

  // Any status on the actual response.
  for (const status of [200, 201, 204, 400, 404, 500, 503])
    cases.push(simple(`actual response status ${status}`, [ACAO], "same-origin", status));

  // Method normalization and the method check.
  const methodCases: [string, string[], Credentials?][] = [
    ["PUT", ["Access-Control-Allow-Methods: PUT"]],
    ["put", ["Access-Control-Allow-Methods: PUT"]],
    ["PUT", ["Access-Control-Allow-Methods: put"]],
    ["delete", ["Access-Control-Allow-Methods: DELETE"]],
    ["PATCH", ["Access-Control-Allow-Methods: PATCH"]],
    ["patch", ["Access-Control-Allow-Methods: PATCH"]],
    ["patch", ["Access-Control-Allow-Methods: patch"]],
    ["PATCH", ["Access-Control-Allow-Methods: patch"]],
    ["PURGE", ["Access-Control-Allow-Methods: GET, PURGE"]],
    ["PURGE", ["Access-Control-Allow-Methods: *"]],
    ["PURGE", ["Access-Control-Allow-Methods: *"], "include"],
    ["PUT", ["Access-Control-Allow-Methods: ,,PUT,GET"]],
    ["PUT", ["Access-Control-Allow-Methods: GET", "Access-Control-Allow-Methods: PUT"]],
    ["PUT", ["Access-Control-Allow-Methods: PUT", "Access-Control-Allow-Methods: no no"]],
    ["PUT", ["Access-Control-Allow-Methods: PUT, Bad method"]],
    ["PUT", ['Access-Control-Allow-Methods: "PUT"']],
    ["PUT", ["Access-Control-Allow-Methods: PUT\f"]],
    ["PUT", []],
    ["PUT", ["Access-Control-Allow-Methods: GET, POST"]],
    ["OPTIONS", ["Access-Control-Allow-Methods: OPTIONS"]],
    ["options", []],
  ];
  for (const [method, lines, credentials] of methodCases) {
    cases.push(
      preflighted(`method ${method} with ${JSON.stringify(lines)}`, { method, credentials: credentials ?? "same-origin" }, [
        ACAO,
        ...(credentials === "include" ? [ACAC] : []),
        ...lines,
      ]),
    );
  }

  // Which request headers force a preflight (CORS-safelisted request-headers and their values).
  const headerCases: [string, string][] = [
    ["Content-Type", "text/plain"],
    ["Content-Type", "text/plain; charset=utf-8"],
    ["Content-Type", "application/x-www-form-urlencoded"],
    ["Content-Type", "multipart/form-data; boundary=x"],
    ["Content-Type", "application/json"],
    ["Content-Type", 'text/plain; charset="utf-8"'],
    ["Content-Type", "text /plain"],
    ["Content-Type", "Text/Plain"],
    ["Content-Type", `text/plain; x=${"a".repeat(120)}`],
    ["Accept", "application/json"],
    ["Accept", "text/html(1)"],
    ["Accept", "a".repeat(129)],
    ["Accept-Language", "en-US,en;q=0.9"],
    ["Accept-Language", "en@us"],
    ["Content-Language", "fr"],
    ["Content-Language", "fr_FR"],
    ["Range", "bytes=0-10"],
    ["Range", "bytes=10-"],
    ["Range", "bytes=-10"],
    ["Range", "bytes=10-0"],
    ["Range", "bytes = 0-10"],
    ["X-Request-Id", "1"],
    ["Authorization", "Bearer x"],
  ];
  for (const [name, value] of headerCases) {
    const title = `request header ${name}: ${value.slice(0, 40)}`;
    cases.push(
      preflighted(`${title} (allowed)`, { method: "POST", headers: [[name, value]] }, [
        ACAO,
        `Access-Control-Allow-Headers: ${name}`,
      ]),
    );
    cases.push(preflighted(`${title} (not listed)`, { method: "POST", headers: [[name, value]] }, [ACAO]));
  }
  cases.push(
    preflighted(
      "forbidden request headers are dropped",
      {
        method: "GET",
        headers: [
          ["Cookie", "a=1"],
          ["Sec-Test", "1"],
          ["Proxy-Test", "1"],
          ["X-A", "1"],
        ],
      },
      [ACAO, "Access-Control-Allow-Headers: x-a"],
    ),
  );
  cases.push(
    preflighted(
      "ACRH is sorted, lowercased, deduplicated",
      {
        method: "GET",
        headers: [
          ["X-Custom-Test", "1"],
          ["X-Custom-ua", "1"],
          ["X-Custom-V", "1"],
          ["X-Custom-s", "1"],
          ["X-Custom-U", "1"],
          ["content-type", "application/json"],
        ],
      },
      [ACAO, "Access-Control-Allow-Headers: *"],
    ),
  );

  // The header check: names, case, wildcards, Authorization, bad lists.
  const acahCases: [string, [string, string][], string[], Credentials?][] = [
    ["exact", [["X-Test", "1"]], ["Access-Control-Allow-Headers: x-test"]],
    ["other case", [["x-test", "1"]], ["Access-Control-Allow-Headers: X-TEST"]],
    [
      "list with empties",
      [
        ["X-Print", "1"],
        ["Y-Print", "1"],
      ],
      ["Access-Control-Allow-Headers: ,y-lol,x-PriNT, ,,,Y-PRINT"],
    ],
    [
      "two lines",
      [
        ["X-A", "1"],
        ["X-B", "1"],
      ],
      ["Access-Control-Allow-Headers: x-a", "Access-Control-Allow-Headers: x-b"],
    ],
    [
      "one missing",
      [
        ["X-A", "1"],
        ["X-B", "1"],
      ],
      ["Access-Control-Allow-Headers: x-a"],
    ],
    ["*", [["X-A", "1"]], ["Access-Control-Allow-Headers: *"]],
    ["* with credentials", [["X-A", "1"]], ["Access-Control-Allow-Headers: *"], "include"],
    ["x-a, * with credentials", [["X-A", "1"]], ["Access-Control-Allow-Headers: x-a, *"], "include"],
    ["Authorization under *", [["Authorization", "Bearer x"]], ["Access-Control-Allow-Headers: *"]],
    ["Authorization under *, authorization", [["Authorization", "Bearer x"]], ["Access-Control-Allow-Headers: *, Authorization"]],
    ["Authorization listed", [["Authorization", "Bearer x"]], ["Access-Control-Allow-Headers: authorization"]],
    [
      "Authorization and x-a under *",
      [
        ["Authorization", "Bearer x"],
        ["X-A", "1"],
      ],
      ["Access-Control-Allow-Headers: *"],
    ],
    ["invalid member", [["X-A", "1"]], ["Access-Control-Allow-Headers: x-a, not a token"]],
    ["invalid second line", [["X-A", "1"]], ["Access-Control-Allow-Headers: x-a", "Access-Control-Allow-Headers: @"]],
    ["quoted", [["X-A", "1"]], ['Access-Control-Allow-Headers: "x-a"']],
    ["FF after name", [["X-A", "1"]], ["Access-Control-Allow-Headers: x-a\f"]],
    ["invalid list, safelisted request", [], ["Access-Control-Allow-Headers: @@"]],
  ];
  for (const [title, headers, lines, credentials] of acahCases) {
    const acac = credentials === "include" ? [ACAC] : [];
    cases.push(
      preflighted(`ACAH ${title}`, { method: "GET", headers, credentials: credentials ?? "same-origin" }, [
        ACAO,
        ...acac,
        ...lines,
      ]),
    );
  }
  cases.push(
    preflighted("invalid ACAM fails even when not needed", { method: "GET", headers: [["X-A", "1"]] }, [
      ACAO,
      "Access-Control-Allow-Headers: x-a",
      "Access-Control-Allow-Methods: Bad method",
    ]),
  );

  // The preflight's own CORS check and status.
  for (const status of [200, 204, 299, 300, 400, 401, 403, 404, 500, 503]) {
    cases.push(
      preflighted(`preflight status ${status}`, { method: "PUT" }, [ACAO, "Access-Control-Allow-Methods: PUT"], { status }),
    );
  }
  cases.push(preflighted("preflight without ACAO", { method: "PUT" }, ["Access-Control-Allow-Methods: PUT"]));
  cases.push(
    preflighted("preflight without ACAO and a 404", { method: "PUT" }, ["Access-Control-Allow-Methods: PUT"], { status: 404 }),
  );
  cases.push(
    preflighted("preflight with * and credentials", { method: "PUT", credentials: "include" }, [
      "Access-Control-Allow-Origin: *",
      ACAC,
      "Access-Control-Allow-Methods: PUT",
    ]),
  );
  cases.push(
    preflighted("preflight without ACAC (include)", { method: "PUT", credentials: "include" }, [
      ACAO,
      "Access-Control-Allow-Methods: PUT",
    ]),
  );
  cases.push(
    preflighted("actual response fails after a good preflight", { method: "PUT" }, [ACAO, "Access-Control-Allow-Methods: PUT"], {
      response: [],
    }),
  );

  // How long the preflight is cached: the request is sent twice.
  for (const value of [null, "0", "-1", "1", "600", "12000", "+5", "5.5", "abc", "", "0x10", "99999999999999999999"]) {
    const lines = value === null ? [] : [`Access-Control-Max-Age: ${value}`];
    cases.push(
      preflighted(`max-age ${JSON.stringify(value)}`, { method: "PUT" }, [ACAO, "Access-Control-Allow-Methods: PUT", ...lines], {
        repeat: true,
      }),
    );
  }
  cases.push(
    preflighted(
      "max-age on two lines",
      { method: "PUT" },
      [ACAO, "Access-Control-Allow-Methods: PUT", "Access-Control-Max-Age: 600", "Access-Control-Max-Age: 600"],
      { repeat: true },
    ),
  );
  cases.push(
    preflighted(
      "max-age 600, Authorization covered by *",
      { method: "GET", headers: [["Authorization", "Bearer x"]] },
      [ACAO, "Access-Control-Allow-Headers: *", "Access-Control-Max-Age: 600"],
      { repeat: true },
    ),
  );
  cases.push(
    preflighted(
      "max-age 600, Authorization listed with *",
      { method: "GET", headers: [["Authorization", "Bearer x"]] },
      [ACAO, "Access-Control-Allow-Headers: *, authorization", "Access-Control-Max-Age: 600"],
      { repeat: true },
    ),
  );
  cases.push(
    preflighted(
      "max-age 600, custom header covered by *",
      { method: "GET", headers: [["X-A", "1"]] },
      [ACAO, "Access-Control-Allow-Headers: *", "Access-Control-Max-Age: 600"],
      { repeat: true },
    ),
  );
  cases.push(
    preflighted(
      "max-age 600, PATCH covered by *",
      { method: "PATCH" },
      [ACAO, "Access-Control-Allow-Methods: *", "Access-Control-Max-Age: 600"],
      { repeat: true },
    ),
  );
  cases.push(
    preflighted(
      "max-age 0 with credentials",
      { method: "PUT", credentials: "include" },
      [ACAO, ACAC, "Access-Control-Allow-Methods: PUT", "Access-Control-Max-Age: 0"],
      { repeat: true },
    ),
  );

  // Which response headers the page can read.
  const exposed = [
    "X-A: 1",
    "X-B: 2",
    "Set-Cookie: a=1",
    "Content-Language: en",
    "Content-Type: text/plain",
    "Cache-Control: no-store",
    "BB-8: hey",
  ];
  const acehCases: [string, string[], Credentials?][] = [
    ["none", []],
    ["x-a", ["Access-Control-Expose-Headers: x-a"]],
    ["X-A, bb-8", ["Access-Control-Expose-Headers: X-A, BB-8"]],
    ["two lines", ["Access-Control-Expose-Headers: x-a", "Access-Control-Expose-Headers: x-b"]],
    ["bad second line", ["Access-Control-Expose-Headers: x-a", "Access-Control-Expose-Headers: no no"]],
    ["bad member", ["Access-Control-Expose-Headers: x-a, @#$"]],
    ["leading comma", ["Access-Control-Expose-Headers: ,x-b"]],
    ["set-cookie", ["Access-Control-Expose-Headers: set-cookie, x-a"]],
    ["*", ["Access-Control-Expose-Headers: *"]],
    ["* with credentials", ["Access-Control-Expose-Headers: *"], "include"],
    ["* and x-b with credentials", ["Access-Control-Expose-Headers: *, x-b"], "include"],
    ["quoted", ['Access-Control-Expose-Headers: "x-a",x-b']],
    ["apostrophes", ["Access-Control-Expose-Headers: 'x-a',x-b"]],
    ["FF", ["Access-Control-Expose-Headers: x-a\f"]],
  ];
  for (const [title, lines, credentials] of acehCases) {
    const allow = credentials === "include" ? [ACAO, ACAC] : [ACAO];
    cases.push(simple(`ACEH ${title}`, [...allow, ...exposed, ...lines], credentials ?? "same-origin"));
  }
  return cases;
}

/** Random exchanges mixing every rule; `count` of them, from a random seed (printed on failure). */
export function generatedCases(count: number, seed: number): BrowserCase[] {
  const credentials = fc.constantFrom<Credentials>("omit", "same-origin", "include");
  const method = fc.constantFrom("GET", "POST", "HEAD", "PUT", "put", "DELETE", "PATCH", "patch", "PURGE");
  const header = fc.constantFrom<[string, string]>(
    ["Content-Type", "text/plain"],
    ["Content-Type", "application/json"],
    ["Accept", "text/html"],
    ["Accept-Language", "de"],
    ["Range", "bytes=0-1"],
    ["X-A", "1"],
    ["X-B", "2"],
    ["Authorization", "Bearer t"],
  );
  const acao = fc.constantFrom(
    [ACAO],
    [ACAO],
    [ACAO],
    ["Access-Control-Allow-Origin: *"],
    [],
    ["Access-Control-Allow-Origin: {ORIGIN}/"],
    [ACAO, ACAO],
    ["Access-Control-Allow-Origin:  {ORIGIN}\t"],
  );
  const acac = fc.constantFrom([ACAC], [ACAC], [], ["Access-Control-Allow-Credentials: True"]);
  const acam = fc.constantFrom(
    [],
    ["Access-Control-Allow-Methods: PUT, PATCH, DELETE, PURGE"],
    ["Access-Control-Allow-Methods: *"],
    ["Access-Control-Allow-Methods: put"],
    ["Access-Control-Allow-Methods: patch, PURGE"],
    ["Access-Control-Allow-Methods: PUT, x y"],
  );
  const acah = fc.constantFrom(
    [],
    ["Access-Control-Allow-Headers: *"],
    ["Access-Control-Allow-Headers: x-a, x-b, content-type, authorization"],
    ["Access-Control-Allow-Headers: X-A"],
    ["Access-Control-Allow-Headers: *, authorization"],
    ["Access-Control-Allow-Headers: x-a", 'Access-Control-Allow-Headers: "x-b"'],
  );
  const acma = fc.constantFrom(
    [],
    ["Access-Control-Max-Age: 0"],
    ["Access-Control-Max-Age: 600"],
    ["Access-Control-Max-Age: -1"],
  );
  const aceh = fc.constantFrom(
    [],
    ["Access-Control-Expose-Headers: x-a"],
    ["Access-Control-Expose-Headers: *"],
    ["Access-Control-Expose-Headers: x-a, bad value"],
  );
  const status = fc.constantFrom(200, 200, 204, 404, 500);
  const arbitrary = fc.record({
    method,
    headers: fc.uniqueArray(header, { maxLength: 3, selector: ([name]) => name.toLowerCase() }),
    credentials,
    preAcao: acao,
    preAcac: acac,
    acam,
    acah,
    acma,
    preStatus: status,
    acao,
    acac,
    aceh,
    status,
    repeat: fc.boolean(),
  });
  return fc.sample(arbitrary, { numRuns: count, seed }).map((c, i) => ({
    title: `generated #${i}`,
    method: c.method,
    headers: c.headers,
    credentials: c.credentials,
    preflight: { status: c.preStatus, lines: [...c.preAcao, ...c.preAcac, ...c.acam, ...c.acah, ...c.acma] },
    response: { status: c.status, lines: [...c.acao, ...c.acac, ...c.aceh, "X-A: 1", "Content-Language: en"] },
    repeat: c.repeat,
  }));
}
