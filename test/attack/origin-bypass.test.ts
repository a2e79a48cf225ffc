// The standing attack suite, part 2: an origin-bypass matrix for corsPolicy. Request origins made
// by the tricks that break hand-written matchers (suffix and prefix tricks, trailing dots,
// userinfo, backslashes, percent-encoding, homoglyphs, ports, IPv6 zones, padding, joined
// duplicates, case) are checked against a reference matcher built on the URL parser: the policy
// allows an origin exactly when the reference does, and then echoes it byte for byte.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { corsPolicy, type HeaderInput } from "typed-headers";
import { isSerializedOrigin } from "../url-oracle.js";

/** What the policy is configured with: exact origins and structured patterns. */
const CONFIGURED = [
  "https://app.example.com",
  "https://api.example.com:8443",
  "https://*.trusted.example",
  "https://*.xn--bcher-kva.example",
  "http://localhost:*",
  "http://[::1]:5173",
  "http://127.0.0.1:3000",
];

interface Entry {
  readonly scheme: string;
  readonly host: string;
  readonly subdomains: boolean;
  /** "" for the default port, "*" for any. */
  readonly port: string;
}

/** The reference's reading of a configured entry, through the URL parser. */
function entryOf(configured: string): Entry {
  const subdomains = configured.includes("://*.");
  const anyPort = configured.endsWith(":*");
  const url = new URL(configured.replace("://*.", "://").replace(/:\*$/, ""));
  return { scheme: url.protocol, host: url.hostname, subdomains, port: anyPort ? "*" : url.port };
}
const ENTRIES = CONFIGURED.map(entryOf);

/**
 * The reference matcher: a browser only ever sends a serialized origin (`new URL(o).origin === o`);
 * such an origin is allowed when its scheme and port match an entry and its host equals the
 * entry's host or, for "*.", ends with "." + host after one or more non-empty labels.
 */
function referenceAllows(origin: string): boolean {
  if (!isSerializedOrigin(origin)) return false;
  // (SP/HTAB around a field value is not part of it, RFC 9110 §5.5: callers pass fieldValue(origin).)
  const url = new URL(origin);
  return ENTRIES.some((entry) => {
    if (url.protocol !== entry.scheme) return false;
    if (entry.port !== "*" && url.port !== entry.port) return false;
    if (!entry.subdomains) return url.hostname === entry.host;
    if (!url.hostname.endsWith(`.${entry.host}`)) return false;
    const labels = url.hostname.slice(0, -entry.host.length - 1).split(".");
    return labels.every((label) => label !== "");
  });
}

const policies = {
  credentialed: corsPolicy({ origins: CONFIGURED, credentials: true }),
  anonymous: corsPolicy({ origins: CONFIGURED }),
};

/** The ways a request's headers reach the policy. */
const FORMS: [string, (origin: string) => HeaderInput][] = [
  ["record", (origin) => ({ origin })],
  ["rawHeaders", (origin) => ["Origin", origin]],
  ["Headers-like pairs", (origin) => [["Origin", origin]]],
];

/** The field value a line carries: without the SP/HTAB around it (RFC 9110 §5.5). */
const fieldValue = (line: string) => line.replace(/^[ \t]+|[ \t]+$/g, "");

function checkOrigin(origin: string): void {
  const value = fieldValue(origin);
  const expected = referenceAllows(value);
  for (const [kind, policy] of Object.entries(policies)) {
    for (const [form, headersOf] of FORMS) {
      const decision = policy.handle({ method: "GET", headers: headersOf(origin) });
      const what = `${kind} policy, ${form}, origin ${JSON.stringify(origin)}`;
      expect(decision.allowed, what).toBe(expected);
      const echoed = decision.headers.getRaw("access-control-allow-origin");
      expect(echoed, what).toBe(expected ? value : null);
    }
  }
}

/** Origins a matcher must refuse or allow, by the trick they use. */
const MATRIX: Record<string, string[]> = {
  "exact and pattern matches (allowed)": [
    "https://app.example.com",
    "https://api.example.com:8443",
    "https://a.trusted.example",
    "https://a.b.trusted.example",
    "https://xn--80ak6aa92e.trusted.example",
    "https://a.xn--bcher-kva.example",
    "http://localhost",
    "http://localhost:5173",
    "http://[::1]:5173",
    "http://127.0.0.1:3000",
  ],
  "suffix and prefix tricks": [
    "https://app.example.com.evil.com",
    "https://evilapp.example.com",
    "https://app.example.co",
    "https://app.example.comm",
    "https://xtrusted.example",
    "https://trusted.example",
    "https://a.trusted.example.evil.com",
    "https://a-trusted.example",
    "https://atrusted.example",
    "https://a.trusted.examplex",
    "https://app.example.com.",
    "https://a.trusted.example.",
    "https://.trusted.example",
    "https://..trusted.example",
    "https://a..trusted.example",
    // Found by the generated mutations: an empty leading label was accepted under "*.".
    "https://.b.trusted.example",
    "https://a..b.trusted.example",
    "http://localhost.evil.com",
    "http://localhost.:5173",
    "http://evillocalhost:5173",
  ],
  "userinfo and backslashes": [
    "https://app.example.com@evil.com",
    "https://evil.com@app.example.com",
    "https://user:pass@app.example.com",
    "https://app.example.com\\@evil.com",
    "https:\\\\app.example.com",
    "https://evil.com\\.trusted.example",
    "https://evil.com/.trusted.example",
    "https://evil.com?.trusted.example",
    "https://evil.com#.trusted.example",
  ],
  "percent-encoding and homoglyphs": [
    "https://app%2eexample.com",
    "https://%61pp.example.com",
    "https://a%2etrusted.example",
    "https://аpp.example.com",
    "https://app.еxample.com",
    "https://app．example.com",
    "https://a。trusted.example",
    "https://Ａpp.example.com",
    "https://a.bücher.example",
    "https://a.xn--bcher-kva.example.",
    "https://app.example.com\u200b",
    "https://app.example.c\u00adom",
  ],
  ports: [
    "https://app.example.com:443",
    "https://app.example.com:8443",
    "https://api.example.com",
    "https://api.example.com:08443",
    "https://api.example.com:8443:8443",
    "https://api.example.com:65536",
    "https://a.trusted.example:443",
    "https://a.trusted.example:8443",
    "http://localhost:0",
    "http://localhost:80",
    "http://localhost:99999",
    "http://localhost:05173",
    "http://127.0.0.1:3001",
    "http://127.0.0.1",
  ],
  "IP addresses and IPv6 zones": [
    "http://[::1]",
    "http://[::1]:5174",
    "http://[::1%25eth0]:5173",
    "http://[::1%eth0]:5173",
    "http://[0:0:0:0:0:0:0:1]:5173",
    "http://[::0001]:5173",
    "http://127.1:3000",
    "http://2130706433:3000",
    "http://0x7f.0.0.1:3000",
    "http://127.0.0.01:3000",
    "http://[::ffff:127.0.0.1]:3000",
  ],
  "padding, case, scheme and path": [
    " https://app.example.com",
    "https://app.example.com ",
    "\thttps://app.example.com",
    "https://app.example.com\t",
    "https://app.example.com\u0000",
    "https://app.example.com\r\n",
    "HTTPS://APP.EXAMPLE.COM",
    "https://App.example.com",
    "https://A.trusted.example",
    "http://app.example.com",
    "wss://app.example.com",
    "https:app.example.com",
    "https:/app.example.com",
    "https:///app.example.com",
    "//app.example.com",
    "app.example.com",
    "https://app.example.com/",
    "https://app.example.com/x",
    "https://app.example.com?",
    "https://app.example.com#",
    "null",
    "",
    "*",
  ],
  "joined duplicates": [
    "https://app.example.com, https://evil.com",
    "https://evil.com, https://app.example.com",
    "https://app.example.com,https://app.example.com",
    "https://app.example.com https://app.example.com",
    "https://app.example.com, https://app.example.com",
  ],
};

describe("origin-bypass matrix: the policy agrees with the URL-parser reference", () => {
  for (const [trick, origins] of Object.entries(MATRIX)) {
    test(trick, () => {
      for (const origin of origins) checkOrigin(origin);
    });
  }

  test("the matrix exercises both answers", () => {
    const all = Object.values(MATRIX).flat().map(fieldValue);
    const allowed = all.filter(referenceAllows);
    expect(allowed).toEqual(expect.arrayContaining(MATRIX["exact and pattern matches (allowed)"] as string[]));
    expect(all.length - allowed.length).toBeGreaterThan(80);
  });

  test("two Origin field lines are refused, whatever they hold", () => {
    for (const [a, b] of [
      ["https://app.example.com", "https://app.example.com"],
      ["https://app.example.com", "https://evil.com"],
      ["https://evil.com", "https://app.example.com"],
    ] as const) {
      for (const policy of Object.values(policies)) {
        const decision = policy.handle({ method: "GET", headers: ["Origin", a, "origin", b] });
        expect(decision.allowed).toBe(false);
        expect(decision.headers.has("access-control-allow-origin")).toBe(false);
      }
    }
  });

  test("generated mutations of allowed origins", () => {
    const allowed = MATRIX["exact and pattern matches (allowed)"] as string[];
    const edit = fc.oneof(
      fc.constantFrom(
        ".",
        "..",
        "@",
        "\\",
        "/",
        ":",
        "%2e",
        "%00",
        " ",
        "\t",
        ",",
        "evil",
        "a.",
        ".evil.com",
        "\u0430",
        "\uff0e",
        ":443",
        ":80",
        ":*",
        "*",
      ),
      fc.string({ maxLength: 3 }),
    );
    const mutated = fc
      .tuple(
        fc.constantFrom(...allowed),
        fc.array(fc.tuple(fc.nat(), edit, fc.constantFrom("insert", "replace", "delete")), { minLength: 1, maxLength: 3 }),
      )
      .map(([origin, edits]) =>
        edits.reduce((s, [at, text, how]) => {
          const i = at % (s.length + 1);
          return how === "insert"
            ? s.slice(0, i) + text + s.slice(i)
            : how === "replace"
              ? s.slice(0, i) + text + s.slice(i + text.length)
              : s.slice(0, i) + s.slice(i + 1);
        }, origin),
      );
    fc.assert(fc.property(mutated, (origin) => checkOrigin(origin)));
  });
});
