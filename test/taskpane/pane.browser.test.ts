/**
 * The BUILT task pane (DTC_DIST/taskpane.html + taskpane.js) in headless Chromium, 320 px wide,
 * with a stand-in for office.js: a stub `Office` (display language, requirement sets) and an
 * `Excel.run` whose object model records what the adapter does. Checks that the pane renders in
 * English and Chinese, is usable from the keyboard, shows a validation error next to its field,
 * keeps "Create plan" disabled until the form is valid, and writes a plan in 3 syncs.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { DIST } from "../harness/bundle";
import { launchChromium } from "../harness/chromium";
import { collectErrors, loadPane } from "../harness/pane";


/** office.js stand-in: records every property set and call on the Excel object model. */
function officeStub(displayLanguage: string): string {
  return `
  window.CustomFunctions = { associate() {}, Error: class extends Error {}, ErrorCode: {} };
  window.__log = { syncs: 0, sets: [], calls: [] };
  const show = (a) => typeof a === "string" || typeof a === "number" || typeof a === "boolean" ? JSON.stringify(a) : "_";
  function node(path) {
    return new Proxy(function () {}, {
      get(t, k) {
        if (typeof k === "symbol" || k === "then") return undefined;
        if (k === "items") return [];
        if (k === "sync") return async () => { window.__log.syncs++; };
        return node(path + "." + k);
      },
      set(t, k, v) { window.__log.sets.push([path + "." + k, v]); return true; },
      apply(t, self, args) {
        const p = path + "(" + args.map(show).join(",") + ")";
        window.__log.calls.push(p);
        return node(p);
      },
    });
  }
  window.Excel = { run: async (batch) => batch(node("ctx")) };
  window.Office = {
    onReady(cb) { const info = { host: "Excel" }; setTimeout(() => cb && cb(info), 0); return Promise.resolve(info); },
    context: { displayLanguage: ${JSON.stringify(displayLanguage)}, requirements: { isSetSupported: () => true } },
  };`;
}

async function openPane(browser: Browser, displayLanguage: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 320, height: 900 } });
  const errors = collectErrors(page);
  await loadPane(page, officeStub(displayLanguage), errors);
  return { page, errors };
}

/** Accessible names of the tabs (Fluent keeps a hidden copy of each label for layout). */
async function tabNames(page: Page): Promise<string[]> {
  const n = await page.getByRole("tab").count();
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const tab = page.getByRole("tab").nth(i);
    out.push(await tab.evaluate((el) => (el.querySelector("span:not([aria-hidden])")?.textContent ?? el.textContent ?? "").trim()));
  }
  return out;
}

/** The accessible name of the focused element (its label, aria-label or text). */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return "";
    const aria = el.getAttribute("aria-label");
    if (aria) return aria;
    const id = el.id;
    const lab = id ? document.querySelector(`label[for="${id}"]`) : null;
    if (lab) return (lab.textContent ?? "").replace(/\s+/g, " ").trim();
    return (el.textContent ?? "").replace(/\s+/g, " ").trim();
  });
}

describe.skipIf(!existsSync(path.join(DIST, "taskpane.html")))("task pane in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("renders in English, 320 px wide, with the five tabs", async () => {
    const { page, errors } = await openPane(browser, "en-US");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("DTC Metrics planners");
    expect(await tabNames(page)).toEqual(["GTA", "Hot product", "Plans", "Diagnose", "Datasets"]);
    expect(await page.getByRole("button", { name: "Create plan" }).isDisabled()).toBe(true);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) {
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll("body *")]
          .map((e) => [e.tagName + "." + (e.className || "").toString().slice(0, 60), Math.round(e.getBoundingClientRect().right)] as const)
          .filter(([, r]) => r > 320)
          .slice(0, 8),
      );
      console.log(JSON.stringify(wide));
    }
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("renders in Chinese when Office's display language is zh-CN", async () => {
    const { page, errors } = await openPane(browser, "zh-CN");
    expect(await tabNames(page)).toEqual(["GTA", "爆品", "方案", "诊断", "数据集"]);
    expect(await page.getByRole("button", { name: "生成计划" }).first().isVisible()).toBe(true);
    expect(await page.getByText("方案名称").isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("zh-CN");
    // The Hot product tab: the default phases.
    await page.getByRole("tab", { name: "爆品" }).click();
    const phaseNames = await page.getByRole("group", { name: /^阶段 \d$/ }).getByRole("textbox").evaluateAll((els) =>
      els.map((e) => (e as HTMLInputElement).value),
    );
    expect(phaseNames.filter((v) => /期$/.test(v))).toEqual(["启动期", "发展期", "大促期"]);
    // Quick-add the eight strategy crowds; the pane still fits 320 px.
    await page.getByRole("button", { name: "添加八大策略人群" }).click();
    expect(await page.getByRole("group", { name: /^第 \d+ 行$/ }).count()).toBeGreaterThanOrEqual(8);
    if (process.env.PANE_SCREENSHOT) await page.screenshot({ path: process.env.PANE_SCREENSHOT, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("is usable from the keyboard: fill the GTA form, see an error next to its field, create the plan", async () => {
    const { page, errors } = await openPane(browser, "en-US");
    // Tab order from the top: the tab list, then the plan name and the target.
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("GTA");
    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatch(/^Plan name/);
    await page.keyboard.type("Double 11");
    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatch(/^Target GMV/);
    await page.keyboard.type("100,000,000");
    // Next come the crowd-table buttons, then row 1: its remove button, stage, crowd, count …
    const names: string[] = [];
    for (let i = 0; i < 7; i++) {
      await page.keyboard.press("Tab");
      names.push(await focused(page));
    }
    expect(names.slice(0, 4)).toEqual(["Use selection", "Add the 8 strategy crowds", "Add row", "Remove row 1"]);
    expect(names[4]).toMatch(/^Stage/);
    expect(names[5]).toBe("Crowd");
    expect(names[6]).toMatch(/^Count/);
    await page.keyboard.type("1500000");
    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatch(/^Conversion/);
    await page.keyboard.type("150%");
    await page.keyboard.press("Tab");
    await page.keyboard.type("250");

    // The wrong rate: its message sits in the conversion field; Create plan stays disabled.
    const conversion = page.getByRole("group", { name: "Row 1" }).locator("div", { has: page.getByText(/^Conversion/) }).first();
    await expect.poll(() => conversion.textContent()).toContain("Must be a rate between 0 and 1 (or 0% to 100%).");
    const create = page.getByRole("button", { name: "Create plan" });
    expect(await create.isDisabled()).toBe(true);

    // Fix it with the keyboard (Shift+Tab back to the field) and create the plan with Enter.
    await page.keyboard.press("Shift+Tab");
    expect(await focused(page)).toMatch(/^Conversion/);
    await page.keyboard.press("Control+A");
    await page.keyboard.type("5%");
    await expect.poll(() => create.isDisabled()).toBe(false);
    // The form's draft goes to the workbook's settings (taskpane/drafts.ts), in syncs of its own:
    // wait until the last one is written, then count the plan's syncs alone.
    const calls = () => page.evaluate(() => (window as unknown as { __log: { calls: string[] } }).__log.calls);
    await expect.poll(async () => (await calls()).some((c) => c.startsWith('ctx.workbook.settings.add("dtc-pane-draft:gta"') && c.includes('\\"conversion\\":\\"5%\\"'))).toBe(true);
    await page.evaluate(() => {
      (window as unknown as { __log: { syncs: number } }).__log.syncs = 0;
    });
    await create.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByRole("status").first().textContent()).toBe('Created sheet "GTA Double 11".');

    // What the adapter did: 3 syncs; the sheet added under its name; live formulas written.
    const log = await page.evaluate(() => (window as unknown as { __log: { syncs: number; sets: [string, unknown][]; calls: string[] } }).__log);
    expect(log.syncs).toBe(3);
    expect(log.calls).toContain('ctx.workbook.worksheets.add("GTA Double 11")');
    const target = log.sets.find(([p]) => p.endsWith('.getRange("B5").formulas'));
    expect(target?.[1]).toEqual([[100_000_000]]);
    const planFormulas = log.sets.filter(([p]) => p.endsWith(".formulas")).flatMap(([, v]) => (v as unknown[][]).flat());
    expect(planFormulas).toContain("=SUM(H$24:H$24)");
    expect(errors).toEqual([]);
    await page.close();
  });
});
