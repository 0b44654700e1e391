/**
 * Form drafts in the pane (`taskpane/drafts.ts`): {@link useDrafts} restores the GTA, hot-product
 * and health-check forms from their drafts when the pane starts, writes each draft shortly after
 * a change (and at once when the page is hidden), and {@link DraftNotice} says "Draft restored"
 * above a restored view, with Clear (empty the form, delete its draft) and Dismiss.
 *
 * A draft is not removed when a plan is created or saved: the form stays filled after those
 * actions, so a reload shows the form as it was; Clear (or emptying the form) removes it.
 */
import * as React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { label, type Lang } from "../i18n";
import { DRAFT_DELAY_MS, DRAFT_VIEWS, draftStorage, draftText, EMPTY_FORMS, parseDraft, type DraftForms, type DraftView } from "../drafts";
import type { Plan } from "../../src/plan/schema";
import type { Workbook } from "../workbook/port";

/** One form of the pane: its value and setter, and the plan it was loaded from (gta, hot). */
export interface DraftSlot<V extends DraftView> {
  value: DraftForms[V];
  set(value: DraftForms[V]): void;
  base?: Plan;
  setBase?(plan: Plan | undefined): void;
}

export type DraftSlots = { [V in DraftView]: DraftSlot<V> };

/** The tabs that show a notice: the hot-product tab holds the hot and health forms. */
export type DraftTab = "gta" | "hot";
const TAB_OF: Record<DraftView, DraftTab> = { gta: "gta", hot: "hot", health: "hot" };

export interface Drafts {
  /** The tabs whose form was restored from a draft (notice shown until Clear or Dismiss). */
  restored: Record<DraftTab, boolean>;
  /** Empty the tab's forms and delete their drafts. */
  clear(tab: DraftTab): void;
  /** Hide the notice; the draft stays. */
  dismiss(tab: DraftTab): void;
}

export function useDrafts(workbook: Workbook, slots: DraftSlots, lang: Lang): Drafts {
  const storage = React.useMemo(() => draftStorage(workbook), [workbook]);
  const [ready, setReady] = React.useState(false);
  const [restored, setRestored] = React.useState<Record<DraftTab, boolean>>({ gta: false, hot: false });
  const latest = React.useRef(slots);
  latest.current = slots;
  // The values the pane started with: a form the user changed before the drafts were read is kept.
  const initial = React.useRef({ gta: slots.gta.value, hot: slots.hot.value, health: slots.health.value });
  const restoredBase = React.useRef<Partial<Record<DraftTab, Plan>>>({});
  /** The text stored for each view (undefined: not read yet). */
  const stored = React.useRef<Partial<Record<DraftView, string | null>>>({});
  const pending = React.useRef<Partial<Record<DraftView, string | null>>>({});
  const timers = React.useRef<Partial<Record<DraftView, ReturnType<typeof setTimeout>>>>({});

  const flush = React.useCallback(
    (view: DraftView) => {
      clearTimeout(timers.current[view]);
      delete timers.current[view];
      if (!(view in pending.current)) return;
      const text = pending.current[view] ?? null;
      delete pending.current[view];
      stored.current[view] = text;
      void storage.save(view, text);
    },
    [storage],
  );
  const schedule = React.useCallback(
    (view: DraftView, text: string | null, now = false) => {
      if (text === stored.current[view] && !(view in pending.current)) return;
      pending.current[view] = text;
      clearTimeout(timers.current[view]);
      if (now) flush(view);
      else timers.current[view] = setTimeout(() => flush(view), DRAFT_DELAY_MS);
    },
    [flush],
  );

  // Read the drafts once.
  React.useEffect(() => {
    let gone = false;
    void (async () => {
      const texts = await Promise.all(DRAFT_VIEWS.map((v) => storage.load(v).catch(() => null)));
      if (gone) return;
      const got: Record<DraftTab, boolean> = { gta: false, hot: false };
      DRAFT_VIEWS.forEach((view, i) => {
        stored.current[view] = texts[i];
        const slot = latest.current[view] as DraftSlot<DraftView>;
        const draft = parseDraft(view, texts[i]);
        if (!draft || slot.value !== initial.current[view]) return;
        slot.set(draft.form);
        if (draft.base && slot.setBase) {
          slot.setBase(draft.base);
          restoredBase.current[TAB_OF[view]] = draft.base;
        }
        got[TAB_OF[view]] = true;
      });
      setRestored(got);
      setReady(true);
    })();
    return () => {
      gone = true;
    };
  }, [storage]);

  // Write each draft after a change (not before the drafts were read: that would erase them).
  const texts = {
    gta: React.useMemo(() => (ready ? draftText("gta", slots.gta.value, slots.gta.base) : undefined), [ready, slots.gta.value, slots.gta.base]),
    hot: React.useMemo(() => (ready ? draftText("hot", slots.hot.value, slots.hot.base) : undefined), [ready, slots.hot.value, slots.hot.base]),
    health: React.useMemo(() => (ready ? draftText("health", slots.health.value) : undefined), [ready, slots.health.value]),
  };
  React.useEffect(() => {
    if (texts.gta !== undefined) schedule("gta", texts.gta);
  }, [texts.gta, schedule]);
  React.useEffect(() => {
    if (texts.hot !== undefined) schedule("hot", texts.hot);
  }, [texts.hot, schedule]);
  React.useEffect(() => {
    if (texts.health !== undefined) schedule("health", texts.health);
  }, [texts.health, schedule]);

  // Leaving the page (reload, language switch, closing the pane): write what is pending now.
  React.useEffect(() => {
    const all = () => DRAFT_VIEWS.forEach(flush);
    const hidden = () => {
      if (document.visibilityState === "hidden") all();
    };
    window.addEventListener("pagehide", all);
    document.addEventListener("visibilitychange", hidden);
    return () => {
      window.removeEventListener("pagehide", all);
      document.removeEventListener("visibilitychange", hidden);
      all();
    };
  }, [flush]);

  // Loading a plan into a restored view replaces the draft's form: the notice goes.
  const gtaBase = slots.gta.base;
  const hotBase = slots.hot.base;
  React.useEffect(() => {
    if (ready && gtaBase !== restoredBase.current.gta) setRestored((r) => (r.gta ? { ...r, gta: false } : r));
  }, [ready, gtaBase]);
  React.useEffect(() => {
    if (ready && hotBase !== restoredBase.current.hot) setRestored((r) => (r.hot ? { ...r, hot: false } : r));
  }, [ready, hotBase]);

  const views = (tab: DraftTab): DraftView[] => DRAFT_VIEWS.filter((v) => TAB_OF[v] === tab);
  const clear = (tab: DraftTab) => {
    for (const view of views(tab)) {
      const slot = latest.current[view] as DraftSlot<DraftView>;
      slot.set(EMPTY_FORMS[view](lang));
      slot.setBase?.(undefined);
      schedule(view, null, true);
    }
    restoredBase.current[tab] = undefined;
    setRestored((r) => ({ ...r, [tab]: false }));
  };
  const dismiss = (tab: DraftTab) => setRestored((r) => ({ ...r, [tab]: false }));
  return { restored, clear, dismiss };
}

export interface DraftNoticeProps {
  lang: Lang;
  onClear(): void;
  onDismiss(): void;
}

/** "Draft restored", with Clear and Dismiss. */
export function DraftNotice({ lang, onClear, onDismiss }: DraftNoticeProps): React.JSX.Element {
  const L = (k: Parameters<typeof label>[0]) => label(k, lang);
  return (
    <MessageBar intent="info" layout="multiline" role="status" aria-label={L("draftLabel")} style={{ marginTop: "8px" }}>
      <MessageBarBody>{L("draftRestored")}</MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={onClear}>
          {L("draftClear")}
        </Button>
        <Button size="small" appearance="transparent" onClick={onDismiss}>
          {L("draftDismiss")}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
