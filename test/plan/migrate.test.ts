/**
 * Migration of version-0 plan files (rates in percent, `target` instead of `target_gmv`) to
 * version 1, through the public entry `parsePlan` and through `migrate` itself.
 */
import { describe, expect, it } from "vitest";
import { gta } from "../../src/plan/gta";
import { MIGRATIONS, migrate, percentToRate } from "../../src/plan/migrate";
import { parsePlan, PLAN_VERSION } from "../../src/plan/schema";

/** The worked example of SPEC 10 as an early workbench saved it: conversions in percent. */
const V0_GTA = `{
  "schema": "dtc-plan", "version": 0, "kind": "gta", "name": "SPEC 10 example",
  "inputs": {
    "target": 100000000,
    "crowds": [
      {"stage": "L", "crowd": "", "count": 200000, "conversion": 30, "aov": 400},
      {"stage": "P", "crowd": "", "count": 800000, "conversion": 8, "aov": 300},
      {"stage": "I", "crowd": "", "count": 1500000, "conversion": 5, "aov": 250, "cost": 4, "capacity": 5000000},
      {"stage": "A", "crowd": "", "count": 6000000, "conversion": 0.5, "aov": 250}
    ]
  }
}`;

const V0_HOT = `{
  "schema": "dtc-plan", "version": 0, "kind": "hotplan", "name": "Serum launch", "name_zh": "精华上市",
  "inputs": {
    "target": 30000000, "price": 299,
    "phases": [{"name": "启动期", "weight": 20}, {"name": "大促期", "weight": 80}],
    "crowds": [{"name": "Gen Z", "share": 1}],
    "funnel": [{"i_to_p": 8, "a_to_i": 12.5}],
    "cost_ratio": 35
  }
}`;

describe("version 0 → 1", () => {
  it("renames target to target_gmv and turns percent conversions into fractions", () => {
    const r = parsePlan(V0_GTA);
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.migratedFrom).toBe(0);
    // By hand: 30 % = 0.3, 8 % = 0.08, 5 % = 0.05, 0.5 % = 0.005 (the rates of SPEC 10).
    expect(r.plan).toEqual({
      schema: "dtc-plan",
      version: 1,
      kind: "gta",
      name: "SPEC 10 example",
      inputs: {
        target_gmv: 100000000,
        crowds: [
          { stage: "L", crowd: "", count: 200000, conversion: 0.3, aov: 400 },
          { stage: "P", crowd: "", count: 800000, conversion: 0.08, aov: 300 },
          { stage: "I", crowd: "", count: 1500000, conversion: 0.05, aov: 250, cost: 4, capacity: 5000000 },
          { stage: "A", crowd: "", count: 6000000, conversion: 0.005, aov: 250 },
        ],
      },
    });
  });

  it("the upgraded SPEC 10 example plans as SPEC says", () => {
    const r = parsePlan(V0_GTA);
    if (!r.ok || r.plan.kind !== "gta") throw new Error("refused");
    const res = gta(r.plan.inputs.target_gmv, r.plan.inputs.crowds);
    // SPEC 10: baseline 69,450,000 (old 43,200,000, new 26,250,000), gap 30,550,000; the A row has
    // no cost, so rows go by 1 ÷ g: g_I = 0.05 × 250 = 12.5 beats g_A = 1.25, I takes the whole gap
    // (capacity 5,000,000 × 12.5 = 62,500,000 is enough): added_I = 30,550,000 ÷ 12.5 = 2,444,000.
    expect(res.summary.baseline).toBeCloseTo(69_450_000, 4);
    expect(res.summary.old).toBeCloseTo(43_200_000, 4);
    expect(res.summary.gap).toBeCloseTo(30_550_000, 4);
    expect(res.rows.map((row) => row.added)).toEqual([0, 0, 2_444_000, 0]);
    expect(res.rows[2].required).toBe(3_944_000);
    expect(res.summary.planned_gmv).toBeCloseTo(100_000_000, 4);
    expect(res.summary.shortfall).toBe(0);
  });

  it("converts the hot-product funnel and cost ratio, and leaves an omitted cost ratio omitted", () => {
    const r = parsePlan(V0_HOT);
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.plan.kind).toBe("hotplan");
    expect(r.plan.name_zh).toBe("精华上市");
    // 8 % = 0.08, 12.5 % = 0.125, 35 % = 0.35; price, phases and crowds are copied as written.
    expect(r.plan.inputs).toEqual({
      target_gmv: 30000000,
      price: 299,
      phases: [
        { name: "启动期", weight: 20 },
        { name: "大促期", weight: 80 },
      ],
      crowds: [{ name: "Gen Z", share: 1 }],
      funnel: [{ i_to_p: 0.08, a_to_i: 0.125 }],
      cost_ratio: 0.35,
    });
    const noRatio = parsePlan(V0_HOT.replace(',\n    "cost_ratio": 35', ""));
    if (!noRatio.ok) throw new Error(noRatio.error.message.en);
    expect("cost_ratio" in noRatio.plan.inputs).toBe(false);
  });

  it("gives the same plan as the version-1 file written directly", () => {
    const v1 = V0_GTA.replace('"version": 0', '"version": 1')
      .replace('"target"', '"target_gmv"')
      .replace('"conversion": 30,', '"conversion": 0.3,')
      .replace('"conversion": 8,', '"conversion": 0.08,')
      .replace('"conversion": 5,', '"conversion": 0.05,')
      .replace('"conversion": 0.5,', '"conversion": 0.005,');
    const a = parsePlan(V0_GTA);
    const b = parsePlan(v1);
    expect(b.ok).toBe(true);
    expect(a.ok && b.ok && a.plan).toEqual(b.ok && b.plan);
  });

  it("refuses a version-0 file by the fields as written (a percentage above 100, a missing target)", () => {
    const over = parsePlan(V0_GTA.replace('"conversion": 30', '"conversion": 130'));
    expect(over).toEqual({
      ok: false,
      error: {
        path: "inputs.crowds[0].conversion",
        key: "planMax",
        message: { en: "inputs.crowds[0].conversion: 130 must be ≤ 100", zh: "inputs.crowds[0].conversion：130 必须 ≤ 100" },
      },
    });
    const noTarget = parsePlan(V0_GTA.replace('"target": 100000000,', ""));
    expect(noTarget.ok || noTarget.error.path).toBe("inputs.target");
    expect(noTarget.ok || noTarget.error.message.en).toBe("inputs.target: required field is missing");
    const funnel = parsePlan(V0_HOT.replace('"i_to_p": 8', '"i_to_p": "8%"'));
    expect(funnel.ok || funnel.error.path).toBe("inputs.funnel[0].i_to_p");
  });

  it("refuses a field the step does not touch after the upgrade, saying so", () => {
    const r = parsePlan(V0_GTA.replace('"count": 800000', '"count": -1'));
    expect(r.ok || r.error.path).toBe("inputs.crowds[1].count");
    expect(r.ok || r.error.message).toEqual({
      en: "inputs.crowds[1].count: -1 must be ≥ 0 (after upgrading from version 0)",
      zh: "inputs.crowds[1].count：-1 必须 ≥ 0（从版本 0 升级后）",
    });
  });

  it("does not modify the value it migrates", () => {
    const value = JSON.parse(V0_HOT) as Record<string, unknown>;
    const before = structuredClone(value);
    const deepFreeze = (o: unknown): void => {
      if (o && typeof o === "object") {
        Object.freeze(o);
        Object.values(o).forEach(deepFreeze);
      }
    };
    deepFreeze(value);
    const m = migrate(value, 0, 1);
    expect(m.ok).toBe(true);
    expect(value).toEqual(before);
  });
});

describe("the migration chain", () => {
  it("has one step for every version below the current one", () => {
    for (let v = 0; v < PLAN_VERSION; v++) expect(MIGRATIONS.filter((m) => m.from === v)).toHaveLength(1);
  });

  it("refuses a version it has no step for", () => {
    const m = migrate({ version: 7 }, 7, 9);
    expect(m.ok).toBe(false);
  });

  it("divides percentages by 100 exactly for rates typed with few decimals", () => {
    // 5 / 100 is correctly rounded, so it is the same double as the literal 0.05.
    expect(percentToRate(5)).toBe(0.05);
    expect(percentToRate(12.5)).toBe(0.125);
    expect(percentToRate(100)).toBe(1);
  });
});
