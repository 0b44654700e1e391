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
 */
import type { CellError, MessageParams, Where } from "./errors";
import { STRATEGY_MESSAGES } from "../models/strategy.messages";
import { DIAGNOSE_MESSAGES } from "../diagnose/messages";
import { WHATIF_MESSAGES } from "../plan/whatif.messages";
import { SQL_MESSAGES } from "../sql/messages";

export type Lang = "en" | "zh";

/** One message template in both languages. */
export interface Entry {
  en: string;
  zh: string;
}

/** Message templates of the core functions (families added later keep theirs beside them). */
const core = {
  // --- coercion of single values -------------------------------------------------------
  notNumber: { en: '"{value}" is not a number', zh: "“{value}”不是数字" },
  notFlag: {
    en: '"{value}" is not a yes/no value (use TRUE/FALSE, 1/0, Y/N, YES/NO or 是/否)',
    zh: "“{value}”不是是/否值（请用 TRUE/FALSE、1/0、Y/N、YES/NO 或 是/否）",
  },
  unknownStage: {
    // (English keeps the contract's example text exactly: `stage_end row 17: unknown stage "X"`.)
    en: 'unknown stage "{value}"',
    zh: "未知阶段“{value}”（请用 A、I、P、L，或用 - 表示不在 AIPL 内）",
  },
  notText: { en: '"{value}" is not a text label', zh: "“{value}”不是文本标签" },
  unsupportedObject: {
    en: "holds an object that is not a value (a data type without basicValue)",
    zh: "包含无法读取的对象（不是带 basicValue 的数据类型）",
  },
  required: { en: "a value is required here", zh: "此处必须填写数值" },
  negative: { en: "{value} is negative; a count must be ≥ 0", zh: "{value} 为负数；人数/数量必须 ≥ 0" },
  notRate: { en: "{value} is not a rate between 0 and 1", zh: "{value} 不是 0 到 1 之间的比率" },
  notPositive: { en: "{value} must be greater than 0", zh: "{value} 必须大于 0" },
  notInteger: { en: "{value} must be a whole number ≥ {min}", zh: "{value} 必须是 ≥ {min} 的整数" },
  outOfRange: { en: "{value} must be {range}", zh: "{value} 必须{range}" },
  notOneOf: { en: '"{value}" is not one of {list}', zh: "“{value}”不是 {list} 之一" },
  // --- shapes ----------------------------------------------------------------------------
  notVector: {
    en: "expected a single row or a single column, got {rows}×{cols}",
    zh: "应为单行或单列，实际为 {rows}×{cols}",
  },
  wrongCount: { en: "expected {expected} values, got {actual}", zh: "应有 {expected} 个值，实际为 {actual} 个" },
  wrongColumns: { en: "expected {expected} columns, got {actual}", zh: "应有 {expected} 列，实际为 {actual} 列" },
  lengthMismatch: {
    en: "has {actual} {actual:row|rows} but {other} has {expected}; all columns must have the same length",
    zh: "有 {actual} 行，而 {other} 有 {expected} 行；各列长度必须相同",
  },
  shapeMismatch: {
    en: "is {actual} but {other} is {expected}; both must have the same shape",
    zh: "为 {actual}，而 {other} 为 {expected}；两者形状必须相同",
  },
  missingColumn: {
    en: 'missing required column "{column}" (header row found)',
    zh: "缺少必需的列“{column}”（已识别到表头行）",
  },
  emptyTable: { en: "has no data rows", zh: "没有数据行" },
  tooManyRows: {
    en: "{actual} rows is more than the {limit} rows this function accepts in one call",
    zh: "{actual} 行超过了本函数单次调用可处理的 {limit} 行",
  },
  // --- relations between inputs ------------------------------------------------------------
  exceeds: { en: "{what} ({value}) exceeds {limit_name} ({limit})", zh: "{what}（{value}）超过了{limit_name}（{limit}）" },
  exceedsArg: { en: "{value} exceeds {other} ({limit})", zh: "{value} 超过了 {other}（{limit}）" },
  exceedsAIP: {
    en: "{value} exceeds the start count of A + I + P in {other} ({limit}); L cannot rise",
    zh: "{value} 超过了 {other} 中 A + I + P 的期初人数（{limit}）；L 无法再加深",
  },
  sumZero: { en: "the {what} add up to 0; at least one must be positive", zh: "{what}之和为 0；至少一个必须大于 0" },
  unknownIndicator: {
    en: 'unknown indicator "{value}"; use one of {list}',
    zh: "未知指标“{value}”；可选：{list}",
  },
  ambiguousIndicator: {
    en: 'indicator letter "{value}" is ambiguous here; use a name: {list}',
    zh: "指标字母“{value}”有歧义；请用名称：{list}",
  },
  // --- result-cell errors ------------------------------------------------------------------
  divZero: { en: "{what}: the denominator is 0", zh: "{what}：分母为 0" },
  naMissing: { en: "{what}: not available from the given inputs", zh: "{what}：根据所给输入无法计算" },
  naColumn: { en: '{what}: column "{column}" was not given', zh: "{what}：未提供“{column}”列" },
  naNoPeers: { en: "{what}: no sub-indicator could be scored", zh: "{what}：没有可评分的子指标" },
  notFinite: { en: "{what}: the result is not a finite number", zh: "{what}：结果不是有限数值" },
  diverges: {
    en: "the infinite sum diverges: retention ({retention}) must be below 1 + discount_rate ({limit})",
    zh: "无穷级数发散：留存率（{retention}）必须小于 1 + discount_rate（{limit}）",
  },
  // --- plan files and the plan library (src/plan/schema.ts, src/plan/store.ts) --------------
  planTooLarge: {
    en: "the file is {size} bytes; a plan file may be at most {limit} bytes (1 MB)",
    zh: "文件大小为 {size} 字节；方案文件最多 {limit} 字节（1 MB）",
  },
  planNotJson: { en: "the file is not valid JSON", zh: "文件不是有效的 JSON" },
  planNotPlan: {
    en: 'not a DTC Metrics {what} ("schema" must be "{schema}")',
    zh: "不是 DTC Metrics {what}（“schema”必须为“{schema}”）",
  },
  planFile: { en: "plan file", zh: "方案文件" },
  planLibrary: { en: "plan library", zh: "方案库" },
  planNewer: {
    en: "this file was written by a newer version of DTC Metrics (version {version}); update the add-in",
    zh: "此文件由更新版本的 DTC Metrics 写入（版本 {version}）；请更新加载项",
  },
  planAfterUpgrade: { en: "{text} (after upgrading from version {version})", zh: "{text}（从版本 {version} 升级后）" },
  planMissing: { en: "required field is missing", zh: "缺少必填字段" },
  planWrongType: { en: "expected {expected}, got {received}", zh: "应为{expected}，实际为{received}" },
  planTypeNumber: { en: "a number", zh: "数字" },
  planTypeInfinite: { en: "a number that is not finite", zh: "非有限数值" },
  planTypeText: { en: "text", zh: "文本" },
  planTypeBool: { en: "true/false", zh: "布尔值" },
  planTypeNull: { en: "null", zh: "空值 null" },
  planTypeList: { en: "a list", zh: "列表" },
  planTypeObject: { en: "an object", zh: "对象" },
  planUnknownField: { en: 'unknown field "{field}"', zh: "未知字段“{field}”" },
  planMin: { en: "{value} must be ≥ {min}", zh: "{value} 必须 ≥ {min}" },
  planMinOpen: { en: "{value} must be > {min}", zh: "{value} 必须 > {min}" },
  planMax: { en: "{value} must be ≤ {max}", zh: "{value} 必须 ≤ {max}" },
  planMaxOpen: { en: "{value} must be < {max}", zh: "{value} 必须 < {max}" },
  planTooFew: { en: "needs at least {min} entries", zh: "至少需要 {min} 项" },
  planTooMany: { en: "has more than {max} entries", zh: "超过 {max} 项" },
  planTextEmpty: { en: "must not be empty", zh: "不能为空" },
  planTextLong: { en: "is longer than {max} characters", zh: "超过 {max} 个字符" },
  planBadDate: {
    en: '"{value}" is not an ISO date such as 2025-11-11 or 2025-11-11T20:00:00+08:00',
    zh: "“{value}”不是 ISO 日期（例如 2025-11-11 或 2025-11-11T20:00:00+08:00）",
  },
  planWeights: { en: "phase weights", zh: "阶段权重" },
  planShares: { en: "crowd shares", zh: "人群占比" },
  planFunnelLength: {
    en: "has {actual} entries; give one entry for all crowds, or one per crowd ({expected})",
    zh: "有 {actual} 项；请给出 1 项（适用于所有人群）或每个人群 1 项（{expected} 项）",
  },
  planInvalid: { en: "invalid value", zh: "无效值" },
  planNameTaken: { en: 'a plan named "{name}" already exists', zh: "已存在名为“{name}”的方案" },
  planConfirmReplace: {
    en: 'a plan named "{name}" already exists; replace it?',
    zh: "已存在名为“{name}”的方案；要替换它吗？",
  },
  planNotFound: { en: 'no plan named "{name}" in this workbook', zh: "此工作簿中没有名为“{name}”的方案" },
  planDuplicateName: { en: 'the name "{name}" is used by more than one plan', zh: "名称“{name}”被多个方案使用" },
  planLibraryDamaged: {
    en: "the plans saved in this workbook could not be read, and nothing was changed: {detail}",
    zh: "无法读取此工作簿中保存的方案，未做任何更改：{detail}",
  },
  // --- GROW, NEO, SUPER (src/models/grow.ts, neo.ts, super.ts) --------------------------------
  notNonNegative: { en: "{value} is negative; it must be ≥ 0", zh: "{value} 为负数；必须 ≥ 0" },
  notShare: { en: "{value} must be greater than 0 and at most 1", zh: "{value} 必须大于 0 且不超过 1" },
  notPeriod: {
    en: '"{value}" is not a period; use 0 (base) or 1 (current)',
    zh: "“{value}”不是期间；请用 0（基期）或 1（本期）",
  },
  growNoBase: {
    en: "no order has period 0 (base), so no category is like-for-like; GROW needs orders in both periods",
    zh: "没有期间为 0（基期）的订单，因此没有可比品类；GROW 需要两个期间都有订单",
  },
  growNoCurrent: {
    en: "no period-1 (current) order is in a like-for-like category (one with base-period orders); GROW needs orders in both periods",
    zh: "没有期间为 1（本期）的订单属于可比品类（基期有订单的品类）；GROW 需要两个期间都有订单",
  },
  growZeroGmv: {
    en: "the like-for-like GMV of period {period} is 0; LMDI needs it > 0",
    zh: "期间 {period} 可比品类的 GMV 为 0；LMDI 要求其大于 0",
  },
  // --- GTA, HOTPLAN, HOTHEALTH (src/plan/gta.ts, hotplan.ts, hothealth.ts) --------------------
  gtaOutsideAipl: {
    en: 'stage "{value}" is outside AIPL; every crowd row needs A, I, P or L',
    zh: "阶段“{value}”不在 AIPL 内；每个人群行都需要 A、I、P 或 L",
  },
  sumZeroColumn: {
    en: 'the values of column "{column}" add up to 0; at least one must be positive',
    zh: "“{column}”列的数值之和为 0；至少一个必须大于 0",
  },
  funnelRows: {
    en: "has {actual} {actual:row|rows}; give 1 row shared by all crowds or one row per crowd ({expected} {expected:row|rows})",
    zh: "有 {actual} 行；请给出所有人群共用的 1 行，或每个人群 1 行（共 {expected} 行）",
  },
  internal: { en: "internal error: {detail}", zh: "内部错误：{detail}" },
} satisfies Record<string, Entry>;

/**
 * Message templates. Keys are stable identifiers; tests assert on the rendered text. Each
 * later family keeps its messages in its own file, merged here (a key may appear only once).
 */
export const catalog = { ...core, ...STRATEGY_MESSAGES, ...DIAGNOSE_MESSAGES, ...WHATIF_MESSAGES, ...SQL_MESSAGES } satisfies Record<string, Entry>;

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
