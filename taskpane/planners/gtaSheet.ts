/**
 * The GTA planner: a complete, live plan sheet for `DTC.GTA`'s model (SPEC section 10).
 *
 * Pure: builds a {@link SheetPlan} from the pane's validated inputs; the `Workbook` port writes
 * it. Every computed cell is a NATIVE Excel formula that refers to the input cells, so editing an
 * input recalculates the plan without the add-in (a colleague without DTC Metrics sees the same
 * numbers). The greedy allocation of SPEC 10 is expressed without circular references:
 *
 * For growable row r (stage A or I, capacity ≠ 0, g_r > 0) let capg_r = capacity_r × g_r (the
 * whole gap when the capacity is blank) and key_r = cost_r ÷ g_r when every growable row has a
 * cost, else 1 ÷ g_r. The fill order is the engine's (`orderByKey` of `src/excel/round.ts`):
 * keys ascending, and keys within a relative TIE_TOLERANCE (1e-12) of the first key of their
 * group are one tie group, filled in table order. Natively: `lead` lists, in its k-th row, the
 * group of the k-th smallest key (SMALL), as the key that opened the group (a chain down the
 * column: the k-th key joins the group above when it ties with that group's first key, else it
 * opens a new one); `run_r` is the group of row r (the lead at r's position among the keys).
 * Row j is filled before r when run_j < run_r, or run_j = run_r and j comes first in the
 * table; run values are copies of keys, so these comparisons are exact. Since each earlier row
 * took min(remaining, capg_j), the gap remaining when r's turn comes is
 * max(0, gap − Σ_{j before r} capg_j), and
 *   taken_r = min(capg_r, remaining_r),  added_r = ⌈persons_r⌉ with persons_r = capacity_r
 *   when the capacity binds, else taken_r ÷ g_r,
 * ⌈x⌉ being the person rounding ceil(x − PERSON_SLACK × max(1, |x|)) of `src/excel/round.ts`
 * (a remaining gap ≤ TIE_TOLERANCE × gap is rounding noise, as in the engine `src/plan/gta.ts`).
 * The "before" sum is a SUMPRODUCT over the helper columns growable, capacity GMV, run and the
 * row number.
 *
 * Layout (rows 1-based; n crowd rows; columns A…R):
 * - A1 title, A2 note;
 * - A4:B5 inputs heading and the target GMV (B5);
 * - A7 heading, A8:G(8+n) the crowd table (an Excel table whose headers DTC.GTA recognises);
 * - the summary below it (baseline … added cost, and the fill order in words), then the input
 *   check: "" when every input is valid, else the first wrong input in words, naming its cell
 *   ("D9: conversion must be a number between 0 and 1"); while it is not "", the summary shows
 *   "check inputs" (and blanks) instead of the formula engine's coercion errors. Natively: the
 *   helper column `check` carries, row by row, the first problem found so far (a chain down the
 *   column), and the check cell is the target's check or the chain's last value;
 * - data validation of the inputs (a list of the stage labels the engine accepts, decimal ranges
 *   for the numbers), an optional part of the plan;
 * - I4: consumers by stage (current vs required, by SUMIF) and the chart beside/below it;
 * - the plan table with a TOTAL row, then its helper columns N…U; the fill-order flag (TRUE: by
 *   cost ÷ g) is the TOTAL row's cell of the `key` column, which the keys refer to;
 * - the plan's stage column is the input stage as the engine reads it (`Awareness`, `认知`, ` a `
 *   → A, ignoring case and surrounding spaces), so every label DTC.GTA accepts plans alike;
 * - with `whatIf` (what the pane writes), the what-if block below the plan table
 *   ({@link whatIfBlock}): the only cells of the sheet that call the add-in's functions.
 *
 * {@link gtaStarterSheet} writes the same sheet over an EMPTY inputs table (stage and crowd
 * filled, numbers blank): the planner types the numbers in Excel and the plan computes.
 */
import { gta, GTA_COLUMNS, GTA_PLAN_COLUMNS, GTA_PLAN_COLUMNS_ZH, type GtaRow, type GtaStage } from "../../src/plan/gta";
import { GTA_BUDGET_SUMMARY_COLUMNS, GTA_BUDGET_SUMMARY_COLUMNS_ZH, GTA_SENSITIVITY_COLUMNS, GTA_SENSITIVITY_COLUMNS_ZH } from "../../src/plan/gta-whatif";
import { TIE_TOLERANCE } from "../../src/excel/round";
import { STAGE_LETTERS } from "../../src/excel/coerce";
import { cellA1, colName } from "../workbook/a1";
import { f, type Block, type Cell, type ChartSpec, type NumberFormat, type SheetPlan, type ValidationSpec } from "../workbook/port";
import { personsFormula, TIE_LITERAL, tieFormula } from "./native";
import { columnHeaders, columnIndex } from "./columns";
import { label, type Lang } from "../i18n";
import { checks, stageLabels, textLiteral, validation, type InputRule } from "./native";

/** What the GTA view hands to the planner (already validated by `forms/gta.ts`). */
export interface GtaSheetInput {
  name: string;
  target_gmv: number;
  crowds: GtaRow[];
}

/** Where the planner put things (1-based rows, A1 addresses), for the pane and for tests. */
export interface GtaLayout {
  target: string;
  /** Crowd table including its header row. */
  crowdTable: string;
  /** First and last data row of the crowd table. */
  inputRows: [number, number];
  /** First and last plan row (without the TOTAL row) and the TOTAL row. */
  planRows: [number, number];
  totalRow: number;
  /** Column letter of each plan column. */
  planCol: Record<PlanColumn, string>;
  /** Cell of each summary value (`by_cost`: the fill order in words). */
  summary: Record<SummaryKey, string>;
  /** The input check cell: "" when every input is valid, else the first wrong input in words. */
  check: string;
  /** The fill-order flag: TRUE when the rows are filled by cost ÷ g (else by 1 ÷ g). */
  byCostFlag: string;
  /** The current/required block by stage (header row + A, I, P, L). */
  stages: string;
  /** The what-if block, when written ({@link GtaSheetOptions.whatIf}). */
  whatIf?: WhatIfLayout;
}

/** Where the what-if block put things (A1 addresses without `$`). */
export interface WhatIfLayout {
  /** First row of the block (its heading) and its last row. */
  rows: [number, number];
  /** The note that the block needs the add-in. */
  note: string;
  /** The budget input cell and the `DTC.GTA.BUDGET(…, "summary")` cell beside it (spills 6 wide). */
  budget: string;
  budgetSummary: string;
  /** The `DTC.GTA(…, "sensitivity")` cell (spills 6 wide, n + 1 rows: MARGINAL, then one per row). */
  sensitivity: string;
  /** The labelled marginal cost cell (refers to the MARGINAL row of the spill). */
  marginal: string;
  /** The chart's source: header row + n rows (label, the four deltas), largest swing last. */
  tornado: string;
  /** Helper columns per crowd row: index, label, swing (largest |delta|), rank (1 = smallest). */
  helpers: string;
}

/** Options of {@link gtaSheet}. */
export interface GtaSheetOptions {
  /**
   * Add the what-if block (sensitivity, tornado chart, budget cells) below the plan. Its cells
   * use DTC.GTA and DTC.GTA.BUDGET, so they compute only while the add-in is loaded; everything
   * above it stays native. Default false (the core plan alone).
   */
  whatIf?: boolean;
  /** The budget cell's first value (default: the plan's added cost by gta(), up to the cent). */
  budget?: number;
}

/** A crowd row of the sheet's inputs table: stage and crowd, numbers blank when absent. */
export type GtaSheetRow = { stage: GtaStage; crowd: string } & Partial<Omit<GtaRow, "stage" | "crowd">>;

export type PlanColumn =
  | "index" | "stage" | "crowd" | "count" | "conversion" | "aov" | "buyers" | "gmv" | "g" | "added" | "required"
  | "added_gmv" | "added_cost" | "growable" | "key" | "capg" | "remaining" | "taken" | "lead" | "run" | "check";

export type SummaryKey = "baseline" | "old" | "new" | "gap" | "shortfall" | "planned_gmv" | "added_cost" | "by_cost";

const PLAN_COLUMNS: PlanColumn[] = [
  "index", "stage", "crowd", "count", "conversion", "aov", "buyers", "gmv", "g", "added", "required",
  "added_gmv", "added_cost", "growable", "key", "capg", "remaining", "taken", "lead", "run", "check",
];
const PLAN_FORMATS: Record<PlanColumn, NumberFormat> = {
  index: "general", stage: "general", crowd: "general", count: "persons", conversion: "percent", aov: "currency2",
  buyers: "persons", gmv: "currency", g: "currency2", added: "persons", required: "persons", added_gmv: "currency",
  added_cost: "currency", growable: "general", key: "number", capg: "currency", remaining: "currency", taken: "currency",
  lead: "number", run: "number", check: "general",
};
const SUMMARY_KEYS: SummaryKey[] = ["baseline", "old", "new", "gap", "shortfall", "planned_gmv", "added_cost", "by_cost"];

/**
 * The crowd table is DTC.GTA's `crowds` argument: its columns in `GTA_COLUMNS` order, headed by
 * their names (English) or first Chinese aliases, so DTC.GTA reads it by header or by position.
 */
const INPUT_FORMATS: Record<string, NumberFormat> = {
  count: "persons", conversion: "percent", aov: "currency2", cost: "currency2", capacity: "persons",
};
const inputFormat = (key: string): NumberFormat => INPUT_FORMATS[key] ?? "general";
/** Last column of the crowd table. */
const INPUT_LAST = colName(GTA_COLUMNS.length - 1);

/** Base name of the crowd table (the adapter may append `_n`). */
export const GTA_TABLE = "DTC_GTA_Crowds";

/** Rows the chart takes (so the plan table starts below it). */
const CHART_ROWS = 16;

/** A remaining gap within this share of the gap is rounding noise (the engine's rule). */
const TIE = TIE_LITERAL;

/** Build the plan sheet. */
export function gtaSheet(input: GtaSheetInput, lang: Lang, options: GtaSheetOptions = {}): { plan: SheetPlan; layout: GtaLayout } {
  let budget: number | null = null;
  if (options.whatIf) budget = options.budget ?? budgetCents(gta(input.target_gmv, input.crowds).summary.added_cost);
  return buildSheet({ name: input.name, target_gmv: input.target_gmv, crowds: input.crowds }, lang, options.whatIf ? { budget } : undefined, false);
}

/**
 * "Start from a sheet": the plan sheet over an inputs table with one row per (stage, crowd) and
 * the numbers left blank for the planner to fill in Excel (the target too when `target_gmv` is
 * null). The plan's native formulas compute as the cells are filled; the what-if block is there
 * as on every plan sheet (its functions report the blank cells until they are filled).
 */
export function gtaStarterSheet(
  input: { name: string; target_gmv: number | null; crowds: readonly { stage: GtaStage; crowd: string }[] },
  lang: Lang,
): { plan: SheetPlan; layout: GtaLayout } {
  const crowds = input.crowds.map((c): GtaSheetRow => ({ stage: c.stage, crowd: c.crowd }));
  return buildSheet({ name: input.name, target_gmv: input.target_gmv, crowds }, lang, { budget: null }, true);
}

/**
 * A budget cell's first value: the plan's added cost rounded UP to the cent, so that, spent by
 * DTC.GTA.BUDGET, it buys at least the plan (rounded down it could miss the last consumer).
 */
export function budgetCents(x: number): number {
  const b = Math.ceil(x * 100) / 100;
  // x × 100 may round below a whole number that x itself is above: then one cent more.
  return b >= x ? b : Math.ceil(x * 100 + 1) / 100;
}

function buildSheet(
  input: { name: string; target_gmv: number | null; crowds: readonly GtaSheetRow[] },
  lang: Lang,
  whatIf: { budget: number | null } | undefined,
  starter: boolean,
): { plan: SheetPlan; layout: GtaLayout } {
  const n = input.crowds.length;
  const L = (k: Parameters<typeof label>[0]) => label(k, lang);
  const blocks: Block[] = [];

  // --- Title and target -----------------------------------------------------------------------
  blocks.push({ anchor: "A1", cells: [[`${L("gtaSheetTitle")}${input.name}`]], style: "title" });
  blocks.push({ anchor: "A2", cells: [[L("sheetNote")]], style: "note" });
  if (starter) blocks.push({ anchor: "A3", cells: [[L("wi_starterNote")]], style: "note" });
  blocks.push({ anchor: "A4", cells: [[L("inputsHeading")]], style: "heading" });
  blocks.push({ anchor: "A5", cells: [[L("targetGmv")]] });
  blocks.push({ anchor: "B5", cells: [[input.target_gmv]], formats: [["currency"]], style: "input" });
  const target = "$B$5";

  // --- Crowd table ----------------------------------------------------------------------------
  const headRow = 8;
  const i1 = headRow + 1;
  const iN = headRow + n;
  blocks.push({ anchor: "A7", cells: [[L("crowdsHeading")]], style: "heading" });
  blocks.push({
    anchor: `A${headRow}`,
    cells: [
      columnHeaders(GTA_COLUMNS, lang),
      // A row's fields are the columns' keys (GtaRow is the shape of a crowds row); absent = blank.
      ...input.crowds.map((c): Cell[] => GTA_COLUMNS.map((s) => (c as unknown as Record<string, Cell | undefined>)[s.key] ?? null)),
    ],
    formats: [GTA_COLUMNS.map(() => null), ...input.crowds.map(() => GTA_COLUMNS.map((s) => inputFormat(s.key)))],
  });
  const inCol = (k: string) => colName(columnIndex(GTA_COLUMNS, k));

  // --- Plan geometry (needed by the summary formulas) ------------------------------------------
  const sumTop = iN + 2; // summary heading row
  const checkRow = sumTop + SUMMARY_KEYS.length + 1;
  const planHead = Math.max(checkRow + 2, 4 + CHART_ROWS + 2) + 1;
  const p1 = planHead + 1;
  const pN = planHead + n;
  const totalRow = pN + 1;
  const pc = Object.fromEntries(PLAN_COLUMNS.map((k, j) => [k, colName(j)])) as Record<PlanColumn, string>;
  const col = (k: PlanColumn) => `${pc[k]}$${p1}:${pc[k]}$${pN}`;
  const sumCell = Object.fromEntries(SUMMARY_KEYS.map((k, j) => [k, `$B$${sumTop + 1 + j}`])) as Record<SummaryKey, string>;
  const gap = sumCell.gap;
  const check = `$B$${checkRow}`;
  const byCostFlag = `$${pc.key}$${totalRow}`;
  /** `formula` (with its "="), or the mask while the input check reports a problem. */
  const masked = (formula: string, mask = "") => `=IF(${check}<>"",${textLiteral(mask)},${formula.slice(1)})`;

  // --- Summary --------------------------------------------------------------------------------
  const stageSum = (letters: string[]) => letters.map((s) => `SUMIF(${col("stage")},"${s}",${col("gmv")})`).join("+");
  const summaryFormulas: Record<Exclude<SummaryKey, "by_cost">, string> = {
    baseline: `=SUM(${col("gmv")})`,
    old: `=${stageSum(["P", "L"])}`,
    new: `=${stageSum(["A", "I"])}`,
    gap: `=MAX(0,${target}-${sumCell.baseline})`,
    // A remaining gap within TIE_TOLERANCE × gap is the rounding noise of the subtractions.
    shortfall: `=IF(${gap}-SUM(${col("taken")})<=${TIE}*${gap},0,${gap}-SUM(${col("taken")}))`,
    planned_gmv: `=${sumCell.baseline}+SUM(${col("added_gmv")})`,
    added_cost: `=SUM(${col("added_cost")})`,
  };
  // TRUE when every growable row has a cost: fill by cost ÷ g, else by 1 ÷ g (the TOTAL row's key cell).
  const byCostFormula = `=COUNTIFS(${col("growable")},1,${inCol("cost")}$${i1}:${inCol("cost")}$${iN},">=0")=COUNTIF(${col("growable")},1)`;
  const summaryCell = (k: SummaryKey): Cell =>
    k === "by_cost"
      ? f(`=IF(${byCostFlag},${textLiteral(L("fill_byCost"))},${textLiteral(L("fill_byG"))})`)
      : f(masked(summaryFormulas[k], k === "baseline" ? L("chk_mask") : ""));
  blocks.push({ anchor: `A${sumTop}`, cells: [[L("summaryHeading")]], style: "heading" });
  blocks.push({
    anchor: `A${sumTop + 1}`,
    cells: SUMMARY_KEYS.map((k) => [L(`gtaSum_${k}`), summaryCell(k)]),
    formats: SUMMARY_KEYS.map((k) => [null, k === "by_cost" ? "general" : "currency"]),
    rowStyles: [{ row: SUMMARY_KEYS.indexOf("planned_gmv"), style: "total" }],
  });

  // --- Input checks: one rule per input cell; the target, then the crowd rows in order -----------
  const header = (k: string) => columnHeaders(GTA_COLUMNS, lang)[columnIndex(GTA_COLUMNS, k)];
  const rowRules = (row: number): InputRule[] => [
    { cell: `${inCol("stage")}${row}`, kind: "stage", what: header("stage") },
    { cell: `${inCol("count")}${row}`, kind: "nonNegative", what: header("count") },
    { cell: `${inCol("conversion")}${row}`, kind: "rate", what: header("conversion") },
    { cell: `${inCol("aov")}${row}`, kind: "nonNegative", what: header("aov") },
    { cell: `${inCol("cost")}${row}`, kind: "optional", what: header("cost") },
    { cell: `${inCol("capacity")}${row}`, kind: "optional", what: header("capacity") },
  ];
  blocks.push({
    anchor: `A${checkRow}`,
    cells: [[L("chk_label"), f(`=${checks([{ cell: "B5", kind: "nonNegative", what: L("targetGmv") }], lang, `${pc.check}${pN}`, true)}`)]],
    style: "heading",
  });

  // --- Plan table -----------------------------------------------------------------------------
  const headers: Record<PlanColumn, string> = Object.fromEntries(
    PLAN_COLUMNS.map((k) => {
      const spec = GTA_PLAN_COLUMNS.indexOf(k as (typeof GTA_PLAN_COLUMNS)[number]);
      if (spec >= 0) return [k, lang === "zh" ? GTA_PLAN_COLUMNS_ZH[spec] : GTA_PLAN_COLUMNS[spec]];
      return [k, L(`gtaCol_${k}` as Parameters<typeof label>[0])];
    }),
  ) as Record<PlanColumn, string>;

  const rows: Cell[][] = [];
  for (let r = 0; r < n; r++) {
    const R = p1 + r; // plan row
    const I = i1 + r; // input row
    const c = (k: PlanColumn) => `${pc[k]}${R}`;
    const inp = (k: string) => `${inCol(k)}${I}`;
    const cost = inp("cost");
    const cap = inp("capacity");
    const formulas: Record<PlanColumn, Cell> = {
      index: r + 1,
      stage: f(`=${stageFormula(inp("stage"))}`),
      crowd: f(`=IF(${inp("crowd")}="","",${inp("crowd")})`),
      count: f(`=${inp("count")}`),
      conversion: f(`=${inp("conversion")}`),
      aov: f(`=${inp("aov")}`),
      buyers: f(`=${c("count")}*${c("conversion")}`),
      gmv: f(`=${c("buyers")}*${c("aov")}`),
      g: f(`=${c("conversion")}*${c("aov")}`),
      added: f(
        `=IF(${c("taken")}<=0,0,IF(AND(${cap}<>"",${c("taken")}>=${c("capg")}),${personsFormula(cap)},` +
          `${personsFormula(`${c("taken")}/${c("g")}`)}))`,
      ),
      required: f(`=${c("count")}+${c("added")}`),
      added_gmv: f(`=${c("added")}*${c("g")}`),
      added_cost: f(`=IF(${cost}="","",${c("added")}*${cost})`),
      growable: f(`=IF(AND(OR(${c("stage")}="A",${c("stage")}="I"),OR(${cap}="",${cap}<>0),${c("g")}>0),1,0)`),
      // Blank for rows that are not grown, so SMALL and COUNT see the growable keys only.
      key: f(`=IF(${c("growable")}=1,IF(${byCostFlag},${cost}/${c("g")},1/${c("g")}),"")`),
      capg: f(`=IF(${c("growable")}=1,IF(${cap}="",${gap},${cap}*${c("g")}),0)`),
      remaining: f(
        `=IF(${c("growable")}=1,MAX(0,${gap}-SUMPRODUCT(${col("growable")},${col("capg")},` +
          `(${col("run")}<${c("run")})+(${col("run")}=${c("run")})*(${col("index")}<${c("index")}))),0)`,
      ),
      taken: f(`=IF(${c("remaining")}<=${TIE}*${gap},0,MIN(${c("capg")},${c("remaining")}))`),
      // Row k of this column: the tie group (its first key) of the k-th smallest key.
      lead: f(
        r === 0
          ? `=IF(COUNT(${col("key")})<1,"",SMALL(${col("key")},1))`
          : `=IF(COUNT(${col("key")})<${r + 1},"",IF(${tieFormula(`SMALL(${col("key")},${r + 1})`, `${pc.lead}${R - 1}`)},` +
              `${pc.lead}${R - 1},SMALL(${col("key")},${r + 1})))`,
      ),
      // The tie group of this row: the lead at its position among the keys (equal keys share one).
      run: f(
        `=IF(${c("growable")}=1,INDEX(${col("lead")},1+SUMPRODUCT(${col("growable")}*(${col("key")}<${c("key")}))),0)`,
      ),
      // The first problem of the rows so far: the row above's, else this row's own.
      check: f(`=${checks(rowRules(I), lang, r === 0 ? undefined : `${pc.check}${R - 1}`)}`),
    };
    rows.push(PLAN_COLUMNS.map((k) => formulas[k]));
  }
  const sum = (k: PlanColumn) => f(`=SUM(${col(k)})`);
  const costRange = `${inCol("cost")}$${i1}:${inCol("cost")}$${iN}`;
  const totals: Record<PlanColumn, Cell> = {
    index: null, stage: L("total"), crowd: null, count: sum("count"), conversion: null, aov: null,
    buyers: sum("buyers"), gmv: sum("gmv"), g: null, added: sum("added"), required: sum("required"),
    added_gmv: sum("added_gmv"), added_cost: f(`=IF(COUNT(${costRange})=0,"",SUM(${col("added_cost")}))`),
    growable: L("gtaFlag"), key: f(byCostFormula), capg: null, remaining: null, taken: sum("taken"), lead: null, run: null, check: null,
  };
  blocks.push({ anchor: `A${planHead - 1}`, cells: [[L("planHeading")]], style: "heading" });
  blocks.push({
    anchor: `A${planHead}`,
    cells: [PLAN_COLUMNS.map((k) => headers[k]), ...rows, PLAN_COLUMNS.map((k) => totals[k])],
    formats: [PLAN_COLUMNS.map(() => null), ...rows.map(() => PLAN_COLUMNS.map((k) => PLAN_FORMATS[k])),
      PLAN_COLUMNS.map((k) => (k === "key" ? "general" : PLAN_FORMATS[k]))],
    rowStyles: [{ row: 0, style: "header" }, { row: n + 1, style: "total" }],
  });
  blocks.push({
    anchor: `${pc.growable}${planHead - 1}`,
    cells: [[label("gtaHelperNote", lang, { tol: String(TIE_TOLERANCE) })]],
    style: "note",
  });

  // --- Consumers by stage + chart --------------------------------------------------------------
  const stageLetters = ["A", "I", "P", "L"];
  const sCol = 8; // column I
  const sTop = 4;
  blocks.push({ anchor: `${colName(sCol)}${sTop}`, cells: [[L("stagesHeading")]], style: "heading" });
  blocks.push({
    anchor: `${colName(sCol)}${sTop + 1}`,
    cells: [
      [null, L("current"), L("required")],
      ...stageLetters.map((s): Cell[] => [
        s,
        f(masked(`=SUMIF(${col("stage")},"${s}",${col("count")})`)),
        f(masked(`=SUMIF(${col("stage")},"${s}",${col("required")})`)),
      ]),
    ],
    formats: [[null, null, null], ...stageLetters.map((): (NumberFormat | null)[] => [null, "persons", "persons"])],
    rowStyles: [{ row: 0, style: "header" }],
  });
  const stagesRange = `${colName(sCol)}${sTop + 1}:${colName(sCol + 2)}${sTop + 5}`;
  const layout0: Pick<GtaLayout, "whatIf"> = {};

  const plan: SheetPlan = {
    baseName: `${L("gtaSheetPrefix")}${input.name}`,
    blocks,
    tables: [{ name: GTA_TABLE, range: `A${headRow}:${INPUT_LAST}${iN}`, style: "TableStyleMedium2" }],
    charts: [
      {
        type: "columnClustered",
        title: L("gtaChartTitle"),
        source: stagesRange,
        seriesBy: "columns",
        position: { from: `${colName(sCol + 4)}${sTop}`, to: `${colName(sCol + 10)}${sTop + CHART_ROWS}` },
      },
    ],
    columnWidths: [
      { column: "A", width: 110 },
      { column: "B", width: 110 },
      ...["C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T"].map((c) => ({ column: c, width: 80 })),
      { column: pc.check, width: 240 },
    ],
    validations: gtaValidations(headRow, iN, inCol, lang),
  };
  if (whatIf) {
    const w = whatIfBlock({
      top: totalRow + 2,
      n,
      target,
      crowds: `$A$${headRow}:$${INPUT_LAST}$${iN}`,
      byCost: byCostFlag,
      budget: whatIf.budget,
      lang,
    });
    blocks.push(...w.blocks);
    plan.charts!.push(w.chart);
    layout0.whatIf = w.layout;
  }
  const layout: GtaLayout = {
    target: cellA1({ row: 4, col: 1 }),
    crowdTable: `A${headRow}:${INPUT_LAST}${iN}`,
    inputRows: [i1, iN],
    planRows: [p1, pN],
    totalRow,
    planCol: pc,
    summary: Object.fromEntries(SUMMARY_KEYS.map((k) => [k, sumCell[k].replace(/\$/g, "")])) as Record<SummaryKey, string>,
    check: check.replace(/\$/g, ""),
    byCostFlag: byCostFlag.replace(/\$/g, ""),
    stages: stagesRange,
    ...layout0,
  };
  return { plan, layout };
}

/**
 * The plan's stage of an input stage cell, as the engine reads it: A, I, P or L for every label
 * of that stage ({@link stageLabels}: the letter, the English and the Chinese word; `=` ignores
 * case, TRIM the surrounding spaces); anything else as typed (trimmed), which no stage matches
 * and the input check reports.
 */
function stageFormula(cell: string): string {
  const t = `TRIM(${cell})`;
  let out = t;
  for (let k = STAGE_LETTERS.length - 1; k >= 0; k--) {
    const words = stageLabels().filter((w) => w.code === k + 1);
    out = `IF(OR(${words.map((w) => `${t}=${textLiteral(w.label)}`).join(",")}),"${STAGE_LETTERS[k]}",${out})`;
  }
  return out;
}

/** Data validation of the GTA inputs: the target, the stage list, the numbers' ranges. */
function gtaValidations(headRow: number, iN: number, inCol: (k: string) => string, lang: Lang): ValidationSpec[] {
  const span = (k: string) => `${inCol(k)}${headRow + 1}:${inCol(k)}${iN}`;
  return [
    validation("B5", "nonNegative", lang),
    validation(span("stage"), "stage", lang),
    validation(span("count"), "nonNegative", lang),
    validation(span("conversion"), "rate", lang),
    validation(span("aov"), "nonNegative", lang),
    validation(span("cost"), "nonNegative", lang),
    validation(span("capacity"), "nonNegative", lang),
  ];
}

// --- The what-if block ----------------------------------------------------------------------

/** Columns of the what-if block (0-based): the tornado's data, the chart, the helper columns. */
const TORNADO_COL = 7; // H
const CHART_COL = 13; // N
const HELPER_COL = 22; // W

/**
 * The what-if block of the plan sheet (SPEC §17), from row `top` down; `crowds` is the absolute
 * address of the crowd table with its header row, `target` the target cell, `byCost` the
 * summary's fill-order flag.
 *
 * - A note: these cells use the add-in's functions (live while it is loaded, `#NAME?` without
 *   it); nothing of the plan above depends on them.
 * - "What does a budget buy?": a yellow budget cell and `=DTC.GTA.BUDGET(budget, crowds,
 *   "summary")` beside it, under the names of its six values.
 * - Sensitivity: `=DTC.GTA(target, crowds, "sensitivity")` (its MARGINAL row, then the four
 *   ±10 % deltas of every row), the marginal cost in a labelled cell, and a line saying whether
 *   the deltas count cost or added consumers (the summary's flag, so it follows the inputs).
 * - The tornado: the same deltas sorted by swing (the largest |delta| of a row), with native
 *   INDEX/MATCH over helper columns (index, label, swing, rank; ties keep table order), largest
 *   LAST because a bar chart draws its first category at the bottom; a clustered bar chart of it.
 */
function whatIfBlock(o: {
  top: number;
  n: number;
  target: string;
  crowds: string;
  byCost: string;
  budget: number | null;
  lang: Lang;
}): { blocks: Block[]; chart: ChartSpec; layout: WhatIfLayout } {
  const { top, n, lang } = o;
  const L = (k: Parameters<typeof label>[0]) => label(k, lang);
  const blocks: Block[] = [];
  const zh = lang === "zh";

  blocks.push({ anchor: `A${top}`, cells: [[L("wi_heading")]], style: "heading" });
  blocks.push({ anchor: `A${top + 1}`, cells: [[L("wi_note")]], style: "note" });

  // --- What does a budget buy? ---------------------------------------------------------------
  const bHead = top + 3;
  const bRow = bHead + 2;
  const budgetCell = `B${bRow}`;
  blocks.push({ anchor: `A${bHead}`, cells: [[L("wi_budgetHeading")]], style: "heading" });
  blocks.push({
    anchor: `B${bHead + 1}`,
    cells: [[L("wi_budgetInput"), ...(zh ? GTA_BUDGET_SUMMARY_COLUMNS_ZH : GTA_BUDGET_SUMMARY_COLUMNS.map((k) => L(`wi_budget_${k}`)))]],
    style: "header",
  });
  blocks.push({ anchor: `A${bRow}`, cells: [[L("wi_budgetRow")]] });
  blocks.push({ anchor: budgetCell, cells: [[o.budget]], formats: [["currency"]], style: "input" });
  blocks.push({
    anchor: `C${bRow}`,
    cells: [[f(`=DTC.GTA.BUDGET($B$${bRow},${o.crowds},"summary")`), null, null, null, null, null]],
    formats: [["currency", "currency", "currency", "currency", "currency", "currency"]],
  });

  // --- Sensitivity ---------------------------------------------------------------------------
  const sHead = bRow + 2;
  const head = sHead + 3; // header row of the sensitivity table, the tornado and the helpers
  const spill = head + 1; // the MARGINAL row
  const a = spill + 1; // first crowd row of the spill (and of the helpers)
  const b = spill + n; // last
  blocks.push({ anchor: `A${sHead}`, cells: [[L("wi_sensHeading")]], style: "heading" });
  blocks.push({ anchor: `A${sHead + 1}`, cells: [[L("wi_marginal"), f(`=C${spill}`)]], formats: [[null, "currency2"]], rowStyles: [{ row: 0, style: "total" }] });
  blocks.push({
    anchor: `A${sHead + 2}`,
    cells: [[f(`=IF(${o.byCost},"${L("wi_unitCost")}","${L("wi_unitPersons")}")`)]],
    style: "note",
  });
  const sensLabels = zh ? [...GTA_SENSITIVITY_COLUMNS_ZH] : GTA_SENSITIVITY_COLUMNS.map((k) => L(`wi_sens_${k}`));
  blocks.push({ anchor: `A${head}`, cells: [sensLabels], style: "header" });
  const sensFormats = (): (NumberFormat | null)[] => [null, null, "persons", "persons", "persons", "persons"];
  blocks.push({
    anchor: `A${spill}`,
    cells: Array.from({ length: n + 1 }, (_, r): Cell[] =>
      r === 0 ? [f(`=DTC.GTA(${o.target},${o.crowds},"sensitivity")`), null, null, null, null, null] : [null, null, null, null, null, null],
    ),
    formats: Array.from({ length: n + 1 }, (_, r) => (r === 0 ? [null, null, "currency2", null, null, null] : sensFormats())),
  });

  // --- Helpers (one row per crowd row, beside the spill's rows) -------------------------------
  const hc = (j: number) => colName(HELPER_COL + j);
  const [hIdx, hLabel, hSwing, hRank] = [0, 1, 2, 3].map(hc);
  const span = (c: string) => `${c}$${a}:${c}$${b}`;
  blocks.push({ anchor: `${hIdx}${head}`, cells: [[L("gtaCol_index"), L("wi_helperLabel"), L("wi_helperSwing"), L("wi_helperRank")]], style: "header" });
  blocks.push({
    anchor: `${hIdx}${a}`,
    cells: Array.from({ length: n }, (_, i): Cell[] => {
      const R = a + i;
      return [
        i + 1,
        f(`=IF(B${R}="",A${R}&"",A${R}&" · "&B${R})`),
        f(`=MAX(ABS(C${R}),ABS(D${R}),ABS(E${R}),ABS(F${R}))`),
        // 1 = the smallest swing; equal swings: the later row first (so read top-down, the chart keeps table order).
        f(`=1+SUMPRODUCT((${span(hSwing)}<${hSwing}${R})+(${span(hSwing)}=${hSwing}${R})*(${span(hIdx)}>${hIdx}${R}))`),
      ];
    }),
    formats: Array.from({ length: n }, (): (NumberFormat | null)[] => ["general", null, "persons", "general"]),
  });

  // --- The tornado's data: row k holds the row of rank k ------------------------------------
  const tc = (j: number) => colName(TORNADO_COL + j);
  blocks.push({
    anchor: `${tc(0)}${head}`,
    cells: [[null, ...sensLabels.slice(2)]],
    style: "header",
  });
  const pick = (src: string, k: number) => `=INDEX(${span(src)},MATCH(${k},${span(hRank)},0))`;
  blocks.push({
    anchor: `${tc(0)}${spill}`,
    cells: Array.from({ length: n }, (_, i): Cell[] => [f(pick(hLabel, i + 1)), ...["C", "D", "E", "F"].map((c) => f(pick(c, i + 1)))]),
    formats: Array.from({ length: n }, (): (NumberFormat | null)[] => [null, "persons", "persons", "persons", "persons"]),
  });
  const tornado = `${tc(0)}${head}:${tc(4)}${spill + n - 1}`;
  const chartRows = Math.max(18, Math.round(n * 1.5) + 8);
  const chart: ChartSpec = {
    type: "barClustered",
    title: L("wi_tornadoTitle"),
    source: tornado,
    seriesBy: "columns",
    position: { from: `${colName(CHART_COL)}${sHead}`, to: `${colName(CHART_COL + 7)}${sHead + chartRows}` },
  };
  return {
    blocks,
    chart,
    layout: {
      rows: [top, Math.max(b, sHead + chartRows)],
      note: `A${top + 1}`,
      budget: budgetCell,
      budgetSummary: `C${bRow}`,
      sensitivity: `A${spill}`,
      marginal: `B${sHead + 1}`,
      tornado,
      helpers: `${hIdx}${a}:${hRank}${b}`,
    },
  };
}
