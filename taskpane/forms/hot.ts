/**
 * The Hot product form and the health-check form: what the user types, their zod schemas, and
 * the transforms to the planners' inputs (`taskpane/planners/hotSheet.ts`).
 *
 * The hot-product fields are the typed text piped into the plan schema's own fields
 * (`HotplanInputsSchema`, `HotPhaseSchema`, `HotCrowdSchema`, `HotFunnelSchema` of
 * `src/plan/schema.ts`), which own the bounds; the form adds only what a pane asks for beyond a
 * plan file (names required and distinct, units per buyer filled in). A target of 0 is accepted,
 * as `DTC.HOTPLAN` and plan files accept it.
 */
import * as z from "zod";
import { HotCrowdSchema, HotFunnelSchema, HotPhaseSchema, HotplanInputsSchema, HotplanPlanSchema, LIMITS, type HotplanPlan } from "../../src/plan/schema";
import { healthTargets, type HotActual } from "../../src/plan/hothealth";
import { label, type Lang } from "../i18n";
import type { HealthPhase, HotSheetInput } from "../planners/hotSheet";
import { STRATEGY_CROWD_NAMES } from "./gta";
import {
  addIssue,
  numberField,
  numberInto,
  rowCount,
  sumZero,
  textInto,
  uniqueNames,
  validate,
  type Validated,
} from "./fields";

export interface PhaseForm {
  name: string;
  weight: string;
}

export interface HotCrowdForm {
  name: string;
  share: string;
  iToP: string;
  aToI: string;
}

export interface HotForm {
  product: string;
  target: string;
  price: string;
  unitsPerBuyer: string;
  costRatio: string;
  phases: PhaseForm[];
  crowds: HotCrowdForm[];
  /** One funnel for every crowd (`iToP`, `aToI` below) or one per crowd (in `crowds`). */
  funnelMode: "shared" | "perCrowd";
  iToP: string;
  aToI: string;
}

/**
 * The default phases, named in the pane's language: launch, growth, promotion peak (启动期,
 * 发展期, 大促期), weights 1, 1, 2 (the peak sells most). The names are the user's to change.
 */
export function defaultPhases(lang: Lang): PhaseForm[] {
  return [
    { name: label("phaseLaunch", lang), weight: "1" },
    { name: label("phaseGrowth", lang), weight: "1" },
    { name: label("phasePeak", lang), weight: "2" },
  ];
}

export function emptyHotCrowd(name = ""): HotCrowdForm {
  return { name, share: "", iToP: "", aToI: "" };
}

/** The empty hot-product form; its default phases are named in `lang` (Chinese unless given). */
export function emptyHotForm(lang: Lang = "zh"): HotForm {
  return {
    product: "",
    target: "",
    price: "",
    unitsPerBuyer: "1",
    costRatio: "",
    phases: defaultPhases(lang),
    crowds: [emptyHotCrowd()],
    funnelMode: "shared",
    iToP: "",
    aToI: "",
  };
}

/**
 * Add the eight strategy crowds (share 1 each, so equal until edited), named in the pane's
 * language (`STRATEGY_CROWD_NAMES`: DTC.HOTPLAN takes any crowd name, so either language plans
 * alike). A crowd already present under its name in EITHER language is skipped, so a plan saved
 * with the Chinese names gets no English duplicates.
 */
export function addHotStrategyCrowds(rows: readonly HotCrowdForm[], lang: Lang = "zh"): HotCrowdForm[] {
  const have = new Set(rows.map((r) => r.name.trim().toLowerCase()));
  const keep = rows.length === 1 && Object.values(rows[0]).every((v) => v === "") ? [] : [...rows];
  const present = (i: number) => have.has(STRATEGY_CROWD_NAMES.zh[i].toLowerCase()) || have.has(STRATEGY_CROWD_NAMES.en[i].toLowerCase());
  const add = STRATEGY_CROWD_NAMES[lang].flatMap((name, i) => (present(i) ? [] : [{ ...emptyHotCrowd(name), share: "1" }]));
  return [...keep, ...add];
}

/** The zod schema of the Hot product form, with messages in `lang`. */
export function hotFormSchema(lang: Lang) {
  const inputs = HotplanInputsSchema.shape;
  const iToP = numberInto(HotFunnelSchema.shape.i_to_p, lang);
  const aToI = numberInto(HotFunnelSchema.shape.a_to_i, lang);
  const anyText = z.string();
  const phase = z.object({ name: textInto(HotPhaseSchema.shape.name, true), weight: numberInto(HotPhaseSchema.shape.weight, lang) });
  return z
    .object({
      product: textInto(HotplanPlanSchema.shape.name, true),
      target: numberInto(inputs.target_gmv, lang),
      price: numberInto(inputs.price, lang),
      // Optional in a plan file (default 1); the form starts at "1" and asks for a value.
      unitsPerBuyer: numberInto(inputs.units_per_buyer.unwrap(), lang),
      costRatio: numberInto(inputs.cost_ratio, lang),
      phases: z.array(phase),
      funnelMode: z.enum(["shared", "perCrowd"]),
      // The funnel fields are checked below, only where the mode uses them.
      iToP: anyText,
      aToI: anyText,
      crowds: z.array(
        z.object({
          name: textInto(HotCrowdSchema.shape.name, true),
          share: numberInto(HotCrowdSchema.shape.share, lang),
          iToP: anyText,
          aToI: anyText,
        }),
      ),
    })
    .superRefine((f, ctx) => {
      rowCount(ctx, f.phases.length, LIMITS.phases, "phases");
      rowCount(ctx, f.crowds.length, LIMITS.crowds, "crowds");
      uniqueNames(ctx, f.phases.map((p) => p.name), "phases", "name");
      uniqueNames(ctx, f.crowds.map((c) => c.name), "crowds", "name");
      if (f.phases.length && f.phases.every((p) => p.weight === 0)) sumZero(ctx, "phases", "what_weights", lang);
      if (f.crowds.length && f.crowds.every((c) => c.share === 0)) sumZero(ctx, "crowds", "what_shares", lang);
      const check = (rate: typeof iToP, s: string, path: (string | number)[]) => {
        const r = rate.safeParse(s);
        if (!r.success) {
          const iss = r.error.issues[0];
          addIssue(ctx, iss.message as Parameters<typeof addIssue>[1], ((iss as { params?: Record<string, string> }).params ?? {}), path);
        }
      };
      if (f.funnelMode === "shared") {
        check(iToP, f.iToP, ["iToP"]);
        check(aToI, f.aToI, ["aToI"]);
      } else {
        f.crowds.forEach((c, i) => {
          check(iToP, c.iToP, ["crowds", i, "iToP"]);
          check(aToI, c.aToI, ["crowds", i, "aToI"]);
        });
      }
    })
    .transform(
      (f): HotSheetInput => ({
        product: f.product,
        target_gmv: f.target,
        price: f.price,
        units_per_buyer: f.unitsPerBuyer,
        cost_ratio: f.costRatio ?? 0,
        phases: f.phases.map((p) => ({ name: p.name, weight: p.weight })),
        crowds: f.crowds.map((c) => ({ name: c.name, share: c.share })),
        funnel:
          f.funnelMode === "shared"
            ? [{ i_to_p: iToP.parse(f.iToP), a_to_i: aToI.parse(f.aToI) }]
            : f.crowds.map((c) => ({ i_to_p: iToP.parse(c.iToP), a_to_i: aToI.parse(c.aToI) })),
      }),
    );
}

export function validateHot(form: HotForm, lang: Lang): Validated<HotSheetInput> {
  return validate(hotFormSchema(lang), form, lang);
}

// ---------------------------------------------------------------------------------------------
// Health check

/** Actuals of one phase, as typed. */
export interface ActualForm {
  reached: string;
  inTarget: string;
  spend: string;
  gmv: string;
  buyers: string;
}

export interface HealthForm {
  /** Planned share of reached consumers in the target crowds. */
  precision: string;
  /** One entry per phase of the plan checked, in order; an entry left blank is a phase not run yet. */
  actuals: ActualForm[];
  /** The plan checked: the hot-product form (absent, "") or the name of a plan saved in the workbook. */
  source?: string;
}

export function emptyActual(): ActualForm {
  return { reached: "", inTarget: "", spend: "", gmv: "", buyers: "" };
}

/** True when nothing is typed in a phase's actuals: the phase is skipped, not checked with zeros. */
export function isBlankActual(a: ActualForm | undefined): boolean {
  return !a || Object.values(a).every((v) => v.trim() === "");
}

/**
 * The health-check schema; the plan targets come from the (valid) hot-product inputs. Mid-campaign
 * a phase's actuals are left blank: that phase is skipped (no `actual`), not checked with zeros;
 * a phase typed into needs all five values; at least one phase must have actuals.
 */
export function healthFormSchema(plan: HotSheetInput, lang: Lang) {
  const persons = numberField({ min: 0, max: LIMITS.persons }, lang);
  const money = numberField({ min: 0, max: LIMITS.gmv }, lang);
  const actual = z
    .object({ reached: persons, inTarget: persons, spend: money, gmv: money, buyers: persons })
    .superRefine((a, ctx) => {
      if (a.inTarget > a.reached) {
        addIssue(ctx, "v_exceedsReached", { max: a.reached.toLocaleString(lang === "zh" ? "zh-CN" : "en-US") }, ["inTarget"]);
      }
    });
  const actualOrBlank = z.preprocess((a) => (isBlankActual(a as ActualForm) ? undefined : a), actual.optional());
  return z
    .object({ precision: numberField({ rate: "open" }, lang), actuals: z.array(actualOrBlank).length(plan.phases.length) })
    .superRefine((f, ctx) => {
      if (f.actuals.every((a) => a === undefined)) addIssue(ctx, "healthNoActuals", {}, ["actuals"]);
    })
    .transform((f): HealthPhase[] => {
      const targets = healthTargets(plan, f.precision);
      return targets.map((t, i) => {
        const a = f.actuals[i];
        if (!a) return { phase: t.phase, plan: t.plan };
        const actualRow: HotActual = { reached: a.reached, reached_in_target_crowds: a.inTarget, spend: a.spend, gmv: a.gmv, buyers: a.buyers };
        return { phase: t.phase, plan: t.plan, actual: actualRow };
      });
    });
}

export function validateHealth(form: HealthForm, plan: HotSheetInput, lang: Lang): Validated<HealthPhase[]> {
  const actuals = plan.phases.map((_, i) => form.actuals[i] ?? emptyActual());
  return validate(healthFormSchema(plan, lang), { precision: form.precision, actuals }, lang);
}

/** A saved hot-product plan as the planner's input (the health check's "saved plan" source). */
export function savedHotInput(plan: HotplanPlan): HotSheetInput {
  return { product: plan.name, ...plan.inputs };
}
