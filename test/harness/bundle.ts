/**
 * The functions test harness: loads the BUILT dist/functions.json and dist/functions.js in
 * headless Chromium, as Excel's runtime does, with a CustomFunctions stand-in, and lets tests
 * call a function the way Excel does: ranges as 2-D arrays, omitted optional arguments as
 * `null`, an invocation object last.
 *
 * The output folder is `dist/` unless DTC_DIST names another (so parallel builds don't collide).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "./chromium";

export const DIST = path.resolve(process.env.DTC_DIST ?? "dist");

/** An Excel error as the harness reports it. */
export interface XlError {
  error: "#VALUE!" | "#N/A" | "#DIV/0!" | "#NUM!" | string;
  message?: string;
}
export type XlValue = number | string | boolean | null | XlError;
export type XlResult = XlValue | XlValue[][];

export interface FunctionMeta {
  id: string;
  name: string;
  description: string;
  parameters: { name: string; description?: string; optional?: boolean; dimensionality?: string; type?: string }[];
  result?: { dimensionality?: string };
}

export interface Bundle {
  metadata: { functions: FunctionMeta[] };
  /** Ids registered by CustomFunctions.associate when functions.js was loaded. */
  associated: string[];
  /** Errors thrown while loading functions.js (should be none). */
  loadErrors: string[];
  /** Call DTC.<id> like Excel: missing trailing optionals become null, an invocation object last. */
  call(id: string, ...args: unknown[]): Promise<XlResult>;
  /** Call many at once (one round trip): each entry is [id, ...args]. */
  callMany(calls: unknown[][]): Promise<XlResult[]>;
  page: Page;
  close(): Promise<void>;
}

/** The stand-in for Excel's CustomFunctions runtime, installed before functions.js runs. */
const STAND_IN = `
  window.__associated = {};
  window.__loadErrors = [];
  window.addEventListener("error", (e) => window.__loadErrors.push(String(e.message)));
  class CFError extends Error {
    constructor(code, message) { super(message); this.code = code; }
  }
  window.CustomFunctions = {
    associate(id, fn) { window.__associated[id] = fn; },
    Error: CFError,
    ErrorCode: {
      invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!", nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!",
    },
  };
  window.__toPlain = (v) => {
    const one = (x) => (x instanceof CFError ? { error: x.code, message: x.message } :
      x === undefined ? null : (typeof x === "number" && !Number.isFinite(x)) ? { error: "NONFINITE:" + x } : x);
    return Array.isArray(v) ? v.map((r) => Array.isArray(r) ? r.map(one) : one(r)) : one(v);
  };
  window.__call = (meta, id, args) => {
    const fn = window.__associated[id];
    if (!fn) return { error: "NOT_ASSOCIATED:" + id };
    const params = meta[id] || 0;
    const full = args.slice();
    while (full.length < params) full.push(null);
    full.push({ address: "Sheet1!A1", functionName: id, parameterAddresses: [] });
    // A CustomFunctions.Error thrown for the whole call is Excel's documented way to fail a
    // call: it reads as that error. Anything else thrown is a bug ("THROWN").
    try { return window.__toPlain(fn(...full)); }
    catch (e) {
      if (e instanceof CFError) return { error: e.code, message: e.message };
      return { error: "THROWN", message: String(e && e.message || e) };
    }
  };
`;

export async function loadBundle(options: { browser?: Browser } = {}): Promise<Bundle> {
  const metadata = JSON.parse(readFileSync(path.join(DIST, "functions.json"), "utf8")) as Bundle["metadata"];
  const code = readFileSync(path.join(DIST, "functions.js"), "utf8");
  const browser = options.browser ?? (await launchChromium());
  const page = await browser.newPage();
  await page.setContent("<!doctype html><html><body></body></html>");
  await page.addScriptTag({ content: STAND_IN });
  await page.addScriptTag({ content: code });
  const associated = await page.evaluate(() => Object.keys((window as any).__associated));
  const loadErrors = await page.evaluate(() => (window as any).__loadErrors as string[]);
  const paramCounts = Object.fromEntries(metadata.functions.map((f) => [f.id, f.parameters.length]));
  const callMany = (calls: unknown[][]): Promise<XlResult[]> =>
    page.evaluate(
      ([meta, cs]) => cs.map(([id, ...args]) => (window as any).__call(meta, id, args)),
      [paramCounts, calls] as const,
    );
  return {
    metadata,
    associated,
    loadErrors,
    page,
    callMany,
    call: async (id, ...args) => (await callMany([[id, ...args]]))[0],
    close: async () => {
      await page.close();
      if (!options.browser) await browser.close();
    },
  };
}

export function isError(v: unknown): v is XlError {
  return typeof v === "object" && v !== null && !Array.isArray(v) && "error" in v;
}
