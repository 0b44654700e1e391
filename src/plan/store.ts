/**
 * The plan library: named plans saved inside the workbook (docs/plans.md).
 *
 * The task pane keeps the library as one JSON string in the workbook (stored in parts under
 * 4 MB by the Excel adapter, see {@link MAX_LIBRARY_BYTES}), through the `Workbook`
 * port (`loadPlans()` / `savePlans(text)` in `taskpane/workbook/port.ts`), so a workbook sent to
 * a colleague carries its plans. This module is the pure logic on top of that string: read and
 * validate it, list, save, load, rename, duplicate, delete, copy a plan with a new target,
 * export and import single plans. Nothing here touches Office.js, and no function modifies its
 * arguments: every change returns a new {@link Library}, which the pane writes back with
 * {@link writeLibrary}. A refused operation returns an error and the library it was given is
 * unchanged, so the pane simply does not write.
 *
 * Library format (compact JSON; each plan is a plan file of `schema.ts`):
 * ```json
 * {"schema": "dtc-plan-library", "version": 1, "plans": [{"schema": "dtc-plan", "version": 1, …}]}
 * ```
 * Reading validates the library and every plan in it (plans of an older version are migrated).
 * A damaged library is reported with the path of the first bad field, never dropped or
 * replaced silently; the pane should then offer the raw text for rescue and refuse to save.
 *
 * Names are matched ignoring case, surrounding spaces and full-width/half-width forms
 * (`"双１１ 2025 "` is the same name as `"双11 2025"`).
 *
 * A saved plan has ONE name, `name`, given by the user and shown in every language; names are
 * unique in a library, so no two plans show the same name. Only templates carry a second,
 * Chinese default name (`name_zh`, see {@link displayName}); the operations here never write one,
 * and a `name_zh` kept by an earlier version is ignored and dropped when the plan is renamed,
 * duplicated or copied ({@link oneName}).
 */
import * as z from "zod";
import { formatText, type Lang } from "../excel/messages";
import {
  checkEnvelope,
  issueError,
  LIMITS,
  parseJson,
  parsePlan,
  parsePlanValue,
  planError,
  PlanSchema,
  type Bilingual,
  type ParseOptions,
  type Plan,
  type PlanError,
  type PlanKind,
  type PlanResult,
} from "./schema";

/** Value of the `"schema"` field of the library string. */
export const LIBRARY_SCHEMA = "dtc-plan-library";
/** The library format version this add-in writes. */
export const LIBRARY_VERSION = 1;
/** Most plans one workbook holds. */
export const MAX_LIBRARY_PLANS = 500;
/**
 * Largest library string accepted, in UTF-8 bytes. Excel on the web refuses a request over 5 MB,
 * so the Excel adapter stores a library over 4 MB in several parts, each written and read in
 * its own sync (`taskpane/workbook/requests.ts`); a library written in one part by an earlier
 * version still reads.
 */
export const MAX_LIBRARY_BYTES = 16 * 1_048_576;

/** The plans of one workbook, in the order they were added. */
export interface Library {
  readonly plans: readonly Plan[];
}

/** One line of the "Plans" list. */
export interface PlanSummary {
  /** The plan's one name, shown in every language. */
  name: string;
  kind: PlanKind;
  target_gmv: number;
  season?: string;
  updated?: string;
}

export type LibraryResult = { ok: true; library: Library; migrated: boolean } | { ok: false; error: PlanError };
export type StoreResult = { ok: true; library: Library; plan: Plan } | { ok: false; error: PlanError };
export type SaveResult =
  | { status: "saved"; library: Library; plan: Plan; replaced: boolean }
  | { status: "needs-confirmation"; name: string; existing: Plan; message: Bilingual }
  | { status: "error"; error: PlanError };

/** Options of the operations that stamp `created` / `updated`. */
export interface StampOptions {
  /** The time to record, as an ISO date-time; default now. */
  now?: string;
}

const LibraryEnvelope = z.strictObject({
  schema: z.literal(LIBRARY_SCHEMA),
  version: z.literal(LIBRARY_VERSION),
  plans: z.array(z.unknown()).max(MAX_LIBRARY_PLANS),
});

/** The key two names are compared by: NFKC, trimmed, lower case. */
export function nameKey(name: string): string {
  return name.normalize("NFKC").trim().toLowerCase();
}

/**
 * The name a TEMPLATE offers in `lang`: its Chinese default name (`name_zh`) in Chinese, else
 * `name`. A saved plan has one name, `name`, shown in every language (see {@link oneName}).
 */
export function displayName(plan: Pick<Plan, "name" | "name_zh">, lang: Lang): string {
  return lang === "zh" && plan.name_zh ? plan.name_zh : plan.name;
}

/**
 * A saved plan with its one name: the `name_zh` that earlier versions kept beside `name` (a
 * template's Chinese name, never changed by Rename) is dropped, so the plan shows, loads and is
 * matched under `name` in every language. Returns `plan` itself when it has no `name_zh`.
 */
export function oneName<P extends Plan>(plan: P): P {
  if (plan.name_zh === undefined) return plan;
  const rest: Record<string, unknown> = { ...plan };
  delete rest.name_zh;
  return rest as P;
}

export function emptyLibrary(): Library {
  return { plans: [] };
}

/** Report a library problem: the path inside the library and the message wrapped as "damaged". */
function damaged(error: PlanError, prefix: string): PlanError {
  const path = error.path === "$" ? prefix || "$" : prefix ? `${prefix}.${error.path}` : error.path;
  const inner = (lang: Lang): string => {
    const m = error.message[lang];
    if (!prefix) return m;
    if (error.path === "$") return `${prefix}${lang === "zh" ? "：" : ": "}${m}`;
    return `${prefix}.${m}`;
  };
  const wrap = (lang: Lang): string => formatText("planLibraryDamaged", { detail: inner(lang) }, lang);
  return { path, key: error.key, message: { en: wrap("en"), zh: wrap("zh") } };
}

/**
 * Read the library string stored in a workbook. Blank (a workbook without plans) is an empty
 * library. Every plan is validated and migrated; two plans with the same name are refused.
 * Never throws.
 */
export function readLibrary(text: string | null | undefined): LibraryResult {
  if (text === null || text === undefined || text.trim() === "") return { ok: true, library: emptyLibrary(), migrated: false };
  const json = parseJson(text, MAX_LIBRARY_BYTES);
  if (!json.ok) return { ok: false, error: damaged(json.error, "") };
  const env = checkEnvelope(json.value, LIBRARY_SCHEMA, LIBRARY_VERSION);
  if (!env.ok) return { ok: false, error: damaged(env.error, "") };
  const r = LibraryEnvelope.safeParse(json.value);
  if (!r.success) return { ok: false, error: damaged(issueError(r.error.issues[0], json.value), "") };
  const plans: Plan[] = [];
  const seen = new Set<string>();
  let migrated = false;
  for (let i = 0; i < r.data.plans.length; i++) {
    const p = parsePlanValue(r.data.plans[i]);
    if (!p.ok) return { ok: false, error: damaged(p.error, `plans[${i}]`) };
    const key = nameKey(p.plan.name);
    if (seen.has(key)) {
      return { ok: false, error: damaged(planError("name", "planDuplicateName", { name: p.plan.name }), `plans[${i}]`) };
    }
    seen.add(key);
    migrated ||= p.migratedFrom !== undefined;
    plans.push(p.plan);
  }
  return { ok: true, library: { plans }, migrated };
}

/** The library string to store in the workbook (compact JSON, plans in library order). */
export function writeLibrary(library: Library): string {
  return JSON.stringify({ schema: LIBRARY_SCHEMA, version: LIBRARY_VERSION, plans: library.plans });
}

/** The "Plans" list, in library order. */
export function listPlans(library: Library): PlanSummary[] {
  return library.plans.map((p) => {
    const s: PlanSummary = { name: p.name, kind: p.kind, target_gmv: p.inputs.target_gmv };
    if (p.season !== undefined) s.season = p.season;
    if (p.updated !== undefined) s.updated = p.updated;
    return s;
  });
}

function indexOf(library: Library, name: string): number {
  const key = nameKey(name);
  return library.plans.findIndex((p) => nameKey(p.name) === key);
}

const notFound = (name: string): { ok: false; error: PlanError } => ({
  ok: false,
  error: planError("name", "planNotFound", { name }),
});

/** The plan saved under `name` (to fill the planner view). */
export function loadPlan(library: Library, name: string): PlanResult {
  const i = indexOf(library, name);
  return i < 0 ? notFound(name) : { ok: true, plan: library.plans[i] };
}

/** A library with `plan` at index `i` (replacing it when `replace`, else inserted there). */
function put(library: Library, i: number, plan: Plan, replace: boolean): Library {
  const plans = library.plans.slice();
  plans.splice(i, replace ? 1 : 0, plan);
  return { plans };
}

const stamp = (opts: StampOptions | undefined): string => opts?.now ?? new Date().toISOString();

/** Validate a plan built by the pane (or changed here); errors name the bad field. */
function valid(plan: unknown): PlanResult {
  return parsePlanValue(plan);
}

const tooMany = (): PlanError => planError("plans", "planTooMany", { max: MAX_LIBRARY_PLANS });

/**
 * Save `plan` under its name. A new name is appended. An existing name (compared by
 * {@link nameKey}) returns `needs-confirmation` unless `overwrite` is true; then the plan
 * replaces the old one in place and keeps its `created` date. `updated` is set to now.
 */
export function savePlan(library: Library, plan: Plan, opts: StampOptions & { overwrite?: boolean } = {}): SaveResult {
  const v = valid(plan);
  if (!v.ok) return { status: "error", error: v.error };
  const now = stamp(opts);
  const i = indexOf(library, v.plan.name);
  if (i >= 0 && !opts.overwrite) {
    const name = library.plans[i].name;
    const message = {
      en: formatText("planConfirmReplace", { name }, "en"),
      zh: formatText("planConfirmReplace", { name }, "zh"),
    };
    return { status: "needs-confirmation", name, existing: library.plans[i], message };
  }
  if (i < 0 && library.plans.length >= MAX_LIBRARY_PLANS) return { status: "error", error: tooMany() };
  const created = (i >= 0 ? library.plans[i].created : undefined) ?? v.plan.created ?? now;
  const saved = valid({ ...v.plan, created, updated: now });
  if (!saved.ok) return { status: "error", error: saved.error };
  return {
    status: "saved",
    library: i >= 0 ? put(library, i, saved.plan, true) : put(library, library.plans.length, saved.plan, false),
    plan: saved.plan,
    replaced: i >= 0,
  };
}

/**
 * Rename a plan: `to` becomes its one name, in every language (a `name_zh` left by an earlier
 * version goes). Refused when another plan already has the new name.
 */
export function renamePlan(library: Library, from: string, to: string, opts: StampOptions = {}): StoreResult {
  const i = indexOf(library, from);
  if (i < 0) return notFound(from);
  const j = indexOf(library, to);
  if (j >= 0 && j !== i) return { ok: false, error: planError("name", "planNameTaken", { name: library.plans[j].name }) };
  const v = valid({ ...oneName(library.plans[i]), name: to, updated: stamp(opts) });
  if (!v.ok) return v;
  return { ok: true, library: put(library, i, v.plan, true), plan: v.plan };
}

/** The suffix of the n-th copy (n = 1, 2, …) in each language. */
const COPY_SUFFIX: Record<Lang, (n: number) => string> = {
  en: (n) => (n === 1 ? " (copy)" : ` (copy ${n})`),
  zh: (n) => (n === 1 ? "（副本）" : `（副本 ${n}）`),
};

/**
 * The first free name for a copy of `plan`, in the language the user works in: `name (copy)`,
 * `name (copy 2)` … in English, `name（副本）`, `name（副本 2）` … in Chinese, cut to the
 * longest name allowed. Free means no plan of the library has it (compared by {@link nameKey}),
 * so no two plans ever show the same name.
 */
export function copyName(library: Library, plan: Pick<Plan, "name">, lang: Lang = "en"): { name: string } {
  const fit = (base: string, suffix: string): string => base.slice(0, Math.max(0, LIMITS.name - suffix.length)) + suffix;
  for (let n = 1; ; n++) {
    const name = fit(plan.name, COPY_SUFFIX[lang](n));
    if (indexOf(library, name) < 0) return { name };
  }
}

/** Insert `plan` (named by the caller) right after the plan at index `i`. */
function insertAfter(library: Library, i: number, plan: unknown, now: string): StoreResult {
  if (library.plans.length >= MAX_LIBRARY_PLANS) return { ok: false, error: tooMany() };
  const v = valid({ ...(plan as object), created: now, updated: now });
  if (!v.ok) return v;
  if (indexOf(library, v.plan.name) >= 0) {
    return { ok: false, error: planError("name", "planNameTaken", { name: v.plan.name }) };
  }
  return { ok: true, library: put(library, i + 1, v.plan, false), plan: v.plan };
}

/** Options of the operations that name a copy: the user's language picks the suffix ({@link copyName}). */
export interface CopyOptions extends StampOptions {
  lang?: Lang;
}

/** Duplicate a plan as `name (copy)` (in Chinese `name（副本）`) right after it. */
export function duplicatePlan(library: Library, name: string, opts: CopyOptions = {}): StoreResult {
  const i = indexOf(library, name);
  if (i < 0) return notFound(name);
  const orig = oneName(library.plans[i]);
  return insertAfter(library, i, { ...orig, ...copyName(library, orig, opts.lang) }, stamp(opts));
}

/** Delete a plan; `plan` in the result is the deleted one. */
export function deletePlan(library: Library, name: string): StoreResult {
  const i = indexOf(library, name);
  if (i < 0) return notFound(name);
  const plans = library.plans.slice();
  const [removed] = plans.splice(i, 1);
  return { ok: true, library: { plans }, plan: removed };
}

/**
 * "Copy plan, change target": the same plan with `inputs.target_gmv = newTarget`, validated
 * (a bad target is refused with the path `inputs.target_gmv`). Dates are dropped, as the copy
 * is a new plan; `name` replaces the name when given.
 */
export function withTarget(plan: Plan, newTarget: number, opts: { name?: string } = {}): PlanResult {
  const { created: _c, updated: _u, ...rest } = plan;
  void _c;
  void _u;
  return valid({ ...rest, name: opts.name ?? plan.name, inputs: { ...plan.inputs, target_gmv: newTarget } });
}

/**
 * "Copy plan, change target" inside the library: the copy is saved right after the original,
 * under `newName` or else the first free copy name in `opts.lang` ({@link copyName}).
 */
export function copyWithTarget(
  library: Library,
  name: string,
  newTarget: number,
  opts: CopyOptions & { newName?: string } = {},
): StoreResult {
  const i = indexOf(library, name);
  if (i < 0) return notFound(name);
  const orig = oneName(library.plans[i]);
  const copy = withTarget(orig, newTarget, { name: opts.newName ?? copyName(library, orig, opts.lang).name });
  if (!copy.ok) return copy;
  return insertAfter(library, i, copy.plan, stamp(opts));
}

/**
 * A plan as a `.json` file: keys in the fixed order of the schema, two-space indentation,
 * a final newline. The same plan always gives the same bytes, and numbers are written so
 * that {@link importPlan} reads back the identical doubles.
 */
export function exportPlan(plan: Plan): string {
  const r = PlanSchema.safeParse(plan);
  return `${JSON.stringify(r.success ? r.data : plan, null, 2)}\n`;
}

/** Read a `.json` plan file (the same checks as {@link parsePlan}: size, version, schema). */
export function importPlan(text: string, opts: ParseOptions = {}): PlanResult {
  return parsePlan(text, opts);
}
