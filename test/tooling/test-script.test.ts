/*
 * `npm test` (scripts/test.mjs) ends with "N passed, M failed[, K skipped]" from vitest's JSON
 * report and fails when anything failed, when a file could not run, or when nothing ran. It is
 * run here (with --no-build) on throwaway test files through a config of their own.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Run scripts/test.mjs on the given test files; returns exit code and the last output line. */
function runOn(files: Record<string, string>): { code: number | null; last: string; out: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "dtc-testscript-"));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  writeFileSync(path.join(dir, "vitest.config.mjs"), `export default { test: { root: ${JSON.stringify(dir)}, include: ["*.test.ts"] } };\n`);
  // A clean environment for the nested vitest: none of this run's VITEST_* variables.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("VITEST") && k !== "NODE_ENV"));
  const r = spawnSync(process.execPath, ["scripts/test.mjs", "--no-build", "--config", path.join(dir, "vitest.config.mjs")], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...env, DTC_TEST_REPORT: path.join(dir, "report.json"), NO_COLOR: "1" },
    timeout: 120_000,
  });
  const lines = r.stdout.trim().split("\n");
  return { code: r.status, last: lines[lines.length - 1], out: r.stdout + r.stderr };
}

const head = `import { expect, it } from "vitest";\n`;

describe("npm test summary", () => {
  it("counts passes and exits 0 when all pass", () => {
    const r = runOn({ "a.test.ts": head + `it("one", () => expect(1 + 1).toBe(2));\nit("two", () => expect("a").toBe("a"));\n` });
    expect(r.last).toBe("2 passed, 0 failed");
    expect(r.code).toBe(0);
  });

  it("counts failures and skips and exits 1", () => {
    // 1 pass, 2 failing assertions, 1 skipped + 1 todo = 2 skipped.
    const r = runOn({
      "a.test.ts": head + `it("ok", () => expect(1).toBe(1));\nit("bad", () => expect(1).toBe(2));\nit("worse", () => { throw new Error("x"); });\nit.skip("later", () => {});\nit.todo("someday");\n`,
    });
    expect(r.last).toBe("1 passed, 2 failed, 2 skipped");
    expect(r.code).toBe(1);
  });

  it("counts a test file that cannot even load as a failure, and names it", () => {
    const r = runOn({
      "a.test.ts": head + `it("ok", () => expect(1).toBe(1));\n`,
      "b.test.ts": `import "./no-such-module";\n` + head + `it("never", () => expect(1).toBe(1));\n`,
    });
    expect(r.last).toBe("1 passed, 1 failed");
    expect(r.out).toMatch(/test file failed to run: .*b\.test\.ts/);
    expect(r.code).toBe(1);
  });

  it("exits 1 when no test ran", () => {
    const r = runOn({ "a.test.ts": head + `it.skip("off", () => expect(1).toBe(1));\n` });
    expect(r.last).toBe("0 passed, 0 failed, 1 skipped");
    expect(r.code).toBe(1);
  });
});
