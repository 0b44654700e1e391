/*
 * The REAL task pane's Diagnose view (dist/taskpane.js) in the workbench page over the
 * workbench adapter: write the sample benchmark sheet, create a scorecard, read its live
 * values, edit an input, use "Use selection" on the sample workbook's Benchmarks sheet (whose
 * DTC.INDEX and DTC.DIAGNOSE are live), and press a scenario's tool buttons: a planner tab, and
 * a formula skeleton inserted at the selected cell (refused over a non-empty cell); in English
 * and Chinese.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { readBenchmarkInput, sampleBenchmarkCells, scorecardSheet, type ScorecardLayout } from "../../taskpane/planners/scorecardSheet";
import { showSheet, typeInto, values, workbenchSuite } from "./page";

const suite = workbenchSuite();

const pane = (page: Page) => page.locator("#root");
const panel = (page: Page) => pane(page).locator('[role="tabpanel"]:not([hidden])');
const button = (page: Page, name: string) => panel(page).getByRole("button", { name, exact: true });
const text = (page: Page) => pane(page).textContent();

/** Where the scorecard of the sample set puts things (pure; the same code the pane runs). */
function layout(lang: "en" | "zh" = "en", topN = 3): ScorecardLayout {
  const c = sampleBenchmarkCells(lang);
  return scorecardSheet({ benchmark: readBenchmarkInput(c.brand, c.peers), method: "percentile", topN }, lang).layout;
}

/** Select a range through the address box (a wide range's far corner may lie off screen). */
async function selectByName(page: Page, range: string): Promise<void> {
  await page.fill(".wb-name", range);
  await page.press(".wb-name", "Enter");
}

async function one(page: Page, address: string): Promise<unknown> {
  return (await values(page, address))[0][0];
}

async function openDiagnose(page: Page, tab = "Diagnose"): Promise<void> {
  await pane(page).getByRole("tab", { name: tab }).click();
  await expect.poll(() => panel(page).getAttribute("aria-label"), { timeout: 20_000 }).toBe(tab);
}

/** The weakest block's rows [code, name, score] as the grid shows them. */
async function weakest(page: Page, at: ScorecardLayout): Promise<unknown[][]> {
  const [r0, r1] = at.weakestRows;
  const c = at.weakestCol;
  return (await values(page, `${c.code}${r0}:${c.score}${r1}`)).map((r) => r.slice(0, 3));
}

describe("the Diagnose view in the workbench", () => {
  it("writes the sample benchmarks, creates a live scorecard, and opens a scenario's planner", async () => {
    const { page } = await suite.open();
    await openDiagnose(page);
    await button(page, "Write a sample benchmark sheet").click();
    // The sample workbook already has a Benchmarks sheet: the pane's goes next to it.
    await expect.poll(() => text(page), { timeout: 20_000 }).toContain('Created sheet "Benchmarks (2)"');
    expect(await text(page)).toContain("'Benchmarks (2)'!A3:Z4: Lumi, 25 indicators.");
    expect(await text(page)).toContain("'Benchmarks (2)'!A6:Z14: 8 benchmark brands.");

    await button(page, "Create scorecard").click();
    await expect.poll(() => text(page), { timeout: 20_000 }).toContain('Created sheet "Scorecard Lumi".');
    expect(await page.locator(".wb-tab-active").textContent()).toBe("Scorecard Lumi");
    const at = layout();
    // By hand (docs/drafts/diagnose-pane.md): FAST (18.75 + 62.5 + 50 + 50) ÷ 4 = 45.3125;
    // SUPER (62.5 + 50 + 0 + 50 + 62.5) ÷ 5 = 45; START (12.5 + 4 × 50) ÷ 5 = 42.5.
    expect(await one(page, at.tracks.FAST)).toBeCloseTo(45.3125, 9);
    expect(await one(page, at.tracks.SUPER)).toBeCloseTo(45, 9);
    expect(await one(page, at.tracks.START)).toBeCloseTo(42.5, 9);
    expect(await one(page, at.tracks.COMPOSITE)).toBeCloseTo((45.3125 + 45 + 162.5 / 3 + 40.625 + 42.5) / 5, 9);
    expect(await weakest(page, at)).toEqual([
      ["SUPER.P", "Product novelty", 0],
      ["START.SEEDING", "SEEDING", 12.5],
      ["FAST.F", "Fertility", 18.75],
    ]);
    // The radar of the tracks is drawn.
    expect(await page.locator(".wb-chart svg polygon").count()).toBeGreaterThan(4);

    // Live: the brand's SUPER.P 0.06 → 0.3 tops every peer (100), SUPER = 65, the list moves up.
    await typeInto(page, `${at.inputs.colOf["SUPER.P"]}${at.inputs.brandRow}`, "0.3");
    expect(await one(page, at.tracks.SUPER)).toBeCloseTo(65, 9);
    expect((await weakest(page, at)).map((r) => r[0])).toEqual(["START.SEEDING", "FAST.F", "FASTPLUS.CONVERSION"]);

    // The pane lists the same three with their scenarios and tools.
    const list = panel(page).getByRole("region", { name: "From scorecard to plan: the weakest indicators of “Scorecard Lumi”" });
    expect(await list.getByRole("group", { name: "1. SUPER.P Product novelty: score 0" }).count()).toBe(1);
    const hit = list.getByRole("group", { name: "Potential-hit discovery" });
    await hit.getByRole("button", { name: "Hot-product planner" }).click();
    await expect.poll(() => panel(page).getAttribute("aria-label")).toBe("Hot product");
    await openDiagnose(page);
    await list.getByRole("group", { name: "Custom strategy crowds" }).getByRole("button", { name: "GTA planner" }).click();
    await expect.poll(() => panel(page).getAttribute("aria-label")).toBe("GTA");
  });

  it("reads the sample workbook's Benchmarks by selection, matches its live DTC.INDEX, and inserts a formula skeleton", async () => {
    const { page } = await suite.open();
    await showSheet(page, "Benchmarks");
    // The sample sheet's own DTC.INDEX (row 18) and DTC.DIAGNOSE (rows 22–24), live.
    const index = (await values(page, "A18:F18"))[0] as number[];
    expect(index[0]).toBeCloseTo(45.3125, 9);
    expect(index[5]).toBeCloseTo((45.3125 + 45 + 162.5 / 3 + 40.625 + 42.5) / 5, 9);
    const diagnose = (await values(page, "A22:C24")).map((r) => [r[0], r[2]]);
    expect(diagnose).toEqual([["SUPER.P", 0], ["START.SEEDING", 12.5], ["FAST.F", 18.75]]);

    await openDiagnose(page);
    await selectByName(page, "A3:Z4");
    await panel(page).getByRole("region", { name: "Brand", exact: true }).getByRole("button", { name: "Use selection" }).click();
    await expect.poll(() => text(page), { timeout: 20_000 }).toContain("Benchmarks!A3:Z4: Lumi, 25 indicators.");
    await selectByName(page, "A6:Z14");
    await panel(page).getByRole("region", { name: "Benchmark brands", exact: true }).getByRole("button", { name: "Use selection" }).click();
    await expect.poll(() => text(page)).toContain("Benchmarks!A6:Z14: 8 benchmark brands.");
    await panel(page).getByLabel("Weakest indicators to list").fill("4");
    await button(page, "Create scorecard").click();
    await expect.poll(() => text(page), { timeout: 20_000 }).toContain('Created sheet "Scorecard Lumi".');
    const at = layout("en", 4);
    // The scorecard's native formulas give DTC.INDEX's and DTC.DIAGNOSE's numbers.
    const tracks = ["FAST", "SUPER", "NEO", "FASTPLUS", "START", "COMPOSITE"] as const;
    for (const [i, t] of tracks.entries()) expect(await one(page, at.tracks[t])).toBeCloseTo(index[i], 12);
    const weak = await weakest(page, at);
    expect(weak.slice(0, 3).map((r) => [r[0], r[2]])).toEqual(diagnose);
    // Fourth: FASTPLUS.CONVERSION and GROW.O tie at 25; the code table's order decides.
    expect(weak[3]).toEqual(["FASTPLUS.CONVERSION", "CONVERSION", 25]);

    // A skeleton at an empty cell: START.SEEDING → content points → CALIBRATE.
    await showSheet(page, "Crowds");
    await selectByName(page, "J3");
    const content = panel(page).getByRole("group", { name: "Content communication points" });
    await content.getByRole("button", { name: "Insert DTC.CALIBRATE" }).click();
    await expect.poll(() => text(page), { timeout: 20_000 }).toContain("Inserted =DTC.CALIBRATE(G:I, , , , TRUE) at Crowds!J3");
    const formula = await page.evaluate(() => {
      const book = (window as never as { DTC_WORKBENCH_BOOK: { hf: { getCellFormula(a: object): string | undefined; getSheetId(n: string): number } } }).DTC_WORKBENCH_BOOK;
      return book.hf.getCellFormula({ sheet: book.hf.getSheetId("Crowds"), row: 2, col: 9 });
    });
    expect(formula).toBe("=DTC.CALIBRATE(G:I, , , , TRUE)");
    // Never over a non-empty cell: B1 holds the target.
    await selectByName(page, "B1");
    await content.getByRole("button", { name: "Insert DTC.CALIBRATE" }).click();
    await expect.poll(() => text(page)).toContain("Cell Crowds!B1 is not empty; nothing was written.");
    expect(await one(page, "B1")).toBe(100_000_000);
  });

  it("in Chinese: the tab, the sample, the scorecard and its scenarios", async () => {
    const { page } = await suite.open("?lang=zh-CN");
    await openDiagnose(page, "诊断");
    await button(page, "写入示例对标工作表").click();
    await expect.poll(() => text(page), { timeout: 20_000 }).toContain("已创建工作表“对标品牌集”");
    await panel(page).getByRole("combobox", { name: "评分方法" }).selectOption("index");
    await button(page, "生成诊断表").click();
    await expect.poll(() => text(page), { timeout: 20_000 }).toContain("已创建工作表“诊断 Lumi”。");
    const c = sampleBenchmarkCells("zh");
    const at = scorecardSheet({ benchmark: readBenchmarkInput(c.brand, c.peers), method: "index", topN: 3 }, "zh").layout;
    expect(await one(page, "A1")).toBe("DTC 经营诊断：Lumi");
    expect(await one(page, `${at.indicatorCol.name}${at.rowOf["SUPER.P"]}`)).toBe("新品贡献率");
    // Index: GROW.O = 100 × (−150,000 ÷ 140,000) = −107.14 (a negative value, the weakest),
    // then SUPER.P = 100 × 0.06 ÷ 0.145 = 41.38.
    const [w1] = at.weakestRows;
    expect(await one(page, `${at.weakestCol.code}${w1}`)).toBe("GROW.O");
    expect(await one(page, `${at.weakestCol.score}${w1}`)).toBeCloseTo(-15_000_000 / 140_000, 9);
    expect(await one(page, `${at.weakestCol.scenarios}${w1}`)).toBe("新品定价 · 动态定价");
    expect(await one(page, `${at.weakestCol.score}${w1 + 1}`)).toBeCloseTo((100 * 0.06) / 0.145, 9);
    expect(await text(page)).toContain("潜爆品发现培育");
    const pricing = panel(page).getByRole("group", { name: "新品定价 · 动态定价" });
    await pricing.getByRole("button", { name: "爆品计划" }).click();
    await expect.poll(() => panel(page).getAttribute("aria-label")).toBe("爆品");
  });
});
