// The built-in headers: one line each, and the only list of them. The registry (its table and the
// HeaderRegistry type), the typed-headers/headers entry point, the size budgets and the laws the
// property tests run are derived from this module; test/headers/list.test.ts checks the README's
// table of headers and that each header's tests beside its module run those laws.
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
export { originHeader } from "./origin.js";
export { varyHeader } from "./vary.js";
