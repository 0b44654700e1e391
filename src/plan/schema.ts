/**
 * The plan file: one zod schema for a saved GTA or hot-product plan (docs/plans.md).
 *
 * A plan is the inputs of a planner plus a name, stored as JSON:
 *
 * ```json
 * {"schema": "dtc-plan", "version": 1, "kind": "gta", "name": "Double 11 2025",
 *  "name_zh": "2025 双11", "season": "2025 双11",
 *  "inputs": {"target_gmv": 100000000,
 *             "crowds": [{"stage": "I", "crowd": "Gen Z", "count": 1500000,
 *                         "conversion": 0.05, "aov": 250, "cost": 3, "capacity": 2000000}]}}
 * ```
 *
 * `inputs` mirrors the arguments of `DTC.GTA` (section 10) and `DTC.HOTPLAN` (section 11).
 * Every object is strict: an unknown field is refused, so a typo such as `"convertion"` is
 * reported instead of silently ignored. A blank optional cell is an omitted key.
 *
 * {@link parsePlan} is the one entry for text from outside (an imported file, a template, the
 * workbook): it returns `{ok: true, plan}` or `{ok: false, error}` with the JSON path of the
 * first bad field and a one-line message in English and Chinese. It never throws.
 */
import * as z from "zod";
import { formatText, type Lang, type MessageKey } from "../excel/messages";
import type { MessageParams } from "../excel/errors";
import { migrate } from "./migrate";

/** Value of the `"schema"` field of every plan file. */
export const PLAN_SCHEMA = "dtc-plan";
/** The format version this add-in writes. Older files are migrated, newer ones refused. */
export const PLAN_VERSION = 1;
/** Largest plan file accepted, in bytes of UTF-8 (1 MB). */
export const MAX_PLAN_BYTES = 1_048_576;

/**
 * Upper bounds that refuse absurd values (a typo, `1e308`) while leaving every real plan room.
 * Lower bounds come from the contract (docs/functions.md): counts ≥ 0, rates in [0, 1], funnel rates in (0, 1].
 */
export const LIMITS = {
  /** GMV target: 10 trillion, above the yearly GMV of the largest marketplaces. */
  gmv: 1e13,
  /** Persons (count, capacity): 10 billion, more than the world's population. */
  persons: 1e10,
  /** A price or an average order value: 10 million per unit or order. */
  price: 1e7,
  /** Cost to add one consumer to a crowd. */
  costPerPerson: 1e6,
  /** A phase weight or a crowd share (normalised by their sums). */
  weight: 1e9,
  /** Units one buyer takes. */
  unitsPerBuyer: 1e4,
  /** Marketing spend ÷ GMV: a launch may spend more than it sells, but not 100 times more. */
  costRatio: 100,
  /** Rows of a GTA crowd table. */
  gtaRows: 1000,
  /** Phases, and crowds of a hot-product plan. */
  phases: 100,
  crowds: 200,
  /** Characters of a name (plan, crowd, phase) and of a description. */
  name: 120,
  description: 4000,
} as const;

// ---------------------------------------------------------------------------------------------
// Field types

/**
 * A finite number in [min, max] (or (min, max] when `open`). `-0` (which JSON can carry but
 * not write back) becomes `0`, so an exported plan always reads back equal.
 */
function number(min: number, max: number, open = false) {
  const n = z.number().overwrite((x) => x + 0);
  return (open ? n.gt(min) : n.min(min)).max(max);
}

/** Text of at most `max` characters; `required` refuses empty or whitespace-only text. */
function text(max: number, required = false) {
  const t = z.string().max(max);
  return required ? t.refine((s) => s.trim() !== "", { message: "planTextEmpty" }) : t;
}

const ISO_DATE = z.iso.date();
const ISO_DATETIME = z.iso.datetime({ offset: true });
/** An ISO 8601 date (`2025-11-11`) or date-time with `Z` or an offset. */
const isoDate = z
  .string()
  .refine((s) => ISO_DATE.safeParse(s).success || ISO_DATETIME.safeParse(s).success, { message: "planBadDate" });

const stage = z.enum(["A", "I", "P", "L"]);

/** One row of the GTA `crowds` table (docs/functions.md, DTC.GTA). `cost` and `capacity` may be omitted. */
export const GtaCrowdSchema = z.strictObject({
  stage,
  crowd: text(LIMITS.name),
  count: number(0, LIMITS.persons),
  conversion: number(0, 1),
  aov: number(0, LIMITS.price),
  cost: number(0, LIMITS.costPerPerson).optional(),
  capacity: number(0, LIMITS.persons).optional(),
});

/**
 * A GMV target, ≥ 0 as `DTC.GTA` and `DTC.HOTPLAN` take it (docs/functions.md). A target of 0 is
 * a plan of the baseline: GTA adds nobody, HOTPLAN plans nothing.
 */
const targetGmv = number(0, LIMITS.gmv);

/** Inputs of `DTC.GTA`. */
export const GtaInputsSchema = z.strictObject({
  target_gmv: targetGmv,
  crowds: z.array(GtaCrowdSchema).min(1).max(LIMITS.gtaRows),
});

/** One phase of a hot-product plan (`inputs.phases[]`). */
export const HotPhaseSchema = z.strictObject({ name: text(LIMITS.name), weight: number(0, LIMITS.weight) });
/** One crowd of a hot-product plan (`inputs.crowds[]`). */
export const HotCrowdSchema = z.strictObject({ name: text(LIMITS.name), share: number(0, LIMITS.weight) });
/** One funnel row of a hot-product plan (`inputs.funnel[]`): both rates in (0, 1]. */
export const HotFunnelSchema = z.strictObject({ i_to_p: number(0, 1, true), a_to_i: number(0, 1, true) });

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/**
 * Inputs of `DTC.HOTPLAN`. Weights and shares must not add up to 0 (they are normalised by
 * their sums); `funnel` has one entry for every crowd or one entry per crowd.
 */
export const HotplanInputsSchema = z
  .strictObject({
    target_gmv: targetGmv,
    price: number(0, LIMITS.price, true),
    phases: z.array(HotPhaseSchema).min(1).max(LIMITS.phases),
    crowds: z.array(HotCrowdSchema).min(1).max(LIMITS.crowds),
    funnel: z.array(HotFunnelSchema).min(1).max(LIMITS.crowds),
    units_per_buyer: number(0, LIMITS.unitsPerBuyer, true).optional(),
    cost_ratio: number(0, LIMITS.costRatio).optional(),
  })
  .superRefine((inp, ctx) => {
    if (sum(inp.phases.map((p) => p.weight)) === 0) {
      ctx.addIssue({ code: "custom", path: ["phases"], message: "sumZero", params: { what: "planWeights" } });
    }
    if (sum(inp.crowds.map((c) => c.share)) === 0) {
      ctx.addIssue({ code: "custom", path: ["crowds"], message: "sumZero", params: { what: "planShares" } });
    }
    const f = inp.funnel.length;
    if (f !== 1 && f !== inp.crowds.length) {
      ctx.addIssue({
        code: "custom",
        path: ["funnel"],
        message: "planFunnelLength",
        params: { actual: f, expected: inp.crowds.length },
      });
    }
  });

/** The envelope: the first fields of every plan file, in the order files are written. */
const envelope = { schema: z.literal(PLAN_SCHEMA), version: z.literal(PLAN_VERSION) };

/** Name and optional metadata of every plan, whatever its kind. */
const meta = {
  name: text(LIMITS.name, true),
  name_zh: text(LIMITS.name).optional(),
  season: text(LIMITS.name).optional(),
  description: text(LIMITS.description).optional(),
  description_zh: text(LIMITS.description).optional(),
  created: isoDate.optional(),
  updated: isoDate.optional(),
};

// Key order here is the key order of exported files (zod builds its output in shape order).
export const GtaPlanSchema = z.strictObject({ ...envelope, kind: z.literal("gta"), ...meta, inputs: GtaInputsSchema });
export const HotplanPlanSchema = z.strictObject({
  ...envelope,
  kind: z.literal("hotplan"),
  ...meta,
  inputs: HotplanInputsSchema,
});

/** The one schema of a plan file (current version), discriminated on `kind`. */
export const PlanSchema = z.discriminatedUnion("kind", [GtaPlanSchema, HotplanPlanSchema]);

export type GtaCrowd = z.infer<typeof GtaCrowdSchema>;
export type GtaInputs = z.infer<typeof GtaInputsSchema>;
export type HotplanInputs = z.infer<typeof HotplanInputsSchema>;
export type GtaPlan = z.infer<typeof GtaPlanSchema>;
export type HotplanPlan = z.infer<typeof HotplanPlanSchema>;
export type Plan = z.infer<typeof PlanSchema>;
export type PlanKind = Plan["kind"];

// ---------------------------------------------------------------------------------------------
// Results and messages

/** A message in both languages of the add-in. */
export interface Bilingual {
  en: string;
  zh: string;
}

/** Why a plan was refused: the JSON path of the bad field (`$` for the whole file) and a message. */
export interface PlanError {
  /** JSON path with 0-based indices, e.g. `inputs.crowds[2].conversion`; `$` is the whole file. */
  path: string;
  /** One line, starting with the path (except for `$`), e.g. `inputs.crowds[2].conversion: 1.5 must be ≤ 1`. */
  message: Bilingual;
  /** Catalog key of the message (stable, for tests and for the pane's choice of icon). */
  key: MessageKey;
}

export type PlanResult = { ok: true; plan: Plan; migratedFrom?: number } | { ok: false; error: PlanError };

/** Options of {@link parsePlan}. */
export interface ParseOptions {
  /** Largest accepted size in UTF-8 bytes; default {@link MAX_PLAN_BYTES}. */
  maxBytes?: number;
}

/** Params whose values are catalog keys, rendered in the message's language. */
type Localized = (lang: Lang) => MessageParams;

/** Render a JSON path: `["inputs", "crowds", 2, "conversion"]` → `inputs.crowds[2].conversion`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let s = "";
  for (const k of path) {
    if (typeof k === "number") s += `[${k}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(String(k))) s += s ? `.${String(k)}` : String(k);
    else s += `[${JSON.stringify(String(k))}]`;
  }
  return s || "$";
}

/** Build a {@link PlanError}: the message is `path: text` in each language (`$` has no prefix). */
export function planError(path: string, key: MessageKey, params: MessageParams | Localized = {}): PlanError {
  const render = (lang: Lang): string => {
    const text = formatText(key, typeof params === "function" ? params(lang) : params, lang);
    if (path === "$") return text;
    return lang === "zh" ? `${path}：${text}` : `${path}: ${text}`;
  };
  return { path, key, message: { en: render("en"), zh: render("zh") } };
}

/** Show a JSON value inside a message: short, one line; containers are not printed. */
function preview(v: unknown): string {
  if (typeof v === "string") {
    const one = v.replace(/\s+/g, " ");
    return one.length > 40 ? `${one.slice(0, 37)}…` : one;
  }
  if (Array.isArray(v)) return "[…]";
  if (v !== null && typeof v === "object") return "{…}";
  return String(v);
}

/** Catalog key naming the JSON type of a value (for "expected a number, got text"). */
function typeKey(v: unknown): MessageKey {
  if (typeof v === "number") return Number.isFinite(v) ? "planTypeNumber" : "planTypeInfinite";
  if (typeof v === "string") return "planTypeText";
  if (typeof v === "boolean") return "planTypeBool";
  if (v === null) return "planTypeNull";
  if (Array.isArray(v)) return "planTypeList";
  return "planTypeObject";
}

const EXPECTED: Record<string, MessageKey> = {
  number: "planTypeNumber",
  string: "planTypeText",
  boolean: "planTypeBool",
  array: "planTypeList",
  object: "planTypeObject",
};

/** The value at `path` inside `root`, and whether its key exists. */
function lookup(root: unknown, path: readonly PropertyKey[]): { value: unknown; present: boolean } {
  let cur: unknown = root;
  for (const k of path) {
    if (cur === null || typeof cur !== "object" || !Object.prototype.hasOwnProperty.call(cur, k)) {
      return { value: undefined, present: false };
    }
    cur = (cur as Record<PropertyKey, unknown>)[k];
  }
  return { value: cur, present: true };
}

/** Turn the first zod issue into a {@link PlanError}, reading the offending value from `root`. */
export function issueError(issue: z.core.$ZodIssue, root: unknown): PlanError {
  const { value, present } = lookup(root, issue.path);
  const path = jsonPath(issue.path);
  switch (issue.code) {
    case "invalid_type": {
      if (!present) return planError(path, "planMissing");
      const expected = EXPECTED[issue.expected] ?? "planInvalid";
      return planError(path, "planWrongType", (lang) => {
        const shown = typeof value === "string" ? ` "${preview(value)}"` : Number.isFinite(value) ? ` ${String(value)}` : "";
        return { expected: formatText(expected, {}, lang), received: formatText(typeKey(value), {}, lang) + shown };
      });
    }
    case "unrecognized_keys":
      return planError(jsonPath([...issue.path, issue.keys[0]]), "planUnknownField", { field: issue.keys[0] });
    case "invalid_value":
      return planError(path, "notOneOf", {
        value: preview(value),
        list: issue.values.map((v) => JSON.stringify(v)).join(", "),
      });
    case "invalid_union": {
      if (!present) return planError(path, "planMissing");
      const options = (issue as { options?: unknown[] }).options ?? [];
      return planError(path, "notOneOf", { value: preview(value), list: options.map((v) => JSON.stringify(v)).join(", ") });
    }
    case "too_small":
      if (issue.origin === "array") return planError(path, "planTooFew", { min: Number(issue.minimum) });
      if (issue.origin === "string") return planError(path, "planTextEmpty");
      return planError(path, issue.inclusive ? "planMin" : "planMinOpen", { value: preview(value), min: Number(issue.minimum) });
    case "too_big":
      if (issue.origin === "array") return planError(path, "planTooMany", { max: Number(issue.maximum) });
      if (issue.origin === "string") return planError(path, "planTextLong", { max: Number(issue.maximum) });
      return planError(path, issue.inclusive ? "planMax" : "planMaxOpen", { value: preview(value), max: Number(issue.maximum) });
    case "custom": {
      const key = issue.message as MessageKey;
      const params = (issue.params ?? {}) as MessageParams;
      if (key === "sumZero") return planError(path, key, (lang) => ({ what: formatText(params.what as MessageKey, {}, lang) }));
      return planError(path, key, { value: preview(value), ...params });
    }
    default:
      return planError(path, "planInvalid");
  }
}

// ---------------------------------------------------------------------------------------------
// Parsing

/** Bytes of `text` in UTF-8, computed without allocating. */
function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/**
 * Check the envelope of a parsed plan or library: a JSON object whose `schema` is `expected`
 * and whose `version` is a whole number no newer than `current`. Returns the version.
 */
export function checkEnvelope(
  value: unknown,
  expected: string,
  current: number,
): { ok: true; version: number } | { ok: false; error: PlanError } {
  const what: MessageKey = expected === PLAN_SCHEMA ? "planFile" : "planLibrary";
  const notPlan = (): { ok: false; error: PlanError } => ({
    ok: false,
    error: planError("$", "planNotPlan", (lang) => ({ what: formatText(what, {}, lang), schema: expected })),
  });
  if (value === null || typeof value !== "object" || Array.isArray(value)) return notPlan();
  const obj = value as Record<string, unknown>;
  if (obj.schema !== expected) return notPlan();
  if (!("version" in obj)) return { ok: false, error: planError("version", "planMissing") };
  const v = obj.version;
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0) {
    return { ok: false, error: planError("version", "notInteger", { value: preview(v), min: 0 }) };
  }
  if (v > current) return { ok: false, error: planError("version", "planNewer", { version: v }) };
  return { ok: true, version: v };
}

/**
 * Validate an already-parsed JSON value as a plan: check the envelope, migrate an older
 * version, then validate with {@link PlanSchema}. Never throws.
 */
export function parsePlanValue(value: unknown): PlanResult {
  try {
    const env = checkEnvelope(value, PLAN_SCHEMA, PLAN_VERSION);
    if (!env.ok) return env;
    let current = value;
    if (env.version < PLAN_VERSION) {
      const m = migrate(value as Record<string, unknown>, env.version, PLAN_VERSION);
      if (!m.ok) return { ok: false, error: issueError(m.issues[0], value) };
      current = m.value;
    }
    const r = PlanSchema.safeParse(current);
    if (r.success) {
      return env.version < PLAN_VERSION ? { ok: true, plan: r.data, migratedFrom: env.version } : { ok: true, plan: r.data };
    }
    const error = issueError(r.error.issues[0], current);
    if (env.version < PLAN_VERSION) {
      const wrap = (lang: Lang): string => formatText("planAfterUpgrade", { text: error.message[lang], version: env.version }, lang);
      return { ok: false, error: { ...error, message: { en: wrap("en"), zh: wrap("zh") } } };
    }
    return { ok: false, error };
  } catch (e) {
    // Defensive: validation of a hostile value must never escape as an exception.
    return { ok: false, error: planError("$", "internal", { detail: preview(e instanceof Error ? e.message : e) }) };
  }
}

/** Parse JSON text, refusing files over `maxBytes`. */
export function parseJson(
  text: string,
  maxBytes: number,
): { ok: true; value: unknown } | { ok: false; error: PlanError } {
  if (typeof text !== "string") return { ok: false, error: planError("$", "planNotJson") };
  // A UTF-8 encoding has at least as many bytes as the string has UTF-16 units.
  const size = text.length > maxBytes ? text.length : utf8Bytes(text);
  if (size > maxBytes) return { ok: false, error: planError("$", "planTooLarge", { size, limit: maxBytes }) };
  try {
    return { ok: true, value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) };
  } catch {
    return { ok: false, error: planError("$", "planNotJson") };
  }
}

/**
 * Parse and validate a plan file.
 *
 * Refuses (with `{ok: false, error}`) a file over 1 MB, text that is not JSON, JSON that is not
 * a DTC plan, a version newer than {@link PLAN_VERSION}, and any field that fails the schema;
 * migrates older versions. A leading byte-order mark is ignored. Never throws.
 *
 * @example parsePlan('{"schema":"dtc-plan","version":1,"kind":"gta","name":"x","inputs":{"target_gmv":-1,"crowds":[]}}')
 * // → {ok: false, error: {path: "inputs.target_gmv", message: {en: "inputs.target_gmv: -1 must be ≥ 0", …}}}
 */
export function parsePlan(text: string, opts: ParseOptions = {}): PlanResult {
  const json = parseJson(text, opts.maxBytes ?? MAX_PLAN_BYTES);
  return json.ok ? parsePlanValue(json.value) : json;
}
