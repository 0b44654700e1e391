/**
 * The "Hot product" view: product, target, price, units per buyer, cost ratio, phases with
 * weights, strategy crowds with shares, the funnel (shared or per crowd); "Create plan" writes
 * the plan sheet; "Health check" takes actuals per phase, writes the indices sheet and reads the
 * weakest signal of each phase in one line (a warning below plan, information otherwise).
 *
 * The health check measures against the plan in the form or against a hot-product plan saved in
 * the workbook (picked in a list read from the plan library, `openLibrary`), so it runs after a
 * reload without typing the plan again. Mid-campaign, the phases whose actuals are left blank are
 * skipped (not checked with zeros); at least one phase must have actuals.
 */
import * as React from "react";
import { Button, Divider, Field, MessageBar, MessageBarBody, Radio, RadioGroup, Select } from "@fluentui/react-components";
import { label, type Lang } from "../i18n";
import {
  addHotStrategyCrowds,
  emptyActual,
  emptyHotCrowd,
  savedHotInput,
  validateHealth,
  validateHot,
  type ActualForm,
  type HealthForm,
  type HotCrowdForm,
  type HotForm,
  type PhaseForm,
} from "../forms/hot";
import { healthFindings, healthSheet, hotSheet, type HotSheetInput } from "../planners/hotSheet";
import { openLibrary } from "../plans/actions";
import type { HotplanPlan } from "../../src/plan/schema";
import type { Workbook } from "../workbook/port";
import { CreateButton, RowCard, SectionHead, StatusArea, TextField, useStyles, useTouched, useWriter } from "./common";

export interface HotViewProps {
  workbook: Workbook;
  lang: Lang;
  form: HotForm;
  onChange(form: HotForm): void;
  health: HealthForm;
  onHealthChange(form: HealthForm): void;
}

const ACTUAL_FIELDS: (keyof ActualForm)[] = ["reached", "inTarget", "spend", "gmv", "buyers"];
const ACTUAL_LABEL = {
  reached: "actual_reached",
  inTarget: "actual_reached_in_target_crowds",
  spend: "actual_spend",
  gmv: "actual_gmv",
  buyers: "actual_buyers",
} as const;

export function HotView({ workbook, lang, form, onChange, health, onHealthChange }: HotViewProps): React.JSX.Element {
  const s = useStyles();
  const L = (k: Parameters<typeof label>[0], p?: Record<string, string | number>) => label(k, lang, p);
  const [isTouched, touch] = useTouched();
  const planWriter = useWriter(workbook, lang);
  const healthWriter = useWriter(workbook, lang);
  const busy = planWriter.busy || healthWriter.busy;

  const result = React.useMemo(() => validateHot(form, lang), [form, lang]);
  const errors = result.ok ? {} : result.errors;
  const show = (path: string, value: string) => isTouched(path) || value.trim() !== "";

  // The hot-product plans saved in the workbook, for the health check's "check against" list.
  const [saved, setSaved] = React.useState<HotplanPlan[]>([]);
  const refreshSaved = React.useCallback(async () => {
    const state = await openLibrary(workbook);
    if (state.status === "ok") setSaved(state.library.plans.filter((p): p is HotplanPlan => p.kind === "hotplan"));
  }, [workbook]);
  React.useEffect(() => {
    void refreshSaved();
  }, [refreshSaved]);
  const source = health.source ?? "";
  const savedPlan = source ? saved.find((p) => p.name === source) : undefined;
  const checked: HotSheetInput | undefined = savedPlan ? savedHotInput(savedPlan) : result.ok ? result.value : undefined;
  const healthPhases = checked ? checked.phases.map((p) => p.name) : form.phases.map((p) => p.name);

  // The health form follows the phases of the plan checked: one actuals entry per phase.
  const actuals = healthPhases.map((_, i) => health.actuals[i] ?? emptyActual());
  const healthForm: HealthForm = { ...health, actuals };
  const healthResult = checked ? validateHealth(healthForm, checked, lang) : undefined;
  const healthErrors = healthResult && !healthResult.ok ? healthResult.errors : {};
  const findings = healthResult?.ok ? healthFindings(healthResult.value, lang) : [];

  const setPhase = (i: number, patch: Partial<PhaseForm>) =>
    onChange({ ...form, phases: form.phases.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  const setCrowd = (i: number, patch: Partial<HotCrowdForm>) =>
    onChange({ ...form, crowds: form.crowds.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  const setActual = (i: number, patch: Partial<ActualForm>) =>
    onHealthChange({ ...healthForm, actuals: actuals.map((a, j) => (j === i ? { ...a, ...patch } : a)) });

  const text = (
    path: string,
    labelText: string,
    value: string,
    set: (v: string) => void,
    opts: { numeric?: boolean; required?: boolean; hint?: string; errs?: Record<string, string>; className?: string } = {},
  ) => (
    <TextField
      key={path}
      label={labelText}
      value={value}
      numeric={opts.numeric}
      required={opts.required}
      hint={opts.hint}
      className={opts.className}
      onChange={set}
      error={(opts.errs ?? errors)[path]}
      show={show(path, value)}
      onBlur={() => touch(path)}
    />
  );

  const createPlan = async () => {
    if (result.ok) await planWriter.write(hotSheet(result.value, lang).plan);
  };
  const createHealth = async () => {
    if (checked && healthResult?.ok) {
      await healthWriter.write(healthSheet({ product: checked.product, phases: healthResult.value }, lang).plan);
    }
  };

  return (
    <div className={s.view}>
      {text("product", L("productName"), form.product, (v) => onChange({ ...form, product: v }), { required: true })}
      {text("target", L("targetGmv"), form.target, (v) => onChange({ ...form, target: v }), { numeric: true, required: true })}
      <div className={s.row}>
        {text("price", L("price"), form.price, (v) => onChange({ ...form, price: v }), { numeric: true, required: true })}
        {text("unitsPerBuyer", L("unitsPerBuyer"), form.unitsPerBuyer, (v) => onChange({ ...form, unitsPerBuyer: v }), {
          numeric: true,
          required: true,
        })}
        {text("costRatio", L("costRatio"), form.costRatio, (v) => onChange({ ...form, costRatio: v }), {
          numeric: true,
          hint: "10% / 0.1",
          className: s.wide,
        })}
      </div>

      <section className={s.section} aria-label={L("phases")}>
        <SectionHead title={L("phases")}>
          <Button size="small" onClick={() => onChange({ ...form, phases: [...form.phases, { name: "", weight: "" }] })}>
            {L("addPhase")}
          </Button>
        </SectionHead>
        {errors.phases && <div className={s.listError} role="alert">{errors.phases}</div>}
        {form.phases.map((p, i) => (
          <RowCard
            key={i}
            title={`${L("phaseName")} ${i + 1}`}
            removeLabel={L("removePhase", { row: i + 1 })}
            onRemove={() => onChange({ ...form, phases: form.phases.filter((_, j) => j !== i) })}
          >
            {text(`phases.${i}.name`, L("phaseName"), p.name, (v) => setPhase(i, { name: v }), { required: true })}
            {text(`phases.${i}.weight`, L("weight"), p.weight, (v) => setPhase(i, { weight: v }), { numeric: true, required: true })}
          </RowCard>
        ))}
      </section>

      <section className={s.section} aria-label={L("crowds")}>
        <SectionHead title={L("crowds")} />
        <div className={s.actions}>
          <Button size="small" onClick={() => onChange({ ...form, crowds: addHotStrategyCrowds(form.crowds, lang) })}>
            {L("addStrategyCrowds")}
          </Button>
          <Button size="small" onClick={() => onChange({ ...form, crowds: [...form.crowds, emptyHotCrowd()] })}>
            {L("addRow")}
          </Button>
        </div>
        {errors.crowds && <div className={s.listError} role="alert">{errors.crowds}</div>}
        {form.crowds.map((c, i) => (
          <RowCard
            key={i}
            title={L("rowLabel", { row: i + 1 })}
            removeLabel={L("removeRow", { row: i + 1 })}
            onRemove={() => onChange({ ...form, crowds: form.crowds.filter((_, j) => j !== i) })}
          >
            {text(`crowds.${i}.name`, L("crowdName"), c.name, (v) => setCrowd(i, { name: v }), { required: true })}
            {text(`crowds.${i}.share`, L("share"), c.share, (v) => setCrowd(i, { share: v }), { numeric: true, required: true })}
            {form.funnelMode === "perCrowd" && (
              <>
                {text(`crowds.${i}.iToP`, L("iToP"), c.iToP, (v) => setCrowd(i, { iToP: v }), { numeric: true, required: true })}
                {text(`crowds.${i}.aToI`, L("aToI"), c.aToI, (v) => setCrowd(i, { aToI: v }), { numeric: true, required: true })}
              </>
            )}
          </RowCard>
        ))}
      </section>

      <section className={s.section} aria-label={L("funnel")}>
        <SectionHead title={L("funnel")} />
        <Field label={L("funnel")} size="small">
          <RadioGroup
            value={form.funnelMode}
            onChange={(_, d) => onChange({ ...form, funnelMode: d.value as HotForm["funnelMode"] })}
          >
            <Radio value="shared" label={L("funnelShared")} />
            <Radio value="perCrowd" label={L("funnelPerCrowd")} />
          </RadioGroup>
        </Field>
        {form.funnelMode === "shared" && (
          <div className={s.row}>
            {text("iToP", L("iToP"), form.iToP, (v) => onChange({ ...form, iToP: v }), { numeric: true, required: true, hint: "20% / 0.2" })}
            {text("aToI", L("aToI"), form.aToI, (v) => onChange({ ...form, aToI: v }), { numeric: true, required: true })}
          </div>
        )}
      </section>

      <CreateButton lang={lang} disabled={!result.ok || busy} onClick={createPlan} />
      {!result.ok && <span className={s.hint}>{L("requiredHint")}</span>}
      <StatusArea busy={planWriter.busy} status={planWriter.status} lang={lang} />

      <Divider />
      <section className={s.section} aria-label={L("healthCheck")}>
        <SectionHead title={L("healthCheck")} />
        <span className={s.hint}>{L("healthIntro")}</span>
        <Field label={L("healthSource")} hint={L("healthSourceHint")} size="small">
          <Select
            size="small"
            value={savedPlan ? source : ""}
            onFocus={() => void refreshSaved()}
            onChange={(_, d) => onHealthChange({ ...healthForm, source: d.value })}
          >
            <option value="">{L("healthSourceForm")}</option>
            {saved.map((p) => (
              <option key={p.name} value={p.name}>
                {L("healthSourceSaved", { name: p.name })}
              </option>
            ))}
          </Select>
        </Field>
        {!checked && <span className={s.hint}>{L("healthSourceInvalid")}</span>}
        <span className={s.hint}>{L("healthPhasesHint")}</span>
        {text("precision", L("plannedPrecision"), health.precision, (v) => onHealthChange({ ...healthForm, precision: v }), {
          numeric: true,
          required: true,
          hint: "75% / 0.75",
          errs: healthErrors,
        })}
        {healthPhases.map((name, i) => (
          <RowCard key={i} title={name || `${L("phaseName")} ${i + 1}`}>
            {ACTUAL_FIELDS.map((k) =>
              text(`actuals.${i}.${k}`, L(ACTUAL_LABEL[k]), actuals[i][k], (v) => setActual(i, { [k]: v }), {
                numeric: true,
                errs: healthErrors,
              }),
            )}
          </RowCard>
        ))}
        {healthErrors.actuals && <span className={s.hint}>{healthErrors.actuals}</span>}
        {findings.length > 0 && (
          <section className={s.section} aria-label={L("healthFindings")}>
            {findings.map((x) => (
              <MessageBar key={x.phase} intent={x.intent} role="status" data-intent={x.intent}>
                <MessageBarBody>{x.text}</MessageBarBody>
              </MessageBar>
            ))}
          </section>
        )}
        <CreateButton lang={lang} disabled={!healthResult?.ok || busy} onClick={createHealth} text={L("runHealthCheck")} />
        <StatusArea busy={healthWriter.busy} status={healthWriter.status} lang={lang} />
      </section>
    </div>
  );
}
