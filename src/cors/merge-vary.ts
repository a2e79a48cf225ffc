import { asLibraryError } from "../syntax/describe.js";
import { HeaderMap } from "../map/header-map.js";
import { indexOfForbiddenChar } from "../syntax/chars.js";

// Adding a policy's Vary to the Vary a response already has, for the adapters and for wrapper
// authors. What is already there comes from an application or a framework, so it is read
// defensively: anything a runtime would let a handler set (a string, a number, an array of
// either) is accepted, lines that could never be sent (CR, LF, NUL, a character above U+00FF,
// or not a string or number at all) are dropped, and nothing throws for it.

/**
 * What a response's `Vary` may hold before a policy adds to it: Fetch's `headers.get("vary")`
 * (`string | null`) or Node's `res.getHeader("vary")` (`string | number | string[] | undefined`).
 *
 * @example
 * ```ts
 * const existing: VaryLines = new Response(null, { headers: { vary: "accept-encoding" } }).headers.get("vary");
 * ```
 * @public
 */
export type VaryLines = string | number | readonly (string | number)[] | null | undefined;

/**
 * The `Vary` lines after adding `added`: merged and deduplicated when the existing lines parse
 * (a `*` absorbs everything), kept as they are, plus a line of ours, when they do not.
 * @internal
 */
export function mergedVary(existing: VaryLines, added: string): string[] {
  const map = new HeaderMap();
  const lines: readonly unknown[] = Array.isArray(existing) ? existing : [existing];
  for (const line of lines) {
    const text = typeof line === "number" ? String(line) : line;
    if (typeof text === "string" && text.trim() !== "" && indexOfForbiddenChar(text) === -1) map.appendRaw("vary", text);
  }
  const ours = HeaderMap.from([["vary", added]]).get("vary");
  if (!ours.ok)
    throw new TypeError(`typed-headers: mergeVary: ${JSON.stringify(added)} is not a Vary value (${ours.error.message})`);
  map.append("vary", ours.value);
  return map.getAll("vary");
}

/**
 * The value of `Vary` after adding `added` (e.g. a CORS decision's `vary`) to what a response
 * already has: one line, members deduplicated case-insensitively, `*` absorbing everything.
 * Existing lines that do not parse are kept as they are; lines that could never be sent are
 * dropped. Never throws for `existing`.
 *
 * @throws TypeError when `added` is not a valid `Vary` value (an empty one adds nothing).
 * @example
 * ```ts
 * mergeVary("Accept-Encoding", "origin");               // "accept-encoding, origin"
 * mergeVary(["origin", "accept"], "Origin");            // "origin, accept"
 * const decision = corsPolicy({ origins: ["https://app.example"] }).handle({ method: "GET", headers: req.headers });
 * const vary = decision.headers.getRaw("vary");
 * if (vary !== null) res.setHeader("vary", mergeVary(res.getHeader("vary"), vary));
 * ```
 * @public
 */
export function mergeVary(existing: VaryLines, added: string): string {
  try {
    return mergedVary(existing, added).join(", ");
  } catch (error) {
    // A caller's Proxy or getter may throw anything: only the library's TypeError leaves.
    throw asLibraryError(error, "mergeVary: the Vary lines");
  }
}
