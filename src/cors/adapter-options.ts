import type { CorsDecision } from "./policy.js";

/**
 * Options every CORS adapter takes. `FrameworkRequest` is the framework's request object: Node's
 * `IncomingMessage` for `nodeCors`, a Fetch `Request` for `fetchCors`, Hono's `HonoRequest`,
 * Fastify's `FastifyRequest` (with its `log`), Koa's `ctx.request`.
 *
 * @example
 * ```ts
 * app.use(honoCors(policy, { onRefused: (decision, req) => console.warn(`CORS ${decision.reason}: ${req.method} ${req.path}`) }));
 * ```
 * @public
 */
export interface CorsAdapterOptions<FrameworkRequest> {
  /**
   * Called for every request the policy refuses (a preflight answered 403, or an actual request
   * sent without CORS headers), before the response is sent: the place to log refusals or, in
   * development, to explain them. What it throws goes to the framework's error handling.
   */
  readonly onRefused?: (decision: CorsDecision, request: FrameworkRequest) => void;
}
