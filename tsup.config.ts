import { defineConfig } from "tsup";

// The builds run in parallel, so none cleans dist/ (one could delete another's output): `npm run
// build` empties it first.
export default defineConfig([
  {
    // The library: the main entry point, the CORS module alone, and the framework adapters. Their
    // shared code goes in shared chunks, in CommonJS too, so that they share one registry. The
    // frameworks are optional peers whose types only are imported: nothing of them is bundled.
    entry: {
      index: "src/index.ts",
      cors: "src/cors.ts",
      node: "src/node.ts",
      hono: "src/hono.ts",
      fastify: "src/fastify.ts",
      koa: "src/koa.ts",
    },
    format: ["esm", "cjs"],
    splitting: true,
    dts: true,
    clean: false,
    sourcemap: false,
    target: "es2022",
  },
  {
    // The standalone header codecs, built apart: in the build above they would pull the shared
    // parsing glue into a chunk of its own, and a call from the registry into another chunk is
    // not inlined (parseHeader took 2.5x as long on "true" in bench/parse.bench.ts).
    entry: { headers: "src/header-codecs.ts" },
    format: ["esm", "cjs"],
    dts: true,
    clean: false,
    sourcemap: false,
    target: "es2022",
  },
  {
    // The command line (ESM, Node only).
    entry: { cli: "src/cli/bin.ts" },
    format: ["esm"],
    dts: false,
    clean: false,
    target: "node18",
    platform: "node",
  },
]);
