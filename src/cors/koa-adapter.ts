// The thin adapter from a CorsPolicy to Koa. All decisions are the policy's; this only moves
// headers and statuses. Koa's types only (from @types/koa): no runtime import.
import type { Middleware, Request as KoaRequest } from "koa";
import { type CorsAdapterOptions, readOnRefused } from "./adapter-options.js";
import type { CorsPolicy, DynamicCorsPolicy } from "./policy.js";
import { mergeVary } from "./merge-vary.js";

/**
 * A Koa middleware for `policy` (static or dynamic origins); put it first. It answers preflights
 * itself (204 or 403, empty body, without calling the rest of the app), and sets the decision's
 * headers on every other response:
 *
 * - before `await next()`, so a 404 or a body set by any later middleware carries them, and after
 *   it the `Vary` is merged again with what the app set;
 * - on a thrown error, in the error's `headers` (Koa's default error handler clears the response
 *   headers and then sets `error.headers`), so a thrown 500 still carries them. A thrown value
 *   that is not an object is rethrown as an `Error` whose `cause` is that value.
 *
 * `onRefused(decision, ctx.request)` is called for every refused request.
 *
 * @example
 * ```ts
 * const app = new Koa();
 * app.use(koaCors(corsPolicy({ origins: ["https://app.example.com"], credentials: true, methods: ["PUT"], allowedHeaders: ["content-type"] })));
 * app.use(router.routes());
 * ```
 * @public
 */
export function koaCors(policy: CorsPolicy | DynamicCorsPolicy, options?: CorsAdapterOptions<KoaRequest>): Middleware {
  const onRefused = readOnRefused(policy, options, "koaCors");
  return async (ctx, next) => {
    const decision = await policy.handle({ method: ctx.method, headers: ctx.req.headers });
    if (!decision.allowed) onRefused?.(decision, ctx.request);
    const entries = decision.headers.toEntries();
    const vary = decision.headers.getRaw("vary");
    for (const [name, value] of entries) {
      ctx.set(name, name === "vary" ? mergeVary(ctx.response.get("vary"), value) : value);
    }
    if (decision.kind === "preflight") {
      // A null body first (Koa then sends no Content-Type and a zero length), then the status.
      ctx.body = null;
      ctx.status = decision.status ?? 204;
      return;
    }
    try {
      await next();
    } catch (error) {
      throw withCorsHeaders(error, entries, vary);
    }
    if (vary !== null) ctx.set("vary", mergeVary(ctx.response.get("vary"), vary));
  };
}

/** `error` with the decision's headers added to its `headers`, which Koa's error handler sends. */
function withCorsHeaders(error: unknown, entries: readonly [string, string][], vary: string | null): unknown {
  const target: { headers?: unknown } =
    (typeof error === "object" || typeof error === "function") && error !== null && Object.isExtensible(error)
      ? error
      : new Error("non-error thrown (see cause)", { cause: error });
  const headers: Record<string, unknown> = { ...(target.headers as Record<string, unknown> | undefined) };
  for (const [name, value] of entries) {
    if (name !== "vary") headers[name] = value;
  }
  if (vary !== null) {
    // The error's own headers may spell Vary in any case; Koa sets them one by one.
    const existing = Object.keys(headers).filter((name) => name.toLowerCase() === "vary");
    const merged = mergeVary(existing.map((name) => headers[name]).flat() as string[], vary);
    for (const name of existing) delete headers[name];
    headers.vary = merged;
  }
  target.headers = headers;
  return target;
}
