import { defineConfig } from "vitest/config";

// The real-browser suites (npm run test:browser): headless Chromium and Firefox ESR from Debian.
export default defineConfig({
  test: {
    include: ["test/browser/**/*.spec.ts"],
    testTimeout: 600_000,
    hookTimeout: 60_000,
  },
});
