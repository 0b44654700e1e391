/**
 * The one message catalog of the engine, in English and Simplified Chinese.
 *
 * Every error a user can see is rendered from a key of {@link catalog}. A message is one line
 * that starts with the place of the problem: the documented argument name and, where it
 * applies, the 1-based row and column inside that argument, e.g.
 * `stage_end row 17: unknown stage "X"` / `stage_end 第 17 行：未知阶段“X”`.
 *
 * Placeholders: `{name}` is replaced by the parameter of that name; the place prefix is added
 * by {@link formatMessage} from the error's `where`.
 *
 * The templates are data, one JSON file per family beside its code: messages.json (coercion,
 * tables, relations, result cells, plan files; GROW, NEO, SUPER; GTA, HOTPLAN, HOTHEALTH),
 * src/models/strategy.messages.json (ASSOC, CLUSTER, CALIBRATE), src/diagnose/messages.json
 * (INDEX, DIAGNOSE), src/plan/whatif.messages.json (GTA sensitivity, GTA.BUDGET) and
 * src/sql/messages.json (DTC.SQL and the compiled queries' check columns: the `sqlInvalid…`
 * messages give the count of offending rows, as SQL has no row numbers; see `queryResult` in
 * src/sql/compile.ts). The English `unknownStage` keeps the contract's example text exactly
 * (`stage_end row 17: unknown stage "X"`).
 */
import type { CellError, MessageParams, Where } from "./errors";
import core from "./messages.json";
import strategy from "../models/strategy.messages.json";
import diagnose from "../diagnose/messages.json";
import whatif from "../plan/whatif.messages.json";
import sql from "../sql/messages.json";

export type Lang = "en" | "zh";

/** One message template in both languages. */
export interface Entry {
  en: string;
  zh: string;
}


/**
 * Message templates. Keys are stable identifiers; tests assert on the rendered text. Each
 * later family keeps its messages in its own file, merged here (a key may appear only once).
 */
export const catalog = { ...core, ...strategy, ...diagnose, ...whatif, ...sql } satisfies Record<string, Entry>;

export type MessageKey = keyof typeof catalog;

let current: Lang = "en";

/** Set the language of rendered messages (the wrapper layer follows Office's display language). */
export function setLanguage(lang: Lang): void {
  current = lang;
}

export function getLanguage(): Lang {
  return current;
}

/** Map an Office display-language tag (`zh-CN`, `en-US` …) to a catalog language. */
export function languageOf(tag: string | undefined | null): Lang {
  return typeof tag === "string" && tag.toLowerCase().startsWith("zh") ? "zh" : "en";
}

/** Render the place of a problem: `stage_end row 17 column 2` / `stage_end 第 17 行第 2 列`. */
export function formatWhere(where: Where, lang: Lang = current): string {
  // A column found by its header also shows that header: `crowds row 3 column 4 (conversion)`.
  if (lang === "zh") {
    const r = where.row !== undefined ? ` 第 ${where.row} 行` : "";
    const c = where.col !== undefined ? `${r ? "" : " "}第 ${where.col} 列` : "";
    const h = where.header !== undefined ? `（${where.header}）` : "";
    return `${where.arg}${r}${c}${h}`;
  }
  const r = where.row !== undefined ? ` row ${where.row}` : "";
  const c = where.col !== undefined ? ` column ${where.col}` : "";
  const h = where.header !== undefined ? ` (${where.header})` : "";
  return `${where.arg}${r}${c}${h}`;
}

/**
 * Fill `{name}` placeholders; `{name:one|many}` picks the English singular when the parameter
 * is 1 ("1 row", "2 rows").
 */
function fill(template: string, params: MessageParams): string {
  return template
    .replace(/\{(\w+):([^|{}]*)\|([^{}]*)\}/g, (m, name: string, one: string, many: string) =>
      name in params ? (Number(params[name]) === 1 ? one : many) : m,
    )
    .replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** Render a message template with its parameters, without a place prefix. */
export function formatText(key: MessageKey, params: MessageParams = {}, lang: Lang = current): string {
  return fill(catalog[key][lang], params);
}

/** Render a cell error as the one-line message Excel shows. */
export function formatMessage(err: CellError, lang: Lang = current): string {
  const text = formatText(err.key, err.params, lang);
  if (!err.where) return text;
  const sep = lang === "zh" ? "：" : ": ";
  // "lengthMismatch" and "shapeMismatch" read as a sentence continuing the argument name.
  if (err.key === "lengthMismatch" || err.key === "shapeMismatch" || err.key === "emptyTable") {
    return `${formatWhere(err.where, lang)} ${text}`;
  }
  return `${formatWhere(err.where, lang)}${sep}${text}`;
}

/**
 * What {@link show} gives for an object that is not a data type: `invalid()` (errors.ts) then
 * reports the cell with the "unsupportedObject" message instead of quoting it.
 */
export const OBJECT_SHOWN = "\u0000object";

/** Show a raw cell value inside a message: short, one line. */
export function show(v: unknown): string {
  // A data type shows its basicValue; any other object is marked.
  if (typeof v === "object" && v !== null) {
    const b = "basicValue" in v ? (v as { basicValue: unknown }).basicValue : undefined;
    if (!(typeof b === "string" || typeof b === "number" || typeof b === "boolean")) return OBJECT_SHOWN;
    v = b;
  }
  const s = typeof v === "string" ? v : String(v);
  const oneLine = s.replace(/\s+/g, " ");
  return oneLine.length > 40 ? `${oneLine.slice(0, 37)}…` : oneLine;
}
