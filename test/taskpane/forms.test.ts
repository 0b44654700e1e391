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
      target: "0",
      crowds: [{ ...GOOD.crowds[0], stage: "X", conversion: "1.5", count: "-1" }, { ...GOOD.crowds[1], aov: "abc", capacity: "-5" }],
    };
    const r = validateGta(bad, "en");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual({
      name: "Enter a name.",
      target: "Must be greater than 0.",
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
    expect(!en.ok && en.error).toMatch(/^crowds row 2 column 3: /);
    expect(!zh.ok && zh.error).toMatch(/^crowds 第 2 行第 3 列：/);
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
  it("defaults to the three phases 启动期, 发展期, 大促期", () => {
    expect(emptyHotForm().phases.map((p) => p.name)).toEqual(["启动期", "发展期", "大促期"]);
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

  it("refuses more consumers in target crowds than reached, in both languages", () => {
    const bad = { ...actual, inTarget: "12000" };
    const en = validateHealth({ precision: "0.75", actuals: [actual, bad, actual] }, plan.value, "en");
    expect(en.ok === false && en.errors["actuals.1.inTarget"]).toBe("Cannot be more than the reached consumers (10,000).");
    const zh = validateHealth({ precision: "", actuals: [actual, bad, actual] }, plan.value, "zh");
    expect(zh.ok === false && zh.errors).toEqual({ precision: "请填写此项。", "actuals.1.inTarget": "不能多于触达人数（10,000）。" });
  });
});
