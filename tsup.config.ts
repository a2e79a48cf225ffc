import { defineConfig } from "tsup";

export default defineConfig([
  {
    // The library: the main entry point, the standalone header codecs, the CORS module alone,
    // and the Node adapter.
    entry: { index: "src/index.ts", headers: "src/header-codecs.ts", cors: "src/cors.ts", node: "src/node.ts" },
    format: ["esm", "cjs"],
    dts: true,
    clean: true,
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
