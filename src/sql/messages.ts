/**
 * Messages of DTC.SQL and of the compiled queries' check columns (src/sql/), in English and
 * Simplified Chinese; merged into the catalog of src/excel/messages.ts.
 *
 * The `sqlInvalid…` messages are what a caller that ran a query shows for a check column whose
 * count is above 0 (see `queryResult` in src/sql/compile.ts): SQL counts the offending rows but
 * has no row numbers, so the message gives the count instead of a row.
 */
import type { Entry } from "../excel/messages";

export const SQL_MESSAGES = {
  // --- DTC.SQL's own arguments -----------------------------------------------------------------
  sqlUnknownModel: {
    en: '"{value}" is not a model DTC.SQL compiles; use one of {list}',
    zh: "“{value}”不是 DTC.SQL 可编译的模型；可选：{list}",
  },
  sqlEmptyName: { en: "a name is empty", zh: "名称为空" },
  sqlBadName: {
    en: 'the name "{value}" cannot be quoted safely (it holds a control character such as a NUL or a line break)',
    zh: "名称“{value}”无法安全地加引号（含有 NUL、换行等控制字符）",
  },
  sqlBadList: {
    en: 'cannot read "{value}": separate names with commas, and close every "quote" or `backtick`',
    zh: "无法读取“{value}”：名称之间用逗号分隔，双引号或反引号须成对",
  },
  sqlFileSpark: {
    en: '"{value}" is a file path, which only the duckdb dialect reads; in Spark, Hive or MaxCompute name a table',
    zh: "“{value}”是文件路径，只有 duckdb 方言可直接读取；在 Spark、Hive 或 MaxCompute 中请写表名",
  },
  sqlColumnCount: {
    en: "{model} takes {expected} {expected:column|columns} ({names}), got {actual}",
    zh: "{model} 需要 {expected} 列（{names}），实际为 {actual} 列",
  },
  sqlMissingColumn: {
    en: "{model} needs the column {column}; only optional columns may be left blank",
    zh: "{model} 需要 {column} 列；只有可选列可以留空",
  },
  sqlNoOptions: { en: "{model} takes no options", zh: "{model} 没有可设置的选项" },
  sqlUnknownOption: {
    en: '"{value}" is not an option of {model}; use {list}',
    zh: "“{value}”不是 {model} 的选项；可选：{list}",
  },
  sqlDuplicateOption: { en: 'the option "{value}" is given twice', zh: "选项“{value}”重复给出" },
  sqlBadOption: {
    en: 'cannot read "{value}": write name=value, e.g. {example}',
    zh: "无法读取“{value}”：请写成 名称=值，例如 {example}",
  },
  sqlTooLong: {
    en: "the query is {actual} characters, more than the {limit} one cell holds; use shorter names",
    zh: "查询共 {actual} 个字符，超过了单元格可容纳的 {limit} 个；请使用更短的名称",
  },
  // --- check columns of a compiled query ---------------------------------------------------------
  sqlInvalidStage: {
    en: "{count} {count:row holds|rows hold} a value that is not a stage (use A, I, P, L, or - for outside AIPL)",
    zh: "有 {count} 行的值不是阶段（请用 A、I、P、L，或用 - 表示不在 AIPL 内）",
  },
  sqlInvalidFlag: {
    en: "{count} {count:row holds|rows hold} a value that is not yes/no (use TRUE/FALSE, 1/0, Y/N, YES/NO or 是/否)",
    zh: "有 {count} 行的值不是是/否值（请用 TRUE/FALSE、1/0、Y/N、YES/NO 或 是/否）",
  },
  sqlInvalidPeriod: {
    en: "{count} {count:row holds|rows hold} no period; use 0 (base) or 1 (current)",
    zh: "有 {count} 行没有有效期间；请用 0（基期）或 1（本期）",
  },
  sqlRequired: {
    en: "{count} {count:row has|rows have} no value here although the rest of the row is filled",
    zh: "有 {count} 行此处为空，而该行其他单元格有值",
  },
  sqlInvalidAmount: {
    en: "{count} {count:row holds|rows hold} no number ≥ 0 here (blank, text that is not a number, or negative)",
    zh: "有 {count} 行此处不是 ≥ 0 的数字（为空、不是数字的文本或负数）",
  },
  sqlInvalidCount: {
    en: "{count} {count:row holds|rows hold} a value that is not a number ≥ 0",
    zh: "有 {count} 行的值不是 ≥ 0 的数字",
  },
  sqlOnTimeOverOrders: {
    en: "{count} {count:row has|rows have} more orders_on_time than orders",
    zh: "有 {count} 行的 orders_on_time 超过了 orders",
  },
  sqlOverTotal: {
    en: "{count} {count:item has|items have} more {column} consumers than {other} ({limit})",
    zh: "有 {count} 个条目的 {column} 人数超过了 {other}（{limit}）",
  },
  sqlAssocNoRule: {
    en: "no pair of categories reaches min_support ({value})",
    zh: "没有任何品类组合达到 min_support（{value}）",
  },
} as const satisfies Record<string, Entry>;
