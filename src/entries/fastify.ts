// typed-headers/fastify: the Fastify adapter, apart from the main entry point so that the core's
// type declarations need no Fastify types (Fastify is an optional peer dependency).

export { fastifyCors } from "../cors/fastify-adapter.js";
export type { CorsAdapterOptions } from "../cors/adapter-options.js";
