/* The built-in scenario map (SPEC §16) as data, its tools, and the reading of a user map. */
import { describe, expect, it } from "vitest";
import { CODES, codeOf } from "../../src/diagnose/codes";
import { readScenarioMap, SCENARIO_MAP, scenariosFor, scenarioText, type Tool } from "../../src/diagnose/scenarios";
import { failure } from "../harness/failure";

/** SPEC §16's map, copied by hand: zh, en, indicators (expanded), source. */
const SPEC_MAP: [string, string, string[], string][] = [
  ["风格趋势洞察", "Style-trend insight", ["FAST.A", "FAST.T", "SUPER.U"], "seed"],
  ["跨品类拓展", "Cross-category expansion", ["GROW.R"], "seed"],
  ["潜爆品发现培育", "Potential-hit discovery", ["SUPER.P", "SUPER.S", "SUPER.E"], "seed"],
  ["内容沟通点洞察", "Content communication points", ["START.SEEDING", "START.TRANSACTION", "START.TRAFFIC", "START.REACH", "START.INTERACTION"], "seed"],
  ["品牌KOC培育", "Brand KOC cultivation", ["FASTPLUS.CLV", "FASTPLUS.CONVERSION"], "seed"],
  ["IP联名营销", "IP co-branding", ["SUPER.P", "SUPER.U"], "seed"],
  ["会员复购提升", "Member repurchase", ["FASTPLUS.CONVERSION", "FASTPLUS.CLV"], "seed"],
  ["品牌心智诊断", "Brand-mind diagnosis", ["NEO.N", "NEO.E", "NEO.O"], "seed appendix"],
  ["先锋人群运营", "Pioneer-crowd operation", ["NEO.N"], "seed appendix"],
  ["策略人群定制", "Custom strategy crowds", ["FAST.F", "GROW.G"], "ours"],
  ["库存健康管理", "Inventory health", ["SUPER.E"], "ours"],
  ["物流提效", "Logistics efficiency", ["SUPER.R"], "ours"],
  ["全域人群运营", "Omni-channel crowd operation", ["FASTPLUS.CAPITAL", "FASTPLUS.CONNECTION", "FAST.S"], "ours"],
  ["新品定价 · 动态定价", "Pricing", ["GROW.O", "NEO.O"], "ours"],
];
const tableOrder = (codes: string[]): string[] => [...codes].sort((a, b) => codeOf(a)!.order - codeOf(b)!.order);

describe("the built-in scenario map", () => {
  it("is SPEC §16's map, in its order, with its sources", () => {
    expect(SCENARIO_MAP.map((s) => [s.zh, s.en, s.codes.map((c) => c.code), s.source])).toEqual(
      SPEC_MAP.map(([zh, en, codes, src]) => [zh, en, tableOrder(codes), src]),
    );
    expect(new Set(SCENARIO_MAP.map((s) => s.id)).size).toBe(SCENARIO_MAP.length);
  });
  it("names the tools SPEC gives: hot product, ASSOC, CLUSTER + GTA, CALIBRATE, FAST+ + GTA", () => {
    const tools = Object.fromEntries(SCENARIO_MAP.map((s) => [s.en, s.tools]));
    expect(tools["Potential-hit discovery"]).toEqual<Tool[]>(["hotplan"]);
    expect(tools["Cross-category expansion"]).toEqual<Tool[]>(["assoc"]);
    expect(tools["Custom strategy crowds"]).toEqual<Tool[]>(["cluster", "gta"]);
    expect(tools["Content communication points"]).toEqual<Tool[]>(["calibrate"]);
    expect(tools["Member repurchase"]).toEqual<Tool[]>(["fastplus", "gta"]);
    for (const s of SCENARIO_MAP) expect(s.tools.length, s.en).toBeGreaterThan(0);
  });
  it("moves every indicator but GROW.W (延展力)", () => {
    const moved = new Set(SCENARIO_MAP.flatMap((s) => s.codes.map((c) => c.code)));
    expect(CODES.filter((c) => !moved.has(c.code)).map((c) => c.code)).toEqual(["GROW.W"]);
  });
  it("joins an indicator's scenarios with '; ' in map order, in either language", () => {
    const u = codeOf("SUPER.U")!;
    expect(scenariosFor(u, SCENARIO_MAP).map((s) => s.id)).toEqual(["style-trend", "ip-co-branding"]);
    expect(scenarioText(u, SCENARIO_MAP, "en")).toBe("Style-trend insight; IP co-branding");
    expect(scenarioText(u, SCENARIO_MAP, "zh")).toBe("风格趋势洞察; IP联名营销");
    expect(scenarioText(codeOf("GROW.W")!, SCENARIO_MAP, "en")).toBe("");
  });
});

describe("a user scenario map", () => {
  it("reads [scenario, indicators] with every separator, track names and 0 as blank", () => {
    const map = readScenarioMap([
      ["A", "FAST.A,FAST.F"],
      ["B", "super-u、SUPER.P;NEO；GROW.R ，START.REACH"],
      [0, 0],
      ["C", 0],
      ["D", "内容"],
    ]);
    expect(map.map((s) => [s.en, s.codes.map((c) => c.code), s.source, s.tools])).toEqual([
      ["A", ["FAST.F", "FAST.A"], "user", []],
      ["B", ["SUPER.U", "SUPER.P", "NEO.N", "NEO.E", "NEO.O", "START.REACH", "GROW.R"], "user", []],
      ["C", [], "user", []],
      ["D", ["START.SEEDING", "START.TRANSACTION", "START.TRAFFIC", "START.REACH", "START.INTERACTION"], "user", []],
    ]);
  });
  it("joins a scenario named twice once", () => {
    const map = readScenarioMap([["A", "FAST.A"], ["A", "FAST"]]);
    expect(scenarioText(codeOf("FAST.A")!, map, "en")).toBe("A");
  });
  it("refuses an unknown or ambiguous code, naming its cell", () => {
    expect(failure(() => readScenarioMap([["scenario", "indicators"], ["A", "FAST.A"], ["B", "START.T"]])).message).toBe(
      'scenario_map row 3 column 2: "START.T" is ambiguous (START.TRANSACTION, START.INTERACTION); use the indicator\'s name',
    );
    expect(failure(() => readScenarioMap([["A", 12]])).message).toMatch(/^scenario_map row 1 column 2: unknown indicator code "12"/);
  });
});
