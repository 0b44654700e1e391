/**
 * The "Plans" tab: save the current GTA or Hot product form as a named plan inside the
 * workbook; list the saved plans (each under its one name, kind, target, last update) with
 * Load, Rename, Duplicate, Delete, Export and "Copy plan, change target"; new plans from the
 * built-in templates; import a `.json` plan file; compare two saved plans of the same kind on a
 * new sheet (`planners/compareSheet.ts`). The logic is in `plans/actions.ts`.
 */
import * as React from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Divider,
  Field,
  Input,
  makeStyles,
  Select,
  MessageBar,
  MessageBarBody,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { displayName, listPlans, loadPlan, oneName } from "../../src/plan/store";
import type { Bilingual, Plan } from "../../src/plan/schema";
import { formatNumber, label, type LabelKey, type Lang } from "../i18n";
import type { GtaForm } from "../forms/gta";
import type { HotForm } from "../forms/hot";
import {
  copyWithTargetAction,
  deleteAction,
  duplicateAction,
  exportFile,
  importAction,
  openLibrary,
  renameAction,
  savePlanAction,
  type LibraryState,
  type Outcome,
} from "../plans/actions";
import { gtaFormToPlan, hotFormToPlan } from "../plans/convert";
import type { Workbook } from "../workbook/port";
import { errorText, SectionHead, useStyles as useViewStyles, type Status } from "./common";
import { compareSheet } from "../planners/compareSheet";
import { TEMPLATES } from "../plans/templates";

const useStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    rowGap: "4px",
    padding: "8px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  meta: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  inline: { display: "flex", columnGap: "6px", alignItems: "flex-end", flexWrap: "wrap", rowGap: "4px" },
  grow: { flexGrow: 1, minWidth: "120px" },
  hiddenInput: { display: "none" },
  // A plan's name can be long: the picker keeps to the pane's width and cuts the name instead.
  picker: { width: "100%", minWidth: 0, maxWidth: "100%" },
  pickerSelect: { minWidth: 0, width: "100%", textOverflow: "ellipsis" },
});

export interface PlansViewProps {
  workbook: Workbook;
  lang: Lang;
  /** The tab is shown: the library is (re-)read from the workbook each time it becomes shown. */
  active: boolean;
  gta: GtaForm;
  hot: HotForm;
  /** The plans the forms were loaded from (names and notes are kept when saving unchanged names). */
  gtaBase?: Plan;
  hotBase?: Plan;
  /** Fill the plan's view with its inputs and switch to it. */
  onLoad(plan: Plan): void;
}

type Editing = { name: string; mode: "rename" | "copy"; value: string } | null;
type Ask = { title: string; text: string; confirm: string; run(): Promise<void> } | null;

export function PlansView({ workbook, lang, active, gta, hot, gtaBase, hotBase, onLoad }: PlansViewProps): React.JSX.Element {
  const v = useViewStyles();
  const s = useStyles();
  const L = (k: LabelKey, p?: Record<string, string | number>) => label(k, lang, p);
  const [state, setState] = React.useState<LibraryState | null>(null);
  const [status, setStatus] = React.useState<Status>(null);
  const [busy, setBusy] = React.useState(false);
  const [editing, setEditing] = React.useState<Editing>(null);
  const [ask, setAsk] = React.useState<Ask>(null);
  const fileInput = React.useRef<HTMLInputElement>(null);

  const refresh = React.useCallback(async () => setState(await openLibrary(workbook)), [workbook]);
  // Read only when shown: opening the pane on another tab does not touch the workbook.
  React.useEffect(() => {
    if (active) void refresh();
  }, [active, refresh]);

  const say = (intent: NonNullable<Status>["intent"], m: Bilingual) => setStatus({ intent, text: m[lang] });
  const viewName = (p: Plan) => L(p.kind === "gta" ? "tabGta" : "tabHot");
  /** Load a saved plan (under its one name) or a template (under its default name in `lang`). */
  const load = (p: Plan, template = false) => {
    const plan = template ? p : oneName(p);
    onLoad(plan);
    setStatus({ intent: "success", text: L("plansLoaded", { name: displayName(plan, lang), view: viewName(plan) }) });
  };

  /** Run an action; on `confirm` ask, then `again()` with overwrite. */
  const run = async (action: () => Promise<Outcome>, after?: (o: Extract<Outcome, { kind: "done" }>) => void, again?: () => Promise<Outcome>) => {
    setBusy(true);
    try {
      const o = await action();
      if (o.kind === "done") {
        setState({ status: "ok", library: o.library });
        say("success", o.message);
        after?.(o);
      } else if (o.kind === "confirm" && again) {
        setAsk({
          title: L("plansConfirmTitle"),
          text: o.message[lang],
          confirm: L("plansReplace"),
          run: () => run(again, after),
        });
      } else {
        if (o.kind === "refused" && o.state) setState(o.state);
        say("error", o.message);
      }
    } finally {
      setBusy(false);
    }
  };

  const gtaPlan = React.useMemo(() => gtaFormToPlan(gta, lang, gtaBase), [gta, lang, gtaBase]);
  const hotPlan = React.useMemo(() => hotFormToPlan(hot, lang, hotBase), [hot, lang, hotBase]);
  const canWrite = state?.status === "ok" && !busy;

  const saveCurrent = (kind: "gta" | "hotplan") => {
    const r = kind === "gta" ? gtaPlan : hotPlan;
    if (!r.ok) {
      setStatus({
        intent: "error",
        text: r.error ? r.error.message[lang] : L("plansSaveInvalid", { view: L(kind === "gta" ? "tabGta" : "tabHot") }),
      });
      return;
    }
    const plan = r.plan;
    void run(() => savePlanAction(workbook, plan), undefined, () => savePlanAction(workbook, plan, { overwrite: true }));
  };

  const download = (fileName: string, text: string) => {
    const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = fileName;
    a.style.display = "none";
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
  const doExport = (p: Plan) => {
    const { fileName, text } = exportFile(p);
    download(fileName, text);
    setStatus({ intent: "success", text: L("plansExported", { file: fileName }) });
  };

  const onFile = (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ""; // the same file can be picked again
    if (!file) return;
    void run(() => importAction(workbook, file), undefined, () => importAction(workbook, file, { overwrite: true }));
  };

  const submitEdit = () => {
    if (!editing) return;
    const { name, mode, value } = editing;
    if (mode === "rename") {
      void run(() => renameAction(workbook, name, value), () => setEditing(null));
    } else {
      void run(() => copyWithTargetAction(workbook, name, value, { lang }), (o) => {
        setEditing(null);
        if (o.plan) onLoad(o.plan);
      });
    }
  };

  const library = state?.status === "ok" ? state.library : null;
  const summaries = library ? listPlans(library) : [];

  // --- Compare two plans: A, then B among the other plans of A's kind ---------------------------
  const [cmpA, setCmpA] = React.useState("");
  const [cmpB, setCmpB] = React.useState("");
  const loaded = (name: string): Plan | undefined => {
    if (!library || !name) return undefined;
    const r = loadPlan(library, name);
    return r.ok ? oneName(r.plan) : undefined;
  };
  const planA = loaded(cmpA);
  const planB = loaded(cmpB);
  const comparable = summaries.filter((p) => summaries.some((q) => q.name !== p.name && q.kind === p.kind));
  const choicesB = planA ? summaries.filter((p) => p.kind === planA.kind && p.name !== planA.name) : [];
  const canCompare = !busy && planA !== undefined && planB !== undefined && planA.kind === planB.kind && planA.name !== planB.name;
  const compare = async () => {
    if (!planA || !planB || !canCompare) return;
    setBusy(true);
    try {
      const r = await workbook.createSheet(compareSheet(planA, planB, lang).plan);
      setStatus({
        intent: r.skipped.length ? "warning" : "success",
        text: L("cmp_written", { a: displayName(planA, lang), b: displayName(planB, lang), sheet: r.sheetName }),
      });
    } catch (e) {
      setStatus({ intent: "error", text: errorText(e, lang) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={v.view}>
      <section className={v.section} aria-label={L("plansSaveCurrent")}>
        <SectionHead title={L("plansSaveCurrent")} />
        <div className={v.actions}>
          <Button size="small" appearance="primary" disabled={!canWrite} onClick={() => saveCurrent("gta")}>
            {L("plansSaveGta")}
          </Button>
          <Button size="small" appearance="primary" disabled={!canWrite} onClick={() => saveCurrent("hotplan")}>
            {L("plansSaveHot")}
          </Button>
        </div>
      </section>

      {status && (
        <MessageBar intent={status.intent} role={status.intent === "error" ? "alert" : "status"}>
          <MessageBarBody>{status.text}</MessageBarBody>
        </MessageBar>
      )}

      <section className={v.section} aria-label={L("plansInWorkbook")}>
        <SectionHead title={L("plansInWorkbook")}>{busy && <Spinner size="extra-tiny" />}</SectionHead>
        {state === null && <span className={v.hint}>{L("plansLoading")}</span>}
        {state?.status === "damaged" && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>
              {state.error.message[lang]} {L("plansDamaged")}
            </MessageBarBody>
          </MessageBar>
        )}
        {state?.status === "damaged" && (
          <div className={v.actions}>
            <Button size="small" onClick={() => download("dtc-plans-backup.json", state.raw)}>
              {L("plansRescue")}
            </Button>
          </div>
        )}
        {state?.status === "unavailable" && (
          <MessageBar intent="warning" role="alert">
            <MessageBarBody>{state.message[lang]}</MessageBarBody>
          </MessageBar>
        )}
        {library && summaries.length === 0 && <span className={v.hint}>{L("plansNone")}</span>}
        {summaries.map((p) => {
          const shown = p.name;
          const plan = library ? loadPlan(library, p.name) : undefined;
          const edit = editing?.name === p.name ? editing : null;
          return (
            <div key={p.name} className={s.card} role="group" aria-label={shown}>
              <span className={s.name}>{shown}</span>
              <span className={s.meta}>
                {L(`plansKind_${p.kind}`)} · {L("plansTarget", { target: formatNumber(p.target_gmv, lang) })}
                {p.updated ? ` · ${L("plansUpdated", { date: p.updated.slice(0, 10) })}` : ""}
              </span>
              <div className={v.actions} role="toolbar" aria-label={L("plansActions", { name: shown })}>
                <Button size="small" appearance="primary" disabled={!plan?.ok} onClick={() => plan?.ok && load(plan.plan)}>
                  {L("plansLoad")}
                </Button>
                <Button size="small" disabled={!canWrite} onClick={() => setEditing(edit?.mode === "rename" ? null : { name: p.name, mode: "rename", value: p.name })}>
                  {L("plansRename")}
                </Button>
                <Button size="small" disabled={!canWrite} onClick={() => void run(() => duplicateAction(workbook, p.name, { lang }))}>
                  {L("plansDuplicate")}
                </Button>
                <Button
                  size="small"
                  disabled={!canWrite}
                  onClick={() =>
                    setAsk({
                      title: L("plansDeleteTitle"),
                      text: L("plansDeleteAsk", { name: shown }),
                      confirm: L("plansDelete"),
                      run: () => run(() => deleteAction(workbook, p.name)),
                    })
                  }
                >
                  {L("plansDelete")}
                </Button>
                <Button size="small" disabled={!plan?.ok} onClick={() => plan?.ok && doExport(plan.plan)}>
                  {L("plansExport")}
                </Button>
                <Button
                  size="small"
                  disabled={!canWrite}
                  onClick={() => setEditing(edit?.mode === "copy" ? null : { name: p.name, mode: "copy", value: String(p.target_gmv) })}
                >
                  {L("plansCopyTarget")}
                </Button>
              </div>
              {edit && (
                <form
                  className={s.inline}
                  onSubmit={(e) => {
                    e.preventDefault();
                    submitEdit();
                  }}
                >
                  <Field label={L(edit.mode === "rename" ? "plansNewName" : "plansNewTarget")} size="small" className={s.grow}>
                    <Input
                      size="small"
                      autoFocus
                      value={edit.value}
                      inputMode={edit.mode === "copy" ? "decimal" : undefined}
                      onChange={(_, d) => setEditing({ ...edit, value: d.value })}
                      onKeyDown={(e) => e.key === "Escape" && setEditing(null)}
                    />
                  </Field>
                  <Button size="small" appearance="primary" type="submit" disabled={!canWrite || edit.value.trim() === ""}>
                    {L(edit.mode === "rename" ? "plansOk" : "plansCopyButton")}
                  </Button>
                  <Button size="small" onClick={() => setEditing(null)}>
                    {L("plansCancel")}
                  </Button>
                </form>
              )}
            </div>
          );
        })}
      </section>

      {library && (
        <section className={v.section} aria-label={L("cmp_section")}>
          <SectionHead title={L("cmp_section")} />
          {comparable.length < 2 ? (
            <span className={v.hint}>{L("cmp_needTwo")}</span>
          ) : (
            <>
              <Field label={L("cmp_pickA")} size="small">
                <Select
                  size="small"
                  className={s.picker}
                  select={{ className: s.pickerSelect }}
                  value={planA ? cmpA : ""}
                  onChange={(_, d) => {
                    setCmpA(d.value);
                    const a = loaded(d.value);
                    if (!a || !planB || planB.kind !== a.kind || planB.name === a.name) setCmpB("");
                  }}
                >
                  <option value="">{L("cmp_choose")}</option>
                  {comparable.map((p) => (
                    <option key={p.name} value={p.name}>
                      {p.name} · {L(`plansKind_${p.kind}`)}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={L("cmp_pickB")} size="small">
                <Select
                  size="small"
                  className={s.picker}
                  select={{ className: s.pickerSelect }}
                  value={planB && choicesB.some((p) => p.name === cmpB) ? cmpB : ""}
                  disabled={!planA}
                  onChange={(_, d) => setCmpB(d.value)}
                >
                  <option value="">{L("cmp_choose")}</option>
                  {choicesB.map((p) => (
                    <option key={p.name} value={p.name}>
                      {p.name}
                    </option>
                  ))}
                </Select>
              </Field>
              <div className={v.actions}>
                <Button size="small" appearance="primary" disabled={!canCompare} onClick={() => void compare()}>
                  {L("cmp_button")}
                </Button>
              </div>
            </>
          )}
        </section>
      )}

      <Divider />
      <section className={v.section} aria-label={L("plansTemplates")}>
        <SectionHead title={L("plansTemplates")} />
        {TEMPLATES.map((t) => (
          <div key={t.name} className={s.card} role="group" aria-label={displayName(t, lang)}>
            <span className={s.name}>{displayName(t, lang)}</span>
            <span className={s.meta}>
              {L(`plansKind_${t.kind}`)} · {L("plansTarget", { target: formatNumber(t.inputs.target_gmv, lang) })}
            </span>
            <div className={v.actions}>
              <Button size="small" onClick={() => load(t, true)}>
                {L("plansUseTemplate")}
              </Button>
            </div>
          </div>
        ))}
      </section>

      <Divider />
      <section className={v.section} aria-label={L("plansImport")}>
        <input
          ref={fileInput}
          className={s.hiddenInput}
          type="file"
          accept=".json,application/json"
          aria-label={L("plansImport")}
          tabIndex={-1}
          onChange={onFile}
        />
        <div className={v.actions}>
          <Button size="small" disabled={!canWrite} onClick={() => fileInput.current?.click()}>
            {L("plansImport")}
          </Button>
        </div>
      </section>

      <Dialog open={ask !== null} onOpenChange={(_, d) => !d.open && setAsk(null)} modalType="alert">
        <DialogSurface aria-describedby="dtc-plans-ask">
          <DialogBody>
            <DialogTitle>{ask?.title}</DialogTitle>
            <DialogContent id="dtc-plans-ask">{ask?.text}</DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => {
                  const a = ask;
                  setAsk(null);
                  if (a) void a.run();
                }}
              >
                {ask?.confirm}
              </Button>
              <Button onClick={() => setAsk(null)}>{L("plansCancel")}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
