// The thin adapter from a CorsPolicy to node:http, Express and node:http2's compatibility API.
// All decisions are the policy's; this only moves headers and statuses, with the fewest Node
// calls: a preflight's whole head in one writeHead (Node sends the array as it is when nothing
// was set before), an actual request's headers with one setHeader each. It uses Node's types
// only: no Node built-in at runtime.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Http2ServerRequest, Http2ServerResponse } from "node:http2";
import { fieldLines } from "../map/header-map.js";
import { type CorsAdapterOptions, readOnRefused } from "./adapter-options.js";
import type { CorsDecision, CorsPolicy, DynamicCorsPolicy } from "./policy.js";
import { mergedVary } from "./merge-vary.js";

/** The middleware {@link nodeCors} returns: a boolean, or a promise of one for a dynamic policy. */
type NodeMiddleware<Answer> = <Req extends IncomingMessage | Http2ServerRequest>(
  req: Req,
  res: Req extends Http2ServerRequest ? Http2ServerResponse : ServerResponse,
  next?: (error?: unknown) => void,
) => Answer;

/**
 * A node:http / Express / node:http2-compatibility middleware for `policy`: `(req, res, next?)`.
 * It sets the decision's headers on `res` (merging any `Vary` already set), answers preflights
 * itself (204 or 403, then `res.end()`), and otherwise calls `next()`. It returns whether it
 * answered the request, so a plain handler can write `if (cors(req, res)) return;`.
 *
 * @remarks
 * It never throws for a response Node accepts: a `Vary` set before as a number or an array of
 * numbers is merged as Node would send it, and a response whose head was already sent is left
 * as it is.
 *
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * import { createServer } from "node:http";
 * import { createSecureServer } from "node:http2";
 * import { nodeCors } from "typed-headers/node";
 *
 * const cors = nodeCors(policy);
 * createServer((req, res) => { if (cors(req, res)) return; res.end("hello"); });
 * app.use(cors); // Express
 * const tls = { key: readFileSync("server.key"), cert: readFileSync("server.crt") };
 * createSecureServer(tls, (req, res) => { if (cors(req, res)) return; res.end("hello"); });
 * ```
 * @public
 */
export function nodeCors<Policy extends CorsPolicy | DynamicCorsPolicy>(
  policy: Policy,
  options?: CorsAdapterOptions<IncomingMessage | Http2ServerRequest>,
): NodeMiddleware<Policy extends DynamicCorsPolicy ? Promise<boolean> : boolean> {
  const onRefused = readOnRefused(policy, options, "nodeCors");
  const answer = (
    decision: CorsDecision,
    req: IncomingMessage | Http2ServerRequest,
    res: ServerResponse | Http2ServerResponse,
    next: ((error?: unknown) => void) | undefined,
  ): boolean => {
    if (!decision.allowed && decision.kind !== "none") onRefused?.(decision, req);
    return writeDecision(decision, res, next);
  };
  const middleware = (
    req: IncomingMessage | Http2ServerRequest,
    res: ServerResponse | Http2ServerResponse,
    next?: (error?: unknown) => void,
  ): boolean | Promise<boolean> => {
    // req.headers: Node has joined repeated lines (two Origin lines become "a, b", refused).
    const decision = policy.handle({ method: req.method ?? "GET", headers: req.headers });
    if (!(decision instanceof Promise)) return answer(decision, req, res, next);
    // A dynamic policy: when its check fails, the error goes to next(error) if given, else the
    // promise rejects.
    return decision.then(
      (settled) => answer(settled, req, res, next),
      (error: unknown) => {
        if (next === undefined) throw error;
        next(error);
        return true;
      },
    );
  };
  return middleware as NodeMiddleware<Policy extends DynamicCorsPolicy ? Promise<boolean> : boolean>;
}

/**
 * Writes the decision: a preflight's whole head with one `writeHead` (the cheapest call when
 * nothing was set before), an actual request's headers with one `setHeader` each, merging `Vary`
 * with what the response holds; then ends a preflight or calls `next`.
 */
function writeDecision(
  decision: CorsDecision,
  res: ServerResponse | Http2ServerResponse,
  next: ((error?: unknown) => void) | undefined,
): boolean {
  const [names, values] = fieldLines(decision.headers);
  if (decision.kind === "preflight") {
    if (!res.headersSent) {
      const head: string[] = [];
      for (let i = 0; i < names.length; i++)
        head.push(names[i] as string, withVary(res, names[i] as string, values[i] as string));
      // Http2ServerResponse takes the same flat array (its typings list only records).
      (res as ServerResponse).writeHead(decision.status ?? 204, head);
    }
    if (!res.writableEnded) res.end();
    return true;
  }
  if (!res.headersSent) {
    for (let i = 0; i < names.length; i++)
      res.setHeader(names[i] as string, withVary(res, names[i] as string, values[i] as string));
  }
  next?.();
  return false;
}

/** `value`, or for `vary` the response's present Vary merged with it. */
function withVary(res: ServerResponse | Http2ServerResponse, name: string, value: string): string {
  if (name !== "vary") return value;
  const existing: unknown = res.getHeader("vary");
  if (existing === undefined) return value;
  const lines = nodeLines(existing);
  try {
    return mergedVary(lines, value).join(", ");
  } catch {
    // A line the merge cannot take (Node's rules are looser than a field value's): keep it.
    return [...lines, value].join(", ");
  }
}

/** The lines of a header as Node sends them: numbers and array members converted to strings. */
function nodeLines(value: unknown): string[] {
  const lines: string[] = [];
  for (const line of Array.isArray(value) ? (value as unknown[]) : [value]) {
    try {
      lines.push(String(line));
    } catch {
      // Node would not send it either (its validation converts values the same way).
    }
  }
  return lines;
}
