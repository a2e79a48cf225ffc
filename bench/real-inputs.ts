// Request objects as servers really hand them to a handler, captured once over loopback before
// anything is measured: the inputs of every benchmark and performance test (issue 10). A
// hand-built record is not the same input: Node's req.headers has Object.prototype as its
// prototype, Hono's Request reads its headers through an adapter, and so on, and each takes a
// different path through HeaderMap. test/bench/real-inputs.test.ts pins the shape of each object.
import { readFileSync } from "node:fs";
import { createConnection } from "node:net";
import { createServer, IncomingMessage, ServerResponse, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import express from "express";
import { Hono, type HonoRequest } from "hono";

/**
 * The field lines of a Chromium 156 preflight for `fetch(url, { method: "PATCH", headers:
 * { authorization, "content-type": "application/json", "x-request-id" } })`, in the order and
 * case Chromium sends them (14 lines; bench/chromium-preflight.json, shared with bench/e2e.mjs).
 */
export const PREFLIGHT_LINES: readonly (readonly [string, string])[] = JSON.parse(
  readFileSync(new URL("./chromium-preflight.json", import.meta.url), "utf8"),
) as [string, string][];

/** The origin of the page in every captured request. */
export const PAGE_ORIGIN = (PREFLIGHT_LINES.find(([name]) => name === "Origin") as [string, string])[1];

/** The actual GET that follows a CORS-safelisted fetch: the preflight's lines without ACRM/ACRH. */
export const ACTUAL_LINES: readonly (readonly [string, string])[] = PREFLIGHT_LINES.filter(
  ([name]) => !name.startsWith("Access-Control-Request-"),
);

/** One request in each shape a server hands it over. */
export interface RealRequest {
  /** node:http's `IncomingMessage` (its `headers` and `rawHeaders` as Node filled them). */
  readonly node: IncomingMessage;
  /** Express 5's `req` (an `IncomingMessage` whose prototype is the app's request object). */
  readonly express: IncomingMessage;
  /** Hono's `c.req`, served on node:http by `@hono/node-server`. */
  readonly hono: HonoRequest;
  /** The Fetch `Request` that `@hono/node-server` hands a fetch handler (`c.req.raw`). */
  readonly fetch: Request;
  /** The same request materialized as an undici `Request` (`request.clone()`), as Fetch code that copies it gets. */
  readonly undici: Request;
}

/** A captured preflight and actual request. */
export interface RealInputs {
  readonly preflight: RealRequest;
  readonly actual: RealRequest;
  /**
   * node:http's `IncomingMessage`s for the preflight sent from {@link VARIED_PAGES} pages, each
   * with its own Origin and Access-Control-Request-Headers: input where no line repeats the one
   * before (a server's hot path sees the same lines again and again; this is the other case).
   */
  readonly variedPreflights: readonly IncomingMessage[];
}

/** How many pages {@link RealInputs.variedPreflights} come from. */
export const VARIED_PAGES = 4;

/** The preflight's lines as page `i` sends them: its own origin and one more request header. */
function variedPreflightLines(i: number): (readonly [string, string])[] {
  return PREFLIGHT_LINES.map(([name, value]): readonly [string, string] => {
    if (name === "Origin") return [name, `https://app${i}.example.com`];
    if (name === "Access-Control-Request-Headers") return [name, `${value},x-page-${i}`];
    return [name, value];
  });
}

/** The request text a browser writes on the socket. */
function requestText(method: string, lines: readonly (readonly [string, string])[]): string {
  return `${method} /items HTTP/1.1\r\n${lines.map(([name, value]) => `${name}: ${value}\r\n`).join("")}\r\n`;
}

/** Starts `server` on 127.0.0.1, writes each request as raw bytes on one socket, then closes it. */
async function sendOverLoopback(server: Server, requests: readonly string[]): Promise<void> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  try {
    for (const text of requests) {
      await new Promise<void>((resolve, reject) => {
        const socket = createConnection({ host: "127.0.0.1", port }, () => socket.write(text));
        socket.once("data", () => {
          socket.destroy();
          resolve();
        });
        socket.once("error", reject);
      });
    }
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Runs one server per framework and keeps the request objects each handed its handler. */
export async function captureRealInputs(): Promise<RealInputs> {
  const texts = [requestText("OPTIONS", PREFLIGHT_LINES), requestText("GET", ACTUAL_LINES)];

  const node: IncomingMessage[] = [];
  const variedTexts = Array.from({ length: VARIED_PAGES }, (_, i) => requestText("OPTIONS", variedPreflightLines(i)));
  await sendOverLoopback(
    createServer((req, res) => {
      node.push(req);
      res.end();
    }),
    [...texts, ...variedTexts],
  );

  const fromExpress: IncomingMessage[] = [];
  const app = express();
  app.use((req, res) => {
    fromExpress.push(req);
    res.end();
  });
  await sendOverLoopback(createServer(app), texts);

  const fromHono: HonoRequest[] = [];
  const hono = new Hono();
  hono.all("*", (c) => {
    fromHono.push(c.req);
    return c.body(null, 204);
  });
  // overrideGlobalObjects: false keeps Node's own Request and Response globals for the baselines.
  await sendOverLoopback(createServer(getRequestListener(hono.fetch, { overrideGlobalObjects: false })), texts);

  const shapes = [0, 1].map((i): RealRequest => {
    const hono = fromHono[i] as HonoRequest;
    return {
      node: node[i] as IncomingMessage,
      express: fromExpress[i] as IncomingMessage,
      hono,
      fetch: hono.raw,
      undici: hono.raw.clone(),
    };
  });
  return { preflight: shapes[0] as RealRequest, actual: shapes[1] as RealRequest, variedPreflights: node.slice(2) };
}

/**
 * A fresh `ServerResponse` for `req`, as node:http creates one per request (not attached to a
 * socket: what a handler writes stays in its buffer).
 */
export function responseFor(req: IncomingMessage): ServerResponse {
  return new ServerResponse(req);
}

/** The captured requests (one capture per process). */
export const realInputs: RealInputs = await captureRealInputs();
