// The thin adapter from a CorsPolicy to node:http and Express. All decisions are the policy's;
// this only moves headers and statuses. It uses Node's types only: no Node built-in at runtime.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { CorsPolicy } from "./policy.js";
import { mergedVary } from "./merge-vary.js";

/**
 * A node:http / Express-style middleware for `policy`: `(req, res, next?)`. It sets the
 * decision's headers on `res` (appending to any `Vary`), answers preflights itself (204 or 403,
 * then `res.end()`), and otherwise calls `next()`. It returns whether it answered the request, so
 * a plain node:http handler can write `if (cors(req, res)) return;`.
 *
 * @example
 * ```ts
 * import { createServer } from "node:http";
 * import { nodeCors } from "typed-headers/node";
 *
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
