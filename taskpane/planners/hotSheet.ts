/**
 * The hot-product (爆品) planners (SPEC section 11): the plan sheet, the health-check sheet and
 * the one-line reading of the weakest health signal. Pure; the `Workbook` port writes the plans.
 *
 * Plan sheet: the inputs (target, price, units per buyer, cost ratio, the shared funnel) as
 * yellow cells, phases and crowds as Excel tables whose headers `DTC.HOTPLAN` recognises; the
 * plan phase × crowd as native formulas (gmv = target × w_p/Σw × s_c/Σs; units = gmv ÷ price;
 * buyers, interest, aware rounded up to whole persons with the contract's person rounding
 * ceil(x − PERSON_SLACK × max(1, |x|)) of `src/excel/round.ts`; spend = gmv × cost ratio) and a
 * TOTAL row; totals per phase and per crowd, summed over the plan rows whose label equals the
 * total's label EXACTLY (SUMPRODUCT of an `=` comparison: a name such as `a*`, `?`, `~x`, `<5`
 * or `=b` is a name, never a SUMIF wildcard or comparison); a GMV matrix phase × crowd (each
 * cell the gmv of its plan row) charted as stacked columns.
 *
 * Input check (row 3): "" when every input is valid, else the first wrong input in words, naming
 * its cell ("B6: price must be a number above 0"), in sheet order: the scalars, the phases, the
 * weights' sum, the crowds (share, per-crowd funnel), the shares' sum. While it is not "", the
 * TOTAL row and the totals per phase and crowd show "check inputs" and blanks instead of the
 * formula engine's coercion errors. Natively: the helper columns S (phases) and T (crowds) carry,
 * row by row, the first problem found so far. The inputs also get data validation (an optional
 * part of the plan): price and units per buyer > 0, rates in [0, 1], the rest ≥ 0.
 *
 * Health sheet: one row per phase with the plan (reached, precision, cost ratio, conversion)
 * and the actuals (reached, reached in target crowds, spend, GMV, buyers) as input cells, and the
 * four HOTHEALTH indices as native formulas (VOLUME = 100 × reached ÷ plan reached; PRECISION =
 * 100 × (in target ÷ reached) ÷ plan precision; COST = 100 × plan cost ratio ÷ (spend ÷ GMV);
 * CONVERSION = 100 × (buyers ÷ reached) ÷ plan conversion), coloured ≥ 100 green, 80–100
 * amber, < 80 red. Mid-campaign, a phase's actual cells are left blank: an index whose inputs
 * are blank is blank (skipped), never computed from zeros (no `#DIV/0!`); a phase without
 * actuals is written with blank actual cells, to be filled in the sheet later.
 */
import {
  CROWD_COLUMNS,
  FUNNEL_COLUMNS,
  HOTPLAN_COLUMNS,
  HOTPLAN_COLUMNS_ZH,
  PHASE_COLUMNS,
  type HotplanInput,
} from "../../src/plan/hotplan";
import { hothealth, HOTHEALTH_INDICATORS, type HotActual, type HotTargets } from "../../src/plan/hothealth";
import { isCellError } from "../../src/excel/errors";
import type { ColumnSpec } from "../../src/excel/table";
import { colName } from "../workbook/a1";
import { f, INDEX_THRESHOLDS, type Block, type Cell, type NumberFormat, type SheetPlan, type ValidationSpec } from "../workbook/port";
import { checks, personsFormula, textLiteral, validation, type InputRule } from "./native";
import { columnHeader, columnHeaders, columnSpec } from "./columns";
import { label, formatNumber, formatPercent, type Lang, type LabelKey } from "../i18n";

/** What the Hot product view hands to the planner (validated by `forms/hot.ts`). */
export interface HotSheetInput extends HotplanInput {
  product: string;
}

export interface HotLayout {
  /** Input cells. */
  target: string;
  price: string;
  unitsPerBuyer: string;
  costRatio: string;
  phasesTable: string;
  crowdsTable: string;
  /**
   * The funnel: the two shared rates (a column of 2 input cells, i_to_p then a_to_i) or, per
   * crowd, the funnel columns of the crowds table with their header row (DTC.HOTPLAN's `funnel`).
   */
  funnel: string;
  /** First and last plan row (phase-major), the TOTAL row, and the plan's columns. */
  planRows: [number, number];
  totalRow: number;
  planCol: Record<(typeof HOTPLAN_COLUMNS)[number], string>;
  /** Totals per phase and per crowd: header row + one row each. */
  byPhase: string;
  byCrowd: string;
  /** GMV matrix phase × crowd (header row and label column included). */
  matrix: string;
  /** The input check cell: "" when every input is valid, else the first wrong input in words. */
  check: string;
}

/** Base names of the tables (the adapter may append `_n`). */
export const HOT_PHASES_TABLE = "DTC_Hot_Phases";
export const HOT_CROWDS_TABLE = "DTC_Hot_Crowds";
export const HOT_HEALTH_TABLE = "DTC_Hot_Health";

const PLAN_FORMATS: NumberFormat[] = ["general", "general", "currency", "number", "persons", "persons", "persons", "currency"];
const CEIL = personsFormula;

/** Build the hot-product plan sheet. */
export function hotSheet(input: HotSheetInput, lang: Lang): { plan: SheetPlan; layout: HotLayout } {
  const L = (k: LabelKey) => label(k, lang);
  const P = input.phases.length;
  const C = input.crowds.length;
  const shared = input.funnel.length === 1;
  const blocks: Block[] = [];

  blocks.push({ anchor: "A1", cells: [[`${L("hotSheetTitle")}${input.product}`]], style: "title" });
  blocks.push({ anchor: "A2", cells: [[L("sheetNote")]], style: "note" });
  blocks.push({ anchor: "A4", cells: [[L("inputsHeading")]], style: "heading" });

  // --- Scalar inputs: labels in A, values in B ------------------------------------------------
  const scalars: [LabelKey, number, NumberFormat][] = [
    ["targetGmv", input.target_gmv, "currency"],
    ["price", input.price, "currency2"],
    ["unitsPerBuyer", input.units_per_buyer ?? 1, "number"],
    ["costRatio", input.cost_ratio ?? 0, "percent"],
  ];
  if (shared) {
    scalars.push(["iToP", input.funnel[0].i_to_p, "percent"], ["aToI", input.funnel[0].a_to_i, "percent"]);
  }
  blocks.push({ anchor: "A5", cells: scalars.map(([k]) => [L(k)]) });
  blocks.push({
    anchor: "B5",
    cells: scalars.map(([, v]) => [v]),
    formats: scalars.map(([, , fmt]) => [fmt]),
    style: "input",
  });
  const [target, price, upb, costRatio] = ["$B$5", "$B$6", "$B$7", "$B$8"];

  // --- Phases (A:B) and crowds (D:E or D:G) tables ---------------------------------------------
  const tHead = 5 + scalars.length + 2; // header row of both tables
  blocks.push({ anchor: `A${tHead - 1}`, cells: [[L("phasesHeading")]], style: "heading" });
  blocks.push({ anchor: `D${tHead - 1}`, cells: [[L("crowdsHeading")]], style: "heading" });
  // Headers DTC.HOTPLAN reads (its column specs); the name columns are headed as the plan's
  // "phase" and "crowd" columns, which are aliases of them.
  const planNames = lang === "zh" ? HOTPLAN_COLUMNS_ZH : HOTPLAN_COLUMNS;
  const named = (specs: readonly ColumnSpec[], subject: "phase" | "crowd") => [
    columnHeader(columnSpec(specs, "name"), lang, planNames[HOTPLAN_COLUMNS.indexOf(subject)]),
    ...columnHeaders(specs.slice(1), lang),
  ];
  const phaseHeaders = named(PHASE_COLUMNS, "phase");
  // The crowds table carries the per-crowd funnel in the columns after the share.
  const crowdHeaders = [...named(CROWD_COLUMNS, "crowd"), ...columnHeaders(FUNNEL_COLUMNS, lang)];
  blocks.push({
    anchor: `A${tHead}`,
    cells: [phaseHeaders, ...input.phases.map((p): Cell[] => [p.name, p.weight])],
    formats: [[null, null], ...input.phases.map((): (NumberFormat | null)[] => [null, "number"])],
  });
  const crowdCols = shared ? 2 : 4;
  blocks.push({
    anchor: `D${tHead}`,
    cells: [
      crowdHeaders.slice(0, crowdCols),
      ...input.crowds.map((c, j): Cell[] =>
        shared ? [c.name, c.share] : [c.name, c.share, input.funnel[j].i_to_p, input.funnel[j].a_to_i],
      ),
    ],
    formats: [
      crowdHeaders.slice(0, crowdCols).map(() => null),
      ...input.crowds.map((): (NumberFormat | null)[] =>
        shared ? [null, "number"] : [null, "number", "percent", "percent"],
      ),
    ],
  });
  const ph1 = tHead + 1;
  const phN = tHead + P;
  const cr1 = tHead + 1;
  const crN = tHead + C;
  const phaseCell = (p: number) => `$A$${ph1 + p}`;
  const weight = (p: number) => `$B$${ph1 + p}`;
  const crowdCell = (c: number) => `$D$${cr1 + c}`;
  const share = (c: number) => `$E$${cr1 + c}`;
  const i2p = (c: number) => (shared ? "$B$9" : `$F$${cr1 + c}`);
  const a2i = (c: number) => (shared ? "$B$10" : `$G$${cr1 + c}`);
  const weights = `$B$${ph1}:$B$${phN}`;
  const shares = `$E$${cr1}:$E$${crN}`;

  // --- Input checks: the scalars, the phases (chain in S), the crowds (chain in T), the sums -----
  const check = "$B$3";
  const masked = (formula: string, mask = "") => `=IF(${check}<>"",${textLiteral(mask)},${formula.slice(1)})`;
  const what = (k: LabelKey) => L(k);
  const scalarRules: InputRule[] = [
    { cell: "B5", kind: "nonNegative", what: what("targetGmv") },
    { cell: "B6", kind: "positive", what: what("price"), required: true },
    { cell: "B7", kind: "positive", what: what("unitsPerBuyer"), required: true },
    { cell: "B8", kind: "nonNegative", what: what("costRatio") },
  ];
  if (shared) {
    scalarRules.push(
      { cell: "B9", kind: "rateOpen", what: what("iToP"), required: true },
      { cell: "B10", kind: "rateOpen", what: what("aToI"), required: true },
    );
  }
  const [PH_CHECK, CR_CHECK] = ["S", "T"];
  const crowdRules = (c: number): InputRule[] => {
    const R = cr1 + c;
    const rules: InputRule[] = [{ cell: `E${R}`, kind: "nonNegative", what: crowdHeaders[1] }];
    if (!shared) {
      rules.push(
        { cell: `F${R}`, kind: "rateOpen", what: crowdHeaders[2], required: true },
        { cell: `G${R}`, kind: "rateOpen", what: crowdHeaders[3], required: true },
      );
    }
    return rules;
  };
  blocks.push({ anchor: "A3", cells: [[L("chk_label"), f(`=${checks(scalarRules, lang, "CHAIN", true)}`.replace("CHAIN",
    `IF(${PH_CHECK}${phN}<>"",${PH_CHECK}${phN},${checks([{ cell: weights.replace(/\$/g, ""), kind: "sumZero", what: L("chk_weights") }], lang,
      `IF(${CR_CHECK}${crN}<>"",${CR_CHECK}${crN},${checks([{ cell: shares.replace(/\$/g, ""), kind: "sumZero", what: L("chk_shares") }], lang)})`, true)})`))]],
    style: "heading" });
  blocks.push({ anchor: `${PH_CHECK}${tHead}`, cells: [[L("chk_label"), L("chk_label")]], style: "note" });
  blocks.push({
    anchor: `${PH_CHECK}${ph1}`,
    cells: input.phases.map((_, p): Cell[] => [
      f(`=${checks([{ cell: `B${ph1 + p}`, kind: "nonNegative", what: phaseHeaders[1] }], lang, p === 0 ? undefined : `${PH_CHECK}${ph1 + p - 1}`)}`),
    ]),
    style: "note",
  });
  blocks.push({
    anchor: `${CR_CHECK}${cr1}`,
    cells: input.crowds.map((_, c): Cell[] => [f(`=${checks(crowdRules(c), lang, c === 0 ? undefined : `${CR_CHECK}${cr1 + c - 1}`)}`)]),
    style: "note",
  });

  // --- Plan phase × crowd ------------------------------------------------------------------------
  const tablesEnd = Math.max(phN, crN);
  const CHART_END = 22;
  const planHead = Math.max(tablesEnd + 3, CHART_END + 2);
  const p1 = planHead + 1;
  const pN = planHead + P * C;
  const totalRow = pN + 1;
  const pc = Object.fromEntries(HOTPLAN_COLUMNS.map((k, j) => [k, colName(j)])) as HotLayout["planCol"];
  const col = (k: (typeof HOTPLAN_COLUMNS)[number]) => `$${pc[k]}$${p1}:$${pc[k]}$${pN}`;
  const planRows: Cell[][] = [];
  for (let p = 0; p < P; p++) {
    for (let c = 0; c < C; c++) {
      const R = p1 + p * C + c;
      const at = (k: (typeof HOTPLAN_COLUMNS)[number]) => `${pc[k]}${R}`;
      planRows.push([
        f(`=${phaseCell(p)}`),
        f(`=${crowdCell(c)}`),
        f(`=${target}*(${weight(p)}/SUM(${weights}))*(${share(c)}/SUM(${shares}))`),
        f(`=${at("gmv")}/${price}`),
        f(`=${CEIL(`${at("units")}/${upb}`)}`),
        f(`=${CEIL(`${at("buyers")}/${i2p(c)}`)}`),
        f(`=${CEIL(`${at("interest")}/${a2i(c)}`)}`),
        f(`=${at("gmv")}*${costRatio}`),
      ]);
    }
  }
  const planHeaders = [...(lang === "zh" ? HOTPLAN_COLUMNS_ZH : HOTPLAN_COLUMNS)];
  const measures = HOTPLAN_COLUMNS.slice(2);
  blocks.push({ anchor: `A${planHead - 1}`, cells: [[L("planHeading")]], style: "heading" });
  blocks.push({
    anchor: `A${planHead}`,
    cells: [planHeaders, ...planRows, [L("total"), null, ...measures.map((k, j) => f(masked(`=SUM(${col(k)})`, j === 0 ? L("chk_mask") : "")))]],
    formats: [PLAN_FORMATS.map(() => null), ...planRows.map(() => PLAN_FORMATS), PLAN_FORMATS],
    rowStyles: [{ row: 0, style: "header" }, { row: P * C + 1, style: "total" }],
  });

  // --- Totals per phase and per crowd (exact label match over the plan) ---------------------------
  /**
   * A heading at `head - 1`, then [label, Σ measures] per phase or crowd, keyed on the label cell
   * by an exact, case-insensitive `=` (as SUMIF compares, but with no wildcards or operators).
   */
  const totalsBlock = (head: number, heading: LabelKey, key: "phase" | "crowd", labelCells: string[]) => {
    blocks.push({ anchor: `A${head - 1}`, cells: [[L(heading)]], style: "heading" });
    blocks.push({
      anchor: `A${head}`,
      cells: [
        [planHeaders[key === "phase" ? 0 : 1], ...planHeaders.slice(2)],
        ...labelCells.map((ref, i): Cell[] => [
          f(`=${ref}`),
          ...measures.map((k) => f(masked(`=SUMPRODUCT((${col(key)}=$A${head + 1 + i})*${col(k)})`))),
        ]),
      ],
      formats: [PLAN_FORMATS.slice(1).map(() => null), ...labelCells.map(() => PLAN_FORMATS.slice(1))],
      rowStyles: [{ row: 0, style: "header" }],
    });
  };
  const byPhaseHead = totalRow + 3;
  totalsBlock(byPhaseHead, "byPhaseHeading", "phase", input.phases.map((_, p) => phaseCell(p)));
  const byCrowdHead = byPhaseHead + P + 3;
  totalsBlock(byCrowdHead, "byCrowdHeading", "crowd", input.crowds.map((_, c) => crowdCell(c)));

  // --- GMV matrix phase × crowd: the chart's source; cell (p, c) is plan row p × C + c ----------
  const mHead = byCrowdHead + C + 3;
  const lastCol = colName(C);
  blocks.push({ anchor: `A${mHead - 1}`, cells: [[L("splitHeading")]], style: "heading" });
  blocks.push({
    anchor: `A${mHead}`,
    cells: [
      [null, ...input.crowds.map((_, c) => f(`=${crowdCell(c)}`))],
      ...input.phases.map((_, p): Cell[] => [
        f(`=${phaseCell(p)}`),
        ...input.crowds.map((_, c) => f(`=${pc.gmv}${p1 + p * C + c}`)),
      ]),
    ],
    formats: [input.crowds.map(() => null).concat([null]), ...input.phases.map(() => [null, ...input.crowds.map((): NumberFormat => "currency")])],
    rowStyles: [{ row: 0, style: "header" }],
  });
  const matrix = `A${mHead}:${lastCol}${mHead + P}`;

  const plan: SheetPlan = {
    baseName: `${L("hotSheetPrefix")}${input.product}`,
    blocks,
    tables: [
      { name: HOT_PHASES_TABLE, range: `A${tHead}:B${phN}`, style: "TableStyleMedium2" },
      { name: HOT_CROWDS_TABLE, range: `D${tHead}:${colName(3 + crowdCols - 1)}${crN}`, style: "TableStyleMedium9" },
    ],
    charts: [
      {
        type: "columnStacked",
        title: L("hotChartTitle"),
        source: matrix,
        seriesBy: "columns",
        position: { from: "J4", to: `Q${CHART_END}` },
      },
    ],
    columnWidths: [
      { column: "A", width: 120 },
      ...["B", "C", "D", "E", "F", "G", "H"].map((c) => ({ column: c, width: 80 })),
    ],
    validations: [
      validation("B5", "nonNegative", lang),
      validation("B6:B7", "positive", lang),
      validation("B8", "nonNegative", lang),
      ...(shared ? [validation("B9:B10", "rateOpen", lang)] : [validation(`F${cr1}:G${crN}`, "rateOpen", lang)]),
      validation(`B${ph1}:B${phN}`, "nonNegative", lang),
      validation(`E${cr1}:E${crN}`, "nonNegative", lang),
    ],
  };
  return {
    plan,
    layout: {
      target: "B5",
      price: "B6",
      unitsPerBuyer: "B7",
      costRatio: "B8",
      phasesTable: `A${tHead}:B${phN}`,
      crowdsTable: `D${tHead}:${colName(3 + crowdCols - 1)}${crN}`,
      funnel: shared ? "B9:B10" : `F${tHead}:G${crN}`,
      planRows: [p1, pN],
      totalRow,
      planCol: pc,
      byPhase: `A${byPhaseHead}:G${byPhaseHead + P}`,
      byCrowd: `A${byCrowdHead}:G${byCrowdHead + C}`,
      matrix,
      check: "B3",
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Health check

/** One phase of a health check: the plan targets and what happened (none yet: not checked). */
export interface HealthPhase {
  phase: string;
  plan: HotTargets;
  actual?: HotActual;
}

export interface HealthSheetInput {
  product: string;
  phases: HealthPhase[];
}

const HEALTH_KEYS = [
  "phase", "plan_reached", "plan_precision", "plan_cost_ratio", "plan_conversion",
  "reached", "reached_in_target_crowds", "spend", "gmv", "buyers",
] as const;
const HEALTH_FORMATS: NumberFormat[] = [
  "general", "persons", "percent", "percent", "percent", "persons", "persons", "currency", "currency", "persons",
];

/** Build the health-check sheet. */
export function healthSheet(input: HealthSheetInput, lang: Lang): { plan: SheetPlan; indices: string } {
  const L = (k: LabelKey) => label(k, lang);
  const n = input.phases.length;
  const head = 5;
  const r1 = head + 1;
  const rN = head + n;
  const indexNames = HOTHEALTH_INDICATORS.map((i) => (lang === "zh" ? i.zh : i.name));
  const rows = input.phases.map((ph, k): Cell[] => {
    const R = r1 + k;
    const a = ph.actual;
    // An index whose actual cells are blank is blank: a phase not run yet is skipped, not zero.
    const unless = (cells: string[], formula: string) => f(`=IF(OR(${cells.map((c) => `${c}${R}=""`).join(",")}),"",${formula})`);
    return [
      ph.phase, ph.plan.reached, ph.plan.precision, ph.plan.cost_ratio, ph.plan.conversion,
      a?.reached ?? null, a?.reached_in_target_crowds ?? null, a?.spend ?? null, a?.gmv ?? null, a?.buyers ?? null,
      unless(["F"], `100*F${R}/B${R}`),
      unless(["F", "G"], `100*(G${R}/F${R})/C${R}`),
      unless(["H", "I"], `100*D${R}/(H${R}/I${R})`),
      unless(["F", "J"], `100*(J${R}/F${R})/E${R}`),
    ];
  });
  const blocks: Block[] = [
    { anchor: "A1", cells: [[`${L("healthSheetTitle")}${input.product}`]], style: "title" },
    { anchor: "A2", cells: [[L("healthNote")]], style: "note" },
    {
      anchor: `A${head}`,
      cells: [[...HEALTH_KEYS.map((k) => L(`health_${k}`)), ...indexNames], ...rows],
      formats: [
        [...HEALTH_FORMATS.map(() => null), null, null, null, null],
        ...rows.map((): (NumberFormat | null)[] => [...HEALTH_FORMATS, "index", "index", "index", "index"]),
      ],
    },
  ];
  const indices = `K${r1}:N${rN}`;
  const plan: SheetPlan = {
    baseName: `${L("healthSheetPrefix")}${input.product}`,
    blocks,
    tables: [{ name: HOT_HEALTH_TABLE, range: `A${head}:J${rN}`, style: "TableStyleLight9" }],
    conditionalFormats: [{ range: indices, rules: INDEX_THRESHOLDS }],
    validations: healthValidations(r1, rN, lang),
    columnWidths: [{ column: "A", width: 110 }, ...["B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N"].map((c) => ({ column: c, width: 84 }))],
  };
  return { plan, indices };
}

/** Data validation of the health sheet: counts and money ≥ 0, the planned rates in [0, 1]. */
function healthValidations(r1: number, rN: number, lang: Lang): ValidationSpec[] {
  return [
    validation(`B${r1}:B${rN}`, "nonNegative", lang),
    validation(`C${r1}:C${rN}`, "rate", lang),
    validation(`D${r1}:D${rN}`, "nonNegative", lang),
    validation(`E${r1}:E${rN}`, "rate", lang),
    validation(`F${r1}:J${rN}`, "nonNegative", lang),
  ];
}

// ---------------------------------------------------------------------------------------------
// The weakest signal

export type HealthSignal = "volume" | "precision" | "cost" | "conversion";
const SIGNALS: HealthSignal[] = ["volume", "precision", "cost", "conversion"];

export interface WeakestSignal {
  phase: string;
  signal: HealthSignal;
  /** The index (100 = on plan). */
  index: number;
  /** One line for the pane, in the requested language. */
  text: string;
}

/**
 * The lowest of the four indices over all phases (computed by the engine, `hothealth`), read as
 * one line: "precision is the weakest: 64% of reached consumers are in target crowds against a
 * plan of 75%". Indices that cannot be computed (#DIV/0!) are skipped; `undefined` when none can.
 * With several phases the line starts with the phase name.
 */
export function weakestSignal(phases: readonly HealthPhase[], lang: Lang): WeakestSignal | undefined {
  let best: { k: number; s: number; index: number } | undefined;
  phases.forEach((ph, k) => {
    if (!ph.actual) return;
    hothealth(ph.actual, ph.plan).forEach((v, s) => {
      if (isCellError(v) || typeof v !== "number" || !Number.isFinite(v)) return;
      if (!best || v < best.index) best = { k, s, index: v };
    });
  });
  if (!best) return undefined;
  const { phase, plan } = phases[best.k];
  const actual = phases[best.k].actual!;
  const signal = SIGNALS[best.s];
  const pct = (x: number) => formatPercent(x, lang);
  let params: Record<string, string>;
  switch (signal) {
    case "volume":
      params = { actual: formatNumber(actual.reached, lang), plan: formatNumber(plan.reached, lang) };
      break;
    case "precision":
      params = { actual: pct(actual.reached_in_target_crowds / actual.reached), plan: pct(plan.precision) };
      break;
    case "cost":
      params = { actual: pct(actual.spend / actual.gmv), plan: pct(plan.cost_ratio) };
      break;
    case "conversion":
      params = { actual: pct(actual.buyers / actual.reached), plan: pct(plan.conversion) };
      break;
  }
  let text = label(`weakest_${signal}`, lang, params);
  if (phases.length > 1) text = `${phase}${lang === "zh" ? "：" : ": "}${text}`;
  return { phase, signal, index: best.index, text };
}

/** One line of the health check's diagnosis, with how the pane shows it (Fluent MessageBar intent). */
export interface HealthFinding {
  phase: string;
  /** `warning`: an index below plan (the weakest of the phase); `info`: on plan or better, or not checked. */
  intent: "info" | "warning";
  /** The phase's weakest index, when one could be computed. */
  index?: number;
  text: string;
}

/**
 * The diagnosis, one finding per phase in plan order: its weakest index read in one line
 * ({@link weakestSignal}), a warning below 100 and information from 100 up; a phase without
 * actuals is "not checked" (information), one whose indices all divide by zero says so. A
 * finding is never an error: errors are for inputs the pane refuses.
 */
export function healthFindings(phases: readonly HealthPhase[], lang: Lang): HealthFinding[] {
  const sep = lang === "zh" ? "：" : ": ";
  return phases.map((ph): HealthFinding => {
    if (!ph.actual) return { phase: ph.phase, intent: "info", text: label("healthSkipped", lang, { phase: ph.phase }) };
    const w = weakestSignal([ph], lang);
    if (!w) return { phase: ph.phase, intent: "info", text: label("healthNotComputable", lang, { phase: ph.phase }) };
    return { phase: ph.phase, intent: w.index < 100 ? "warning" : "info", index: w.index, text: `${ph.phase}${sep}${w.text}` };
  });
}
