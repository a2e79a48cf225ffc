// HeaderMap, policy.handle and nodeCors on requests a real node:http server received over
// loopback (bench/real-inputs.ts): Node's req.headers is read where it is, by name, never copied.
import { ServerResponse } from "node:http";
import { describe, expect, test } from "vitest";
import { captureRealInputs } from "../../bench/real-inputs.js";
import { corsPolicy, HeaderMap } from "typed-headers";
import { nodeCors } from "typed-headers/node";

const inputs = await captureRealInputs();

/** `headers` behind a Proxy that records which keys are read and how often the keys are listed. */
function watched<T extends object>(headers: T) {
  const read: string[] = [];
  let listed = 0;
  const proxy = new Proxy(headers, {
    get(target, key, receiver) {
      if (typeof key === "string") read.push(key);
      return Reflect.get(target, key, receiver);
    },
    ownKeys(target) {
      listed++;
      return Reflect.ownKeys(target);
    },
  });
  return { proxy, read, listed: () => listed };
}

const policy = corsPolicy({
  origins: ["https://app.example.com"],
  credentials: true,
  methods: ["PATCH"],
  allowedHeaders: ["authorization", "content-type", "x-request-id"],
  maxAge: 600,
});

describe("Node's real req.headers", () => {
  test("HeaderMap.from reads the three CORS headers by name, without listing or copying the record", () => {
    const { proxy, read, listed } = watched(inputs.preflight.node.headers);
    const map = HeaderMap.from(proxy);
    expect(map.get("origin")).toEqual({ ok: true, value: "https://app.example.com" });
    expect(map.get("access-control-request-method")).toEqual({ ok: true, value: "PATCH" });
    expect(map.get("access-control-request-headers")).toEqual({
      ok: true,
      value: ["authorization", "content-type", "x-request-id"],
    });
    expect(read).toEqual(["origin", "access-control-request-method", "access-control-request-headers"]);
    expect(listed()).toBe(0);
  });

  test("an absent header costs one listing of the keys, and no other key is read", () => {
    const { proxy, read, listed } = watched(inputs.actual.node.headers);
    expect(HeaderMap.from(proxy).has("access-control-request-method")).toBe(false);
    expect(read).toEqual(["access-control-request-method"]);
    expect(listed()).toBe(1);
  });

  test("policy.handle on a real preflight and actual request lists the keys once and reads only the CORS headers present", () => {
    for (const [kind, expected] of [
      ["preflight", ["access-control-request-method", "access-control-request-headers", "origin"]],
      ["actual", ["origin"]],
    ] as const) {
      const req = inputs[kind].node;
      const { proxy, read, listed } = watched(req.headers);
      const decision = policy.handle({ method: req.method as string, headers: proxy });
      expect(decision.allowed).toBe(true);
      expect(decision.kind).toBe(kind);
      expect(read).toEqual(expected);
      expect(listed()).toBe(1);
    }
  });

  test("nodeCors on a real request reads its headers in place", () => {
    const req = inputs.preflight.node;
    const { proxy, read } = watched(req.headers);
    const viaProxy = Object.create(req, { headers: { value: proxy } });
    const res = new ServerResponse(req);
    expect(nodeCors(policy)(viaProxy, res)).toBe(true);
    expect(res.statusCode).toBe(204);
    expect(read.every((key) => key === "origin" || key.startsWith("access-control-request-"))).toBe(true);
  });

  test("the same map read lazily and walked agrees on every line", () => {
    const headers = inputs.preflight.node.headers;
    const lazy = HeaderMap.from(headers);
    const walked = HeaderMap.from(headers).toEntries();
    expect(walked).toEqual(Object.entries(headers));
    for (const [name, value] of walked) expect(lazy.getAll(name)).toEqual([value]);
  });
});
