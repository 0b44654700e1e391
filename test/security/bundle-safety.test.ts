/*
 * Issue #9: no eval, no GPL code, no network in the production bundles; least-privilege
 * manifest; a Content-Security-Policy on the task pane page.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DIST } from "../harness/bundle";

const BUNDLES = ["functions.js", "taskpane.js"];
const read = (f: string): string => readFileSync(path.join(DIST, f), "utf8");

describe("production bundles", () => {
  it.each(BUNDLES)("%s contains no eval and no Function constructor", (f) => {
    const code = read(f);
    expect(code).not.toMatch(/\beval\s*\(/);
    expect(code).not.toMatch(/new\s+Function\s*\(/);
    expect(code).not.toMatch(/\bFunction\s*\(\s*["'`]/);
    expect(code).not.toMatch(/setTimeout\s*\(\s*["'`]/);
  });
  it.each(BUNDLES)("%s contains no GPL code (HyperFormula stays in tests and the workbench)", (f) => {
    const code = read(f);
    expect(code).not.toMatch(/hyperformula/i);
    expect(code).not.toMatch(/GNU General Public License|gpl-v3/i);
  });
  it("functions.js makes no network request of any kind", () => {
    const code = read("functions.js");
    for (const api of ["fetch(", "XMLHttpRequest", "WebSocket", "sendBeacon", "EventSource", "importScripts"]) {
      expect(code.includes(api), api).toBe(false);
    }
  });
  it("taskpane.js opens no socket and sends no beacon", () => {
    const code = read("taskpane.js");
    for (const api of ["WebSocket", "sendBeacon", "EventSource", "XMLHttpRequest"]) {
      expect(code.includes(api), api).toBe(false);
    }
    expect(code).not.toMatch(/\bfetch\s*\(\s*["'`]https?:/);
  });
  it("production builds carry no eval-based source maps", () => {
    for (const f of BUNDLES) expect(read(f)).not.toMatch(/sourceURL=webpack|eval\(/);
  });
});

describe("task pane page", () => {
  it("has a Content-Security-Policy allowing only its own origin and Office's CDN", () => {
    const html = read("taskpane.html");
    const m = /http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/i.exec(html);
    expect(m, "CSP meta tag").not.toBeNull();
    const csp = Object.fromEntries(
      m![1].split(";").map((d) => d.trim().split(/\s+/)).filter((p) => p[0]).map((p) => [p[0], p.slice(1)]),
    );
    expect(csp["default-src"]).toEqual(["'self'"]);
    expect(csp["connect-src"]).toEqual(["'self'"]);
    // 'wasm-unsafe-eval': WebAssembly for the Datasets view's DuckDB (test/security/datasets.test.ts).
    for (const src of csp["script-src"]) expect(["'self'", "'wasm-unsafe-eval'", "https://appsforoffice.microsoft.com"]).toContain(src);
    expect(csp["script-src"]).not.toContain("'unsafe-eval'");
    expect(csp["object-src"]).toEqual(["'none'"]);
  });
});

describe("manifest", () => {
  const xml = (): string => read("manifest.xml");
  it("asks for ReadWriteDocument, the least the planners need", () => {
    expect(xml()).toMatch(/<Permissions>\s*ReadWriteDocument\s*<\/Permissions>/);
  });
  it("uses only https URLs", () => {
    const urls = xml().match(/(?:DefaultValue|Value)="(https?:[^"]+)"/g) ?? [];
    expect(urls.length).toBeGreaterThan(0);
    for (const u of urls) expect(u).toMatch(/"https:/);
    // Namespace names (xmlns="http://schemas…") are identifiers, not URLs the add-in loads.
    const attrs = xml().match(/\s[\w:]+="http:\/\/[^"]*"/g) ?? [];
    expect(attrs.filter((a) => !/^\s(xmlns(:\w+)?|xsi:type)=/.test(a))).toEqual([]);
  });
});

describe("dependencies", () => {
  it("npm audit --omit=dev reports no high or critical vulnerability", (ctx) => {
    let out = "";
    try {
      out = execFileSync("npm", ["audit", "--omit=dev", "--json"], { encoding: "utf8", timeout: 60_000, stdio: ["ignore", "pipe", "pipe"] });
    } catch (e) {
      out = (e as { stdout?: string }).stdout ?? "";
    }
    const report = out.trim() ? JSON.parse(out) : {};
    const v = report.metadata?.vulnerabilities;
    // The registry mirror of this machine refuses the audit endpoint (405): say so, don't pretend.
    if (!v) return ctx.skip(`npm audit endpoint unavailable here: ${JSON.stringify(report.error ?? report).slice(0, 160)}`);
    expect(v.high + v.critical).toBe(0);
  });
  it("the production dependency list is short and has no GPL licence", () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8"));
    for (const dep of Object.keys(pkg.dependencies)) {
      const file = path.join("node_modules", dep, "package.json");
      if (!existsSync(file)) continue;
      const lic = String(JSON.parse(readFileSync(file, "utf8")).license ?? "");
      expect(lic, dep).not.toMatch(/GPL/i);
    }
    expect(Object.keys(pkg.dependencies)).not.toContain("hyperformula");
  });
});
