/*
 * The bundles Excel loads (functions.js, taskpane.js) are pure ASCII: the minifier escapes every
 * other character (webpack.config.js, Terser `ascii_only`). A host that serves them without a
 * charset, to a page without <meta charset>, makes the browser decode them in the page's
 * fallback encoding (windows-1252), and a UTF-8 literal such as 认知 turns into mojibake: every
 * Chinese stage label would be "unknown". Here functions.js is served exactly like that and
 * loaded in headless Chromium with a CustomFunctions stand-in.
 *
 * Reads the BUILT folder: $DTC_DIST, else dist/.
 */
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../harness/chromium";

const DIST = path.resolve(process.env.DTC_DIST ?? "dist");

/** The first few non-ASCII characters of `text`, with their offsets. */
function nonAscii(text: string, max = 5): string[] {
  const found: string[] = [];
  for (let i = 0; i < text.length && found.length < max; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) found.push(`U+${c.toString(16).toUpperCase().padStart(4, "0")} at ${i}: ${JSON.stringify(text.slice(Math.max(0, i - 20), i + 10))}`);
  }
  return found;
}

describe("ASCII bundles", () => {
  it.each(["functions.js", "taskpane.js"])("%s holds only ASCII characters", (f) => {
    const bytes = readFileSync(path.join(DIST, f));
    expect(bytes.length).toBeGreaterThan(1000);
    // Byte by byte: every byte < 128 means every character is ASCII, whatever the decoding.
    const high = bytes.findIndex((b) => b >= 128);
    expect(high === -1 ? [] : nonAscii(bytes.toString("utf8"))).toEqual([]);
  });
});

/** The stand-in for Excel's CustomFunctions runtime (ASCII only: the page has no charset either). */
const STAND_IN = `
  window.__associated = {};
  window.__loadErrors = [];
  window.addEventListener("error", function (e) { window.__loadErrors.push(String(e.message)); });
  class CFError extends Error { constructor(code, message) { super(message); this.code = code; } }
  window.CustomFunctions = {
    associate: function (id, fn) { window.__associated[id] = fn; },
    Error: CFError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!",
      nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!" },
  };
  window.__call = function (id, args, count) {
    var fn = window.__associated[id];
    if (!fn) return { error: "NOT_ASSOCIATED:" + id };
    var full = args.slice();
    while (full.length < count) full.push(null);
    full.push({ address: "Sheet1!A1", functionName: id, parameterAddresses: [] });
    var plain = function (x) { return x instanceof CFError ? { error: x.code, message: x.message } : x === undefined ? null : x; };
    try {
      var v = fn.apply(null, full);
      return Array.isArray(v) ? v.map(function (r) { return Array.isArray(r) ? r.map(plain) : plain(r); }) : plain(v);
    } catch (e) { return { error: "THROWN", message: String((e && e.message) || e) }; }
  };
`;
/** What the stand-in adds to `window`. */
interface StandIn {
  __loadErrors: string[];
  __call(id: string, args: unknown[], count: number): unknown;
}
// No <meta charset>, no charset in any Content-Type: the browser picks its fallback encoding.
const PAGE = `<!doctype html><html><head><title>no charset</title><script>${STAND_IN}</script><script src="/functions.js"></script></head><body></body></html>`;

describe("functions.js served without a charset", () => {
  let browser: Browser;
  let server: http.Server;
  let base = "";
  beforeAll(async () => {
    const code = readFileSync(path.join(DIST, "functions.js"));
    server = http.createServer((req, res) => {
      if (req.url === "/functions.js") res.writeHead(200, { "Content-Type": "application/javascript" }).end(code);
      else if (req.url === "/") res.writeHead(200, { "Content-Type": "text/html" }).end(PAGE);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it("reads Chinese stage labels: AIPL([认知; 兴趣]) = [[1, 1, 0, 0]]", async () => {
    const meta = JSON.parse(readFileSync(path.join(DIST, "functions.json"), "utf8")) as { functions: { id: string; parameters: unknown[] }[] };
    const count = meta.functions.find((f) => f.id === "AIPL")!.parameters.length;
    const page = await browser.newPage();
    try {
      const response = await page.goto(base);
      expect(response!.headers()["content-type"]).toBe("text/html");
      // The page really is decoded without UTF-8 (else this test would prove nothing).
      expect(await page.evaluate(() => document.characterSet)).not.toBe("UTF-8");
      expect(await page.evaluate(() => (window as unknown as StandIn).__loadErrors)).toEqual([]);
      const result = await page.evaluate(([n]) => (window as unknown as StandIn).__call("AIPL", [[["认知"], ["兴趣"]]], n), [count] as const);
      expect(result).toEqual([[1, 1, 0, 0]]);
    } finally {
      await page.close();
    }
  }, 60_000);
});
