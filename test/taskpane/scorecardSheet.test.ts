/**
 * The Diagnose view's scorecard sheet evaluated by HyperFormula (test/taskpane/hf.ts): the
 * sample benchmark set worked out by hand, a live edit, the reading of selections, the formula
 * skeletons, and a property test: on random benchmark sets the sheet's NATIVE formulas equal
 * the engine's DTC.INDEX and DTC.DIAGNOSE (src/diagnose/diagnose.ts), called on the same
 * ranges as a user would, and on the ranges the sheet itself holds.
 */
import { afterAll, describe, expect, it } from "vitest";
import * as fc from "fast-check";
import { CODES, codeName } from "../../src/diagnose/codes";
import { diagnoseExcel, indexExcel } from "../../src/diagnose/diagnose";
import { readBenchmark } from "../../src/diagnose/inputs";
import { SCENARIO_MAP, scenarioText } from "../../src/diagnose/scenarios";
import { scoreIndicators } from "../../src/diagnose/score";
import { CellError, InputError, type ResultCell } from "../../src/excel/errors";
import { setLanguage } from "../../src/excel/messages";
import { label } from "../../taskpane/i18n";
import {
  diagnosis,
  parseBenchmark,
  parseBrand,
  readBenchmarkInput,
  round15,
  SAMPLE_BENCHMARK,
  sampleBenchmarkCells,
  sampleBenchmarkSheet,
  scorecardSheet,
  skeletonFormula,
  type BenchmarkInput,
  type ScoreMethod,
  type ScorecardLayout,
} from "../../taskpane/planners/scorecardSheet";
import { colIndex } from "../../taskpane/workbook/a1";
import { checkPlan } from "../../taskpane/workbook/check";
import { isFormula, NATIVE_FUNCTIONS } from "../../taskpane/workbook/port";
import { evaluate, type Evaluated } from "./hf";

afterAll(() => setLanguage("en"));

const TRACK_CELLS = ["FAST", "SUPER", "NEO", "FASTPLUS", "START", "COMPOSITE"] as const;

function build(input: BenchmarkInput, method: ScoreMethod = "percentile", topN = 3, lang: "en" | "zh" = "en", exact = true) {
  const { plan, layout } = scorecardSheet({ benchmark: input, method, topN, source: { brand: "Benchmarks!A3:Z4", peers: "Benchmarks!A6:Z14" } }, lang);
  checkPlan(plan);
  return { plan, layout, s: evaluate(plan, { exact }) };
}

const sample = (lang: "en" | "zh" = "en") => {
  const c = sampleBenchmarkCells(lang);
  return readBenchmarkInput(c.brand, c.peers);
};

/** The weakest block as DTC.DIAGNOSE's rows [code, name, score, brand, median, scenarios]. */
function weakRows(s: Evaluated, l: ScorecardLayout): unknown[][] {
  const out: unknown[][] = [];
  for (let r = l.weakestRows[0]; r <= l.weakestRows[1]; r++) {
    const c = l.weakestCol;
    out.push([c.code, c.name, c.score, c.brand, c.median, c.scenarios].map((k) => s.get(`${k}${r}`)));
  }
  return out;
}

const errorOf = (v: unknown): string | undefined => (v && typeof v === "object" && "value" in v ? String((v as { value: unknown }).value) : undefined);

describe("scorecard sheet: the sample benchmark set by hand", () => {
  const { plan, layout, s } = build(sample());

  it("scores each indicator as 100 × (below + ½ × equal) ÷ 8", () => {
    const score = (code: string) => s.get(`${layout.indicatorCol.score}${layout.rowOf[code]}`);
    // SUPER.P: 0.06 is below all eight peers (0.09 … 0.25) → 0.
    expect(score("SUPER.P")).toBe(0);
    // START.SEEDING: 0.09 is above 0.08 only → 100 × 1 ÷ 8 = 12.5.
    expect(score("START.SEEDING")).toBe(12.5);
    // FAST.F: 1,800,000 is above 1,500,000 and equal to 1,800,000 → 100 × 1.5 ÷ 8 = 18.75.
    expect(score("FAST.F")).toBe(18.75);
    // FAST.A: 0.12 is above 0.08, 0.10, 0.09, 0.11, 0.07 → 62.5.
    expect(score("FAST.A")).toBe(62.5);
    // GROW.O: −150,000 is above −300,000 and −200,000 → 25.
    expect(score("GROW.O")).toBe(25);
    // The median of SUPER.P's peers: (0.14 + 0.15) ÷ 2 = 0.145.
    expect(s.get(`${layout.indicatorCol.median}${layout.rowOf["SUPER.P"]}`)).toBeCloseTo(0.145, 12);
    expect(s.get(`${layout.indicatorCol.peers}${layout.rowOf["SUPER.P"]}`)).toBe(8);
  });

  it("tracks: FAST (18.75 + 62.5 + 50 + 50) ÷ 4 = 45.3125 … COMPOSITE 45.52", () => {
    expect(s.num(layout.tracks.FAST)).toBeCloseTo(45.3125, 12);
    expect(s.num(layout.tracks.SUPER)).toBeCloseTo(45, 12); // (62.5 + 50 + 0 + 50 + 62.5) ÷ 5
    expect(s.num(layout.tracks.NEO)).toBeCloseTo(162.5 / 3, 12); // (50 + 37.5 + 75) ÷ 3
    expect(s.num(layout.tracks.FASTPLUS)).toBeCloseTo(40.625, 12); // (50 + 25 + 50 + 37.5) ÷ 4
    expect(s.num(layout.tracks.START)).toBeCloseTo(42.5, 12); // (12.5 + 50 × 4) ÷ 5
    expect(s.num(layout.tracks.COMPOSITE)).toBeCloseTo((45.3125 + 45 + 162.5 / 3 + 40.625 + 42.5) / 5, 12);
  });

  it("the weakest three: SUPER.P, START.SEEDING, FAST.F with their scenarios", () => {
    const rows = weakRows(s, layout);
    expect(rows.map((r) => [r[0], r[1], r[2], r[3], r[5]])).toEqual([
      ["SUPER.P", "Product novelty", 0, 0.06, "Potential-hit discovery; IP co-branding"],
      ["START.SEEDING", "SEEDING", 12.5, 0.09, "Content communication points"],
      ["FAST.F", "Fertility", 18.75, 1_800_000, "Custom strategy crowds"],
    ]);
    // Peer medians: (0.14 + 0.15) ÷ 2; (0.12 + 0.13) ÷ 2; (2,200,000 + 2,600,000) ÷ 2.
    [0.145, 0.125, 2_400_000].forEach((x, i) => expect(rows[i][4]).toBeCloseTo(x, 9));
    const pane = diagnosis(sample(), "percentile", 3);
    expect(pane.map((w) => [w.code.code, w.score, w.scenarios.map((x) => x.tools.join("+"))])).toEqual([
      ["SUPER.P", 0, ["hotplan", "hotplan"]],
      ["START.SEEDING", 12.5, ["calibrate"]],
      ["FAST.F", 18.75, ["cluster+gta"]],
    ]);
  });

  it("is live: the brand launches more (SUPER.P 0.06 → 0.3) and the sheet re-ranks", () => {
    const t = build(sample());
    t.s.set(`${t.layout.inputs.colOf["SUPER.P"]}${t.layout.inputs.brandRow}`, 0.3);
    expect(t.s.get(`${t.layout.indicatorCol.score}${t.layout.rowOf["SUPER.P"]}`)).toBe(100);
    expect(t.s.num(t.layout.tracks.SUPER)).toBeCloseTo(65, 12); // (62.5 + 50 + 100 + 50 + 62.5) ÷ 5
    // Next: START.SEEDING 12.5, FAST.F 18.75, then FASTPLUS.CONVERSION and GROW.O tie at 25 (table order).
    expect(weakRows(t.s, t.layout).map((r) => r[0])).toEqual(["START.SEEDING", "FAST.F", "FASTPLUS.CONVERSION"]);
    // A blank brand value is left out of its track: FAST.F blank → FAST = (62.5 + 50 + 50) ÷ 3.
    t.s.set(`${t.layout.inputs.colOf["FAST.F"]}${t.layout.inputs.brandRow}`, null);
    expect(t.s.get(`${t.layout.indicatorCol.score}${t.layout.rowOf["FAST.F"]}`)).toBe("");
    expect(t.s.num(t.layout.tracks.FAST)).toBeCloseTo(162.5 / 3, 12);
    // A weight: FAST.A weighs 3 → (3 × 62.5 + 50 + 50) ÷ 5 = 57.5.
    t.s.set(`${t.layout.inputs.colOf["FAST.A"]}${t.layout.inputs.brandRow + 1}`, 3);
    expect(t.s.num(t.layout.tracks.FAST)).toBeCloseTo(57.5, 12);
  });

  it("the inputs sit where the docs say, with the equivalent add-in call under them", () => {
    expect([layout.inputs.brand, layout.inputs.weights, layout.inputs.peers]).toEqual(["A56:Z57", "A58:Z58", "A61:Z69"]);
    expect(s.get("A71")).toBe('With the add-in, the same numbers: =DTC.INDEX(A56:Z57, A61:Z69, "percentile", A58:Z58) and =DTC.DIAGNOSE(A56:Z57, A61:Z69, 3, "percentile")');
    expect(s.range("A8:A14").map((r) => r[0])).toEqual(["track", "FAST (Crowd)", "SUPER (Product)", "NEO (Brand power)", "FASTPLUS (Membership)", "START (Content)", "COMPOSITE"]);
  });

  it("index method: SUPER.P = 100 × 0.06 ÷ 0.145 = 41.38; GROW.O = 100 × (−150,000 ÷ 140,000) comes first", () => {
    const t = build(sample(), "index", 5);
    expect(t.s.num(`${t.layout.indicatorCol.score}${t.layout.rowOf["SUPER.P"]}`)).toBeCloseTo((100 * 0.06) / 0.145, 10);
    expect(weakRows(t.s, t.layout).length).toBe(5);
    expect(weakRows(t.s, t.layout)[0][0]).toBe("GROW.O");
    expect(t.s.num(`${t.layout.weakestCol.score}${t.layout.weakestRows[0]}`)).toBeCloseTo(-15_000_000 / 140_000, 10);
  });

  it("in Chinese: names, scenarios and labels", () => {
    const t = build(sample("zh"), "percentile", 3, "zh");
    expect(weakRows(t.s, t.layout)[0].slice(0, 2)).toEqual(["SUPER.P", "新品贡献率"]);
    expect(weakRows(t.s, t.layout)[0][5]).toBe("潜爆品发现培育; IP联名营销");
    expect(t.plan.baseName).toBe("诊断 Lumi");
    expect(t.s.get("A1")).toBe("DTC 经营诊断：Lumi");
    expect(t.s.get("A9")).toBe("FAST 人群");
  });

  it("uses only functions both hosts evaluate, plain decimals, no custom function; a radar chart of the tracks", () => {
    const formulas = plan.blocks.flatMap((b) => b.cells.flat()).flatMap((c) => (isFormula(c) ? [c.formula] : []));
    expect(formulas.length).toBeGreaterThan(25 * 12);
    const allowed = new Set<string>(NATIVE_FUNCTIONS);
    for (const x of formulas) {
      const body = x.replace(/"[^"]*"/g, '""');
      for (const m of body.matchAll(/([A-Z][A-Z0-9.]*)\(/g)) expect(allowed.has(m[1]), `${m[1]} in ${x}`).toBe(true);
      expect(body, x).not.toMatch(/\d[eE][+-]?\d/);
      expect(x).not.toMatch(/DTC\./);
    }
    // Criteria: fixed, or a comparison with the row's brand value (a number, see port.ts).
    for (const x of formulas) {
      for (const m of x.matchAll(/COUNTIF\(([^,()]*),([^()]*)\)/g)) expect(m[2], x).toMatch(/^("<"&)?E\d+$/);
    }
    expect(plan.charts).toEqual([{ type: "radar", title: "Track scores (percentile)", source: "A8:B13", seriesBy: "columns", position: { from: "D7", to: "J17" } }]);
    expect(scorecardSheet({ benchmark: sample(), method: "index", topN: 3 }, "en", { chart: "bar" }).plan.charts?.[0].type).toBe("barClustered");
  });
});

describe("reading the selections as DTC.INDEX does", () => {
  it("header codes in any spelling and order, a name column, peers under their own header in another order", () => {
    const brand = [["品牌", "super u", "FAST-A", ""], ["Mine", "5%", 0.3, ""]];
    const peers = [
      ["对标品牌", "加深率", "SUPER.U", "FAST.F"],
      ["P1", 0.2, 0.04, 1],
      [null, null, null, null],
      ["P2", "0.4", "", 2],
    ];
    const b = readBenchmarkInput(brand, peers);
    expect(b.codes.map((c) => c.code)).toEqual(["FAST.A", "SUPER.U"]);
    expect(b.brandName).toBe("Mine");
    expect(b.brand).toEqual([0.3, 0.05]);
    expect(b.peers).toEqual([
      { name: "P1", values: [0.2, 0.04] },
      { name: "P2", values: [0.4, null] },
    ]);
  });

  it("peers without a header in the brand's columns; rows of 0 or blank cells are no peer", () => {
    const brand = [["FAST.F", "NEO.N"], [10, 20]];
    const b = readBenchmarkInput(brand, [[1, 2], [0, 0], ["", ""], [3, ""]]);
    expect(b.peers.map((p) => p.values)).toEqual([[1, 2], [3, null]]);
    expect(b.peers.map((p) => p.name)).toEqual(["", ""]);
  });

  it("the engine's errors, in the pane's language", () => {
    expect(parseBrand([["FAST.Z"], [1]], "en")).toEqual({ ok: false, error: 'brand row 1 column 1: unknown indicator code "FAST.Z"; use a track and an indicator such as FAST.A, SUPER.U, NEO.N, FASTPLUS.CLV, START.SEEDING, GROW.R, or a Chinese name such as 加深率' });
    expect(parseBrand([["FAST.A", 1]], "zh")).toEqual({ ok: false, error: "brand：应为一行指标代码表头加一行数值，实际为 1×2" });
    const r = parseBenchmark([["FAST.A"], [1]], [["x"]], "en");
    expect(r).toEqual({ ok: false, error: 'peers row 1 column 1: "x" is not a number' });
    expect(parseBenchmark([["FAST.A"], [1]], [[0], [""]], "en")).toEqual({ ok: false, error: label("diagNoPeers", "en") });
    expect(() => readBenchmarkInput([["FAST.A"], [1]], [[1, 2]])).toThrow(InputError);
  });

  it("numbers at 15 significant digits, so that Excel's \"<\"&v is exact: 2/3 ties with 2/3", () => {
    expect(round15(2 / 3)).toBe(0.666666666666667);
    const b = readBenchmarkInput([["FAST.A"], [2 / 3]], [[2 / 3], [0.5]]);
    expect(b.brand).toEqual([0.666666666666667]);
    const { layout, s } = build(b);
    expect(s.get(`${layout.indicatorCol.score}${layout.rowOf["FAST.A"]}`)).toBe(75); // (1 + ½) ÷ 2
  });
});

describe("sample sheet and formula skeletons", () => {
  it("the sample sheet holds a brand and 8 peers with a value for every code", () => {
    const { plan, brand, peers, cells } = sampleBenchmarkSheet("en");
    checkPlan(plan);
    expect([brand, peers]).toEqual(["A3:Z4", "A6:Z14"]);
    expect(cells.brand[0].slice(1)).toEqual(CODES.map((c) => c.code));
    expect(cells.peers.length).toBe(9);
    for (const c of CODES) expect(SAMPLE_BENCHMARK.values[c.code]).toHaveLength(9);
    const s = evaluate(plan);
    expect(s.range(brand)).toEqual(cells.brand);
    expect(s.range(peers)).toEqual(cells.peers);
    expect(sampleBenchmarkSheet("zh").plan.baseName).toBe("对标品牌集");
  });

  it("skeletons point at the columns left of the target, or right of its spill near column A; never at the target", () => {
    expect(skeletonFormula("assoc", { row: 1, col: 4 })).toBe("=DTC.ASSOC(C:C, D:D, , , TRUE)");
    expect(skeletonFormula("assoc", { row: 0, col: 0 })).toBe("=DTC.ASSOC(J:J, K:K, , , TRUE)");
    expect(skeletonFormula("cluster", { row: 4, col: 5 })).toBe("=DTC.CLUSTER(C:E, 3, , , , TRUE)");
    expect(skeletonFormula("calibrate", { row: 0, col: 3 })).toBe("=DTC.CALIBRATE(A:C, , , , TRUE)");
    expect(skeletonFormula("fastplus", { row: 6, col: 7 })).toBe("=DTC.FASTPLUS(C7, D7, E7, F7, G7, , TRUE)");
    for (const tool of ["assoc", "cluster", "calibrate", "fastplus"] as const) {
      for (let col = 0; col < 12; col++) {
        const x = skeletonFormula(tool, { row: 3, col });
        const cols = [...x.matchAll(/\b([A-Z]+)(?:\d+)?(?::([A-Z]+))?/g)].filter((m) => m[1] !== "DTC" && m[1] !== "TRUE" && !/^(ASSOC|CLUSTER|CALIBRATE|FASTPLUS)$/.test(m[1]));
        for (const m of cols) {
          const a = colIndex(m[1]);
          const b = m[2] ? colIndex(m[2]) : a;
          expect(col < a || col > b, `${x} at column ${col}`).toBe(true);
        }
      }
    }
    expect(() => skeletonFormula("gta", { row: 0, col: 0 })).toThrow();
  });
});

// --- the property: sheet = engine ---------------------------------------------------------------

interface Case {
  brand: unknown[][];
  peers: unknown[][];
  weights: number[];
  method: ScoreMethod;
  topN: number;
  lang: "en" | "zh";
}

/** Values of one code: a scale times small whole numbers, so that ties (brand = peer) are common. */
const SCALES = [1, 0.01, 1000, 250_000, 0.5];

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    picks: fc.uniqueArray(fc.integer({ min: 0, max: CODES.length - 1 }), { minLength: 1, maxLength: CODES.length }),
    spell: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: CODES.length, maxLength: CODES.length }),
    scale: fc.array(fc.constantFrom(...SCALES), { minLength: CODES.length, maxLength: CODES.length }),
    nameCol: fc.boolean(),
    header: fc.boolean(),
    shuffle: fc.boolean(),
    m: fc.integer({ min: 1, max: 10 }),
    cells: fc.array(fc.oneof({ weight: 5, arbitrary: fc.integer({ min: -2, max: 6 }) }, { weight: 1, arbitrary: fc.constant(null) }), { minLength: 11 * 25, maxLength: 11 * 25 }),
    text: fc.array(fc.boolean(), { minLength: 11 * 25, maxLength: 11 * 25 }),
    blankRow: fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined }),
    weights: fc.array(fc.oneof(fc.constant(1), fc.integer({ min: 0, max: 3 })), { minLength: CODES.length, maxLength: CODES.length }),
    method: fc.constantFrom<ScoreMethod>("percentile", "index"),
    topN: fc.integer({ min: 1, max: 8 }),
    lang: fc.constantFrom<"en" | "zh">("en", "zh"),
  })
  .map((r): Case => {
    const spelling = (k: number) => {
      const c = CODES[k];
      return [c.code, c.code.toLowerCase().replace(".", "-"), c.zh][r.spell[k]];
    };
    const value = (row: number, j: number, k: number): unknown => {
      const x = r.cells[row * 25 + j];
      if (x === null) return "";
      const v = x * r.scale[k];
      return r.text[row * 25 + j] && row > 0 ? String(v) : v;
    };
    const brandHead: unknown[] = r.picks.map(spelling);
    const brandVals: unknown[] = r.picks.map((k, j) => value(0, j, k));
    if (r.nameCol) {
      brandHead.unshift("brand");
      brandVals.unshift("Mine");
    }
    // Peers: under a header (the codes in another order) or in the brand's columns.
    const order = r.header && r.shuffle ? [...r.picks].reverse() : r.picks;
    const peers: unknown[][] = [];
    if (r.header) peers.push([...(r.nameCol ? ["peer"] : []), ...order.map((k) => CODES[k].code)]);
    for (let i = 0; i < r.m; i++) {
      if (r.blankRow === i) peers.push([...(r.nameCol ? [""] : []), ...order.map(() => "")]);
      peers.push([...(r.nameCol ? [`P${i + 1}`] : []), ...order.map((k) => value(i + 1, r.picks.indexOf(k), k))]);
    }
    return { brand: [brandHead, brandVals], peers, weights: r.weights, method: r.method, topN: r.topN, lang: r.lang };
  });

/** A result cell of the engine as a comparable value: a number, or its error code. */
const engineCell = (c: ResultCell): number | string => (c instanceof CellError ? c.kind : (c as number));
/** A cell of HyperFormula the same way. */
const sheetCell = (v: unknown): number | string | unknown => errorOf(v) ?? v;

function close(a: unknown, b: unknown, what: string): void {
  if (typeof a === "number" && typeof b === "number") {
    expect(Math.abs(a - b), `${what}: ${a} vs ${b}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
  } else {
    expect(a, what).toEqual(b);
  }
}

/** The weights range of DTC.INDEX for a case: a header of codes over the weights. */
function weightsRange(input: BenchmarkInput): unknown[][] {
  return [input.codes.map((c) => c.code), input.weights];
}

describe("scorecard sheet = DTC.INDEX and DTC.DIAGNOSE on random benchmark sets", () => {
  it("tracks, COMPOSITE, every indicator's score and median, and the weakest rows", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const input = readBenchmarkInput(c.brand, c.peers);
        if (input.peers.length === 0) return;
        input.weights = input.codes.map((x) => c.weights[x.order]);
        const { layout, s } = build(input, c.method, c.topN, c.lang);

        // INDEX on the user's ranges, with the weights.
        const row = indexExcel(c.brand, c.peers, c.method, weightsRange(input))[0];
        TRACK_CELLS.forEach((t, i) => close(sheetCell(s.get(layout.tracks[t])), engineCell(row[i]), `${t} (${c.method})`));

        // Each indicator, as the engine scores it.
        const scores = scoreIndicators(readBenchmark(c.brand, c.peers), c.method);
        for (const code of input.codes) {
          const r = layout.rowOf[code.code];
          const e = scores[code.order];
          close(s.get(`${layout.indicatorCol.score}${r}`), e === undefined ? "" : e.score, `${code.code} score`);
          if (e) close(s.get(`${layout.indicatorCol.median}${r}`), e.median, `${code.code} median`);
          expect(s.get(`${layout.indicatorCol.scenarios}${r}`) ?? "").toBe(scenarioText(code, SCENARIO_MAP, c.lang));
          expect(s.get(`${layout.indicatorCol.name}${r}`)).toBe(codeName(code, c.lang));
        }

        // DIAGNOSE: the same rows in the same order (fewer when fewer can be scored).
        setLanguage(c.lang);
        const topN = Math.min(c.topN, input.codes.length);
        let rows: ResultCell[][] = [];
        try {
          rows = diagnoseExcel(c.brand, c.peers, topN, c.method);
        } catch (e) {
          if (!(e instanceof InputError) || e.cell.kind !== "#N/A") throw e;
        }
        const sheet = weakRows(s, layout);
        expect(sheet.length).toBe(topN);
        sheet.forEach((line, i) => {
          if (i >= rows.length) {
            expect(line, `row ${i + 1} past the scored ones`).toEqual(["", "", "", "", "", ""]);
            return;
          }
          const want = rows[i];
          expect(line[0], `weakest ${i + 1}`).toBe(want[0]);
          expect(line[1]).toBe(want[1]);
          close(line[2], want[2], `weakest ${i + 1} score`);
          close(line[3], want[3], `weakest ${i + 1} brand`);
          close(line[4], want[4], `weakest ${i + 1} median`);
          expect(line[5]).toBe(want[5]);
        });

        // The sheet's own inputs give the engine the same numbers ("the same with the add-in").
        const blank = (g: unknown[][]) => g.map((r) => r.map((v) => (v === null ? "" : v)));
        const own = indexExcel(blank(s.range(layout.inputs.brand)), blank(s.range(layout.inputs.peers)), c.method, blank(s.range(layout.inputs.weights)))[0];
        TRACK_CELLS.forEach((t, i) => close(sheetCell(s.get(layout.tracks[t])), engineCell(own[i]), `${t} from the sheet's inputs`));
      }),
      { numRuns: 160 },
    );
  });

  it("a track whose scored indicators all weigh 0 is #DIV/0! and leaves COMPOSITE, as in the engine", () => {
    const input = readBenchmarkInput([["FAST.F", "FAST.A", "NEO.N"], [5, 1, 2]], [[1, 2, 3], [6, 0.5, 1]]);
    input.weights = [0, 0, 1];
    const { layout, s } = build(input);
    const row = indexExcel([["FAST.F", "FAST.A", "NEO.N"], [5, 1, 2]], [[1, 2, 3], [6, 0.5, 1]], "percentile", [[0, 0, 1]])[0];
    expect(engineCell(row[0])).toBe("#DIV/0!");
    expect(errorOf(s.get(layout.tracks.FAST))).toBe("#DIV/0!");
    expect(errorOf(s.get(layout.tracks.SUPER))).toBe("#N/A");
    expect(s.num(layout.tracks.COMPOSITE)).toBe(row[5]);
    expect(s.num(layout.tracks.NEO)).toBe(50); // 2 is above 1 and below 3
  });
});
