// The thin adapter from a CorsPolicy to Fetch handlers (Hono, Bun, Deno, Workers). All decisions
// are the policy's; this only moves headers and statuses.
import type { CorsDecision, CorsPolicy } from "./policy.js";
import { mergedVary } from "./merge-vary.js";

/** Sets the decision's headers on `headers`, appending to its Vary. */
function setHeaders(headers: Headers, decision: CorsDecision): void {
  for (const [name, value] of decision.headers.toEntries()) {
    if (name !== "vary") {
      headers.set(name, value);
      continue;
    }
    const existing = headers.get("vary");
    if (existing === null) {
      headers.set("vary", value);
      continue;
    }
    headers.delete("vary");
    for (const line of mergedVary([existing], value)) headers.append("vary", line);
  }
}

/**
 * What {@link fetchCors} gives a Fetch handler: the response to a preflight (send it as is), or
 * `apply`, which returns the handler's response with the CORS headers added.
 *
 * @example
 * ```ts
 * async function serve(request: Request): Promise<Response> {
 *   const result = fetchCors(policy)(request);
 *   if (result.preflight) return result.preflight;
 *   return result.apply(await handler(request));
 * }
 * ```
 * @public
 */
export interface FetchCorsResult {
  /** The policy's decision for the request. */
  readonly decision: CorsDecision;
  /** The complete answer to a preflight (204 or 403), or null for other requests. */
  readonly preflight: Response | null;
  /** `response` with the decision's headers set and its Vary appended to (the same object when its headers are mutable, else a copy). */
  apply(response: Response): Response;
}

/**
 * Runs `policy` on a Fetch `Request` (Hono, Bun, Deno, Workers).
 *
 * @example
 * ```ts
 * import { Hono } from "hono";
 * import { fetchCors } from "typed-headers";
 *
 * const cors = fetchCors(policy);
 * const app = new Hono();
 * app.use(async (c, next) => {
 *   const result = cors(c.req.raw);
 *   if (result.preflight) return result.preflight;
 *   await next();
 *   c.res = result.apply(c.res);
 * });
 * ```
 * @public
 */
export function fetchCors(policy: CorsPolicy): (request: Request) => FetchCorsResult {
  return (request) => {
    const decision = policy.handle({ method: request.method, headers: request.headers });
    const apply = (response: Response): Response => {
      // Mutate in place (frameworks such as Hono copy the old response's headers over a new
      // one); a response with immutable headers (from fetch()) is copied instead.
      try {
        setHeaders(response.headers, decision);
        return response;
      } catch {
        const copy = new Response(response.body, {
          status: response.status,
          statusText: response.statusText,
          headers: response.headers,
        });
        setHeaders(copy.headers, decision);
        return copy;
      }
    };
    const preflight = decision.kind === "preflight" ? apply(new Response(null, { status: decision.status ?? 204 })) : null;
    return { decision, preflight, apply };
  };
}
