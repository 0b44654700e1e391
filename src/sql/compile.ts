/**
 * The SQL compiler (SPEC §18; docs/drafts/sql.md): the row-level models as one query each, in
 * the dialects `duckdb` and `spark`, and `DTC.SQL`.
 *
 * - {@link compileSql} is the entry for any caller (DTC.SQL, the pane's Datasets view): a model,
 *   a table, the user's column for each column parameter, a dialect and the model's options.
 * - {@link queryResult} turns the rows a compiled query returned into the function's result:
 *   a check column above 0 is the function's `#VALUE!` (thrown as an InputError), a NULL is the
 *   `#DIV/0!` or `#N/A` of its cell, an empty list the function's `#N/A`.
 * - {@link sqlExcel} is `DTC.SQL(model, table, columns, [dialect], [options])`: the query text
 *   as `[[text]]`, one line (Excel puts a copied cell that holds line breaks in quotes).
 */
import { CellError, InputError, invalid, type ResultCell } from "../excel/errors";
import { basic, idText, isBlank, isVoid, optionText, refuseObject, scalarOf } from "../excel/coerce";
import { bind, option, type Param } from "../excel/params";
import { show } from "../excel/messages";
import { AIPL_DEEPEN_SQL, AIPL_FLOW_SQL, AIPL_SQL } from "./aipl";
import { FAST_ROWS_SQL } from "./fast";
import { GROW_ROWS_SQL } from "./grow";
import { SUPER_SQL } from "./super";
import { ASSOC_SQL, CALIBRATE_SQL } from "./strategy";
import {
  checkName, renderQuery, splitNames, tableRef, unsafeName, type Dialect, type Layout, type ModelSql, type Plan, type ResultColumn, type Source,
} from "./core";

/** The models DTC.SQL compiles, by function id. */
export const SQL_MODELS: readonly ModelSql[] = [
  AIPL_SQL, AIPL_FLOW_SQL, AIPL_DEEPEN_SQL, FAST_ROWS_SQL, GROW_ROWS_SQL, SUPER_SQL, ASSOC_SQL, CALIBRATE_SQL,
];

/** Most characters one Excel cell holds. */
export const MAX_CELL_TEXT = 32_767;

/** What to compile. */
export interface SqlRequest {
  /** A function id (`FAST.ROWS`; `DTC.` and the case do not matter). */
  readonly model: string;
  /** A table name (`orders`, `sales.orders`, parts may be quoted), or in DuckDB a file path. */
  readonly table: string;
  /** The user's column for each column parameter, in argument order; undefined leaves an optional column out. */
  readonly columns: readonly (string | undefined)[];
  readonly dialect: Dialect;
  /** The model's options by name, raw (as cells or text): checked against the model's declarations. */
  readonly options?: Readonly<Record<string, unknown>>;
  readonly layout?: Layout;
}

/** A compiled query and how to read its result (the model's {@link Plan} with its query rendered). */
export interface Compiled extends Omit<Plan, "query"> {
  readonly model: string;
  readonly dialect: Dialect;
  readonly text: string;
}

const MODEL_LIST = SQL_MODELS.map((m) => m.id).join(", ");

/** The model of a function id, or `#VALUE!` at `model`. */
export function sqlModel(id: string): ModelSql {
  const key = id.trim().toUpperCase().replace(/^DTC\./, "");
  const m = SQL_MODELS.find((x) => x.id === key);
  if (!m) invalid("sqlUnknownModel", { arg: "model" }, { value: show(id), list: MODEL_LIST });
  return m;
}

/** A prefix for the compiler's CTE names that no part of the table's name starts with. */
function ctePrefix(parts: readonly string[]): string {
  for (let k = 0; ; k++) {
    const p = k === 0 ? "dtc_" : `dtc${k}_`;
    if (!parts.some((x) => x.toLowerCase().startsWith(p))) return p;
  }
}

/** The columns of a model as given: checked against its column parameters (count, required ones present, names safe). */
function modelColumns(m: ModelSql, given: readonly (string | undefined)[]): (string | undefined)[] {
  const names = m.columns.map((c) => c.param).join(", ");
  const required = m.columns.filter((c) => !c.optional).length;
  const lastRequired = m.columns.reduce((k, c, i) => (c.optional ? k : i + 1), 0);
  const cols = [...given];
  while (cols.length > 0 && cols[cols.length - 1] === undefined) cols.pop();
  if (cols.length > m.columns.length || cols.length < lastRequired) {
    const expected = required === m.columns.length ? `${required}` : `${lastRequired}–${m.columns.length}`;
    invalid("sqlColumnCount", { arg: "columns" }, { model: m.id, expected, names, actual: cols.length });
  }
  return m.columns.map((c, i) => {
    const col = cols[i];
    if (col === undefined) {
      if (!c.optional) invalid("sqlMissingColumn", { arg: "columns" }, { model: m.id, column: c.param });
      return undefined;
    }
    return checkName(col, "columns");
  });
}

/** The model's options, coerced by its own declarations; `#VALUE!` at `options` for an unknown or repeated name. */
function modelOptions(m: ModelSql, raw: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const keys = Object.keys(raw);
  const list = m.options.map((p) => p.name).join(", ");
  for (const k of keys) {
    if (!m.options.some((p) => p.name === k)) {
      if (m.options.length === 0) invalid("sqlNoOptions", { arg: "options" }, { model: m.id });
      invalid("sqlUnknownOption", { arg: "options" }, { value: k, model: m.id, list });
    }
  }
  return bind(m.options, m.options.map((p) => raw[p.name])) as Record<string, unknown>;
}

/** Compile one model to one query. Throws an InputError (`#VALUE!`) for a bad request. */
export function compileSql(req: SqlRequest): Compiled {
  const m = sqlModel(req.model);
  const table = tableRef(req.table, req.dialect, "table");
  const columns = modelColumns(m, req.columns);
  const options = modelOptions(m, req.options ?? {});
  const src: Source = { table, columns, prefix: ctePrefix(table.kind === "name" ? table.parts : []) };
  const { query, ...plan } = m.build(src, options);
  return { ...plan, model: m.id, dialect: req.dialect, text: renderQuery(query, req.dialect, req.layout) };
}

/** A value of a result row as a result cell: numbers (BIGINT as bigint too) and text as they are, NULL as the column's error. */
function resultCell(v: unknown, col: ResultColumn): ResultCell {
  if (v === null || v === undefined) return col.nullAs ?? new CellError("#DIV/0!", "divZero", { what: col.name });
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "number" || typeof v === "string") return v;
  return String(v);
}

/**
 * The function's result from the rows a compiled query returned (objects keyed by column name):
 * the first check column above 0 throws the function's `#VALUE!`; an empty list throws its
 * `#N/A`; otherwise the result columns of each row (label columns dropped).
 */
export function queryResult(c: Compiled, rows: readonly Readonly<Record<string, unknown>>[]): ResultCell[][] {
  if (rows.length === 0) throw new Error(`${c.model}: a compiled query returns at least one row`);
  for (const k of c.checks) {
    const count = Number(rows[0][k.column] ?? 0);
    if (count > 0) throw new InputError(new CellError("#VALUE!", k.key, { count, ...k.params }, k.where));
  }
  if (c.shape === "list" && rows.length === 1 && c.result.every((col) => rows[0][col.name] === null || rows[0][col.name] === undefined)) {
    throw new InputError(c.empty ?? new CellError("#N/A", "naMissing", { what: c.model }));
  }
  return rows.map((r) => c.result.map((col) => resultCell(r[col.name], col)));
}

// --- DTC.SQL ------------------------------------------------------------------------------------

/** Words of the `dialect` argument: Hive and MaxCompute (ODPS) take the spark text. */
const DIALECT_WORDS: Readonly<Record<string, Dialect>> = {
  duckdb: "duckdb",
  spark: "spark",
  sparksql: "spark",
  "spark sql": "spark",
  hive: "spark",
  maxcompute: "spark",
  odps: "spark",
};

/**
 * `DTC.SQL(model, table, columns, [dialect], [options])`. `model`, `table` and `columns` are
 * read as ranges (a typed text arrives as a 1×1 range); `options` is a range or a text.
 */
export const SQL_PARAMS = [
  { name: "model", type: "range" },
  { name: "table", type: "range" },
  { name: "columns", type: "range" },
  option("dialect", DIALECT_WORDS, "duckdb"),
  { name: "options", type: "range", optional: true },
] as const satisfies readonly Param[];

/** The text of a cell as typed (not trimmed: a control character at an end is refused, not dropped). */
function rawText(v: unknown): string {
  const b = basic(v);
  return typeof b === "string" ? b : idText(b);
}

/** A text argument (one cell): `#VALUE!` when blank. */
function textArg(arg: unknown, argName: string): string {
  const v = scalarOf(arg, argName);
  refuseObject(v, { arg: argName });
  if (isBlank(v)) invalid("required", { arg: argName });
  return rawText(v);
}

/** The cells of a range argument, row by row (a scalar is one cell). */
function cellsOf(arg: unknown): unknown[] {
  if (!Array.isArray(arg)) return [arg];
  return (arg as unknown[]).flatMap((r) => (Array.isArray(r) ? r : [r]));
}

/**
 * The `columns` argument: one cell holding a comma list (names may be "quoted"), or a range of
 * one name per cell (a blank cell leaves an optional column out). Blank: the model's parameter
 * names, as the columns of a table laid out like the function's arguments.
 */
function columnsArg(arg: unknown, m: ModelSql): (string | undefined)[] {
  const cells = cellsOf(arg);
  cells.forEach((v) => refuseObject(v, { arg: "columns" }));
  const filled = cells.filter((v) => !isBlank(v));
  if (filled.length === 0) return m.columns.map((c) => c.param);
  if (cells.length === 1) return splitNames(rawText(cells[0]), ",", "columns").map((p) => (p.name === "" && !p.quoted ? undefined : p.name));
  return cells.map((v) => {
    if (isBlank(v)) return undefined;
    const t = rawText(v);
    return unsafeName(t) ? checkName(t, "columns") : t.trim();
  });
}

/** `name=value` pairs of one text, separated by commas or semicolons. */
function pairsOf(text: string, into: [string, unknown][], example: string): void {
  for (const part of text.split(/[,;]/)) {
    if (part.trim() === "") continue;
    const eqAt = part.indexOf("=");
    if (eqAt <= 0) invalid("sqlBadOption", { arg: "options" }, { value: show(part.trim()), example });
    into.push([part.slice(0, eqAt).trim(), part.slice(eqAt + 1).trim()]);
  }
}

/**
 * The `options` argument: a text of `name=value` pairs (`min_support=0.02, top_n=10`), cells
 * each holding such pairs, or a range of two columns, name then value, one option per row.
 * Names are case-insensitive; a blank value is the option's default.
 */
function optionsArg(arg: unknown, m: ModelSql): Record<string, unknown> {
  const example = m.options.length ? `${m.options[0].name}=…` : "min_support=0.02";
  const pairs: [string, unknown][] = [];
  const cells = cellsOf(arg);
  cells.forEach((v) => refuseObject(v, { arg: "options" }));
  if (cells.every((v) => isVoid(v))) return {};
  const rows = Array.isArray(arg) && Array.isArray(arg[0]) ? (arg as unknown[][]) : [cells];
  const textual = cells.some((v) => typeof v === "string" && v.includes("="));
  if (textual) {
    for (const v of cells) if (!isVoid(v)) pairsOf(idText(v), pairs, example);
  } else if (rows.every((r) => r.length === 2)) {
    for (const [k, v] of rows) {
      if (isVoid(k) && isBlank(v)) continue;
      const key = optionText(k, "options");
      if (key === undefined) invalid("sqlBadOption", { arg: "options" }, { value: show(v), example });
      pairs.push([key, v]);
    }
  } else {
    invalid("sqlBadOption", { arg: "options" }, { value: show(cells.find((v) => !isVoid(v))), example });
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of pairs) {
    const key = k.toLowerCase();
    if (key in out) invalid("sqlDuplicateOption", { arg: "options" }, { value: key });
    out[key] = typeof v === "string" && v.trim() === "" ? undefined : v;
  }
  return out;
}

/** `DTC.SQL(...)` → `[[query text]]`. */
export function sqlExcel(...args: unknown[]): ResultCell[][] {
  const p = bind(SQL_PARAMS, args);
  const m = sqlModel(textArg(p.model, "model").trim());
  const table = textArg(p.table, "table");
  const c = compileSql({
    model: m.id,
    table,
    columns: columnsArg(p.columns, m),
    dialect: p.dialect as Dialect,
    options: optionsArg(p.options, m),
  });
  if (c.text.length > MAX_CELL_TEXT) invalid("sqlTooLong", undefined, { actual: c.text.length, limit: MAX_CELL_TEXT });
  return [[c.text]];
}
