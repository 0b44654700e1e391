/**
 * The "GTA" view: plan name, target GMV and the crowd table, edited in the pane or read from the
 * selection; "Create plan" writes the live plan sheet of `planners/gtaSheet.ts` with its what-if
 * block.
 *
 * The crowd table is a compact editor made for real plans (8 strategy crowds × 4 stages = 32
 * rows): one line per row (stage, crowd, count, conversion, aov, cost, capacity), moved through
 * like a sheet (Enter/↓ next row, PgDn/PgUp next/previous stage, Ctrl+↑/↓ first/last row), with
 * "fill down" (the focused field's value to every row below, Ctrl+D) and "duplicate row"
 * (Ctrl+Shift+D). "Add the 8 strategy crowds" opens the preset: the chosen crowds (named in the
 * pane's language) × the ticked stages, added to the table or written as an empty inputs table
 * on a new plan sheet ("Start from a sheet"). The bar at the bottom stays in view: the row tools,
 * the incomplete rows (each a button that goes to the row), "Create plan" and the status.
 */
import * as React from "react";
import { Button, Checkbox, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { label, type LabelKey, type Lang } from "../i18n";
import {
  crowdsFromSelection,
  duplicateRow,
  emptyCrowd,
  fillDown,
  GTA_CROWD_FIELDS,
  GTA_STAGES,
  incompleteRows,
  clusterNumbers,
  presetRows,
  STRATEGY_CROWD_NAMES,
  validateGta,
  type GtaCrowdForm,
  type GtaForm,
} from "../forms/gta";
import { parseTyped } from "../forms/fields";
import { gtaSheet, gtaStarterSheet } from "../planners/gtaSheet";
import type { GtaStage } from "../../src/plan/gta";
import type { Workbook } from "../workbook/port";
import { CreateButton, errorText, SectionHead, StatusArea, TextField, useStyles, useTouched, useWriter } from "./common";

type FieldKey = (typeof GTA_CROWD_FIELDS)[number];
/** The focused (or last focused) cell of the editor. */
type Cur = { row: number; field: FieldKey };

/** Widths of the editor's columns: remove, stage, crowd, count, conversion, aov, cost, capacity. */
const GRID = "16px 36px minmax(0,1.35fr) minmax(0,1.05fr) minmax(0,0.75fr) minmax(0,0.8fr) minmax(0,0.7fr) minmax(0,1fr)";

const useEditorStyles = makeStyles({
  head: {
    display: "grid",
    gridTemplateColumns: GRID,
    columnGap: "2px",
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase100,
    lineHeight: tokens.lineHeightBase100,
    paddingBottom: "2px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  headCell: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  rows: { display: "flex", flexDirection: "column", rowGap: "2px" },
  line: { display: "grid", gridTemplateColumns: GRID, columnGap: "2px", alignItems: "center" },
  current: { backgroundColor: tokens.colorNeutralBackground1Selected },
  cell: {
    boxSizing: "border-box",
    width: "100%",
    minWidth: 0,
    height: "24px",
    padding: "0 3px",
    fontSize: tokens.fontSizeBase200,
    fontFamily: tokens.fontFamilyBase,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
    ":focus": { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-1px" },
  },
  select: { padding: "0 1px" },
  invalid: { border: `1px solid ${tokens.colorPaletteRedBorder2}`, backgroundColor: tokens.colorPaletteRedBackground1 },
  remove: {
    minWidth: "16px",
    width: "16px",
    height: "24px",
    padding: 0,
    border: "none",
    background: "none",
    cursor: "pointer",
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    ":hover": { color: tokens.colorPaletteRedForeground1 },
    ":focus-visible": { outline: `2px solid ${tokens.colorBrandStroke1}` },
  },
  rowErrors: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200, paddingLeft: "18px" },
  preset: {
    display: "flex",
    flexDirection: "column",
    rowGap: "4px",
    padding: "6px 8px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  fieldset: { border: "none", margin: 0, padding: 0, display: "flex", flexWrap: "wrap", columnGap: "2px", rowGap: 0 },
  legend: { padding: 0, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  sticky: {
    position: "sticky",
    bottom: 0,
    zIndex: 1,
    display: "flex",
    flexDirection: "column",
    rowGap: "6px",
    padding: "6px 0 8px",
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    boxShadow: `0 -4px 6px -4px ${tokens.colorNeutralShadowAmbient}`,
  },
  tools: { display: "flex", alignItems: "center", columnGap: "4px", flexWrap: "wrap", rowGap: "2px", fontSize: tokens.fontSizeBase200 },
  toolsLabel: { color: tokens.colorNeutralForeground3, marginRight: "auto", overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  incomplete: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "baseline",
    columnGap: "6px",
    rowGap: "0",
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorPaletteRedForeground1,
    maxHeight: "36px",
    overflowY: "auto",
  },
  link: {
    padding: 0,
    border: "none",
    background: "none",
    cursor: "pointer",
    color: tokens.colorBrandForegroundLink,
    fontSize: tokens.fontSizeBase200,
    textDecoration: "underline",
    fontFamily: tokens.fontFamilyBase,
  },
  ok: { fontSize: tokens.fontSizeBase200, color: tokens.colorPaletteGreenForeground1 },
  keys: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100, lineHeight: tokens.lineHeightBase100 },
});

export interface GtaViewProps {
  workbook: Workbook;
  lang: Lang;
  form: GtaForm;
  onChange(form: GtaForm): void;
}

/** Short column heads of the editor, and the accessible name of each field. */
const HEAD: Record<FieldKey, LabelKey> = {
  stage: "ed_colStage", crowd: "ed_colCrowd", count: "ed_colCount", conversion: "ed_colConv", aov: "ed_colAov", cost: "ed_colCost", capacity: "ed_colCap",
};
const NAME: Record<FieldKey, LabelKey> = {
  stage: "col_stage", crowd: "col_crowd", count: "col_count", conversion: "col_conversion", aov: "col_aov", cost: "col_cost", capacity: "col_capacity",
};
/** Fields that take numbers (a decimal keyboard on touch devices). */
const NUMERIC = new Set<FieldKey>(["count", "conversion", "aov", "cost", "capacity"]);
/** How many incomplete rows the bar lists before "+n more". */
const LIST_MAX = 4;

export function GtaView({ workbook, lang, form, onChange }: GtaViewProps): React.JSX.Element {
  const s = useStyles();
  const e = useEditorStyles();
  const L = (k: LabelKey, p?: Record<string, string | number>) => label(k, lang, p);
  const [isTouched, touch] = useTouched();
  const { busy, status, setStatus, write } = useWriter(workbook, lang);
  const result = React.useMemo(() => validateGta(form, lang), [form, lang]);
  const errors = React.useMemo(() => (result.ok ? {} : result.errors), [result]);
  const incomplete = React.useMemo(() => incompleteRows(errors), [errors]);
  /** Show a field's error once the user left it or typed into it. */
  const show = (path: string, value: string) => isTouched(path) || value.trim() !== "";

  // --- focus and the current cell -----------------------------------------------------------
  const cells = React.useRef(new Map<string, HTMLInputElement | HTMLSelectElement>());
  const nameRef = React.useRef<HTMLDivElement>(null);
  const [cur, setCur] = React.useState<Cur | null>(null);
  const [pending, setPending] = React.useState<Cur | null>(null);
  const cellKey = (row: number, field: FieldKey) => `${row}:${field}`;
  const focusCell = React.useCallback((row: number, field: FieldKey) => {
    const el = cells.current.get(cellKey(row, field));
    if (!el) return false;
    el.focus();
    el.scrollIntoView?.({ block: "nearest" });
    // Typing replaces the value, as in a sheet.
    if (el instanceof HTMLInputElement) el.select();
    return true;
  }, []);
  // A focus asked for before the row exists (rows just added) is given in the commit that adds
  // it (a layout effect: before any later key press can move the focus elsewhere).
  React.useLayoutEffect(() => {
    if (pending && focusCell(pending.row, pending.field)) setPending(null);
  }, [pending, form, focusCell]);

  const rows = form.crowds;
  const setRows = (crowds: GtaCrowdForm[]) => onChange({ ...form, crowds });
  const setRow = (i: number, patch: Partial<GtaCrowdForm>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const removeRow = (i: number) => {
    setRows(rows.filter((_, j) => j !== i));
    setCur(null);
  };

  // --- row tools -------------------------------------------------------------------------------
  const doFillDown = (at: Cur) => {
    const below = rows.length - 1 - at.row;
    setRows(fillDown(rows, at.row, at.field));
    setStatus({ intent: "info", text: L("ed_filled", { field: L(NAME[at.field]), row: at.row + 1, count: below }) });
    // Back to the field when the button took the focus (from the keyboard it never left).
    const el = cells.current.get(cellKey(at.row, at.field));
    if (el && document.activeElement !== el) focusCell(at.row, at.field);
  };
  const doDuplicate = (at: Cur) => {
    setRows(duplicateRow(rows, at.row));
    setStatus({ intent: "info", text: L("ed_duplicated", { row: at.row + 1, copy: at.row + 2 }) });
    setPending({ row: at.row + 1, field: at.field });
  };

  /** First row of the next (dir 1) or of this / the previous (dir −1) run of rows of one stage. */
  const stageJump = (row: number, dir: 1 | -1): number => {
    const st = (i: number) => rows[i]?.stage;
    if (dir === 1) {
      let i = row;
      while (i < rows.length - 1 && st(i + 1) === st(row)) i++;
      return Math.min(rows.length - 1, i + 1);
    }
    let i = row;
    while (i > 0 && st(i - 1) === st(row)) i--;
    if (i < row) return i;
    if (i === 0) return 0;
    let j = i - 1;
    while (j > 0 && st(j - 1) === st(i - 1)) j--;
    return j;
  };

  const create = async () => {
    if (!result.ok || busy) return;
    await write(gtaSheet(result.value, lang, { whatIf: true }).plan);
  };

  /** The editor's keys (Ctrl+Enter is the view's, below). Arrows in the stage list keep choosing the stage. */
  const onKey = (ev: React.KeyboardEvent<HTMLInputElement | HTMLSelectElement>, row: number, field: FieldKey) => {
    if (ev.nativeEvent.isComposing || ev.altKey) return;
    const ctrl = ev.ctrlKey || ev.metaKey;
    const go = (r: number) => {
      ev.preventDefault();
      focusCell(Math.max(0, Math.min(rows.length - 1, r)), field);
    };
    const arrows = field !== "stage";
    if (ctrl) {
      if (ev.key === "d" || ev.key === "D") {
        ev.preventDefault();
        if (ev.shiftKey) doDuplicate({ row, field });
        else doFillDown({ row, field });
      } else if (arrows && ev.key === "ArrowDown") go(rows.length - 1);
      else if (arrows && ev.key === "ArrowUp") go(0);
    } else if (ev.key === "Enter") go(ev.shiftKey ? row - 1 : row + 1);
    else if (ev.key === "PageDown") go(stageJump(row, 1));
    else if (ev.key === "PageUp") go(stageJump(row, -1));
    else if (arrows && !ev.shiftKey && ev.key === "ArrowDown") go(row + 1);
    else if (arrows && !ev.shiftKey && ev.key === "ArrowUp") go(row - 1);
  };

  // --- the preset ------------------------------------------------------------------------------
  // The preset offers the eight strategy crowds, or the clusters read from DTC.CLUSTER's output.
  const [clusters, setClusters] = React.useState<readonly number[]>();
  const crowdNames = clusters ? clusters.map((n) => L("ed_clusterName", { n })) : STRATEGY_CROWD_NAMES[lang];
  const [presetOpen, setPresetOpen] = React.useState(false);
  // Opening the preset puts the focus on its main button (the defaults are every stage and crowd).
  const presetAdd = React.useRef<HTMLButtonElement>(null);
  const presetToggle = React.useRef<HTMLButtonElement>(null);
  React.useEffect(() => {
    if (presetOpen) presetAdd.current?.focus();
  }, [presetOpen]);
  const [stages, setStages] = React.useState<ReadonlySet<string>>(new Set(GTA_STAGES));
  const [chosen, setChosen] = React.useState<ReadonlySet<number>>(new Set(crowdNames.map((_, i) => i)));
  const presetCrowds = crowdNames.filter((_, i) => chosen.has(i));
  const presetStages = GTA_STAGES.filter((st) => stages.has(st));
  const presetCount = presetCrowds.length * presetStages.length;
  const toggle = <T,>(set: ReadonlySet<T>, x: T): Set<T> => {
    const next = new Set(set);
    if (next.has(x)) next.delete(x);
    else next.add(x);
    return next;
  };
  const addPreset = () => {
    const r = presetRows(rows, presetCrowds, presetStages);
    if (r.first < 0) {
      setStatus({ intent: "info", text: L("ed_presetNothing") });
      return;
    }
    setRows(r.rows);
    setPresetOpen(false);
    setStatus({ intent: "info", text: L("ed_presetAdded", { rows: r.rows.length - r.first }) });
    setPending({ row: r.first, field: "count" });
  };
  const startFromSheet = async () => {
    const target = parseTyped(form.target);
    const crowds = presetStages.flatMap((st) => presetCrowds.map((c) => ({ stage: st as GtaStage, crowd: c })));
    await write(
      gtaStarterSheet(
        {
          name: form.name.trim() || L("ed_starterName"),
          target_gmv: typeof target === "number" && Number.isFinite(target) && target >= 0 ? target : null,
          crowds,
        },
        lang,
      ).plan,
    );
  };

  const fromSelection = async () => {
    try {
      const sel = await workbook.readSelection();
      const found = clusterNumbers(sel.values);
      if (found) {
        // DTC.CLUSTER's profile (or labels): its clusters become the preset's crowds.
        setClusters(found);
        setChosen(new Set(found.map((_, i) => i)));
        setPresetOpen(true);
        setStatus({ intent: "info", text: L("ed_clustersRead", { count: found.length, address: sel.address }) });
        return;
      }
      const r = crowdsFromSelection(sel.values, lang);
      if (!r.ok) {
        setStatus({ intent: "error", text: r.error });
        return;
      }
      setRows(r.rows);
      setStatus({ intent: "info", text: L("selectionRead", { rows: r.rows.length, address: sel.address }) });
    } catch (err) {
      setStatus({ intent: "error", text: errorText(err, lang) });
    }
  };

  /** Go to a problem: a row's first field with an error, or the name / target field. */
  const goTo = (row: number, field: FieldKey) => {
    touch(`crowds.${row}.${field}`);
    focusCell(row, field);
  };
  const goToTop = (which: "name" | "target") => {
    touch(which);
    const input = nameRef.current?.querySelectorAll("input")[which === "name" ? 0 : 1];
    input?.focus();
    input?.scrollIntoView?.({ block: "nearest" });
  };
  const topErrors = (["name", "target"] as const).filter((k) => errors[k]);

  return (
    // Ctrl+Enter anywhere in the view creates the plan (once it is complete).
    <div
      className={s.view}
      onKeyDown={(ev) => {
        if ((ev.ctrlKey || ev.metaKey) && ev.key === "Enter" && !ev.nativeEvent.isComposing) {
          ev.preventDefault();
          void create();
        }
      }}
    >
      <div ref={nameRef} className={s.section}>
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
      </div>

      <section className={s.section} aria-label={L("crowdTable")}>
        <SectionHead title={L("crowdTable")}>
          <span className={s.hint}>{L("rowsCount", { rows: rows.length })}</span>
        </SectionHead>
        <div className={s.actions}>
          <Button size="small" onClick={fromSelection} disabled={busy}>
            {L("useSelection")}
          </Button>
          <Button ref={presetToggle} size="small" aria-expanded={presetOpen} aria-controls="dtc-gta-preset" onClick={() => setPresetOpen((o) => !o)}>
            {L("addStrategyCrowds")}
          </Button>
          <Button
            size="small"
            onClick={() => {
              setRows([...rows, emptyCrowd()]);
              setPending({ row: rows.length, field: "stage" });
            }}
          >
            {L("addRow")}
          </Button>
        </div>

        {presetOpen && (
          <div
            id="dtc-gta-preset"
            className={e.preset}
            role="group"
            aria-label={L("ed_presetTitle")}
            onKeyDown={(ev) => {
              if (ev.key !== "Escape") return;
              setPresetOpen(false);
              presetToggle.current?.focus();
            }}
          >
            <fieldset className={e.fieldset}>
              <legend className={e.legend}>{L("ed_presetStages")}</legend>
              {GTA_STAGES.map((st) => (
                <Checkbox key={st} size="medium" label={st} checked={stages.has(st)} onChange={() => setStages((x) => toggle(x, st))} />
              ))}
            </fieldset>
            <fieldset className={e.fieldset}>
              <legend className={e.legend}>{L(clusters ? "ed_presetClusters" : "ed_presetCrowds")}</legend>
              {crowdNames.map((c, i) => (
                <Checkbox key={c} size="medium" label={c} checked={chosen.has(i)} onChange={() => setChosen((x) => toggle(x, i))} />
              ))}
            </fieldset>
            {clusters && (
              <Button
                size="small"
                appearance="subtle"
                onClick={() => {
                  setClusters(undefined);
                  setChosen(new Set(STRATEGY_CROWD_NAMES[lang].map((_, i) => i)));
                }}
              >
                {L("ed_backToStrategy")}
              </Button>
            )}
            {presetCount === 0 && <span className={s.hint}>{L("ed_presetNone")}</span>}
            <div className={s.actions}>
              <Button ref={presetAdd} size="small" appearance="primary" disabled={presetCount === 0} onClick={addPreset}>
                {L("ed_presetAdd", { rows: presetCount })}
              </Button>
              <Button size="small" disabled={presetCount === 0 || busy} onClick={() => void startFromSheet()}>
                {L("ed_startSheet")}
              </Button>
            </div>
            <span className={s.hint}>{L("ed_startSheetHint", { rows: presetCount })}</span>
          </div>
        )}

        {errors.crowds && <div className={s.listError} role="alert">{errors.crowds}</div>}
        <div className={e.head} aria-hidden="true">
          <span />
          {GTA_CROWD_FIELDS.map((k) => (
            <span key={k} className={e.headCell} title={L(NAME[k])}>
              {L(HEAD[k])}
            </span>
          ))}
        </div>
        <div className={e.rows}>
          {rows.map((row, i) => {
            const path = (k: FieldKey) => `crowds.${i}.${k}`;
            const shownErrors = GTA_CROWD_FIELDS.filter((k) => errors[path(k)] && show(path(k), row[k]));
            const ref = (k: FieldKey) => (el: HTMLInputElement | HTMLSelectElement | null) => {
              if (el) cells.current.set(cellKey(i, k), el);
              else cells.current.delete(cellKey(i, k));
            };
            const common = (k: FieldKey) => ({
              ref: ref(k),
              "aria-label": L(NAME[k]),
              "aria-invalid": shownErrors.includes(k) || undefined,
              onFocus: () => setCur({ row: i, field: k }),
              onBlur: () => touch(path(k)),
              onKeyDown: (ev: React.KeyboardEvent<HTMLInputElement | HTMLSelectElement>) => onKey(ev, i, k),
            });
            const stageKnown = (GTA_STAGES as readonly string[]).includes(row.stage);
            return (
              <div key={i} role="group" aria-label={L("rowLabel", { row: i + 1 })}>
                <div className={mergeClasses(e.line, cur?.row === i && e.current)}>
                  <button type="button" className={e.remove} aria-label={L("removeRow", { row: i + 1 })} title={L("removeRow", { row: i + 1 })} onClick={() => removeRow(i)}>
                    ✕
                  </button>
                  <select
                    {...common("stage")}
                    className={mergeClasses(e.cell, e.select, shownErrors.includes("stage") && e.invalid)}
                    value={stageKnown ? row.stage : ""}
                    onChange={(ev) => setRow(i, { stage: ev.target.value })}
                  >
                    {!stageKnown && <option value="">{row.stage || "—"}</option>}
                    {GTA_STAGES.map((st) => (
                      <option key={st} value={st}>
                        {st}
                      </option>
                    ))}
                  </select>
                  {GTA_CROWD_FIELDS.filter((k) => k !== "stage").map((k) => (
                    <input
                      key={k}
                      {...common(k)}
                      className={mergeClasses(e.cell, shownErrors.includes(k) && e.invalid)}
                      value={row[k]}
                      inputMode={NUMERIC.has(k) ? "decimal" : undefined}
                      autoComplete="off"
                      spellCheck={false}
                      title={row[k] || L(NAME[k])}
                      onChange={(ev) => setRow(i, { [k]: ev.target.value })}
                    />
                  ))}
                </div>
                {shownErrors.length > 0 && (
                  <div className={e.rowErrors}>
                    {shownErrors.map((k) => (
                      <div key={k}>
                        {L(NAME[k])}: {errors[path(k)]}
                      </div>
                    ))}
                  </div>
                )}
              </div>
            );
          })}
        </div>
        <span className={e.keys}>{L("ed_keys")}</span>
      </section>

      <div className={e.sticky} role="region" aria-label={L("ed_status")}>
        <div className={e.tools} role="toolbar" aria-label={L("ed_rowTools_label")}>
          <span className={e.toolsLabel}>
            {cur && cur.row < rows.length ? L("ed_rowTools", { row: cur.row + 1, field: L(NAME[cur.field]) }) : L("ed_noCurrent")}
          </span>
          <Button size="small" disabled={!cur || cur.row >= rows.length} onClick={() => cur && doDuplicate(cur)}>
            {L("ed_duplicate")}
          </Button>
          <Button size="small" disabled={!cur || cur.row >= rows.length - 1} onClick={() => cur && doFillDown(cur)}>
            {L("ed_fillDown")}
          </Button>
        </div>
        {result.ok ? (
          <span className={e.ok}>{L("ed_ready", { rows: rows.length })}</span>
        ) : (
          <div className={e.incomplete}>
            <span>{L("ed_incomplete", { count: incomplete.length + topErrors.length + (errors.crowds ? 1 : 0) })}</span>
            {topErrors.map((k) => (
              <button key={k} type="button" className={e.link} onClick={() => goToTop(k)}>
                {L(k === "name" ? "ed_goName" : "ed_goTarget")}
              </button>
            ))}
            {incomplete.slice(0, LIST_MAX).map((r) => (
              <button key={r.row} type="button" className={e.link} onClick={() => goTo(r.row, r.fields[0])}>
                {L("ed_rowFields", { row: r.row + 1, fields: r.fields.map((k) => L(HEAD[k])).join(lang === "zh" ? "、" : ", ") })}
              </button>
            ))}
            {incomplete.length > LIST_MAX && <span>{L("ed_incompleteMore", { count: incomplete.length - LIST_MAX })}</span>}
          </div>
        )}
        <div className={s.actions}>
          <CreateButton lang={lang} disabled={!result.ok || busy} onClick={() => void create()} />
        </div>
        <StatusArea busy={busy} status={status} lang={lang} />
      </div>
    </div>
  );
}
