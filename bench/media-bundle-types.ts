// The types of the bundle bench/media.bench.ts builds from src/ (the bundle itself has none).
export { contentTypeHeader } from "../src/headers/content-type.js";
export { negotiate } from "../src/negotiation/negotiate.js";
