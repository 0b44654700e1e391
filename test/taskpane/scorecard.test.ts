/**
 * The Diagnose view's writes through the Excel adapter on office-addin-mock
 * (test/taskpane/excelMock.ts): the brand block and the peers read from the selection, the
 * scorecard sheet in English and Chinese (syncs, bytes per sync, unique names, never an
 * overwritten cell, the radar chart, conditional colours, rollback), a scorecard too large for
 * one request, the sample benchmark sheet, and `insertFormula` (the tools' formula skeletons).
 */
import { describe, expect, it } from "vitest";
import { label } from "../../taskpane/i18n";
import {
  parseBenchmark,
  SAMPLE_LAYOUT,
  sampleBenchmarkCells,
  sampleBenchmarkSheet,
  scorecardSheet,
  skeletonFormula,
  type BenchmarkInput,
} from "../../taskpane/planners/scorecardSheet";
import { ExcelWorkbook, type ExcelEnv } from "../../taskpane/workbook/excel";
import { WorkbookError } from "../../taskpane/workbook/port";
import { cfsOf, excelMock, type MockState } from "./excelMock";

const FOUR_MB = 4_000_000;
const maxSync = (state: MockState) => Math.max(...state.syncBytes);

function newSheet(state: MockState) {
  const added = state.sheets.filter((s) => !s.existing && !s.deleted);
  expect(added).toHaveLength(1);
  return added[0];
}

/** Read the brand block and the peers through the adapter, as the view's "Use selection" does. */
async function pickSample(lang: "en" | "zh"): Promise<BenchmarkInput> {
  const cells = sampleBenchmarkCells(lang);
  const brandSel = await new ExcelWorkbook(excelMock({ selection: { address: `Benchmarks!${SAMPLE_LAYOUT.brand}`, values: cells.brand } }).env).readSelection();
  const peersSel = await new ExcelWorkbook(excelMock({ selection: { address: `Benchmarks!${SAMPLE_LAYOUT.peers}`, values: cells.peers } }).env).readSelection();
  const r = parseBenchmark(brandSel.values, peersSel.values, lang);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

const card = (b: BenchmarkInput, lang: "en" | "zh", topN = 3) =>
  scorecardSheet({ benchmark: b, method: "percentile", topN, source: { brand: "Benchmarks!A3:Z4", peers: "Benchmarks!A6:Z14" } }, lang);

/** The range written at a block's anchor. */
const blockAt = (sheet: ReturnType<typeof newSheet>, anchor: string) => [...sheet.ranges.entries()].find(([a]) => a === anchor || a.startsWith(`${anchor}:`))?.[1];

describe("scorecard sheet through the Excel adapter", () => {
  it("English: a new sheet in 3 syncs under 4 MB, live formulas, a radar chart of the tracks", async () => {
    const { plan, layout } = card(await pickSample("en"), "en");
    const { env, state } = excelMock();
    const res = await new ExcelWorkbook(env).createSheet(plan);
    expect(res).toEqual({ sheetName: "Scorecard Lumi", tableNames: [], skipped: [] });
    expect(state.runs).toEqual([3]); // names, reserve the sheet, everything else
    expect(maxSync(state)).toBeLessThan(FOUR_MB);
    const sheet = newSheet(state);
    expect(sheet.activated).toBe(true);
    expect(state.sheets.filter((s) => s.existing).every((s) => s.ranges.size === 0)).toBe(true);

    // Titles and the tracks block.
    expect(blockAt(sheet, "A1")?.formulas).toEqual([["DTC scorecard: Lumi"]]);
    const tracks = blockAt(sheet, "A8")!.formulas!;
    expect(tracks[0]).toEqual(["track", "score"]);
    expect(tracks.map((r) => r[0])).toEqual(["track", "FAST (Crowd)", "SUPER (Product)", "NEO (Brand power)", "FASTPLUS (Membership)", "START (Content)", "COMPOSITE"]);
    const [i1] = layout.indicatorRows;
    // FAST holds rows 1–4 of the indicator table: the weighted mean of its scored rows.
    expect(tracks[1][1]).toBe(`=IF(COUNT(H$${i1}:H$${i1 + 3})=0,NA(),SUM(M$${i1}:M$${i1 + 3})/SUM(N$${i1}:N$${i1 + 3}))`);

    // The indicator table: one row per code, the score a COUNTIF over the peers' column.
    const table = blockAt(sheet, `A${i1 - 1}`)!.formulas!;
    expect(table).toHaveLength(26);
    const p = layout.inputs.peerRows;
    expect(table[1].slice(0, 4)).toEqual([1, "FAST.F", "Fertility", "FAST (Crowd)"]);
    expect(table[1][7]).toBe(`=IF(OR(E${i1}="",G${i1}=0),"",100*(COUNTIF(B$${p[0]}:B$${p[1]},"<"&E${i1})+0.5*COUNTIF(B$${p[0]}:B$${p[1]},E${i1}))/G${i1})`);
    expect(table[1][5]).toBe(`=IF(G${i1}=0,"",MEDIAN(B$${p[0]}:B$${p[1]}))`);
    expect(table[7].slice(1, 2)).toEqual(["SUPER.P"]);
    expect(table[7][9]).toBe("Potential-hit discovery; IP co-branding");

    // The inputs as values: the brand's row, the weights, the 8 peers.
    const inputs = blockAt(sheet, layout.inputs.brand.split(":")[0])!.formulas!;
    expect(inputs[0].slice(0, 3)).toEqual(["brand", "FAST.F", "FAST.A"]);
    expect(inputs[1].slice(0, 3)).toEqual(["Lumi", 1_800_000, 0.12]);
    expect(inputs[2].slice(0, 3)).toEqual(["weight", 1, 1]);
    const peers = blockAt(sheet, layout.inputs.peers.split(":")[0])!.formulas!;
    expect(peers.map((r) => r[0])).toEqual(["peer", "Aster", "Bloom", "Coral", "Dune", "Ember", "Fable", "Grove", "Halo"]);

    // The chart: a radar of the five tracks, beside them.
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0]).toMatchObject({
      type: "Radar",
      source: "A8:B13",
      seriesBy: "Columns",
      title: { text: "Track scores (percentile)" },
      legend: { position: "Bottom" },
      position: ["D7", "J17"],
    });
    // Traffic lights on the track, weakest and indicator scores (percentile: 50 / 25).
    const cf = cfsOf(sheet.ranges.get("B9:B14")!);
    expect(cf.map((c) => c.cellValue.rule)).toEqual([
      { formula1: "=50", operator: "GreaterThanOrEqual" },
      { formula1: "=25", formula2: "=50", operator: "Between" },
      { formula1: "=25", operator: "LessThanOrEqual" },
    ]);
    expect(cfsOf(sheet.ranges.get(`D${layout.weakestRows[0]}:D${layout.weakestRows[1]}`)!)).toHaveLength(3);
    expect(sheet.ranges.get("A:A")?.format.columnWidth).toBe(130);
  });

  it("Chinese: names, headers, the chart title and the sheet name", async () => {
    const { plan, layout } = card(await pickSample("zh"), "zh");
    const { env, state } = excelMock();
    const res = await new ExcelWorkbook(env).createSheet(plan);
    expect(res.sheetName).toBe("诊断 Lumi");
    expect(state.runs).toEqual([3]);
    const sheet = newSheet(state);
    expect(blockAt(sheet, "A1")?.formulas).toEqual([["DTC 经营诊断：Lumi"]]);
    expect(blockAt(sheet, "A8")!.formulas!.map((r) => r[0])).toEqual(["赛道", "FAST 人群", "SUPER 货品", "NEO 品牌力", "FASTPLUS 会员", "START 内容", "综合 COMPOSITE"]);
    const table = blockAt(sheet, `A${layout.indicatorRows[0] - 1}`)!.formulas!;
    expect(table[0].slice(0, 4)).toEqual(["序号", "代码", "指标", "赛道"]);
    expect(table[2].slice(1, 3)).toEqual(["FAST.A", "加深率"]);
    expect(table[17][9]).toBe("内容沟通点洞察");
    const weak = blockAt(sheet, "A19")!.formulas!;
    expect(weak[0]).toEqual(["名次", "代码", "指标", "得分", "本品牌值", "对标中位数", "经营场景", "指标序号"]);
    expect(sheet.charts[0]).toMatchObject({ type: "Radar", title: { text: "各赛道得分（百分位）" } });
    const inputs = blockAt(sheet, layout.inputs.brand.split(":")[0])!.formulas!;
    expect(inputs.map((r) => r[0])).toEqual(["品牌", "Lumi", "权重"]);
  });

  it("never overwrites: taken names get (2), (3); the sheets that were there are not touched", async () => {
    const { plan } = card(await pickSample("en"), "en");
    const { env, state } = excelMock({ sheets: ["Benchmarks", "Scorecard Lumi", "scorecard lumi (2)"] });
    const wb = new ExcelWorkbook(env);
    expect((await wb.createSheet(plan)).sheetName).toBe("Scorecard Lumi (3)");
    expect((await wb.createSheet(plan)).sheetName).toBe("Scorecard Lumi (4)");
    expect(state.sheets.filter((s) => s.existing).every((s) => s.ranges.size === 0 && s.charts.length === 0)).toBe(true);
    expect(state.runs).toEqual([3, 3]);
  });

  it("a host without charts gets the cells and says the chart was left out", async () => {
    const { plan } = card(await pickSample("en"), "en");
    const { env, state } = excelMock({ missing: ["1.1"] });
    const res = await new ExcelWorkbook(env).createSheet(plan);
    expect(res.skipped).toEqual(["charts"]);
    expect(newSheet(state).charts).toEqual([]);
    expect(label("skippedParts", "en", { parts: label("part_charts", "en") })).toBe("Not supported by this Excel, left out: chart.");
  });

  it("a failed write removes the new sheet", async () => {
    const { plan } = card(await pickSample("en"), "en");
    const { env, state } = excelMock({ failSync: 3 });
    const err = await new ExcelWorkbook(env).createSheet(plan).catch((e: unknown) => e);
    expect((err as WorkbookError).code).toBe("host");
    expect(state.sheets.filter((s) => !s.existing).map((s) => s.deleted)).toEqual([true]);
  });

  it("a benchmark set of 7,000 brands × 25 codes goes out in several syncs, each under 4 MB", async () => {
    const codes = sampleBenchmarkCells("en").brand[0].slice(1) as string[];
    const brand = [["brand", ...codes], ["Big", ...codes.map((_, j) => 1000 + j)]];
    const peers = [["peer", ...codes], ...Array.from({ length: 7000 }, (_, i) => [`Brand ${i + 1}`, ...codes.map((_, j) => ((i * 7919 + j * 104729) % 100000) / 7)])];
    const r = parseBenchmark(brand, peers, "en");
    if (!r.ok) throw new Error(r.error);
    const { plan } = scorecardSheet({ benchmark: r.value, method: "index", topN: 5 }, "en");
    const { env, state } = excelMock();
    await new ExcelWorkbook(env).createSheet(plan);
    const written = state.syncBytes.slice(2).reduce((a, x) => a + x, 0);
    expect(written).toBeGreaterThan(FOUR_MB);
    expect(maxSync(state)).toBeLessThan(FOUR_MB);
    expect(state.runs[0]).toBeGreaterThan(3);
    newSheet(state);
  });

  it("the sample benchmark sheet: a new sheet, en and zh, never over an existing one", async () => {
    for (const [lang, name] of [["en", "Benchmarks"], ["zh", "对标品牌集"]] as const) {
      const { plan, brand, peers, cells } = sampleBenchmarkSheet(lang);
      const { env, state } = excelMock({ sheets: ["Sheet1", name] });
      const res = await new ExcelWorkbook(env).createSheet(plan);
      expect(res.sheetName).toBe(`${name} (2)`);
      expect(state.runs).toEqual([3]);
      const sheet = newSheet(state);
      expect(sheet.ranges.get(brand)?.formulas).toEqual(cells.brand);
      expect(sheet.ranges.get(peers)?.formulas).toEqual(cells.peers);
      expect(state.sheets.filter((s) => s.existing).every((s) => s.ranges.size === 0)).toBe(true);
    }
  });
});

// --- insertFormula --------------------------------------------------------------------------------

const NOT_LOADED = "Error, property was not loaded";

/** A host whose selection's top-left cell holds `cell` (office-addin-mock has no getCell(...).load). */
function cellHost(cell: { address: string; row: number; col: number; formula?: string; value?: unknown } | undefined) {
  const state = { syncs: 0, loads: [] as string[], written: undefined as unknown, getCell: [] as number[][] };
  let pending: (() => void) | undefined;
  const range: Record<string, unknown> = { address: NOT_LOADED, rowIndex: NOT_LOADED, columnIndex: NOT_LOADED, values: NOT_LOADED };
  let formulas: unknown = NOT_LOADED;
  Object.defineProperty(range, "formulas", {
    get: () => formulas,
    set: (v: unknown) => {
      state.written = v;
      formulas = v;
    },
  });
  range.load = (props: string) => {
    state.loads.push(props);
    pending = () => {
      Object.assign(range, { address: cell!.address, rowIndex: cell!.row, columnIndex: cell!.col, values: [[cell!.value ?? ""]] });
      formulas = [[cell!.formula ?? cell!.value ?? ""]];
    };
    return range;
  };
  const context = {
    workbook: {
      getSelectedRange() {
        if (!cell) throw new Error("InvalidSelection");
        return {
          getCell(r: number, c: number) {
            state.getCell.push([r, c]);
            return range;
          },
        };
      },
    },
    async sync() {
      state.syncs++;
      pending?.();
      pending = undefined;
    },
  };
  const env: ExcelEnv = { run: (batch) => batch(context as unknown as Excel.RequestContext), isSetSupported: () => true };
  return { env, state };
}

describe("insertFormula: a tool's formula skeleton at the selected cell", () => {
  it("writes into an empty cell, pointing away from it, in 2 syncs", async () => {
    const { env, state } = cellHost({ address: "Sheet1!E2", row: 1, col: 4 });
    const r = await new ExcelWorkbook(env).insertFormula((at) => skeletonFormula("assoc", at));
    expect(r).toEqual({ address: "Sheet1!E2", formula: "=DTC.ASSOC(C:C, D:D, , , TRUE)" });
    expect(state.written).toEqual([["=DTC.ASSOC(C:C, D:D, , , TRUE)"]]);
    expect(state.getCell).toEqual([[0, 0]]);
    expect(state.loads).toEqual(["address, rowIndex, columnIndex, formulas, values"]);
    expect(state.syncs).toBe(2);
  });

  it("refuses a cell with a value, a formula or a spilled result, and writes nothing", async () => {
    for (const cell of [
      { address: "Sheet1!B3", row: 2, col: 1, value: 42 },
      { address: "Sheet1!B3", row: 2, col: 1, formula: "=1+1", value: 2 },
      { address: "Sheet1!B3", row: 2, col: 1, formula: "", value: "spilled" },
      { address: "Sheet1!B3", row: 2, col: 1, formula: '=""', value: "" },
    ]) {
      const { env, state } = cellHost(cell);
      const err = await new ExcelWorkbook(env).insertFormula((at) => skeletonFormula("cluster", at)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WorkbookError);
      expect((err as WorkbookError).code).toBe("occupied");
      expect((err as WorkbookError).detail).toBe("Sheet1!B3");
      expect(state.written).toBeUndefined();
      expect(state.syncs).toBe(1);
    }
    expect(label("err_occupied", "zh", { detail: "Sheet1!B3" })).toBe("单元格 Sheet1!B3 不为空；未写入任何内容。");
  });

  it("without a selection: noSelection", async () => {
    const { env } = cellHost(undefined);
    const err = await new ExcelWorkbook(env).insertFormula((at) => skeletonFormula("calibrate", at)).catch((e: unknown) => e);
    expect((err as WorkbookError).code).toBe("noSelection");
  });
});
