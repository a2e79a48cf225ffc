// The benchmarks' inputs are the real objects servers hand a handler (bench/real-inputs.ts). These
// tests pin their shape — prototype, key case, value types — so that a hand-built mock cannot
// take their place unnoticed.
import { IncomingMessage } from "node:http";
import { HonoRequest } from "hono/request";
import { describe, expect, test } from "vitest";
import { ACTUAL_LINES, PREFLIGHT_LINES, realInputs, VARIED_PAGES } from "../../bench/real-inputs.js";

const kinds = [
  ["preflight", "OPTIONS", PREFLIGHT_LINES],
  ["actual", "GET", ACTUAL_LINES],
] as const;

describe.each(kinds)("the captured %s request", (kind, method, lines) => {
  const request = realInputs[kind];

  test("node: an IncomingMessage with Node's own headers record and rawHeaders", () => {
    const req = request.node;
    expect(Object.getPrototypeOf(req)).toBe(IncomingMessage.prototype);
    expect(req.method).toBe(method);
    expect(Object.getPrototypeOf(req.headers)).toBe(Object.prototype);
    const keys = Object.keys(req.headers);
    expect(keys).toEqual(lines.map(([name]) => name.toLowerCase()));
    for (const key of keys) expect(typeof req.headers[key]).toBe("string");
    expect(req.rawHeaders).toEqual(lines.flat());
    expect(req.rawHeaders.some((name) => name !== name.toLowerCase())).toBe(true);
  });

  test("express: Express's request object over an IncomingMessage", () => {
    const req = request.express;
    expect(req).toBeInstanceOf(IncomingMessage);
    expect(Object.getPrototypeOf(req)).not.toBe(IncomingMessage.prototype);
    expect(typeof (req as unknown as { get: unknown }).get).toBe("function");
    expect(Object.getPrototypeOf(req.headers)).toBe(Object.prototype);
    expect(req.headers).toEqual(request.node.headers);
  });

  test("hono: Hono's request, whose raw Request came from @hono/node-server", () => {
    expect(request.hono).toBeInstanceOf(HonoRequest);
    expect(request.hono.raw).toBe(request.fetch);
    expect(request.hono.method).toBe(method);
    expect(request.hono.header("origin")).toBe("https://app.example.com");
  });

  test("fetch: the adapter's Request, with a Headers-like object of its own", () => {
    // (Booleans: handing the Request itself to expect() makes it read the body of a closed request.)
    expect(request.fetch instanceof Request).toBe(true);
    expect(Object.getPrototypeOf(request.fetch) === Request.prototype).toBe(false);
    expect(request.fetch.headers instanceof Headers).toBe(true);
    expect([...request.fetch.headers].length).toBe(lines.length);
  });

  test("undici: a Request and Headers of Node's own classes", () => {
    expect(Object.getPrototypeOf(request.undici)).toBe(Request.prototype);
    expect(Object.getPrototypeOf(request.undici.headers)).toBe(Headers.prototype);
    expect(request.undici.method).toBe(method);
    expect(request.undici.headers.get("access-control-request-method")).toBe(kind === "preflight" ? "PATCH" : null);
  });
});

test("the varied preflights: IncomingMessages from different pages, no two origins alike", () => {
  const origins = new Set<string | undefined>();
  for (const req of realInputs.variedPreflights) {
    expect(Object.getPrototypeOf(req)).toBe(IncomingMessage.prototype);
    expect(req.method).toBe("OPTIONS");
    expect(Object.getPrototypeOf(req.headers)).toBe(Object.prototype);
    expect(Object.keys(req.headers)).toEqual(PREFLIGHT_LINES.map(([name]) => name.toLowerCase()));
    origins.add(req.headers.origin);
  }
  expect(origins.size).toBe(VARIED_PAGES);
});
