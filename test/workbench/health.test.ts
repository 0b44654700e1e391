/*
 * Issue 18, the hot-product and plan-sheet items, in headless Chromium on the BUILT pane and
 * workbench: the health check runs from a plan saved in the workbook after a reload (nothing
 * typed into the hot-product form); mid-campaign, only the phases with actuals are checked (the
 * blank ones skipped, not zero: no #DIV/0!), and the diagnosis is information/warning, never an
 * error; the GTA plan sheet refuses "abc" as a conversion (data validation), says in its check
 * cell which input is wrong when one gets in anyway, shows "check inputs" instead of a coercion
 * error, and says its fill order in words; the hot view names the strategy crowds in the pane's
 * language.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { emptyLibrary, savePlan, writeLibrary, type Library } from "../../src/plan/store";
import type { Plan } from "../../src/plan/schema";
import { healthTargets, hothealth } from "../../src/plan/hothealth";
import type { HotplanInput } from "../../src/plan/hotplan";
import { gtaSheet } from "../../taskpane/planners/gtaSheet";
import { weakestSignal } from "../../taskpane/planners/hotSheet";
import { SPEC10_CROWDS as CROWDS } from "./fixtures";
import { selectRange, showSheet, typeInto, values, workbenchSuite } from "./page";

const suite = workbenchSuite();
const pane = (page: Page) => page.locator("#root");
const panel = (page: Page) => pane(page).locator('[role="tabpanel"]:not([hidden])');
const one = async (page: Page, a: string): Promise<unknown> => (await values(page, a))[0][0];

const SERUM: Plan = {
  schema: "dtc-plan",
  version: 1,
  kind: "hotplan",
  name: "Serum",
  inputs: {
    target_gmv: 1_200_000,
    price: 150,
    units_per_buyer: 2,
    cost_ratio: 0.1,
    phases: [
      { name: "启动期", weight: 1 },
      { name: "发展期", weight: 1 },
      { name: "大促期", weight: 2 },
    ],
    crowds: [
      { name: "Gen Z", share: 1 },
      { name: "精致妈妈", share: 3 },
    ],
    funnel: [{ i_to_p: 0.2, a_to_i: 0.3 }],
  },
} as Plan;

async function seedPlans(page: Page, plans: Plan[]): Promise<void> {
  let lib: Library = emptyLibrary();
  for (const p of plans) {
    const r = savePlan(lib, p, { now: "2025-11-11T00:00:00.000Z" });
    if (r.status !== "saved") throw new Error("fixture");
    lib = r.library;
  }
  const text = writeLibrary(lib);
  await page.evaluate((t) => (window as never as { DTC_WORKBENCH: { workbook: { savePlans(t: string): Promise<void> } } }).DTC_WORKBENCH.workbook.savePlans(t), text);
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
}

async function openHot(page: Page, name = "Hot product"): Promise<void> {
  await pane(page).getByRole("tab", { name }).click();
  await expect.poll(() => panel(page).getAttribute("aria-label"), { timeout: 20_000 }).toBe(name);
}

describe("health check from a saved plan, mid-campaign", () => {
  it("after a reload, with the form empty: pick the saved plan, fill phase 1 only; phases 2 and 3 are skipped, the sheet has no #DIV/0!", async () => {
    const { page } = await suite.open();
    await seedPlans(page, [SERUM]);
    await openHot(page);
    // The form is empty: without a saved plan the check cannot run.
    expect(await panel(page).getByRole("textbox", { name: /^Product/ }).inputValue()).toBe("");
    await expect.poll(() => panel(page).textContent()).toContain("Complete the hot-product form above, or pick a saved plan.");
    const select = panel(page).getByLabel("Check against");
    await expect.poll(() => select.locator("option").allTextContents(), { timeout: 20_000 }).toEqual(["The plan in the form above", "Saved plan: Serum"]);
    await select.selectOption("Serum");
    // The saved plan's phases, one card each.
    for (const ph of ["启动期", "发展期", "大促期"]) expect(await panel(page).getByRole("group", { name: ph }).count()).toBe(1);
    await panel(page).getByLabel("Planned precision").fill("0.7");
    const launch = panel(page).getByRole("group", { name: "启动期" });
    const actual = { reached: 12_000, reached_in_target_crowds: 8000, spend: 9000, gmv: 90_000, buyers: 900 };
    await launch.getByLabel("Reached", { exact: true }).fill(String(actual.reached));
    await launch.getByLabel("In target crowds").fill(String(actual.reached_in_target_crowds));
    await launch.getByLabel("Spend").fill(String(actual.spend));
    await launch.getByLabel("GMV").fill(String(actual.gmv));
    await launch.getByLabel("Buyers").fill(String(actual.buyers));

    // The diagnosis: one finding per phase, information or warning, never an error.
    const findings = panel(page).getByRole("region", { name: "Findings" });
    await expect.poll(() => findings.textContent()).toContain("发展期: no actuals yet, not checked.");
    expect(await findings.textContent()).toContain("大促期: no actuals yet, not checked.");
    const intents = await findings.locator("[data-intent]").evaluateAll((els) => els.map((e) => e.getAttribute("data-intent")));
    // 启动期 against the saved plan's targets (healthTargets, the pane's own reading): the weakest index
    // is below plan, so the finding is a warning and reads as weakestSignal says.
    const t = healthTargets(SERUM.inputs as HotplanInput, 0.7)[0];
    const idx = hothealth(actual, t.plan) as number[];
    expect(Math.min(...idx)).toBeLessThan(100);
    expect(intents).toEqual(["warning", "info", "info"]);
    expect(await findings.textContent()).toContain(`启动期: ${weakestSignal([{ ...t, actual }], "en")!.text}`);
    expect(await panel(page).locator('[data-intent="error"], .fui-MessageBar[class*="error"]').count()).toBe(0);

    await panel(page).getByRole("button", { name: "Create health sheet", exact: true }).click();
    await expect.poll(() => pane(page).textContent(), { timeout: 20_000 }).toContain('Created sheet "Health Serum".');
    const rows = await values(page, "K6:N8");
    rows[0].forEach((v, i) => expect(v as number).toBeCloseTo(idx[i], 9));
    expect(rows.slice(1)).toEqual([["", "", "", ""], ["", "", "", ""]]);
    // Filled in the sheet later, the phase computes.
    await typeInto(page, "F7", "20000");
    expect(await one(page, "K7")).toBeCloseTo((100 * 20_000) / healthTargets(SERUM.inputs as HotplanInput, 0.7)[1].plan.reached, 9);
    // The sheet's actual cells refuse what is not a count.
    await typeInto(page, "G7", "abc");
    expect(await one(page, "G7")).toBeNull();
    expect(await page.locator(".wb-status").textContent()).toContain("A number ≥ 0.");
  });
});

describe("plan sheet inputs: validation, the check cell, the fill order in words", () => {
  it('GTA: "abc" as a conversion is refused; one that gets in (a formula) is named by the check cell and the summary says "check inputs"', async () => {
    const { page } = await suite.open();
    await showSheet(page, "Crowds");
    await selectRange(page, "A3:G7");
    await panel(page).getByRole("button", { name: "Use selection", exact: true }).click();
    await expect.poll(() => pane(page).textContent(), { timeout: 20_000 }).toContain("Read 4 rows from Crowds!A3:G7.");
    await panel(page).getByLabel("Plan name").fill("Check");
    await panel(page).getByLabel("Target GMV").fill("100000000");
    await panel(page).getByRole("button", { name: "Create plan", exact: true }).click();
    await expect.poll(() => pane(page).textContent(), { timeout: 20_000 }).toContain('Created sheet "GTA Check".');
    const at = gtaSheet({ name: "x", target_gmv: 1, crowds: CROWDS.map((c) => ({ ...c })) }, "en").layout;
    const conv = `D${at.inputRows[0] + 2}`;
    expect(await one(page, at.check)).toBe("");
    expect(await one(page, at.summary.by_cost)).toBe("most GMV per added consumer first (1 ÷ g)");
    expect(await one(page, `A${Number(at.summary.by_cost.slice(1))}`)).toBe("Fill order");

    await typeInto(page, conv, "abc");
    expect(await one(page, conv)).toBe(0.05);
    expect(await page.locator(".wb-status").textContent()).toContain("A rate: a number between 0 and 1");
    await typeInto(page, `A${at.inputRows[0]}`, "X");
    expect(await one(page, `A${at.inputRows[0]}`)).toBe("L");
    // The engine's labels are in the list: 兴趣 plans as I.
    await typeInto(page, `A${at.inputRows[0] + 2}`, "兴趣");
    expect(await one(page, at.summary.planned_gmv)).toBeCloseTo(100_000_000, 4);

    await typeInto(page, conv, '="abc"');
    expect(await one(page, at.check)).toBe(`${conv}: conversion must be a number between 0 and 1`);
    expect(await one(page, at.summary.baseline)).toBe("check inputs");
    expect(await one(page, at.summary.planned_gmv)).toBe("");
    await typeInto(page, conv, "0.05");
    expect(await one(page, at.check)).toBe("");
    expect(await one(page, at.summary.planned_gmv)).toBeCloseTo(100_000_000, 4);
    // The validation is kept with the sheet (saved and restored with the book).
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem("dtc-workbench/book") ?? "null"));
    const sheet = (saved.sheets as { name: string; meta?: { validations?: { range: string }[] } }[]).find((s) => s.name === "GTA Check");
    expect(sheet?.meta?.validations?.map((v) => v.range)).toContain(`D${at.inputRows[0]}:D${at.inputRows[1]}`);
  });
});

describe("hot view: the strategy crowds in the pane's language", () => {
  for (const [query, tab, button, first, fifth] of [
    ["", "Hot product", "Add the 8 strategy crowds", "New white-collar", "Gen Z"],
    ["?lang=zh-CN", "爆品", "添加八大策略人群", "新锐白领", "Gen Z"],
  ] as const) {
    it(`${tab}: "${button}" adds ${first} …`, async () => {
      const { page } = await suite.open(query);
      await openHot(page, tab);
      await panel(page).getByRole("button", { name: button, exact: true }).click();
      const names = await panel(page).getByRole("textbox", { name: query ? /^人群/ : /^Crowd/ }).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
      expect(names).toHaveLength(8);
      expect(names[0]).toBe(first);
      expect(names[4]).toBe(fifth);
    });
  }
});
