// What bench/conditional.bench.ts bundles and measures, until these modules are in the package's
// entry points.
export { evaluatePreconditions } from "../src/conditional/evaluate-preconditions.js";
export { resolveRanges } from "../src/conditional/resolve-ranges.js";
export { cacheControlHeader } from "../src/headers/cache-control.js";
export { rangeHeader } from "../src/headers/ranges/range.js";
export { EntityTag } from "../src/syntax/entity-tag.js";
export { HttpDate } from "../src/syntax/http-date.js";
