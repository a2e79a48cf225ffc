import { asLibraryError } from "../syntax/describe.js";
import type { CorsDecision } from "./policy.js";

/**
 * Options every CORS adapter takes. `FrameworkRequest` is the framework's request object: Node's
 * `IncomingMessage` for `nodeCors`, a Fetch `Request` for `fetchCors`, Hono's `HonoRequest`,
 * Fastify's `FastifyRequest` (with its `log`), Koa's `ctx.request`.
 *
 * @example
 * ```ts
 * import { Hono } from "hono";
 * import { corsPolicy } from "typed-headers";
 * import { honoCors } from "typed-headers/hono";
 *
 * const app = new Hono();
 * const policy = corsPolicy({ origins: ["https://app.example"] });
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

/**
 * The `onRefused` of an adapter's options, read once, after checking that `policy` is a policy:
 * a getter or Proxy that throws, or a wrong type, becomes the library's `TypeError`.
 * @internal
 */
export function readOnRefused<Request>(
  policy: unknown,
  options: CorsAdapterOptions<Request> | undefined,
  adapter: string,
): CorsAdapterOptions<Request>["onRefused"] {
  let onRefused: CorsAdapterOptions<Request>["onRefused"];
  let handle: unknown;
  try {
    handle = (policy as { handle?: unknown } | null | undefined)?.handle;
    onRefused = options?.onRefused;
  } catch (error) {
    throw asLibraryError(error, `${adapter}: the policy or options`);
  }
  if (typeof handle !== "function") throw new TypeError(`typed-headers: ${adapter} expects a policy made by corsPolicy.`);
  if (onRefused !== undefined && typeof onRefused !== "function") {
    throw new TypeError(`typed-headers: ${adapter}: onRefused must be a function.`);
  }
  return onRefused;
}
