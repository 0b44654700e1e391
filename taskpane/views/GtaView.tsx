/**
 * The "GTA" view: plan name, target GMV and the crowd table, edited in the pane or read from
 * the selection; "Create plan" writes the live plan sheet of `planners/gtaSheet.ts`.
 */
import * as React from "react";
import { Button, Field, Select } from "@fluentui/react-components";
import { label, type Lang } from "../i18n";
import {
  addStrategyCrowds,
  crowdsFromSelection,
  emptyCrowd,
  GTA_CROWD_FIELDS,
  validateGta,
  type GtaCrowdForm,
  type GtaForm,
} from "../forms/gta";
import { gtaSheet } from "../planners/gtaSheet";
import type { Workbook } from "../workbook/port";
import { CreateButton, errorText, RowCard, SectionHead, StatusArea, TextField, useStyles, useTouched, useWriter } from "./common";

const STAGES = ["A", "I", "P", "L"] as const;

export interface GtaViewProps {
  workbook: Workbook;
  lang: Lang;
  form: GtaForm;
  onChange(form: GtaForm): void;
}

export function GtaView({ workbook, lang, form, onChange }: GtaViewProps): React.JSX.Element {
  const s = useStyles();
  const L = (k: Parameters<typeof label>[0], p?: Record<string, string | number>) => label(k, lang, p);
  const [isTouched, touch] = useTouched();
  const { busy, status, setStatus, write } = useWriter(workbook, lang);
  const result = React.useMemo(() => validateGta(form, lang), [form, lang]);
  const errors = result.ok ? {} : result.errors;
  /** Show a field's error once the user left it or typed into it. */
  const show = (path: string, value: string) => isTouched(path) || value.trim() !== "";

  const setRow = (i: number, patch: Partial<GtaCrowdForm>) =>
    onChange({ ...form, crowds: form.crowds.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  const removeRow = (i: number) => onChange({ ...form, crowds: form.crowds.filter((_, j) => j !== i) });

  const fromSelection = async () => {
    try {
      const sel = await workbook.readSelection();
      const r = crowdsFromSelection(sel.values, lang);
      if (!r.ok) {
        setStatus({ intent: "error", text: r.error });
        return;
      }
      onChange({ ...form, crowds: r.rows });
      setStatus({ intent: "info", text: L("selectionRead", { rows: r.rows.length, address: sel.address }) });
    } catch (e) {
      setStatus({ intent: "error", text: errorText(e, lang) });
    }
  };

  const create = async () => {
    if (!result.ok) return;
    await write(gtaSheet(result.value, lang).plan);
  };

  const colLabel: Record<(typeof GTA_CROWD_FIELDS)[number], string> = {
    stage: L("col_stage"),
    crowd: L("col_crowd"),
    count: L("col_count"),
    conversion: L("col_conversion"),
    aov: L("col_aov"),
    cost: L("col_cost"),
    capacity: L("col_capacity"),
  };

  return (
    <div className={s.view}>
      <TextField
        label={L("planName")}
        required
        value={form.name}
        onChange={(v) => onChange({ ...form, name: v })}
        error={errors.name}
        show={show("name", form.name)}
        onBlur={() => touch("name")}
      />
      <TextField
        label={L("targetGmv")}
        required
        numeric
        placeholder="100,000,000"
        value={form.target}
        onChange={(v) => onChange({ ...form, target: v })}
        error={errors.target}
        show={show("target", form.target)}
        onBlur={() => touch("target")}
      />

      <section className={s.section} aria-label={L("crowdTable")}>
        <SectionHead title={L("crowdTable")}>
          <span className={s.hint}>{L("rowsCount", { rows: form.crowds.length })}</span>
        </SectionHead>
        <div className={s.actions}>
          <Button size="small" onClick={fromSelection} disabled={busy}>
            {L("useSelection")}
          </Button>
          <Button size="small" onClick={() => onChange({ ...form, crowds: addStrategyCrowds(form.crowds) })}>
            {L("addStrategyCrowds")}
          </Button>
          <Button size="small" onClick={() => onChange({ ...form, crowds: [...form.crowds, emptyCrowd()] })}>
            {L("addRow")}
          </Button>
        </div>
        {errors.crowds && <div className={s.listError} role="alert">{errors.crowds}</div>}
        {form.crowds.map((row, i) => {
          const path = (k: string) => `crowds.${i}.${k}`;
          const field = (k: Exclude<(typeof GTA_CROWD_FIELDS)[number], "stage">, opts: { numeric?: boolean; required?: boolean; hint?: string } = {}) => (
            <TextField
              label={colLabel[k]}
              numeric={opts.numeric}
              required={opts.required}
              hint={opts.hint}
              value={row[k]}
              onChange={(v) => setRow(i, { [k]: v })}
              error={errors[path(k)]}
              show={show(path(k), row[k])}
              onBlur={() => touch(path(k))}
            />
          );
          const stageErr = errors[path("stage")];
          return (
            <RowCard key={i} title={L("rowLabel", { row: i + 1 })} removeLabel={L("removeRow", { row: i + 1 })} onRemove={() => removeRow(i)}>
              <Field label={colLabel.stage} required size="small" className={s.field} validationState={stageErr ? "error" : "none"} validationMessage={stageErr}>
                <Select size="small" value={STAGES.includes(row.stage as never) ? row.stage : ""} onChange={(_, d) => setRow(i, { stage: d.value })}>
                  {!STAGES.includes(row.stage as never) && <option value="">{row.stage || "—"}</option>}
                  {STAGES.map((st) => (
                    <option key={st} value={st}>
                      {st}
                    </option>
                  ))}
                </Select>
              </Field>
              {field("crowd")}
              {field("count", { numeric: true, required: true })}
              {field("conversion", { numeric: true, required: true, hint: "5% / 0.05" })}
              {field("aov", { numeric: true, required: true })}
              {field("cost", { numeric: true, hint: L("optional") })}
              {field("capacity", { numeric: true, hint: L("optional") })}
            </RowCard>
          );
        })}
      </section>

      <CreateButton lang={lang} disabled={!result.ok || busy} onClick={create} />
      {!result.ok && <span className={s.hint}>{L("requiredHint")}</span>}
      <StatusArea busy={busy} status={status} lang={lang} />
    </div>
  );
}
