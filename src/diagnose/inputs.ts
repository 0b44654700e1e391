/**
 * Reading `brand`, `peers` and `weights` of DTC.INDEX and DTC.DIAGNOSE (SPEC §16) into a
 * {@link Benchmark}: one slot per indicator of the code table, whatever order and spelling the
 * header row uses.
 *
 * - `brand`: a header row of indicator codes over one row of values (blank = not available).
 * - `peers`: one row per benchmark brand, under the same kind of header row (codes in any
 *   order) or, without one, in the columns of `brand`.
 * - `weights`: a header row of codes over one row of weights ≥ 0, or one row of weights in the
 *   columns of `brand`; a missing code or a blank cell weighs 1.
 *
 * In a header row, an empty cell (or 0, an empty cell from an older desktop build) or a label
 * header (`brand`, `name`, 品牌 …) marks a column that is not an indicator, such as the brands'
 * names: it is ignored. Any other text must be an indicator code (`#VALUE!` naming it and its
 * column), and an indicator may appear once. Rows of `peers` whose cells are all blank or 0 are
 * no peer (the empty tail of a whole-column reference).
 */
import { invalid, type Where } from "../excel/errors";
import { basic, cellNumber, grid, isBlank, isVoid, MAX_ROWS } from "../excel/coerce";
import { show } from "../excel/messages";
import { blankRow } from "../excel/table";
import { parseCode } from "./codes";
import { emptyBenchmark, type Benchmark } from "./score";

/** Header texts of a column that holds no indicator (the brands' names), lower case. */
export const LABEL_HEADERS: readonly string[] = ["brand", "brands", "name", "peer", "peers", "品牌", "品牌名", "品牌名称", "名称", "对标品牌"];

/** Column j of an argument → slot of the code table, or -1 for a column that is not an indicator. */
export type Columns = Int16Array;

/**
 * The slots of a header row (row `row`, 1-based, of argument `arg`). Unknown codes, ambiguous
 * ones and duplicates are `#VALUE!` at their cell.
 */
export function headerColumns(cells: readonly unknown[], arg: string, row = 1): Columns {
  const cols = new Int16Array(cells.length).fill(-1);
  const seen = new Map<number, number>();
  for (let j = 0; j < cells.length; j++) {
    const raw = cells[j];
    if (isVoid(raw)) continue;
    const where: Where = { arg, row, col: j + 1 };
    const b = basic(raw);
    if (typeof b !== "string") invalid("diagUnknownCode", where, { value: show(raw) });
    if (LABEL_HEADERS.includes(b.trim().toLowerCase())) continue;
    const p = parseCode(b);
    if (p.kind === "ambiguous") invalid("diagAmbiguousCode", where, { value: show(b), list: p.candidates.map((c) => c.code).join(", ") });
    if (p.kind !== "code") invalid("diagUnknownCode", where, { value: show(b) });
    const k = p.code.order;
    const first = seen.get(k);
    if (first !== undefined) invalid("diagDuplicateCode", where, { code: p.code.code, first: first + 1 });
    seen.set(k, j);
    cols[j] = k;
  }
  return cols;
}

/** True when a first row reads as a header row of codes: every non-blank cell is text, and one is a code. */
export function isCodeHeader(cells: readonly unknown[]): boolean {
  let code = false;
  for (const raw of cells) {
    if (isVoid(raw)) continue;
    const b = basic(raw);
    if (typeof b !== "string") return false;
    if (!code && parseCode(b).kind === "code") code = true;
  }
  return code;
}

/** Rows after the first `used` ones must be blank (or 0): a range larger than its data. */
function restBlank(g: readonly (readonly unknown[])[], used: number): boolean {
  for (let r = used; r < g.length; r++) if (!blankRow(g[r])) return false;
  return true;
}

/** `brand`: its columns and its values. */
export function readBrand(arg: unknown, b: ReturnType<typeof emptyBenchmark>): Columns {
  const g = grid(arg);
  const rows = g.length;
  const width = rows ? g[0].length : 0;
  if (rows < 2 || !restBlank(g, 2)) invalid("diagBrandShape", { arg: "brand" }, { rows, cols: width });
  const cols = headerColumns(g[0], "brand");
  if (!cols.some((k) => k >= 0)) invalid("diagNoCodes", { arg: "brand" });
  const values = g[1];
  for (let j = 0; j < width; j++) {
    const k = cols[j];
    if (k < 0) continue;
    const v = values[j];
    if (!isBlank(v)) b.brand[k] = cellNumber(v, { arg: "brand", row: 2, col: j + 1 });
  }
  return cols;
}

/** `peers`: the non-blank values of every indicator column, under a header row or in `brand`'s columns. */
export function readPeers(arg: unknown, brandCols: Columns, b: ReturnType<typeof emptyBenchmark>): void {
  const g = grid(arg);
  const rows = g.length;
  const width = rows ? g[0].length : 0;
  if (rows > MAX_ROWS) invalid("tooManyRows", { arg: "peers" }, { actual: rows, limit: MAX_ROWS });
  if (rows === 0 || width === 0) invalid("emptyTable", { arg: "peers" });
  let cols = brandCols;
  let first = 0;
  if (isCodeHeader(g[0])) {
    cols = headerColumns(g[0], "peers");
    first = 1;
  } else if (width !== brandCols.length) {
    invalid("diagWidth", { arg: "peers" }, { actual: width, expected: brandCols.length });
  }
  // The indicator columns only, so the loop over the peers' rows touches nothing else.
  const js: number[] = [];
  for (let j = 0; j < width; j++) if (cols[j] >= 0) js.push(j);
  const out = js.map((j) => b.peers[cols[j]]);
  for (let r = first; r < rows; r++) {
    const line = g[r];
    // A row of blank or 0 cells is no peer (the empty tail of a whole-column reference).
    if (blankRow(line)) continue;
    for (let q = 0; q < js.length; q++) {
      const x = line[js[q]];
      if (typeof x === "number" && Number.isFinite(x)) out[q].push(x);
      else if (!isBlank(x)) out[q].push(cellNumber(x, { arg: "peers", row: r + 1, col: js[q] + 1 }));
    }
  }
}

/** `weights`: omitted or blank gives 1 everywhere; a negative weight is `#VALUE!` at its cell. */
export function readWeights(arg: unknown, brandCols: Columns, b: ReturnType<typeof emptyBenchmark>): void {
  if (!Array.isArray(arg) && isBlank(arg)) return;
  const g = grid(arg);
  const rows = g.length;
  const width = rows ? g[0].length : 0;
  if (rows === 1 && width === 1 && isBlank(g[0][0])) return;
  let cols = brandCols;
  let row = 0;
  if (rows > 0 && isCodeHeader(g[0])) {
    if (rows < 2 || !restBlank(g, 2)) invalid("diagWeightsShape", { arg: "weights" }, { rows, cols: width });
    cols = headerColumns(g[0], "weights");
    row = 1;
  } else if (rows < 1 || !restBlank(g, 1)) {
    invalid("diagWeightsShape", { arg: "weights" }, { rows, cols: width });
  } else if (width !== brandCols.length) {
    invalid("diagWidth", { arg: "weights" }, { actual: width, expected: brandCols.length });
  }
  const values = g[row];
  for (let j = 0; j < width; j++) {
    const k = cols[j];
    if (k < 0) continue;
    const v = values[j];
    if (!isBlank(v)) b.weights[k] = cellNumber(v, { arg: "weights", row: row + 1, col: j + 1 }, "nonNegative");
  }
}

/** Read the three arguments into a {@link Benchmark}. */
export function readBenchmark(brand: unknown, peers: unknown, weights?: unknown): Benchmark {
  const b = emptyBenchmark();
  const cols = readBrand(brand, b);
  readPeers(peers, cols, b);
  if (weights !== undefined) readWeights(weights, cols, b);
  return b;
}
