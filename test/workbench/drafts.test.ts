/*
 * Form drafts (issue 18): what was typed into the GTA, hot-product and health-check forms
 * survives a reload of the workbench page and a switch of the pane's language (which reloads the
 * page); typed text stays as typed while the labels follow the language; "Draft restored" shows
 * with Clear; a corrupt draft is ignored. Headless Chromium on the BUILT workbench page.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { workbenchSuite } from "./page";

const suite = workbenchSuite();

const pane = (page: Page) => page.locator("#root");
const tabpanel = (page: Page, name: string) => pane(page).getByRole("tabpanel", { name, includeHidden: true });
/** The values of every text box of a tab panel (shown or not), in order. */
const boxes = (page: Page, panel: string) =>
  tabpanel(page, panel)
    .getByRole("textbox", { includeHidden: true })
    .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));

async function ready(page: Page): Promise<void> {
  await page.waitForSelector("body[data-ready=true]");
  await expect.poll(() => pane(page).getByRole("tab").count(), { timeout: 20_000 }).toBeGreaterThan(3);
}

/** Type into the GTA form (name, target and the first crowd row) and the hot-product and health forms. */
async function fillForms(page: Page): Promise<void> {
  const gta = tabpanel(page, "GTA");
  await gta.getByLabel("Plan name").fill("双11 草稿 draft");
  await gta.getByLabel("Target GMV").fill("120,000,000");
  const row = gta.getByRole("group", { name: "Row 1" });
  await row.getByLabel("Crowd", { exact: true }).fill("新锐白领 white-collar");
  await row.getByLabel("Count", { exact: true }).fill("5,000");
  await pane(page).getByRole("tab", { name: "Hot product" }).click();
  const hot = tabpanel(page, "Hot product");
  await hot.getByLabel("Product").fill("精华 Serum");
  await hot.getByLabel("Target GMV").fill("30000000");
  await hot.getByLabel("Price").fill("299");
  await hot.getByLabel("Planned precision").fill("75%");
}

describe("form drafts in the workbench", () => {
  it("survive a reload and a language switch, as typed; the labels follow the language; Clear empties one view", async () => {
    const { page } = await suite.open();
    await ready(page);
    await fillForms(page);
    const gtaBefore = await boxes(page, "GTA");
    const hotBefore = await boxes(page, "Hot product");
    expect(gtaBefore.slice(0, 3)).toEqual(["双11 草稿 draft", "120,000,000", "新锐白领 white-collar"]);
    expect(hotBefore).toContain("75%");

    // Reload at once: the pending draft is written when the page goes.
    await page.reload();
    await ready(page);
    await expect.poll(() => boxes(page, "GTA"), { timeout: 10_000 }).toEqual(gtaBefore);
    expect(await boxes(page, "Hot product")).toEqual(hotBefore);
    const notice = tabpanel(page, "GTA").getByRole("status", { name: "Draft" });
    expect(await notice.textContent()).toContain("Draft restored");
    expect(await notice.getByRole("button", { name: "Clear" }).isVisible()).toBe(true);

    // The language switch of the top bar reloads the page in Chinese.
    await Promise.all([page.waitForEvent("load"), page.selectOption("#wb-lang", "zh-CN")]);
    await ready(page);
    await expect.poll(() => pane(page).getByRole("tab", { name: "方案" }).count()).toBe(1);
    await expect.poll(() => boxes(page, "GTA"), { timeout: 10_000 }).toEqual(gtaBefore);
    expect(await boxes(page, "爆品")).toEqual(hotBefore);
    expect(await tabpanel(page, "GTA").getByLabel("方案名称").inputValue()).toBe("双11 草稿 draft");
    const zhNotice = tabpanel(page, "GTA").getByRole("status", { name: "草稿" });
    expect(await zhNotice.textContent()).toContain("已恢复草稿");

    // Clear empties the GTA form and deletes its draft; the hot-product draft stays.
    await zhNotice.getByRole("button", { name: "清除" }).click();
    await expect.poll(() => zhNotice.count()).toBe(0);
    expect((await boxes(page, "GTA")).every((v) => v === "")).toBe(true);
    await page.reload();
    await ready(page);
    await expect.poll(() => boxes(page, "爆品"), { timeout: 10_000 }).toEqual(hotBefore);
    expect((await boxes(page, "GTA")).every((v) => v === "")).toBe(true);
    expect(await tabpanel(page, "GTA").getByRole("status", { name: "草稿" }).count()).toBe(0);
    await pane(page).getByRole("tab", { name: "爆品" }).click();
    expect(await tabpanel(page, "爆品").getByRole("status", { name: "草稿" }).isVisible()).toBe(true);
    // Kept in the workbench's book (localStorage), with the workbook.
    const stored = await page.evaluate(() => Object.keys(JSON.parse(localStorage.getItem("dtc-workbench/book") ?? "{}").drafts ?? {}));
    expect(stored.sort()).toEqual(["health", "hot"]);
  });

  it("a corrupt draft is ignored: the form starts empty, no notice, no error", async () => {
    const { page } = await suite.open();
    await ready(page);
    await page.evaluate(() => {
      const book = (window as unknown as { DTC_WORKBENCH_BOOK: { drafts: Record<string, string>; save(): void } }).DTC_WORKBENCH_BOOK;
      book.drafts.gta = '{"schema":"dtc-pane-draft","version":1,"view":"gta","form":{"name":7}}';
      book.drafts.hot = "{not json";
      book.save();
    });
    await page.reload();
    await ready(page);
    await pane(page).getByRole("tab", { name: "Hot product" }).click();
    // Give the drafts time to be read.
    await page.waitForTimeout(500);
    expect((await boxes(page, "GTA")).every((v) => v === "")).toBe(true);
    expect(await tabpanel(page, "Hot product").getByLabel("Product").inputValue()).toBe("");
    expect(await pane(page).getByRole("status", { name: "Draft" }).count()).toBe(0);
  });
});
