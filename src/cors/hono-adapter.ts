// The thin adapter from a CorsPolicy to Hono. All decisions are the policy's; this only moves
// headers and statuses, through the Fetch adapter's helpers. Hono's types only: no runtime import.
import type { HonoRequest, MiddlewareHandler } from "hono";
import { type CorsAdapterOptions, readOnRefused } from "./adapter-options.js";
import { preflightResponse, withCorsHeaders } from "./fetch-adapter.js";
import type { CorsPolicy, DynamicCorsPolicy } from "./policy.js";

/**
 * A Hono middleware for `policy` (static or dynamic origins). It answers preflights itself (204 or
 * 403, without calling the routes), and adds the decision's headers to every other response after
 * the routes ran — including Hono's 404 and the 500 of its error handler, which are set as
 * `c.res` before this middleware resumes — merging `Vary` with what the app set.
 * `onRefused(decision, c.req)` is called for every refused request.
 *
 * @example
 * ```ts
 * const app = new Hono();
 * app.use(honoCors(corsPolicy({ origins: ["https://app.example.com"], credentials: true, methods: ["PUT"], allowedHeaders: ["content-type"] })));
 * app.put("/items/:id", async (c) => c.json(await c.req.json()));
 * ```
 * @public
 */
export function honoCors(policy: CorsPolicy | DynamicCorsPolicy, options?: CorsAdapterOptions<HonoRequest>): MiddlewareHandler {
  const onRefused = readOnRefused(policy, options, "honoCors");
  return async (c, next) => {
    const decision = await policy.handle({ method: c.req.method, headers: c.req.raw.headers });
    if (!decision.allowed) onRefused?.(decision, c.req);
    if (decision.kind === "preflight") return preflightResponse(decision);
    await next();
    const response = withCorsHeaders(c.res, decision);
    // Assigning c.res makes Hono copy the old response's headers over the new one: only needed
    // when the response had to be copied.
    if (response !== c.res) c.res = response;
  };
}
