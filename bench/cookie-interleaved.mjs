// The cookie benchmarks of bench/cookie.bench.ts, timed another way for a loaded machine: each
// contender runs 100 000 calls per round, the contenders take turns for 25 rounds, and each keeps
// its fastest round, so that time lost to other processes (which inflates vitest's means) drops
// out. Prints ns per call and ratios typed-headers / baseline. Run after `npm run build`:
//   node bench/cookie-interleaved.mjs
import * as cookie1 from "cookie1";
import * as cookie2 from "cookie2";
import setCookieParser from "set-cookie-parser";
import { cookieHeader, setCookieHeader } from "../dist/index.js";

// Flat strings, as node:http gives header values (see bench/map.bench.ts).
const flat = (s) => Buffer.from(s, "latin1").toString("latin1");
const COOKIE = flat(
  "_ga=GA1.2.1234567890.1700000000; session=9f8e7d6c5b4a39281706; theme=dark; lang=en-US; csrf=Zm9vYmFyYmF6cXV4",
);
const SET_COOKIE = [
  flat("session=9f8e7d6c5b4a39281706; Max-Age=2592000; Path=/; Secure; HttpOnly; SameSite=Lax"),
  flat("prefs=theme%3Ddark; Expires=Wed, 21 Oct 2037 07:28:00 GMT; Path=/; SameSite=Strict"),
];
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

const CALLS = 100_000;
function round(f) {
  const started = process.hrtime.bigint();
  for (let i = 0; i < CALLS; i++) f(i);
  return Number(process.hrtime.bigint() - started) / CALLS;
}
function compare(group, contenders) {
  const best = contenders.map(() => Infinity);
  for (let r = 0; r < 25; r++) contenders.forEach(([, f], k) => (best[k] = Math.min(best[k], round(f))));
  const [ours] = best;
  console.log(`${group}: typed-headers ${ours.toFixed(0)} ns`);
  contenders
    .slice(1)
    .forEach(([name], k) => console.log(`  ${name}: ${best[k + 1].toFixed(0)} ns, ratio ${(ours / best[k + 1]).toFixed(2)}x`));
}

compare("Cookie: parse a 5-cookie header", [
  ["typed-headers", () => (sink = cookieHeader.parse(COOKIE))],
  ["cookie@2 parseCookie", () => (sink = cookie2.parseCookie(COOKIE))],
  ["cookie@1 parse", () => (sink = cookie1.parse(COOKIE))],
]);
compare("Set-Cookie: serialize with path, max-age, httpOnly, secure, sameSite", [
  ["typed-headers", () => (sink = setCookieHeader.serialize([{ ...session }]))],
  ["cookie@2 stringifySetCookie", () => (sink = cookie2.stringifySetCookie({ ...session, sameSite: "lax" }))],
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
  ],
]);
compare("Set-Cookie: parse one line", [
  ["typed-headers", (i) => (sink = setCookieHeader.parse(SET_COOKIE[i & 1]))],
  ["cookie@2 parseSetCookie", (i) => (sink = cookie2.parseSetCookie(SET_COOKIE[i & 1]))],
  ["set-cookie-parser parseString", (i) => (sink = setCookieParser.parseString(SET_COOKIE[i & 1]))],
]);
export { sink };
