import { isTchar } from "../syntax/chars.js";
import { NO_PARAMETERS } from "../syntax/media-type.js";
import { isQuotable, quoteIfNeeded } from "../syntax/quoted-string.js";
import type { ParseResult } from "../syntax/result.js";
import { isLowercaseToken } from "../syntax/token.js";
import { parseWeightedList, type WeightedListGrammar } from "../syntax/weighted-list.js";
import { isWeight, weightSuffix } from "../syntax/weight.js";
import { codecOf, type HeaderCodec } from "./codec.js";
import { serializeMembers } from "./list-serializer.js";

/**
 * One member of `Accept`: a media range with its parameters and weight.
 *
 * @remarks
 * `type` and `subtype` are lowercase; `"*"` stands for any (`*\/*`, `text/*`). Parameter names
 * are lowercase and values unquoted; the weight (`q`) is not among the parameters.
 *
 * @example
 * ```ts
 * const range: MediaRange = { type: "text", subtype: "*", parameters: new Map(), weight: 0.5 };  // "text/*;q=0.5"
 * ```
 * @public
 */
export interface MediaRange {
  /** The type, lowercase, or `"*"`. */
  readonly type: string;
  /** The subtype, lowercase, or `"*"`. */
  readonly subtype: string;
  /** Parameters other than the weight, by lowercase name, values unquoted. */
  readonly parameters: ReadonlyMap<string, string>;
  /** From 0 (not acceptable) to 1 (the default), at most three decimals. */
  readonly weight: number;
}

//   Accept      = #( media-range [ weight ] )                          (RFC 9110 §12.5.1)
//   media-range = ( "*/*" / ( type "/*" ) / ( type "/" subtype ) ) parameters
//   parameters  = *( OWS ";" OWS [ parameter ] )
// Order is kept (negotiate breaks ties by it). A bad member fails the header with its offset;
// a server then treats the header as absent (negotiate does).

/** Scans `type "/" subtype` (either may be "*", but `*` + `/subtype` is not a range). */
function scanMediaRange(s: string, start: number, end: number): number {
  let i = start;
  while (i < end && isTchar(s.charCodeAt(i))) i++;
  if (i === start || i === end || s.charCodeAt(i) !== 0x2f) return -(i + 1);
  const slash = i;
  for (i++; i < end && isTchar(s.charCodeAt(i)); ) i++;
  if (i === slash + 1) return -(i + 1);
  const anyType = slash - start === 1 && s.charCodeAt(start) === 0x2a;
  if (anyType && !(i - slash === 2 && s.charCodeAt(slash + 1) === 0x2a)) return -(slash + 2);
  return i;
}

const ACCEPT: WeightedListGrammar<MediaRange> = {
  element: scanMediaRange,
  parameters: true,
  code: "invalid-media-range",
  what: 'a media range ("type/subtype", "type/*" or "*/*")',
  member: (s, start, stop, parameters, weight) => {
    const range = s.slice(start, stop).toLowerCase();
    const slash = range.indexOf("/");
    return { type: range.slice(0, slash), subtype: range.slice(slash + 1), parameters: parameters ?? NO_PARAMETERS, weight };
  },
};

/** Parses `Accept`. Never throws. @internal */
export function parseAccept(value: string | readonly string[]): ParseResult<readonly MediaRange[]> {
  return parseWeightedList(value, ACCEPT);
}

/** One media range serialized, or undefined when it is not valid. Reads each field once. */
function serializeMediaRange(range: unknown): string | undefined {
  if (typeof range !== "object" || range === null) return undefined;
  const { type, subtype, parameters, weight } = range as Record<string, unknown>;
  if (typeof type !== "string" || typeof subtype !== "string" || !isLowercaseToken(type) || !isLowercaseToken(subtype)) {
    return undefined;
  }
  if ((type === "*" && subtype !== "*") || !isWeight(weight) || !(parameters instanceof Map)) return undefined;
  let out = `${type}/${subtype}`;
  for (const [name, parameter] of Map.prototype.entries.call(parameters) as IterableIterator<[unknown, unknown]>) {
    if (
      typeof name !== "string" ||
      typeof parameter !== "string" ||
      !isLowercaseToken(name) ||
      name === "q" ||
      !isQuotable(parameter)
    ) {
      return undefined;
    }
    out += `;${name}=${quoteIfNeeded(parameter)}`;
  }
  return out + weightSuffix(weight);
}

/**
 * `Accept` (RFC 9110 §12.5.1): the media ranges a client accepts, with their weights, in the
 * client's order.
 *
 * @remarks
 * To choose a response type, call `negotiate("accept", header, offers)` rather than reading the
 * ranges: it applies the most-specific-range rule and the tie-breaks.
 *
 * @example
 * ```ts
 * acceptHeader.parse("text/html, application/json;q=0.9");
 * // { ok: true, value: [{ type: "text", subtype: "html", parameters: Map {}, weight: 1 },
 * //                     { type: "application", subtype: "json", parameters: Map {}, weight: 0.9 }] }
 * ```
 * @public
 */
export const acceptHeader: HeaderCodec<"accept", readonly MediaRange[]> = /* @__PURE__ */ codecOf({
  name: "accept",
  parse: parseAccept,
  serialize: (value) =>
    serializeMembers(
      "accept",
      value,
      serializeMediaRange,
      "an array of media ranges ({ type, subtype, parameters: Map, weight })",
    ),
});
