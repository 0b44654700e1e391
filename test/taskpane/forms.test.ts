/**
 * The pane's zod forms: values as typed → planner inputs, and errors keyed by field with the
 * message in English and in Chinese.
 */
import { describe, expect, it } from "vitest";
import {
  addStrategyCrowds,
  crowdsFromSelection,
  emptyCrowd,
  emptyGtaForm,
  STRATEGY_CROWDS,
  validateGta,
  type GtaForm,
} from "../../taskpane/forms/gta";
import { addHotStrategyCrowds, emptyHotForm, validateHealth, validateHot, type HotForm } from "../../taskpane/forms/hot";
import { parseTyped } from "../../taskpane/forms/fields";
import { GtaCrowdSchema, GtaInputsSchema, HotCrowdSchema, HotFunnelSchema, HotPhaseSchema, HotplanInputsSchema, LIMITS } from "../../src/plan/schema";
import type * as z from "zod";

/**
 * Numbers at and around each bound of the plan schema (0, 1 and every LIMITS value, a hair
 * either side), as the user could type them: the form must accept exactly what the field does.
 */
const EDGES = [0, 1, ...Object.values(LIMITS)].flatMap((b) => [b, b * (1 + 1e-9) + 1e-9, b * (1 - 1e-9) - 1e-9, -b]);
/** The form's verdict on `text` in a field vs the plan schema's on the number it reads as. */
function agrees(field: z.ZodType, formOk: (text: string) => boolean): void {
  for (const x of EDGES) {
    const text = String(x);
    expect([text, formOk(text)]).toEqual([text, field.safeParse(x).success]);
  }
}

const GOOD: GtaForm = {
  name: " Double 11 ",
  target: "¥100,000,000",
  crowds: [
    { stage: "L", crowd: "", count: "200000", conversion: "30%", aov: "400", cost: "", capacity: "" },
    { stage: "兴趣", crowd: "Gen Z", count: "1,500,000", conversion: "0.05", aov: "250", cost: "3.5", capacity: "2000000" },
  ],
};

describe("GTA form", () => {
  it("turns typed text into the planner's input", () => {
    const r = validateGta(GOOD, "en");
    expect(r).toEqual({
      ok: true,
      value: {
        name: "Double 11",
        target_gmv: 100_000_000,
        crowds: [
          { stage: "L", crowd: "", count: 200_000, conversion: 0.3, aov: 400 },
          { stage: "I", crowd: "Gen Z", count: 1_500_000, conversion: 0.05, aov: 250, cost: 3.5, capacity: 2_000_000 },
        ],
      },
    });
  });

  it("puts each error on its field, in English", () => {
    const bad: GtaForm = {
      name: "  ",
      target: "-1",
      crowds: [{ ...GOOD.crowds[0], stage: "X", conversion: "1.5", count: "-1" }, { ...GOOD.crowds[1], aov: "abc", capacity: "-5" }],
    };
    const r = validateGta(bad, "en");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual({
      name: "Enter a name.",
      target: "Must be at least 0.",
      "crowds.0.stage": 'Unknown stage "X": use A, I, P or L.',
      "crowds.0.count": "Must be at least 0.",
      "crowds.0.conversion": "Must be a rate between 0 and 1 (or 0% to 100%).",
      "crowds.1.aov": '"abc" is not a number.',
      "crowds.1.capacity": "Must be at least 0.",
    });
  });

  it("and in Chinese", () => {
    const r = validateGta({ ...GOOD, target: "", crowds: [{ ...GOOD.crowds[0], conversion: "12 percent" }] }, "zh");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual({ target: "请填写此项。", "crowds.0.conversion": "“12 percent”不是数字。" });
  });

  it("refuses an empty crowd table and a huge target", () => {
    const r = validateGta({ ...GOOD, target: "1e14", crowds: [] }, "en");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.crowds).toBe("Add at least one row.");
    expect(r.errors.target).toBe("Must be at most 10,000,000,000,000.");
    const zh = validateGta({ ...GOOD, crowds: [] }, "zh");
    expect(zh.ok === false && zh.errors.crowds).toBe("请至少添加一行。");
  });

  it("accepts a target of 0 (the plan of the baseline), as DTC.GTA and plan files do", () => {
    const r = validateGta({ ...GOOD, target: "0" }, "en");
    expect(r.ok && r.value.target_gmv).toBe(0);
  });

  it("one schema owns the bounds: each field accepts exactly what the plan schema's field accepts", () => {
    const row = GtaCrowdSchema.shape;
    const crowdOk = (key: keyof typeof row & keyof GtaForm["crowds"][number]) => (text: string) => {
      const r = validateGta({ ...GOOD, crowds: [{ ...GOOD.crowds[1], [key]: text }] }, "en");
      return r.ok || !(`crowds.0.${key}` in r.errors);
    };
    for (const key of ["count", "conversion", "aov", "cost", "capacity"] as const) agrees(row[key], crowdOk(key));
    agrees(GtaInputsSchema.shape.target_gmv, (text) => validateGta({ ...GOOD, target: text }, "en").ok);
    // Blank: required fields refuse it, optional ones leave the key out.
    expect(crowdOk("count")("")).toBe(false);
    expect(crowdOk("cost")(" ")).toBe(true);
  });

  it("a bound of the schema reads in the form's words, next to its field, in English and Chinese", () => {
    const form = { ...GOOD, crowds: [{ ...GOOD.crowds[1], count: "1e11", aov: "-2", conversion: "-0.1" }] };
    const en = validateGta(form, "en");
    const zh = validateGta(form, "zh");
    expect(!en.ok && en.errors).toEqual({
      "crowds.0.count": "Must be at most 10,000,000,000.",
      "crowds.0.aov": "Must be at least 0.",
      "crowds.0.conversion": "Must be a rate between 0 and 1 (or 0% to 100%).",
    });
    expect(!zh.ok && zh.errors).toEqual({
      "crowds.0.count": "不能大于 10,000,000,000。",
      "crowds.0.aov": "不能小于 0。",
      "crowds.0.conversion": "必须是 0 到 1（或 0% 到 100%）之间的比率。",
    });
  });

  it("the empty form is invalid (Create plan starts disabled)", () => {
    expect(validateGta(emptyGtaForm(), "en").ok).toBe(false);
  });

  it("adds the eight strategy crowds once", () => {
    const once = addStrategyCrowds([emptyCrowd()]);
    expect(once.map((r) => r.crowd)).toEqual([...STRATEGY_CROWDS]);
    expect(once.every((r) => r.stage === "I")).toBe(true);
    const twice = addStrategyCrowds(once);
    expect(twice).toHaveLength(8);
    const kept = addStrategyCrowds([{ ...emptyCrowd("A", "gen z") }]);
    expect(kept.map((r) => r.crowd)).toEqual(["gen z", ...STRATEGY_CROWDS.filter((c) => c !== "Gen Z")]);
  });

  it("Use selection: header-mapped like DTC.GTA, English or Chinese headers in any order", () => {
    const r = crowdsFromSelection(
      [
        ["人数", "阶段", "客单价", "转化率", "note"],
        [1500000, "I", 250, "5%", "x"],
        ["", "", "", "", ""],
        [6000000, "认知", 250, 0.005, ""],
      ],
      "en",
    );
    expect(r).toEqual({
      ok: true,
      rows: [
        { stage: "I", crowd: "", count: "1500000", conversion: "0.05", aov: "250", cost: "", capacity: "" },
        { stage: "A", crowd: "", count: "6000000", conversion: "0.005", aov: "250", cost: "", capacity: "" },
      ],
    });
  });

  it("Use selection: the engine's message names the row and column, in the user's language", () => {
    const values = [
      ["stage", "count", "conversion", "aov"],
      ["I", 100, 1.5, 250],
    ];
    const en = crowdsFromSelection(values, "en");
    const zh = crowdsFromSelection(values, "zh");
    expect(en.ok).toBe(false);
    expect(!en.ok && en.error).toMatch(/^crowds row 2 column 3 \(conversion\): /);
    expect(!zh.ok && zh.error).toMatch(/^crowds 第 2 行第 3 列（conversion）：/);
  });

  it("parses numbers as typed: separators, currency, percentages", () => {
    expect(parseTyped("1,234,567")).toBe(1234567);
    expect(parseTyped("￥ 12.5")).toBe(12.5);
    expect(parseTyped("7.5%")).toBeCloseTo(0.075, 15);
    expect(parseTyped("  ")).toBeNull();
    expect(parseTyped("1.2.3")).toBeUndefined();
  });
});

const HOT: HotForm = {
  ...emptyHotForm(),
  product: "Serum",
  target: "1200000",
  price: "150",
  unitsPerBuyer: "2",
  costRatio: "10%",
  crowds: [
    { name: "Gen Z", share: "1", iToP: "", aToI: "" },
    { name: "精致妈妈", share: "3", iToP: "", aToI: "" },
  ],
  iToP: "20%",
  aToI: "0.3",
};

describe("Hot product form", () => {
  it("defaults to the three phases, named in the pane's language (启动期, 发展期, 大促期 / Launch, Growth, Promotion peak)", () => {
    expect(emptyHotForm().phases.map((p) => p.name)).toEqual(["启动期", "发展期", "大促期"]);
    expect(emptyHotForm("zh").phases.map((p) => p.name)).toEqual(["启动期", "发展期", "大促期"]);
    expect(emptyHotForm("en").phases.map((p) => [p.name, p.weight])).toEqual([["Launch", "1"], ["Growth", "1"], ["Promotion peak", "2"]]);
  });

  it("shared funnel → one funnel entry", () => {
    const r = validateHot(HOT, "en");
    expect(r.ok && r.value).toEqual({
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
      funnel: [{ i_to_p: 0.2, a_to_i: 0.3 }],
    });
  });

  it("per-crowd funnel → one entry per crowd; the shared fields are ignored", () => {
    const form: HotForm = {
      ...HOT,
      funnelMode: "perCrowd",
      iToP: "",
      aToI: "",
      crowds: [
        { name: "Gen Z", share: "1", iToP: "0.2", aToI: "0.3" },
        { name: "精致妈妈", share: "3", iToP: "25%", aToI: "0.4" },
      ],
    };
    const r = validateHot(form, "en");
    expect(r.ok && r.value.funnel).toEqual([
      { i_to_p: 0.2, a_to_i: 0.3 },
      { i_to_p: 0.25, a_to_i: 0.4 },
    ]);
  });

  it("errors: zero weights, duplicate names, funnel rate 0, price 0 — English and Chinese", () => {
    const form: HotForm = {
      ...HOT,
      price: "0",
      phases: HOT.phases.map((p) => ({ ...p, weight: "0" })),
      crowds: [HOT.crowds[0], { ...HOT.crowds[1], name: " gen z" }],
      aToI: "0",
    };
    const en = validateHot(form, "en");
    expect(en.ok).toBe(false);
    if (en.ok) return;
    expect(en.errors).toEqual({
      price: "Must be greater than 0.",
      phases: "The weights add up to 0; give at least one a value above 0.",
      "crowds.1.name": 'The name "gen z" is used twice.',
      aToI: "Must be above 0 and at most 1 (or 100%).",
    });
    const zh = validateHot(form, "zh");
    expect(zh.ok === false && zh.errors).toEqual({
      price: "必须大于 0。",
      phases: "权重之和为 0；请至少有一项大于 0。",
      "crowds.1.name": "名称“gen z”重复。",
      aToI: "必须大于 0 且不超过 1（或 100%）。",
    });
  });

  it("accepts a target of 0, as DTC.HOTPLAN and plan files do", () => {
    const r = validateHot({ ...HOT, target: "0" }, "en");
    expect(r.ok && r.value.target_gmv).toBe(0);
  });

  it("one schema owns the bounds: each field accepts exactly what the plan schema's field accepts", () => {
    const inputs = HotplanInputsSchema.shape;
    const ok = (patch: (text: string) => Partial<HotForm>, path: string) => (text: string) => {
      const r = validateHot({ ...HOT, ...patch(text) }, "en");
      return r.ok || !(path in r.errors);
    };
    agrees(inputs.target_gmv, ok((t) => ({ target: t }), "target"));
    agrees(inputs.price, ok((t) => ({ price: t }), "price"));
    agrees(inputs.units_per_buyer.unwrap(), ok((t) => ({ unitsPerBuyer: t }), "unitsPerBuyer"));
    agrees(inputs.cost_ratio, ok((t) => ({ costRatio: t }), "costRatio"));
    agrees(HotFunnelSchema.shape.i_to_p, ok((t) => ({ iToP: t }), "iToP"));
    agrees(HotFunnelSchema.shape.a_to_i, ok((t) => ({ aToI: t }), "aToI"));
    // A weight or share alone (the others keep the sums above 0).
    agrees(HotPhaseSchema.shape.weight, ok((t) => ({ phases: [{ name: "x", weight: t }, ...HOT.phases] }), "phases.0.weight"));
    agrees(HotCrowdSchema.shape.share, ok((t) => ({ crowds: [{ ...HOT.crowds[0], share: t }, HOT.crowds[1]] }), "crowds.0.share"));
    // Units per buyer is optional in a plan file but asked for in the form (it starts at "1").
    expect(ok((t) => ({ unitsPerBuyer: t }), "unitsPerBuyer")("")).toBe(false);
    expect(ok((t) => ({ costRatio: t }), "costRatio")("")).toBe(true);
  });

  it("per-crowd funnel errors point at the crowd's field", () => {
    const r = validateHot({ ...HOT, funnelMode: "perCrowd" }, "en");
    expect(r.ok === false && r.errors["crowds.0.iToP"]).toBe("Enter a value.");
    expect(r.ok === false && r.errors.iToP).toBeUndefined();
  });

  it("adds the strategy crowds with share 1", () => {
    const rows = addHotStrategyCrowds([{ name: "", share: "", iToP: "", aToI: "" }]);
    expect(rows).toHaveLength(8);
    expect(rows[4]).toEqual({ name: "Gen Z", share: "1", iToP: "", aToI: "" });
  });

  it("names the strategy crowds in the pane's language; a crowd present in either language is not added again (issue 18)", () => {
    const en = addHotStrategyCrowds([{ name: "", share: "", iToP: "", aToI: "" }], "en");
    expect(en.map((r) => r.name)).toEqual(["New white-collar", "Senior middle class", "Refined moms", "Small-town youth", "Gen Z", "Urban seniors", "Small-town elders", "Urban blue-collar"]);
    expect(addHotStrategyCrowds([{ name: "", share: "", iToP: "", aToI: "" }], "zh")[0].name).toBe("新锐白领");
    // A plan saved with the Chinese names gets no English duplicates, and the reverse.
    const mixed = addHotStrategyCrowds([{ name: "精致妈妈", share: "2", iToP: "", aToI: "" }, { name: "urban seniors", share: "1", iToP: "", aToI: "" }], "en");
    expect(mixed.map((r) => r.name)).toEqual(["精致妈妈", "urban seniors", "New white-collar", "Senior middle class", "Small-town youth", "Gen Z", "Small-town elders", "Urban blue-collar"]);
    // The engine takes any crowd name: the English rows make a valid hot plan.
    const form = { ...HOT, crowds: en };
    expect(validateHot(form, "en").ok).toBe(true);
  });
});

describe("health-check form", () => {
  const plan = validateHot(HOT, "en");
  if (!plan.ok) throw new Error("fixture");
  const actual = { reached: "10000", inTarget: "7000", spend: "30000", gmv: "300000", buyers: "900" };

  it("builds the phases with plan targets from the hot-product plan", () => {
    const r = validateHealth({ precision: "75%", actuals: [actual, actual, actual] }, plan.value, "en");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // 启动期 (shared funnel 0.2 / 0.3, 2 per buyer, price 150): Gen Z 75,000 → 500 units →
    // 250 buyers → 1,250 → 4,167 aware; 精致妈妈 225,000 → 1,500 → 750 → 3,750 → 12,500.
    expect(r.value[0].phase).toBe("启动期");
    expect(r.value[0].plan.reached).toBe(4167 + 12_500);
    expect(r.value[0].plan.conversion).toBeCloseTo(1000 / 16_667, 12);
    expect(r.value[0].plan.precision).toBe(0.75);
    expect(r.value[0].actual).toEqual({ reached: 10000, reached_in_target_crowds: 7000, spend: 30000, gmv: 300000, buyers: 900 });
  });

  it("mid-campaign: blank phases are skipped (no actual), not zeros; a phase typed into needs all five; at least one phase (issue 18)", () => {
    const blank = { reached: "", inTarget: "", spend: "", gmv: "", buyers: "" };
    const r = validateHealth({ precision: "0.75", actuals: [actual, blank, blank] }, plan.value, "en");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.map((p) => p.actual === undefined)).toEqual([false, true, true]);
    expect(r.value[1].plan.reached).toBeGreaterThan(0);
    // Fewer entries than phases: the missing ones are blank.
    expect(validateHealth({ precision: "0.75", actuals: [actual] }, plan.value, "en").ok).toBe(true);
    const partial = validateHealth({ precision: "0.75", actuals: [actual, { ...blank, reached: "100" }, blank] }, plan.value, "en");
    expect(partial.ok === false && partial.errors["actuals.1.gmv"]).toBe("Enter a value.");
    const none = validateHealth({ precision: "0.75", actuals: [blank, blank, blank] }, plan.value, "zh");
    expect(none.ok === false && none.errors.actuals).toBe("请至少填写一个阶段的实际数据。");
  });

  it("refuses more consumers in target crowds than reached, in both languages", () => {
    const bad = { ...actual, inTarget: "12000" };
    const en = validateHealth({ precision: "0.75", actuals: [actual, bad, actual] }, plan.value, "en");
    expect(en.ok === false && en.errors["actuals.1.inTarget"]).toBe("Cannot be more than the reached consumers (10,000).");
    const zh = validateHealth({ precision: "", actuals: [actual, bad, actual] }, plan.value, "zh");
    expect(zh.ok === false && zh.errors).toEqual({ precision: "请填写此项。", "actuals.1.inTarget": "不能多于触达人数（10,000）。" });
  });
});
