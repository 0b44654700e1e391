/**
 * The "Datasets" view (issue #17, docs/datasets.md): open a CSV or Parquet file from disk (it is
 * read in place by DuckDB-WASM in its worker, never uploaded), map its columns to the model's
 * (guessed from the headers, editable), pick the model and its options (those DTC.SQL takes),
 * run with progress and Cancel, and write the result as values onto a new sheet with its
 * provenance note. Rows the function would refuse show the function's #VALUE! message instead.
 *
 * DuckDB itself is loaded on first use only (the lazy chunk of ../datasets/duckdb.ts), and with it
 * the Parquet reader (hyparquet, ../datasets/parquet.ts): a Parquet run shows the row groups read.
 */
import * as React from "react";
import { Button, Field, MessageBar, MessageBarBody, ProgressBar, Select, makeStyles, tokens } from "@fluentui/react-components";
import { formatMessage } from "../../src/excel/messages";
import { formatNumber, formatPercent, label, type LabelKey, type Lang } from "../i18n";
import { DATASET_MODELS, datasetModel, guessMapping, guessModel, indicatorsOf, optionDefault, optionValues } from "../datasets/mapping";
import { fileKind, openFile, Refused, runModel, unsupportedCodec, type OpenedFile } from "../datasets/run";
import type { Progress } from "../datasets/duckdb";
import { datasetSheet, sizeText } from "../datasets/sheet";
import type { Workbook } from "../workbook/port";
import { SectionHead, StatusArea, TextField, useStyles, useWriter, type Status } from "./common";

export interface DatasetsViewProps {
  workbook: Workbook;
  lang: Lang;
}

const useLocal = makeStyles({
  file: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  hidden: { display: "none" },
  mapping: { display: "grid", gridTemplateColumns: "minmax(0, 1fr)", rowGap: "6px" },
  progress: { display: "flex", flexDirection: "column", rowGap: "6px" },
});

/** The options the user typed, per model. */
type OptionTexts = Record<string, string>;

/** Elapsed seconds as the pane shows them: "3.4 s". */
const elapsedText = (ms: number, lang: Lang): string => label("dsSeconds", lang, { s: formatNumber(Math.round(ms / 100) / 10, lang) });

export function DatasetsView({ workbook, lang }: DatasetsViewProps): React.JSX.Element {
  const s = useStyles();
  const x = useLocal();
  const L = (k: LabelKey, p?: Record<string, string | number>) => label(k, lang, p);
  const { busy: writing, status, setStatus, write } = useWriter(workbook, lang);
  const input = React.useRef<HTMLInputElement>(null);
  const [opening, setOpening] = React.useState(false);
  const [opened, setOpened] = React.useState<OpenedFile>();
  const [modelId, setModelId] = React.useState("FAST.ROWS");
  const [mapping, setMapping] = React.useState<(string | undefined)[]>([]);
  const [options, setOptions] = React.useState<OptionTexts>({});
  const [job, setJob] = React.useState<{ started: number; fraction?: number; parquet?: Progress; cancelling?: boolean; controller: AbortController }>();
  const [now, setNow] = React.useState(0);
  /** The function's #VALUE! message of the last run, shown instead of a sheet. */
  const [refused, setRefused] = React.useState<string>();

  const model = datasetModel(modelId);
  const running = job !== undefined;
  const busy = opening || running || writing;

  React.useEffect(() => {
    if (!job) return;
    const t = setInterval(() => setNow(performance.now()), 200);
    return () => clearInterval(t);
  }, [job]);

  const pickModel = (id: string, headers = opened?.headers ?? []) => {
    setModelId(id);
    setMapping(guessMapping(datasetModel(id), headers));
    setOptions({});
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setStatus(null);
    setRefused(undefined);
    if (!fileKind(file.name)) {
      setStatus({ intent: "error", text: L("dsBadType", { name: file.name }) });
      return;
    }
    setOpening(true);
    try {
      const f = await openFile(file);
      setOpened(f);
      const guessed = guessModel(f.headers);
      pickModel(guessed?.id ?? modelId, f.headers);
    } catch (e) {
      setOpened(undefined);
      const codec = unsupportedCodec(e);
      if (codec) setStatus({ intent: "warning", text: L("dsParquetCodec", { name: file.name, codec: codec.codec, column: codec.column }) });
      else setStatus({ intent: "error", text: L("dsOpenFailed", { name: file.name, detail: e instanceof Error ? e.message : String(e) }) });
    } finally {
      setOpening(false);
      if (input.current) input.current.value = "";
    }
  };

  const missing = model.columns.filter((c, i) => !c.optional && mapping[i] === undefined).map((c) => c.param);

  const run = async () => {
    if (!opened || missing.length) return;
    const controller = new AbortController();
    const started = performance.now();
    setNow(started);
    setJob({ started, controller });
    setStatus(null);
    setRefused(undefined);
    const opts = optionValues(model, options);
    let outcome: Status = null;
    try {
      const r = await runModel(opened, { model: model.id, columns: mapping, options: opts }, {
        signal: controller.signal,
        onProgress: (p) =>
          setJob((j) => (j && j.controller === controller ? { ...j, fraction: p.fraction ?? j.fraction, parquet: p.rowGroups ? p : j.parquet } : j)),
      });
      setJob(undefined);
      const plan = datasetSheet(
        r,
        {
          fileName: opened.file.name,
          fileBytes: opened.file.size,
          model: model.id,
          mapping: model.columns.map((c, i) => ({ param: c.param, column: mapping[i] })),
          options: opts,
          engine: L("dsEngineValue", { version: r.engine.version, bundle: r.engine.bundle }),
        },
        lang,
      );
      await write(plan);
      return;
    } catch (e) {
      const ms = performance.now() - started;
      if (e instanceof Refused) {
        setJob(undefined);
        setRefused(L("dsRefused", { message: formatMessage(e.cell, lang) }));
        return;
      }
      if (controller.signal.aborted || (e instanceof Error && e.name === "Cancelled")) outcome = { intent: "warning", text: L("dsCancelled", { elapsed: elapsedText(ms, lang) }) };
      else outcome = { intent: "error", text: L("dsFailed", { detail: e instanceof Error ? e.message : String(e) }) };
    }
    setJob(undefined);
    setStatus(outcome);
  };

  const cancel = () => {
    if (!job) return;
    setJob({ ...job, cancelling: true });
    job.controller.abort();
  };

  const indicators = indicatorsOf(model.id);
  const elapsed = job ? elapsedText(Math.max(0, now - job.started), lang) : "";
  const fileName = opened?.file.name ?? "";

  return (
    <div className={s.view}>
      <span className={s.hint}>{L("dsIntro")}</span>

      <section className={s.section} aria-label={L("dsFileHeading")}>
        <SectionHead title={L("dsFileHeading")} />
        <input
          ref={input}
          type="file"
          className={x.hidden}
          accept=".csv,.tsv,.txt,.gz,.parquet"
          aria-label={L("dsFileInput")}
          data-dtc="dataset-file"
          onChange={(e) => void onFile(e.currentTarget.files?.[0])}
        />
        <div className={s.actions}>
          <Button size="small" onClick={() => input.current?.click()} disabled={busy}>
            {L("dsChoose")}
          </Button>
        </div>
        {opening ? (
          <Field validationMessage={L("dsLoadingEngine")} validationState="none">
            <ProgressBar aria-label={L("dsLoadingEngine")} />
          </Field>
        ) : (
          <span className={x.file} data-dtc="dataset-info">
            {opened ? L("dsFileInfo", { name: fileName, size: sizeText(opened.file.size, lang), columns: opened.headers.length }) : L("dsNoFile")}
          </span>
        )}
      </section>

      <section className={s.section}>
        <Field label={L("dsModel")} size="small">
          <Select size="small" value={modelId} disabled={busy} onChange={(_, d) => pickModel(d.value)}>
            {DATASET_MODELS.map((m) => (
              <option key={m.id} value={m.id}>
                {m.id}
              </option>
            ))}
          </Select>
        </Field>
      </section>

      {opened && (
        <section className={s.section} aria-label={L("dsColumnsHeading")}>
          <SectionHead title={L("dsColumnsHeading")} />
          <span className={s.hint}>{L("dsColumnsHint")}</span>
          <div className={x.mapping}>
            {model.columns.map((c, i) => (
              <Field key={`${model.id}:${c.param}`} label={c.param} required={!c.optional} size="small">
                <Select
                  size="small"
                  aria-label={L("dsColumnFor", { param: c.param })}
                  value={mapping[i] === undefined ? "" : String(opened.headers.indexOf(mapping[i]!))}
                  disabled={busy}
                  onChange={(_, d) => setMapping((m) => model.columns.map((_c, k) => (k === i ? (d.value === "" ? undefined : opened.headers[Number(d.value)]) : m[k])))}
                >
                  <option value="">{c.optional ? L("dsColumnNone") : L("dsColumnPick")}</option>
                  {opened.headers.map((h, j) => (
                    <option key={j} value={String(j)}>
                      {h}
                    </option>
                  ))}
                </Select>
              </Field>
            ))}
          </div>
          {missing.length > 0 && <span className={s.listError}>{L("dsMissingColumns", { columns: missing.join(", ") })}</span>}
        </section>
      )}

      <section className={s.section} aria-label={L("dsOptionsHeading")}>
        <SectionHead title={L("dsOptionsHeading")} />
        {model.options.length === 0 ? (
          <span className={s.hint}>{L("dsNoOptions")}</span>
        ) : (
          <>
            <span className={s.hint}>{L("dsOptionsHint")}</span>
            {model.options.map((p) =>
              p.type === "indicator" ? (
                <Field key={p.name} label={p.name} size="small">
                  <Select size="small" value={options[p.name] ?? ""} disabled={busy} onChange={(_, d) => setOptions((o) => ({ ...o, [p.name]: d.value }))}>
                    <option value="">{L("dsIndicatorAll")}</option>
                    {indicators.map((ind) => (
                      <option key={ind.letter} value={ind.letter}>
                        {`${ind.letter} · ${lang === "zh" ? ind.zh : ind.name}`}
                      </option>
                    ))}
                  </Select>
                </Field>
              ) : (
                <TextField
                  key={p.name}
                  label={p.name}
                  value={options[p.name] ?? ""}
                  onChange={(v) => setOptions((o) => ({ ...o, [p.name]: v }))}
                  show={false}
                  onBlur={() => undefined}
                  numeric
                  placeholder={optionDefault(p) ? L("dsOptionDefault", { value: optionDefault(p) }) : undefined}
                />
              ),
            )}
          </>
        )}
      </section>

      <div className={s.actions}>
        <Button appearance="primary" disabled={!opened || missing.length > 0 || busy} onClick={() => void run()}>
          {L("dsRun")}
        </Button>
      </div>

      {job && (
        <div className={x.progress} role="status" aria-live="polite" data-dtc="dataset-progress">
          <ProgressBar value={job.fraction} max={1} aria-label={L("dsRunning", { name: fileName, elapsed })} />
          <span className={s.hint}>
            {job.cancelling
              ? L("dsCancelling")
              : job.parquet?.rowGroups
                ? job.parquet.rowGroups.done < job.parquet.rowGroups.total
                  ? L("dsRunningParquet", {
                      name: fileName,
                      done: formatNumber(job.parquet.rowGroups.done, lang),
                      total: formatNumber(job.parquet.rowGroups.total, lang),
                      rows: formatNumber(job.parquet.rows ?? 0, lang),
                      elapsed,
                    })
                  : L("dsQueryingParquet", { name: fileName, rows: formatNumber(job.parquet.rows ?? 0, lang), percent: formatPercent(job.fraction ?? 0, lang), elapsed })
                : job.fraction === undefined
                ? L("dsRunning", { name: fileName, elapsed })
                : L("dsRunningPercent", { name: fileName, percent: formatPercent(job.fraction, lang), elapsed })}
          </span>
          <div className={s.actions}>
            <Button size="small" onClick={cancel} disabled={job.cancelling}>
              {L("dsCancel")}
            </Button>
          </div>
        </div>
      )}

      {!job && refused ? (
        <MessageBar intent="error" role="alert" layout="multiline" data-dtc="dataset-refused">
          <MessageBarBody>{refused}</MessageBarBody>
        </MessageBar>
      ) : (
        <StatusArea busy={writing} status={job ? null : status} lang={lang} />
      )}
    </div>
  );
}
