/**
 * The Diagnose view's scorecard: a live sheet of the DTC operating index (SPEC §16) of a brand
 * against its benchmark set, and the sample benchmark set the pane can write.
 *
 * Pure: builds {@link SheetPlan}s; the `Workbook` port writes them. Codes, names, tracks, the
 * scenario map and its tools come from the engine (`src/diagnose/`); the scores are NATIVE
 * formulas over the inputs copied onto the sheet, so the sheet recalculates without the add-in.
 * They restate the engine's scoring (`subScore` of src/models/neo.ts, `trackScore`, `indexRow`
 * and `weakest` of src/diagnose/score.ts); test/taskpane/scorecardSheet.test.ts checks the
 * restatement against DTC.INDEX and DTC.DIAGNOSE on random benchmark sets. For indicator row r
 * (brand value v in E, peers' column P of the inputs, G = COUNT(P)):
 *
 * - percentile: `100 × (COUNTIF(P, "<"&v) + 0.5 × COUNTIF(P, v)) ÷ G`;
 * - index: `100 × (v ÷ MEDIAN(P))`, left out when the median is 0;
 * - left out ("") when v is blank or no peer has a value, as the engine leaves it out;
 * - a track: Σ weight × score ÷ Σ weight over its scored rows (rows of a track are contiguous,
 *   in code-table order), `#N/A` when none is scored, `#DIV/0!` when their weights add up to 0;
 *   COMPOSITE: the mean of the tracks that hold a number, `#N/A` when none does.
 *
 * The weakest N are ordered natively too, with the engine's tie rule (`orderByKey` of
 * src/excel/round.ts: equal scores within a relative TIE_TOLERANCE keep the code table's
 * order), as the GTA sheet orders its fill: `lead` holds in its k-th row the tie group (first
 * score) of the k-th smallest score, `run` the group of each row, and `order` its place:
 * 1 + #rows in an earlier group + #rows of its group above it. The weakest block picks the row
 * of order k with `SUMPRODUCT((order = k) × #)` and INDEX.
 *
 * Excel compares `"<"&v` as text carrying 15 significant digits, so every input value is
 * written rounded to 15 significant digits (the criterion is then exact); the engine reads the
 * same numbers from the sheet.
 *
 * Layout (rows 1-based; N weakest rows, n indicators, m peers):
 * - A1 title, A2:A5 notes (live sheet, method, tracks rule, where the inputs came from);
 * - A7 track scores: A8 header, A9:A13 the five tracks, A14 COMPOSITE; the chart at D7:J17;
 * - A18 the weakest N: A19 header, A20… rows (rank, code, name, score, brand value, peer
 *   median, scenarios, indicator-table row), then a note;
 * - the indicator table (one row per code of the brand block, in code-table order): #, code,
 *   name, track, brand value, peer median, peers, score, weight, scenarios; helpers L…Q;
 * - the inputs: display names, the brand block (header of codes over the brand's row), the
 *   weights row, then the benchmark brands under their own header row, and a note with the
 *   equivalent DTC.INDEX / DTC.DIAGNOSE call.
 */
import { CODES, codeName, TRACK_IDS, TRACKS, trackName, type IndicatorCode, type TrackId } from "../../src/diagnose/codes";
import { headerColumns, isCodeHeader, readBenchmark, readBrand, readPeers } from "../../src/diagnose/inputs";
import { SCENARIO_MAP, scenariosFor, scenarioText, type Scenario, type Tool } from "../../src/diagnose/scenarios";
import { emptyBenchmark, scoreIndicators, weakest, type Benchmark } from "../../src/diagnose/score";
import { basic, isVoid } from "../../src/excel/coerce";
import { InputError } from "../../src/excel/errors";
import { formatMessage } from "../../src/excel/messages";
import { TIE_TOLERANCE } from "../../src/excel/round";
import type { NeoMethod } from "../../src/models/neo";
import { blankRow } from "../../src/excel/table";
import { colName } from "../workbook/a1";
import {
  f,
  INDEX_THRESHOLDS,
  type Block,
  type Cell,
  type ConditionalFormatSpec,
  type NumberFormat,
  type SheetPlan,
  type ThresholdRule,
} from "../workbook/port";
import { tieFormula } from "./native";
import { label, type LabelKey, type Lang } from "../i18n";

/** DTC.INDEX's `method` (NeoMethod of src/models/neo.ts). */
export type ScoreMethod = NeoMethod;

/** The brand and its benchmark brands as the engine reads them (values rounded to 15 digits). */
export interface BenchmarkInput {
  /** The indicators the brand block names, in code-table order. */
  codes: IndicatorCode[];
  /** The brand's name from its label column ("" when the block has none). */
  brandName: string;
  /** The brand's value of each code (`null` = blank). */
  brand: (number | null)[];
  /** Weight of each code (1 unless given). */
  weights: number[];
  /** The benchmark brands that hold a row (rows of blank or 0 cells are no peer). */
  peers: { name: string; values: (number | null)[] }[];
}

export interface ScorecardInput {
  benchmark: BenchmarkInput;
  method: ScoreMethod;
  /** How many weakest indicators to list (≥ 1; at most the number of codes are listed). */
  topN: number;
  /** Where the inputs were read (shown in a note), e.g. `Benchmarks!A3:Z4`. */
  source?: { brand: string; peers: string };
}

/** Columns of the indicator table. */
export type IndicatorColumn =
  | "index" | "code" | "name" | "track" | "brand" | "median" | "peers" | "score" | "weight" | "scenarios"
  | "scored" | "ws" | "wu" | "lead" | "run" | "order";
/** Columns of the weakest block (code … scenarios are DTC.DIAGNOSE's columns). */
export type WeakestColumn = "rank" | "code" | "name" | "score" | "brand" | "median" | "scenarios" | "row";

/** Where the planner put things (1-based rows, A1 addresses), for the pane and the tests. */
export interface ScorecardLayout {
  /** Cell of each track score and of COMPOSITE. */
  tracks: Record<TrackId | "COMPOSITE", string>;
  /** The chart's source: header row and the five tracks. */
  trackBlock: string;
  /** First and last row of the weakest block (`min(topN, n)` rows). */
  weakestRows: [number, number];
  weakestCol: Record<WeakestColumn, string>;
  /** First and last row of the indicator table. */
  indicatorRows: [number, number];
  indicatorCol: Record<IndicatorColumn, string>;
  /** Row of each code in the indicator table. */
  rowOf: Record<string, number>;
  /** The inputs: the brand block, the weights row and the peers (with their header row). */
  inputs: { brand: string; weights: string; peers: string; brandRow: number; peerRows: [number, number]; colOf: Record<string, string> };
}

/** Values are written at 15 significant digits: Excel's `"<"&v` carries no more. */
export function round15(x: number): number {
  return Number(x.toPrecision(15));
}

// --- reading the selections ---------------------------------------------------------------------

/** The first text of a row in the columns that are not indicators, as a name. */
function nameIn(row: readonly unknown[], cols: Int16Array): string {
  for (let j = 0; j < row.length; j++) {
    if (cols[j] >= 0 || isVoid(row[j])) continue;
    const b = basic(row[j]);
    if (typeof b === "string" || typeof b === "number") return String(b).trim();
  }
  return "";
}

/**
 * Read the brand block and the peers exactly as DTC.INDEX reads them (the engine's readers; its
 * errors are thrown as they are), into one row per peer. Throws {@link InputError}.
 */
export function readBenchmarkInput(brand: unknown[][], peers: unknown[][]): BenchmarkInput {
  readBenchmark(brand, peers); // every check of DTC.INDEX, with its messages
  const b = emptyBenchmark();
  const brandCols = readBrand(brand, b);
  const codes = CODES.filter((c) => brandCols.includes(c.order));
  const header = isCodeHeader(peers[0]);
  const peerCols = header ? headerColumns(peers[0], "peers") : brandCols;
  const rows: BenchmarkInput["peers"] = [];
  for (let r = header ? 1 : 0; r < peers.length; r++) {
    const line = peers[r];
    if (blankRow(line)) continue;
    const one = emptyBenchmark();
    readPeers(header ? [peers[0], line] : [line], brandCols, one);
    rows.push({ name: nameIn(line, peerCols), values: codes.map((c) => (one.peers[c.order].length ? round15(one.peers[c.order][0]) : null)) });
  }
  return {
    codes,
    brandName: nameIn(brand[1], brandCols),
    brand: codes.map((c) => (b.brand[c.order] === undefined ? null : round15(b.brand[c.order] as number))),
    weights: codes.map(() => 1),
    peers: rows,
  };
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** {@link readBenchmarkInput} with the engine's message in `lang` instead of a throw. */
export function parseBenchmark(brand: unknown[][], peers: unknown[][], lang: Lang): Parsed<BenchmarkInput> {
  try {
    const value = readBenchmarkInput(brand, peers);
    if (value.peers.length === 0) return { ok: false, error: label("diagNoPeers", lang) };
    return { ok: true, value };
  } catch (e) {
    if (e instanceof InputError) return { ok: false, error: formatMessage(e.cell, lang) };
    throw e;
  }
}

/** The brand block alone: its name and how many codes it names, or the engine's message. */
export function parseBrand(brand: unknown[][], lang: Lang): Parsed<{ brandName: string; codes: number }> {
  try {
    const b = emptyBenchmark();
    const cols = readBrand(brand, b);
    return { ok: true, value: { brandName: nameIn(brand[1], cols), codes: [...cols].filter((k) => k >= 0).length } };
  } catch (e) {
    if (e instanceof InputError) return { ok: false, error: formatMessage(e.cell, lang) };
    throw e;
  }
}

/** The engine's {@link Benchmark} of an input (what the sheet holds). */
export function benchmarkOf(input: BenchmarkInput): Benchmark {
  const b = emptyBenchmark();
  input.codes.forEach((c, j) => {
    const v = input.brand[j];
    if (v !== null) b.brand[c.order] = v;
    b.weights[c.order] = input.weights[j];
    for (const p of input.peers) if (p.values[j] !== null) b.peers[c.order].push(p.values[j] as number);
  });
  return b;
}

/** One weak indicator as the pane lists it: the engine's score and the scenarios that move it. */
export interface WeakIndicator {
  code: IndicatorCode;
  score: number;
  brand: number;
  median: number;
  scenarios: Scenario[];
}

/** The weakest `topN` indicators by the engine (DTC.DIAGNOSE's rows), with the built-in map's scenarios. */
export function diagnosis(input: BenchmarkInput, method: ScoreMethod, topN: number): WeakIndicator[] {
  return weakest(scoreIndicators(benchmarkOf(input), method), topN).map((s) => ({
    code: s.code,
    score: s.score,
    brand: s.brand,
    median: s.median,
    scenarios: scenariosFor(s.code, SCENARIO_MAP),
  }));
}

// --- the scorecard sheet ---------------------------------------------------------------------

/** Traffic lights of a score: percentile ≥ 50 green, 25–50 amber, below red; index as SPEC 11's. */
export const SCORE_THRESHOLDS: Record<ScoreMethod, ThresholdRule[]> = {
  percentile: [
    { min: 50, color: "green" },
    { min: 25, max: 50, color: "amber" },
    { max: 25, color: "red" },
  ],
  index: INDEX_THRESHOLDS,
};

const IND_COLUMNS: IndicatorColumn[] = ["index", "code", "name", "track", "brand", "median", "peers", "score", "weight", "scenarios"];
const HELPER_COLUMNS: IndicatorColumn[] = ["scored", "ws", "wu", "lead", "run", "order"];
const WEAK_COLUMNS: WeakestColumn[] = ["rank", "code", "name", "score", "brand", "median", "scenarios", "row"];

/** Rows of the top part, fixed so the tracks and the weakest list keep their cells. */
const TRACKS_HEAD = 7;
const CHART = { from: "D7", to: "J17" };
/** Last row the chart covers. */
const CHART_ROWS_END = 17;
const WEAK_HEAD = 18;

/** Build the scorecard sheet. `chart: "bar"` draws bars instead of the radar (for a host without radar). */
export function scorecardSheet(input: ScorecardInput, lang: Lang, opts: { chart?: "radar" | "bar" } = {}): { plan: SheetPlan; layout: ScorecardLayout } {
  const bm = input.benchmark;
  const n = bm.codes.length;
  const m = bm.peers.length;
  if (n === 0 || m === 0) throw new RangeError("a scorecard needs at least one code and one peer");
  const L = (k: LabelKey, p?: Record<string, string | number>) => label(k, lang, p);
  const brandName = bm.brandName || L("diagBrandDefault");
  const topN = Math.max(1, Math.min(Math.floor(input.topN), n));
  const blocks: Block[] = [];
  const conditionalFormats: ConditionalFormatSpec[] = [];
  const rules = SCORE_THRESHOLDS[input.method];

  // --- geometry ---------------------------------------------------------------------------------
  const w1 = WEAK_HEAD + 2;
  const wN = WEAK_HEAD + 1 + topN;
  const indHead = Math.max(wN + 3, CHART_ROWS_END + 2) + 1; // header row of the indicator table
  const i1 = indHead + 1;
  const iN = indHead + n;
  const inHead = iN + 3; // inputs heading
  const namesRow = inHead + 1;
  const brandHead = inHead + 2;
  const brandRow = inHead + 3;
  const weightRow = inHead + 4;
  const peersHeading = inHead + 6;
  const peersHead = inHead + 7;
  const p1 = peersHead + 1;
  const pN = peersHead + m;
  const inCol = (j: number) => colName(1 + j);
  const last = inCol(n - 1);

  const ic = Object.fromEntries([...IND_COLUMNS, "gap", ...HELPER_COLUMNS].map((k, j) => [k, colName(j)])) as Record<IndicatorColumn, string>;
  const wc = Object.fromEntries(WEAK_COLUMNS.map((k, j) => [k, colName(j)])) as Record<WeakestColumn, string>;
  const col = (k: IndicatorColumn) => `${ic[k]}$${i1}:${ic[k]}$${iN}`;
  const rowOf: Record<string, number> = {};
  bm.codes.forEach((c, j) => (rowOf[c.code] = i1 + j));

  // --- title and notes ----------------------------------------------------------------------------
  const methodWord = L(`diagMethodWord_${input.method}`);
  blocks.push({ anchor: "A1", cells: [[L("diagSheetTitle", { brand: brandName })]], style: "title" });
  blocks.push({
    anchor: "A2",
    cells: [
      [L("diagSheetNote")],
      [L(`diagMethodLine_${input.method}`)],
      [L("diagTracksRule")],
      [input.source ? L("diagSourceLine", { brand: input.source.brand, peers: input.source.peers }) : L("diagSourceLineNone")],
    ],
    style: "note",
  });

  // --- track scores ---------------------------------------------------------------------------
  const span = (t: TrackId): [number, number] | undefined => {
    const rows = bm.codes.flatMap((c, j) => (c.track === t ? [i1 + j] : []));
    return rows.length ? [rows[0], rows[rows.length - 1]] : undefined;
  };
  const rng = (k: IndicatorColumn, s: [number, number]) => `${ic[k]}$${s[0]}:${ic[k]}$${s[1]}`;
  const trackFormula = (t: TrackId): string => {
    const s = span(t);
    if (!s) return "=NA()";
    return `=IF(COUNT(${rng("score", s)})=0,NA(),SUM(${rng("ws", s)})/SUM(${rng("wu", s)}))`;
  };
  const spans = TRACK_IDS.map(span).filter((s): s is [number, number] => s !== undefined);
  const ok = (s: [number, number]) => `IF(AND(COUNT(${rng("score", s)})>0,SUM(${rng("wu", s)})>0),1,0)`;
  const val = (s: [number, number]) => `IF(AND(COUNT(${rng("score", s)})>0,SUM(${rng("wu", s)})>0),SUM(${rng("ws", s)})/SUM(${rng("wu", s)}),0)`;
  const composite = spans.length
    ? `=IF((${spans.map(ok).join("+")})=0,NA(),(${spans.map(val).join("+")})/(${spans.map(ok).join("+")}))`
    : "=NA()";
  const tHead = TRACKS_HEAD + 1;
  blocks.push({ anchor: `A${TRACKS_HEAD}`, cells: [[L("diagTracksHeading", { method: methodWord })]], style: "heading" });
  blocks.push({
    anchor: `A${tHead}`,
    cells: [
      [L("diagColTrack"), L("diagColScore")],
      ...TRACK_IDS.map((t): Cell[] => [trackName(TRACKS.find((x) => x.id === t)!, lang), f(trackFormula(t))]),
      [L("diagComposite"), f(composite)],
    ],
    formats: [[null, null], ...TRACK_IDS.map((): (NumberFormat | null)[] => [null, "index"]), [null, "index"]],
    rowStyles: [{ row: 0, style: "header" }, { row: TRACK_IDS.length + 1, style: "total" }],
  });
  const tracks = Object.fromEntries([...TRACK_IDS, "COMPOSITE"].map((t, j) => [t, `B${tHead + 1 + j}`])) as ScorecardLayout["tracks"];
  const trackBlock = `A${tHead}:B${tHead + TRACK_IDS.length}`;
  conditionalFormats.push({ range: `B${tHead + 1}:B${tHead + TRACK_IDS.length + 1}`, rules });

  // --- the weakest N ------------------------------------------------------------------------------
  const weakRows: Cell[][] = [];
  for (let k = 1; k <= topN; k++) {
    const R = WEAK_HEAD + 1 + k;
    const at = `$${wc.row}${R}`;
    const pick = (c: IndicatorColumn, text = false) => f(`=IF(${at}=0,"",INDEX(${col(c)},${at})${text ? '&""' : ""})`);
    const cells: Record<WeakestColumn, Cell> = {
      rank: k,
      code: pick("code"),
      name: pick("name"),
      score: pick("score"),
      brand: pick("brand"),
      median: pick("median"),
      scenarios: pick("scenarios", true),
      // The indicator-table position (1…n) of the row in place k; 0 when fewer are scored.
      row: f(`=SUMPRODUCT((${col("order")}=${wc.rank}${R})*${col("index")})`),
    };
    weakRows.push(WEAK_COLUMNS.map((c) => cells[c]));
  }
  const weakFormats: Record<WeakestColumn, NumberFormat> = {
    rank: "general", code: "general", name: "general", score: "index", brand: "number", median: "number", scenarios: "general", row: "general",
  };
  blocks.push({ anchor: `A${WEAK_HEAD}`, cells: [[L("diagWeakestSheetHeading", { n: topN })]], style: "heading" });
  blocks.push({
    anchor: `A${WEAK_HEAD + 1}`,
    cells: [WEAK_COLUMNS.map((c) => L(`diagWeakCol_${c}`)), ...weakRows],
    formats: [WEAK_COLUMNS.map(() => null), ...weakRows.map(() => WEAK_COLUMNS.map((c) => weakFormats[c]))],
    rowStyles: [{ row: 0, style: "header" }],
  });
  blocks.push({ anchor: `A${wN + 1}`, cells: [[L("diagWeakestNote", { tol: String(TIE_TOLERANCE) })]], style: "note" });
  conditionalFormats.push({ range: `${wc.score}${w1}:${wc.score}${wN}`, rules });

  // --- the indicator table ------------------------------------------------------------------------
  const peersOf = (j: number) => `${inCol(j)}$${p1}:${inCol(j)}$${pN}`;
  const rows: Cell[][] = bm.codes.map((c, j): Cell[] => {
    const R = i1 + j;
    const x = (k: IndicatorColumn) => `${ic[k]}${R}`;
    const P = peersOf(j);
    const v = `${inCol(j)}$${brandRow}`;
    const w = `${inCol(j)}$${weightRow}`;
    const E = x("brand");
    const G = x("peers");
    const score =
      input.method === "percentile"
        ? `=IF(OR(${E}="",${G}=0),"",100*(COUNTIF(${P},"<"&${E})+0.5*COUNTIF(${P},${E}))/${G})`
        : `=IF(OR(${E}="",${G}=0),"",IF(${x("median")}=0,"",100*(${E}/${x("median")})))`;
    const cells: Record<IndicatorColumn, Cell> = {
      index: j + 1,
      code: c.code,
      name: codeName(c, lang),
      track: trackName(TRACKS.find((t) => t.id === c.track)!, lang),
      // A blank (or text) brand cell is no value: COUNT of one cell is 1 only for a number.
      brand: f(`=IF(COUNT(${v})=0,"",${v})`),
      median: f(`=IF(${G}=0,"",MEDIAN(${P}))`),
      peers: f(`=COUNT(${P})`),
      score: f(score),
      weight: f(`=IF(${w}="",1,${w})`),
      scenarios: scenarioText(c, SCENARIO_MAP, lang) || null,
      scored: f(`=IF(${x("score")}="",0,1)`),
      ws: f(`=IF(${x("score")}="","",${x("weight")}*${x("score")})`),
      wu: f(`=IF(${x("score")}="","",${x("weight")})`),
      // Row k: the tie group (its first score) of the k-th smallest score.
      lead: f(
        j === 0
          ? `=IF(COUNT(${col("score")})<1,"",SMALL(${col("score")},1))`
          : `=IF(COUNT(${col("score")})<${j + 1},"",IF(${tieFormula(`SMALL(${col("score")},${j + 1})`, `${ic.lead}${R - 1}`)},` +
              `${ic.lead}${R - 1},SMALL(${col("score")},${j + 1})))`,
      ),
      // This row's tie group: the lead at its score's place among the scores.
      run: f(`=IF(${x("scored")}=1,INDEX(${col("lead")},1+SUMPRODUCT(${col("scored")}*(${col("score")}<${x("score")}))),0)`),
      // Its place in the order: earlier groups first, then the table's order within a group.
      order: f(
        `=IF(${x("scored")}=1,1+SUMPRODUCT(${col("scored")}*((${col("run")}<${x("run")})+(${col("run")}=${x("run")})*(${col("index")}<${x("index")}))),"")`,
      ),
    };
    return [...IND_COLUMNS.map((k) => cells[k]), null, ...HELPER_COLUMNS.map((k) => cells[k])];
  });
  const indFormats: Record<IndicatorColumn, NumberFormat> = {
    index: "general", code: "general", name: "general", track: "general", brand: "number", median: "number", peers: "general",
    score: "index", weight: "number", scenarios: "general", scored: "general", ws: "number", wu: "number", lead: "number",
    run: "number", order: "general",
  };
  const fmtRow = (): (NumberFormat | null)[] => [...IND_COLUMNS.map((k) => indFormats[k]), null, ...HELPER_COLUMNS.map((k) => indFormats[k])];
  blocks.push({ anchor: `A${indHead - 1}`, cells: [[L("diagIndicatorsHeading")]], style: "heading" });
  blocks.push({
    anchor: `A${indHead}`,
    cells: [[...IND_COLUMNS.map((k) => L(`diagIndCol_${k}`)), null, ...HELPER_COLUMNS.map((k) => L(`diagIndCol_${k}`))], ...rows],
    formats: [fmtRow().map(() => null), ...rows.map(fmtRow)],
    rowStyles: [{ row: 0, style: "header" }],
  });
  blocks.push({ anchor: `${ic.scored}${indHead - 1}`, cells: [[L("diagHelperNote", { tol: String(TIE_TOLERANCE) })]], style: "note" });
  conditionalFormats.push({ range: `${ic.score}${i1}:${ic.score}${iN}`, rules });

  // --- the inputs -------------------------------------------------------------------------------
  blocks.push({ anchor: `A${inHead}`, cells: [[L("diagInputsHeading")]], style: "heading" });
  blocks.push({ anchor: `B${namesRow}`, cells: [bm.codes.map((c) => codeName(c, lang))], style: "note" });
  const numFormats = bm.codes.map((): NumberFormat => "number");
  blocks.push({
    anchor: `A${brandHead}`,
    cells: [
      [L("diagBrandHeader"), ...bm.codes.map((c) => c.code)],
      [brandName, ...bm.brand],
      [L("diagWeightLabel"), ...bm.weights],
    ],
    formats: [[null, ...bm.codes.map(() => null)], [null, ...numFormats], [null, ...numFormats]],
    rowStyles: [{ row: 0, style: "header" }, { row: 1, style: "input" }, { row: 2, style: "input" }],
  });
  blocks.push({ anchor: `A${peersHeading}`, cells: [[L("diagPeersSheetHeading", { n: m })]], style: "heading" });
  blocks.push({
    anchor: `A${peersHead}`,
    cells: [
      [L("diagPeerHeader"), ...bm.codes.map((c) => c.code)],
      ...bm.peers.map((p, i): Cell[] => [p.name || L("diagPeerN", { n: i + 1 }), ...p.values]),
    ],
    formats: [[null, ...bm.codes.map(() => null)], ...bm.peers.map(() => [null, ...numFormats])],
    style: "input",
    rowStyles: [{ row: 0, style: "header" }],
  });
  const brandRange = `A${brandHead}:${last}${brandRow}`;
  const weightsRange = `A${weightRow}:${last}${weightRow}`;
  const peersRange = `A${peersHead}:${last}${pN}`;
  blocks.push({
    anchor: `A${pN + 2}`,
    cells: [
      [
        L("diagSameAs", {
          index: `=DTC.INDEX(${brandRange}, ${peersRange}, "${input.method}", ${weightsRange})`,
          diagnose: `=DTC.DIAGNOSE(${brandRange}, ${peersRange}, ${topN}, "${input.method}")`,
        }),
      ],
    ],
    style: "note",
  });

  const plan: SheetPlan = {
    baseName: `${L("diagSheetPrefix")}${brandName}`,
    blocks,
    conditionalFormats,
    charts: [
      {
        type: opts.chart === "bar" ? "barClustered" : "radar",
        title: L("diagChartTitle", { method: methodWord }),
        source: trackBlock,
        seriesBy: "columns",
        position: { ...CHART },
      },
    ],
    columnWidths: [
      { column: "A", width: 130 },
      { column: "B", width: 110 },
      { column: "C", width: 150 },
      { column: "D", width: 110 },
      ...["E", "F", "G", "H", "I"].map((c) => ({ column: c, width: 80 })),
      { column: "J", width: 220 },
    ],
  };
  const layout: ScorecardLayout = {
    tracks,
    trackBlock,
    weakestRows: [w1, wN],
    weakestCol: wc,
    indicatorRows: [i1, iN],
    indicatorCol: ic,
    rowOf,
    inputs: {
      brand: brandRange,
      weights: weightsRange,
      peers: peersRange,
      brandRow,
      peerRows: [p1, pN],
      colOf: Object.fromEntries(bm.codes.map((c, j) => [c.code, inCol(j)])),
    },
  };
  return { plan, layout };
}

// --- the sample benchmark set -----------------------------------------------------------------

/**
 * A plausible brand and 8 benchmark brands with a value for every code, in code-table order:
 * crowds and counts in persons, rates as fractions, NEO scores around 100, FASTPLUS.CLV in yuan
 * per holder, GROW in yuan of GMV change (GROW.O negative: prices pulled GMV down). Built so the
 * brand's three weakest by percentile are SUPER.P (0: every peer launches more), START.SEEDING
 * (12.5) and FAST.F (18.75: one peer below, one equal), three different tools.
 */
export const SAMPLE_BENCHMARK: { brand: string; peers: string[]; values: Record<string, number[]> } = {
  brand: "Lumi",
  peers: ["Aster", "Bloom", "Coral", "Dune", "Ember", "Fable", "Grove", "Halo"],
  // [brand, peer 1 … peer 8]
  values: {
    "FAST.F": [1_800_000, 1_500_000, 1_800_000, 2_600_000, 3_100_000, 2_200_000, 4_000_000, 2_900_000, 2_050_000],
    "FAST.A": [0.12, 0.08, 0.1, 0.15, 0.09, 0.11, 0.14, 0.07, 0.13],
    "FAST.S": [95_000, 60_000, 120_000, 80_000, 150_000, 70_000, 110_000, 90_000, 130_000],
    "FAST.T": [0.46, 0.38, 0.52, 0.41, 0.55, 0.44, 0.49, 0.36, 0.58],
    "SUPER.S": [0.34, 0.28, 0.31, 0.4, 0.25, 0.37, 0.3, 0.42, 0.33],
    "SUPER.U": [0.031, 0.028, 0.035, 0.026, 0.04, 0.033, 0.029, 0.038, 0.024],
    "SUPER.P": [0.06, 0.12, 0.18, 0.09, 0.22, 0.15, 0.11, 0.25, 0.14],
    "SUPER.E": [0.78, 0.72, 0.81, 0.69, 0.85, 0.75, 0.8, 0.66, 0.83],
    "SUPER.R": [0.965, 0.95, 0.97, 0.94, 0.98, 0.96, 0.93, 0.975, 0.955],
    "NEO.N": [104, 96, 112, 88, 120, 101, 93, 115, 108],
    "NEO.E": [98, 105, 91, 110, 87, 102, 95, 118, 100],
    "NEO.O": [111, 99, 106, 92, 118, 103, 109, 97, 121],
    "FASTPLUS.CAPITAL": [420_000, 380_000, 510_000, 300_000, 620_000, 450_000, 350_000, 700_000, 400_000],
    "FASTPLUS.CONVERSION": [0.14, 0.18, 0.12, 0.21, 0.16, 0.11, 0.19, 0.15, 0.24],
    "FASTPLUS.CONNECTION": [0.33, 0.29, 0.41, 0.27, 0.36, 0.31, 0.45, 0.38, 0.3],
    "FASTPLUS.CLV": [520, 610, 480, 700, 450, 560, 650, 590, 505],
    "START.SEEDING": [0.09, 0.14, 0.11, 0.08, 0.17, 0.12, 0.15, 0.1, 0.13],
    "START.TRANSACTION": [0.022, 0.018, 0.025, 0.02, 0.03, 0.016, 0.027, 0.021, 0.024],
    "START.TRAFFIC": [0.05, 0.04, 0.06, 0.035, 0.07, 0.045, 0.055, 0.065, 0.03],
    "START.REACH": [6_500_000, 5_200_000, 8_100_000, 4_600_000, 9_300_000, 7_000_000, 5_800_000, 10_500_000, 6_100_000],
    "START.INTERACTION": [0.085, 0.07, 0.095, 0.06, 0.11, 0.08, 0.1, 0.065, 0.09],
    "GROW.G": [2_800_000, 1_900_000, 3_500_000, 2_200_000, 4_100_000, 1_500_000, 3_000_000, 2_600_000, 3_800_000],
    "GROW.R": [900_000, 1_200_000, 600_000, 1_500_000, 750_000, 1_050_000, 400_000, 1_350_000, 980_000],
    "GROW.O": [-150_000, 250_000, -300_000, 400_000, 100_000, -50_000, 320_000, 180_000, -200_000],
    "GROW.W": [450_000, 300_000, 800_000, 150_000, 600_000, 0, 950_000, 500_000, 200_000],
  },
};

/** Where the sample set sits on its sheet (the same cells in the pane's sheet and the workbench's). */
export const SAMPLE_LAYOUT = { names: 2, brand: "A3:Z4", peers: "A6:Z14" } as const;

/** The sample's cells: the brand block (header of codes over the brand's row) and the peers (header + 8 rows). */
export function sampleBenchmarkCells(lang: Lang): { brand: (string | number)[][]; peers: (string | number)[][]; names: string[] } {
  const codes = CODES.map((c) => c.code);
  const col = (i: number) => codes.map((c) => SAMPLE_BENCHMARK.values[c][i]);
  return {
    names: CODES.map((c) => codeName(c, lang)),
    brand: [[label("diagBrandHeader", lang), ...codes], [SAMPLE_BENCHMARK.brand, ...col(0)]],
    peers: [[label("diagPeerHeader", lang), ...codes], ...SAMPLE_BENCHMARK.peers.map((p, i) => [p, ...col(i + 1)])],
  };
}

/** The pane's sample benchmark sheet (a new sheet, as every sheet the pane writes). */
export function sampleBenchmarkSheet(lang: Lang): { plan: SheetPlan; brand: string; peers: string; cells: ReturnType<typeof sampleBenchmarkCells> } {
  const cells = sampleBenchmarkCells(lang);
  const w = CODES.length + 1;
  const plan: SheetPlan = {
    baseName: label("diagSampleSheet", lang),
    blocks: [
      { anchor: "A1", cells: [[label("diagSampleTitle", lang)]], style: "title" },
      { anchor: `B${SAMPLE_LAYOUT.names}`, cells: [cells.names], style: "note" },
      {
        anchor: "A3",
        cells: cells.brand,
        formats: [Array<null>(w).fill(null), [null, ...CODES.map((): NumberFormat => "number")]],
        style: "input",
        rowStyles: [{ row: 0, style: "header" }],
      },
      {
        anchor: "A6",
        cells: cells.peers,
        formats: [Array<null>(w).fill(null), ...SAMPLE_BENCHMARK.peers.map(() => [null, ...CODES.map((): NumberFormat => "number")])],
        style: "input",
        rowStyles: [{ row: 0, style: "header" }],
      },
      { anchor: "A16", cells: [[label("diagSampleNote", lang, { brand: SAMPLE_LAYOUT.brand, peers: SAMPLE_LAYOUT.peers })]], style: "note" },
    ],
    columnWidths: [{ column: "A", width: 90 }],
  };
  return { plan, brand: SAMPLE_LAYOUT.brand, peers: SAMPLE_LAYOUT.peers, cells };
}

// --- formula skeletons of the tools ---------------------------------------------------------------

/** Tools that open a planner tab of the pane; the others get a formula skeleton. */
export const PLANNER_TOOLS: Partial<Record<Tool, "hot" | "gta">> = { hotplan: "hot", gta: "gta" };

/** Input columns each skeleton points at, and how the formula is written over them. */
const SKELETONS: Partial<Record<Tool, { width: number; formula: (cols: string[], row: number) => string }>> = {
  // basket, category: one row per order line.
  assoc: { width: 2, formula: (c) => `=DTC.ASSOC(${c[0]}:${c[0]}, ${c[1]}:${c[1]}, , , TRUE)` },
  // profiles: one row per segment, one column per feature; k = 3 clusters.
  cluster: { width: 3, formula: (c) => `=DTC.CLUSTER(${c[0]}:${c[2]}, 3, , , , TRUE)` },
  // items: name, brand, industry.
  calibrate: { width: 3, formula: (c) => `=DTC.CALIBRATE(${c[0]}:${c[2]}, , , , TRUE)` },
  // holders_start, holders_end, deepened, engaged, holder_gmv: five cells of the same row.
  fastplus: { width: 5, formula: (c, row) => `=DTC.FASTPLUS(${c.map((x) => `${x}${row}`).join(", ")}, , TRUE)` },
};

/** Columns right of the target that a result may spill into before the fallback inputs start. */
const SPILL_ROOM = 8;

/**
 * The formula skeleton of a tool for target cell `at` (0-based): it points at the `width`
 * columns just left of the target, or, when the target is too close to column A, at columns
 * right of where the result spills; never at the target itself (no circular reference).
 */
export function skeletonFormula(tool: Tool, at: { row: number; col: number }): string {
  const s = SKELETONS[tool];
  if (!s) throw new Error(`${tool} has no formula skeleton`);
  const first = at.col >= s.width ? at.col - s.width : at.col + 1 + SPILL_ROOM;
  const cols = Array.from({ length: s.width }, (_, i) => colName(first + i));
  return s.formula(cols, at.row + 1);
}
