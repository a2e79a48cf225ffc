import { defineConfig } from "vitest/config";

export default defineConfig({
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
