/**
 * The hot-product planners evaluated by HyperFormula, against hand calculations from SPEC 11
 * and against the engine `hotplan()` (labels that SUMIF would misread, random plans).
 */
import { describe, expect, it } from "vitest";
import * as fc from "fast-check";
import { hotplan, hotplanInput, type HotplanInput } from "../../src/plan/hotplan";
import { healthTargets, hothealth } from "../../src/plan/hothealth";
import { isCellError } from "../../src/excel/errors";
import { healthSheet, hotSheet, weakestSignal, type HealthPhase, type HotSheetInput } from "../../taskpane/planners/hotSheet";
import { checkPlan } from "../../taskpane/workbook/check";
import { INDEX_THRESHOLDS } from "../../taskpane/workbook/port";
import { evaluate } from "./hf";

/**
 * Hand example: target 1,200,000; price 150; phases 启动期 1, 发展期 1, 大促期 2 (Σ 4);
 * crowds Gen Z 1, 精致妈妈 3 (Σ 4); 2 units per buyer; cost ratio 10%;
 * funnels Gen Z [i_to_p 0.2, a_to_i 0.3], 精致妈妈 [0.25, 0.4].
 */
const PER_CROWD: HotSheetInput = {
  product: "Serum",
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
  funnel: [
    { i_to_p: 0.2, a_to_i: 0.3 },
    { i_to_p: 0.25, a_to_i: 0.4 },
  ],
};

describe("hot-product plan sheet", () => {
  const { plan, layout } = hotSheet(PER_CROWD, "en");
  const s = evaluate(plan);
  const row = (k: number) => layout.planRows[0] + k;
  const v = (col: keyof typeof layout.planCol, k: number) => s.get(`${layout.planCol[col]}${row(k)}`);

  it("is a valid plan with the phase and crowd tables", () => {
    expect(() => checkPlan(plan)).not.toThrow();
    expect(plan.tables?.map((t) => t.range)).toEqual([layout.phasesTable, layout.crowdsTable]);
    expect(s.get(layout.crowdsTable.split(":")[0])).toBe("crowd");
  });

  it("rows are phase-major and walk the funnel with persons rounded up", () => {
    // 启动期 × Gen Z: 1,200,000 × 1/4 × 1/4 = 75,000 → 500 units → 250 buyers (2 per buyer)
    // → 250 ÷ 0.2 = 1,250 interested → 1,250 ÷ 0.3 = 4,166.67 → 4,167 aware; spend 7,500.
    expect(v("phase", 0)).toBe("启动期");
    expect(v("crowd", 0)).toBe("Gen Z");
    expect(v("gmv", 0)).toBeCloseTo(75_000, 6);
    expect(v("units", 0)).toBeCloseTo(500, 9);
    expect(v("buyers", 0)).toBe(250);
    expect(v("interest", 0)).toBe(1250);
    expect(v("aware", 0)).toBe(4167);
    expect(v("spend", 0)).toBeCloseTo(7500, 6);
    // 启动期 × 精致妈妈: 225,000 → 1,500 units → 750 buyers → 3,000 → 7,500 aware.
    expect(v("crowd", 1)).toBe("精致妈妈");
    expect(v("aware", 1)).toBe(7500);
    // 大促期 × Gen Z (row 5 of 6): 150,000 → 1,000 → 500 → 2,500 → 8,333.3 → 8,334.
    expect(v("phase", 4)).toBe("大促期");
    expect(v("aware", 4)).toBe(8334);
    expect(v("gmv", 5)).toBeCloseTo(450_000, 6);
  });

  it("TOTAL row", () => {
    const t = (col: keyof typeof layout.planCol) => s.get(`${layout.planCol[col]}${layout.totalRow}`);
    // gmv 1,200,000; units 8,000; buyers 4,000; interest 1,250+3,000+1,250+3,000+2,500+6,000 = 17,000;
    // aware 4,167+7,500+4,167+7,500+8,334+15,000 = 46,668; spend 120,000.
    expect(t("phase")).toBe("TOTAL");
    expect(t("gmv")).toBeCloseTo(1_200_000, 6);
    expect(t("units")).toBeCloseTo(8000, 6);
    expect(t("buyers")).toBe(4000);
    expect(t("interest")).toBe(17_000);
    expect(t("aware")).toBe(46_668);
    expect(t("spend")).toBeCloseTo(120_000, 6);
  });

  it("totals per phase and per crowd", () => {
    const top = Number(layout.byPhase.split(":")[0].slice(1));
    // 启动期: gmv 300,000; buyers 250 + 750 = 1,000; aware 4,167 + 7,500 = 11,667.
    expect(s.get(`A${top + 1}`)).toBe("启动期");
    expect(s.get(`B${top + 1}`)).toBeCloseTo(300_000, 6);
    expect(s.get(`D${top + 1}`)).toBe(1000);
    expect(s.get(`F${top + 1}`)).toBe(11_667);
    const ctop = Number(layout.byCrowd.split(":")[0].slice(1));
    // Gen Z: gmv 75,000 + 75,000 + 150,000 = 300,000; aware 4,167 + 4,167 + 8,334 = 16,668.
    expect(s.get(`A${ctop + 1}`)).toBe("Gen Z");
    expect(s.get(`B${ctop + 1}`)).toBeCloseTo(300_000, 6);
    expect(s.get(`F${ctop + 1}`)).toBe(16_668);
  });

  it("the GMV matrix phase × crowd feeds a stacked column chart", () => {
    const top = Number(layout.matrix.split(":")[0].slice(1));
    expect(s.get(`B${top}`)).toBe("Gen Z");
    expect(s.get(`C${top}`)).toBe("精致妈妈");
    expect(s.get(`A${top + 3}`)).toBe("大促期");
    expect(s.get(`C${top + 3}`)).toBeCloseTo(450_000, 6);
    expect(s.get(`B${top + 1}`)).toBeCloseTo(75_000, 6);
    expect(plan.charts?.[0]).toMatchObject({ type: "columnStacked", source: layout.matrix, seriesBy: "columns" });
  });

  it("is live: weights and price are inputs", () => {
    const live = evaluate(plan);
    // Price 150 → 300: 启动期 × Gen Z units 250, buyers 125, interest 625, aware 2,083.3 → 2,084.
    live.set(layout.price, 300);
    expect(live.get(`${layout.planCol.aware}${row(0)}`)).toBe(2084);
    // 大促期 weight 2 → 0: 启动期 now gets 1/2 of the target: 600,000 × 1/4 = 150,000.
    const phasesTop = Number(layout.phasesTable.split(":")[0].slice(1));
    live.set(`B${phasesTop + 3}`, 0);
    expect(live.get(`${layout.planCol.gmv}${row(0)}`)).toBeCloseTo(150_000, 6);
  });

  it("a shared funnel lives in two input cells", () => {
    const shared: HotSheetInput = { ...PER_CROWD, funnel: [{ i_to_p: 0.1, a_to_i: 0.25 }], units_per_buyer: 1 };
    const r = hotSheet(shared, "zh");
    const e = evaluate(r.plan);
    // 启动期 × Gen Z: 75,000 → 500 units = 500 buyers → 5,000 interested → 20,000 aware.
    expect(e.get(`${r.layout.planCol.aware}${r.layout.planRows[0]}`)).toBe(20_000);
    expect(e.get("B9")).toBe(0.1);
    expect(e.get("B10")).toBe(0.25);
    expect(e.get(`A${r.layout.totalRow}`)).toBe("合计");
    expect(e.get(r.layout.crowdsTable.split(":")[0])).toBe("人群");
    expect(r.layout.crowdsTable).toMatch(/^D\d+:E\d+$/);
  });
});

/** The plan sheet evaluated; `v(col, k)` is plan row k's value, `byPhase(i, m)`/`byCrowd(i, m)` the totals. */
function sheetOf(input: HotSheetInput, exact = false) {
  const { plan, layout } = hotSheet(input, "en");
  checkPlan(plan);
  const s = evaluate(plan, { exact });
  const top = (a1: string) => Number(a1.split(":")[0].replace(/^[A-Z]+/, ""));
  const MEASURES = ["gmv", "units", "buyers", "interest", "aware", "spend"] as const;
  const measureCol = (m: (typeof MEASURES)[number]) => String.fromCharCode(66 + MEASURES.indexOf(m)); // B…G
  return {
    s,
    layout,
    v: (col: keyof typeof layout.planCol, k: number) => s.get(`${layout.planCol[col]}${layout.planRows[0] + k}`),
    byPhase: (i: number, m: (typeof MEASURES)[number]) => s.get(`${measureCol(m)}${top(layout.byPhase) + 1 + i}`),
    byCrowd: (i: number, m: (typeof MEASURES)[number]) => s.get(`${measureCol(m)}${top(layout.byCrowd) + 1 + i}`),
    matrix: (p: number, c: number) => s.get(`${String.fromCharCode(66 + c)}${top(layout.matrix) + 1 + p}`),
    MEASURES,
  };
}

for (const exact of [false, true]) {
  describe(`hot-product plan sheet: the contract's person rounding (${exact ? "exact" : "Excel-like"} comparisons)`, () => {
    it("HOTPLAN(5447262249.14, 23.09, {\"p\",1}, {\"c\",1}, {1,1}) needs 235,914,346 buyers, not 235,914,347", () => {
      const { v, s, layout } = sheetOf(
        {
          product: "x",
          target_gmv: 5447262249.14,
          price: 23.09,
          phases: [{ name: "p", weight: 1 }],
          crowds: [{ name: "c", share: 1 }],
          funnel: [{ i_to_p: 1, a_to_i: 1 }],
        },
        exact,
      );
      // 5,447,262,249.14 ÷ 23.09 = 235,914,346 exactly; in floats 235,914,346.00000003.
      expect(5447262249.14 / 23.09).toBe(235914346.00000003);
      expect(v("buyers", 0)).toBe(235_914_346);
      expect(v("interest", 0)).toBe(235_914_346);
      expect(v("aware", 0)).toBe(235_914_346);
      expect(s.get(`${layout.planCol.buyers}${layout.totalRow}`)).toBe(235_914_346);
    });
  });
}

describe("hot-product plan sheet: labels are matched exactly, never as SUMIF criteria", () => {
  // SUMIF would read a* and ? as wildcards (a* also matches "ab"; ? matches "x"), ~x as "x",
  // and <5, >=1, =b as comparisons (">=1" with "2", "=b" with "b").
  const input: HotSheetInput = {
    product: "Labels",
    target_gmv: 9_876_543,
    price: 37,
    units_per_buyer: 1.5,
    cost_ratio: 0.12,
    phases: [
      { name: "a*", weight: 1 },
      { name: "ab", weight: 2 },
      { name: "?", weight: 3 },
      { name: "x", weight: 1.5 },
      { name: "~x", weight: 0.5 },
    ],
    crowds: [
      { name: "<5", share: 1 },
      { name: "4", share: 2 },
      { name: ">=1", share: 1 },
      { name: "2", share: 3 },
      { name: "=b", share: 2 },
      { name: "b", share: 1 },
    ],
    funnel: [{ i_to_p: 0.15, a_to_i: 0.35 }],
  };
  const res = hotplan(input);

  for (const exact of [false, true]) {
    it(`totals per phase and per crowd, and the matrix, equal the engine's rows (${exact ? "exact" : "Excel-like"})`, () => {
      const { v, byPhase, byCrowd, matrix, MEASURES } = sheetOf(input, exact);
      const close = (a: unknown, b: number) => expect(Math.abs((a as number) - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
      res.rows.forEach((r, k) => {
        expect(v("phase", k)).toBe(r.phase);
        expect(v("crowd", k)).toBe(r.crowd);
        expect(v("buyers", k)).toBe(r.buyers);
        expect(v("aware", k)).toBe(r.aware);
        close(matrix(r.phase_index, r.crowd_index), r.gmv);
      });
      for (const m of MEASURES) {
        input.phases.forEach((_, p) => close(byPhase(p, m), res.rows.filter((r) => r.phase_index === p).reduce((a, r) => a + r[m], 0)));
        input.crowds.forEach((_, c) => close(byCrowd(c, m), res.rows.filter((r) => r.crowd_index === c).reduce((a, r) => a + r[m], 0)));
      }
    });
  }

  it("no criteria function takes a label", () => {
    const { plan } = hotSheet(input, "en");
    const formulas = plan.blocks.flatMap((b) => b.cells.flat()).flatMap((c) => (c && typeof c === "object" ? [c.formula] : []));
    expect(formulas.filter((x) => /SUMIFS?\(|COUNTIFS?\(/.test(x))).toEqual([]);
  });
});

describe("hot-product plan sheet agrees with the engine hotplan() on random plans", () => {
  const name = fc.constantFrom("启动期", "a*", "?", "~x", "<5", ">=1", "=b", "Gen Z", "b");
  const weight = fc.integer({ min: 0, max: 1000 }).map((x) => x / 10);
  const rate = fc.integer({ min: 1, max: 1000 }).map((x) => x / 1000);
  it("every plan row and the TOTAL row match for 40 random plans", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(name, { minLength: 1, maxLength: 4 }),
        fc.uniqueArray(name, { minLength: 1, maxLength: 4 }),
        fc.array(weight, { minLength: 8, maxLength: 8 }),
        fc.array(fc.record({ i_to_p: rate, a_to_i: rate }), { minLength: 4, maxLength: 4 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 1e10 }).map((x) => x / 100),
        fc.integer({ min: 1, max: 1e6 }).map((x) => x / 100),
        (phases, crowds, ws, funnels, shared, target, price) => {
          const input: HotSheetInput = {
            product: "p",
            target_gmv: target,
            price,
            units_per_buyer: 1,
            cost_ratio: 0.1,
            phases: phases.map((n, i) => ({ name: n, weight: ws[i] || 1 })),
            crowds: crowds.map((n, i) => ({ name: n, share: ws[4 + i] || 1 })),
            funnel: shared ? [funnels[0]] : crowds.map((_, i) => funnels[i]),
          };
          const res = hotplan(input);
          // Exact comparisons: HyperFormula's Excel-like mode also ROUNDS what it shows to 10
          // digits (180,999,999,819 reads 180,999,999,820), and these counts reach 1e12.
          const { v, s, layout } = sheetOf(input, true);
          res.rows.forEach((r, k) => {
            expect(v("buyers", k)).toBe(r.buyers);
            expect(v("interest", k)).toBe(r.interest);
            expect(v("aware", k)).toBe(r.aware);
          });
          const t = (col: keyof typeof layout.planCol) => s.get(`${layout.planCol[col]}${layout.totalRow}`);
          expect(t("aware")).toBe(res.total.aware);
          expect(Math.abs((t("gmv") as number) - res.total.gmv)).toBeLessThanOrEqual(1e-6 * res.total.gmv);
          // Valid inputs: the input check is empty.
          expect(s.get(layout.check)).toBe("");
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("hot-product plan sheet: its input tables read back through DTC.HOTPLAN's reader", () => {
  // Names a sheet could misread: wildcards, comparisons, text that looks like a number or a boolean.
  const name = fc.constantFrom("启动期", "a*", "?", "~x", "<5", ">=1", "=b", "Gen Z", "1", "TRUE", "人群");
  const weight = fc.integer({ min: 0, max: 1000 }).map((x) => x / 10);
  const rate = fc.integer({ min: 1, max: 1000 }).map((x) => x / 1000);
  it("hotplanInput(target, price, phases, crowds, funnel, units per buyer, cost ratio) gives the inputs back, in both languages", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(name, { minLength: 1, maxLength: 4 }),
        fc.uniqueArray(name, { minLength: 1, maxLength: 4 }),
        fc.array(weight, { minLength: 8, maxLength: 8 }),
        fc.array(fc.record({ i_to_p: rate, a_to_i: rate }), { minLength: 4, maxLength: 4 }),
        fc.boolean(),
        fc.constantFrom("en", "zh") as fc.Arbitrary<"en" | "zh">,
        fc.integer({ min: 0, max: 1e10 }).map((x) => x / 100),
        fc.integer({ min: 1, max: 1e6 }).map((x) => x / 100),
        fc.integer({ min: 1, max: 40 }).map((x) => x / 4),
        fc.integer({ min: 0, max: 300 }).map((x) => x / 100),
        (phases, crowds, ws, funnels, oneFunnel, lang, target, price, upb, cost) => {
          const input: HotplanInput = {
            target_gmv: target,
            price,
            phases: phases.map((n, i) => ({ name: n, weight: ws[i] || 1 })),
            crowds: crowds.map((n, i) => ({ name: n, share: ws[4 + i] || 1 })),
            funnel: oneFunnel ? [funnels[0]] : crowds.map((_, i) => funnels[i]),
            units_per_buyer: upb,
            cost_ratio: cost,
          };
          // One funnel row is the shared funnel (two input cells), also when there is one crowd.
          const shared = input.funnel.length === 1;
          const { plan, layout } = hotSheet({ product: "p", ...input }, lang);
          const s = evaluate(plan, { exact: true });
          const scalar = (a1: string) => s.get(a1);
          // The shared funnel is two cells one above the other; DTC.HOTPLAN takes it as a row.
          const funnel = s.range(layout.funnel);
          const args = [
            scalar(layout.target), scalar(layout.price), s.range(layout.phasesTable), s.range(layout.crowdsTable),
            shared ? [funnel.map((r) => r[0])] : funnel, scalar(layout.unitsPerBuyer), scalar(layout.costRatio),
          ];
          expect(hotplanInput(...args)).toEqual(input);
          // Positionally too: the tables without their header rows.
          const body = (rows: unknown[][]) => rows.slice(1);
          const positional = [args[0], args[1], body(args[2] as unknown[][]), body(args[3] as unknown[][]).map((r) => r.slice(0, 2)),
            shared ? args[4] : body(funnel), args[5], args[6]];
          expect(hotplanInput(...positional)).toEqual(input);
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe("health sheet agrees with the engine hothealth() on random phases", () => {
  const persons = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5_000_000 }));
  const money = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1e9 }).map((x) => x / 100));
  const share = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1000 }).map((x) => x / 1000));
  const phase: fc.Arbitrary<HealthPhase> = fc
    .record({ phase: fc.constantFrom("启动期", "发展期", "=b", "1"), reached: persons, inTarget: share, buyers: share, spend: money, gmv: money, plan: fc.record({ reached: persons, precision: share, cost_ratio: share, conversion: share }) })
    .map((r) => ({
      phase: r.phase,
      plan: r.plan,
      // In-target consumers and buyers are shares of those reached, as the form requires.
      actual: { reached: r.reached, reached_in_target_crowds: Math.round(r.inTarget * r.reached), spend: r.spend, gmv: r.gmv, buyers: Math.round(r.buyers * r.reached) },
    }));

  it("VOLUME, PRECISION, COST and CONVERSION of every phase match, #DIV/0! where the engine gives it (60 random sheets)", () => {
    fc.assert(
      fc.property(fc.array(phase, { minLength: 1, maxLength: 4 }), fc.boolean(), (phases, exact) => {
        const { plan, indices } = healthSheet({ product: "p", phases }, "en");
        checkPlan(plan);
        const got = evaluate(plan, { exact }).range(indices);
        phases.forEach((ph, k) => {
          hothealth(ph.actual!, ph.plan).forEach((want, i) => {
            const v = got[k][i];
            if (isCellError(want)) {
              expect((v as { value?: unknown }).value).toBe(want.kind);
            } else {
              expect(typeof v).toBe("number");
              // The sheet multiplies by 100 before dividing: equal within a few ulps when exact;
              // HyperFormula's Excel-like mode shows 10 significant digits (test/taskpane/hf.ts).
              const tol = exact ? 1e-12 : 1e-9;
              expect(Math.abs((v as number) - (want as number))).toBeLessThanOrEqual(tol * Math.abs(want as number));
            }
          });
        });
      }),
      { numRuns: 60 },
    );
  });

  it("the plan targets the pane writes (healthTargets of a hot plan) give the engine's indices too", () => {
    const targets = healthTargets(PER_CROWD, 0.7);
    const phases: HealthPhase[] = targets.map((t, k) => ({
      ...t,
      actual: { reached: 10_000 * (k + 1), reached_in_target_crowds: 6000 * (k + 1), spend: 9000, gmv: 100_000, buyers: 700 * (k + 1) },
    }));
    const { plan, indices } = healthSheet({ product: "Serum", phases }, "zh");
    const got = evaluate(plan, { exact: true }).range(indices);
    phases.forEach((ph, k) =>
      hothealth(ph.actual!, ph.plan).forEach((want, i) => expect(got[k][i] as number).toBeCloseTo(want as number, 9)),
    );
  });
});

describe("health check", () => {
  const phases: HealthPhase[] = [
    {
      phase: "启动期",
      // The engine's documented example: → [120, 116.67, 120, 125].
      plan: { reached: 1_000_000, precision: 0.6, cost_ratio: 0.18, conversion: 0.02 },
      actual: { reached: 1_200_000, reached_in_target_crowds: 840_000, spend: 300_000, gmv: 2_000_000, buyers: 30_000 },
    },
    {
      phase: "发展期",
      // VOLUME 100 × 1,000,000 ÷ 900,000 = 111.1; PRECISION 100 × 0.64 ÷ 0.75 = 85.33;
      // COST 100 × 0.12 ÷ (100,000 ÷ 1,000,000) = 120; CONVERSION 100 × 0.02 ÷ 0.02 = 100.
      plan: { reached: 900_000, precision: 0.75, cost_ratio: 0.12, conversion: 0.02 },
      actual: { reached: 1_000_000, reached_in_target_crowds: 640_000, spend: 100_000, gmv: 1_000_000, buyers: 20_000 },
    },
  ];
  const { plan, indices } = healthSheet({ product: "Serum", phases }, "en");
  const s = evaluate(plan);

  it("the four indices are live formulas", () => {
    expect(indices).toBe("K6:N7");
    expect(s.num("K6")).toBeCloseTo(120, 9);
    expect(s.num("L6")).toBeCloseTo(116.6666667, 6);
    expect(s.num("M6")).toBeCloseTo(120, 9);
    expect(s.num("N6")).toBeCloseTo(125, 9);
    expect(s.num("L7")).toBeCloseTo(85.3333333, 6);
    expect(s.formula("K6")).toBe(`=IF(OR(F6=""),"",100*F6/B6)`);
    // Live: in-target 640,000 → 720,000 lifts PRECISION to 100 × 0.72 ÷ 0.75 = 96.
    s.set("G7", 720_000);
    expect(s.num("L7")).toBeCloseTo(96, 9);
  });

  it("headers in the user's language and traffic-light colours on the indices", () => {
    expect(s.get("K5")).toBe("VOLUME");
    expect(evaluate(healthSheet({ product: "x", phases }, "zh").plan).get("L5")).toBe("精准度");
    expect(plan.conditionalFormats).toEqual([{ range: "K6:N7", rules: INDEX_THRESHOLDS }]);
    expect(INDEX_THRESHOLDS).toEqual([
      { min: 100, color: "green" },
      { min: 80, max: 100, color: "amber" },
      { max: 80, color: "red" },
    ]);
  });

  it("the weakest signal, in English and Chinese", () => {
    const en = weakestSignal(phases, "en")!;
    expect(en.signal).toBe("precision");
    expect(en.index).toBeCloseTo(85.333, 3);
    expect(en.text).toBe("发展期: precision is the weakest: 64% of reached consumers are in target crowds against a plan of 75%");
    expect(weakestSignal([phases[1]], "zh")!.text).toBe("精准度最弱：触达的消费者中 64% 属于目标人群，计划为 75%");
    // One phase, volume lowest: 100 × 800,000 ÷ 1,000,000 = 80.
    const low: HealthPhase = { ...phases[0], actual: { ...phases[0].actual!, reached: 800_000, reached_in_target_crowds: 560_000, buyers: 20_000 } };
    const w = weakestSignal([low], "en")!;
    // PRECISION 100 × 0.7 ÷ 0.6 = 116.7; CONVERSION 100 × 0.025 ÷ 0.02 = 125; COST 120 → VOLUME 80.
    expect(w.text).toBe("volume is the weakest: 800,000 consumers reached against a plan of 1,000,000");
    // Nothing computable: no one reached, no GMV.
    const none: HealthPhase = { phase: "x", plan: { ...phases[0].plan, reached: 0 }, actual: { reached: 0, reached_in_target_crowds: 0, spend: 0, gmv: 0, buyers: 0 } };
    expect(weakestSignal([none], "en")).toBeUndefined();
  });

  it("plan targets from a hot-product plan: reached = Σ aware, conversion = Σ buyers ÷ Σ aware", () => {
    const t = healthTargets(PER_CROWD, 0.7);
    // 启动期: aware 4,167 + 7,500 = 11,667; buyers 250 + 750 = 1,000.
    expect(t[0].phase).toBe("启动期");
    expect(t[0].plan.reached).toBe(11_667);
    expect(t[0].plan.conversion).toBeCloseTo(1000 / 11_667, 12);
    expect(t[0].plan.cost_ratio).toBe(0.1);
    expect(t[2].plan.reached).toBe(8334 + 15_000);
  });
});

describe("hot-product plan sheet: the input check cell and data validation (issue 18)", () => {
  const SHARED: HotSheetInput = { ...PER_CROWD, funnel: [{ i_to_p: 0.2, a_to_i: 0.3 }] };
  const top = (a1: string) => Number(a1.split(":")[0].replace(/^[A-Z]+/, ""));

  it("empty on valid plans; a planted bad input is named by its cell and the totals say 'check inputs'", () => {
    for (const input of [PER_CROWD, SHARED]) {
      const { plan, layout } = hotSheet(input, "en");
      checkPlan(plan);
      const s = evaluate(plan);
      expect(s.get(layout.check)).toBe("");
      expect(s.get("A3")).toBe("Input check");
      const ph1 = top(layout.phasesTable) + 1;
      const cr1 = top(layout.crowdsTable) + 1;
      const cases: [string, unknown, string][] = [
        ["B6", "abc", "B6: Price must be a number above 0"],
        ["B6", 0, "B6: Price must be a number above 0"],
        ["B7", null, "B7: Units per buyer must be a number above 0"],
        ["B8", -0.1, "B8: Marketing cost ratio must be a number ≥ 0"],
        [`B${ph1 + 1}`, "abc", `B${ph1 + 1}: weight must be a number ≥ 0`],
        [`E${cr1 + 1}`, "x", `E${cr1 + 1}: share must be a number ≥ 0`],
        input.funnel.length === 1 ? ["B9", 1.5, "B9: Interest → purchase must be a number above 0 and at most 1"] : [`F${cr1}`, "abc", `F${cr1}: i_to_p must be a number above 0 and at most 1`],
        input.funnel.length === 1 ? ["B10", 0, "B10: Awareness → interest must be a number above 0 and at most 1"] : [`G${cr1 + 1}`, 0, `G${cr1 + 1}: a_to_i must be a number above 0 and at most 1`],
      ];
      for (const [cell, bad, msg] of cases) {
        const e = evaluate(plan);
        e.set(cell, bad as number | string | null);
        expect(e.get(layout.check), cell).toBe(msg);
        expect(e.get(`${layout.planCol.gmv}${layout.totalRow}`)).toBe("check inputs");
        expect(e.get(`${layout.planCol.aware}${layout.totalRow}`)).toBe("");
        expect(e.get(`B${top(layout.byPhase) + 1}`)).toBe("");
      }
      // Weights that add up to 0.
      const e = evaluate(plan);
      input.phases.forEach((_, p) => e.set(`B${ph1 + p}`, 0));
      expect(e.get(layout.check)).toBe(`B${ph1}:B${ph1 + input.phases.length - 1}: the weights add up to 0`);
    }
  });

  it("in Chinese", () => {
    const { plan, layout } = hotSheet(SHARED, "zh");
    const e = evaluate(plan);
    e.set("B6", "abc");
    expect(e.get(layout.check)).toBe("B6：单价必须是大于 0 的数字");
    expect(e.get(`${layout.planCol.gmv}${layout.totalRow}`)).toBe("请检查输入");
  });

  it("data validation: price and units per buyer > 0, rates in [0, 1], the rest ≥ 0", () => {
    const { plan, layout } = hotSheet(SHARED, "en");
    const by = Object.fromEntries((plan.validations ?? []).map((v) => [v.range, v.rule]));
    expect(by["B6:B7"]).toEqual({ kind: "decimal", min: 0, minExclusive: true });
    expect(by["B9:B10"]).toEqual({ kind: "decimal", min: 0, max: 1 });
    expect(by["B5"]).toEqual({ kind: "decimal", min: 0 });
    const ph1 = top(layout.phasesTable) + 1;
    expect(by[`B${ph1}:B${ph1 + 2}`]).toEqual({ kind: "decimal", min: 0 });
    const perCrowd = hotSheet(PER_CROWD, "en");
    const cr1 = top(perCrowd.layout.crowdsTable) + 1;
    expect(perCrowd.plan.validations?.find((v) => v.range === `F${cr1}:G${cr1 + 1}`)?.rule).toEqual({ kind: "decimal", min: 0, max: 1 });
  });
});

describe("health sheet mid-campaign: phases without actuals are skipped, not zero (issue 18)", () => {
  const targets = healthTargets(PER_CROWD, 0.7);
  const launch = { reached: 12_000, reached_in_target_crowds: 8000, spend: 9000, gmv: 90_000, buyers: 900 };

  it("only the phases with actuals get indices; blank phases are blank, never #DIV/0!", () => {
    const phases: HealthPhase[] = targets.map((t, k) => (k === 0 ? { ...t, actual: launch } : { ...t }));
    const { plan, indices } = healthSheet({ product: "Serum", phases }, "en");
    checkPlan(plan);
    const s = evaluate(plan, { exact: true });
    const got = s.range(indices);
    hothealth(launch, targets[0].plan).forEach((want, i) => expect(got[0][i] as number).toBeCloseTo(want as number, 9));
    expect(got[1]).toEqual(["", "", "", ""]);
    expect(got[2]).toEqual(["", "", "", ""]);
    expect(s.range("F7:J8")).toEqual([[null, null, null, null, null], [null, null, null, null, null]]);
    // Filled in the sheet later: the phase is checked.
    s.set("F7", 20_000);
    s.set("G7", 14_000);
    expect(s.num("K7")).toBeCloseTo((100 * 20_000) / targets[1].plan.reached, 9);
    expect(s.num("L7")).toBeCloseTo((100 * 0.7) / 0.7, 9);
    expect(s.get("M7")).toBe("");
  });

  it("the weakest signal reads only the phases with actuals", () => {
    const phases: HealthPhase[] = targets.map((t, k) => (k === 0 ? { ...t, actual: launch } : { ...t }));
    expect(weakestSignal(phases, "en")?.phase).toBe("启动期");
    expect(weakestSignal(phases.map((p) => ({ ...p, actual: undefined })), "en")).toBeUndefined();
  });

  it("data validation of the actuals and plan cells", () => {
    const { plan } = healthSheet({ product: "Serum", phases: targets.map((t) => ({ ...t })) }, "en");
    expect(plan.validations?.find((v) => v.range === "F6:J8")?.rule).toEqual({ kind: "decimal", min: 0 });
    expect(plan.validations?.find((v) => v.range === "C6:C8")?.rule).toEqual({ kind: "decimal", min: 0, max: 1 });
  });
});
