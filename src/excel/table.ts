/**
 * Header-mapped tables (docs/functions.md, Conventions, "Tables with headers").
 *
 * A table parameter may start with a header row. The first row is a header row when all its
 * non-blank cells are text and at least one matches a known column name (case-insensitive,
 * English or Chinese alias). In header mode columns are matched by name in any order and
 * unknown columns are ignored; otherwise columns are read by position in the documented order,
 * and optional columns at the end may be left off. Rows whose cells are all blank (or 0, as
 * older desktop builds send empty cells) are skipped, so whole-column references work.
 */
import { invalid, type Where } from "./errors";
import { basic, grid, isEmpty, isVoid, MAX_ROWS } from "./coerce";

/** One documented column of a table parameter. */
export interface ColumnSpec {
  /** Canonical name (used in messages and as the key of {@link Table.col}). */
  readonly key: string;
  /** Header aliases, English and Chinese; matched trimmed and case-insensitively. */
  readonly aliases: readonly string[];
  /** A required column missing from the header row is `#VALUE!`. */
  readonly required?: boolean;
}

/** A table argument, resolved: where each documented column is and which rows hold data. */
export interface Table {
  readonly name: string;
  readonly data: readonly (readonly unknown[])[];
  /** True when the first row was read as a header row. */
  readonly header: boolean;
  /** 0-based column index of each documented column, or -1 when it is absent. */
  readonly col: Readonly<Record<string, number>>;
  /**
   * 0-based indexes into `data` of the data rows that are not entirely blank. Computed on first
   * use: a model that reads every row anyway can skip blank rows itself ({@link blankRow}) from
   * `first` on and never pay for this list.
   */
  readonly rows: readonly number[];
  /** 0-based index into `data` of the first row after the header row (0 or 1). */
  readonly first: number;
}

const norm = (s: string): string => s.trim().toLowerCase();

/** Read a table argument against its documented columns. */
export function readTable(arg: unknown, name: string, specs: readonly ColumnSpec[]): Table {
  const data = grid(arg);
  if (data.length > MAX_ROWS) invalid("tooManyRows", { arg: name }, { actual: data.length, limit: MAX_ROWS });
  const width = data.length ? data[0].length : 0;
  // A dictionary object (no prototype), whose shape V8 never drops: a literal grown key by key
  // got new hidden classes after a garbage collection, which discarded the compiled code of
  // every hot loop that had read one (docs/performance.md, "Stable shapes").
  const col: Record<string, number> = Object.create(null) as Record<string, number>;
  let header = false;

  if (data.length) {
    const first = data[0];
    const alias = new Map<string, string>();
    for (const s of specs) {
      alias.set(norm(s.key), s.key);
      for (const a of s.aliases) alias.set(norm(a), s.key);
    }
    let allText = true;
    let anyKnown = false;
    for (const raw of first) {
      // 0 is an empty cell from an older desktop build; a data type reads as its basicValue.
      if (isVoid(raw)) continue;
      const c = basic(raw);
      if (typeof c !== "string") {
        allText = false;
        break;
      }
      if (alias.has(norm(c))) anyKnown = true;
    }
    header = allText && anyKnown;
    if (header) {
      for (const s of specs) col[s.key] = -1;
      first.forEach((raw, j) => {
        const c = basic(raw);
        const key = typeof c === "string" ? alias.get(norm(c)) : undefined;
        if (key !== undefined && col[key] === -1) col[key] = j;
      });
      for (const s of specs) {
        if (s.required && col[s.key] === -1) invalid("missingColumn", { arg: name }, { column: s.key });
      }
    }
  }
  if (!header) {
    specs.forEach((s, j) => {
      col[s.key] = j < width ? j : -1;
    });
    const missing = specs.find((s) => s.required && col[s.key] === -1);
    if (missing && data.length) {
      const need = specs.indexOf(missing) + 1;
      invalid("wrongColumns", { arg: name }, { expected: `≥ ${need}`, actual: width });
    }
  }

  return new ReadTable(name, data, header, col);
}

/**
 * A {@link Table} as a class, so that every table read shares one object shape (hidden class).
 * An object literal with a `get rows()` closure got a shape of its own on every call, and the
 * models' hot loops, which read `t.data`, `t.first` and `t.col`, then lost their compiled code
 * on every recalculation (docs/performance.md, "Stable shapes").
 */
class ReadTable implements Table {
  readonly first: number;
  private list: number[] | undefined = undefined;
  constructor(
    readonly name: string,
    readonly data: readonly (readonly unknown[])[],
    readonly header: boolean,
    readonly col: Readonly<Record<string, number>>,
  ) {
    this.first = header ? 1 : 0;
  }
  get rows(): readonly number[] {
    if (this.list === undefined) {
      const rows: number[] = [];
      const end = emptyTailStart(this.data, this.first);
      for (let i = this.first; i < end; i++) if (!blankRow(this.data[i])) rows.push(i);
      this.list = rows;
    }
    return this.list;
  }
}

/**
 * True when every cell of a table row is blank or the number 0 (such rows are skipped: older
 * desktop builds send the empty cells of a whole-column reference as 0).
 */
export function blankRow(r: readonly unknown[]): boolean {
  // The hot loop stays tiny (a whole column of empty rows runs through it); any other cell goes
  // to the full test.
  for (let j = 0; j < r.length; j++) {
    const c = r[j];
    if (!(c === "" || c === null || c === undefined || c === 0)) return voidFrom(r, j);
  }
  return true;
}

/**
 * Where the empty tail of `data` starts: the index after the last row that has a cell other than
 * exactly `""`, `null`, `undefined` or 0 (not before `first`). A whole-column reference brings a
 * million such rows after the data; a model can stop its main loop there instead of testing each
 * of them inside it. Rows of the tail that are blank only by the full test (spaces, data types)
 * are not part of it: the model's own blank test still sees them.
 */
export function emptyTailStart(data: readonly (readonly unknown[])[], first = 0): number {
  // Forward, as memory is laid out (a backward walk over a million row arrays is slower).
  let end = first;
  for (let i = first; i < data.length; i++) {
    const r = data[i];
    for (let j = 0; j < r.length; j++) {
      const c = r[j];
      if (!(c === "" || c === null || c === undefined || c === 0)) {
        end = i + 1;
        break;
      }
    }
  }
  return end;
}

/** The rest of {@link blankRow} from cell `j` on: every cell blank or 0 by the full test. */
function voidFrom(r: readonly unknown[], j: number): boolean {
  for (; j < r.length; j++) {
    const c = r[j];
    // Other numbers, booleans and texts starting with a printable ASCII character are not blank.
    if (c === 0 || isEmpty(c)) continue;
    if (typeof c === "number" || typeof c === "boolean" || (typeof c === "string" && printableFirst(c)) || !isVoid(c)) return false;
  }
  return true;
}

/** True when a text starts with a printable ASCII character (so it is not blank). */
function printableFirst(s: string): boolean {
  const c = s.charCodeAt(0);
  return c > 32 && c < 127;
}

/** True when the documented column `key` is present. */
export function hasColumn(t: Table, key: string): boolean {
  return t.col[key] >= 0;
}

/** Raw cell of data row `i` (index into `t.data`) in column `key`; `undefined` if absent. */
export function cellOf(t: Table, i: number, key: string): unknown {
  const j = t.col[key];
  return j >= 0 ? t.data[i][j] : undefined;
}

/** The place of a cell: 1-based row and column inside the table argument (header included). */
export function whereIn(t: Table, i: number, key: string): Where {
  const j = t.col[key];
  if (j < 0) return { arg: t.name, row: i + 1 };
  if (!t.header) return { arg: t.name, row: i + 1, col: j + 1 };
  // Header mode: name the column as the user's header row spells it.
  const h = basic(t.data[0][j]);
  return { arg: t.name, row: i + 1, col: j + 1, header: typeof h === "string" ? h.trim() : key };
}
