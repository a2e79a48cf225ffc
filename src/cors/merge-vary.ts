import { HeaderMap } from "../map/header-map.js";

/**
 * `Vary` after adding `added` (a policy's) to the lines a response already has: merged and
 * deduplicated when they parse, kept as they are (plus a line of ours) when they do not.
 * @internal
 */
export function mergedVary(existing: readonly string[], added: string): string[] {
  const map = new HeaderMap();
  for (const line of existing) map.appendRaw("vary", line);
  const ours = HeaderMap.from([["vary", added]]).get("vary");
  if (ours.ok) map.append("vary", ours.value);
  return map.getAll("vary");
}
