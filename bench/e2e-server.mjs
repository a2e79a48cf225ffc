// One node:http server for bench/e2e.mjs, in a process of its own so that the load generator and
// the server do not share an event loop. Usage: node bench/e2e-server.mjs <variant>; it prints
// its port on 127.0.0.1 and serves until its parent closes its standard input; each line it
// reads there is answered with the CPU time it has used so far (µs), one line on its output.
// Variants answer the same CORS requests with the same headers:
//   typed-headers   nodeCors(corsPolicy(config))
//   hand-written    fixed strings and a Set of origins, written with the fewest Node calls
//   expressjs-cors  the cors package as node:http middleware
import { createServer } from "node:http";
import expressCors from "cors";
import { corsPolicy } from "../dist/index.js";
import { nodeCors } from "../dist/node.js";

// One configuration, spelled in each library's option names.
const ORIGINS = ["https://app.example.com", "https://admin.example.com"];
const METHODS = ["GET", "POST", "PATCH", "DELETE"];
const ALLOWED_HEADERS = ["authorization", "content-type", "x-request-id"];
const EXPOSED_HEADERS = ["x-total"];
const MAX_AGE = 600;

const handlers = {
  "typed-headers"() {
    const cors = nodeCors(
      corsPolicy({
        origins: ORIGINS,
        credentials: true,
        methods: METHODS,
        allowedHeaders: ALLOWED_HEADERS,
        exposedHeaders: EXPOSED_HEADERS,
        maxAge: MAX_AGE,
      }),
    );
    return (req, res) => {
      if (cors(req, res)) return;
      res.end("ok");
    };
  },
  "hand-written"() {
    const allowed = new Set(ORIGINS);
    return (req, res) => {
      const origin = req.headers.origin;
      const preflight = req.method === "OPTIONS" && req.headers["access-control-request-method"] !== undefined;
      if (preflight) {
        if (origin === undefined || !allowed.has(origin)) {
          res
            .writeHead(403, [
              "vary",
              "origin, access-control-request-method, access-control-request-headers, access-control-request-private-network",
            ])
            .end();
          return;
        }
        const head = [
          "vary",
          "origin, access-control-request-method, access-control-request-headers, access-control-request-private-network",
          "access-control-allow-origin",
          origin,
          "access-control-allow-credentials",
          "true",
          "access-control-allow-methods",
          "PATCH, DELETE",
        ];
        if (req.headers["access-control-request-headers"] !== undefined) {
          head.push("access-control-allow-headers", "authorization, content-type, x-request-id");
        }
        head.push("access-control-max-age", "600");
        res.writeHead(204, head).end();
        return;
      }
      res.setHeader("vary", "origin");
      if (origin !== undefined && allowed.has(origin)) {
        res.setHeader("access-control-allow-origin", origin);
        res.setHeader("access-control-allow-credentials", "true");
        res.setHeader("access-control-expose-headers", "x-total");
      }
      res.end("ok");
    };
  },
  "expressjs-cors"() {
    const cors = expressCors({
      origin: ORIGINS,
      credentials: true,
      methods: METHODS,
      allowedHeaders: ALLOWED_HEADERS,
      exposedHeaders: EXPOSED_HEADERS,
      maxAge: MAX_AGE,
    });
    return (req, res) => cors(req, res, () => res.end("ok"));
  },
};

const variant = process.argv[2];
const make = handlers[variant];
if (make === undefined) {
  console.error(`usage: node bench/e2e-server.mjs <${Object.keys(handlers).join("|")}>`);
  process.exit(2);
}
const server = createServer(make());
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => console.log(server.address().port));
process.stdin.setEncoding("utf8");
process.stdin.on("data", (text) => {
  for (let i = 0; i < text.split("\n").length - 1; i++) {
    const { user, system } = process.cpuUsage();
    console.log(user + system);
  }
});
process.stdin.on("end", () => process.exit(0));
