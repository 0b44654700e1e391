/**
 * Browser harness of the workbench: serves the BUILT folder (DTC_DIST, else dist/) from a static
 * server on 127.0.0.1 (the same handler `npm start` uses), opens workbench.html in headless
 * Chromium, blocks and counts every request that leaves localhost, and records uncaught errors.
 * Helpers drive the grid like a user (click a cell, type, Enter) and read what the cells hold.
 */
import { existsSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
// @ts-expect-error: a plain ES module of the tooling (scripts/start.mjs), without type declarations
import { staticHandler } from "../../scripts/start.mjs";
import { DIST } from "../harness/bundle";
import { launchChromium } from "../harness/chromium";

export interface Server {
  base: string;
  close(): Promise<void>;
}

/** Serve `dir` on 127.0.0.1 (any free port). */
export async function serve(dir = DIST): Promise<Server> {
  if (!existsSync(path.join(dir, "workbench.html"))) {
    throw new Error(`${dir} has no workbench.html: build it (npm run build, or webpack --config webpack.workbench.js)`);
  }
  const server = http.createServer(staticHandler(dir));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

export interface Workbench {
  page: Page;
  context: BrowserContext;
  /** Requests refused because they left localhost (URL list). */
  blocked: string[];
  /** Uncaught exceptions and console errors of the page. */
  errors: string[];
  /** Open the page (again, e.g. after a reload) and wait until the grid is ready. */
  open(query?: string): Promise<void>;
  close(): Promise<void>;
}

const LOCAL = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** A fresh browser context (empty localStorage) on the workbench page. */
export async function workbench(browser: Browser, server: Server, options: { locale?: string; viewport?: { width: number; height: number } } = {}): Promise<Workbench> {
  const context = await browser.newContext({ locale: options.locale ?? "en-US", viewport: options.viewport ?? { width: 1400, height: 900 } });
  const blocked: string[] = [];
  const errors: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    let host = "";
    try {
      host = new URL(url).hostname;
    } catch {
      host = "";
    }
    if (LOCAL.has(host) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
    blocked.push(url);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    // A refused request is counted in `blocked`, not as an error of the page.
    if (/ERR_BLOCKED_BY_CLIENT|net::ERR_FAILED/.test(m.text()) && blocked.length) return;
    errors.push(`console: ${m.text()}`);
  });
  const open = async (query = ""): Promise<void> => {
    await page.goto(`${server.base}workbench.html${query}`);
    await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
  };
  return { page, context, blocked, errors, open, close: () => context.close() };
}

/**
 * One server and one Chromium per test file; each test opens the page in a fresh context
 * (empty localStorage) and must end with no uncaught error and no request outside localhost.
 */
export function workbenchSuite(): { open(query?: string): Promise<Workbench> } {
  let browser: Browser;
  let server: Server;
  let current: Workbench | undefined;
  beforeAll(async () => {
    server = await serve();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async () => {
    if (!current) return;
    const wb = current;
    current = undefined;
    expect(wb.errors).toEqual([]);
    // The workbench never asks for office.js (the pane finds window.DTC_WORKBENCH first), nor
    // for anything else outside localhost.
    expect(wb.blocked).toEqual([]);
    await wb.close();
  });
  return {
    async open(query = "") {
      current = await workbench(browser, server);
      await current.open(query);
      return current;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Driving the grid

export async function showSheet(page: Page, name: string): Promise<void> {
  await page.locator(".wb-tab", { hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) }).click();
  await page.waitForSelector(`table.wb-grid[data-sheet="${name}"]`);
}

/** Click a cell, type text as a user would, press Enter. */
export async function typeInto(page: Page, address: string, text: string): Promise<void> {
  await page.click(`td[data-addr="${address}"]`);
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
}

/** Select a range by clicking its corners (shift-click). */
export async function selectRange(page: Page, range: string): Promise<void> {
  const [a, b] = range.split(":");
  await page.click(`td[data-addr="${a}"]`);
  if (b) await page.click(`td[data-addr="${b}"]`, { modifiers: ["Shift"] });
}

export type Shown = number | string | boolean | null | { error: string; message: string };

/** Values of the cells of a range of the shown sheet, row by row (from data-value). */
export async function values(page: Page, range: string): Promise<Shown[][]> {
  return page.evaluate((r) => {
    const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(r)!;
    const col = (s: string): number => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const name = (c: number): string => {
      let s = "";
      for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
      return s;
    };
    const c0 = col(m[1]);
    const r0 = Number(m[2]);
    const c1 = m[3] ? col(m[3]) : c0;
    const r1 = m[4] ? Number(m[4]) : r0;
    const out: unknown[][] = [];
    for (let row = r0; row <= r1; row++) {
      const line: unknown[] = [];
      for (let c = c0; c <= c1; c++) {
        const td = document.querySelector(`td[data-addr="${name(c)}${row}"]`) as HTMLElement | null;
        line.push(td ? JSON.parse(td.dataset.value ?? "null") : undefined);
      }
      out.push(line);
    }
    return out;
  }, range) as Promise<Shown[][]>;
}

/** What a cell shows (its formatted text). */
export async function shown(page: Page, address: string): Promise<string> {
  return (await page.textContent(`td[data-addr="${address}"]`)) ?? "";
}
