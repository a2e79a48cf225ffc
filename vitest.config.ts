import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Tests import the package by its name, as users do; here the names resolve to the sources.
export const alias = {
  "typed-headers/headers": fileURLToPath(new URL("src/entries/headers.ts", import.meta.url)),
  "typed-headers/cors": fileURLToPath(new URL("src/entries/cors.ts", import.meta.url)),
  "typed-headers/node": fileURLToPath(new URL("src/entries/node.ts", import.meta.url)),
  "typed-headers/hono": fileURLToPath(new URL("src/entries/hono.ts", import.meta.url)),
  "typed-headers/fastify": fileURLToPath(new URL("src/entries/fastify.ts", import.meta.url)),
  "typed-headers/koa": fileURLToPath(new URL("src/entries/koa.ts", import.meta.url)),
  "typed-headers": fileURLToPath(new URL("src/entries/index.ts", import.meta.url)),
};

export default defineConfig({
  resolve: { alias },
  test: {
    include: ["test/**/*.test.ts", "src/**/*.test.ts"],
    setupFiles: ["test/setup.ts"],
    typecheck: {
      include: ["test/**/*.test-d.ts", "src/**/*.test-d.ts"],
      tsconfig: "./tsconfig.json",
    },
    benchmark: {
      include: ["bench/**/*.bench.ts"],
    },
  },
});
