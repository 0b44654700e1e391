/**
 * The BUILT pane's "Plans" tab (DTC_DIST/taskpane.html + taskpane.js) in headless Chromium,
 * 320 px wide, over an in-memory `Workbook` given through the pane's `window.DTC_WORKBENCH`
 * hook (the same entry the workbench uses), so the stored library text can be inspected.
 * Checks: templates in both languages; "Use template" fills the GTA view; save, and saving again
 * asks (Cancel writes nothing, Replace overwrites); a refused import shows the path and writes
 * nothing; a damaged library is shown, downloadable and never written; "Copy plan, change
 * target" from the keyboard; Export downloads the plan file.
 */
import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { DIST } from "../harness/bundle";
import { launchChromium } from "../harness/chromium";
import { collectErrors, loadPane } from "../harness/pane";

const TEMPLATES = path.join(__dirname, "../../taskpane/templates");
const double11 = JSON.parse(readFileSync(path.join(TEMPLATES, "double11-gta.json"), "utf8"));
const launch = JSON.parse(readFileSync(path.join(TEMPLATES, "launch-hotplan.json"), "utf8"));

/** An in-memory workbook: `__store.text` is the library, `__store.saves` every savePlans text. */
function memoryWorkbook(displayLanguage: string, initial: string | null): string {
  return `
  window.__store = { text: ${JSON.stringify(initial)}, saves: [] };
  window.DTC_WORKBENCH = {
    displayLanguage: ${JSON.stringify(displayLanguage)},
    workbook: {
      async capabilities() { return { tables: true, charts: true, conditionalFormats: true, planStorage: true }; },
      async createSheet() { throw new Error("not in this test"); },
      async readSelection() { throw new Error("not in this test"); },
      async loadPlans() { return window.__store.text; },
      async savePlans(t) { window.__store.text = t; window.__store.saves.push(t); },
    },
  };`;
}

async function openPane(browser: Browser, displayLanguage: string, initial: string | null = null): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 320, height: 900 }, acceptDownloads: true });
  const errors = collectErrors(page);
  await page.addInitScript(memoryWorkbook(displayLanguage, initial));
  await loadPane(page, "", errors);
  return { page, errors };
}

const saves = (page: Page) => page.evaluate(() => (window as unknown as { __store: { saves: string[] } }).__store.saves);
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const selectedTab = (page: Page) => page.getByRole("tab", { selected: true }).evaluate((el) => (el.querySelector("span:not([aria-hidden])")?.textContent ?? "").trim());

describe.skipIf(!existsSync(path.join(DIST, "taskpane.html")))("Plans tab in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("templates → GTA view; save; saving again asks: Cancel writes nothing, Replace overwrites (English, 320 px)", async () => {
    const { page, errors } = await openPane(browser, "en-US");
    await page.getByRole("tab", { name: "Plans" }).click();
    await page.getByText("No plans saved in this workbook yet.").waitFor();
    for (const t of [double11, launch]) expect(await page.getByRole("group", { name: t.name }).isVisible()).toBe(true);
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    await page.getByRole("group", { name: double11.name }).getByRole("button", { name: "Use template" }).click();
    expect(await selectedTab(page)).toBe("GTA");
    const gta = page.getByRole("tabpanel", { name: "GTA" });
    expect(await gta.getByRole("textbox").nth(0).inputValue()).toBe(double11.name);
    expect(await gta.getByRole("textbox").nth(1).inputValue()).toBe(String(double11.inputs.target_gmv));
    expect(await gta.getByRole("group", { name: /^Row \d+$/ }).count()).toBe(double11.inputs.crowds.length);

    await page.getByRole("tab", { name: "Plans" }).click();
    await page.getByRole("button", { name: "Save GTA plan" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toBe(`Saved plan "${double11.name}".`);
    expect(await page.getByRole("toolbar", { name: `Actions for ${double11.name}` }).isVisible()).toBe(true);
    const first = await saves(page);
    expect(first).toHaveLength(1);
    expect(JSON.parse(first[0]).plans[0].inputs).toEqual(double11.inputs);

    await page.getByRole("button", { name: "Save GTA plan" }).click();
    const dialog = page.getByRole("alertdialog");
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(`a plan named "${double11.name}" already exists; replace it?`);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "hidden" });
    expect(await saves(page)).toHaveLength(1);

    await page.getByRole("button", { name: "Save GTA plan" }).click();
    await dialog.getByRole("button", { name: "Replace" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toBe(`Replaced plan "${double11.name}".`);
    expect(await saves(page)).toHaveLength(2);
    expect(JSON.parse((await saves(page))[1]).plans).toHaveLength(1);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("in Chinese: template names in Chinese; a refused import shows the path and writes nothing", async () => {
    const { page, errors } = await openPane(browser, "zh-CN");
    await page.getByRole("tab", { name: "方案" }).click();
    await page.getByText("此工作簿中还没有保存的方案。").waitFor();
    expect(await page.getByRole("group", { name: launch.name_zh }).isVisible()).toBe(true);
    const bad = { ...launch, inputs: { ...launch.inputs, price: -1 } };
    await page.getByRole("tabpanel", { name: "方案" }).locator('input[type="file"]').setInputFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bad)) });
    const alert = page.getByRole("alert");
    await expect.poll(() => alert.first().textContent()).toBe("未导入 bad.json，未做任何更改。inputs.price：-1 必须 > 0");
    expect(await saves(page)).toEqual([]);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a damaged library is shown as an error, can be downloaded as it is, and is never written over", async () => {
    const raw = '{"schema":"dtc-plan-library","version":1,"plans":[{"schema":"dtc-plan","version":1,"kind":"gta","name":""}]}';
    const { page, errors } = await openPane(browser, "en-US", raw);
    await page.getByRole("tab", { name: "Plans" }).click();
    const alert = page.getByRole("alert").first();
    await expect.poll(() => alert.textContent()).toMatch(/^the plans saved in this workbook could not be read, and nothing was changed: plans\[0\]\.name: must not be empty/);
    expect(await page.getByRole("button", { name: "Save GTA plan" }).isDisabled()).toBe(true);
    expect(await page.getByRole("button", { name: "Import plan (.json)" }).isDisabled()).toBe(true);
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download the stored text" }).click();
    expect(readFileSync(await (await download).path(), "utf8")).toBe(raw);
    // A template still loads into its view; nothing is written.
    await page.getByRole("group", { name: double11.name }).getByRole("button", { name: "Use template" }).click();
    expect(await selectedTab(page)).toBe("GTA");
    expect(await saves(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("from the keyboard: Copy plan, change target saves a copy and loads it into its view; Export downloads the file", async () => {
    const library = JSON.stringify({ schema: "dtc-plan-library", version: 1, plans: [launch] });
    const { page, errors } = await openPane(browser, "en-US", library);
    await page.getByRole("tab", { name: "Plans" }).click();
    const card = page.getByRole("group", { name: launch.name }).first();
    await card.waitFor();

    const download = page.waitForEvent("download");
    await card.getByRole("button", { name: "Export" }).click();
    const d = await download;
    expect(d.suggestedFilename()).toMatch(/^New-product launch_ hot-product plan for a 299 CNY serum\.json$/);
    const text = readFileSync(await d.path(), "utf8");
    expect(JSON.parse(text)).toEqual(launch);

    await card.getByRole("button", { name: "Copy plan, change target" }).focus();
    await page.keyboard.press("Enter");
    // The new-target field takes focus, holding the current target.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe("30000000");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("45,000,000");
    await page.keyboard.press("Enter");
    await expect.poll(() => selectedTab(page)).toBe("Hot product");
    const hot = page.getByRole("tabpanel", { name: "Hot product" });
    expect(await hot.getByRole("textbox").nth(0).inputValue()).toBe(`${launch.name} (copy)`);
    expect(await hot.getByRole("textbox").nth(1).inputValue()).toBe("45000000");
    const stored = JSON.parse((await saves(page))[0]);
    expect(stored.plans.map((p: { inputs: { target_gmv: number } }) => p.inputs.target_gmv)).toEqual([30_000_000, 45_000_000]);
    expect(stored.plans[1].inputs).toEqual({ ...launch.inputs, target_gmv: 45_000_000 });
    expect(errors).toEqual([]);
    await page.close();
  });
});
