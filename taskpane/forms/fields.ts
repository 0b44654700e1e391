/**
 * Field schemas shared by the pane's forms (zod), and the rendering of their errors in the
 * user's language.
 *
 * A form holds what the user typed (strings). Each schema validates that text and transforms it
 * to the typed value the planners take. Numbers follow the add-in's one parser
 * (`parseNumber`: plain decimals, exponent form, percentages `"5%"`) after removing thousands
 * separators and a currency sign, so `"¥100,000,000"` and `"5%"` work as typed.
 * Issues carry a message KEY of `taskpane/i18n.ts` and its params; {@link validate} renders them
 * and keys them by field path (`crowds.2.count`), which is where the view shows them.
 */
import * as z from "zod";
import { parseNumber, stageCode, STAGE_LETTERS } from "../../src/excel/coerce";
import { label, formatNumber, strings, type LabelKey, type Lang } from "../i18n";

/** A rendered error per field path (`name`, `crowds.2.count`, `phases` for the whole list). */
export type FieldErrors = Record<string, string>;

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

type Params = Record<string, string | number>;

function issue(ctx: z.RefinementCtx, key: LabelKey, params: Params = {}, path?: (string | number)[]): void {
  ctx.addIssue({ code: "custom", message: key, params, ...(path ? { path } : {}) });
}

/** The number a user typed, or `undefined` when it is not one (`null` when blank). */
export function parseTyped(s: string): number | null | undefined {
  const t = s.replace(/[,，_\s]/g, "").replace(/^[¥￥$]/, "");
  if (t === "") return null;
  return parseNumber(t);
}

export interface NumberRule {
  /** Inclusive lower bound (default 0). */
  min?: number;
  /** Exclusive lower bound instead of `min`. */
  gt?: number;
  max?: number;
  /** A rate: [0, 1] (`open`: (0, 1]). */
  rate?: "closed" | "open";
}

function checkNumber(x: number, rule: NumberRule, ctx: z.RefinementCtx, lang: Lang): void {
  if (rule.rate === "closed" && (x < 0 || x > 1)) return issue(ctx, "v_rate");
  if (rule.rate === "open" && (x <= 0 || x > 1)) return issue(ctx, "v_rateOpen");
  if (rule.gt !== undefined && !(x > rule.gt)) return issue(ctx, "v_gt", { min: formatNumber(rule.gt, lang) });
  const min = rule.gt === undefined ? (rule.min ?? 0) : undefined;
  if (min !== undefined && x < min) return issue(ctx, "v_min", { min: formatNumber(min, lang) });
  if (rule.max !== undefined && x > rule.max) return issue(ctx, "v_max", { max: formatNumber(rule.max, lang) });
}

/**
 * A required number checked against `rule`: for fields no plan schema holds (the health check's
 * actuals); the planners' fields use {@link numberInto}.
 */
export function numberField(rule: NumberRule, lang: Lang) {
  return z
    .string()
    .superRefine((s, ctx) => {
      const x = parseTyped(s);
      if (x === null) return issue(ctx, "v_required");
      if (x === undefined) return issue(ctx, "v_notNumber", { value: s.trim() });
      checkNumber(x, rule, ctx, lang);
    })
    .transform((s) => parseTyped(s) as number);
}

/** A number field of the plan schema (`src/plan/schema.ts`), required or optional. */
export type PlanNumber = z.ZodNumber | z.ZodOptional<z.ZodNumber>;

/** What a number issue of a plan-schema field reads as in the form. */
function numberIssue(field: PlanNumber, iss: z.core.$ZodIssue, lang: Lang): [LabelKey, Params] {
  const n = field instanceof z.ZodOptional ? field.unwrap() : field;
  // A rate is a field bounded by 0 and 1: one message for both ends, open when 0 is refused.
  const rate = n.minValue === 0 && n.maxValue === 1;
  if (rate && (iss.code === "too_small" || iss.code === "too_big")) return [n.safeParse(0).success ? "v_rate" : "v_rateOpen", {}];
  if (iss.code === "too_small") return [iss.inclusive ? "v_min" : "v_gt", { min: formatNumber(Number(iss.minimum), lang) }];
  if (iss.code === "too_big") return ["v_max", { max: formatNumber(Number(iss.maximum), lang) }];
  return ["v_required", {}];
}

/**
 * A number typed as text, piped into a field of the plan schema (`GtaCrowdSchema.shape.count`,
 * …): that field owns the bounds and whether a blank is allowed (blank is `undefined`, which an
 * optional field accepts and a required one refuses with "Enter a value"), so what the pane
 * accepts is exactly what a plan file accepts. The text is parsed as {@link parseTyped} reads it;
 * the field's issues are rendered in the form's words (at least, greater than, at most, a rate).
 */
export function numberInto<T extends PlanNumber>(field: T, lang: Lang) {
  // Checked in a refinement (its issues do not stop the form's own checks of the other fields),
  // then converted by the field itself.
  const parse = (s: string) => {
    const x = parseTyped(s);
    return x === undefined ? undefined : field.safeParse(x ?? undefined);
  };
  return z
    .string()
    .superRefine((s, ctx) => {
      const r = parse(s);
      if (r === undefined) return issue(ctx, "v_notNumber", { value: s.trim() });
      if (!r.success) issue(ctx, ...numberIssue(field, r.error.issues[0], lang));
    })
    .transform((s) => {
      const r = parse(s);
      return (r?.success ? r.data : undefined) as z.output<T>;
    });
}

/**
 * Text, trimmed, piped into a text field of the plan schema (which owns its length);
 * `required` refuses blank (the pane asks for names that a plan file may leave blank).
 */
export function textInto(field: z.ZodString, required: boolean) {
  return z
    .string()
    .superRefine((s, ctx) => {
      const t = s.trim();
      if (required && t === "") return issue(ctx, "v_textRequired");
      const r = field.safeParse(t);
      if (r.success) return;
      const iss = r.error.issues[0];
      if (iss.code === "too_big") issue(ctx, "v_textLong", { max: Number(iss.maximum) });
      else issue(ctx, "v_textRequired");
    })
    .transform((s) => s.trim());
}

/** An AIPL stage: A, I, P, L (or Awareness…, 认知…), normalised to its letter. */
export function stageField() {
  return z
    .string()
    .superRefine((s, ctx) => {
      if (s.trim() === "") return issue(ctx, "v_required");
      if (stageCode(s) <= 0) issue(ctx, "v_stage", { value: s.trim() });
    })
    .transform((s) => STAGE_LETTERS[stageCode(s) - 1]);
}

/** Refuse a list with fewer than one or more than `max` rows (issue on the list itself). */
export function rowCount(ctx: z.RefinementCtx, n: number, max: number, path: string): void {
  if (n < 1) issue(ctx, "v_rows", {}, [path]);
  else if (n > max) issue(ctx, "v_tooManyRows", { max }, [path]);
}

/** Refuse names used twice (compared trimmed, case-insensitively); the second one is marked. */
export function uniqueNames(ctx: z.RefinementCtx, names: readonly string[], path: string, field: string): void {
  const seen = new Set<string>();
  names.forEach((name, i) => {
    const k = name.trim().toLowerCase();
    if (k === "") return;
    if (seen.has(k)) issue(ctx, "v_duplicate", { value: name.trim() }, [path, i, field]);
    seen.add(k);
  });
}

/** Add a "sum is zero" issue on a list. */
export function sumZero(ctx: z.RefinementCtx, path: string, what: LabelKey, lang: Lang): void {
  issue(ctx, "v_sumZero", { what: label(what, lang) }, [path]);
}

export function addIssue(ctx: z.RefinementCtx, key: LabelKey, params: Params, path: (string | number)[]): void {
  issue(ctx, key, params, path);
}

/**
 * Run a form schema; on failure render every issue (first one per field) in `lang`.
 * Built-in zod issues never reach the user untranslated: anything unexpected reads "Enter a value".
 */
export function validate<T>(schema: z.ZodType<T>, form: unknown, lang: Lang): Validated<T> {
  const r = schema.safeParse(form);
  if (r.success) return { ok: true, value: r.data };
  const errors: FieldErrors = {};
  for (const iss of r.error.issues) {
    const path = iss.path.map(String).join(".");
    if (path in errors) continue;
    const key = (iss.code === "custom" ? iss.message : "v_required") as LabelKey;
    const params = ((iss as { params?: Params }).params ?? {}) as Params;
    errors[path] = label(key in strings ? key : "v_required", lang, params);
  }
  return { ok: false, errors };
}
