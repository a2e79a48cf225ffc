import { defineConfig } from "vitest/config";
// The same package-name aliases as the unit tests (the names resolve to the sources).
import { alias } from "./vitest.config.js";

// The real-browser suites (npm run test:browser): headless Chromium and Firefox ESR from Debian.
export default defineConfig({
  resolve: { alias },
  test: {
    include: ["test/browser/**/*.spec.ts"],
    testTimeout: 600_000,
    hookTimeout: 60_000,
  },
});
