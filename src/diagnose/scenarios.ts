/**
 * The dual-wheel scenario map (双轮经营场景地图): which operating scenarios move which
 * indicators, and which tool of the add-in serves each scenario (SPEC §16).
 *
 * The built-in map is data: one row per scenario with its English and Chinese names, the
 * indicators it moves (codes or a track name alone, as a user map writes them), where the row
 * comes from (the methodology's scenario map, its appendix, or ours) and the tools the task
 * pane's Diagnose view opens for it. A user map given to DTC.DIAGNOSE (`scenario_map`)
 * replaces it; {@link readScenarioMap} reads one.
 */
import { invalid, type Where } from "../excel/errors";
import { basic, cellLabel, isVoid } from "../excel/coerce";
import type { Lang } from "../excel/messages";
import { show } from "../excel/messages";
import { readTable, type ColumnSpec } from "../excel/table";
import { CODES, codesOf, parseCode, type IndicatorCode } from "./codes";

/** A tool of the add-in that serves a scenario. */
export type Tool = "hotplan" | "gta" | "assoc" | "cluster" | "calibrate" | "fastplus";

/** Where a row of the map comes from. */
export type Source = "seed" | "seed appendix" | "ours" | "user";

export interface Scenario {
  /** Stable identifier (built-in rows) or `user-<row>` (a row of a user map). */
  readonly id: string;
  readonly en: string;
  readonly zh: string;
  /** The indicators as written in the map: codes, or a track name alone for all its indicators. */
  readonly indicators: readonly string[];
  /** The indicators it moves, resolved to the code table (table order, no duplicates). */
  readonly codes: readonly IndicatorCode[];
  readonly source: Source;
  /** Why the row is there, when the source needs a word. */
  readonly note?: { readonly en: string; readonly zh: string };
  /** Tools that serve it, first the main one (none for a user map's rows). */
  readonly tools: readonly Tool[];
}

type Row = Omit<Scenario, "codes">;

/** The built-in map, in the order of SPEC §16 (the order scenarios are listed in). */
const ROWS: readonly Row[] = [
  { id: "style-trend", en: "Style-trend insight", zh: "风格趋势洞察", indicators: ["FAST.A", "FAST.T", "SUPER.U"], source: "seed", tools: ["calibrate"] },
  { id: "cross-category", en: "Cross-category expansion", zh: "跨品类拓展", indicators: ["GROW.R"], source: "seed", tools: ["assoc"] },
  { id: "potential-hit", en: "Potential-hit discovery", zh: "潜爆品发现培育", indicators: ["SUPER.P", "SUPER.S", "SUPER.E"], source: "seed", tools: ["hotplan"] },
  { id: "content-points", en: "Content communication points", zh: "内容沟通点洞察", indicators: ["START"], source: "seed", tools: ["calibrate"] },
  { id: "koc", en: "Brand KOC cultivation", zh: "品牌KOC培育", indicators: ["FASTPLUS.CLV", "FASTPLUS.CONVERSION"], source: "seed", tools: ["fastplus", "gta"] },
  { id: "ip-co-branding", en: "IP co-branding", zh: "IP联名营销", indicators: ["SUPER.P", "SUPER.U"], source: "seed", tools: ["hotplan"] },
  { id: "member-repurchase", en: "Member repurchase", zh: "会员复购提升", indicators: ["FASTPLUS.CONVERSION", "FASTPLUS.CLV"], source: "seed", tools: ["fastplus", "gta"] },
  {
    id: "brand-mind",
    en: "Brand-mind diagnosis",
    zh: "品牌心智诊断",
    indicators: ["NEO"],
    source: "seed appendix",
    note: { en: "NEO evaluates the brand mind", zh: "NEO 评估品牌心智" },
    tools: ["calibrate"],
  },
  { id: "pioneer-crowd", en: "Pioneer-crowd operation", zh: "先锋人群运营", indicators: ["NEO.N"], source: "seed appendix", tools: ["cluster", "gta"] },
  {
    id: "custom-crowds",
    en: "Custom strategy crowds",
    zh: "策略人群定制",
    indicators: ["FAST.F", "GROW.G"],
    source: "ours",
    note: { en: "crowd volume and penetration", zh: "人群总量与渗透" },
    tools: ["cluster", "gta"],
  },
  {
    id: "inventory",
    en: "Inventory health",
    zh: "库存健康管理",
    indicators: ["SUPER.E"],
    source: "ours",
    note: { en: "PLVM supply-chain scenario", zh: "PLVM 供应链场景" },
    tools: ["hotplan"],
  },
  {
    id: "logistics",
    en: "Logistics efficiency",
    zh: "物流提效",
    indicators: ["SUPER.R"],
    source: "ours",
    note: { en: "PLVM fulfilment scenario", zh: "PLVM 履约场景" },
    tools: ["hotplan"],
  },
  {
    id: "omni-channel",
    en: "Omni-channel crowd operation",
    zh: "全域人群运营",
    indicators: ["FASTPLUS.CAPITAL", "FASTPLUS.CONNECTION", "FAST.S"],
    source: "ours",
    tools: ["calibrate", "gta"],
  },
  { id: "pricing", en: "Pricing", zh: "新品定价 · 动态定价", indicators: ["GROW.O", "NEO.O"], source: "ours", tools: ["hotplan"] },
];

/** Resolve the written indicators of a map row (codes or track names) to the table, in table order. */
function resolve(indicators: readonly string[]): IndicatorCode[] {
  const set = new Set<IndicatorCode>();
  for (const text of indicators) {
    const p = parseCode(text);
    if (p.kind === "code") set.add(p.code);
    else if (p.kind === "track") for (const c of codesOf(p.track.id)) set.add(c);
    else throw new Error(`scenario map: "${text}" is no indicator code`);
  }
  return CODES.filter((c) => set.has(c));
}

/** The built-in scenario map. */
export const SCENARIO_MAP: readonly Scenario[] = ROWS.map((r) => ({ ...r, codes: resolve(r.indicators) }));

/** Name of a scenario in a display language (a user map's rows have one name for both). */
export function scenarioName(s: Scenario, lang: Lang): string {
  return lang === "zh" ? s.zh : s.en;
}

/** The scenarios of `map` that move indicator `code`, in map order, each once. */
export function scenariosFor(code: IndicatorCode, map: readonly Scenario[]): Scenario[] {
  return map.filter((s) => s.codes.includes(code));
}

/** The scenario names of one indicator as DTC.DIAGNOSE writes them: joined with "; ", "" when none, each name once. */
export function scenarioText(code: IndicatorCode, map: readonly Scenario[], lang: Lang): string {
  return [...new Set(scenariosFor(code, map).map((s) => scenarioName(s, lang)))].join("; ");
}

// --- a user map ------------------------------------------------------------------------------

/** Columns of `scenario_map`: by position, or under a header row with these names. */
export const SCENARIO_MAP_COLUMNS: readonly ColumnSpec[] = [
  { key: "scenario", aliases: ["scenarios", "name", "场景", "经营场景", "场景名称"], required: true },
  { key: "indicators", aliases: ["indicator", "codes", "code", "指标", "指标代码"], required: true },
];

/** Separators between the codes of one `indicators` cell: `,` `、` `;` `；` (and the full-width comma). */
const SEPARATORS = /[,、;；，]/;

/**
 * Read a user scenario map [scenario, indicators] (SPEC §16). Rows whose cells are blank (or 0)
 * are skipped; a scenario needs a name; each code of the indicators cell is an indicator code or
 * a track name alone (all its indicators); an unknown one is `#VALUE!` naming it and its cell.
 */
export function readScenarioMap(arg: unknown, name = "scenario_map"): Scenario[] {
  const t = readTable(arg, name, SCENARIO_MAP_COLUMNS);
  const cs = t.col.scenario;
  const ci = t.col.indicators;
  const out: Scenario[] = [];
  for (const i of t.rows) {
    const line = t.data[i];
    const label = cellLabel(line[cs], { arg: name, row: i + 1, col: cs + 1 });
    const where: Where = { arg: name, row: i + 1, col: ci + 1 };
    const raw = line[ci];
    const written: string[] = [];
    if (!isVoid(raw)) {
      const b = basic(raw);
      if (typeof b !== "string") invalid("diagUnknownMapCode", where, { value: show(raw) });
      for (const piece of b.split(SEPARATORS)) {
        const text = piece.trim();
        if (text === "") continue;
        const p = parseCode(text);
        if (p.kind === "unknown") invalid("diagUnknownMapCode", where, { value: show(text) });
        if (p.kind === "ambiguous") {
          invalid("diagAmbiguousCode", where, { value: show(text), list: p.candidates.map((c) => c.code).join(", ") });
        }
        written.push(text);
      }
    }
    if (label === "") {
      if (written.length === 0) continue;
      invalid("required", { arg: name, row: i + 1, col: cs + 1 });
    }
    out.push({ id: `user-${i + 1}`, en: label, zh: label, indicators: written, codes: resolve(written), source: "user", tools: [] });
  }
  if (out.length === 0) invalid("emptyTable", { arg: name });
  return out;
}
