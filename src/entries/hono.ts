// typed-headers/hono: the Hono adapter, apart from the main entry point so that the core's type
// declarations need no Hono types (Hono is an optional peer dependency).

export { honoCors } from "../cors/hono-adapter.js";
export type { CorsAdapterOptions } from "../cors/adapter-options.js";
