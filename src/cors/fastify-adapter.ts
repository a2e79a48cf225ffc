// The thin adapter from a CorsPolicy to Fastify. All decisions are the policy's; this only moves
// headers and statuses. Fastify's types only: no runtime import (the plugin marks itself as not
// encapsulated with the symbol that the fastify-plugin package would set).
import type { FastifyPluginCallback, FastifyReply, FastifyRequest } from "fastify";
import { type CorsAdapterOptions, readOnRefused } from "./adapter-options.js";
import type { CorsDecision, CorsPolicy, DynamicCorsPolicy } from "./policy.js";
import { mergeVary } from "./merge-vary.js";

/**
 * A Fastify plugin for `policy` (static or dynamic origins), for `app.register`. It applies to
 * the whole app (it is not encapsulated, like a plugin wrapped in `fastify-plugin`):
 *
 * - an `onRequest` hook decides, calls `onRefused(decision, request)` for a refused request, and
 *   answers preflights itself (204 or 403), before routing, so no `OPTIONS` route is needed;
 * - an `onSend` hook sets the decision's headers on every response that is sent — the routes',
 *   Fastify's 404 and the error handler's 500 alike — merging `Vary` with what the app set.
 *
 * @example
 * ```ts
 * const app = Fastify();
 * await app.register(fastifyCors(corsPolicy({ origins: ["https://app.example.com"], credentials: true, methods: ["PUT"], allowedHeaders: ["content-type"] })));
 * app.put("/items/:id", async (request) => request.body);
 * ```
 * @public
 */
export function fastifyCors(
  policy: CorsPolicy | DynamicCorsPolicy,
  options?: CorsAdapterOptions<FastifyRequest>,
): FastifyPluginCallback {
  const onRefused = readOnRefused(policy, options, "fastifyCors");
  const decisions = new WeakMap<FastifyRequest, CorsDecision>();
  const decide = (request: FastifyRequest) => policy.handle({ method: request.method, headers: request.headers });

  const onRequest = async (request: FastifyRequest, reply: FastifyReply) => {
    const decision = await decide(request);
    decisions.set(request, decision);
    if (!decision.allowed) onRefused?.(decision, request);
    if (decision.kind !== "preflight") return undefined;
    reply.code(decision.status ?? 204).send();
    return reply;
  };
  const onSend = async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    // No decision yet when an earlier onRequest hook failed before this one ran, or when a
    // dynamic check failed (then the error response is sent without CORS headers).
    let decision = decisions.get(request);
    if (decision === undefined) {
      try {
        decision = await decide(request);
      } catch {
        return payload;
      }
    }
    for (const [name, value] of decision.headers.toEntries()) {
      if (name !== "vary") reply.header(name, value);
      else {
        const existing = reply.getHeader("vary");
        reply.header("vary", existing === undefined ? value : mergeVary(existing, value));
      }
    }
    return payload;
  };

  const plugin: FastifyPluginCallback = (app, _options, done) => {
    app.addHook("onRequest", onRequest);
    app.addHook("onSend", onSend);
    done();
  };
  return Object.assign(plugin, {
    [Symbol.for("skip-override")]: true,
    [Symbol.for("fastify.display-name")]: "typed-headers cors",
  });
}
