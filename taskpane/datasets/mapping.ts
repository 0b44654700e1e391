/**
 * The Datasets view's models and column mapping (docs/datasets.md): which columns each model
 * reads (the SQL compiler's own column parameters, src/sql/), the header aliases the engine
 * already knows for them (src/models/*, src/excel/table.ts specs: imported, never copied), and
 * the guess of a file's column for each parameter from its headers.
 *
 * Pure: no DuckDB here (that is the lazy chunk, ./duckdb.ts), so the pane can show the mapping
 * before the engine is loaded and the guess can be unit-tested.
 */
import { SQL_MODELS } from "../../src/sql/compile";
import type { ModelSql } from "../../src/sql/core";
import type { Param } from "../../src/excel/params";
import type { Indicator } from "../../src/excel/indicators";
import { STAGE_COLUMN_NAMES } from "../../src/models/aipl";
import { FAST_INDICATORS, FLAG_COLUMN_NAMES } from "../../src/models/fast";
import { GROW_COLUMN_NAMES, GROW_INDICATORS } from "../../src/models/grow";
import { SUPER_COLUMNS, SUPER_INDICATORS } from "../../src/models/super";
import { ASSOC_COLUMN_NAMES } from "../../src/models/assoc";
import { CALIBRATE_COLUMNS } from "../../src/models/calibrate";

/** The models of the view, in the order DTC.SQL lists them. */
export const DATASET_MODELS: readonly ModelSql[] = SQL_MODELS;

/** The model of an id (`FAST.ROWS`). */
export function datasetModel(id: string): ModelSql {
  const m = DATASET_MODELS.find((x) => x.id === id);
  if (!m) throw new Error(`unknown model ${id}`);
  return m;
}

/** Aliases of a ColumnSpec list of the engine (src/excel/table.ts), keyed by column. */
const specAliases = (specs: readonly { key: string; aliases: readonly string[] }[]): Record<string, readonly string[]> =>
  Object.fromEntries(specs.map((s) => [s.key, s.aliases]));

/**
 * The engine's header names of each model's column parameters (the same lists the functions use
 * to recognise a header row), by model id then parameter name. The parameter name itself always
 * matches too.
 */
const ALIASES: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  AIPL: { stages: STAGE_COLUMN_NAMES.stages },
  "AIPL.FLOW": { stage_start: STAGE_COLUMN_NAMES.stage_start, stage_end: STAGE_COLUMN_NAMES.stage_end },
  "AIPL.DEEPEN": { stage_start: STAGE_COLUMN_NAMES.stage_start, stage_end: STAGE_COLUMN_NAMES.stage_end },
  "FAST.ROWS": {
    stage_start: STAGE_COLUMN_NAMES.stage_start,
    stage_end: STAGE_COLUMN_NAMES.stage_end,
    is_member: FLAG_COLUMN_NAMES.is_member,
    is_active: FLAG_COLUMN_NAMES.is_active,
  },
  "GROW.ROWS": GROW_COLUMN_NAMES,
  SUPER: specAliases(SUPER_COLUMNS),
  ASSOC: ASSOC_COLUMN_NAMES,
  CALIBRATE: specAliases(CALIBRATE_COLUMNS),
};

/** The header names that map to `param` of model `id`: the parameter's name, then the engine's aliases. */
export function aliasesOf(id: string, param: string): readonly string[] {
  return [param, ...(ALIASES[id]?.[param] ?? [])];
}

/** A header as compared: trimmed of all white space JavaScript trims (U+3000, NBSP…), lower case, `-`/space read as `_`. */
export function normHeader(h: string): string {
  return h.trim().toLowerCase().replace(/[\s-]+/g, "_");
}

/**
 * The guessed column of each of the model's column parameters, in parameter order: the first
 * header (in file order) that equals one of the parameter's aliases once normalised
 * ({@link normHeader}), each header used at most once; undefined when none matches.
 */
export function guessMapping(model: ModelSql, headers: readonly string[]): (string | undefined)[] {
  const used = new Set<number>();
  const normed = headers.map(normHeader);
  return model.columns.map((c) => {
    const names = new Set(aliasesOf(model.id, c.param).map(normHeader));
    const j = normed.findIndex((h, k) => !used.has(k) && names.has(h));
    if (j < 0) return undefined;
    used.add(j);
    return headers[j];
  });
}

/** The model whose required columns the headers cover best (ties: the first in list order); undefined when none is covered. */
export function guessModel(headers: readonly string[]): ModelSql | undefined {
  let best: ModelSql | undefined;
  let bestScore = 0;
  for (const m of DATASET_MODELS) {
    const guess = guessMapping(m, headers);
    const complete = m.columns.every((c, i) => c.optional || guess[i] !== undefined);
    if (!complete) continue;
    const score = guess.filter((g) => g !== undefined).length;
    if (score > bestScore) {
      best = m;
      bestScore = score;
    }
  }
  return best;
}

/** The indicators a model's `indicator` option picks from (empty for a model without one). */
export function indicatorsOf(id: string): readonly Indicator[] {
  switch (id) {
    case "FAST.ROWS":
      return FAST_INDICATORS;
    case "GROW.ROWS":
      return GROW_INDICATORS;
    case "SUPER":
      return SUPER_INDICATORS;
    default:
      return [];
  }
}

/** The default shown for an option (a placeholder), or "" when it has none. */
export function optionDefault(p: Param): string {
  return "default" in p && typeof p.default === "number" ? String(p.default) : "";
}

/** The options as DTC.SQL takes them: blank values dropped (the default). */
export function optionValues(model: ModelSql, raw: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of model.options) {
    const v = (raw[p.name] ?? "").trim();
    if (v !== "") out[p.name] = v;
  }
  return out;
}

/** The options as one `name=value, …` text (as DTC.SQL's `options` argument), "" when none. */
export function optionsText(values: Readonly<Record<string, string>>): string {
  return Object.entries(values)
    .map(([k, v]) => `${k}=${v}`)
    .join(", ");
}
