#!/usr/bin/env node
/*
 * Screenshots for the docs, taken from the BUILT workbench in headless Chromium:
 *   docs/images/pane-en.png     the task pane at 350 px, English, GTA filled from the sample
 *   docs/images/pane-zh.png     the same in Simplified Chinese
 *   docs/images/plan-sheet.png  the GTA plan sheet the pane writes, in the grid (with its chart)
 *   docs/images/workbench.png   the whole page: grid with the sample, pane beside it
 *
 * Usage: npm run build && node workbench/screenshots.mjs [--dist DIR] [--out DIR]
 *   (DIST defaults to $DTC_DIST or dist/; Chromium is $CHROMIUM_PATH or /usr/bin/chromium)
 */
import http from "node:http";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { staticHandler } from "../scripts/start.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const dist = path.resolve(ROOT, arg("--dist", process.env.DTC_DIST || "dist"));
const out = path.resolve(ROOT, arg("--out", "docs/images"));
if (!existsSync(path.join(dist, "workbench.html"))) {
  console.error(`screenshots: ${dist} has no workbench.html; run npm run build first`);
  process.exit(1);
}
mkdirSync(out, { recursive: true });

const WORDS = {
  en: { use: "Use selection", create: "Create plan", name: "Plan name", target: "Target GMV", plan: "Double 11" },
  zh: { use: "使用所选区域", create: "生成计划", name: "方案名称", target: "目标 GMV", plan: "双11" },
};

const server = http.createServer(staticHandler(dist));
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});

/** A fresh page (empty workbook state) with the GTA view filled from the sample's crowd table. */
async function filled(lang, viewport) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: lang === "zh" ? "zh-CN" : "en-US" });
  await context.route("**/*", (route) => (/^https?:\/\/127\.0\.0\.1[:/]/.test(route.request().url()) ? route.continue() : route.abort()));
  const page = await context.newPage();
  page.on("pageerror", (e) => console.error(`page error: ${e.message}`));
  await page.goto(`${base}workbench.html?lang=${lang === "zh" ? "zh-CN" : "en-US"}`);
  await page.waitForSelector("body[data-ready=true]");
  const w = WORDS[lang];
  await page.locator(".wb-tab", { hasText: /^Crowds$/ }).click();
  await page.click('td[data-addr="A3"]');
  await page.click('td[data-addr="G7"]', { modifiers: ["Shift"] });
  const panel = page.locator('#root [role="tabpanel"]:not([hidden])');
  await panel.getByRole("button", { name: w.use, exact: true }).click();
  await panel.getByLabel(w.name).fill(w.plan);
  await panel.getByLabel(w.target).fill("100000000");
  return { context, page, panel, w };
}

async function paneShot(lang, file) {
  const { context, page } = await filled(lang, { width: 1400, height: 1150 });
  await page.locator("#root").evaluate((el) => el.scrollTo(0, 0));
  await page.locator(".wb-pane").screenshot({ path: path.join(out, file) });
  await context.close();
  console.log(`wrote ${path.relative(ROOT, path.join(out, file))}`);
}

await paneShot("en", "pane-en.png");
await paneShot("zh", "pane-zh.png");

{
  // Wide enough for the plan and its chart; the picture is cut just right of the chart.
  const { context, page, panel, w } = await filled("en", { width: 3000, height: 860 });
  await panel.getByRole("button", { name: w.create, exact: true }).click();
  await page.waitForSelector(".wb-chart svg");
  await page.click('td[data-addr="B5"]');
  const chart = await page.locator(".wb-chart").first().boundingBox();
  const book = await page.locator(".wb-book").boundingBox();
  const width = Math.min(book.width, Math.ceil(chart.x + chart.width + 16 - book.x));
  await page.screenshot({ path: path.join(out, "plan-sheet.png"), clip: { x: book.x, y: book.y, width, height: book.height } });
  console.log(`wrote ${path.relative(ROOT, path.join(out, "plan-sheet.png"))}`);
  await context.close();
}

{
  const context = await browser.newContext({ viewport: { width: 1400, height: 760 }, deviceScaleFactor: 1 });
  await context.route("**/*", (route) => (/^https?:\/\/127\.0\.0\.1[:/]/.test(route.request().url()) ? route.continue() : route.abort()));
  const page = await context.newPage();
  await page.goto(`${base}workbench.html?lang=en-US`);
  await page.waitForSelector("body[data-ready=true]");
  await page.click('td[data-addr="G2"]');
  await page.screenshot({ path: path.join(out, "workbench.png") });
  console.log(`wrote ${path.relative(ROOT, path.join(out, "workbench.png"))}`);
  await context.close();
}

await browser.close();
server.close();
