/*
 * Where the builds go, read from the webpack configurations themselves (no build here):
 * `npm run build` (production) writes the deployable dist/ with the add-in only, cleaned first,
 * minified to ASCII; development builds (`npm start`, build:dev, watch) write dist-dev/, so
 * they never overwrite dist/. The workbench follows the same two folders.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const require = createRequire(import.meta.url);
type Config = {
  entry: Record<string, string>;
  output: { path: string; clean?: boolean };
  externals?: Record<string, string>;
  optimization?: { minimizeOptions?: { javascript?: { format?: { ascii_only?: boolean } } } };
  plugins: object[];
};
const addin = require(path.join(ROOT, "webpack.config.js")) as (env: object, argv: object) => Config;
const workbench = require(path.join(ROOT, "webpack.workbench.js")) as (env: object, argv: object) => Config;
const scripts = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;

describe("build folders", () => {
  it("npm run build: the add-in alone into dist/, cleaned first, ASCII-only", () => {
    expect(scripts.build).toBe("webpack --mode production");
    const c = addin({}, { mode: "production" });
    expect(c.output.path).toBe(path.join(ROOT, "dist"));
    expect(c.output.clean).toBe(true);
    expect(Object.keys(c.entry).sort()).toEqual(["functions", "taskpane"]);
    expect(JSON.stringify(c.entry)).not.toMatch(/workbench|hyperformula/i);
    expect(c.plugins.map((p) => p.constructor.name)).not.toContain("WorkbenchAssetsPlugin");
    expect(c.optimization?.minimizeOptions?.javascript?.format?.ascii_only).toBe(true);
  });

  it("development builds and the development workbench go to dist-dev/", () => {
    expect(addin({}, { mode: "development" }).output.path).toBe(path.join(ROOT, "dist-dev"));
    expect(workbench({}, { mode: "development" }).output.path).toBe(path.join(ROOT, "dist-dev"));
    expect(workbench({}, { mode: "production" }).output.path).toBe(path.join(ROOT, "dist"));
    for (const s of ["start:desktop", "start:web", "stop"]) expect(scripts[s]).toContain("dist-dev/manifest.xml");
    expect(readFileSync(path.join(ROOT, ".gitignore"), "utf8").split("\n")).toContain("dist-dev/");
  });
});
