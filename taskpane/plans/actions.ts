/**
 * What the "Plans" tab does, as plain async functions over the `Workbook` port (no React), so
 * they can be tested with an in-memory port.
 *
 * Every change reads the library from the workbook again right before changing it (another
 * pane or a colleague's copy may have changed it), applies one operation of
 * `src/plan/store.ts`, and writes the result with one `savePlans`. A library that cannot be read
 * is reported and never written over; a refused operation writes nothing.
 *
 * Messages are returned in both languages ({@link Bilingual}); the view shows the user's one.
 * A plan has one name (`src/plan/store.ts`), so both languages quote the same name; a copy is
 * named in the user's language (`opts.lang`: "(copy)" or "（副本）").
 */
import {
  copyWithTarget,
  deletePlan,
  duplicatePlan,
  exportPlan,
  importPlan,
  MAX_LIBRARY_BYTES,
  readLibrary,
  renamePlan,
  savePlan,
  writeLibrary,
  type CopyOptions,
  type Library,
  type StoreResult,
} from "../../src/plan/store";
import { MAX_PLAN_BYTES, type Bilingual, type Plan, type PlanError } from "../../src/plan/schema";
import { parseTyped } from "../forms/fields";
import { label, formatNumber, type LabelKey } from "../i18n";
import { WorkbookError, type Workbook } from "../workbook/port";
import { utf8Length } from "../workbook/requests";

/** The library as the tab shows it. */
export type LibraryState =
  | { status: "ok"; library: Library }
  /** The stored library is damaged: shown as an error; nothing is ever saved over it. */
  | { status: "damaged"; error: PlanError; raw: string }
  /** The workbook could not be read (no plan storage on this host, host error). */
  | { status: "unavailable"; message: Bilingual };

/** The result of an action. */
export type Outcome =
  /** Done and written; `plan` is the plan saved/changed (to load into its view). */
  | { kind: "done"; library: Library; plan?: Plan; message: Bilingual }
  /** The name is taken: ask, then call the same action again with `overwrite: true`. */
  | { kind: "confirm"; name: string; plan: Plan; message: Bilingual }
  /** Refused; the workbook is unchanged. `state` is set when the library itself is the problem. */
  | { kind: "refused"; message: Bilingual; state?: LibraryState };

const both = (key: LabelKey, params: Record<string, string | number> = {}): Bilingual => ({
  en: label(key, "en", params),
  zh: label(key, "zh", params),
});

/** A port failure as a message in both languages. */
export function portMessage(e: unknown): Bilingual {
  if (e instanceof WorkbookError) return both(`err_${e.code}` as LabelKey, { detail: e.detail });
  return both("err_host", { detail: e instanceof Error ? e.message : String(e) });
}

/**
 * Write `library`, unless its text is larger than a stored library may be read back
 * (`MAX_LIBRARY_BYTES`): then nothing is written and the refusal says by how much.
 */
async function store(port: Workbook, library: Library): Promise<Outcome | undefined> {
  const text = writeLibrary(library);
  const bytes = utf8Length(text);
  if (bytes > MAX_LIBRARY_BYTES) {
    const mb = (x: number) => (x / 1_048_576).toFixed(1);
    return { kind: "refused", message: both("plansTooLarge", { size: mb(bytes), max: mb(MAX_LIBRARY_BYTES) }) };
  }
  try {
    await port.savePlans(text);
  } catch (e) {
    return { kind: "refused", message: portMessage(e) };
  }
  return undefined;
}

/** Read the library stored in the workbook. Never throws. */
export async function openLibrary(port: Workbook): Promise<LibraryState> {
  let raw: string | null;
  try {
    raw = await port.loadPlans();
  } catch (e) {
    return { status: "unavailable", message: portMessage(e) };
  }
  const r = readLibrary(raw);
  return r.ok ? { status: "ok", library: r.library } : { status: "damaged", error: r.error, raw: raw ?? "" };
}

const refusedBy = (state: LibraryState): Outcome => ({
  kind: "refused",
  message: state.status === "damaged" ? state.error.message : state.status === "unavailable" ? state.message : both("err_host", { detail: "" }),
  state,
});

/** Read the library, apply `op`, write the new library when `op` succeeded. */
async function change(
  port: Workbook,
  op: (lib: Library) => StoreResult,
  done: (plan: Plan) => Bilingual,
): Promise<Outcome> {
  const state = await openLibrary(port);
  if (state.status !== "ok") return refusedBy(state);
  const r = op(state.library);
  if (!r.ok) return { kind: "refused", message: r.error.message };
  const refused = await store(port, r.library);
  if (refused) return refused;
  return { kind: "done", library: r.library, plan: r.plan, message: done(r.plan) };
}

export interface SaveOptions {
  /** Replace a plan of the same name (after the user confirmed). */
  overwrite?: boolean;
  /** Time stamp to record (tests); default now. */
  now?: string;
}

/** Save `plan` under its name; a taken name asks first (`confirm`) unless `overwrite`. */
export async function savePlanAction(port: Workbook, plan: Plan, opts: SaveOptions = {}): Promise<Outcome> {
  const state = await openLibrary(port);
  if (state.status !== "ok") return refusedBy(state);
  const r = savePlan(state.library, plan, opts);
  if (r.status === "error") return { kind: "refused", message: r.error.message };
  if (r.status === "needs-confirmation") return { kind: "confirm", name: r.name, plan, message: r.message };
  const refused = await store(port, r.library);
  if (refused) return refused;
  return { kind: "done", library: r.library, plan: r.plan, message: both(r.replaced ? "plansReplaced" : "plansSaved", { name: r.plan.name }) };
}

export function renameAction(port: Workbook, from: string, to: string, opts: { now?: string } = {}): Promise<Outcome> {
  return change(port, (lib) => renamePlan(lib, from, to.trim(), opts), (p) => both("plansRenamed", { name: p.name }));
}

/** Duplicate as `name (copy)`, or `name（副本）` when `opts.lang` is Chinese (numbered when taken). */
export function duplicateAction(port: Workbook, name: string, opts: CopyOptions = {}): Promise<Outcome> {
  return change(port, (lib) => duplicatePlan(lib, name, opts), (p) => both("plansDuplicated", { name: p.name }));
}

export function deleteAction(port: Workbook, name: string): Promise<Outcome> {
  return change(port, (lib) => deletePlan(lib, name), (p) => both("plansDeleted", { name: p.name }));
}

/**
 * "Copy plan, change target": `targetText` as typed ("120,000,000", "¥1.2e8"); the copy is saved
 * as a new plan next to the original and returned (to load into its view).
 */
export async function copyWithTargetAction(port: Workbook, name: string, targetText: string, opts: CopyOptions = {}): Promise<Outcome> {
  const target = parseTyped(targetText);
  if (target === null || target === undefined) return { kind: "refused", message: both("plansBadTarget", { value: targetText.trim() }) };
  return change(
    port,
    (lib) => copyWithTarget(lib, name, target, opts),
    (p) => ({
      en: label("plansCopied", "en", { name: p.name, target: formatNumber(target, "en") }),
      zh: label("plansCopied", "zh", { name: p.name, target: formatNumber(target, "zh") }),
    }),
  );
}

/** What the import reads: a `File` (or a stand-in in tests). */
export interface PlanFile {
  name: string;
  size: number;
  text(): Promise<string>;
}

/**
 * Import a `.json` plan file: over 1 MB is refused before reading; the text is validated by
 * `importPlan` (path + message on refusal); a valid plan is saved like {@link savePlanAction}.
 */
export async function importAction(port: Workbook, file: PlanFile, opts: SaveOptions = {}): Promise<Outcome> {
  if (file.size > MAX_PLAN_BYTES) {
    return { kind: "refused", message: both("plansFileTooLarge", { file: file.name, size: formatNumber(file.size, "en"), limit: "1 MB" }) };
  }
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    return { kind: "refused", message: both("plansFileUnreadable", { file: file.name, detail: e instanceof Error ? e.message : String(e) }) };
  }
  const r = importPlan(text);
  if (!r.ok) {
    return {
      kind: "refused",
      message: { en: label("plansImportRefused", "en", { file: file.name, detail: r.error.message.en }), zh: label("plansImportRefused", "zh", { file: file.name, detail: r.error.message.zh }) },
    };
  }
  return savePlanAction(port, r.plan, opts);
}

/** A plan as a download: a file name made of the plan's name, and the exported text. */
export function exportFile(plan: Plan): { fileName: string; text: string } {
  // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
  const base = plan.name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_").trim().slice(0, 80) || "plan";
  return { fileName: `${base}.json`, text: exportPlan(plan) };
}
