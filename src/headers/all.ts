// The built-in headers: one line each, and the only list of them. The registry (its table and the
// HeaderRegistry type), the typed-headers/headers entry point, the size budgets and the laws the
// property tests run are derived from this module; test/headers/list.test.ts checks the README's
// table of headers and that each header's tests run those laws.
export { acceptHeader } from "./accept.js";
export { acceptEncodingHeader } from "./accept-encoding.js";
export { acceptLanguageHeader } from "./accept-language.js";
export { accessControlAllowCredentialsHeader } from "./access-control-allow-credentials.js";
export { accessControlAllowHeadersHeader } from "./access-control-allow-headers.js";
export { accessControlAllowMethodsHeader } from "./access-control-allow-methods.js";
export { accessControlAllowOriginHeader } from "./access-control-allow-origin.js";
export { accessControlAllowPrivateNetworkHeader } from "./access-control-allow-private-network.js";
export { accessControlExposeHeadersHeader } from "./access-control-expose-headers.js";
export { accessControlMaxAgeHeader } from "./access-control-max-age.js";
export { accessControlRequestHeadersHeader } from "./access-control-request-headers.js";
export { accessControlRequestMethodHeader } from "./access-control-request-method.js";
export { accessControlRequestPrivateNetworkHeader } from "./access-control-request-private-network.js";
export { cacheControlHeader } from "./cache-control.js";
export { contentLengthHeader } from "./content-length.js";
export { contentTypeHeader } from "./content-type.js";
export { cookieHeader } from "./cookie.js";
export { dateHeader } from "./conditional/dates.js";
export { etagHeader } from "./conditional/etag.js";
export { expiresHeader } from "./conditional/dates.js";
export { ifMatchHeader } from "./conditional/match.js";
export { ifModifiedSinceHeader } from "./conditional/dates.js";
export { ifNoneMatchHeader } from "./conditional/match.js";
export { ifRangeHeader } from "./conditional/if-range.js";
export { ifUnmodifiedSinceHeader } from "./conditional/dates.js";
export { lastModifiedHeader } from "./conditional/dates.js";
export { originHeader } from "./origin.js";
export { retryAfterHeader } from "./conditional/retry-after.js";
export { acceptRangesHeader } from "./ranges/accept-ranges.js";
export { contentRangeHeader } from "./ranges/content-range.js";
export { rangeHeader } from "./ranges/range.js";
export { setCookieHeader } from "./set-cookie.js";
export { varyHeader } from "./vary.js";
