#!/usr/bin/env node
/*
 * `npm test`: build the production bundle, then run every vitest suite against it, and end with
 * one plain line "N passed, M failed" (", K skipped" when any), read from vitest's JSON report.
 * Exits non-zero when anything failed, when a test file could not run, or when no test ran.
 *
 * Usage: node scripts/test.mjs [--no-build] [VITEST ARGS...]
 *   The build goes to $DTC_DIST, or dist/ (the tests read the same folder through DTC_DIST).
 *   --no-build reuses the folder as it is; other arguments go to `vitest run` (e.g. a path filter).
 *   The JSON report is kept in test-results/vitest.json ($DTC_TEST_REPORT to put it elsewhere).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const bin = (pkg, name) => {
  const dir = path.dirname(require.resolve(`${pkg}/package.json`));
  const b = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")).bin;
  return path.join(dir, typeof b === "string" ? b : b[name]);
};

/** A path relative to the project when it lies inside it, else absolute. */
function shortPath(p) {
  const r = path.relative(ROOT, p);
  return r && !r.startsWith("..") && !path.isAbsolute(r) ? r : p;
}

/**
 * The closing line from a vitest JSON report. Test files that failed before running any test
 * (an import error, a failing beforeAll) count as one failure each.
 */
export function summarize(report) {
  const broken = (report.testResults ?? []).filter((f) => f.status === "failed" && !(f.assertionResults ?? []).some((t) => t.status === "failed"));
  const passed = report.numPassedTests ?? 0;
  const failed = (report.numFailedTests ?? 0) + broken.length;
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  const line = `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`;
  return { passed, failed, skipped, broken, line };
}

function main() {
  const args = process.argv.slice(2);
  const noBuild = args.includes("--no-build");
  const vitestArgs = args.filter((a) => a !== "--no-build");
  const dist = path.resolve(ROOT, process.env.DTC_DIST || "dist");
  const env = { ...process.env, DTC_DIST: dist };

  if (!noBuild) {
    const t0 = Date.now();
    const b = spawnSync(process.execPath, [bin("webpack-cli", "webpack-cli"), "--mode", "production", "--output-path", dist], {
      cwd: ROOT,
      env,
      stdio: "inherit",
    });
    // The workbench page (webpack.workbench.js) follows into the same folder: it loads that build.
    const w =
      b.status === 0
        ? spawnSync(process.execPath, [bin("webpack-cli", "webpack-cli"), "--mode", "production", "--config", "webpack.workbench.js", "--output-path", dist], {
            cwd: ROOT,
            env,
            stdio: "inherit",
          })
        : b;
    if (b.status !== 0 || w.status !== 0) {
      console.log("the production build failed: no test ran");
      console.log("0 passed, 0 failed");
      process.exit(1);
    }
    const fn = path.join(dist, "functions.js");
    const size = existsSync(fn) ? readFileSync(fn) : Buffer.alloc(0);
    console.log(
      `production build in ${((Date.now() - t0) / 1000).toFixed(1)} s; functions.js ${(size.length / 1024).toFixed(1)} KiB, gzip ${(gzipSync(size, { level: 9 }).length / 1024).toFixed(1)} KiB`,
    );
  } else if (!existsSync(path.join(dist, "functions.js"))) {
    console.log(`--no-build: ${dist} holds no build; the bundle tests will fail`);
  }

  // The JSON report stays for CI and for a look after the run (test-results/ is not committed).
  const json = path.resolve(ROOT, process.env.DTC_TEST_REPORT || "test-results/vitest.json");
  rmSync(json, { force: true });
  const v = spawnSync(process.execPath, [bin("vitest", "vitest"), "run", "--reporter=default", "--reporter=json", `--outputFile=${json}`, ...vitestArgs], {
    cwd: ROOT,
    env,
    stdio: "inherit",
  });
  let report = null;
  try {
    report = JSON.parse(readFileSync(json, "utf8"));
  } catch {
    report = null;
  }
  if (!report) {
    console.log(`vitest wrote no report (exit ${v.status ?? v.signal})`);
    console.log("0 passed, 0 failed");
    process.exit(1);
  }
  const s = summarize(report);
  for (const f of s.broken)
    console.log(`test file failed to run: ${shortPath(f.name)}${f.message ? ` (${String(f.message).split("\n")[0]})` : ""}`);
  if (s.passed === 0 && s.failed === 0) console.log("no test ran");
  console.log(s.line);
  process.exit(v.status !== 0 || s.failed > 0 || s.passed === 0 ? 1 : 0);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
