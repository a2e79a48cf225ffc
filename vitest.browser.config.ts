import { defineConfig } from "vitest/config";

// The real-browser suite (npm run test:browser): headless Chromium from Debian.
export default defineConfig({
  test: {
    include: ["test/browser/**/*.spec.ts"],
    testTimeout: 600_000,
    hookTimeout: 60_000,
  },
});
