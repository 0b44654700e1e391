/**
 * Between the pane's forms (`taskpane/forms/*`) and plan files (`src/plan/schema.ts`).
 *
 * - form → plan: the form is validated with its own zod schema (`validateGta` / `validateHot`),
 *   and the planner input it yields becomes the plan's `inputs`, validated again by the plan
 *   schema. A blank optional cell (cost, capacity, cost ratio) is an omitted key.
 * - plan → form: every number becomes the text `String(x)`, which parses back to the same
 *   double, so plan → form → plan gives identical inputs.
 *
 * The plan's name is the GTA form's plan name, or the Hot product form's product name.
 */
import { displayName } from "../../src/plan/store";
import { parsePlanValue, type GtaPlan, type HotplanPlan, type Plan, type PlanError } from "../../src/plan/schema";
import { emptyCrowd, validateGta, type GtaForm } from "../forms/gta";
import { validateHot, type HotForm } from "../forms/hot";
import type { FieldErrors } from "../forms/fields";
import type { Lang } from "../i18n";

/** A form filled from a plan, for the view of the plan's kind. */
export type LoadedForm = { kind: "gta"; form: GtaForm } | { kind: "hotplan"; form: HotForm };

export type FormPlanResult =
  | { ok: true; plan: Plan }
  /** The form has field errors (keyed by form path), or the plan schema refused it. */
  | { ok: false; errors?: FieldErrors; error?: PlanError };

const num = (x: number | undefined): string => (x === undefined ? "" : String(x));

/**
 * The name fields of the plan saved from a form: the form's name is the plan's one name (a
 * plan has one name, in every language). When the form still shows a name the plan it was
 * loaded from offers (`base`: a template's name in either language, or a saved plan's name),
 * that plan's season and notes are kept; a new name starts a new plan with only that name.
 * A template's Chinese default name (`name_zh`) is never written into a saved plan.
 */
function names(formName: string, base: Plan | undefined): Record<string, string> {
  const name = formName.trim();
  const offered = base ? [base.name, base.name_zh].filter((n): n is string => n !== undefined).map((n) => n.trim()) : [];
  if (base && offered.includes(name)) {
    const keep: Record<string, string> = { name };
    for (const k of ["season", "description", "description_zh"] as const) {
      const v = base[k];
      if (v !== undefined) keep[k] = v;
    }
    return keep;
  }
  return { name };
}

function finish(value: Record<string, unknown>): FormPlanResult {
  const r = parsePlanValue(value);
  return r.ok ? { ok: true, plan: r.plan } : { ok: false, error: r.error };
}

/** The GTA form as a plan (see {@link names} for `base`). */
export function gtaFormToPlan(form: GtaForm, lang: Lang, base?: Plan): FormPlanResult {
  const v = validateGta(form, lang);
  if (!v.ok) return { ok: false, errors: v.errors };
  const crowds = v.value.crowds.map((c) => {
    const row: Record<string, unknown> = { stage: c.stage, crowd: c.crowd, count: c.count, conversion: c.conversion, aov: c.aov };
    if (c.cost !== undefined) row.cost = c.cost;
    if (c.capacity !== undefined) row.capacity = c.capacity;
    return row;
  });
  return finish({
    schema: "dtc-plan",
    version: 1,
    kind: "gta",
    ...names(form.name, base?.kind === "gta" ? base : undefined),
    inputs: { target_gmv: v.value.target_gmv, crowds },
  });
}

/** The Hot product form as a plan; a blank cost ratio is omitted. */
export function hotFormToPlan(form: HotForm, lang: Lang, base?: Plan): FormPlanResult {
  const v = validateHot(form, lang);
  if (!v.ok) return { ok: false, errors: v.errors };
  const inputs: Record<string, unknown> = {
    target_gmv: v.value.target_gmv,
    price: v.value.price,
    phases: v.value.phases,
    crowds: v.value.crowds,
    funnel: v.value.funnel,
    units_per_buyer: v.value.units_per_buyer,
  };
  if (form.costRatio.trim() !== "") inputs.cost_ratio = v.value.cost_ratio;
  return finish({
    schema: "dtc-plan",
    version: 1,
    kind: "hotplan",
    ...names(form.product, base?.kind === "hotplan" ? base : undefined),
    inputs,
  });
}

export function planToGtaForm(plan: GtaPlan, lang: Lang): GtaForm {
  const crowds = plan.inputs.crowds.map((c) => ({
    ...emptyCrowd(c.stage, c.crowd),
    count: num(c.count),
    conversion: num(c.conversion),
    aov: num(c.aov),
    cost: num(c.cost),
    capacity: num(c.capacity),
  }));
  return { name: displayName(plan, lang), target: num(plan.inputs.target_gmv), crowds };
}

/** A funnel of one entry is shared by every crowd; else one entry per crowd. */
export function planToHotForm(plan: HotplanPlan, lang: Lang): HotForm {
  const inp = plan.inputs;
  const shared = inp.funnel.length === 1;
  return {
    product: displayName(plan, lang),
    target: num(inp.target_gmv),
    price: num(inp.price),
    // A plan without units per buyer means one unit (DTC.HOTPLAN's default).
    unitsPerBuyer: inp.units_per_buyer === undefined ? "1" : num(inp.units_per_buyer),
    costRatio: num(inp.cost_ratio),
    phases: inp.phases.map((p) => ({ name: p.name, weight: num(p.weight) })),
    crowds: inp.crowds.map((c, i) => ({
      name: c.name,
      share: num(c.share),
      iToP: shared ? "" : num(inp.funnel[i].i_to_p),
      aToI: shared ? "" : num(inp.funnel[i].a_to_i),
    })),
    funnelMode: shared ? "shared" : "perCrowd",
    iToP: shared ? num(inp.funnel[0].i_to_p) : "",
    aToI: shared ? num(inp.funnel[0].a_to_i) : "",
  };
}

/** The form a plan fills, for its kind. */
export function planToForm(plan: Plan, lang: Lang): LoadedForm {
  return plan.kind === "gta" ? { kind: "gta", form: planToGtaForm(plan, lang) } : { kind: "hotplan", form: planToHotForm(plan, lang) };
}
