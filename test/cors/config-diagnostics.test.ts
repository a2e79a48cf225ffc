// The words of corsPolicy's compile errors: each refused class of configuration, compiled with the
// TypeScript compiler API under the project's options, must fail with a diagnostic that names the
// problem and the fix — never only "not assignable to type 'never'". Configurations held in
// variables, custom header names and a wrapper with CheckedCorsPolicyConfig must compile.
import { describe, expect, test } from "vitest";
import { CorsConfigError, corsPolicy, type CorsPolicyConfig } from "typed-headers";
import { compileSnippets } from "../compile-snippets.js";

const PRELUDE = `import { corsPolicy, fetchCors, type CheckedCorsPolicyConfig, type CorsPolicyConfig } from "typed-headers";
export function apiCors<const Config extends CorsPolicyConfig>(config: CheckedCorsPolicyConfig<Config>) {
  return fetchCors(corsPolicy(config));
}
`;

/** [title, statement, words the diagnostic must contain]. */
const REFUSED: [string, string, string][] = [
  [
    '"*" with credentials',
    `corsPolicy({ origins: "*", credentials: true });`,
    `origins: '*' is refused with credentials (any site could read credentialed responses): list the origins`,
  ],
  [
    "reflecting any origin",
    `corsPolicy({ origins: true });`,
    "origins: reflecting any origin is not offered (every site could read your responses): list the origins, or write '*' without credentials",
  ],
  [
    "a RegExp",
    `corsPolicy({ origins: [/\\.example\\.com$/] });`,
    "origins: a RegExp is not offered (the usual source of CORS bypasses): write exact origins or patterns such as https://*.example.com",
  ],
  [
    "a callback",
    `corsPolicy({ origins: [(origin: string) => origin.endsWith(".example.com")] });`,
    "origins: a function is not offered",
  ],
  [
    "a trailing slash",
    `corsPolicy({ origins: ["https://app.example/"] });`,
    "origins: an origin has no trailing slash: write https://app.example",
  ],
  [
    "a path",
    `corsPolicy({ origins: ["https://app.example/login"] });`,
    "origins: an origin has no path: write https://app.example",
  ],
  [
    "null",
    `corsPolicy({ origins: ["https://app.example", "null"] });`,
    `origins: 'null' is refused (sandboxed iframes and data: URLs of any site send it): remove it`,
  ],
  [
    "file:",
    `corsPolicy({ origins: ["file:///index.html"] });`,
    `origins: file: pages send the origin 'null', which is refused: remove it`,
  ],
  [
    "an uppercase host",
    `corsPolicy({ origins: ["https://App.example"] });`,
    "origins: browsers send origins in lowercase: write https://app.example",
  ],
  [
    "no scheme",
    `corsPolicy({ origins: ["app.example"] });`,
    "origins: 'app.example' is not an origin: write scheme://host[:port], e.g. https://app.example",
  ],
  [
    '"*" in the origins list',
    `corsPolicy({ origins: ["*"] });`,
    `origins: '*' is not a list member: write origins: '*' for any origin (without credentials)`,
  ],
  [
    "a default port",
    `corsPolicy({ origins: ["https://app.example:443"] });`,
    "origins: browsers omit the default port: write https://app.example",
  ],
  [
    "two ports",
    `corsPolicy({ origins: ["https://a.example:8080:*"] });`,
    "origins: two ports in https://a.example:8080:*: write https://a.example:* (any port) or https://a.example:8080",
  ],
  [
    "an insecure origin with credentials",
    `corsPolicy({ origins: ["http://app.example"], credentials: true });`,
    "origins: http://app.example is not https: with credentials anyone on the network path can impersonate it: write https://app.example, or set allowInsecureOrigins: true",
  ],
  [
    "a public-suffix wildcard with credentials",
    `corsPolicy({ origins: ["https://*.com"], credentials: true });`,
    "origins: *.com is a public suffix (every site under it could read credentialed responses): write a domain you own, e.g. https://*.example.com",
  ],
  [
    "TRACE",
    `corsPolicy({ origins: "*", methods: ["GET", "TRACE"] });`,
    "methods: TRACE is a forbidden method (fetch() refuses it): remove it",
  ],
  [
    "CONNECT in any case",
    `corsPolicy({ origins: "*", methods: ["connect"] });`,
    "methods: connect is a forbidden method (fetch() refuses it): remove it",
  ],
  [
    "lowercase patch",
    `corsPolicy({ origins: "*", methods: ["patch"] });`,
    "methods: browsers send patch as written, and pages write PATCH: write PATCH",
  ],
  [
    "a method that is not a token",
    `corsPolicy({ origins: "*", methods: ["GE T"] });`,
    "methods: 'GE T' is not a method (a token: no spaces, commas, slashes, colons or quotes)",
  ],
  [
    '"*" in methods with credentials',
    `corsPolicy({ origins: ["https://a.example"], credentials: true, methods: ["*"] });`,
    `methods: '*' is refused with credentials (browsers read it as a name '*'): list the names`,
  ],
  [
    "cookie",
    `corsPolicy({ origins: "*", allowedHeaders: ["content-type", "cookie"] });`,
    "allowedHeaders: pages cannot set cookie (a forbidden request header): remove it",
  ],
  [
    "a sec- header",
    `corsPolicy({ origins: "*", allowedHeaders: ["Sec-Fetch-Mode"] });`,
    "allowedHeaders: pages cannot set Sec-Fetch-Mode (a forbidden request header): remove it",
  ],
  [
    "a CORS header as a request header",
    `corsPolicy({ origins: "*", allowedHeaders: ["access-control-allow-origin"] });`,
    "allowedHeaders: access-control-allow-origin is a CORS response header, which pages never send: remove it",
  ],
  [
    '"*" in allowedHeaders with credentials',
    `corsPolicy({ origins: ["https://a.example"], credentials: true, allowedHeaders: ["*"] });`,
    `allowedHeaders: '*' is refused with credentials`,
  ],
  [
    "a header name that is not a token",
    `corsPolicy({ origins: "*", allowedHeaders: ["x total"] });`,
    "allowedHeaders: 'x total' is not a header name",
  ],
  [
    "set-cookie exposed",
    `corsPolicy({ origins: "*", exposedHeaders: ["Set-Cookie"] });`,
    "exposedHeaders: browsers never let pages read Set-Cookie: remove it",
  ],
  [
    '"*" in exposedHeaders with credentials',
    `corsPolicy({ origins: ["https://a.example"], credentials: true, exposedHeaders: ["*"] });`,
    `exposedHeaders: '*' is refused with credentials`,
  ],
  [
    "maxAge over a day",
    `corsPolicy({ origins: "*", maxAge: 86401 });`,
    "maxAge: 86401 is over a day: write at most 86400 (Chromium caps it at 7200)",
  ],
  ["maxAge of five digits over a day", `corsPolicy({ origins: "*", maxAge: 99999 });`, "maxAge: 99999 is over a day"],
  [
    "an uppercase wildcard pattern",
    `corsPolicy({ origins: ["https://*.Example.com"] });`,
    "origins: browsers send origins in lowercase: write https://*.example.com",
  ],
  [
    "a negative maxAge",
    `corsPolicy({ origins: "*", maxAge: -1 });`,
    "maxAge: -1 is negative: write 0 (browsers then cache nothing) up to 86400",
  ],
  [
    "a fractional maxAge",
    `corsPolicy({ origins: "*", maxAge: 1.5 });`,
    "maxAge: 1.5 is not a whole number of seconds: write an integer from 0 to 86400",
  ],
  [
    "a misspelt setting",
    `corsPolicy({ origins: "*", origin: "https://a.example" });`,
    "origin is not a corsPolicy setting: write origins",
  ],
  [
    "an unknown setting",
    `corsPolicy({ origins: "*", preflightContinue: true });`,
    "preflightContinue is not a corsPolicy setting (see CorsPolicyConfig)",
  ],
  [
    "a wrapper keeps the checks",
    `apiCors({ origins: ["https://app.example/"] });`,
    "origins: an origin has no trailing slash: write https://app.example",
  ],
  [
    "a wrapper keeps the credential checks",
    `apiCors({ origins: "*", credentials: true });`,
    `origins: '*' is refused with credentials`,
  ],
  [
    "credentials that may be true (a boolean) keep the credential checks",
    `declare const credentials: boolean;\ncorsPolicy({ origins: ["https://a.example"], credentials, allowedHeaders: ["*"] });`,
    `allowedHeaders: '*' is refused with credentials`,
  ],
];

/** Configurations that must compile: variables, custom names, wrappers. */
const ACCEPTED: [string, string][] = [
  [
    "a configuration held in a variable (boolean credentials, string arrays)",
    `const config = { origins: (process.env.ORIGINS ?? "").split(","), credentials: process.env.CREDENTIALS === "1", methods: ["GET", "PUT"], maxAge: Number(process.env.MAX_AGE) };
corsPolicy(config);`,
  ],
  [
    "credentials held in a variable",
    `const credentials = process.env.CREDENTIALS === "1";\ncorsPolicy({ origins: ["https://app.example"], credentials });`,
  ],
  [
    "custom header names without FieldName.from",
    `corsPolicy({ origins: ["https://app.example"], credentials: true, allowedHeaders: ["X-Request-Id", "x-api-version"], exposedHeaders: ["x-total-count"] });`,
  ],
  ["custom methods and lowercase standard ones", `corsPolicy({ origins: "*", methods: ["PURGE", "put", "delete"] });`],
  [
    "a configuration typed CorsPolicyConfig",
    `const config: CorsPolicyConfig = { origins: "*", methods: ["*"] };\ncorsPolicy(config);\napiCors(config);`,
  ],
  [
    "a wrapper with a valid literal",
    `apiCors({ origins: ["https://app.example", "http://localhost:*", "http://[::1]:*"], credentials: true, maxAge: 600, explain: true });`,
  ],
  [
    "patterns built from numbers",
    `const port: number = 5173;\ncorsPolicy({ origins: [\`http://127.0.0.1:\${port}\`], credentials: true });`,
  ],
  [
    "loopback origins with credentials",
    `corsPolicy({ origins: ["http://localhost:3000", "http://127.0.0.1:*", "http://app.localhost", "http://[::1]:8080"], credentials: true });`,
  ],
  [
    "maxAge at the bounds",
    `corsPolicy({ origins: "*", maxAge: 0 });\ncorsPolicy({ origins: "*", maxAge: 86400 });\ncorsPolicy({ origins: "*", maxAge: 10000 });`,
  ],
  [
    "a spread of a shared base",
    `const base = { methods: ["PUT"], allowedHeaders: ["content-type"] } as const;\ncorsPolicy({ ...base, origins: ["https://app.example"], credentials: true });`,
  ],
  [
    "an opted-in insecure origin",
    `corsPolicy({ origins: ["http://intranet.example"], credentials: true, allowInsecureOrigins: true });`,
  ],
];

describe("corsPolicy compile errors explain themselves", () => {
  const snippets = new Map<string, string>();
  const file = (kind: string, index: number) => `test/cors/.snippets/${kind}-${index}.ts`;
  for (const [i, [, statement]] of REFUSED.entries()) snippets.set(file("refused", i), `${PRELUDE}${statement}\n`);
  for (const [i, [, statement]] of ACCEPTED.entries()) snippets.set(file("accepted", i), `${PRELUDE}${statement}\n`);
  let compiled: Map<string, string[]> | undefined;
  const diagnostics = (name: string): string[] => {
    compiled ??= compileSnippets(snippets);
    return compiled.get(name) ?? [];
  };

  REFUSED.forEach(([title, , words], i) => {
    test(`refused: ${title}`, () => {
      const found = diagnostics(file("refused", i));
      expect(found.length, "the snippet must not compile").toBeGreaterThan(0);
      expect(found.join("\n")).toContain(words);
      expect(found.join("\n")).not.toMatch(/type 'never'/);
    });
  });
  ACCEPTED.forEach(([title], i) => {
    test(`accepted: ${title}`, () => {
      expect(diagnostics(file("accepted", i))).toEqual([]);
    });
  });
}, 120_000);

describe("what does not compile is also refused at construction (for JavaScript callers)", () => {
  // The configuration literal of each single-call snippet, evaluated as JavaScript.
  const literal = (statement: string): string | undefined => /^(?:corsPolicy|apiCors)\(([\s\S]*)\);$/.exec(statement)?.[1];
  for (const [title, statement] of REFUSED) {
    const source = literal(statement);
    if (source === undefined) continue;
    test(title, () => {
      const config = new Function(`return (${source.replace(/\(origin: string\)/, "(origin)")});`)() as CorsPolicyConfig;
      expect(() => corsPolicy(config)).toThrow(CorsConfigError);
    });
  }
});
