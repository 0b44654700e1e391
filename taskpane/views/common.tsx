/**
 * Building blocks of the pane's views: labelled fields with their error, list headers, the
 * write status (progress bar, result), and the hook that writes a SheetPlan through the port.
 */
import * as React from "react";
import {
  Button,
  Field,
  Input,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { label, type LabelKey, type Lang } from "../i18n";
import { WorkbookError, type SheetPlan, type Workbook, type WriteResult } from "../workbook/port";

export const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", rowGap: "10px", paddingTop: "8px" },
  section: { display: "flex", flexDirection: "column", rowGap: "8px" },
  sectionHead: { display: "flex", alignItems: "center", justifyContent: "space-between", columnGap: "8px", flexWrap: "wrap" },
  actions: { display: "flex", flexWrap: "wrap", columnGap: "6px", rowGap: "6px" },
  row: {
    display: "grid",
    // minmax(0, …): inputs shrink to the pane instead of pushing it wider than 320 px.
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    columnGap: "8px",
    rowGap: "4px",
    padding: "8px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  rowHead: { gridColumn: "1 / span 2", display: "flex", justifyContent: "space-between", alignItems: "center" },
  rowTitle: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  wide: { gridColumn: "1 / span 2" },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  listError: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
  field: { minWidth: 0 },
  input: { width: "100%", minWidth: 0 },
});

/** Which fields the user has left (blurred): their errors show even when the field is empty. */
export function useTouched(): [(path: string) => boolean, (path: string) => void, () => void] {
  const [touched, setTouched] = React.useState<ReadonlySet<string>>(new Set());
  const isTouched = React.useCallback((p: string) => touched.has(p), [touched]);
  const touch = React.useCallback((p: string) => setTouched((t) => (t.has(p) ? t : new Set(t).add(p))), []);
  const reset = React.useCallback(() => setTouched(new Set()), []);
  return [isTouched, touch, reset];
}

export interface TextFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  /** The field's error (shown when `show`). */
  error?: string;
  show: boolean;
  onBlur(): void;
  required?: boolean;
  numeric?: boolean;
  placeholder?: string;
  className?: string;
  hint?: string;
}

/** A labelled input whose validation message sits right under it. */
export function TextField(p: TextFieldProps): React.JSX.Element {
  const s = useStyles();
  const err = p.show ? p.error : undefined;
  return (
    <Field
      label={p.label}
      required={p.required}
      validationState={err ? "error" : "none"}
      validationMessage={err}
      hint={p.hint}
      className={mergeClasses(s.field, p.className)}
      size="small"
    >
      <Input
        className={s.input}
        value={p.value}
        size="small"
        inputMode={p.numeric ? "decimal" : undefined}
        placeholder={p.placeholder}
        onChange={(_, d) => p.onChange(d.value)}
        onBlur={p.onBlur}
      />
    </Field>
  );
}

/** One editable row of a list: a titled group with a remove button, then its fields. */
export function RowCard(p: { title: string; removeLabel?: string; onRemove?(): void; children: React.ReactNode }): React.JSX.Element {
  const s = useStyles();
  return (
    <div className={s.row} role="group" aria-label={p.title}>
      <div className={s.rowHead}>
        <span className={s.rowTitle}>{p.title}</span>
        {p.onRemove && (
          <Button size="small" appearance="subtle" aria-label={p.removeLabel} onClick={p.onRemove}>
            ✕
          </Button>
        )}
      </div>
      {p.children}
    </div>
  );
}

export function SectionHead(p: { title: string; children?: React.ReactNode }): React.JSX.Element {
  const s = useStyles();
  return (
    <div className={s.sectionHead}>
      <Subtitle2 as="h3">{p.title}</Subtitle2>
      {p.children}
    </div>
  );
}

export type Status = { intent: "success" | "error" | "warning" | "info"; text: string } | null;

/** The user-facing text of a port error. */
export function errorText(e: unknown, lang: Lang): string {
  if (e instanceof WorkbookError) return label(`err_${e.code}` as LabelKey, lang, { detail: e.detail });
  return label("err_host", lang, { detail: e instanceof Error ? e.message : String(e) });
}

/** The result line of a write: the sheet's name and what the host could not do. */
export function resultText(r: WriteResult, lang: Lang): string {
  let text = label("created", lang, { sheet: r.sheetName });
  if (r.skipped.length) {
    const parts = r.skipped.map((k) => label(`part_${k}` as LabelKey, lang)).join(lang === "zh" ? "、" : ", ");
    text += ` ${label("skippedParts", lang, { parts })}`;
  }
  return text;
}

/** Write plans through the port, one at a time, with a busy flag and a status line. */
export function useWriter(workbook: Workbook, lang: Lang) {
  const [busy, setBusy] = React.useState(false);
  const [status, setStatus] = React.useState<Status>(null);
  const write = React.useCallback(
    async (plan: SheetPlan): Promise<WriteResult | undefined> => {
      setBusy(true);
      setStatus(null);
      try {
        const r = await workbook.createSheet(plan);
        setStatus({ intent: r.skipped.length ? "warning" : "success", text: resultText(r, lang) });
        return r;
      } catch (e) {
        setStatus({ intent: "error", text: errorText(e, lang) });
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [workbook, lang],
  );
  return { busy, status, setStatus, write };
}

/** Progress while writing, then the result. */
export function StatusArea(p: { busy: boolean; status: Status; lang: Lang }): React.JSX.Element | null {
  if (p.busy) {
    return (
      <Field validationMessage={label("writing", p.lang)} validationState="none">
        <ProgressBar aria-label={label("writing", p.lang)} />
      </Field>
    );
  }
  if (!p.status) return null;
  // Multiline from the start: a long message wraps in the narrow pane instead of overflowing it
  // until the bar notices (its automatic reflow runs a frame later).
  return (
    <MessageBar intent={p.status.intent} role="status" layout="multiline">
      <MessageBarBody>{p.status.text}</MessageBarBody>
    </MessageBar>
  );
}

/** The primary button: disabled until the form is valid and while writing. */
export function CreateButton(p: { lang: Lang; disabled: boolean; onClick(): void; text?: string }): React.JSX.Element {
  return (
    <Button appearance="primary" disabled={p.disabled} onClick={p.onClick}>
      {p.text ?? label("createPlan", p.lang)}
    </Button>
  );
}
