/**
 * The GTA form: what the user types in the pane's GTA view, its zod schema, and the helpers
 * behind "Use selection", the strategy-crowd preset and the compact editor's row tools
 * (duplicate a row, fill a field down, the list of incomplete rows).
 *
 * Each field is the text the user typed piped into the plan schema's own field
 * (`GtaCrowdSchema`, `GtaInputsSchema`, `GtaPlanSchema` of `src/plan/schema.ts`), so the bounds
 * live in one place and a plan the pane accepts can always be saved and reloaded. A target of 0
 * is accepted, as `DTC.GTA` and plan files accept it: the plan of the baseline.
 */
import * as z from "zod";
import { InputError } from "../../src/excel/errors";
import { formatMessage } from "../../src/excel/messages";
import { gtaRows, type GtaRow } from "../../src/plan/gta";
import { GtaCrowdSchema, GtaInputsSchema, GtaPlanSchema, LIMITS } from "../../src/plan/schema";
import { CLUSTER_LABEL_COLUMN } from "../../src/models/cluster";
import type { Lang } from "../i18n";
import type { GtaSheetInput } from "../planners/gtaSheet";
import { numberInto, rowCount, stageField, textInto, validate, type Validated } from "./fields";

/** The eight strategy crowds (八大策略人群), by their Chinese names (the Hot product view's list). */
export const STRATEGY_CROWDS = ["新锐白领", "资深中产", "精致妈妈", "小镇青年", "Gen Z", "都市银发", "小镇中老年", "都市蓝领"] as const;

/** The eight strategy crowds in each display language, in the order of {@link STRATEGY_CROWDS}. */
export const STRATEGY_CROWD_NAMES: Record<Lang, readonly string[]> = {
  zh: STRATEGY_CROWDS,
  en: ["New white-collar", "Senior middle class", "Refined moms", "Small-town youth", "Gen Z", "Urban seniors", "Small-town elders", "Urban blue-collar"],
};

/**
 * The clusters of a selection of DTC.CLUSTER's output, or `undefined` when the selection is not
 * one: the profile's `cluster` column (with or without its header), the whole profile (a header
 * row whose first cell is `cluster`), or the `labels` column (one cluster per segment, repeated,
 * blank rows between). Every other cell of that column must be blank or a whole number ≥ 1.
 * Returns the distinct cluster numbers in ascending order, so that the GTA view can seed its crowd
 * names with them ("Cluster 1" …).
 */
export function clusterNumbers(values: readonly (readonly unknown[])[]): number[] | undefined {
  if (!values.length || !values[0].length) return undefined;
  const isHeader = (x: unknown) => typeof x === "string" && x.trim().toLowerCase() === CLUSTER_LABEL_COLUMN;
  const headed = isHeader(values[0][0]);
  // A wider selection is read only as the profile: its header row names the cluster column first.
  if (values[0].length > 1 && !headed) return undefined;
  const seen = new Set<number>();
  for (let i = headed ? 1 : 0; i < values.length; i++) {
    const x = values[i][0];
    if (x === "" || x === null || x === undefined) continue;
    if (typeof x !== "number" || !Number.isInteger(x) || x < 1) return undefined;
    seen.add(x);
  }
  return seen.size ? [...seen].sort((a, b) => a - b) : undefined;
}

/** The AIPL stages in the order the editor offers them. */
export const GTA_STAGES = ["A", "I", "P", "L"] as const;

/** One crowd row as typed (every field is text). */
export interface GtaCrowdForm {
  stage: string;
  crowd: string;
  count: string;
  conversion: string;
  aov: string;
  cost: string;
  capacity: string;
}

export interface GtaForm {
  name: string;
  target: string;
  crowds: GtaCrowdForm[];
}

export const GTA_CROWD_FIELDS = ["stage", "crowd", "count", "conversion", "aov", "cost", "capacity"] as const;

export function emptyCrowd(stage = "I", crowd = ""): GtaCrowdForm {
  return { stage, crowd, count: "", conversion: "", aov: "", cost: "", capacity: "" };
}

export function emptyGtaForm(): GtaForm {
  return { name: "", target: "", crowds: [emptyCrowd()] };
}

/** The zod schema of the GTA form, with messages in `lang`. */
export function gtaFormSchema(lang: Lang) {
  const row = GtaCrowdSchema.shape;
  const crowd = z.object({
    stage: stageField().pipe(row.stage),
    crowd: textInto(row.crowd, false),
    count: numberInto(row.count, lang),
    conversion: numberInto(row.conversion, lang),
    aov: numberInto(row.aov, lang),
    cost: numberInto(row.cost, lang),
    capacity: numberInto(row.capacity, lang),
  });
  return z
    .object({
      name: textInto(GtaPlanSchema.shape.name, true),
      target: numberInto(GtaInputsSchema.shape.target_gmv, lang),
      crowds: z.array(crowd),
    })
    .superRefine((f, ctx) => rowCount(ctx, f.crowds.length, LIMITS.gtaRows, "crowds"))
    .transform(
      (f): GtaSheetInput => ({
        name: f.name,
        target_gmv: f.target,
        crowds: f.crowds.map((c) => {
          const row: GtaRow = { stage: c.stage, crowd: c.crowd, count: c.count, conversion: c.conversion, aov: c.aov };
          if (c.cost !== undefined) row.cost = c.cost;
          if (c.capacity !== undefined) row.capacity = c.capacity;
          return row;
        }),
      }),
    );
}

/** Validate the form: the planner's input, or an error per field path in `lang`. */
export function validateGta(form: GtaForm, lang: Lang): Validated<GtaSheetInput> {
  return validate(gtaFormSchema(lang), form, lang);
}

/** Add the eight strategy crowds as rows (stage I, numbers empty); names already present are skipped. */
export function addStrategyCrowds(rows: readonly GtaCrowdForm[]): GtaCrowdForm[] {
  const have = new Set(rows.map((r) => r.crowd.trim().toLowerCase()));
  // A single untouched empty row is replaced rather than kept above the crowds.
  const keep = rows.length === 1 && isBlankRow(rows[0]) ? [] : [...rows];
  return [...keep, ...STRATEGY_CROWDS.filter((c) => !have.has(c.toLowerCase())).map((c) => emptyCrowd("I", c))];
}

/** True for a row nobody has typed into (a stage alone does not count). */
export function isBlankRow(r: GtaCrowdForm): boolean {
  return GTA_CROWD_FIELDS.every((k) => k === "stage" || r[k].trim() === "");
}

/**
 * The strategy-crowd preset: a row for every ticked stage × chosen crowd, stage by stage in AIPL
 * order, numbers empty. A (stage, crowd) pair already in the table is not added again (crowds
 * compared trimmed, case-insensitively); a table that is one untouched row is replaced.
 * Returns the new rows and the index of the first added row (-1 when nothing was added).
 */
export function presetRows(
  rows: readonly GtaCrowdForm[],
  crowds: readonly string[],
  stages: readonly string[],
): { rows: GtaCrowdForm[]; first: number } {
  const keep = rows.length === 1 && isBlankRow(rows[0]) ? [] : [...rows];
  const key = (stage: string, crowd: string) => `${stage.trim().toUpperCase()}\u0000${crowd.trim().toLowerCase()}`;
  const have = new Set(keep.map((r) => key(r.stage, r.crowd)));
  const added: GtaCrowdForm[] = [];
  for (const st of GTA_STAGES) {
    if (!stages.includes(st)) continue;
    for (const c of crowds) {
      const k = key(st, c);
      if (have.has(k)) continue;
      have.add(k);
      added.push(emptyCrowd(st, c));
    }
  }
  return { rows: [...keep, ...added], first: added.length ? keep.length : -1 };
}

/** A copy of row `i` inserted right below it. */
export function duplicateRow(rows: readonly GtaCrowdForm[], i: number): GtaCrowdForm[] {
  if (i < 0 || i >= rows.length) return [...rows];
  return [...rows.slice(0, i + 1), { ...rows[i] }, ...rows.slice(i + 1)];
}

/** "Fill down": the value of `field` in row `i` copied to every row below it (a blank clears them). */
export function fillDown(rows: readonly GtaCrowdForm[], i: number, field: (typeof GTA_CROWD_FIELDS)[number]): GtaCrowdForm[] {
  if (i < 0 || i >= rows.length) return [...rows];
  const v = rows[i][field];
  return rows.map((r, j) => (j > i && r[field] !== v ? { ...r, [field]: v } : r));
}

/** One entry of the list of incomplete rows: the row (0-based) and its fields with a problem, in column order. */
export interface IncompleteRow {
  row: number;
  fields: (typeof GTA_CROWD_FIELDS)[number][];
}

/**
 * The rows that keep the plan from being created, from the form's errors (`crowds.3.count`, …):
 * every row with a problem, in table order, each with its fields in column order.
 */
export function incompleteRows(errors: Readonly<Record<string, string>>): IncompleteRow[] {
  const byRow = new Map<number, Set<string>>();
  for (const path of Object.keys(errors)) {
    const m = /^crowds\.(\d+)\.(\w+)$/.exec(path);
    if (!m) continue;
    const i = Number(m[1]);
    if (!byRow.has(i)) byRow.set(i, new Set());
    byRow.get(i)!.add(m[2]);
  }
  return [...byRow.entries()]
    .sort((x, y) => x[0] - y[0])
    .map(([row, fields]) => ({ row, fields: GTA_CROWD_FIELDS.filter((k) => fields.has(k)) }));
}

/** Text of a cell read from the sheet, as the user would have typed it. */
function typed(v: unknown): string {
  if (v === null || v === undefined) return "";
  return typeof v === "number" ? String(v) : String(v).trim();
}

/**
 * Crowd rows from selected cells, read exactly as `DTC.GTA` reads its `crowds` argument
 * (header row in English or Chinese, or columns by position; blank rows skipped), via the
 * engine's own reader. A problem is the engine's message (naming row and column) in `lang`.
 */
export function crowdsFromSelection(values: unknown[][], lang: Lang): { ok: true; rows: GtaCrowdForm[] } | { ok: false; error: string } {
  try {
    const rows = gtaRows(values);
    return {
      ok: true,
      rows: rows.map((r) => ({
        stage: r.stage,
        crowd: r.crowd,
        count: typed(r.count),
        conversion: typed(r.conversion),
        aov: typed(r.aov),
        cost: typed(r.cost),
        capacity: typed(r.capacity),
      })),
    };
  } catch (e) {
    if (e instanceof InputError) return { ok: false, error: formatMessage(e.cell, lang) };
    throw e;
  }
}
