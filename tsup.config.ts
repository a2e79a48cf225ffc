import { defineConfig } from "tsup";

// The builds run in parallel, so none cleans dist/ (one could delete another's output): `npm run
// build` empties it first.
export default defineConfig([
  {
    // The library: the main entry point, the CORS module alone, and the Node adapter. Their
    // shared code goes in shared chunks, in CommonJS too, so that they share one registry.
    entry: { index: "src/entries/index.ts", cors: "src/entries/cors.ts", node: "src/entries/node.ts" },
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
    // not inlined (measured with bench/parse.bench.ts).
    entry: { headers: "src/entries/headers.ts" },
    format: ["esm", "cjs"],
    dts: true,
    clean: false,
    sourcemap: false,
    target: "es2022",
  },
  {
    // The command line (ESM, Node only).
    entry: { cli: "src/entries/cli.ts" },
    format: ["esm"],
    dts: false,
    clean: false,
    target: "node18",
    platform: "node",
  },
]);
