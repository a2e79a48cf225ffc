// Types of the adapters and of dynamic policies: handle is synchronous for static origins and
// returns a promise for dynamic ones, and each adapter plugs into its framework as documented.
import express from "express";
import Fastify from "fastify";
import { Hono } from "hono";
import Koa from "koa";
import { createServer } from "node:http";
import { expectTypeOf, test } from "vitest";
import {
  corsPolicy,
  fetchCors,
  mergeVary,
  type CorsDecision,
  type CorsPolicy,
  type CorsPolicyConfig,
  type DynamicCorsPolicy,
  type FetchCorsResult,
  type Origin,
} from "typed-headers";
import { fastifyCors } from "typed-headers/fastify";
import { honoCors } from "typed-headers/hono";
import { koaCors } from "typed-headers/koa";
import { nodeCors } from "typed-headers/node";

const request = { method: "GET", headers: {} };
const fixed = corsPolicy({ origins: ["https://app.example"], credentials: true });
const dynamic = corsPolicy({ origins: { allow: async (origin) => origin.endsWith(".tenant.example") }, credentials: true });

test("handle is synchronous for static origins and returns a promise for dynamic ones", () => {
  expectTypeOf(fixed).toEqualTypeOf<CorsPolicy>();
  expectTypeOf(fixed.handle(request)).toEqualTypeOf<CorsDecision>();
  expectTypeOf(dynamic).toEqualTypeOf<DynamicCorsPolicy>();
  expectTypeOf(dynamic.handle(request)).toEqualTypeOf<Promise<CorsDecision>>();
  expectTypeOf(corsPolicy({ origins: { allow: (origin) => origin === "https://a.example" } })).toEqualTypeOf<DynamicCorsPolicy>();
  const config: CorsPolicyConfig = { origins: ["https://app.example"] };
  expectTypeOf(corsPolicy(config)).toEqualTypeOf<CorsPolicy>();
});

test("allow receives a branded Origin and answers a boolean", () => {
  corsPolicy({
    origins: {
      allow: (origin) => {
        expectTypeOf(origin).toEqualTypeOf<Origin>();
        return true;
      },
    },
  });
  // @ts-expect-error: allow answers true or false, not a tenant record
  corsPolicy({ origins: { allow: () => ({ id: 1 }) } });
});

test("nodeCors and fetchCors follow the policy's kind", () => {
  expectTypeOf(nodeCors(fixed)).returns.toEqualTypeOf<boolean>();
  expectTypeOf(nodeCors(dynamic)).returns.toEqualTypeOf<Promise<boolean>>();
  expectTypeOf(fetchCors(fixed)).returns.toEqualTypeOf<FetchCorsResult>();
  expectTypeOf(fetchCors(dynamic)).returns.toEqualTypeOf<Promise<FetchCorsResult>>();
  createServer(async (req, res) => {
    if (await nodeCors(dynamic)(req, res)) return;
    res.end();
  });
  express().use(nodeCors(dynamic, { onRefused: (decision, req) => console.log(decision.reason, req.url) }));
});

test("each framework adapter plugs in where its framework expects it", async () => {
  new Hono().use(honoCors(fixed, { onRefused: (decision, req) => console.log(decision.reason, req.path) }));
  await Fastify().register(fastifyCors(dynamic, { onRefused: (decision, req) => req.log.info(decision.reason) }));
  new Koa().use(koaCors(fixed, { onRefused: (decision, req) => console.log(decision.reason, req.path) }));
});

test("mergeVary takes what Fetch and Node give", () => {
  expectTypeOf(mergeVary(new Headers().get("vary"), "origin")).toEqualTypeOf<string>();
  expectTypeOf(mergeVary(createServer().listeners("request").length, "origin")).toEqualTypeOf<string>();
});
