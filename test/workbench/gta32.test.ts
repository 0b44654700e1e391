/*
 * Plans at real size, in the BUILT pane over the workbench (DTC_DIST): a GTA plan of the 8
 * strategy crowds × 4 stages (32 rows) built with the keyboard in the compact editor, every step
 * counted (each key press, each typed character, each click), against the count of the old card
 * editor for the same plan; the plan sheet it writes (the core plan equals the engine, the
 * sensitivity block and the budget cells are live DTC formulas, the tornado chart is drawn); the
 * list of incomplete rows; the preset in English; "Start from a sheet"; the comparison sheet.
 */
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { gta, type GtaRow } from "../../src/plan/gta";
import { gtaBudget, gtaSensitivity } from "../../src/plan/gta-whatif";
import { emptyLibrary, savePlan, writeLibrary, type Library } from "../../src/plan/store";
import type { Plan } from "../../src/plan/schema";
import { STRATEGY_CROWD_NAMES } from "../../taskpane/forms/gta";
import { budgetCents, gtaSheet, gtaStarterSheet } from "../../taskpane/planners/gtaSheet";
import { compareSheet, wideColumns } from "../../taskpane/planners/compareSheet";
import { parseRange } from "../../taskpane/workbook/a1";
import { showSheet, typeInto, values, workbenchSuite, type Shown } from "./page";

const suite = workbenchSuite();

const pane = (page: Page) => page.locator("#root");
const panel = (page: Page) => pane(page).locator('[role="tabpanel"]:not([hidden])');
const rowGroup = (page: Page, i: number) => panel(page).getByRole("group", { name: `Row ${i}`, exact: true });

// --- The plan: 8 strategy crowds × A, I, P, L ---------------------------------------------------
// Conversion by stage, AOV by crowd, cost and capacity on the stages that grow (A, I).
const CROWDS = STRATEGY_CROWD_NAMES.en;
const STAGES = ["A", "I", "P", "L"] as const;
const BASE = [40_000, 60_000, 30_000, 50_000, 70_000, 10_000, 8_000, 20_000];
const MULT = { A: 60, I: 10, P: 4, L: 1 };
const CONV = { A: "0.005", I: "0.04", P: "0.08", L: "0.3" };
const AOV = ["520", "680", "450", "260", "300", "380", "220", "240"];
const COST = { A: "0.8", I: "3", P: "", L: "" };
const CAP = { A: "2000000", I: "200000", P: "", L: "" };
type Typed = { stage: string; crowd: string; count: string; conversion: string; aov: string; cost: string; capacity: string };
const ROWS: Typed[] = STAGES.flatMap((st) =>
  CROWDS.map((crowd, j) => ({ stage: st, crowd, count: String(BASE[j] * MULT[st]), conversion: CONV[st], aov: AOV[j], cost: COST[st], capacity: CAP[st] })),
);
const NAME = "Double 11 2026";
const TARGET = "200000000";
const asRow = (r: Typed): GtaRow => {
  const g: GtaRow = { stage: r.stage as GtaRow["stage"], crowd: r.crowd, count: Number(r.count), conversion: Number(r.conversion), aov: Number(r.aov) };
  if (r.cost) g.cost = Number(r.cost);
  if (r.capacity) g.capacity = Number(r.capacity);
  return g;
};
const ENGINE_ROWS = ROWS.map(asRow);

/**
 * Steps the OLD card editor (one ~300 px card per row: remove, stage, crowd, count, conversion,
 * aov, cost, capacity, one Tab apart) needed for the same plan, from the keyboard. Measured once
 * on the pane built from the tree before the compact editor (commit b87f0a8, Chromium, the same
 * plan, every focus checked): 1,225 steps, 1 click + 287 keys + 937 typed characters, the pane
 * 10,564 px tall. This is that measured sequence, so the count follows the plan:
 * click the plan name, type it, Tab, type the target; Tab Tab Enter ("Add the 8 strategy
 * crowds": 8 stage-I rows named in Chinese); Tab, Enter × 24 ("Add row"); then each row: Tab to
 * its remove button, Tab to the stage (a letter unless the stage is I), Tab to the crowd (typed
 * for rows 9–32; rows 1–8 keep the Chinese names, which is generous), then Tab + the value of
 * each of the five numbers (a blank cost or capacity is a Tab alone); finally Tab, Enter.
 */
function oldEditorSteps(rows: Typed[]): number {
  let n = 1 + NAME.length + 1 + TARGET.length + 3 + 25;
  rows.forEach((r, i) => {
    n += 8 + (r.stage === "I" ? 0 : 1) + (i >= 8 ? r.crowd.length : 0);
    n += r.count.length + r.conversion.length + r.aov.length + r.cost.length + r.capacity.length;
  });
  return n + 2;
}

/** A driver that counts what a user does: clicks, key presses (a chord is one), typed characters. */
class Steps {
  clicks = 0;
  keys = 0;
  chars = 0;
  constructor(private readonly page: Page) {}
  get total(): number {
    return this.clicks + this.keys + this.chars;
  }
  async click(l: Locator): Promise<void> {
    await l.click();
    this.clicks++;
  }
  async press(key: string, times = 1): Promise<void> {
    for (let i = 0; i < times; i++) {
      await this.page.keyboard.press(key);
      this.keys++;
    }
  }
  async type(text: string): Promise<void> {
    if (!text) return;
    await this.page.keyboard.type(text);
    this.chars += [...text].length;
  }
}

/** Which cell of the editor has the focus: "row:field" (field = the input's accessible name). */
async function focusedCell(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const group = el?.closest('[role="group"]');
    return `${group?.getAttribute("aria-label") ?? ""}:${el?.getAttribute("aria-label") ?? el?.textContent ?? ""}`;
  });
}

async function one(page: Page, address: string): Promise<Shown> {
  return (await values(page, address))[0][0];
}

/** Read what the pane's editor holds, row by row. */
async function editorRows(page: Page): Promise<Typed[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('#root [role="tabpanel"]:not([hidden]) [role="group"][aria-label^="Row "]')].map((g) => {
      const v = (name: string) => (g.querySelector(`[aria-label="${name}"]`) as HTMLInputElement | HTMLSelectElement).value;
      return { stage: v("Stage"), crowd: v("Crowd"), count: v("Count"), conversion: v("Conversion"), aov: v("AOV"), cost: v("Cost per added consumer"), capacity: v("Capacity") };
    }),
  );
}

describe("a 32-row GTA plan from the keyboard", () => {
  it("builds 8 crowds × 4 stages in the compact editor, counting every step, and writes a live plan with its what-if block", async () => {
    const { page } = await suite.open();
    await expect.poll(() => pane(page).textContent(), { timeout: 20_000 }).toContain("DTC Metrics planners");
    const s = new Steps(page);

    await s.click(panel(page).getByLabel("Plan name"));
    await s.type(NAME);
    await s.press("Tab");
    await s.type(TARGET);
    await s.press("Tab", 2);
    expect(await focusedCell(page)).toBe(":Add the 8 strategy crowds");
    // The preset opens with every stage and crowd ticked, the focus on "Add 32 rows".
    await s.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Add 32 rows");
    await s.press("Enter");
    expect(await panel(page).getByRole("group", { name: /^Row \d+$/ }).count()).toBe(32);
    expect(await focusedCell(page)).toBe("Row 1:Count");

    // Counts down the column (Enter = next row).
    for (let r = 0; r < 32; r++) {
      await s.type(ROWS[r].count);
      if (r < 31) await s.press("Enter");
    }
    expect(await focusedCell(page)).toBe("Row 32:Count");
    // Conversion: one value per stage, filled down; PgDn jumps to the next stage.
    await s.press("Tab");
    await s.press("Control+ArrowUp");
    expect(await focusedCell(page)).toBe("Row 1:Conversion");
    for (const [g, st] of STAGES.entries()) {
      await s.type(CONV[st]);
      await s.press("Control+d");
      if (g < 3) await s.press("PageDown");
    }
    expect(await focusedCell(page)).toBe("Row 25:Conversion");
    // AOV by crowd: typed down the column.
    await s.press("Tab");
    await s.press("Control+ArrowUp");
    for (let r = 0; r < 32; r++) {
      await s.type(ROWS[r].aov);
      if (r < 31) await s.press("Enter");
    }
    // Cost and capacity: A, then I, filled down; P and L cleared by filling a blank down.
    for (const field of ["cost", "capacity"] as const) {
      await s.press("Tab");
      await s.press("Control+ArrowUp");
      const v = field === "cost" ? COST : CAP;
      await s.type(v.A);
      await s.press("Control+d");
      await s.press("PageDown");
      await s.type(v.I);
      await s.press("Control+d");
      await s.press("PageDown");
      await s.press("Delete");
      await s.press("Control+d");
    }
    expect(await focusedCell(page)).toBe("Row 17:Capacity");
    expect(await editorRows(page)).toEqual(ROWS);

    // The bar at the bottom says the plan is complete, and stays in view wherever the pane is scrolled.
    const bar = panel(page).getByRole("region", { name: "Plan status" });
    expect(await bar.textContent()).toContain("Complete: 32 rows.");
    const inView = async () => {
      const root = (await pane(page).boundingBox())!;
      const b = (await bar.boundingBox())!;
      return b.y >= root.y - 1 && b.y + b.height <= root.y + root.height + 1;
    };
    await pane(page).evaluate((el) => (el.scrollTop = 0));
    expect(await inView()).toBe(true);
    await pane(page).evaluate((el) => (el.scrollTop = el.scrollHeight));
    expect(await inView()).toBe(true);
    // One line per row: the editor is at most 350 px wide and nothing overflows the pane.
    const line = (await rowGroup(page, 1).boundingBox())!;
    expect(line.width).toBeLessThanOrEqual(350);
    expect(line.height).toBeLessThan(40);
    expect(await pane(page).evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    const height = await panel(page).evaluate((el) => el.scrollHeight);

    // Ctrl+Enter creates the plan.
    await s.press("Control+Enter");
    await expect.poll(() => pane(page).textContent(), { timeout: 20_000 }).toContain(`Created sheet "GTA ${NAME}".`);

    const old = oldEditorSteps(ROWS);
    console.log(
      `32-row GTA plan from the keyboard: compact editor ${s.total} steps (${s.clicks} click, ${s.keys} keys, ${s.chars} typed characters), ` +
        `old card editor ${old} steps; GTA view ${height} px tall (old: 10,564 px)`,
    );
    expect(old).toBe(1225); // the measured count (see oldEditorSteps)
    expect(s.total).toBeLessThan(old);
    expect(height).toBeLessThan(2500);

    // --- The sheet: the inputs as typed, the core plan equal to the engine ---------------------
    const { layout } = gtaSheet({ name: NAME, target_gmv: Number(TARGET), crowds: ENGINE_ROWS }, "en", { whatIf: true });
    const table = await values(page, layout.crowdTable);
    expect(table[0]).toEqual(["stage", "crowd", "count", "conversion", "aov", "cost", "capacity"]);
    expect(table.slice(1)).toEqual(ENGINE_ROWS.map((r) => [r.stage, r.crowd, r.count, r.conversion, r.aov, r.cost ?? null, r.capacity ?? null]));
    const res = gta(Number(TARGET), ENGINE_ROWS);
    const close = (a: Shown, b: number) => expect(Math.abs((a as number) - b)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(b)));
    close(await one(page, layout.summary.baseline), res.summary.baseline);
    close(await one(page, layout.summary.planned_gmv), res.summary.planned_gmv);
    close(await one(page, layout.summary.added_cost), res.summary.added_cost);
    const added = await values(page, `${layout.planCol.added}${layout.planRows[0]}:${layout.planCol.added}${layout.planRows[1]}`);
    expect(added.map((r) => r[0])).toEqual(res.rows.map((r) => r.added));

    // --- The what-if block: live DTC functions -------------------------------------------------
    const w = layout.whatIf!;
    const top = parseRange(w.sensitivity).top + 1;
    const sens = await values(page, `A${top}:F${top + 32}`);
    const expected = gtaSensitivity(Number(TARGET), ENGINE_ROWS);
    expect(sens[0].slice(0, 3)).toEqual(["MARGINAL", "", expected.marginal]);
    expect(sens.slice(1)).toEqual(expected.rows.map((d) => [d.stage, d.crowd, d.conversion_up, d.conversion_down, d.aov_up, d.aov_down]));
    expect(await one(page, w.marginal)).toBe(expected.marginal);
    // The budget cell starts at the plan's cost and buys at least the plan's GMV.
    const budgetRow = parseRange(w.budgetSummary).top + 1;
    expect(await one(page, w.budget)).toBe(budgetCents(res.summary.added_cost));
    const first = (await values(page, `C${budgetRow}:H${budgetRow}`))[0] as number[];
    expect(first[4]).toBeGreaterThanOrEqual(res.summary.planned_gmv - 1e-6);
    // A new budget: half of it.
    const half = Math.round(res.summary.added_cost / 2);
    await typeInto(page, w.budget, String(half));
    const bs = gtaBudget(half, ENGINE_ROWS).summary;
    expect((await values(page, `C${budgetRow}:H${budgetRow}`))[0]).toEqual([bs.baseline, bs.budget, bs.spent, bs.added_gmv, bs.planned_gmv, bs.unspent]);
    // The tornado: its data sorted by swing (largest last), drawn as bars around a zero line.
    const tornado = await values(page, w.tornado);
    const swings = tornado.slice(1).map((r) => Math.max(...(r.slice(1) as number[]).map(Math.abs)));
    expect(swings).toEqual([...swings].sort((a, b) => a - b));
    const chart = page.locator('.wb-chart[data-chart^="Tornado"]');
    expect(await chart.locator("svg rect").count()).toBeGreaterThan(4 * 32);
    expect(await chart.locator("line.wb-zero").count()).toBe(1);
  });
});

describe("the compact editor", () => {
  it("lists the incomplete rows; a click goes to the row; the preset names the crowds in English and adds only the ticked stages", async () => {
    const { page } = await suite.open();
    await expect.poll(() => pane(page).textContent(), { timeout: 20_000 }).toContain("DTC Metrics planners");
    const bar = panel(page).getByRole("region", { name: "Plan status" });
    await panel(page).getByRole("button", { name: "Add the 8 strategy crowds", exact: true }).click();
    const preset = panel(page).getByRole("group", { name: "Strategy crowds × stages" });
    for (const st of ["P", "L"]) await preset.getByRole("checkbox", { name: st, exact: true }).click();
    await preset.getByRole("checkbox", { name: "Gen Z" }).click();
    await preset.getByRole("button", { name: "Add 14 rows" }).click();
    const rows = await editorRows(page);
    expect(rows.map((r) => `${r.stage} ${r.crowd}`)).toEqual(
      ["A", "I"].flatMap((st) => CROWDS.filter((c) => c !== "Gen Z").map((c) => `${st} ${c}`)),
    );
    expect(rows.every((r) => r.count === "" && r.aov === "")).toBe(true);
    // Incomplete: the name, the target and every row, each a button.
    expect(await bar.textContent()).toContain("Incomplete (16):");
    expect(await bar.getByRole("button", { name: "Row 1: Count, Conv., AOV" }).count()).toBe(1);
    expect(await bar.textContent()).toContain("+10 more");

    // Fill every row but row 9's AOV (row 1 typed, then duplicated down; fill down the rest).
    await rowGroup(page, 1).getByLabel("Count", { exact: true }).click();
    await page.keyboard.type("1000");
    await page.keyboard.press("Tab");
    await page.keyboard.type("5%");
    await page.keyboard.press("Tab");
    await page.keyboard.type("100");
    for (const field of ["Count", "Conversion", "AOV"]) {
      await rowGroup(page, 1).getByLabel(field, { exact: true }).focus();
      await bar.getByRole("button", { name: "Fill down" }).click();
    }
    await rowGroup(page, 9).getByLabel("AOV", { exact: true }).fill("");
    await panel(page).getByLabel("Plan name").fill("Gaps");
    await panel(page).getByLabel("Target GMV").fill("1000000");
    await expect.poll(() => bar.textContent()).toContain("Incomplete (1):");
    await bar.getByRole("button", { name: "Row 9: AOV" }).click();
    expect(await focusedCell(page)).toBe("Row 9:AOV");
    expect(await panel(page).getByRole("button", { name: "Create plan", exact: true }).isDisabled()).toBe(true);
    await page.keyboard.type("120");
    await expect.poll(() => bar.textContent()).toContain("Complete: 14 rows.");
    // Duplicate row (Ctrl+Shift+D): a copy right below, the focus on it.
    await page.keyboard.press("Control+Shift+D");
    expect(await focusedCell(page)).toBe("Row 10:AOV");
    expect((await editorRows(page))[9]).toEqual((await editorRows(page))[8]);
    expect(await panel(page).getByRole("group", { name: /^Row \d+$/ }).count()).toBe(15);
  });

  it('"Start from a sheet" writes the empty inputs table; the plan computes as the planner types in the sheet', async () => {
    const { page } = await suite.open();
    await expect.poll(() => pane(page).textContent(), { timeout: 20_000 }).toContain("DTC Metrics planners");
    await panel(page).getByRole("button", { name: "Add the 8 strategy crowds", exact: true }).click();
    const preset = panel(page).getByRole("group", { name: "Strategy crowds × stages" });
    for (const st of ["P", "L"]) await preset.getByRole("checkbox", { name: st, exact: true }).click();
    await preset.getByRole("button", { name: "Start from a sheet" }).click();
    await expect.poll(() => pane(page).textContent(), { timeout: 20_000 }).toContain('Created sheet "GTA New plan".');
    // The pane's table is untouched; the sheet holds 16 rows, stage and crowd filled, numbers blank.
    expect(await panel(page).getByRole("group", { name: /^Row \d+$/ }).count()).toBe(1);
    const { layout } = gtaStarterSheet({ name: "New plan", target_gmv: null, crowds: ["A", "I"].flatMap((st) => CROWDS.map((crowd) => ({ stage: st as "A", crowd }))) }, "en");
    const table = await values(page, layout.crowdTable);
    expect(table.length).toBe(17);
    expect(table[1]).toEqual(["A", "New white-collar", null, null, null, null, null]);
    expect(table[16]).toEqual(["I", "Urban blue-collar", null, null, null, null, null]);
    expect(await one(page, "A3")).toMatch(/^Fill in count, conversion and AOV/);
    // Type the target and one row in the sheet: the plan follows. A · New white-collar: 1,000 ×
    // 1 % × 100 → g = 1, gmv 1,000; gap 10,000 − 1,000 = 9,000 → 9,000 added (no capacity).
    const i1 = layout.inputRows[0];
    await typeInto(page, layout.target, "10000");
    await typeInto(page, `C${i1}`, "1000");
    await typeInto(page, `D${i1}`, "0.01");
    await typeInto(page, `E${i1}`, "100");
    expect(await one(page, layout.summary.baseline)).toBeCloseTo(1000, 9);
    expect(await one(page, `${layout.planCol.added}${layout.planRows[0]}`)).toBe(9000);
    expect(await one(page, layout.summary.planned_gmv)).toBeCloseTo(10_000, 9);
  });
});

describe("comparing two saved plans in the workbench", () => {
  it("writes a comparison sheet (a new sheet each time, never overwriting), with differences and percentages", async () => {
    const { page } = await suite.open();
    await expect.poll(() => pane(page).textContent(), { timeout: 20_000 }).toContain("DTC Metrics planners");
    const rows: GtaRow[] = [
      { stage: "P", crowd: "Loyal", count: 1000, conversion: 0.1, aov: 50 },
      { stage: "I", crowd: "Gen Z", count: 2000, conversion: 0.05, aov: 40, cost: 4, capacity: 1000 },
      { stage: "A", crowd: "Office", count: 5000, conversion: 0.01, aov: 40, cost: 0.6, capacity: 10000 },
    ];
    const a = { schema: "dtc-plan", version: 1, kind: "gta", name: "Base", inputs: { target_gmv: 15_000, crowds: rows } } as Plan;
    const b = { schema: "dtc-plan", version: 1, kind: "gta", name: "Stretch", inputs: { target_gmv: 16_000, crowds: rows.slice(0, 2) } } as Plan;
    // A third plan with a long name, offered in the pickers (they must still fit the pane).
    const c = { ...a, name: "Double 11 of next year, with a much larger interest crowd and new costs" } as Plan;
    let lib: Library = emptyLibrary();
    for (const p of [a, b, c]) {
      const r = savePlan(lib, p, { now: "2025-11-11T00:00:00.000Z" });
      if (r.status !== "saved") throw new Error("not saved");
      lib = r.library;
    }
    const text = writeLibrary(lib);
    await page.evaluate((t) => (window as never as { DTC_WORKBENCH: { workbook: { savePlans(t: string): Promise<void> } } }).DTC_WORKBENCH.workbook.savePlans(t), text);
    await pane(page).getByRole("tab", { name: "Plans" }).click();
    const section = panel(page).getByRole("region", { name: "Compare two plans" });
    await section.getByLabel("Plan A").selectOption({ label: "Base · GTA" });
    await section.getByLabel("Plan B").selectOption({ label: "Stretch" });
    // The pickers keep to the pane's width.
    expect(await pane(page).evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    for (const sheet of ["Compare Base vs Stretch", "Compare Base vs Stretch (2)"]) {
      await section.getByRole("button", { name: "Compare on a new sheet" }).click();
      await expect.poll(() => pane(page).textContent(), { timeout: 20_000 }).toContain(`Compared "Base" with "Stretch" on the new sheet "${sheet}".`);
    }
    expect((await page.locator(".wb-tab").allTextContents()).slice(-2)).toEqual(["Compare Base vs Stretch", "Compare Base vs Stretch (2)"]);
    await showSheet(page, "Compare Base vs Stretch");
    const { layout } = compareSheet(a, b, "en");
    const r = layout.rows;
    // Target 15,000 → 16,000: Δ 1,000, +6.67 %.
    expect((await values(page, `B${r["inputs.target_gmv"]}:E${r["inputs.target_gmv"]}`))[0]).toEqual([15_000, 16_000, 1000, 1000 / 15_000]);
    // A (worked example of docs/drafts/whatif.md): baseline 11,000, cost 6,000, marginal 1.5.
    // B has no A row: baseline 9,000, gap 7,000; I takes its capacity 1,000 × 2 = 2,000 (cost
    // 4,000) and 5,000 is short; planned 11,000; no marginal cost (out of reach).
    expect((await values(page, `B${r["summary.baseline"]}:E${r["summary.baseline"]}`))[0]).toEqual([11_000, 9000, -2000, -2000 / 11_000]);
    expect((await values(page, `B${r["summary.added_cost"]}:D${r["summary.added_cost"]}`))[0]).toEqual([6000, 4000, -2000]);
    expect((await values(page, `B${r["summary.shortfall"]}:E${r["summary.shortfall"]}`))[0]).toEqual([0, 5000, 5000, ""]);
    expect((await values(page, `B${r["summary.marginal"]}:D${r["summary.marginal"]}`))[0]).toEqual([1.4999999999999998, "n/a", ""]);
    // Row results: the A row is only in plan A (B's side and the differences blank).
    const [ca, cb, cd, cp] = wideColumns(2, 1); // "added"
    const aRow = r["rowResults.2"];
    expect((await values(page, `A${aRow}:B${aRow}`))[0]).toEqual(["A", "Office"]);
    expect((await values(page, `${ca}${aRow}:${cp}${aRow}`))[0]).toEqual([10_000, null, "", ""]);
    const iRow = r["rowResults.1"];
    expect((await values(page, `${ca}${iRow}:${cd}${iRow}`))[0]).toEqual([0, 1000, 1000]);
    expect(cb).toBe("H");
  });
});
