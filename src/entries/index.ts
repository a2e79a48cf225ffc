// typed-headers: the public surface. Nothing else is public.

// The CORS protocol (also published alone as typed-headers/cors).
export * from "./cors.js";
// Every built-in header's codec and the value types (also published as typed-headers/headers).
export * from "./headers.js";
export type { AllowOriginValue } from "../headers/access-control-allow-origin.js";
export type { OriginValue } from "../headers/origin.js";
export type { VaryValue } from "../headers/vary.js";
export {
  defineHeader,
  parseHeader,
  serializeHeader,
  type HeaderName,
  type HeaderRegistry,
  type HeaderValue,
  type KnownHeaderName,
} from "../registry.js";
export { HeaderMap, type HeaderInput } from "../map/header-map.js";
export type { FetchHeadersLike, HeaderRecord } from "../map/sources.js";
export type { WellKnownFieldName } from "../syntax/field-name.js";
export type { StandardMethod } from "../syntax/method.js";
export type { HeaderError, HeaderErrorCode, ParseResult } from "../syntax/result.js";
export type { ValueType } from "../syntax/value-type.js";
export { negotiate, type NegotiationKind } from "../negotiation/negotiate.js";
export { cookieValue, cookieValues } from "../headers/cookie.js";
export { strongCompare, weakCompare } from "../syntax/entity-tag.js";
export { resolveRanges, type ByteRange } from "../conditional/resolve-ranges.js";
export {
  evaluatePreconditions,
  type CurrentRepresentation,
  type PreconditionOutcome,
  type PreconditionRequest,
} from "../conditional/evaluate-preconditions.js";
