import { isTchar } from "../syntax/chars.js";
import type { ParseResult } from "../syntax/result.js";
import { isLowercaseToken } from "../syntax/token.js";
import { parseWeightedList, type WeightedListGrammar } from "../syntax/weighted-list.js";
import { isWeight, weightSuffix, type Weighted } from "../syntax/weight.js";
import { codecOf, type HeaderCodec } from "./codec.js";
import { serializeMembers } from "./list-serializer.js";

//   Accept-Encoding = #( codings [ weight ] )                          (RFC 9110 §12.5.3)
//   codings         = content-coding / "identity" / "*"
//   content-coding  = token
// Codings are case-insensitive and come out lowercase; "*" and "identity" are ordinary members
// here (their meaning — "identity" acceptable unless excluded — is negotiate's). An empty value
// is valid and means "no coding but identity".

function scanCoding(s: string, start: number, end: number): number {
  let i = start;
  while (i < end && isTchar(s.charCodeAt(i))) i++;
  return i === start ? -(i + 1) : i;
}

const ACCEPT_ENCODING: WeightedListGrammar<Weighted<string>> = {
  element: scanCoding,
  parameters: false,
  code: "invalid-token",
  what: "a content coding (a token)",
  member: (s, start, stop, _parameters, weight) => ({ value: s.slice(start, stop).toLowerCase(), weight }),
};

/** Parses `Accept-Encoding`. Never throws. @internal */
export function parseAcceptEncoding(value: string | readonly string[]): ParseResult<readonly Weighted<string>[]> {
  return parseWeightedList(value, ACCEPT_ENCODING);
}

/** `value;q=w` for one weighted member whose value passes `isValue`, or undefined. Reads each field once. @internal */
export function serializeWeighted(item: unknown, isValue: (value: string) => boolean): string | undefined {
  if (typeof item !== "object" || item === null) return undefined;
  const { value, weight } = item as Record<string, unknown>;
  return typeof value === "string" && isValue(value) && isWeight(weight) ? value + weightSuffix(weight) : undefined;
}

/**
 * `Accept-Encoding` (RFC 9110 §12.5.3): the content codings a client accepts, lowercase, with
 * their weights, in the client's order.
 *
 * @example
 * ```ts
 * acceptEncodingHeader.parse("gzip, br;q=1.0, *;q=0");
 * // { ok: true, value: [{ value: "gzip", weight: 1 }, { value: "br", weight: 1 }, { value: "*", weight: 0 }] }
 * negotiate("accept-encoding", req.headers["accept-encoding"], ["br", "gzip", "identity"]);
 * ```
 * @public
 */
export const acceptEncodingHeader: HeaderCodec<"accept-encoding", readonly Weighted<string>[]> = /* @__PURE__ */ codecOf({
  name: "accept-encoding",
  parse: parseAcceptEncoding,
  serialize: (value) =>
    serializeMembers(
      "accept-encoding",
      value,
      (item) => serializeWeighted(item, isLowercaseToken),
      "an array of { value: lowercase coding, weight: 0…1 }",
    ),
});
