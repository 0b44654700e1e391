/*
 * The REAL task pane (dist/taskpane.js, the build Excel loads) running in the workbench page over
 * the workbench adapter: fill the GTA view from the sample range, create a plan sheet, read it,
 * edit an input, read the recalculated plan; the plan library and the plan sheets survive a
 * reload; English and Chinese; no office.js, no request outside localhost.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { gtaSheet, type GtaLayout } from "../../taskpane/planners/gtaSheet";
import { emptyLibrary, readLibrary, savePlan, writeLibrary } from "../../src/plan/store";
import type { Plan } from "../../src/plan/schema";
import { SPEC10_CROWDS as CROWDS } from "./fixtures";
import { selectRange, showSheet, typeInto, values, workbenchSuite } from "./page";

const suite = workbenchSuite();

/** Where the GTA planner puts things for 4 crowds (pure; the same code the pane runs). */
function layout(lang: "en" | "zh" = "en"): GtaLayout {
  return gtaSheet({ name: "x", target_gmv: 1, crowds: CROWDS.map((c) => ({ ...c })) }, lang).layout;
}

const pane = (page: Page) => page.locator("#root");
/** The visible tab panel of the pane (GTA by default). */
const panel = (page: Page) => pane(page).locator('[role="tabpanel"]:not([hidden])');
const button = (page: Page, name: string) => panel(page).getByRole("button", { name, exact: true });

/** Select the sample crowd table, press "Use selection", name the plan, set the target, create it. */
async function createGtaPlan(page: Page, name: string, target: string, sheet = `GTA ${name}`): Promise<void> {
  await showSheet(page, "Crowds");
  await selectRange(page, "A3:G7");
  await button(page, "Use selection").click();
  await expect.poll(() => pane(page).textContent(), { timeout: 20_000 }).toContain("Read 4 rows from Crowds!A3:G7.");
  await panel(page).getByLabel("Plan name").fill(name);
  await panel(page).getByLabel("Target GMV").fill(target);
  await button(page, "Create plan").click();
  await expect.poll(() => pane(page).textContent(), { timeout: 20_000 }).toContain(`Created sheet "${sheet}".`);
}

async function one(page: Page, address: string): Promise<unknown> {
  return (await values(page, address))[0][0];
}

describe("the task pane in the workbench", () => {
  it("mounts over the workbench adapter in English", async () => {
    const { page } = await suite.open();
    await expect.poll(() => pane(page).textContent(), { timeout: 20_000 }).toContain("DTC Metrics planners");
    for (const tab of ["GTA", "Hot product", "Plans"]) expect(await pane(page).getByRole("tab", { name: tab }).count()).toBe(1);
    expect(await page.evaluate(() => typeof (window as { Office?: unknown }).Office)).toBe("undefined");
  });

  it("follows the workbench's language: Chinese with ?lang=zh-CN", async () => {
    const { page } = await suite.open("?lang=zh-CN");
    await expect.poll(() => pane(page).textContent(), { timeout: 20_000 }).toContain("DTC Metrics 计划工具");
    expect(await pane(page).getByRole("tab", { name: "方案" }).count()).toBe(1);
    expect(await button(page, "使用所选区域").count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("zh-CN");
  });

  it("fills GTA from the sample range, creates a live plan sheet, and recalculates it after an edit", async () => {
    const { page } = await suite.open();
    await createGtaPlan(page, "Double 11", "100000000");
    expect(await page.locator(".wb-tab-active").textContent()).toBe("GTA Double 11");
    const at = layout();
    // SPEC 10 by hand: baseline 24,000,000 + 19,200,000 + 18,750,000 + 7,500,000 = 69,450,000
    // (old 43,200,000, new 26,250,000); gap 30,550,000; g_I = 12.5 > g_A = 1.25, so I is grown:
    // added_I = 2,444,000, required_I = 3,944,000; planned 100,000,000; shortfall 0.
    expect(await one(page, at.summary.baseline)).toBeCloseTo(69_450_000, 4);
    expect(await one(page, at.summary.old)).toBeCloseTo(43_200_000, 4);
    expect(await one(page, at.summary.new)).toBeCloseTo(26_250_000, 4);
    expect(await one(page, at.summary.gap)).toBeCloseTo(30_550_000, 4);
    expect(await one(page, at.summary.shortfall)).toBeCloseTo(0, 6);
    expect(await one(page, at.summary.planned_gmv)).toBeCloseTo(100_000_000, 4);
    const iRow = at.planRows[0] + 2; // rows L, P, I, A
    expect(await one(page, `${at.planCol.added}${iRow}`)).toBe(2_444_000);
    expect(await one(page, `${at.planCol.required}${iRow}`)).toBe(3_944_000);
    expect(await one(page, `${at.planCol.added}${at.totalRow}`)).toBe(2_444_000);
    // The chart of current against required consumers is drawn.
    expect(await page.locator(".wb-chart svg rect").count()).toBeGreaterThan(4);

    // Edit the I row's conversion in the crowd table: 0.05 → 0.1, so g_I = 25 and
    // gmv_I = 1,500,000 × 0.1 × 250 = 37,500,000; baseline = 24,000,000 + 19,200,000 +
    // 37,500,000 + 7,500,000 = 88,200,000; gap = 11,800,000; added_I = 11,800,000 ÷ 25 = 472,000.
    const convI = `D${at.inputRows[0] + 2}`;
    await typeInto(page, convI, "0.1");
    expect(await one(page, at.summary.baseline)).toBeCloseTo(88_200_000, 4);
    expect(await one(page, at.summary.gap)).toBeCloseTo(11_800_000, 4);
    expect(await one(page, `${at.planCol.added}${iRow}`)).toBe(472_000);
    expect(await one(page, `${at.planCol.required}${iRow}`)).toBe(1_972_000);
    // And the target: 90,000,000 → gap 1,800,000 → added_I = 72,000.
    await typeInto(page, at.target, "90000000");
    expect(await one(page, at.summary.gap)).toBeCloseTo(1_800_000, 4);
    expect(await one(page, `${at.planCol.added}${iRow}`)).toBe(72_000);
    expect(await one(page, at.summary.planned_gmv)).toBeCloseTo(90_000_000, 4);
  });

  it("never overwrites: a second plan of the same name gets a new sheet", async () => {
    const { page } = await suite.open();
    await createGtaPlan(page, "618", "100000000");
    await createGtaPlan(page, "618", "100000000", "GTA 618 (2)");
    expect(await page.locator(".wb-tab").allTextContents()).toEqual(["Consumers", "FAST", "SKUs", "Crowds", "Benchmarks", "Orders", "Segments", "Touchpoints", "GTA 618", "GTA 618 (2)"]);
  });
});

describe("the workbook state across a reload", () => {
  it("keeps the saved plan library and the plan sheets; the library loads back", async () => {
    const { page } = await suite.open();
    await createGtaPlan(page, "Double 11", "100000000");

    // The plan library as the Plans tab stores it (src/plan/store.ts), through the port.
    const plan: Plan = {
      schema: "dtc-plan",
      version: 1,
      kind: "gta",
      name: "Double 11",
      inputs: { target_gmv: 100_000_000, crowds: CROWDS.map((c) => ({ ...c })) },
    } as Plan;
    const saved = savePlan(emptyLibrary(), plan, { now: "2025-11-11T00:00:00.000Z" });
    expect(saved.status).toBe("saved");
    const text = writeLibrary((saved as { library: ReturnType<typeof emptyLibrary> }).library);
    await page.evaluate((t) => (window as never as { DTC_WORKBENCH: { workbook: { savePlans(t: string): Promise<void> } } }).DTC_WORKBENCH.workbook.savePlans(t), text);

    await page.reload(); // a reload of the page
    await page.waitForSelector("body[data-ready=true]");
    const back = await page.evaluate(() => (window as never as { DTC_WORKBENCH: { workbook: { loadPlans(): Promise<string | null> } } }).DTC_WORKBENCH.workbook.loadPlans());
    expect(back).toBe(text);
    const lib = readLibrary(back);
    expect(lib.ok && lib.library.plans.map((p) => [p.name, p.inputs.target_gmv])).toEqual([["Double 11", 100_000_000]]);

    // The plan sheet is still there, still live.
    expect(await page.locator(".wb-tab").allTextContents()).toContain("GTA Double 11");
    await showSheet(page, "GTA Double 11");
    const at = layout();
    expect(await one(page, at.summary.baseline)).toBeCloseTo(69_450_000, 4);
    await typeInto(page, at.target, "80000000"); // gap 10,550,000 → added_I = 844,000
    expect(await one(page, `${at.planCol.added}${at.planRows[0] + 2}`)).toBe(844_000);

    // "Reset workbook" forgets it and opens the sample again.
    // The workbook holds a saved plan, so Reset asks first (test/workbench/reset.test.ts).
    await page.click("#wb-reset");
    await Promise.all([page.waitForNavigation(), page.click(".wb-reset-confirm")]);
    await page.waitForSelector("body[data-ready=true]");
    expect(await page.locator(".wb-tab").allTextContents()).toEqual(["Consumers", "FAST", "SKUs", "Crowds", "Benchmarks", "Orders", "Segments", "Touchpoints"]);
  });
});
