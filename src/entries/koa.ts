// typed-headers/koa: the Koa adapter, apart from the main entry point so that the core's type
// declarations need no Koa types (Koa is an optional peer dependency; its types come from
// @types/koa).

export { koaCors } from "../cors/koa-adapter.js";
export type { CorsAdapterOptions } from "../cors/adapter-options.js";
