/**
 * The GTA form: what the user types in the pane's GTA view, its zod schema, and the helpers
 * behind "Use selection" and "Add the 8 strategy crowds".
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
import type { Lang } from "../i18n";
import type { GtaSheetInput } from "../planners/gtaSheet";
import { numberInto, rowCount, stageField, textInto, validate, type Validated } from "./fields";

/** The eight strategy crowds (八大策略人群). */
export const STRATEGY_CROWDS = ["新锐白领", "资深中产", "精致妈妈", "小镇青年", "Gen Z", "都市银发", "小镇中老年", "都市蓝领"] as const;

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
  const keep = rows.length === 1 && Object.entries(rows[0]).every(([k, v]) => k === "stage" || v === "") ? [] : [...rows];
  return [...keep, ...STRATEGY_CROWDS.filter((c) => !have.has(c.toLowerCase())).map((c) => emptyCrowd("I", c))];
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
