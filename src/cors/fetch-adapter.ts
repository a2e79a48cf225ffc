// The thin adapter from a CorsPolicy to Fetch handlers (Bun, Deno, Workers, and the base of the
// Hono adapter). All decisions are the policy's; this only moves headers and statuses.
import { type CorsAdapterOptions, readOnRefused } from "./adapter-options.js";
import type { CorsDecision, CorsPolicy, DynamicCorsPolicy } from "./policy.js";
import { mergedVary } from "./merge-vary.js";

/** Sets the decision's headers on `headers`, merging its Vary; throws when they are immutable. */
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
    const merged = mergedVary(existing, value);
    headers.delete("vary");
    for (const line of merged) headers.append("vary", line);
  }
}

/**
 * `response` with the decision's headers: the same object when its headers are mutable
 * (frameworks such as Hono copy the old response's headers over a new one), else a copy with the
 * same status, status text, headers and body (no body when it was already read). A response that
 * cannot be copied — a network error (`Response.error()`), a status outside 200–599 — is returned
 * as it is: it carries no headers a browser would read. Never throws.
 * @internal
 */
export function withCorsHeaders(response: Response, decision: CorsDecision): Response {
  try {
    setHeaders(response.headers, decision);
    return response;
  } catch {
    // Immutable headers (a response from fetch(), Response.error(), Response.redirect()).
  }
  if (response.type === "error" || response.status < 200 || response.status > 599) return response;
  const init = { status: response.status, statusText: response.statusText, headers: response.headers };
  let copy: Response;
  try {
    copy = new Response(response.bodyUsed ? null : response.body, init);
  } catch {
    // A body that is locked by a reader, or a body on a null-body status.
    copy = new Response(null, init);
  }
  setHeaders(copy.headers, decision);
  return copy;
}

/** The complete answer to a preflight: its status and the decision's headers, no body. @internal */
export function preflightResponse(decision: CorsDecision): Response {
  const response = new Response(null, { status: decision.status ?? 204 });
  setHeaders(response.headers, decision);
  return response;
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
  /**
   * `response` with the decision's headers set and its Vary merged: the same object when its
   * headers are mutable, else a copy (without the body if it was already read). Never throws: a
   * network error (`Response.error()`) is returned as it is.
   */
  apply(response: Response): Response;
}

/**
 * Runs `policy` on a Fetch `Request` (Bun, Deno, Workers, any `(Request) => Response` handler).
 * With a {@link DynamicCorsPolicy} the function returns a promise. For Hono, use `honoCors`
 * from `typed-headers/hono`.
 *
 * @example
 * ```ts
 * import { fetchCors } from "typed-headers";
 *
 * const cors = fetchCors(policy);
 * export default {
 *   async fetch(request: Request): Promise<Response> {
 *     const result = cors(request);
 *     if (result.preflight) return result.preflight;
 *     return result.apply(await handler(request));   // your handler
 *   },
 * };
 * ```
 * @public
 */
export function fetchCors<Policy extends CorsPolicy | DynamicCorsPolicy>(
  policy: Policy,
  options?: CorsAdapterOptions<Request>,
): (request: Request) => Policy extends DynamicCorsPolicy ? Promise<FetchCorsResult> : FetchCorsResult {
  const onRefused = readOnRefused(policy, options, "fetchCors");
  const result = (decision: CorsDecision, request: Request): FetchCorsResult => {
    if (!decision.allowed) onRefused?.(decision, request);
    return {
      decision,
      preflight: decision.kind === "preflight" ? preflightResponse(decision) : null,
      apply: (response) => withCorsHeaders(response, decision),
    };
  };
  return ((request: Request) => {
    const decision = policy.handle({ method: request.method, headers: request.headers });
    return decision instanceof Promise ? decision.then((d) => result(d, request)) : result(decision, request);
  }) as (request: Request) => Policy extends DynamicCorsPolicy ? Promise<FetchCorsResult> : FetchCorsResult;
}
