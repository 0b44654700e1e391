/**
 * Drafts of the pane's forms: what was typed into the GTA form, the hot-product form and the
 * health-check form survives a reload of the pane and a change of its language.
 *
 * A draft is one small JSON text per view, kept IN THE WORKBOOK through the optional `Workbook`
 * port pair `loadDraft(view)` / `saveDraft(view, text)` (Excel: `workbook.settings`, ExcelApi
 * 1.4; the workbench: its saved book in localStorage), so it travels with the file like the plan
 * library; on a host without them (or when they fail) in the pane's sessionStorage.
 *
 * ```json
 * {"schema": "dtc-pane-draft", "version": 1, "view": "gta", "form": {"name": "双11", "target": "1e8", "crowds": [...]},
 *  "base": {"schema": "dtc-plan", ...}}
 * ```
 * `form` holds the fields exactly as typed (text is never translated; labels follow the
 * language); `base` is the plan or template the form was loaded from (its notes are kept on
 * save). Every draft is validated with zod on load: a draft that is not JSON, of another
 * schema, version or view, too large, or whose fields are not text is ignored (the form starts
 * empty), never an error. Fields a newer form has and the draft lacks take their empty value; a
 * `base` that is not a valid plan is dropped alone.
 *
 * The pane writes a draft shortly after each change ({@link DRAFT_DELAY_MS}) and at once when
 * the page is hidden or unloaded; a form back to its empty state removes its draft.
 */
import * as z from "zod";
import { parsePlanValue, type Plan } from "../src/plan/schema";
import { emptyCrowd, emptyGtaForm, type GtaCrowdForm, type GtaForm } from "./forms/gta";
import { emptyActual, emptyHotCrowd, emptyHotForm, type ActualForm, type HealthForm, type HotCrowdForm, type HotForm, type PhaseForm } from "./forms/hot";
import type { Lang } from "./i18n";
import type { Workbook } from "./workbook/port";

export const DRAFT_SCHEMA = "dtc-pane-draft";
export const DRAFT_VERSION = 1;
/** The views that keep a draft. */
export const DRAFT_VIEWS = ["gta", "hot", "health"] as const;
export type DraftView = (typeof DRAFT_VIEWS)[number];
/** Largest draft text kept or read, in UTF-16 units (a 1,000-row GTA form is about 150 kB). */
export const MAX_DRAFT_CHARS = 2_000_000;
/** Delay between the last change of a form and the write of its draft. */
export const DRAFT_DELAY_MS = 400;
/** Key prefix of drafts kept in sessionStorage when the workbook cannot keep them. */
export const SESSION_PREFIX = "dtc-metrics/draft/";

/** The form of each view. */
export interface DraftForms {
  gta: GtaForm;
  hot: HotForm;
  health: HealthForm;
}

/** A draft as restored: the form and, for gta and hot, the plan it was loaded from. */
export interface Draft<V extends DraftView = DraftView> {
  view: V;
  form: DraftForms[V];
  base?: Plan;
}

export function emptyHealthForm(): HealthForm {
  return { precision: "", actuals: [] };
}

/** The empty form of each view in a display language (what the pane starts with). */
export const EMPTY_FORMS: { [V in DraftView]: (lang: Lang) => DraftForms[V] } = {
  gta: () => emptyGtaForm(),
  hot: (lang) => emptyHotForm(lang),
  health: () => emptyHealthForm(),
};

// ---------------------------------------------------------------------------------------------
// Validation (every field text; rows merged over the empty row, so added fields get defaults)

const MAX_TEXT = 10_000;
const MAX_ROWS = 10_000;
const text = z.string().max(MAX_TEXT);
/** An object of optional text fields named like `sample`'s keys (other keys are dropped). */
function textFields<T extends object>(sample: T) {
  return z.object(Object.fromEntries(Object.keys(sample).map((k) => [k, text.optional()])) as Record<keyof T, z.ZodOptional<z.ZodString>>);
}
const rows = <S extends z.ZodType>(row: S) => z.array(row).max(MAX_ROWS);

const gtaCrowd = textFields<GtaCrowdForm>(emptyCrowd());
const gtaForm = z.object({ name: text.optional(), target: text.optional(), crowds: rows(gtaCrowd).optional() });
const phase = textFields<PhaseForm>({ name: "", weight: "" });
const hotCrowd = textFields<HotCrowdForm>(emptyHotCrowd());
const hotForm = z.object({
  ...textFields<Omit<HotForm, "phases" | "crowds" | "funnelMode">>({ product: "", target: "", price: "", unitsPerBuyer: "", costRatio: "", iToP: "", aToI: "" }).shape,
  phases: rows(phase).optional(),
  crowds: rows(hotCrowd).optional(),
  funnelMode: z.enum(["shared", "perCrowd"]).optional(),
});
const actual = textFields<ActualForm>(emptyActual());
const healthForm = z.object({ precision: text.optional(), actuals: rows(actual).optional() });

const FORM_SCHEMAS = { gta: gtaForm, hot: hotForm, health: healthForm } as const;

const envelope = z.object({
  schema: z.literal(DRAFT_SCHEMA),
  version: z.literal(DRAFT_VERSION),
  view: z.enum(DRAFT_VIEWS),
  form: z.unknown(),
  base: z.unknown().optional(),
});

/** Drop the keys whose value is undefined (zod keeps absent optional keys absent, but be sure). */
function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function restoreForm<V extends DraftView>(view: V, value: unknown): DraftForms[V] | undefined {
  const r = FORM_SCHEMAS[view].safeParse(value);
  if (!r.success) return undefined;
  const d = r.data as Record<string, unknown>;
  if (view === "gta") {
    const g = d as z.infer<typeof gtaForm>;
    const form: GtaForm = { ...emptyGtaForm(), ...defined({ name: g.name, target: g.target }) };
    if (g.crowds) form.crowds = g.crowds.map((c) => ({ ...emptyCrowd(), ...defined(c) }));
    return form as DraftForms[V];
  }
  if (view === "hot") {
    const h = d as z.infer<typeof hotForm>;
    const { phases, crowds, ...fields } = h;
    const form: HotForm = { ...emptyHotForm(), ...defined(fields) };
    if (phases) form.phases = phases.map((p) => ({ name: "", weight: "", ...defined(p) }));
    if (crowds) form.crowds = crowds.map((c) => ({ ...emptyHotCrowd(), ...defined(c) }));
    return form as DraftForms[V];
  }
  const h = d as z.infer<typeof healthForm>;
  const form: HealthForm = { ...emptyHealthForm(), ...defined({ precision: h.precision }) };
  if (h.actuals) form.actuals = h.actuals.map((a) => ({ ...emptyActual(), ...defined(a) }));
  return form as DraftForms[V];
}

/**
 * The draft of `view` in `text`, or undefined when there is none or it is not a valid draft of
 * that view (never throws).
 */
export function parseDraft<V extends DraftView>(view: V, text: string | null | undefined): Draft<V> | undefined {
  if (typeof text !== "string" || text === "" || text.length > MAX_DRAFT_CHARS) return undefined;
  try {
    const env = envelope.safeParse(JSON.parse(text));
    if (!env.success || env.data.view !== view) return undefined;
    const form = restoreForm(view, env.data.form);
    if (!form) return undefined;
    const draft: Draft<V> = { view, form };
    if (env.data.base !== undefined && view !== "health") {
      const p = parsePlanValue(env.data.base);
      if (p.ok) draft.base = p.plan;
    }
    return draft;
  } catch {
    return undefined;
  }
}

/** True when `form` is the empty form of `view` (nothing worth keeping). */
export function isEmptyForm(view: DraftView, form: DraftForms[DraftView]): boolean {
  if (view === "health") {
    const h = form as HealthForm;
    return h.precision.trim() === "" && h.actuals.every((a) => Object.values(a).every((v) => String(v).trim() === ""));
  }
  // The empty form of either language (its default phase names) is empty.
  return (["en", "zh"] as const).some((lang) => JSON.stringify(form) === JSON.stringify(EMPTY_FORMS[view](lang)));
}

/** The draft text of a form (`null` when the form is empty: the draft is removed). */
export function draftText<V extends DraftView>(view: V, form: DraftForms[V], base?: Plan): string | null {
  if (isEmptyForm(view, form)) return null;
  const value: Record<string, unknown> = { schema: DRAFT_SCHEMA, version: DRAFT_VERSION, view, form };
  if (base && view !== "health") value.base = base;
  const t = JSON.stringify(value);
  return t.length > MAX_DRAFT_CHARS ? null : t;
}

// ---------------------------------------------------------------------------------------------
// Where drafts are kept

/** Minimal storage interface (window.sessionStorage in the pane). */
export interface SessionStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface DraftStorage {
  load(view: DraftView): Promise<string | null>;
  save(view: DraftView, text: string | null): Promise<void>;
}

function defaultSession(): SessionStore | undefined {
  try {
    return typeof sessionStorage === "undefined" ? undefined : sessionStorage;
  } catch {
    return undefined; // storage disabled
  }
}

/**
 * Drafts in the workbook when the port keeps them, else (or when the port fails) in
 * sessionStorage. Never throws: a draft that cannot be kept anywhere is simply not kept.
 */
export function draftStorage(workbook: Workbook, session: SessionStore | undefined = defaultSession()): DraftStorage {
  const key = (view: DraftView) => SESSION_PREFIX + view;
  const fromSession = (view: DraftView): string | null => {
    try {
      return session?.getItem(key(view)) ?? null;
    } catch {
      return null;
    }
  };
  const toSession = (view: DraftView, text: string | null): void => {
    try {
      if (text === null) session?.removeItem(key(view));
      else session?.setItem(key(view), text);
    } catch {
      /* full or disabled: not kept */
    }
  };
  return {
    async load(view) {
      if (workbook.loadDraft) {
        try {
          const t = await workbook.loadDraft(view);
          if (t !== null) return t;
        } catch {
          /* the workbook cannot keep drafts: the session may hold one */
        }
      }
      return fromSession(view);
    },
    async save(view, text) {
      if (workbook.saveDraft) {
        try {
          await workbook.saveDraft(view, text);
          toSession(view, null);
          return;
        } catch {
          /* kept in the session instead */
        }
      }
      toSession(view, text);
    },
  };
}
