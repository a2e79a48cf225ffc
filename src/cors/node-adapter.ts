// The thin adapter from a CorsPolicy to node:http and Express. All decisions are the policy's;
// this only moves headers and statuses. It uses Node's types only: no Node built-in at runtime.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { CorsAdapterOptions } from "./adapter-options.js";
import type { CorsDecision, CorsPolicy, DynamicCorsPolicy } from "./policy.js";
import { mergedVary } from "./vary.js";

/**
 * A node:http / Express-style middleware for `policy`: `(req, res, next?)`. It sets the
 * decision's headers on `res` (appending to any `Vary`), answers preflights itself (204 or 403,
 * then `res.end()`), and otherwise calls `next()`. It returns whether it answered the request, so
 * a plain node:http handler can write `if (cors(req, res)) return;`. With a
 * {@link DynamicCorsPolicy} it returns a promise of that (`if (await cors(req, res)) return;`);
 * when the dynamic check fails, the error goes to `next(error)` if given, else the promise rejects.
 * `onRefused(decision, req)` is called for every refused request.
 *
 * @example
 * ```ts
 * const cors = nodeCors(policy);
 * createServer((req, res) => { if (cors(req, res)) return; res.end("hello"); });
 * app.use(cors); // Express
 * ```
 * @public
 */
export function nodeCors<Policy extends CorsPolicy | DynamicCorsPolicy>(
  policy: Policy,
  options: CorsAdapterOptions<IncomingMessage> = {},
): (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => Policy extends DynamicCorsPolicy ? Promise<boolean> : boolean {
  const { onRefused } = options;
  const answer = (decision: CorsDecision, req: IncomingMessage, res: ServerResponse, next: ((error?: unknown) => void) | undefined): boolean => {
    if (!decision.allowed) onRefused?.(decision, req);
    return writeDecision(decision, res, next);
  };
  return ((req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => {
    // req.headers: Node has joined repeated lines (two Origin lines become "a, b", refused).
    const decision = policy.handle({ method: req.method ?? "GET", headers: req.headers });
    if (!(decision instanceof Promise)) return answer(decision, req, res, next);
    return decision.then(
      (settled) => answer(settled, req, res, next),
      (error: unknown) => {
        if (next === undefined) throw error;
        next(error);
        return true;
      },
    );
  }) as (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => Policy extends DynamicCorsPolicy ? Promise<boolean> : boolean;
}

/** Sets the decision's headers on `res`, ends a preflight, or calls `next`. */
function writeDecision(decision: CorsDecision, res: ServerResponse, next: ((error?: unknown) => void) | undefined): boolean {
  for (const [name, value] of decision.headers.toEntries()) {
    if (name !== "vary") res.setHeader(name, value);
    else {
      const existing = res.getHeader("vary");
      res.setHeader("vary", existing === undefined ? value : mergedVary(existing, value));
    }
  }
  if (decision.kind === "preflight") {
    res.statusCode = decision.status ?? 204;
    res.end();
    return true;
  }
  next?.();
  return false;
}
