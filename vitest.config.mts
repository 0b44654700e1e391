import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    setupFiles: ["test/setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Browser-backed suites each start one headless Chromium; keep parallelism to the 2 cores.
    maxWorkers: 2,
    // dt-sql-parser (test/sql/spark.test.ts) ships ESM with extensionless imports: let Vite resolve them.
    server: { deps: { inline: ["dt-sql-parser"] } },
  },
});
