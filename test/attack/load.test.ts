// The standing attack suite, part 3: bounded load over loopback against both adapters, with a
// mix of allowed, refused and malformed requests written byte for byte on raw sockets. Laws: the
// servers never fail or crash, every response carries exactly the CORS headers the policy's
// rules call for (Access-Control-Allow-Origin only for an allowed origin, echoed byte for byte,
// once), and preflights get 204 or 403.
//
// Short form in `npm test` (a few hundred requests); the long form is `npm run test:attack`
// (ATTACK_LOAD_REQUESTS requests or ATTACK_LOAD_SECONDS seconds, whichever comes first).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { corsPolicy, fetchCors, FieldName } from "typed-headers";
import { nodeCors } from "typed-headers/node";

const REQUESTS = Number(process.env.ATTACK_LOAD_REQUESTS ?? 110);
const SECONDS = Number(process.env.ATTACK_LOAD_SECONDS ?? 20);
const CONCURRENCY = 16;

const ALLOWED = ["https://app.example", "https://a.preview.example", "http://localhost:5173"];
const policy = corsPolicy({
  origins: ["https://app.example", "https://*.preview.example", "http://localhost:*"],
  credentials: true,
  methods: ["PUT", "DELETE"],
  allowedHeaders: ["content-type", "x-request-id"],
  exposedHeaders: [FieldName.from("x-total")],
  maxAge: 600,
});

/** One request of the mix: its head as written on the wire, and what the answer must be. */
interface Case {
  readonly label: string;
  readonly head: string;
  /** The origin that must be echoed, or null when no Access-Control-Allow-Origin may be sent. */
  readonly echo: string | null;
  /** Acceptable statuses. */
  readonly statuses: readonly number[];
}

const REFUSED = [
  "https://evil.example",
  "https://app.example.evil",
  "https://preview.example",
  "http://app.example",
  "null",
  "https://APP.example",
  "https://app.example/",
];
const MALFORMED = [
  "https://app.example, https://evil.example",
  "https://app.example\u0001",
  "https://app.example:443",
  " ",
  "https://[::1%25x]",
  "x".repeat(5000),
  "https://a.preview.example\u00ff",
];

function head(method: string, lines: readonly string[]): string {
  return `${method} /items HTTP/1.1\r\nHost: 127.0.0.1\r\n${lines.map((line) => `${line}\r\n`).join("")}Connection: close\r\n\r\n`;
}

/** The mix: every combination of origin kind and request kind. */
function cases(): Case[] {
  const out: Case[] = [];
  const origins: [string, string | null][] = [
    ...ALLOWED.map((o): [string, string] => [o, o]),
    ...REFUSED.map((o): [string, null] => [o, null]),
    ...MALFORMED.map((o): [string, null] => [o, null]),
  ];
  for (const [origin, allowed] of origins) {
    out.push({ label: `GET from ${origin}`, head: head("GET", [`Origin: ${origin}`]), echo: allowed, statuses: [200, 400] });
    out.push({
      label: `preflight PUT from ${origin}`,
      head: head("OPTIONS", [
        `Origin: ${origin}`,
        "Access-Control-Request-Method: PUT",
        "Access-Control-Request-Headers: content-type,x-request-id",
      ]),
      echo: allowed,
      statuses: allowed === null ? [403, 400] : [204],
    });
    out.push({
      label: `refused preflight PATCH from ${origin}`,
      head: head("OPTIONS", [`Origin: ${origin}`, "Access-Control-Request-Method: PATCH"]),
      echo: null,
      statuses: [403, 400],
    });
    out.push({
      label: `preflight with a refused header from ${origin}`,
      head: head("OPTIONS", [
        `Origin: ${origin}`,
        "Access-Control-Request-Method: GET",
        "Access-Control-Request-Headers: cookie",
      ]),
      echo: null,
      statuses: [403, 400],
    });
    out.push({
      label: `malformed ACRM from ${origin}`,
      head: head("OPTIONS", [`Origin: ${origin}`, "Access-Control-Request-Method: GE T"]),
      echo: null,
      statuses: [403, 400],
    });
    out.push({
      label: `two Origin lines, first ${origin}`,
      head: head("GET", [`Origin: ${origin}`, "Origin: https://evil.example"]),
      echo: null,
      statuses: [200, 400],
    });
  }
  out.push({ label: "no Origin", head: head("GET", []), echo: null, statuses: [200] });
  out.push({
    label: "OPTIONS without Origin",
    head: head("OPTIONS", ["Access-Control-Request-Method: PUT"]),
    echo: null,
    statuses: [200],
  });
  out.push({
    label: "a huge ACRH",
    head: head("OPTIONS", [
      "Origin: https://app.example",
      "Access-Control-Request-Method: PUT",
      `Access-Control-Request-Headers: ${"a,".repeat(3000)}`,
    ]),
    echo: null,
    statuses: [403, 431, 400],
  });
  out.push({ label: "a garbage request line", head: "\u0000\u0001 garbage\r\n\r\n", echo: null, statuses: [400] });
  return out;
}

interface Answer {
  readonly status: number;
  readonly lines: readonly [string, string][];
}

/** Writes `text` on a new connection and reads the whole answer (the server closes it). */
function exchange(port: number, text: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    socket.setTimeout(10_000, () => socket.destroy(new Error("timeout")));
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("error", reject);
    socket.on("close", () => {
      const raw = Buffer.concat(chunks).toString("latin1");
      const [status = "", ...rest] = raw.slice(0, raw.indexOf("\r\n\r\n")).split("\r\n");
      const lines = rest.map((line): [string, string] => [
        line.slice(0, line.indexOf(":")).toLowerCase(),
        line.slice(line.indexOf(":") + 1).trim(),
      ]);
      resolve({ status: Number(status.split(" ")[1]), lines });
    });
    socket.end(Buffer.from(text, "latin1"));
  });
}

/** What went wrong on the server side: handler exceptions and server errors. */
const serverFailures: string[] = [];

function nodeServer(): Server {
  const cors = nodeCors(policy);
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    try {
      res.setHeader("Vary", "Accept-Encoding");
      if (cors(req, res)) return;
      res.setHeader("X-Total", "3");
      res.end("ok");
    } catch (error) {
      serverFailures.push(`nodeCors: ${String(error)}`);
      res.statusCode = 500;
      res.end();
    }
  });
}

/** node:http in front of fetchCors, as a Fetch runtime would call it. */
function fetchServer(): Server {
  const cors = fetchCors(policy);
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    try {
      const headers = new Headers();
      for (let i = 0; i + 1 < req.rawHeaders.length; i += 2)
        headers.append(req.rawHeaders[i] as string, req.rawHeaders[i + 1] as string);
      const { preflight, apply } = cors(
        new Request(`http://127.0.0.1${req.url ?? "/"}`, { method: req.method ?? "GET", headers }),
      );
      const response = preflight ?? apply(new Response("ok", { headers: { vary: "Accept-Encoding", "x-total": "3" } }));
      res.writeHead(response.status, [...response.headers].flat());
      res.end();
    } catch (error) {
      // new Request() refuses some inputs Node's parser lets through (e.g. a method it forbids):
      // that is the runtime's answer, not the adapter's; anything else is a failure.
      const message = String(error);
      if (!/Request|Headers|method|header/i.test(message) || /typed-headers/.test(message))
        serverFailures.push(`fetchCors: ${message}`);
      res.statusCode = 400;
      res.end();
    }
  });
}

const servers: [string, Server][] = [
  ["nodeCors", nodeServer()],
  ["fetchCors", fetchServer()],
];

beforeAll(async () => {
  for (const [name, server] of servers) {
    server.on("error", (error) => serverFailures.push(`${name} server: ${String(error)}`));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  }
});
afterAll(async () => {
  for (const [, server] of servers) await new Promise((resolve) => server.close(resolve));
});

/** The laws for one answer. */
function checkAnswer(adapter: string, request: Case, answer: Answer): void {
  const what = `${adapter}: ${request.label}`;
  expect(request.statuses, `${what}: status ${answer.status}`).toContain(answer.status);
  const acao = answer.lines.filter(([name]) => name === "access-control-allow-origin").map(([, value]) => value);
  if (answer.status === 400 && request.echo === null) return;
  expect(acao, what).toEqual(request.echo === null ? [] : [request.echo]);
  const acac = answer.lines.filter(([name]) => name === "access-control-allow-credentials").map(([, value]) => value);
  expect(acac, what).toEqual(request.echo === null ? [] : ["true"]);
  if (request.head.includes("Origin:")) {
    const vary = answer.lines
      .filter(([name]) => name === "vary")
      .map(([, value]) => value)
      .join(", ")
      .toLowerCase();
    expect(vary, what).toContain("origin");
    // The app's own Vary is kept (fetchCors answers preflights with a response of its own).
    if (!(adapter === "fetchCors" && request.head.startsWith("OPTIONS"))) expect(vary, what).toContain("accept-encoding");
  }
}

describe(`load over loopback: ${REQUESTS} requests or ${SECONDS} s per adapter`, () => {
  const mix = cases();
  for (const [name, server] of servers) {
    test(
      name,
      async () => {
        const { port } = server.address() as AddressInfo;
        const deadline = Date.now() + SECONDS * 1000;
        let sent = 0;
        let next = 0;
        const worker = async () => {
          while (sent < REQUESTS && Date.now() < deadline) {
            sent++;
            const request = mix[next++ % mix.length] as Case;
            checkAnswer(name, request, await exchange(port, request.head));
          }
        };
        const started = Date.now();
        await Promise.all(Array.from({ length: CONCURRENCY }, worker));
        console.info(
          `load, ${name}: ${sent} requests in ${((Date.now() - started) / 1000).toFixed(1)} s, ${CONCURRENCY} at a time`,
        );
        expect(serverFailures).toEqual([]);
        expect(sent).toBeGreaterThanOrEqual(Math.min(REQUESTS, mix.length));
        expect(server.listening).toBe(true);
      },
      (SECONDS + 60) * 1000,
    );
  }
});
