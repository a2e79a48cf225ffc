// The public surface of typed-headers. Nothing else is public.

// The CORS protocol (also published alone as typed-headers/cors).
export * from "./cors.js";
export * from "./header-codecs.js";
export type { FieldLines, HeaderCodec } from "./headers/codec.js";
export type { HeaderDefinition } from "./headers/definition.js";
export type { AllowOriginValue } from "./headers/access-control-allow-origin.js";
export type { OriginValue } from "./headers/origin.js";
export type { VaryValue } from "./headers/vary.js";
export {
  defineHeader,
  parseHeader,
  serializeHeader,
  type HeaderName,
  type HeaderRegistry,
  type HeaderValue,
  type KnownHeaderName,
} from "./registry.js";
export { HeaderMap, type HeaderInput } from "./map/header-map.js";
export type { FetchHeadersLike, HeaderRecord } from "./map/sources.js";
export type { Brand } from "./syntax/brand.js";
export { DeltaSeconds } from "./syntax/delta-seconds.js";
export { FieldName, type WellKnownFieldName } from "./syntax/field-name.js";
export { Method, type StandardMethod } from "./syntax/method.js";
export { Origin } from "./syntax/origin.js";
export type { HeaderError, HeaderErrorCode, ParseResult } from "./syntax/result.js";
export type { ValueType } from "./syntax/value-type.js";
