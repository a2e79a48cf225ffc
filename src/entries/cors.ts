// typed-headers/cors: the CORS protocol alone (checkCors, corsPolicy, the Fetch adapter), for
// bundles that want it without the rest of the library. Everything here is also exported by the
// main entry point.

export {
  checkCors,
  type CheckCorsOptions,
  type CorsExchange,
  type CorsFailureReason,
  type CorsRequest,
  type CorsVerdict,
  type PreflightInfo,
} from "../cors/check.js";
export type { CorsAdapterOptions } from "../cors/adapter-options.js";
export type { CorsEngine } from "../cors/engines.js";
export { fetchCors, type FetchCorsResult } from "../cors/fetch-adapter.js";
export type { CheckedCorsPolicyConfig } from "../cors/config-checks.js";
export { CorsConfigError, type CorsConfigProblem } from "../cors/config-error.js";
export {
  corsPolicy,
  type CorsDecision,
  type CorsDecisionReason,
  type CorsPolicy,
  type CorsPolicyConfig,
  type CorsPolicyFor,
  type DynamicCorsPolicy,
  type DynamicCorsPolicyConfig,
  type DynamicOrigins,
} from "../cors/policy.js";
export { mergeVary, type VaryLines } from "../cors/merge-vary.js";
