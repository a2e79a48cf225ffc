// Cookie and Set-Cookie (issue 15) next to the packages servers use today: cookie@2 (ESM only; it
// declares Node >= 22 but runs on Node 20), cookie@1 (its serializer is the slow one with
// options), and set-cookie-parser. Inputs come from a real node:http exchange over loopback: the
// Cookie header as IncomingMessage gives it, and the Set-Cookie lines as fetch receives them.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import * as cookie1 from "cookie1";
import * as cookie2 from "cookie2";
import setCookieParser from "set-cookie-parser";
import { bench, describe } from "vitest";
// The built package, as users run it (see parse.bench.ts).
import { cookieHeader, setCookieHeader } from "../dist/index.js";

const COOKIE = "_ga=GA1.2.1234567890.1700000000; session=9f8e7d6c5b4a39281706; theme=dark; lang=en-US; csrf=Zm9vYmFyYmF6cXV4";
const SET_COOKIE = [
  "session=9f8e7d6c5b4a39281706; Max-Age=2592000; Path=/; Secure; HttpOnly; SameSite=Lax",
  "prefs=theme%3Ddark; Expires=Wed, 21 Oct 2037 07:28:00 GMT; Path=/; SameSite=Strict",
];

/** One request and response over loopback: what the server reads and what the client receives. */
async function exchange(): Promise<{ cookie: string; setCookie: string[] }> {
  let cookie = "";
  const server = createServer((req, res) => {
    cookie = req.headers.cookie ?? "";
    res.setHeader("set-cookie", SET_COOKIE);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { headers: { cookie: COOKIE } });
  await response.arrayBuffer();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return { cookie, setCookie: response.headers.getSetCookie() };
}

const real = await exchange();
if (real.cookie !== COOKIE || real.setCookie.length !== 2)
  throw new Error("bench/cookie.bench.ts: the loopback exchange did not carry the headers");
const cookieLine = real.cookie;
const setCookieLines = real.setCookie;

/** Calls per iteration, so that the harness's own per-iteration cost does not flatten ratios. */
const BATCH = 16;
let sink: unknown;

describe("Cookie: parse a 5-cookie header", () => {
  bench("typed-headers cookieHeader.parse", () => {
    for (let i = 0; i < BATCH; i++) sink = cookieHeader.parse(cookieLine);
  });
  bench("baseline: cookie@2 parseCookie", () => {
    for (let i = 0; i < BATCH; i++) sink = cookie2.parseCookie(cookieLine);
  });
  bench("baseline: cookie@1 parse", () => {
    for (let i = 0; i < BATCH; i++) sink = cookie1.parse(cookieLine);
  });
});

// A new array per call, as a server builds per response: nothing is served from a memo.
const session = {
  name: "session",
  value: "9f8e7d6c5b4a39281706",
  path: "/",
  maxAge: 2592000,
  httpOnly: true,
  secure: true,
  sameSite: "Lax",
} as const;

describe("Set-Cookie: serialize with path, max-age, httpOnly, secure, sameSite", () => {
  bench("typed-headers setCookieHeader.serialize", () => {
    for (let i = 0; i < BATCH; i++) sink = setCookieHeader.serialize([{ ...session }]);
  });
  bench("baseline: cookie@2 stringifySetCookie", () => {
    for (let i = 0; i < BATCH; i++) sink = cookie2.stringifySetCookie({ ...session, sameSite: "lax" });
  });
  bench("baseline: cookie@1 serialize", () => {
    for (let i = 0; i < BATCH; i++) {
      sink = cookie1.serialize(session.name, session.value, {
        path: "/",
        maxAge: 2592000,
        httpOnly: true,
        secure: true,
        sameSite: "lax",
      });
    }
  });
});

describe("Set-Cookie: parse one line", () => {
  bench("typed-headers setCookieHeader.parse", () => {
    for (let i = 0; i < BATCH; i++) sink = setCookieHeader.parse(setCookieLines[i & 1] as string);
  });
  bench("baseline: cookie@2 parseSetCookie", () => {
    for (let i = 0; i < BATCH; i++) sink = cookie2.parseSetCookie(setCookieLines[i & 1] as string);
  });
  bench("baseline: set-cookie-parser parseString", () => {
    for (let i = 0; i < BATCH; i++) sink = setCookieParser.parseString(setCookieLines[i & 1] as string);
  });
});

export { sink };
