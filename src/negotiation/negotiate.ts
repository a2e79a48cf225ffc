import type { FieldLines } from "../headers/codec.js";
import { arraySnapshot } from "../syntax/array-snapshot.js";
import { parseAccept, type MediaRange } from "../headers/accept.js";
import { parseAcceptEncoding } from "../headers/accept-encoding.js";
import { parseAcceptLanguage, scanLanguageRange } from "../headers/accept-language.js";
import { scanMediaType, type MediaType } from "../syntax/media-type.js";
import type { ParseResult } from "../syntax/result.js";
import { isToken } from "../syntax/token.js";
import type { Weighted } from "../syntax/weight.js";

/**
 * Which request header {@link negotiate} reads.
 *
 * @example
 * ```ts
 * const kind: NegotiationKind = "accept-encoding";
 * ```
 * @public
 */
export type NegotiationKind = "accept" | "accept-encoding" | "accept-language";

// Proactive negotiation (RFC 9110 §12.1, §12.5). For each offer, its weight is that of the most
// specific range in the header that matches it:
//   accept           media ranges: "type/subtype" with parameters > "type/subtype" > "type/*" >
//                    "*/*"; a range with parameters matches only offers that have each of them
//                    (names case-insensitive; values exact, but charset case-insensitive)
//   accept-encoding  the coding itself > "*"; "identity" is acceptable even when not listed
//                    (unless "identity;q=0", or "*;q=0" without an "identity" entry, §12.5.3),
//                    with the lowest non-zero weight of the header, after every listed coding
//   accept-language  RFC 4647 §3.3.1 basic filtering: a range matches a tag equal to it or
//                    starting with it and "-" (case-insensitive); the longest match is the most
//                    specific; "*" matches any tag
// Weight 0 means "not acceptable". The best offer has the highest weight; ties go to the offer
// whose range comes first in the header (the client's order), then to the earlier offer.
// An absent header accepts anything (the first offer); a header that does not parse is treated
// as absent, as RFC 9110 allows a recipient to ignore an invalid field.

/**
 * The offer the client prefers, by its `Accept`, `Accept-Encoding` or `Accept-Language` header
 * (RFC 9110 §12.5), returned as given; `null` when the header makes none acceptable.
 *
 * @remarks
 * An absent header, or one that does not parse, accepts the first offer. Offers are what the
 * server can send: media types (`"application/json"`, parameters allowed), content codings
 * (`"br"`, `"identity"`) or language tags (`"en-GB"`). An offer that is not one throws
 * `TypeError`, as does an unknown `kind`: those are mistakes in the code, not in the request.
 *
 * @example
 * ```ts
 * negotiate("accept", req.headers.accept, ["text/html", "application/json"]);
 * negotiate("accept-encoding", "gzip, br;q=0.9", ["br", "gzip", "identity"]);   // "gzip"
 * negotiate("accept-language", "fr-CH, fr;q=0.9, en;q=0.8", ["en", "fr"]);     // "fr"
 * negotiate("accept-encoding", "*;q=0", ["gzip"]);                             // null
 * ```
 * @public
 */
export function negotiate(kind: NegotiationKind, header: FieldLines, offers: readonly string[]): string | null {
  const given = copyOffers(offers);
  switch (kind) {
    case "accept":
      return chooseMediaType(readHeader(parseAccept, header, lastAccept), given);
    case "accept-encoding":
      return chooseCoding(readHeader(parseAcceptEncoding, header, lastAcceptEncoding), given);
    case "accept-language":
      return chooseLanguage(readHeader(parseAcceptLanguage, header, lastAcceptLanguage), given);
    default:
      throw new TypeError(
        `typed-headers: negotiate: unknown kind ${describe(kind)}; expected "accept", "accept-encoding" or "accept-language".`,
      );
  }
}

/** The offers as a private array of strings, or the TypeError for a caller's mistake. */
function copyOffers(offers: unknown): string[] {
  const copy = arraySnapshot(offers);
  if (copy === undefined || !copy.every((offer) => typeof offer === "string")) {
    throw new TypeError("typed-headers: negotiate: offers must be an array of strings.");
  }
  return copy as string[];
}

function describe(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : typeof value;
}

function invalidOffer(offer: string, what: string): never {
  throw new TypeError(`typed-headers: negotiate: offer ${JSON.stringify(offer)} is not ${what}.`);
}

/**
 * The last one-line header parsed for one kind, and its ranges (undefined: it did not parse).
 * A server sees the same Accept* values over and over — every request from one browser version
 * sends the same bytes — so when the next header is the same string its ranges are reused
 * instead of parsed again. They never leave this module, so no caller can change them.
 */
interface LastParse<T> {
  header: string | undefined;
  ranges: readonly T[] | undefined;
}

const lastAccept: LastParse<MediaRange> = { header: undefined, ranges: undefined };
const lastAcceptEncoding: LastParse<Weighted<string>> = { header: undefined, ranges: undefined };
const lastAcceptLanguage: LastParse<Weighted<string>> = { header: undefined, ranges: undefined };

/** The parsed header, or undefined when it is absent or does not parse. Never throws. */
function readHeader<T>(
  parse: (value: string | readonly string[]) => ParseResult<readonly T[]>,
  header: unknown,
  last: LastParse<T>,
): readonly T[] | undefined {
  if (typeof header === "string") {
    if (header === last.header) return last.ranges;
    const result = parse(header);
    last.header = header;
    last.ranges = result.ok ? result.value : undefined;
    return last.ranges;
  }
  const lines = arraySnapshot(header);
  if (lines === undefined || lines.length === 0 || !lines.every((line) => typeof line === "string")) return undefined;
  const result = parse(lines as string[]);
  return result.ok ? result.value : undefined;
}

/**
 * Keeps the best candidate seen so far: the highest weight above 0, then the lowest index of
 * the range that gave it (the client's order); offers come in order, so the first one seen
 * wins what is left.
 */
class Best {
  offer: string | null = null;
  weight = 0;
  rangeIndex = Infinity;

  consider(offer: string, weight: number, rangeIndex: number): void {
    if (weight > this.weight || (weight === this.weight && weight > 0 && rangeIndex < this.rangeIndex)) {
      this.offer = offer;
      this.weight = weight;
      this.rangeIndex = rangeIndex;
    }
  }
}

function chooseMediaType(ranges: readonly MediaRange[] | undefined, offers: string[]): string | null {
  const parsed: MediaType[] = [];
  for (const offer of offers) {
    const result = scanMediaType(offer, 0, offer.length);
    if (!result.ok) invalidOffer(offer, "a media type");
    parsed.push(result.value);
  }
  if (ranges === undefined) return offers[0] ?? null;
  const best = new Best();
  for (let k = 0; k < offers.length; k++) {
    const offer = parsed[k] as MediaType;
    let specificity = -1;
    let weight = 0;
    let rangeIndex = -1;
    for (let r = 0; r < ranges.length; r++) {
      const range = ranges[r] as MediaRange;
      const s = rangeSpecificity(range, offer);
      if (s > specificity) {
        specificity = s;
        weight = range.weight;
        rangeIndex = r;
      }
    }
    if (rangeIndex !== -1) best.consider(offers[k] as string, weight, rangeIndex);
  }
  return best.offer;
}

/** How specifically `range` matches `offer` (0 for "*\/*", 1 for "type/*", 2 + parameters for "type/subtype"), or -1. */
function rangeSpecificity(range: MediaRange, offer: MediaType): number {
  if (range.type !== "*" && range.type !== offer.type) return -1;
  if (range.subtype === "*") return range.type === "*" ? 0 : 1;
  if (range.subtype !== offer.subtype) return -1;
  for (const [name, value] of range.parameters) {
    const offered = offer.parameters.get(name);
    if (offered === undefined || !(offered === value || (name === "charset" && offered.toLowerCase() === value.toLowerCase())))
      return -1;
  }
  return 2 + range.parameters.size;
}

function chooseCoding(ranges: readonly Weighted<string>[] | undefined, offers: string[]): string | null {
  for (const offer of offers) if (!isToken(offer)) invalidOffer(offer, "a content coding (a token)");
  if (ranges === undefined) return offers[0] ?? null;
  const best = new Best();
  for (const offer of offers) {
    const coding = offer.toLowerCase();
    let exact = -1;
    let any = -1;
    for (let r = 0; r < ranges.length && exact === -1; r++) {
      const value = (ranges[r] as Weighted<string>).value;
      if (value === coding) exact = r;
      else if (value === "*" && any === -1) any = r;
    }
    const r = exact !== -1 ? exact : any;
    if (r !== -1) best.consider(offer, (ranges[r] as Weighted<string>).weight, r);
    else if (coding === "identity") best.consider(offer, lowestNonZeroWeight(ranges), ranges.length);
  }
  return best.offer;
}

/** The implicit weight of "identity": the lowest non-zero weight in the header, or 1. */
function lowestNonZeroWeight(ranges: readonly Weighted<string>[]): number {
  let lowest = 1;
  for (const { weight } of ranges) if (weight > 0 && weight < lowest) lowest = weight;
  return lowest;
}

function chooseLanguage(ranges: readonly Weighted<string>[] | undefined, offers: string[]): string | null {
  for (const offer of offers) {
    if (offer.length === 0 || offer === "*" || scanLanguageRange(offer, 0, offer.length) !== offer.length) {
      invalidOffer(offer, 'a language tag ("en", "en-GB")');
    }
  }
  if (ranges === undefined) return offers[0] ?? null;
  const best = new Best();
  for (const offer of offers) {
    const tag = offer.toLowerCase();
    let longest = -1;
    let rangeIndex = -1;
    for (let r = 0; r < ranges.length; r++) {
      const range = (ranges[r] as Weighted<string>).value;
      const length = range === "*" ? 0 : range.length;
      if (
        length > longest &&
        (range === "*" || range === tag || (tag.startsWith(range) && tag.charCodeAt(range.length) === 0x2d))
      ) {
        longest = length;
        rangeIndex = r;
      }
    }
    if (rangeIndex !== -1) best.consider(offer, (ranges[rangeIndex] as Weighted<string>).weight, rangeIndex);
  }
  return best.offer;
}
