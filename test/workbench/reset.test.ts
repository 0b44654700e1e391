/*
 * "Reset workbook" asks first when the workbook holds saved plans, and offers to export them
 * before deleting them (issue 18). Headless Chromium on the BUILT workbench page.
 */
import { describe, expect, it } from "vitest";
import { workbenchSuite } from "./page";

const suite = workbenchSuite();

const LIBRARY = JSON.stringify({ schema: "dtc-plan-library", version: 1, plans: [{ name: "a" }, { name: "b" }] });

describe("Reset workbook", () => {
  it("asks when there are saved plans; Cancel keeps them, Reset deletes them", async () => {
    const wb = await suite.open();
    const { page } = wb;
    await page.evaluate((lib) => {
      const book = (window as unknown as { DTC_WORKBENCH_BOOK: { plans: string | null; save(): void } }).DTC_WORKBENCH_BOOK;
      book.plans = lib;
      book.save();
    }, LIBRARY);
    await page.click("#wb-reset");
    const dialog = page.locator("dialog.wb-reset-dialog");
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain("2 saved plan(s)");
    await page.click(".wb-reset-cancel");
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.evaluate(() => localStorage.getItem("dtc-workbench/book"))).toContain("dtc-plan-library");

    await page.click("#wb-reset");
    await Promise.all([page.waitForEvent("load"), page.click(".wb-reset-confirm")]);
    await page.waitForSelector("body[data-ready=true]");
    const plans = await page.evaluate(() => (window as unknown as { DTC_WORKBENCH_BOOK: { plans: string | null } }).DTC_WORKBENCH_BOOK.plans);
    expect(plans).toBeNull();
  });

  it("exports the plans as a .json file before resetting", async () => {
    const wb = await suite.open();
    const { page } = wb;
    await page.evaluate((lib) => {
      const book = (window as unknown as { DTC_WORKBENCH_BOOK: { plans: string | null; save(): void } }).DTC_WORKBENCH_BOOK;
      book.plans = lib;
      book.save();
    }, LIBRARY);
    await page.click("#wb-reset");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click(".wb-reset-export")]);
    expect(download.suggestedFilename()).toBe("dtc-plans.json");
    const path = await download.path();
    const { readFileSync } = await import("node:fs");
    expect(JSON.parse(readFileSync(path, "utf8")).plans).toHaveLength(2);
    await page.waitForSelector("body[data-ready=true]");
  });

  it("resets at once when there is nothing to lose, and asks in Chinese in the zh pane", async () => {
    const wb = await suite.open();
    await Promise.all([wb.page.waitForEvent("load"), wb.page.click("#wb-reset")]);
    await wb.page.waitForSelector("body[data-ready=true]");
    const zh = await suite.open("?lang=zh-CN");
    await zh.page.evaluate((lib) => {
      const book = (window as unknown as { DTC_WORKBENCH_BOOK: { plans: string | null; save(): void } }).DTC_WORKBENCH_BOOK;
      book.plans = lib;
    }, LIBRARY);
    await zh.page.click("#wb-reset");
    expect(await zh.page.locator("dialog.wb-reset-dialog").textContent()).toContain("重置工作簿？");
    await zh.page.click(".wb-reset-cancel");
  });
});
