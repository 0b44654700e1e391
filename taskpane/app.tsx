/**
 * The task pane: tabs GTA, Hot product, Plans and Diagnose, in English or Chinese, over any
 * `Workbook` adapter. `mountPane` is the one entry both hosts use: `taskpane/index.tsx` (Excel)
 * and the workbench page (HyperFormula), each with its own adapter.
 */
import * as React from "react";
import * as z from "zod";
import { createRoot, type Root } from "react-dom/client";
import { FluentProvider, makeStyles, Tab, TabList, Text, webLightTheme } from "@fluentui/react-components";
import { label, type Lang } from "./i18n";
import { emptyGtaForm, type GtaForm } from "./forms/gta";
import { emptyHotForm, type HealthForm, type HotForm } from "./forms/hot";
import { GtaView } from "./views/GtaView";
import { HotView } from "./views/HotView";
import { PlansView } from "./views/PlansView";
import { DiagnoseView } from "./views/DiagnoseView";
import { DatasetsView } from "./views/DatasetsView";
import { planToForm } from "./plans/convert";
import { DraftNotice, useDrafts } from "./views/DraftNotice";
import { emptyHealthForm } from "./drafts";
import type { Plan } from "../src/plan/schema";
import type { Workbook } from "./workbook/port";

// The pane's CSP forbids eval: zod must not try to compile validators (nor probe for it).
z.config({ jitless: true });

const useStyles = makeStyles({
  root: { boxSizing: "border-box", width: "100%", maxWidth: "350px", minWidth: "300px", padding: "8px 12px 24px" },
  title: { display: "block", marginBottom: "4px" },
});

export type TabId = "gta" | "hot" | "plans" | "diagnose" | "datasets";

export interface AppProps {
  workbook: Workbook;
  lang: Lang;
  /** Tab shown first (default GTA). */
  initialTab?: TabId;
}

export function App({ workbook, lang, initialTab = "gta" }: AppProps): React.JSX.Element {
  const s = useStyles();
  const [tab, setTab] = React.useState<TabId>(initialTab);
  // Forms live here so switching tabs keeps what was typed.
  const [gta, setGta] = React.useState<GtaForm>(emptyGtaForm);
  const [hot, setHot] = React.useState<HotForm>(() => emptyHotForm(lang));
  const [health, setHealth] = React.useState<HealthForm>(emptyHealthForm);
  // The saved plan or template each form was last loaded from (its names are kept on save).
  const [gtaBase, setGtaBase] = React.useState<Plan>();
  const [hotBase, setHotBase] = React.useState<Plan>();
  // Each form's draft is kept in the workbook across a reload or a language switch (drafts.ts).
  const drafts = useDrafts(workbook, {
    gta: { value: gta, set: setGta, base: gtaBase, setBase: setGtaBase },
    hot: { value: hot, set: setHot, base: hotBase, setBase: setHotBase },
    health: { value: health, set: setHealth },
  }, lang);
  const loadPlan = React.useCallback(
    (plan: Plan) => {
      const loaded = planToForm(plan, lang);
      if (loaded.kind === "gta") {
        setGta(loaded.form);
        setGtaBase(plan);
        setTab("gta");
      } else {
        setHot(loaded.form);
        setHotBase(plan);
        setTab("hot");
      }
    },
    [lang],
  );
  const L = (k: Parameters<typeof label>[0]) => label(k, lang);
  return (
    <FluentProvider theme={webLightTheme} lang={lang === "zh" ? "zh-CN" : "en"}>
      <main className={s.root}>
        <Text as="h1" weight="semibold" size={400} className={s.title}>
          {L("appTitle")}
        </Text>
        {/* Five tabs do not fit in one line of a 320 px pane: they wrap. */}
        <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)} size="small" style={{ flexWrap: "wrap" }}>
          <Tab value="gta">{L("tabGta")}</Tab>
          <Tab value="hot">{L("tabHot")}</Tab>
          <Tab value="plans">{L("tabPlans")}</Tab>
          <Tab value="diagnose">{L("tabDiagnose")}</Tab>
          <Tab value="datasets">{L("tabDatasets")}</Tab>
        </TabList>
        <div role="tabpanel" aria-label={L("tabGta")} hidden={tab !== "gta"}>
          {drafts.restored.gta && <DraftNotice lang={lang} onClear={() => drafts.clear("gta")} onDismiss={() => drafts.dismiss("gta")} />}
          <GtaView workbook={workbook} lang={lang} form={gta} onChange={setGta} />
        </div>
        <div role="tabpanel" aria-label={L("tabHot")} hidden={tab !== "hot"}>
          {drafts.restored.hot && <DraftNotice lang={lang} onClear={() => drafts.clear("hot")} onDismiss={() => drafts.dismiss("hot")} />}
          <HotView workbook={workbook} lang={lang} form={hot} onChange={setHot} health={health} onHealthChange={setHealth} />
        </div>
        <div role="tabpanel" aria-label={L("tabPlans")} hidden={tab !== "plans"}>
          <PlansView workbook={workbook} lang={lang} active={tab === "plans"} gta={gta} hot={hot} gtaBase={gtaBase} hotBase={hotBase} onLoad={loadPlan} />
        </div>
        <div role="tabpanel" aria-label={L("tabDiagnose")} hidden={tab !== "diagnose"}>
          <DiagnoseView workbook={workbook} lang={lang} onOpenTool={setTab} />
        </div>
        <div role="tabpanel" aria-label={L("tabDatasets")} hidden={tab !== "datasets"}>
          <DatasetsView workbook={workbook} lang={lang} />
        </div>
      </main>
    </FluentProvider>
  );
}

/** Render the pane into `element` over `workbook`, in `lang`. */
export function mountPane(element: HTMLElement, workbook: Workbook, lang: Lang, initialTab?: TabId): Root {
  const root = createRoot(element);
  root.render(<App workbook={workbook} lang={lang} initialTab={initialTab} />);
  return root;
}
