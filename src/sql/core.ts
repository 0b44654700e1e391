/**
 * The shared core of the SQL compiler (SPEC §18; docs/drafts/sql.md).
 *
 * - Two dialects: `duckdb`, and `spark` (Spark SQL; the same text is meant for Hive and
 *   MaxCompute, so it keeps to what the three share: backtick identifiers, backslash-escaped
 *   literals, `RLIKE` with Java regular expressions, no `TRY_CAST`).
 * - Names: user identifiers are always quoted (DuckDB `"a""b"`, Spark `` `a``b` ``); a name that
 *   cannot be quoted safely (a control character such as a NUL or a line break, a lone UTF-16
 *   surrogate) is refused with `#VALUE!`.
 * - A small typed builder: {@link Sql} fragments made by the helpers below, and SELECT / WITH /
 *   UNION ALL queries rendered in either dialect. The model modules compose these helpers; the
 *   text itself is put together here only.
 * - The engine's coercion rules (src/excel/coerce.ts) restated once as SQL: JavaScript's trim
 *   (the whole Unicode white-space set, not only spaces), case-insensitive stage and flag words
 *   taken from the engine's own tables, the plain-decimal and percentage numbers, and blank
 *   (NULL, '' or white space) and the number 0 sent for an empty cell.
 *
 * The one deliberate difference from the engine: a SQL column has one type, so the number 0 of
 * an older Excel build (which counts as blank where the engine says so) cannot be told from the
 * text "0" of a text column. In SQL both forms of zero (`0`, `0.0`, `-0`, `0E-10`, the way a
 * typed zero prints) count as blank wherever the engine counts the number 0 as blank: in stage
 * columns and when deciding whether a row is blank.
 */
import { flagWords, stageWords } from "../excel/coerce";
import { CellError, invalid, type MessageParams, type Where } from "../excel/errors";
import type { MessageKey } from "../excel/messages";
import type { Param } from "../excel/params";

export type Dialect = "duckdb" | "spark";

// ---------------------------------------------------------------------------------------------
// Names

/**
 * True when `name` cannot be quoted safely: empty, or holding a C0/C1 control character (NUL,
 * tab, line feed, carriage return…), U+2028/U+2029 (line and paragraph separators) or a lone
 * UTF-16 surrogate (no UTF-8 form).
 */
export function unsafeName(name: string): boolean {
  if (name.length === 0) return true;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029) return true;
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = name.charCodeAt(i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) return true;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
}

/** A name as a message shows it: control characters written as \uXXXX. */
export function shownName(name: string): string {
  let out = "";
  for (const ch of name) {
    const c = ch.codePointAt(0)!;
    out += c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029 || (c >= 0xd800 && c <= 0xdfff)
      ? `\\u${c.toString(16).toUpperCase().padStart(4, "0")}`
      : ch;
  }
  return out.length > 60 ? `${out.slice(0, 57)}…` : out;
}

/** Refuse `name` (`#VALUE!` at `arg`) when it cannot be quoted safely. */
export function checkName(name: string, arg: string): string {
  if (name.length === 0) invalid("sqlEmptyName", { arg });
  if (unsafeName(name)) invalid("sqlBadName", { arg }, { value: shownName(name) });
  return name;
}

/** A user identifier quoted for `d`: DuckDB doubles `"`, Spark doubles a backtick. */
export function quoteIdent(name: string, d: Dialect): string {
  if (unsafeName(name)) throw new Error(`unsafe identifier reached the renderer: ${shownName(name)}`);
  return d === "duckdb" ? `"${name.replace(/"/g, '""')}"` : `\`${name.replace(/`/g, "``")}\``;
}

/** A string literal for `d`: DuckDB doubles `'`; Spark (and Hive) escape `\` and `'` with a backslash. */
export function quoteString(s: string, d: Dialect): string {
  if (unsafeName(s) && s !== "") throw new Error(`unsafe literal reached the renderer: ${shownName(s)}`);
  return d === "duckdb" ? `'${s.replace(/'/g, "''")}'` : `'${s.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

/**
 * Split a list of names at `sep` (`,` for a column list, `.` for a qualified table name). Each
 * part is trimmed; a part written in "double quotes" or `backticks` is taken as it is inside
 * them, a doubled quote standing for one (so a name may hold the separator or spaces at its
 * ends). A control character anywhere in `text` (even where trimming would drop it) is refused.
 * Returns each part and whether it was quoted. `#VALUE!` at `arg` for an unclosed quote
 * or text after a closing quote.
 */
export function splitNames(text: string, sep: "," | ".", arg: string): { name: string; quoted: boolean }[] {
  // A control character anywhere is refused, even at an end where trimming would drop it.
  if (text !== "" && unsafeName(text)) invalid("sqlBadName", { arg }, { value: shownName(text) });
  const out: { name: string; quoted: boolean }[] = [];
  let i = 0;
  const n = text.length;
  const isSpace = (c: string): boolean => c.trim() === "";
  for (;;) {
    while (i < n && isSpace(text[i])) i++;
    const q = text[i];
    if (q === '"' || q === "`") {
      let name = "";
      let j = i + 1;
      for (;;) {
        if (j >= n) invalid("sqlBadList", { arg }, { value: shownName(text) });
        if (text[j] === q) {
          if (text[j + 1] === q) {
            name += q;
            j += 2;
            continue;
          }
          break;
        }
        name += text[j++];
      }
      i = j + 1;
      while (i < n && isSpace(text[i])) i++;
      if (i < n && text[i] !== sep) invalid("sqlBadList", { arg }, { value: shownName(text) });
      out.push({ name, quoted: true });
    } else {
      let j = i;
      while (j < n && text[j] !== sep) j++;
      out.push({ name: text.slice(i, j).trim(), quoted: false });
      i = j;
    }
    if (i >= n) return out;
    i++; // the separator
  }
}

/** The table a query reads: a (qualified) name, or in DuckDB a file path read by name. */
export type TableRef = { readonly kind: "name"; readonly parts: readonly string[] } | { readonly kind: "file"; readonly path: string };

/** Paths DuckDB reads as tables by name (`FROM 'orders.parquet'`). */
const FILE_PATH = /[/\\]|\.(csv|tsv|txt|parquet|json|jsonl|ndjson)(\.(gz|zst))?$/i;

/**
 * Read the `table` argument: `name`, `schema.name` or `catalog.schema.name` (parts may be quoted
 * as in {@link splitNames}); in the duckdb dialect an unquoted path (with a `/` or `\`, or ending
 * in .csv, .parquet, .json…) is a file that DuckDB reads by name. `#VALUE!` for an empty or
 * unsafe part, or a path in the spark dialect.
 */
export function tableRef(text: string, d: Dialect, arg: string): TableRef {
  if (text !== "" && unsafeName(text)) invalid("sqlBadName", { arg }, { value: shownName(text) });
  const t = text.trim();
  if (t === "") invalid("sqlEmptyName", { arg });
  if (t[0] !== '"' && t[0] !== "`" && FILE_PATH.test(t)) {
    if (d !== "duckdb") invalid("sqlFileSpark", { arg }, { value: shownName(t) });
    return { kind: "file", path: checkName(t, arg) };
  }
  const parts = splitNames(t, ".", arg).map((p) => checkName(p.name, arg));
  if (parts.length > 3) invalid("sqlBadList", { arg }, { value: shownName(t) });
  return { kind: "name", parts };
}

// ---------------------------------------------------------------------------------------------
// Fragments

/**
 * A fragment of SQL that renders in either dialect. `atom` fragments (names, literals, calls,
 * CASE) need no parentheses as an operand; operators put parentheses around composite operands.
 */
export class Sql {
  constructor(
    private readonly emit: (d: Dialect) => string,
    readonly atom: boolean,
  ) {}
  render(d: Dialect): string {
    return this.emit(d);
  }
}

const frag = (emit: (d: Dialect) => string, atom = true): Sql => new Sql(emit, atom);
const operand = (x: Sql, d: Dialect): string => (x.atom ? x.render(d) : `(${x.render(d)})`);
const list = (xs: readonly Sql[], d: Dialect): string => xs.map((x) => x.render(d)).join(", ");

const INTERNAL = /^[a-z][a-z0-9_]*$/;

/** An internal name (a CTE, an alias of the compiler's own): lower-case letters, digits, `_`; rendered bare. */
export function name(n: string): Sql {
  if (!INTERNAL.test(n)) throw new Error(`not an internal name: ${n}`);
  return frag(() => n);
}

/** A user identifier (a column of the user's table, an output column name), always quoted. */
export function ident(n: string): Sql {
  return frag((d) => quoteIdent(n, d));
}

/** `alias.column` (an internal alias; the column internal or quoted). */
export function dot(alias: string, column: Sql): Sql {
  const a = name(alias);
  return frag((d) => `${a.render(d)}.${column.render(d)}`);
}

/** A string literal. */
export function str(s: string): Sql {
  return frag((d) => quoteString(s, d));
}

/** A whole number literal. */
export function int(n: number): Sql {
  if (!Number.isSafeInteger(n)) throw new Error(`not a safe integer: ${n}`);
  return frag(() => (n < 0 ? `(${n})` : String(n)));
}

/** A DOUBLE literal: `CAST(x AS DOUBLE)` (a bare 0.01 is a DECIMAL in both dialects). */
export function num(x: number): Sql {
  if (!Number.isFinite(x)) throw new Error(`not a finite number: ${x}`);
  return frag(() => `CAST(${String(x)} AS DOUBLE)`);
}

/** NULL. */
export const NULL = frag(() => "NULL");
/** FALSE. */
export const FALSE = frag(() => "FALSE");
/** A NULL of type DOUBLE (an indicator that cannot be computed). */
export const NULL_DOUBLE = frag(() => "CAST(NULL AS DOUBLE)");

type BinaryOp = "+" | "-" | "*" | "/" | "=" | "<>" | "<" | "<=" | ">" | ">=";
const binary = (op: BinaryOp) => (a: Sql, b: Sql): Sql => frag((d) => `${operand(a, d)} ${op} ${operand(b, d)}`, false);

export const add = binary("+");
export const sub = binary("-");
export const mul = binary("*");
/** Plain division: callers guard the divisor (Spark's ANSI mode fails on a division by zero). */
export const div = binary("/");
export const eq = binary("=");
export const ne = binary("<>");
export const lt = binary("<");
export const le = binary("<=");
export const gt = binary(">");
export const ge = binary(">=");

const chain = (op: "AND" | "OR") => (...xs: Sql[]): Sql =>
  xs.length === 1 ? xs[0] : frag((d) => xs.map((x) => operand(x, d)).join(` ${op} `), false);
export const and = chain("AND");
export const or = chain("OR");
export const not = (x: Sql): Sql => frag((d) => `NOT ${operand(x, d)}`, false);
export const isNull = (x: Sql): Sql => frag((d) => `${operand(x, d)} IS NULL`, false);
export const isNotNull = (x: Sql): Sql => frag((d) => `${operand(x, d)} IS NOT NULL`, false);
export const inList = (x: Sql, items: readonly Sql[]): Sql => frag((d) => `${operand(x, d)} IN (${list(items, d)})`, false);

/** `CASE WHEN c THEN v … [ELSE e] END`. */
export function when(cases: readonly (readonly [Sql, Sql])[], otherwise?: Sql): Sql {
  return frag((d) => {
    const ws = cases.map(([c, v]) => `WHEN ${c.render(d)} THEN ${v.render(d)}`).join(" ");
    return `CASE ${ws}${otherwise ? ` ELSE ${otherwise.render(d)}` : ""} END`;
  });
}

/** Functions spelled the same in both dialects. */
type Fn = "LOWER" | "LN" | "ABS" | "COUNT" | "SUM" | "MAX" | "MIN" | "COALESCE" | "GREATEST" | "LAG";
export function call(fn: Fn, ...args: Sql[]): Sql {
  return frag((d) => `${fn}(${list(args, d)})`);
}

export const abs = (x: Sql): Sql => call("ABS", x);
export const STAR = frag(() => "*");
export const countAll = (): Sql => call("COUNT", STAR);
export const countDistinct = (x: Sql): Sql => frag((d) => `COUNT(DISTINCT ${x.render(d)})`);
/** COUNT(CASE WHEN c THEN 1 END): the rows where `c` holds. */
export const countIf = (c: Sql): Sql => call("COUNT", when([[c, int(1)]]));
/** SUM(CASE WHEN c THEN x ELSE 0 END), 0 when no row. */
export const sumIf = (c: Sql, x: Sql): Sql => call("COALESCE", call("SUM", when([[c, x]], int(0))), int(0));

export function cast(x: Sql, type: "DOUBLE" | "BIGINT"): Sql {
  return frag((d) => `CAST(${x.render(d)} AS ${type})`);
}

/** A value as text: `CAST(x AS VARCHAR)` / `CAST(x AS STRING)`. */
export function asText(x: Sql): Sql {
  return frag((d) => `CAST(${x.render(d)} AS ${d === "duckdb" ? "VARCHAR" : "STRING"})`);
}

/** Text that {@link DECIMAL} or {@link PERCENT} accepted, as a DOUBLE (DuckDB TRY_CAST: an overflow is ±inf, refused later). */
function parseDouble(x: Sql): Sql {
  return frag((d) => `${d === "duckdb" ? "TRY_CAST" : "CAST"}(${x.render(d)} AS DOUBLE)`);
}

/**
 * True when `x` matches the regular expression `pattern` (anchored with ^…$ by the caller):
 * DuckDB `regexp_matches` (RE2), Spark `RLIKE` (Java). Patterns are written in the syntax both
 * share, without backslashes except the `\x{…}` code points of {@link WS}.
 */
export function matches(x: Sql, pattern: string): Sql {
  const p = str(pattern);
  return frag((d) => (d === "duckdb" ? `regexp_matches(${x.render(d)}, ${p.render(d)})` : `${operand(x, d)} RLIKE ${p.render(d)}`), false);
}

/** Replace every match of `pattern` by `by`: DuckDB needs the 'g' flag, Spark replaces all. */
export function replaceAll(x: Sql, pattern: string, by: string): Sql {
  const p = str(pattern);
  const r = str(by);
  return frag((d) => `regexp_replace(${list([x, p, r], d)}${d === "duckdb" ? ", 'g'" : ""})`);
}

/** One key of an ORDER BY. */
export interface Order {
  readonly by: Sql;
  readonly desc?: boolean;
  /** Where NULLs go; stated explicitly because the dialects' defaults differ. */
  readonly nulls?: "first" | "last";
}
export const asc = (by: Sql, nulls?: "first" | "last"): Order => ({ by, nulls });
export const desc = (by: Sql, nulls?: "first" | "last"): Order => ({ by, desc: true, nulls });

const orderList = (os: readonly Order[], d: Dialect): string =>
  os.map((o) => `${o.by.render(d)}${o.desc ? " DESC" : ""}${o.nulls ? ` NULLS ${o.nulls.toUpperCase()}` : ""}`).join(", ");

/** A window function over the whole table: `f OVER (ORDER BY … [ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW])`. */
export function over(f: Sql, order: readonly Order[], running = false): Sql {
  return frag((d) => `${f.render(d)} OVER (ORDER BY ${orderList(order, d)}${running ? " ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW" : ""})`);
}
export const rowNumber = (order: readonly Order[]): Sql => over(frag(() => "ROW_NUMBER()"), order);

// ---------------------------------------------------------------------------------------------
// Queries

/** A select-list item: an expression and its alias (internal via {@link name}, or quoted via {@link ident}). */
export type Item = readonly [alias: Sql, expr: Sql];

/** What a SELECT reads. */
export type From =
  | { readonly kind: "table"; readonly table: TableRef }
  | { readonly kind: "cte"; readonly name: string; readonly alias?: string }
  | { readonly kind: "sub"; readonly query: Query; readonly alias: string }
  | { readonly kind: "join"; readonly left: From; readonly type: "JOIN" | "LEFT JOIN" | "CROSS JOIN"; readonly right: From; readonly on?: Sql };

export interface Select {
  readonly kind: "select";
  readonly items: readonly Item[];
  readonly distinct?: boolean;
  readonly from?: From;
  readonly where?: Sql;
  readonly groupBy?: readonly Sql[];
  readonly orderBy?: readonly Order[];
  readonly limit?: number;
}
export interface Union {
  readonly kind: "union";
  readonly parts: readonly Select[];
}
export interface With {
  readonly kind: "with";
  readonly ctes: readonly (readonly [string, Query])[];
  readonly body: Select;
}
export type Query = Select | Union | With;

export const fromTable = (table: TableRef): From => ({ kind: "table", table });
export const fromCte = (n: string, alias?: string): From => ({ kind: "cte", name: n, alias });
export const fromSub = (query: Query, alias: string): From => ({ kind: "sub", query, alias });
export const join = (left: From, right: From, on: Sql): From => ({ kind: "join", left, type: "JOIN", right, on });
export const leftJoin = (left: From, right: From, on: Sql): From => ({ kind: "join", left, type: "LEFT JOIN", right, on });
export const crossJoin = (left: From, right: From): From => ({ kind: "join", left, type: "CROSS JOIN", right });

export function select(items: readonly Item[], from?: From, rest: Omit<Select, "kind" | "items" | "from"> = {}): Select {
  return { kind: "select", items, from, ...rest };
}
export const unionAll = (parts: readonly Select[]): Union => ({ kind: "union", parts });
export const withCtes = (ctes: readonly (readonly [string, Query])[], body: Select): With => ({ kind: "with", ctes, body });

/** How the text is laid out: one line (for a cell: Excel quotes a copied cell that holds line breaks), or one clause per line. */
export type Layout = "line" | "lines";

function renderTable(t: TableRef, d: Dialect): string {
  return t.kind === "file" ? quoteString(t.path, d) : t.parts.map((p) => quoteIdent(p, d)).join(".");
}

function renderFrom(f: From, d: Dialect, layout: Layout): string {
  switch (f.kind) {
    case "table":
      return renderTable(f.table, d);
    case "cte":
      return f.alias ? `${f.name} ${f.alias}` : f.name;
    case "sub":
      return `(${renderQuery(f.query, d, layout)}) ${f.alias}`;
    case "join": {
      const on = f.on ? ` ON ${f.on.render(d)}` : "";
      return `${renderFrom(f.left, d, layout)} ${f.type} ${renderFrom(f.right, d, layout)}${on}`;
    }
  }
}

function renderSelect(s: Select, d: Dialect, layout: Layout): string {
  const items = s.items
    .map(([alias, expr]) => {
      const e = expr.render(d);
      const a = alias.render(d);
      return e === a ? e : `${e} AS ${a}`;
    })
    .join(", ");
  const clauses = [`SELECT ${s.distinct ? "DISTINCT " : ""}${items}`];
  if (s.from) clauses.push(`FROM ${renderFrom(s.from, d, layout)}`);
  if (s.where) clauses.push(`WHERE ${s.where.render(d)}`);
  if (s.groupBy?.length) clauses.push(`GROUP BY ${list(s.groupBy, d)}`);
  if (s.orderBy?.length) clauses.push(`ORDER BY ${orderList(s.orderBy, d)}`);
  if (s.limit !== undefined) clauses.push(`LIMIT ${int(s.limit).render(d)}`);
  return clauses.join(layout === "lines" ? "\n  " : " ");
}

/** Render a query in a dialect. */
export function renderQuery(q: Query, d: Dialect, layout: Layout = "line"): string {
  switch (q.kind) {
    case "select":
      return renderSelect(q, d, layout);
    case "union":
      return q.parts.map((p) => renderSelect(p, d, layout)).join(" UNION ALL ");
    case "with": {
      const nl = layout === "lines" ? "\n" : " ";
      const ctes = q.ctes.map(([n, c]) => `${name(n).render(d)} AS (${renderQuery(c, d, layout)})`).join(`,${nl}`);
      return `WITH ${ctes}${nl}${renderSelect(q.body, d, layout)}`;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The engine's coercion rules as SQL

/**
 * The white space JavaScript's `String.prototype.trim` removes (ECMAScript WhiteSpace and
 * LineTerminator: tab to carriage return, space, NBSP, U+1680, U+2000–U+200A, U+2028, U+2029,
 * U+202F, U+205F, U+3000, U+FEFF), as a character class both RE2 (DuckDB) and Java (Spark,
 * Hive) read: `\x{…}` code points. DuckDB's and Spark's own trim remove spaces only.
 */
const WS_RANGES: readonly (readonly [number, number])[] = [
  [0x09, 0x0d], [0x20, 0x20], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a], [0x2028, 0x2029],
  [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff],
];
const cp = (c: number): string => `\\x{${c.toString(16).toUpperCase()}}`;
export const WS = `[${WS_RANGES.map(([a, b]) => (a === b ? cp(a) : `${cp(a)}-${cp(b)}`)).join("")}]`;

/** The engine's plain decimal number (coerce.ts DECIMAL), without backslashes. */
export const DECIMAL = "^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?$";
/** The engine's percentage text (coerce.ts PERCENT): a decimal without exponent, white space, `%`. */
export const PERCENT = `^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)${WS}*%$`;
const PERCENT_SIGN = `${WS}*%$`;
/** The text forms of the number 0 (how a typed zero prints: 0, 0.0, -0.0, 0.00, 0E-10). */
export const ZERO = "^[+-]?(0+([.]0*)?|[.]0+)([eE][+-]?[0-9]+)?$";
const TRIM = `^${WS}+|${WS}+$`;

/** The largest finite DOUBLE: `abs(x) <= MAX` is false for ±inf and NaN. */
const MAX_DOUBLE = frag(() => "CAST(1.7976931348623157E308 AS DOUBLE)");

/** A cell as the engine reads text: cast to text, JavaScript-trimmed. NULL stays NULL. */
export function trimmed(x: Sql): Sql {
  return replaceAll(asText(x), TRIM, "");
}

/** Blank: NULL, '' or white space only (applied to {@link trimmed} text). */
export function blank(t: Sql): Sql {
  return or(isNull(t), eq(t, str("")));
}

/** Blank or the number 0 (the engine's `isVoid`, with the SQL reading of zero above). */
export function voidCell(t: Sql): Sql {
  return or(isNull(t), eq(t, str("")), matches(t, ZERO));
}

/** The engine's *Number* of trimmed text: a plain decimal or a percentage, else NULL (blank included). */
export function numberOf(t: Sql): Sql {
  return when([
    [matches(t, DECIMAL), parseDouble(t)],
    [matches(t, PERCENT), div(parseDouble(replaceAll(t, PERCENT_SIGN, "")), num(100))],
  ]);
}

/** True when a number is finite (NULL stays NULL). */
export function finite(n: Sql): Sql {
  return le(call("ABS", n), MAX_DOUBLE);
}

/** The words of a code in one of the engine's tables, as literals (the blank word "" left out). */
function words(table: ReadonlyMap<string, number>, code: number): Sql[] {
  return [...table].filter(([w, c]) => c === code && w !== "").map(([w]) => str(w));
}

/**
 * The engine's stage code of trimmed, lower-cased text (coerce.ts stageCode): 1–4 for A–L,
 * 0 for `-`/`none`/`无`, `blankCode` for blank or zero, -1 for any other label.
 */
export function stageCode(lt: Sql, blankCode: number): Sql {
  const table = stageWords();
  const cases: [Sql, Sql][] = [[blank(lt), int(blankCode)]];
  for (const code of [1, 2, 3, 4, 0]) cases.push([inList(lt, words(table, code)), int(code)]);
  // (Zero after the words, which it never is: the words cost less than a regular expression.)
  cases.push([matches(lt, ZERO), int(blankCode)]);
  return when(cases, int(-1));
}

/**
 * The engine's flag code (coerce.ts flagCode) of trimmed, lower-cased text `lt` whose
 * {@link numberOf} is `n`: 1 yes, 0 no (blank included), -1 invalid. TRUE/FALSE columns read as
 * the words true/false; a number is yes unless it is 0.
 */
export function flagCode(lt: Sql, n: Sql): Sql {
  const table = flagWords();
  return when(
    [
      [blank(lt), int(0)],
      [inList(lt, words(table, 1)), int(1)],
      [inList(lt, words(table, 0)), int(0)],
      [eq(n, int(0)), int(0)],
      [finite(n), int(1)],
    ],
    int(-1),
  );
}

/** GROW.ROWS's period of a cell whose {@link numberOf} is `n`: 0 or 1, else -1 (blank included). */
export function periodCode(n: Sql): Sql {
  return when([[eq(n, int(0)), int(0)], [eq(n, int(1)), int(1)]], int(-1));
}

// ---------------------------------------------------------------------------------------------
// From the user's table to typed cells

/**
 * How the compiler reads one column parameter:
 * - `stage`: a stage code, blank = 0 (outside AIPL); `flowStage`: blank = 5, kept apart from
 *   `-`/`none` (AIPL.FLOW skips rows blank in both snapshots);
 * - `flag`, `period` (0 or 1);
 * - `id`: identifier text (blank in a kept row is invalid); `name`: label text (blank is '');
 * - `amount`: a number ≥ 0 that must be given; `count`: a number ≥ 0, blank = 0.
 */
export type Kind = "stage" | "flowStage" | "flag" | "period" | "id" | "name" | "amount" | "count";

/** One column parameter of a model, in argument order. */
export interface ColumnSpec {
  readonly param: string;
  readonly kind: Kind;
  /** An optional column may be left out (SUPER's columns besides gmv). */
  readonly optional?: boolean;
}

/** The first column parameters of a model's declaration, in order, the k-th read as `kinds[k]`. */
export function columnsOf(params: readonly { readonly name: string }[], kinds: readonly Kind[]): ColumnSpec[] {
  return kinds.map((kind, k) => ({ param: params[k].name, kind }));
}

/** The user's side of a compilation: the table, the column given for each column parameter, the CTE prefix. */
export interface Source {
  readonly table: TableRef;
  /** The user's column for each {@link ColumnSpec} of the model, in order (undefined: left out). */
  readonly columns: readonly (string | undefined)[];
  /** Prefix of the compiler's CTE names, chosen so that none is also a part of the table's name. */
  readonly prefix: string;
}

const LOWERED: ReadonlySet<Kind> = new Set(["stage", "flowStage", "flag"]);
const NUMERIC: ReadonlySet<Kind> = new Set(["flag", "period", "amount", "count"]);

/** The typed value of a cell of kind `kind` from its trimmed text `c` and its {@link numberOf} `n`. */
function valueOf(kind: Kind, c: Sql, n: Sql): Sql {
  switch (kind) {
    case "stage":
      return stageCode(c, 0);
    case "flowStage":
      return stageCode(c, FLOW_BLANK);
    case "flag":
      return flagCode(c, n);
    case "period":
      return periodCode(n);
    case "id":
    case "name":
      return call("COALESCE", c, str(""));
    case "amount":
      return n;
    case "count":
      return when([[blank(c), num(0)]], n);
  }
}

/** The stage code of a blank cell in AIPL.FLOW (the engine's STAGE_BLANK). */
export const FLOW_BLANK = 5;

/** The predicate "this typed value is invalid" for a kind (undefined: every value is valid). */
export function invalidOf(kind: Kind, v: Sql): Sql | undefined {
  switch (kind) {
    case "stage":
    case "flowStage":
    case "flag":
    case "period":
      return lt(v, int(0));
    case "id":
      return eq(v, str(""));
    case "name":
      return undefined;
    case "amount":
    case "count":
      return or(isNull(v), not(finite(v)), lt(v, int(0)));
  }
}

/** The typed cells of a model's columns: CTEs to put first, and the names they give. */
export interface Cells {
  readonly ctes: readonly (readonly [string, Query])[];
  /** The CTE holding one row per row of the table: `v1`, `v2`… and `blank_row`. */
  readonly name: string;
  /** The column of the typed value of column parameter `i` (0-based), or undefined when it was left out. */
  readonly value: readonly (Sql | undefined)[];
  /** True on a row whose given cells are all blank or zero (the engine skips it). */
  readonly blankRow: Sql;
}

/** The name of one of the compiler's CTEs. */
export const cteName = (src: Source, n: string): string => `${src.prefix}${n}`;

/**
 * The first CTEs of every query: `<p>text` (each given column cast to text, trimmed, lower-cased
 * for stages and flags), `<p>nums` (the number each text reads as, where the kind needs one) and
 * `<p>cells` (the typed values `v1`… and `blank_row`).
 */
export function cells(src: Source, specs: readonly ColumnSpec[]): Cells {
  const text = cteName(src, "text");
  const nums = cteName(src, "nums");
  const out = cteName(src, "cells");
  const present = specs.map((_, i) => src.columns[i] !== undefined);
  const c = (i: number): Sql => name(`c${i + 1}`);
  const n = (i: number): Sql => name(`n${i + 1}`);
  const v = (i: number): Sql => name(`v${i + 1}`);
  const idx = specs.map((_, i) => i).filter((i) => present[i]);

  const textItems: Item[] = idx.map((i) => {
    const t = trimmed(ident(src.columns[i]!));
    return [c(i), LOWERED.has(specs[i].kind) ? call("LOWER", t) : t];
  });
  const ctes: [string, Query][] = [[text, select(textItems, fromTable(src.table))]];
  const numeric = idx.filter((i) => NUMERIC.has(specs[i].kind));
  let last = text;
  if (numeric.length > 0) {
    ctes.push([nums, select([...idx.map((i): Item => [c(i), c(i)]), ...numeric.map((i): Item => [n(i), numberOf(c(i))])], fromCte(text))]);
    last = nums;
  }
  const blankRow = idx.length ? and(...idx.map((i) => voidCell(c(i)))) : FALSE;
  const cellItems: Item[] = [...idx.map((i): Item => [v(i), valueOf(specs[i].kind, c(i), n(i))]), [name("blank_row"), blankRow]];
  ctes.push([out, select(cellItems, fromCte(last))]);
  return { ctes, name: out, value: specs.map((_, i) => (present[i] ? v(i) : undefined)), blankRow: name("blank_row") };
}

// ---------------------------------------------------------------------------------------------
// What a model compiles to

/** A result column of the function, and what a NULL in it stands for (`#DIV/0!` unless said). */
export interface ResultColumn {
  readonly name: string;
  readonly nullAs?: CellError;
}

/**
 * A check column: the count of rows that fail one of the function's checks (or 1 for a
 * whole-table condition). Above 0 it is the function's `#VALUE!`, with this message.
 */
export interface Check {
  readonly column: string;
  readonly key: MessageKey;
  readonly where?: Where;
  readonly params?: MessageParams;
}

/** One model compiled over a {@link Source}. */
export interface Plan {
  readonly query: Query;
  /** Leading label columns of the SQL result that the function does not return (AIPL.FLOW's stage). */
  readonly labels: readonly string[];
  /** The function's result columns, in order. */
  readonly result: readonly ResultColumn[];
  /** The trailing check columns, in the order the function checks. */
  readonly checks: readonly Check[];
  /**
   * `row`: one row; `rows`: a fixed number of rows (AIPL.FLOW's 5); `list`: rows that may be
   * none, in which case the query returns one row whose result columns are all NULL (so that the
   * check columns are always there) and the function's answer is {@link Plan.empty}.
   */
  readonly shape: "row" | "rows" | "list";
  readonly empty?: CellError;
}

/** A model the compiler knows: its column parameters, the optional arguments it takes as options, and its compiler. */
export interface ModelSql {
  /** The function's id without the namespace (`FAST.ROWS`). */
  readonly id: string;
  readonly columns: readonly ColumnSpec[];
  /** The optional arguments DTC.SQL takes as `options`: the model's own declarations (its *_PARAMS). */
  readonly options: readonly Param[];
  /** `options` holds every option, coerced by its declaration (defaults filled in). */
  build(src: Source, options: Readonly<Record<string, unknown>>): Plan;
}

const KIND_CHECK: Readonly<Record<Kind, MessageKey | undefined>> = {
  stage: "sqlInvalidStage",
  flowStage: "sqlInvalidStage",
  flag: "sqlInvalidFlag",
  period: "sqlInvalidPeriod",
  id: "sqlRequired",
  name: undefined,
  amount: "sqlInvalidAmount",
  count: "sqlInvalidCount",
};

/** The place of a column's problems: the documented column, and the user's column when its name differs. */
export function columnWhere(src: Source, specs: readonly ColumnSpec[], i: number): Where {
  const user = src.columns[i];
  const param = specs[i].param;
  return user !== undefined && user.toLowerCase() !== param.toLowerCase() ? { arg: param, header: user } : { arg: param };
}

/**
 * The check columns of the typed values `values` (columns of an earlier CTE, or undefined for a
 * column left out): `invalid_<param>`, the count of rows whose value is invalid.
 */
export function columnChecks(
  src: Source,
  specs: readonly ColumnSpec[],
  values: readonly (Sql | undefined)[],
): { items: Item[]; checks: Check[] } {
  const items: Item[] = [];
  const checks: Check[] = [];
  specs.forEach((spec, i) => {
    const v = values[i];
    const key = KIND_CHECK[spec.kind];
    const bad = v === undefined ? undefined : invalidOf(spec.kind, v);
    if (key === undefined || bad === undefined) return;
    const column = `invalid_${spec.param}`;
    items.push([ident(column), countIf(bad)]);
    checks.push({ column, key, where: columnWhere(src, specs, i) });
  });
  return { items, checks };
}

/** `num ÷ den` as a DOUBLE, NULL when `den` is 0 (the function's `#DIV/0!`). */
export function ratio(numerator: Sql, den: Sql): Sql {
  return when([[eq(den, int(0)), NULL]], div(cast(numerator, "DOUBLE"), cast(den, "DOUBLE")));
}

/** `#DIV/0!` for the indicator `what` (as the engine's `ratio`). */
export const divZero = (what: string): CellError => new CellError("#DIV/0!", "divZero", { what });

/** A 0/1 column for a whole-table condition. */
export function flag01(cond: Sql): Sql {
  return when([[cond, int(1)]], int(0));
}
