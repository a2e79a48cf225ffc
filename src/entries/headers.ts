// typed-headers/headers: each built-in header's codec on its own, so that a bundle handling one
// header carries only that header's grammar, with the value types the codecs take and give.
// Everything here is also exported by the main entry point.
export * from "../headers/all.js";
export type { FieldLines, HeaderCodec } from "../headers/codec.js";
export type { Brand } from "../syntax/brand.js";
export { DeltaSeconds } from "../syntax/delta-seconds.js";
export { FieldName } from "../syntax/field-name.js";
export { Method } from "../syntax/method.js";
export { Origin } from "../syntax/serialized-origin.js";
export { MediaType } from "../syntax/media-type.js";
export { HttpDate } from "../syntax/http-date.js";
export { EntityTag } from "../syntax/entity-tag.js";
export { SetCookie, type SameSite, type SetCookieType, type CookiePrefixRules } from "../headers/set-cookie.js";
export type { Cookie } from "../headers/cookie.js";
export type { MediaRange } from "../headers/accept.js";
export type { Weighted } from "../syntax/weight.js";
export type { EntityTagCondition } from "../headers/conditional/match.js";
export type { CacheControl } from "../headers/cache-control.js";
export type { ByteRangeSpec, Range } from "../headers/ranges/range.js";
export type { ContentRange } from "../headers/ranges/content-range.js";
