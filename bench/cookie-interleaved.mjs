// The cookie benchmarks (issue 15): cookie@2, cookie@1 and set-cookie-parser next to ours, timed
// so that a loaded machine does not skew them: the contenders of each group take turns and each
// keeps its fastest round (bench/interleave.mjs).
// Inputs come from a real node:http exchange over loopback: the Cookie header as IncomingMessage
// gives it, and the Set-Cookie lines as fetch receives them.
// Run after `npm run build`: node bench/cookie-interleaved.mjs [--quick]
import * as cookie1 from "cookie1";
import * as cookie2 from "cookie2";
import setCookieParser from "set-cookie-parser";
import { cookieHeader, setCookieHeader } from "../dist/index.js";
import { compare, exchange, printTable } from "./interleave.mjs";

const COOKIE = "_ga=GA1.2.1234567890.1700000000; session=9f8e7d6c5b4a39281706; theme=dark; lang=en-US; csrf=Zm9vYmFyYmF6cXV4";
const SET_COOKIE = [
  "session=9f8e7d6c5b4a39281706; Max-Age=2592000; Path=/; Secure; HttpOnly; SameSite=Lax",
  "prefs=theme%3Ddark; Expires=Wed, 21 Oct 2037 07:28:00 GMT; Path=/; SameSite=Strict",
];
const real = await exchange({ cookie: COOKIE }, { "set-cookie": SET_COOKIE });
if (real.requestHeaders.cookie !== COOKIE || real.setCookie.join("\n") !== SET_COOKIE.join("\n")) {
  throw new Error("bench/cookie-interleaved.mjs: the loopback exchange did not carry the headers");
}
const cookieLine = real.requestHeaders.cookie;
const setCookieLines = real.setCookie;

// A new object per call, as a server builds one per response: nothing is served from a memo.
const session = {
  name: "session",
  value: "9f8e7d6c5b4a39281706",
  path: "/",
  maxAge: 2592000,
  httpOnly: true,
  secure: true,
  sameSite: "Lax",
};
let sink;

compare("Cookie: parse a 5-cookie header", [
  ["typed-headers", () => (sink = cookieHeader.parse(cookieLine))],
  ["cookie@2 parseCookie", () => (sink = cookie2.parseCookie(cookieLine)), 1],
  ["cookie@1 parse", () => (sink = cookie1.parse(cookieLine))],
]);
compare("Set-Cookie: serialize with path, max-age, httpOnly, secure, sameSite", [
  ["typed-headers", () => (sink = setCookieHeader.serialize([{ ...session }]))],
  ["cookie@2 stringifySetCookie", () => (sink = cookie2.stringifySetCookie({ ...session, sameSite: "lax" })), 2],
  [
    "cookie@1 serialize",
    () =>
      (sink = cookie1.serialize(session.name, session.value, {
        path: "/",
        maxAge: 2592000,
        httpOnly: true,
        secure: true,
        sameSite: "lax",
      })),
    0.1,
  ],
]);
compare("Set-Cookie: parse one line", [
  ["typed-headers", (i) => (sink = setCookieHeader.parse(setCookieLines[i & 1]))],
  ["cookie@2 parseSetCookie", (i) => (sink = cookie2.parseSetCookie(setCookieLines[i & 1])), 1],
  ["set-cookie-parser parseString", (i) => (sink = setCookieParser.parseString(setCookieLines[i & 1])), 1 / 3],
]);
printTable("Cookie and Set-Cookie (issue 15): bench/cookie-interleaved.mjs");
export { sink };
