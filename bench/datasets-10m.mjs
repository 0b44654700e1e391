#!/usr/bin/env node
/*
 * A manual check of the Datasets view on a big file (not part of `npm test`): writes a
 * FAST.ROWS or GROW.ROWS CSV of N rows (default 10,000,000) into /tmp, serves a built folder
 * with the workbench (DTC_DIST, else dist/), opens the workbench in headless Chromium, opens the
 * file in the Datasets tab, runs the model and waits for the result sheet. Prints the file size,
 * the time to open (DuckDB start + columns), the time of the run, the progress texts the pane
 * showed, the result row and the note's rows read, and the memory of the page and its worker.
 *
 *   node bench/datasets-10m.mjs [--rows N] [--model FAST.ROWS|GROW.ROWS] [--keep]
 */
import { createWriteStream, existsSync, rmSync, statSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { staticHandler } from "../scripts/start.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const ROWS = Number(arg("rows", "10000000"));
const MODEL = arg("model", "FAST.ROWS");
const DIST = path.resolve(ROOT, process.env.DTC_DIST ?? "dist");
const FILE = path.join("/tmp", `dtc-${MODEL.toLowerCase().replace(".", "-")}-${ROWS}.csv`);

/** Write the CSV (a fixed mix of labels, so the run is repeatable), unless it is there already. */
async function writeCsv() {
  if (existsSync(FILE)) return;
  const out = createWriteStream(FILE);
  const write = (s) => (out.write(s) ? undefined : new Promise((r) => out.once("drain", r)));
  let a = 12345;
  const rnd = () => ((a = (Math.imul(a, 1103515245) + 12345) >>> 0) / 4294967296);
  const stages = ["A", "I", "P", "L", "-", "", " a ", "认知", "购买"];
  const flags = ["1", "0", "Y", "N", "", "是"];
  await write(MODEL === "GROW.ROWS" ? "period,customer,category,gmv\n" : "stage_start,stage_end,is_member,is_active\n");
  const BATCH = 50_000;
  for (let i = 0; i < ROWS; i += BATCH) {
    let chunk = "";
    for (let k = i; k < Math.min(ROWS, i + BATCH); k++) {
      if (MODEL === "GROW.ROWS") {
        chunk += `${k < 8 ? k % 2 : rnd() < 0.5 ? 0 : 1},c${Math.floor(rnd() * 2_000_000)},cat${k < 8 ? k % 4 : Math.floor(rnd() * 40)},${(Math.floor(rnd() * 100000) / 100).toFixed(2)}\n`;
      } else {
        chunk += `${stages[Math.floor(rnd() * 9)]},${stages[Math.floor(rnd() * 9)]},${flags[Math.floor(rnd() * 6)]},${flags[Math.floor(rnd() * 6)]}\n`;
      }
    }
    await write(chunk);
  }
  await new Promise((r) => out.end(r));
}

async function main() {
  const t0 = Date.now();
  await writeCsv();
  console.log(`file ${FILE}: ${(statSync(FILE).size / 1e6).toFixed(1)} MB, ${ROWS} rows (written in ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  const server = http.createServer(staticHandler(DIST));
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", headless: true, args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--enable-precise-memory-info"] });
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.route("**/*", (route) => (new URL(route.request().url()).hostname === "127.0.0.1" ? route.continue() : route.abort()));
    const page = await context.newPage();
    page.on("pageerror", (e) => console.log(`pageerror: ${e.message}`));
    await page.goto(`${base}workbench.html`);
    await page.waitForSelector("body[data-ready=true]", { timeout: 60_000 });
    const panel = page.locator('#root [role="tabpanel"]:not([hidden])');
    await page.locator("#root").getByRole("tab", { name: "Datasets" }).click();
    const tOpen = Date.now();
    await panel.locator('input[type=file][data-dtc="dataset-file"]').setInputFiles(FILE);
    await panel.locator('[data-dtc="dataset-info"]', { hasText: path.basename(FILE) }).waitFor({ timeout: 600_000 });
    console.log(`opened (DuckDB started, columns read) in ${((Date.now() - tOpen) / 1000).toFixed(1)} s`);
    await panel.getByLabel("Model").selectOption(MODEL);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    let peakHeap = 0;
    const progress = new Set();
    const tRun = Date.now();
    await panel.getByRole("button", { name: "Run and write sheet" }).click();
    for (;;) {
      const text = await panel.textContent();
      const m = /Reading [^:…]+(?::|…) ?[^·]*·?[^s]*s/.exec(text ?? "");
      if (m) progress.add(m[0].replace(/[\d.]+ s$/, "… s"));
      const { metrics } = await cdp.send("Performance.getMetrics");
      peakHeap = Math.max(peakHeap, metrics.find((x) => x.name === "JSHeapUsedSize")?.value ?? 0);
      if (/Created sheet|#VALUE!|could not run/.test(text ?? "")) {
        console.log(`status: ${/(Created sheet[^.]*\.|#VALUE![^—]*|DuckDB could not run[^.]*\.)/.exec(text)?.[0]}`);
        break;
      }
      if (Date.now() - tRun > 1_800_000) throw new Error("no result after 30 minutes");
      await page.waitForTimeout(500);
    }
    console.log(`run ${MODEL} in ${((Date.now() - tRun) / 1000).toFixed(1)} s (wall, as the user waits); progress shown: ${[...progress].slice(0, 6).join(" | ")}${progress.size > 6 ? " …" : ""}`);
    const out = await page.evaluate(() => {
      const hf = globalThis.DTC_WORKBENCH_BOOK.hf;
      const name = hf.getSheetNames().find((n) => /ROWS/.test(n));
      const v = hf.getSheetValues(hf.getSheetId(name));
      const note = (l) => v.find((r) => r[0] === l)?.[1];
      return { name, header: v[4], row: v[5], rowsRead: note("Rows read"), skipped: note("Rows skipped"), time: note("Time taken") };
    });
    console.log(JSON.stringify(out));
    console.log(`page JS heap peak ${(peakHeap / 1e6).toFixed(0)} MB (the worker's wasm memory is not in it)`);
    // The renderer processes' resident memory, page and worker together (Linux only).
    try {
      const { execSync } = await import("node:child_process");
      const rss = execSync("ps -o rss=,args= -C chromium 2>/dev/null || true").toString().split("\n").filter((l) => /type=renderer/.test(l));
      const kb = rss.map((l) => Number(l.trim().split(/\s+/)[0])).filter(Number.isFinite);
      if (kb.length) console.log(`renderer RSS now: ${kb.map((k) => `${(k / 1024).toFixed(0)} MB`).join(", ")}`);
    } catch {
      // not on Linux
    }
  } finally {
    await browser.close();
    server.close();
    if (!process.argv.includes("--keep")) rmSync(FILE, { force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
