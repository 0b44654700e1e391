/**
 * Plans saved through the Excel adapter (office-addin-mock, test/taskpane/excelMock.ts) survive
 * a reload of the workbook: save with the Plans tab's actions → keep only what the file keeps
 * (the custom XML parts, or the settings on ExcelApi 1.4) → a NEW mock host and a NEW adapter
 * over that saved state → loading gives inputs deep-equal to what was saved.
 *
 * Expected inputs are the template files read from disk and a GTA plan written out by hand.
 * (test/taskpane/excel.test.ts covers the raw text round trip on one adapter instance.)
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPlan } from "../../src/plan/store";
import type { Plan } from "../../src/plan/schema";
import { copyWithTargetAction, importAction, openLibrary, savePlanAction } from "../../taskpane/plans/actions";
import { gtaFormToPlan, planToForm } from "../../taskpane/plans/convert";
import { TEMPLATES } from "../../taskpane/plans/templates";
import { emptyCrowd } from "../../taskpane/forms/gta";
import { ExcelWorkbook, PLANS_NAMESPACE, PLANS_SETTING } from "../../taskpane/workbook/excel";
import { excelMock, type MockState } from "./excelMock";

const TEMPLATE_DIR = join(__dirname, "../../taskpane/templates");
const FILES = ["double11-gta.json", "618-gta.json", "launch-hotplan.json"].map((f) => JSON.parse(readFileSync(join(TEMPLATE_DIR, f), "utf8")));

/** What a saved .xlsx keeps of the host state: parts (not deleted) and settings. */
function reopen(state: MockState, missing?: string[]) {
  const parts = state.parts.filter((p) => !p.deleted).map((p) => ({ namespace: p.namespace, xml: p.xml }));
  const settings = Object.fromEntries(state.settings);
  return excelMock({ parts, settings, missing });
}

/** A GTA plan with awkward numbers (0.1 + 0.2 style doubles, 1e-7) and XML-special text. */
function gtaPlan(): Plan {
  const r = gtaFormToPlan(
    {
      name: 'R&D <"launch"> 双11',
      target: "123456789.123",
      crowds: [{ ...emptyCrowd("A", "a < b & c"), count: "3", conversion: "0.30000000000000004", aov: "0.1", cost: "0.0000001" }],
    },
    "en",
  );
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.plan;
}
// By hand: the numbers typed above, as doubles; cost typed as 0.0000001 is 1e-7.
const GTA_INPUTS = {
  target_gmv: 123456789.123,
  crowds: [{ stage: "A", crowd: "a < b & c", count: 3, conversion: 0.30000000000000004, aov: 0.1, cost: 1e-7 }],
};

for (const host of [
  { name: "custom XML part (ExcelApi 1.5)", missing: undefined },
  { name: "workbook settings (ExcelApi 1.4)", missing: ["1.5", "1.6"] },
]) {
  describe(`save → reload the workbook → load, through ${host.name}`, () => {
    it("gives identical inputs for the three templates and a hand-made GTA plan", async () => {
      const first = excelMock({ missing: host.missing });
      const wb = new ExcelWorkbook(first.env);
      for (const t of TEMPLATES) expect((await savePlanAction(wb, t)).kind).toBe("done");
      expect((await savePlanAction(wb, gtaPlan())).kind).toBe("done");
      expect((await copyWithTargetAction(wb, TEMPLATES[0].name, "88,000,000")).kind).toBe("done");
      if (host.missing) {
        expect(first.state.parts).toEqual([]);
        expect(typeof first.state.settings.get(PLANS_SETTING)).toBe("string");
      } else {
        expect(first.state.parts.filter((p) => !p.deleted).map((p) => p.namespace)).toEqual([PLANS_NAMESPACE]);
      }

      const second = reopen(first.state, host.missing);
      const state = await openLibrary(new ExcelWorkbook(second.env));
      if (state.status !== "ok") throw new Error(JSON.stringify(state));
      const lib = state.library;
      expect(lib.plans).toHaveLength(5);
      for (const f of FILES) {
        const p = loadPlan(lib, f.name);
        expect(p.ok && p.plan.inputs).toEqual(f.inputs);
        expect(p.ok && [p.plan.name_zh, p.plan.description_zh]).toEqual([f.name_zh, f.description_zh]);
      }
      const g = loadPlan(lib, 'R&D <"launch"> 双11');
      expect(g.ok && g.plan.inputs).toEqual(GTA_INPUTS);
      const c = loadPlan(lib, `${FILES[0].name} (copy)`);
      expect(c.ok && c.plan.inputs).toEqual({ ...FILES[0].inputs, target_gmv: 88_000_000 });
      // Loading fills the view with the same inputs it was saved from.
      expect(g.ok && planToForm(g.plan, "en").form).toMatchObject({ name: 'R&D <"launch"> 双11', target: "123456789.123" });
    });
  });
}

describe("after a reload", () => {
  it("a confirmed overwrite replaces the plan in the stored part, and a refused import leaves the part as it was", async () => {
    const first = excelMock();
    await savePlanAction(new ExcelWorkbook(first.env), gtaPlan());
    const second = reopen(first.state);
    const wb = new ExcelWorkbook(second.env);
    const changed = { ...gtaPlan(), inputs: { ...GTA_INPUTS, target_gmv: 5 } } as Plan;
    expect((await savePlanAction(wb, changed)).kind).toBe("confirm");
    expect((await savePlanAction(wb, changed, { overwrite: true })).kind).toBe("done");
    const xml = second.state.parts.filter((p) => !p.deleted).map((p) => p.xml);
    const bad = JSON.stringify({ ...FILES[0], inputs: { ...FILES[0].inputs, crowds: "none" } });
    const o = await importAction(wb, { name: "bad.json", size: bad.length, text: async () => bad });
    expect(o.kind === "refused" && o.message.en).toContain("inputs.crowds: expected a list, got text");
    expect(second.state.parts.filter((p) => !p.deleted).map((p) => p.xml)).toEqual(xml);

    const third = reopen(second.state);
    const state = await openLibrary(new ExcelWorkbook(third.env));
    expect(state.status === "ok" && state.library.plans.map((p) => p.inputs.target_gmv)).toEqual([5]);
  });

  it("a damaged stored library is reported and the part is never written over", async () => {
    const xml = `<plans xmlns="${PLANS_NAMESPACE}">{"schema":"dtc-plan-library","version":1,"plans":[1]}</plans>`;
    const { env, state } = excelMock({ parts: [{ namespace: PLANS_NAMESPACE, xml }] });
    const wb = new ExcelWorkbook(env);
    const lib = await openLibrary(wb);
    expect(lib.status).toBe("damaged");
    const o = await savePlanAction(wb, gtaPlan(), { overwrite: true });
    expect(o.kind).toBe("refused");
    expect(state.parts.map((p) => [p.xml, p.deleted])).toEqual([[xml, false]]);
  });
});
