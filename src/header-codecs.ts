// typed-headers/headers: each built-in header's parser and serializer on its own, so that a
// bundle handling one header carries only that header's grammar. Also exported by the main entry.
import { accessControlAllowCredentials } from "./headers/access-control-allow-credentials.js";
import { accessControlAllowHeaders } from "./headers/access-control-allow-headers.js";
import { accessControlAllowMethods } from "./headers/access-control-allow-methods.js";
import { accessControlAllowOrigin } from "./headers/access-control-allow-origin.js";
import { accessControlAllowPrivateNetwork } from "./headers/access-control-allow-private-network.js";
import { accessControlExposeHeaders } from "./headers/access-control-expose-headers.js";
import { accessControlMaxAge } from "./headers/access-control-max-age.js";
import { accessControlRequestHeaders } from "./headers/access-control-request-headers.js";
import { accessControlRequestMethod } from "./headers/access-control-request-method.js";
import { accessControlRequestPrivateNetwork } from "./headers/access-control-request-private-network.js";
import { codecOf, type HeaderCodec } from "./headers/codec.js";
import { origin } from "./headers/origin.js";
import { vary } from "./headers/vary.js";
import type { HeaderRegistry } from "./registry.js";

// The value types the codecs take and give, so that code using this entry point alone can build
// them without importing the registry.
export { DeltaSeconds } from "./syntax/delta-seconds.js";
export { FieldName } from "./syntax/field-name.js";
export { Method } from "./syntax/method.js";
export { Origin } from "./syntax/origin.js";

// Each codec is built by a call; `@__PURE__` lets bundlers drop the ones a program never uses.
// The types are written out so that the declarations (and the API report) print the same every build.

/**
 * `Origin` on its own: `parse` and `serialize` as parseHeader/serializeHeader do them.
 *
 * @example
 * ```ts
 * originHeader.parse("https://app.example");   // { ok: true, value: "https://app.example" }
 * originHeader.parse("https://app.example/"); // { ok: false, error: { code: "invalid-origin", … } }
 * ```
 * @public
 */
export const originHeader: HeaderCodec<"origin", HeaderRegistry["origin"]> = /* @__PURE__ */ codecOf(origin);
/**
 * `Access-Control-Request-Method` on its own.
 *
 * @example
 * ```ts
 * accessControlRequestMethodHeader.parse("PATCH");   // { ok: true, value: "PATCH" }
 * ```
 * @public
 */
export const accessControlRequestMethodHeader: HeaderCodec<"access-control-request-method", HeaderRegistry["access-control-request-method"]> = /* @__PURE__ */ codecOf(accessControlRequestMethod);
/**
 * `Access-Control-Request-Headers` on its own.
 *
 * @example
 * ```ts
 * accessControlRequestHeadersHeader.parse("content-type,X-Request-Id");
 * // { ok: true, value: ["content-type", "x-request-id"] }
 * ```
 * @public
 */
export const accessControlRequestHeadersHeader: HeaderCodec<"access-control-request-headers", HeaderRegistry["access-control-request-headers"]> = /* @__PURE__ */ codecOf(accessControlRequestHeaders);
/**
 * `Access-Control-Request-Private-Network` on its own.
 *
 * @example
 * ```ts
 * accessControlRequestPrivateNetworkHeader.parse("true");   // { ok: true, value: true }
 * ```
 * @public
 */
export const accessControlRequestPrivateNetworkHeader: HeaderCodec<"access-control-request-private-network", HeaderRegistry["access-control-request-private-network"]> = /* @__PURE__ */ codecOf(accessControlRequestPrivateNetwork);
/**
 * `Access-Control-Allow-Origin` on its own.
 *
 * @example
 * ```ts
 * accessControlAllowOriginHeader.serialize("*");              // "*"
 * accessControlAllowOriginHeader.parse("https://a.example, https://b.example");
 * // { ok: false, error: { code: "multiple-values", … } }
 * ```
 * @public
 */
export const accessControlAllowOriginHeader: HeaderCodec<"access-control-allow-origin", HeaderRegistry["access-control-allow-origin"]> = /* @__PURE__ */ codecOf(accessControlAllowOrigin);
/**
 * `Access-Control-Allow-Credentials` on its own: only the exact `true` parses.
 *
 * @example
 * ```ts
 * accessControlAllowCredentialsHeader.parse("True");   // { ok: false, error: { code: "not-true", … } }
 * accessControlAllowCredentialsHeader.serialize(true);  // "true"
 * ```
 * @public
 */
export const accessControlAllowCredentialsHeader: HeaderCodec<"access-control-allow-credentials", HeaderRegistry["access-control-allow-credentials"]> = /* @__PURE__ */ codecOf(accessControlAllowCredentials);
/**
 * `Access-Control-Allow-Methods` on its own.
 *
 * @example
 * ```ts
 * accessControlAllowMethodsHeader.serialize(["GET", "PATCH"]);   // "GET, PATCH"
 * ```
 * @public
 */
export const accessControlAllowMethodsHeader: HeaderCodec<"access-control-allow-methods", HeaderRegistry["access-control-allow-methods"]> = /* @__PURE__ */ codecOf(accessControlAllowMethods);
/**
 * `Access-Control-Allow-Headers` on its own.
 *
 * @example
 * ```ts
 * accessControlAllowHeadersHeader.parse("Content-Type, X-Foo");   // { ok: true, value: ["content-type", "x-foo"] }
 * ```
 * @public
 */
export const accessControlAllowHeadersHeader: HeaderCodec<"access-control-allow-headers", HeaderRegistry["access-control-allow-headers"]> = /* @__PURE__ */ codecOf(accessControlAllowHeaders);
/**
 * `Access-Control-Expose-Headers` on its own.
 *
 * @example
 * ```ts
 * accessControlExposeHeadersHeader.serialize([FieldName.from("X-Total")]);   // "x-total"
 * ```
 * @public
 */
export const accessControlExposeHeadersHeader: HeaderCodec<"access-control-expose-headers", HeaderRegistry["access-control-expose-headers"]> = /* @__PURE__ */ codecOf(accessControlExposeHeaders);
/**
 * `Access-Control-Max-Age` on its own.
 *
 * @example
 * ```ts
 * accessControlMaxAgeHeader.parse("600");   // { ok: true, value: 600 }
 * accessControlMaxAgeHeader.parse("-1");    // { ok: false, error: { code: "invalid-delta-seconds", … } }
 * ```
 * @public
 */
export const accessControlMaxAgeHeader: HeaderCodec<"access-control-max-age", HeaderRegistry["access-control-max-age"]> = /* @__PURE__ */ codecOf(accessControlMaxAge);
/**
 * `Access-Control-Allow-Private-Network` on its own.
 *
 * @example
 * ```ts
 * accessControlAllowPrivateNetworkHeader.serialize(true);   // "true"
 * ```
 * @public
 */
export const accessControlAllowPrivateNetworkHeader: HeaderCodec<"access-control-allow-private-network", HeaderRegistry["access-control-allow-private-network"]> = /* @__PURE__ */ codecOf(accessControlAllowPrivateNetwork);
/**
 * `Vary` on its own.
 *
 * @example
 * ```ts
 * varyHeader.parse("Origin, Accept-Encoding");   // { ok: true, value: ["origin", "accept-encoding"] }
 * varyHeader.parse("Origin, *");                 // { ok: true, value: "*" }
 * ```
 * @public
 */
export const varyHeader: HeaderCodec<"vary", HeaderRegistry["vary"]> = /* @__PURE__ */ codecOf(vary);
