/*
 * One name per plan (issue 18), in the workbench's real pane: in Chinese a template is saved
 * under its Chinese name, Rename changes what the card shows and the message quotes the new
 * name, Duplicate names the copy "…（副本）", "…（副本 2）"; after switching to English the cards
 * keep the same names and a copy is "… (copy)"; no two cards ever show the same name.
 * Headless Chromium on the BUILT workbench page.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { workbenchSuite } from "./page";

const suite = workbenchSuite();
const double11 = JSON.parse(readFileSync(path.join(__dirname, "../../taskpane/templates/double11-gta.json"), "utf8"));

const pane = (page: Page) => page.locator("#root");
const saved = (page: Page, title: string) => pane(page).getByRole("region", { name: title });
/** The names on the cards of the saved plans. */
const cardNames = (page: Page, title: string) =>
  saved(page, title)
    .getByRole("group")
    .evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")));
const status = (page: Page) => pane(page).getByRole("tabpanel", { name: /^(Plans|方案)$/ }).getByRole("status").first();

async function ready(page: Page): Promise<void> {
  await page.waitForSelector("body[data-ready=true]");
  await expect.poll(() => pane(page).getByRole("tab").count(), { timeout: 20_000 }).toBeGreaterThan(3);
}

describe("plans have one name, in every language", () => {
  it("rename and duplicate in Chinese, then in English", async () => {
    const { page } = await suite.open("?lang=zh-CN");
    await ready(page);
    const IN = "此工作簿中的方案";
    await pane(page).getByRole("tab", { name: "方案" }).click();
    await pane(page).getByRole("region", { name: "从模板新建" }).getByRole("group", { name: double11.name_zh }).getByRole("button", { name: "使用模板" }).click();
    await pane(page).getByRole("tab", { name: "方案" }).click();
    await pane(page).getByRole("button", { name: "保存 GTA 方案" }).click();
    await expect.poll(() => status(page).textContent()).toBe(`已保存方案“${double11.name_zh}”。`);
    expect(await cardNames(page, IN)).toEqual([double11.name_zh]);

    // Rename: the card shows the new name, and the message quotes it.
    const card = saved(page, IN).getByRole("group", { name: double11.name_zh });
    await card.getByRole("button", { name: "重命名" }).click();
    await card.getByLabel("新名称").fill("双11 最终版");
    await card.getByRole("button", { name: "确定" }).click();
    await expect.poll(() => status(page).textContent()).toBe("已重命名为“双11 最终版”。");
    expect(await cardNames(page, IN)).toEqual(["双11 最终版"]);

    // Duplicate twice: Chinese suffixes, numbered.
    const final = saved(page, IN).getByRole("group", { name: "双11 最终版", exact: true });
    await final.getByRole("button", { name: "复制", exact: true }).click();
    await expect.poll(() => status(page).textContent()).toBe("已另存副本“双11 最终版（副本）”。");
    await final.getByRole("button", { name: "复制", exact: true }).click();
    await expect.poll(() => status(page).textContent()).toBe("已另存副本“双11 最终版（副本 2）”。");
    expect(await cardNames(page, IN)).toEqual(["双11 最终版", "双11 最终版（副本 2）", "双11 最终版（副本）"]);

    // Loading it fills the GTA form with that name.
    await final.getByRole("button", { name: "载入" }).click();
    expect(await pane(page).getByRole("tabpanel", { name: "GTA" }).getByLabel("方案名称").inputValue()).toBe("双11 最终版");

    // In English: the same names; a copy is "(copy)".
    await Promise.all([page.waitForEvent("load"), page.selectOption("#wb-lang", "en-US")]);
    await ready(page);
    await pane(page).getByRole("tab", { name: "Plans" }).click();
    const EN = "Plans in this workbook";
    await expect.poll(() => cardNames(page, EN)).toEqual(["双11 最终版", "双11 最终版（副本 2）", "双11 最终版（副本）"]);
    await saved(page, EN).getByRole("group", { name: "双11 最终版", exact: true }).getByRole("button", { name: "Duplicate" }).click();
    await expect.poll(() => status(page).textContent()).toBe('Saved a copy as "双11 最终版 (copy)".');
    const names = (await cardNames(page, EN)) as string[];
    expect(names).toEqual(["双11 最终版", "双11 最终版 (copy)", "双11 最终版（副本 2）", "双11 最终版（副本）"]);
    expect(new Set(names).size).toBe(names.length);
    // The library holds one name per plan.
    const lib = await page.evaluate(() => JSON.parse((window as unknown as { DTC_WORKBENCH_BOOK: { plans: string } }).DTC_WORKBENCH_BOOK.plans));
    expect(lib.plans.map((p: { name_zh?: string }) => p.name_zh)).toEqual([undefined, undefined, undefined, undefined]);
  });
});
