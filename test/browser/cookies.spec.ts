// Set-Cookie lines served byte for byte by a loopback server to headless Chromium, and the cookies
// the browser then holds (playwright's context.cookies(), which reads Chromium's store over CDP),
// compared with SetCookie.parse: a line parses exactly when Chromium keeps a cookie, and the
// cookie's name, value, path, expiry, flags and SameSite are what the parse says. Where Chromium
// departs from RFC 6265bis, the departure is an entry of CHROMIUM_DEPARTURES (docs/cookies.md).
import fc from "fast-check";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { SetCookie } from "../../src/headers/set-cookie.js";
// @ts-expect-error - a plain ES module shared with the capture script, without types
import { launchChromium } from "./chromium.mjs";
import { startRawServer } from "./raw-http-server.mjs";

/** Lines every server sends, and lines meant to trip a parser. */
const ORDINARY = [
  "sid=abc123; Path=/; HttpOnly; SameSite=Lax",
  "theme=dark; Max-Age=3600; Path=/",
  "prefs=a%3Db; Expires=Wed, 21 Oct 2037 07:28:00 GMT; Path=/app",
  "strict=1; SameSite=Strict",
  'quoted="a b"; Path=/',
  "empty=; Path=/",
  "__Secure-id=1; Secure; Path=/",
  "__Host-session=s; Secure; Path=/; HttpOnly; SameSite=Lax",
  "cross=1; Secure; SameSite=None",
  "chip=1; Secure; SameSite=None; Partitioned; Path=/",
];
const HOSTILE = [
  "nameless",
  "=only-value",
  "a=b, c=d",
  "a=1; Expires=Thu, 01 Jan 1970 00:00:01 GMT; Max-Age=3600",
  "a=1; Max-Age=60; Expires=Thu, 01 Jan 1970 00:00:01 GMT",
  "a=1; max-age=-1",
  "a=1; MAX-AGE=1e3",
  "a=1; PATH=/x; path=relative",
  "a=1; Path=/x; Path=",
  "a=1; samesite=STRICT",
  "a=1; SameSite=bogus",
  "a=1; SameSite=None",
  "a=1; Partitioned",
  "__secure-x=1",
  "__HOST-x=1; Secure",
  "__Host-x=1; Secure; Path=/; Domain=127.0.0.1",
  "=__Host-x; Secure; Path=/",
  "a=b\u0001c",
  "a=b\u007fc",
  "\ta \t=\t b \t; \tpath\t=\t/t\t",
  'a="unterminated; Path=/',
  "a=1;;; ;Secure=no",
  `big=${"v".repeat(4093)}`,
  `big=${"v".repeat(4094)}`,
  `a=1; Path=/${"p".repeat(1023)}`,
  `a=1; Path=/ok; Path=/${"p".repeat(1024)}`,
  "a=1; Expires=Mon, 01-Jan-2035 00:00:00 GMT",
  "a=1; Expires=35 jan 1 00:00:00",
  "a=1; Expires=Feb 30 2035 00:00:00",
  "a=1; Expires=1 Jan 1600 00:00:00",
  "a=b\tc",
  "a=\tb",
  "a\tb=c",
  "==x",
  '="x',
  "a==b",
];

/** Lines from parts that matter to the grammar, without CR, LF or NUL (no server can send them). */
const part = fc.constantFrom(
  "a",
  "B",
  "=",
  "==",
  ";",
  "; ",
  " ",
  "\t",
  ",",
  '"',
  "\\",
  "\u0001",
  "\u007f",
  "/",
  "x y",
  "Path=/p",
  "path",
  "Domain=",
  "Secure",
  "secure=",
  "HttpOnly",
  "Max-Age=5",
  "max-age=-3",
  "Expires=Fri, 01 Jan 2038 00:00:00 GMT",
  "SameSite=Lax",
  "samesite=none",
  "Partitioned",
  "__Host-",
  "__Secure-",
);
const GENERATED = fc.sample(
  fc.array(part, { minLength: 1, maxLength: 10 }).map((parts) => parts.join("")),
  { numRuns: 60, seed: 15 },
);

/** What a cookie looks like in Chromium's store, reduced to what Set-Cookie decides. */
interface Held {
  name: string;
  value: string;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: string;
  partitioned: boolean;
  /** Seconds since the epoch, or -1 for a session cookie. */
  expires: number;
}

const FOUR_HUNDRED_DAYS = 400 * 24 * 3600;

/** What the parse says Chromium holds after the line, at `now` (seconds). */
function expected(line: string, now: number): (Omit<Held, "expires"> & { expires: number }) | null {
  const parsed = SetCookie.parse(line);
  if (!parsed.ok) return null;
  const c = parsed.value;
  let expires = -1;
  if (c.maxAge !== undefined) expires = c.maxAge <= 0 ? 0 : now + Math.min(c.maxAge, FOUR_HUNDRED_DAYS);
  else if (c.expires !== undefined) expires = Math.min(c.expires.getTime() / 1000, now + FOUR_HUNDRED_DAYS);
  if (expires === 0 || (expires !== -1 && expires < now)) return null; // expired: deleted, not held
  return {
    name: c.name,
    value: c.value,
    path: c.path ?? "/",
    secure: c.secure === true,
    httpOnly: c.httpOnly === true,
    // Chromium treats an absent SameSite as Lax and playwright reports it so.
    sameSite: c.sameSite ?? "Lax",
    partitioned: c.partitioned === true,
    expires,
  };
}

let server: Awaited<ReturnType<typeof startRawServer>>;
let browser: { newContext(): Promise<BrowserContext>; close(): Promise<void> };
let context: BrowserContext;
let page: Page;
const lines: string[] = [];

beforeAll(async () => {
  server = await startRawServer((request) => {
    // Only /set?i=N sets a cookie (not /favicon.ico, which Chromium asks for after each page).
    const url = new URL(request.path, "http://x");
    const line = url.pathname === "/set" ? lines[Number(url.searchParams.get("i"))] : undefined;
    return {
      status: 200,
      lines: [...(line === undefined ? [] : [`Set-Cookie: ${line}`]), "Content-Type: text/plain"],
      body: "ok",
    };
  });
  browser = await launchChromium();
  context = await browser.newContext();
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Serves `line` to Chromium and returns the cookies it then holds. */
async function hold(line: string): Promise<Held[]> {
  await context.clearCookies();
  lines.push(line);
  await page.goto(`http://127.0.0.1:${server.port}/set?i=${lines.length - 1}`);
  return (await context.cookies()).map((c) => ({
    name: c.name,
    value: c.value,
    path: c.path,
    secure: c.secure,
    httpOnly: c.httpOnly,
    sameSite: c.sameSite,
    partitioned: (c as { partitionKey?: string }).partitionKey !== undefined,
    expires: c.expires,
  }));
}

/**
 * Where Chromium departs from RFC 6265bis, by what the line holds: the departure's description
 * (also in docs/cookies.md), and what Chromium does instead. SetCookie.parse follows the RFC.
 */
function chromiumDeparture(line: string): { why: string; chromium: "refuses" | "keeps" } | undefined {
  const parsed = SetCookie.parse(line);
  if (parsed.ok) {
    const { name, value, expires, maxAge } = parsed.value;
    if (name.includes("\t") || value.includes("\t"))
      return { why: "refuses an HTAB inside a cookie's name or value (§5.6 allows it)", chromium: "refuses" };
    if (name === "" && value.includes("="))
      return { why: 'refuses a nameless cookie whose value holds "=" (§5.6 keeps it)', chromium: "refuses" };
    if (expires === undefined && maxAge === undefined && /expires=[^;]*\b(1[0-5]\d\d|1600)\b/i.test(line)) {
      return {
        why: "takes an Expires year before 1601 as the earliest date and drops the cookie (§5.1.1 fails the date, so the cookie lasts the session)",
        chromium: "refuses",
      };
    }
  } else if (/^__host-/i.test(line) && /domain=127\.0\.0\.1/i.test(line) && parsed.error.code === "invalid-cookie-prefix") {
    return {
      why: "keeps a __Host- cookie whose Domain is the request's IP address, as host-only (§5.7 requires no Domain)",
      chromium: "keeps",
    };
  }
  return undefined;
}

test("Chromium holds exactly the cookie SetCookie.parse describes, except where it departs from RFC 6265bis", async () => {
  const report: string[] = [];
  const departures = new Set<string>();
  for (const line of [...ORDINARY, ...HOSTILE, ...GENERATED]) {
    const now = Date.now() / 1000;
    const held = await hold(line);
    const departure = chromiumDeparture(line);
    if (departure !== undefined) {
      departures.add(departure.why);
      // The departure is still what Chromium does: it holds nothing, or the one cookie it keeps.
      const named = line.slice(0, line.indexOf("="));
      if (departure.chromium === "refuses" ? held.length !== 0 : held.length !== 1 || held[0]?.name !== named) {
        report.push(`${JSON.stringify(line)}: Chromium no longer ${departure.why}; it holds ${JSON.stringify(held)}`);
      }
      continue;
    }
    const want = expected(line, now);
    const got = held[0] ?? null;
    const same =
      want === null
        ? got === null
        : got !== null &&
          held.length === 1 &&
          got.name === want.name &&
          got.value === want.value &&
          got.path === want.path &&
          got.secure === want.secure &&
          got.httpOnly === want.httpOnly &&
          got.sameSite === want.sameSite &&
          got.partitioned === want.partitioned &&
          (want.expires === -1 ? got.expires === -1 : Math.abs(got.expires - want.expires) < 10);
    if (!same) report.push(`${JSON.stringify(line)}\n   parse: ${JSON.stringify(want)}\n   chromium: ${JSON.stringify(held)}`);
  }
  expect(report).toEqual([]);
  // Every documented departure was seen (the hand-written lines cover each one).
  expect(departures.size).toBe(4);
});
