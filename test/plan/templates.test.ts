/**
 * The built-in templates (taskpane/templates/*.json): each is a valid current-version plan with
 * English and Chinese names, and each produces a plan through the engine (`gta`, `hotplan`),
 * checked against hand calculations from SPEC sections 10 and 11.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { gta } from "../../src/plan/gta";
import { hotplan } from "../../src/plan/hotplan";
import { parsePlan, type GtaPlan, type HotplanPlan, type Plan } from "../../src/plan/schema";
import { withTarget } from "../../src/plan/store";

const DIR = join(__dirname, "../../taskpane/templates");

function template(file: string): Plan {
  const r = parsePlan(readFileSync(join(DIR, file), "utf8"));
  if (!r.ok) throw new Error(`${file}: ${r.error.message.en}`);
  return r.plan;
}

const gtaTemplate = (file: string): GtaPlan => {
  const p = template(file);
  if (p.kind !== "gta") throw new Error(`${file} is not a GTA plan`);
  return p;
};

describe("every template", () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith(".json"));

  it("ships the three templates of SPEC 12 (Double 11, 618, a new-product launch)", () => {
    expect(files.sort()).toEqual(["618-gta.json", "double11-gta.json", "launch-hotplan.json"]);
  });

  for (const f of files) {
    it(`${f} validates as a current plan with English and Chinese names and descriptions`, () => {
      const r = parsePlan(readFileSync(join(DIR, f), "utf8"));
      if (!r.ok) throw new Error(r.error.message.en);
      expect(r.migratedFrom).toBeUndefined();
      const p = r.plan;
      expect(p.name).toMatch(/^[\x20-\x7e]+$/);
      expect(p.name_zh).toMatch(/[\u4e00-\u9fff]/);
      expect(p.description?.length).toBeGreaterThan(50);
      expect(p.description_zh).toMatch(/[\u4e00-\u9fff]/);
      expect(p.season).toBeTruthy();
    });

    it(`${f} produces a plan through the engine with finite numbers that reach the target`, () => {
      const p = template(f);
      if (p.kind === "gta") {
        const res = gta(p.inputs.target_gmv, p.inputs.crowds);
        expect(res.rows).toHaveLength(p.inputs.crowds.length);
        expect(res.summary.shortfall).toBe(0);
        expect(res.summary.planned_gmv).toBeGreaterThanOrEqual(p.inputs.target_gmv);
        for (const v of Object.values(res.summary)) expect(Number.isFinite(v)).toBe(true);
      } else {
        const res = hotplan(p.inputs);
        expect(res.rows).toHaveLength(p.inputs.phases.length * p.inputs.crowds.length);
        expect(res.total.gmv).toBeCloseTo(p.inputs.target_gmv, 4);
        for (const v of Object.values(res.total)) expect(Number.isFinite(v)).toBe(true);
      }
    });
  }
});

describe("618 GTA template, by hand (SPEC 10)", () => {
  const p = gtaTemplate("618-gta.json");
  const res = gta(p.inputs.target_gmv, p.inputs.crowds);

  it("baseline, old, new and gap", () => {
    // L: 40,000 × 0.25 × 450 = 4,500,000; 22,000 × 0.28 × 600 = 3,696,000
    // P: 150,000 × 0.07 × 380 = 3,990,000; 90,000 × 0.06 × 360 = 1,944,000; 130,000 × 0.05 × 260 = 1,690,000
    // old = 15,820,000
    // I: 400,000 × 12.25 = 4,900,000; 240,000 × 9.9 = 2,376,000; 500,000 × 7.5 = 3,750,000; 300,000 × 5 = 1,500,000
    // A: 2,000,000 × 1.4 = 2,800,000; 3,000,000 × 1 = 3,000,000; 1,500,000 × 0.6 = 900,000
    // new = 19,226,000; baseline = 35,046,000; gap = 45,000,000 − 35,046,000 = 9,954,000
    expect(res.summary.old).toBeCloseTo(15_820_000, 4);
    expect(res.summary.new).toBeCloseTo(19_226_000, 4);
    expect(res.summary.baseline).toBeCloseTo(35_046_000, 4);
    expect(res.summary.gap).toBeCloseTo(9_954_000, 4);
  });

  it("fills the interest crowds by cost per yuan of GMV, then aware Gen Z", () => {
    // Every growable row has a cost, so the order is by cost ÷ g:
    // I 小镇青年 1.5/5 = 0.300, I 新锐白领 4/12.25 = 0.327, I Gen Z 2.5/7.5 = 0.333,
    // I 精致妈妈 3.6/9.9 = 0.364, A Gen Z 0.4/1 = 0.400, A 都市蓝领 0.25/0.6 = 0.417, A 新锐白领 0.6/1.4 = 0.429.
    // Capacities bind for the four I rows: 1,000,000 + 3,062,500 + 2,250,000 + 1,485,000 = 7,797,500,
    // leaving 2,156,500 for A Gen Z (g = 1): 2,156,500 more consumers.
    expect(res.rows.map((r) => r.added)).toEqual([0, 0, 0, 0, 0, 250_000, 150_000, 300_000, 200_000, 0, 2_156_500, 0]);
    // required = count + added; Σcount = 8,372,000, Σadded = 3,056,500
    expect(res.total.added).toBe(3_056_500);
    expect(res.total.required).toBe(11_428_500);
    expect(res.summary.shortfall).toBe(0);
    expect(res.summary.planned_gmv).toBeCloseTo(45_000_000, 4);
    // 200,000 × 1.5 + 250,000 × 4 + 300,000 × 2.5 + 150,000 × 3.6 + 2,156,500 × 0.4 = 3,452,600
    expect(res.summary.added_cost).toBeCloseTo(3_452_600, 4);
  });

  it("copy plan, change target: a target below the baseline needs no new consumers", () => {
    const copy = withTarget(p, 35_000_000);
    if (!copy.ok || copy.plan.kind !== "gta") throw new Error("refused");
    const r = gta(copy.plan.inputs.target_gmv, copy.plan.inputs.crowds);
    // 35,000,000 < baseline 35,046,000 → gap 0, nothing added, planned = baseline
    expect(r.summary.gap).toBe(0);
    expect(r.total.added).toBe(0);
    expect(r.summary.planned_gmv).toBeCloseTo(35_046_000, 4);
  });
});

describe("Double 11 GTA template, by hand (SPEC 10)", () => {
  const p = gtaTemplate("double11-gta.json");
  const res = gta(p.inputs.target_gmv, p.inputs.crowds);

  it("baseline and the greedy fill", () => {
    // L: 7,280,000 + 5,684,800 + 3,072,000 + 1,620,000 = 17,656,800
    // P: 6,300,000 + 4,928,000 + 3,240,000 + 3,120,000 + 1,260,000 = 18,848,000 → old 36,504,800
    // I (g = 19, 27.5, 16.2, 11.2, 7.7): 7,980,000 + 4,950,000 + 4,212,000 + 5,824,000 + 2,772,000 = 25,738,000
    // A (g = 2.28, 3.5, 1.4, 0.88, 1.35): 5,700,000 + 2,800,000 + 4,900,000 + 2,640,000 + 810,000 = 16,850,000
    // new 42,588,000; baseline 79,092,800; gap 20,907,200
    expect(res.summary.old).toBeCloseTo(36_504_800, 4);
    expect(res.summary.new).toBeCloseTo(42_588_000, 4);
    expect(res.summary.gap).toBeCloseTo(20_907_200, 4);
    // cost ÷ g: I 小镇青年 0.260, I 新锐白领 0.263, I 资深中产 0.273, I 精致妈妈 0.278, I Gen Z 0.286,
    // A 小镇青年 0.341 … All five I rows hit capacity: 2,310,000 + 5,700,000 + 4,125,000 + 3,240,000
    // + 4,480,000 = 19,855,000; A 小镇青年 takes 1,052,200 → ceil(1,052,200 ÷ 0.88) = 1,195,682.
    expect(res.rows.map((r) => r.added)).toEqual([
      0, 0, 0, 0, 0, 0, 0, 0, 0, 300_000, 150_000, 200_000, 400_000, 300_000, 0, 0, 0, 1_195_682, 0,
    ]);
    // planned = 79,092,800 + 19,855,000 + 1,195,682 × 0.88 (= 1,052,200.16) = 100,000,000.16
    expect(res.summary.planned_gmv).toBeCloseTo(100_000_000.16, 3);
    // 300,000 × 5 + 150,000 × 7.5 + 200,000 × 4.5 + 400,000 × 3.2 + 300,000 × 2 + 1,195,682 × 0.3 = 5,763,704.6
    expect(res.summary.added_cost).toBeCloseTo(5_763_704.6, 3);
  });
});

describe("new-product launch template, by hand (SPEC 11)", () => {
  const p = template("launch-hotplan.json") as HotplanPlan;
  const res = hotplan(p.inputs);
  const cell = (phase: string, crowd: string) => res.rows.find((r) => r.phase === phase && r.crowd === crowd);

  it("splits 30 M over 3 phases × 4 crowds in phase-major order", () => {
    expect(res.rows.map((r) => `${r.phase}/${r.crowd}`).slice(0, 5)).toEqual([
      "启动期/新锐白领",
      "启动期/Gen Z",
      "启动期/精致妈妈",
      "启动期/资深中产",
      "发展期/新锐白领",
    ]);
    // Weights 20/30/50 (sum 100) and shares 35/30/20/15 (sum 100) split the whole target;
    // spend = 30,000,000 × 0.35 = 10,500,000.
    expect(res.total.gmv).toBeCloseTo(30_000_000, 4);
    expect(res.total.spend).toBeCloseTo(10_500_000, 4);
  });

  it("walks three cells back up the funnel", () => {
    // 启动期 × 新锐白领: gmv = 30 M × 0.2 × 0.35 = 2,100,000; units = 2,100,000 ÷ 299 = 7,023.41;
    // buyers = ceil(7,023.41 ÷ 1.2 = 5,852.84) = 5,853; interest = ceil(5,853 ÷ 0.08 = 73,162.5) = 73,163;
    // aware = ceil(73,163 ÷ 0.12 = 609,691.7) = 609,692; spend = 2,100,000 × 0.35 = 735,000
    const a = cell("启动期", "新锐白领");
    expect(a?.gmv).toBeCloseTo(2_100_000, 6);
    expect(a?.units).toBeCloseTo(2_100_000 / 299, 6);
    expect([a?.buyers, a?.interest, a?.aware]).toEqual([5_853, 73_163, 609_692]);
    expect(a?.spend).toBeCloseTo(735_000, 6);
    // 发展期 × Gen Z: gmv = 30 M × 0.3 × 0.3 = 2,700,000; units 9,030.10; buyers ceil(7,525.08) = 7,526;
    // interest = 7,526 ÷ 0.05 = 150,520; aware = ceil(150,520 ÷ 0.15 = 1,003,466.7) = 1,003,467
    const b = cell("发展期", "Gen Z");
    expect(b?.gmv).toBeCloseTo(2_700_000, 6);
    expect([b?.buyers, b?.interest, b?.aware]).toEqual([7_526, 150_520, 1_003_467]);
    // 大促期 × 资深中产: gmv = 30 M × 0.5 × 0.15 = 2,250,000; units 7,525.08; buyers ceil(6,270.90) = 6,271;
    // interest = 6,271 ÷ 0.1 = 62,710; aware = 62,710 ÷ 0.08 = 783,875 (whole numbers: not rounded up)
    const c = cell("大促期", "资深中产");
    expect([c?.buyers, c?.interest, c?.aware]).toEqual([6_271, 62_710, 783_875]);
  });
});
