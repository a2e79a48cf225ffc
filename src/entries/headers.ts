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
