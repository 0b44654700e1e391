/**
 * The "Diagnose" view (SPEC §16): pick the brand block and the benchmark brands ("Use selection",
 * or write the sample benchmark sheet), choose the method and how many weak indicators to list;
 * "Create scorecard" writes the live scorecard sheet of `planners/scorecardSheet.ts`. The weakest
 * indicators then show the scenarios that move them, each with a button for its tool: the
 * hot-product and GTA planners open their tab; ASSOC, CLUSTER, CALIBRATE and FAST+ insert a
 * formula skeleton at the selected cell (never over a non-empty one).
 */
import * as React from "react";
import { Button, Field, Select, tokens, makeStyles } from "@fluentui/react-components";
import { CODES, codeName } from "../../src/diagnose/codes";
import { scenarioName, type Scenario, type Tool } from "../../src/diagnose/scenarios";
import { formatNumber, label, type LabelKey, type Lang } from "../i18n";
import {
  diagnosis,
  parseBenchmark,
  parseBrand,
  PLANNER_TOOLS,
  sampleBenchmarkSheet,
  scorecardSheet,
  skeletonFormula,
  type ScoreMethod,
  type WeakIndicator,
} from "../planners/scorecardSheet";
import { quoteSheet } from "../workbook/a1";
import { WorkbookError, type Workbook, type WorkbookErrorCode } from "../workbook/port";
import { CreateButton, errorText, RowCard, SectionHead, StatusArea, TextField, useStyles, useWriter } from "./common";

export interface DiagnoseViewProps {
  workbook: Workbook;
  lang: Lang;
  /** Open a planner tab of the pane (a scenario's tool). */
  onOpenTool(tab: "hot" | "gta"): void;
}

/** A picked range: where it is and what it held. */
interface Pick {
  address: string;
  values: unknown[][];
}

const useLocal = makeStyles({
  picked: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  error: { fontSize: tokens.fontSizeBase200, color: tokens.colorPaletteRedForeground1 },
  scenario: { gridColumn: "1 / span 2", display: "flex", flexDirection: "column", rowGap: "4px" },
  scenarioName: { fontSize: tokens.fontSizeBase200 },
  source: { color: tokens.colorNeutralForeground3 },
});

const METHODS: ScoreMethod[] = ["percentile", "index"];
const SOURCE_KEY: Record<Scenario["source"], LabelKey> = {
  seed: "diagSource_seed",
  "seed appendix": "diagSource_seedAppendix",
  ours: "diagSource_ours",
  user: "diagSource_user",
};

/**
 * A port error as this bundle's {@link WorkbookError}: the workbench's adapter is another bundle,
 * whose WorkbookError class is not this one (`instanceof` fails), so its code would be lost.
 */
function portError(e: unknown): unknown {
  if (e instanceof WorkbookError || !(e instanceof Error) || e.name !== "WorkbookError") return e;
  const { code, detail } = e as Error & { code?: unknown; detail?: unknown };
  return typeof code === "string" ? new WorkbookError(code as WorkbookErrorCode, typeof detail === "string" ? detail : "") : e;
}

/** The whole number of "top N" (1 … 25), or undefined. */
function topNumber(text: string): number | undefined {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return undefined;
  const n = Number(t);
  return n >= 1 && n <= CODES.length ? n : undefined;
}

export function DiagnoseView({ workbook, lang, onOpenTool }: DiagnoseViewProps): React.JSX.Element {
  const s = useStyles();
  const x = useLocal();
  const L = (k: LabelKey, p?: Record<string, string | number>) => label(k, lang, p);
  const { busy, status, setStatus, write } = useWriter(workbook, lang);
  const [brand, setBrand] = React.useState<Pick>();
  const [peers, setPeers] = React.useState<Pick>();
  const [method, setMethod] = React.useState<ScoreMethod>("percentile");
  const [topText, setTopText] = React.useState("3");
  const [topTouched, setTopTouched] = React.useState(false);
  const [created, setCreated] = React.useState<{ sheet: string; rows: WeakIndicator[] }>();

  const brandCheck = React.useMemo(() => (brand ? parseBrand(brand.values, lang) : undefined), [brand, lang]);
  const input = React.useMemo(() => (brand && peers ? parseBenchmark(brand.values, peers.values, lang) : undefined), [brand, peers, lang]);
  const topN = topNumber(topText);
  const ready = input?.ok === true && topN !== undefined;

  const pick = (set: (p: Pick) => void) => async () => {
    try {
      const sel = await workbook.readSelection();
      set({ address: sel.address, values: sel.values });
      setStatus(null);
    } catch (e) {
      setStatus({ intent: "error", text: errorText(portError(e), lang) });
    }
  };

  const writeSample = async () => {
    const sample = sampleBenchmarkSheet(lang);
    const r = await write(sample.plan);
    if (!r) return;
    const q = quoteSheet(r.sheetName);
    setBrand({ address: `${q}!${sample.brand}`, values: sample.cells.brand });
    setPeers({ address: `${q}!${sample.peers}`, values: sample.cells.peers });
    setStatus({ intent: "success", text: L("diagSampleWritten", { sheet: r.sheetName }) });
  };

  const create = async () => {
    if (!ready || !input?.ok || !brand || !peers || topN === undefined) return;
    const { plan } = scorecardSheet({ benchmark: input.value, method, topN, source: { brand: brand.address, peers: peers.address } }, lang);
    const r = await write(plan);
    if (r) setCreated({ sheet: r.sheetName, rows: diagnosis(input.value, method, topN) });
  };

  const runTool = async (tool: Tool) => {
    const tab = PLANNER_TOOLS[tool];
    if (tab) {
      onOpenTool(tab);
      return;
    }
    if (!workbook.insertFormula) {
      setStatus({ intent: "warning", text: L("diagInsertUnsupported", { formula: skeletonFormula(tool, { row: 1, col: 8 }) }) });
      return;
    }
    try {
      const r = await workbook.insertFormula((cell) => skeletonFormula(tool, cell));
      setStatus({ intent: "success", text: L("diagInserted", { formula: r.formula, address: r.address }) });
    } catch (e) {
      setStatus({ intent: "error", text: errorText(portError(e), lang) });
    }
  };

  const score = (v: number) => formatNumber(Math.round(v * 100) / 100, lang);

  return (
    <div className={s.view}>
      <span className={s.hint}>{L("diagIntro")}</span>

      <section className={s.section} aria-label={L("diagBrandHeading")}>
        <SectionHead title={L("diagBrandHeading")} />
        <span className={s.hint}>{L("diagBrandHint")}</span>
        <div className={s.actions}>
          <Button size="small" onClick={pick(setBrand)} disabled={busy}>
            {L("useSelection")}
          </Button>
        </div>
        {!brand && <span className={x.picked}>{L("diagNotPicked")}</span>}
        {brand && brandCheck?.ok && (
          <span className={x.picked}>
            {L("diagBrandPicked", { address: brand.address, brand: brandCheck.value.brandName || L("diagBrandDefault"), codes: brandCheck.value.codes })}
          </span>
        )}
        {brandCheck && !brandCheck.ok && (
          <span className={x.error} role="alert">
            {brandCheck.error}
          </span>
        )}
      </section>

      <section className={s.section} aria-label={L("diagPeersHeading")}>
        <SectionHead title={L("diagPeersHeading")} />
        <span className={s.hint}>{L("diagPeersHint")}</span>
        <div className={s.actions}>
          <Button size="small" onClick={pick(setPeers)} disabled={busy}>
            {L("useSelection")}
          </Button>
        </div>
        {!peers && <span className={x.picked}>{L("diagNotPicked")}</span>}
        {peers && input?.ok && <span className={x.picked}>{L("diagPeersPicked", { address: peers.address, peers: input.value.peers.length })}</span>}
        {peers && !brand && <span className={x.picked}>{peers.address}</span>}
        {input && !input.ok && brandCheck?.ok && (
          <span className={x.error} role="alert">
            {input.error}
          </span>
        )}
      </section>

      <div className={s.actions}>
        <Button size="small" onClick={writeSample} disabled={busy}>
          {L("diagSample")}
        </Button>
      </div>

      <Field label={L("diagMethod")} size="small" className={s.field}>
        <Select size="small" value={method} onChange={(_, d) => setMethod(d.value as ScoreMethod)}>
          {METHODS.map((m) => (
            <option key={m} value={m}>
              {L(`diagMethodOpt_${m}`)}
            </option>
          ))}
        </Select>
      </Field>
      <TextField
        label={L("diagTopN")}
        numeric
        value={topText}
        onChange={setTopText}
        error={topN === undefined ? L("diagTopNInvalid", { max: CODES.length }) : undefined}
        show={topTouched || topText.trim() !== ""}
        onBlur={() => setTopTouched(true)}
      />

      <CreateButton lang={lang} disabled={!ready || busy} onClick={create} text={L("diagCreate")} />
      {!ready && <span className={s.hint}>{L("diagNeedBoth")}</span>}
      <StatusArea busy={busy} status={status} lang={lang} />

      {created && (
        <section className={s.section} aria-label={L("diagWeakestHeading", { sheet: created.sheet })}>
          <SectionHead title={L("diagWeakestHeading", { sheet: created.sheet })} />
          <span className={s.hint}>{L("diagToolHint")}</span>
          {created.rows.length === 0 && <span className={s.hint}>{L("diagNothingScored")}</span>}
          {created.rows.map((w, i) => (
            <RowCard key={w.code.code} title={L("diagWeakTitle", { rank: i + 1, code: w.code.code, name: codeName(w.code, lang), score: score(w.score) })}>
              {w.scenarios.length === 0 && <span className={s.wide}>{L("diagNoScenario")}</span>}
              {w.scenarios.map((sc) => (
                <div key={sc.id} className={x.scenario} role="group" aria-label={scenarioName(sc, lang)}>
                  <span className={x.scenarioName}>
                    {scenarioName(sc, lang)} <span className={x.source}>· {L(SOURCE_KEY[sc.source])}</span>
                  </span>
                  <div className={s.actions}>
                    {sc.tools.map((t) => (
                      <Button key={t} size="small" onClick={() => void runTool(t)}>
                        {L(`diagTool_${t}`)}
                      </Button>
                    ))}
                  </div>
                </div>
              ))}
            </RowCard>
          ))}
        </section>
      )}
    </div>
  );
}
