// Thin adapters from a CorsPolicy to node:http / Express and to Fetch handlers (Hono, Bun, Deno,
// Workers). All decisions are the policy's; these only move headers and statuses.
import type { IncomingMessage, ServerResponse } from "node:http";
import { HeaderMap } from "../map/header-map.js";
import type { CorsDecision, CorsPolicy } from "./policy.js";

/**
 * `Vary` after adding `added` (the policy's) to the lines a response already has: merged and
 * deduplicated when they parse, kept as they are (plus a line of ours) when they do not.
 */
function mergedVary(existing: readonly string[], added: string): string[] {
  const map = new HeaderMap();
  for (const line of existing) map.appendRaw("vary", line);
  const ours = HeaderMap.from([["vary", added]]).get("vary");
  if (ours.ok) map.append("vary", ours.value);
  return map.getAll("vary");
}

/**
 * A node:http / Express-style middleware for `policy`: `(req, res, next?)`. It sets the
 * decision's headers on `res` (appending to any `Vary`), answers preflights itself (204 or 403,
 * then `res.end()`), and otherwise calls `next()`. It returns whether it answered the request, so
 * a plain node:http handler can write `if (cors(req, res)) return;`.
 *
 * @example
 * ```ts
 * const cors = nodeCors(policy);
 * createServer((req, res) => { if (cors(req, res)) return; res.end("hello"); });
 * app.use(cors); // Express
 * ```
 * @public
 */
export function nodeCors(
  policy: CorsPolicy,
): (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => boolean {
  return (req, res, next) => {
    // req.headers: Node has joined repeated lines (two Origin lines become "a, b", refused).
    const decision = policy.handle({ method: req.method ?? "GET", headers: req.headers });
    for (const [name, value] of decision.headers.toEntries()) {
      if (name !== "vary") res.setHeader(name, value);
      else {
        const existing = res.getHeader("vary");
        res.setHeader("vary", existing === undefined ? value : mergedVary(nodeLines(existing), value));
      }
    }
    if (decision.kind === "preflight") {
      res.statusCode = decision.status ?? 204;
      res.end();
      return true;
    }
    next?.();
    return false;
  };
}

function nodeLines(value: number | string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [String(value)];
}

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
 * @public
 */
export interface FetchCorsResult {
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
 * const cors = fetchCors(policy);
 * app.use(async (c, next) => {            // Hono
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
        const copy = new Response(response.body, { status: response.status, statusText: response.statusText, headers: response.headers });
        setHeaders(copy.headers, decision);
        return copy;
      }
    };
    const preflight = decision.kind === "preflight" ? apply(new Response(null, { status: decision.status ?? 204 })) : null;
    return { decision, preflight, apply };
  };
}
