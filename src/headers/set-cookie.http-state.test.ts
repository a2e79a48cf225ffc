// The http-state suite (test/fixtures/http-state/README.md): Set-Cookie lines a user agent
// receives, and the cookies it then sends. Parsing is SetCookie.parse; storing and sending is the
// small RFC 6265bis §5.7 cookie store below, which exists only to run the suite.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { publicSuffixCoveredBy } from "../cors/public-suffix.js";
import { parseCookieDate } from "../syntax/cookie-date.js";
import examples from "../../test/fixtures/http-state/examples.json" with { type: "json" };
import cases from "../../test/fixtures/http-state/parser.json" with { type: "json" };
import { SetCookie } from "./set-cookie.js";

/** Whether `domain` is itself a public suffix (the jar refuses a Domain attribute that is one). */
const isPublicSuffix = (domain: string) => publicSuffixCoveredBy(domain) === domain.replace(/\.$/, "");

interface Case {
  readonly test: string;
  readonly received: readonly string[];
  readonly sent: readonly { readonly name: string; readonly value: string }[];
  readonly "sent-to"?: string;
}

/** The suite's clock: its expiry dates run from 2007 to 2027, and those before 2012 are meant to be past. */
const NOW = Date.UTC(2012, 0, 1);

/**
 * The cases whose expectation is not the suite's, with what a user agent now sends (none is
 * excluded). Where RFC 6265bis departs from RFC 6265: §5.6 step 3
 * keeps a pair without "=" (or with nothing before it) as a cookie with an empty name, sent as its
 * value alone; RFC 6265 ignored the line. Chromium and Firefox store such cookies (the browser
 * test shows Chromium's).
 */
const RFC6265BIS: Readonly<Record<string, readonly { name: string; value: string }[]>> = {
  "0004": [{ name: "", value: "foo" }],
  "0021": [
    { name: "a", value: "b" },
    { name: "", value: "x" },
    { name: "c", value: "d" },
  ],
  "0023": [{ name: "", value: "foo" }],
  "0024": [{ name: "", value: "foo" }],
  "0025": [{ name: "", value: "foo" }],
  "0026": [{ name: "", value: "foo" }],
  "0027": [{ name: "", value: "bar" }],
  "0028": [{ name: "", value: "foo" }],
  CHROMIUM0009: [{ name: "", value: "BLAHHH" }],
  CHROMIUM0010: [{ name: "", value: '"BLA\\"HHH"' }],
  CHROMIUM0012: [{ name: "", value: "ABC" }],
  MOZILLA0012: [
    { name: "test", value: '"fubar! = foo' },
    { name: "", value: "five" },
  ],
  MOZILLA0014: [{ name: "", value: "six" }],
  MOZILLA0015: [{ name: "", value: "seven" }],
  MOZILLA0016: [{ name: "", value: "eight" }],
  MOZILLA0017: [
    { name: "", value: "eight" },
    { name: "test", value: "six" },
  ],
  NAME0017: [{ name: "", value: "a=bar" }],
  NAME0023: [{ name: "", value: "foo" }],
  NAME0025: [{ name: "", value: "==a=bar" }],
  NAME0028: [{ name: "", value: "a" }],
  NAME0031: [{ name: "", value: '"foo' }],
  NAME0032: [{ name: "", value: '"foo\\"bar' }],
  NAME0033: [{ name: "", value: "aaa" }],
  // Cases the suite itself disabled. A NUL or CR makes §5.6 step 1 ignore the line (RFC 6265
  // truncated the value there); PATH0029's cookie is for /cookie-parser-result/foo/bar, which
  // /cookie-parser-result does not path-match (§5.1.4), so nothing is sent.
  DISABLED_CHROMIUM0022: [],
  DISABLED_CHROMIUM0023: [],
  DISABLED_PATH0029: [],
};

interface StoredCookie {
  name: string;
  value: string;
  domain: string;
  hostOnly: boolean;
  path: string;
  secure: boolean;
  expiry: number;
  created: number;
}

/** §5.1.3 domain-match. */
function domainMatch(host: string, domain: string): boolean {
  return host === domain || (host.endsWith(`.${domain}`) && !/^[\d.]+$/.test(host));
}

/** §5.1.4 path-match. */
function pathMatch(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith("/") || requestPath[cookiePath.length] === "/";
}

/** §5.1.4 default-path. */
function defaultPath(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash <= 0 ? "/" : path.slice(0, slash);
}

/** A user agent's cookie store, reduced to what the suite exercises (§5.7, http only). */
class CookieStore {
  readonly #cookies: StoredCookie[] = [];
  #clock = 0;

  receive(url: URL, line: string): void {
    const parsed = SetCookie.parse(line);
    if (!parsed.ok) return;
    const c = parsed.value;
    const created = this.#clock++;
    let expiry = Infinity;
    if (c.maxAge !== undefined) expiry = c.maxAge <= 0 ? -Infinity : NOW + c.maxAge * 1000;
    else if (c.expires !== undefined) expiry = c.expires.getTime();
    let domain = c.domain ?? "";
    if (domain !== "" && isPublicSuffix(domain)) {
      if (domain !== url.hostname) return;
      domain = "";
    }
    const hostOnly = domain === "";
    if (hostOnly) domain = url.hostname;
    else if (!domainMatch(url.hostname, domain)) return;
    if (c.secure === true && url.protocol !== "https:") return;
    const cookie: StoredCookie = {
      name: c.name,
      value: c.value,
      domain,
      hostOnly,
      path: c.path ?? defaultPath(url.pathname),
      secure: c.secure === true,
      expiry,
      created,
    };
    const old = this.#cookies.findIndex(
      (o) => o.name === cookie.name && o.domain === cookie.domain && o.hostOnly === cookie.hostOnly && o.path === cookie.path,
    );
    if (old !== -1) {
      cookie.created = (this.#cookies[old] as StoredCookie).created;
      this.#cookies.splice(old, 1);
    }
    if (cookie.expiry > NOW) this.#cookies.push(cookie);
  }

  send(url: URL): { name: string; value: string }[] {
    return this.#cookies
      .filter((c) => (c.hostOnly ? url.hostname === c.domain : domainMatch(url.hostname, c.domain)))
      .filter((c) => pathMatch(url.pathname, c.path) && (!c.secure || url.protocol === "https:"))
      .sort((a, b) => b.path.length - a.path.length || a.created - b.created)
      .map(({ name, value }) => ({ name, value }));
  }
}

/** A string of UTF-8 bytes as the library sees a field value: one code unit per byte. */
const asBytes = (s: string) => Buffer.from(s, "utf8").toString("latin1");
const fromBytes = (s: string) => Buffer.from(s, "latin1").toString("utf8");

describe("http-state parser suite (RFC 6265 → RFC 6265bis)", () => {
  test.each((cases as Case[]).map((c) => [c.test, c] as const))("%s", (_, c) => {
    const origin = "http://home.example.org:8888";
    const store = new CookieStore();
    for (const line of c.received) store.receive(new URL(`${origin}/cookie-parser?${c.test}`), asBytes(line));
    const sentTo = new URL(c["sent-to"] ?? `/cookie-parser-result?${c.test}`, origin);
    const sent = store.send(sentTo).map(({ name, value }) => ({ name: fromBytes(name), value: fromBytes(value) }));
    expect(sent).toEqual(RFC6265BIS[c.test] ?? c.sent);
  });

  test("every case with a new expectation is in the suite, and the expectation differs", () => {
    const byName = new Map((cases as Case[]).map((c) => [c.test, c]));
    for (const [name, expected] of Object.entries(RFC6265BIS)) {
      expect(byName.get(name)?.sent).not.toEqual(expected);
    }
  });
});

describe("http-state date examples (RFC 6265bis §5.1.1)", () => {
  test.each(examples.map((e) => [e.test, e.expected] as const))("%s", (input, expected) => {
    const time = parseCookieDate(input, 0, input.length);
    expect(Number.isNaN(time) ? null : new Date(time).toUTCString()).toBe(expected);
  });
});

describe("cookie-date: days that do not exist", () => {
  test.each([
    ["29 Feb 2024 00:00:00", Date.UTC(2024, 1, 29)],
    ["29 Feb 2100 00:00:00", NaN],
    ["29 Feb 2000 00:00:00", Date.UTC(2000, 1, 29)],
    ["30 Feb 2024 00:00:00", NaN],
    ["31 Apr 2030 00:00:00", NaN],
    ["31 Dec 2030 23:59:59", Date.UTC(2030, 11, 31, 23, 59, 59)],
  ])("%s", (input, time) => {
    expect(parseCookieDate(input, 0, input.length)).toBe(time);
  });
});

describe("cookie-date: the instant", () => {
  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  test("is Date.UTC's for every date from 1601 to 9999 that exists (days counted, not rolled over)", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(Date.UTC(1601, 0, 1)), max: new Date(Date.UTC(9999, 11, 31, 23, 59, 59)), noInvalidDate: true }),
        fc.constantFrom("imf", "rfc850", "asctime"),
        (date, form) => {
          const [day, month, year] = [date.getUTCDate(), MONTHS[date.getUTCMonth()] as string, date.getUTCFullYear()];
          const time = date.toISOString().slice(11, 19);
          const input =
            form === "imf"
              ? `Thu, ${String(day).padStart(2, "0")} ${month} ${year} ${time} GMT`
              : form === "rfc850"
                ? `Thursday, ${day}-${month}-${year} ${time} GMT`
                : `Thu ${month} ${day} ${time} ${year}`;
          expect(parseCookieDate(input, 0, input.length)).toBe(Math.floor(date.getTime() / 1000) * 1000);
        },
      ),
    );
  });

  test("the IMF-fixdate form read at fixed offsets gives what the token scan gives, also where they could differ", () => {
    const cases: [string, number][] = [
      ["Wed, 21 Oct 2037 07:28:00 GMT", Date.UTC(2037, 9, 21, 7, 28)],
      // the first token is a month, so the month is December and "Jan" is ignored
      ["Dec, 01 Jan 2024 00:00:00 GMT", Date.UTC(2024, 11, 1)],
      // a four-digit year below 100 still means 19xx or 20xx
      ["Sun, 01 Jan 0099 00:00:00 GMT", Date.UTC(1999, 0, 1)],
      ["Sun, 01 Jan 0069 00:00:00 GMT", Date.UTC(2069, 0, 1)],
      // every part is found before the zone, so whatever stands there is ignored
      ["Sun, 01 Jan 2024 00:00:00 +01", Date.UTC(2024, 0, 1)],
      ["Sun, 30 Feb 2024 00:00:00 GMT", NaN],
      ["Sun, 01 Xyz 2024 00:00:00 GMT", NaN],
      ["Sun, 01 Jan 2024 24:00:00 GMT", NaN],
      ["Sun,\t01 Jan 2024 00:00:00 GMT", Date.UTC(2024, 0, 1)],
      ["Sun, 01 Jan 2024 00:00:000GMT", NaN],
    ];
    for (const [input, time] of cases) expect(parseCookieDate(input, 0, input.length), input).toBe(time);
  });

  test("the first and last day of every month of four years around 1700, 2000 and 2100", () => {
    for (const century of [1700, 2000, 2100]) {
      for (let year = century - 1; year <= century + 2; year++) {
        for (let month = 0; month < 12; month++) {
          const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
          for (const day of [1, last]) {
            const input = `${day} ${MONTHS[month]} ${year} 12:34:56`;
            expect(parseCookieDate(input, 0, input.length), input).toBe(Date.UTC(year, month, day, 12, 34, 56));
          }
          const after = `${last + 1} ${MONTHS[month]} ${year} 12:34:56`;
          expect(parseCookieDate(after, 0, after.length), after).toBeNaN();
        }
      }
    }
  });
});
