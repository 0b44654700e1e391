/**
 * A1 addresses: the small arithmetic the planners and adapters share (pure, no Office.js).
 * Rows and columns are 0-based here (`{ row: 0, col: 0 }` is `A1`); Excel's are 1-based.
 */

/** A cell position, 0-based. */
export interface Pos {
  row: number;
  col: number;
}

/** A rectangle of cells, 0-based and inclusive. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Excel's last column (XFD) and row, 0-based. */
export const MAX_COL = 16383;
export const MAX_ROW = 1048575;

/** Column letters of a 0-based column: 0 → `A`, 25 → `Z`, 26 → `AA`. */
export function colName(col: number): string {
  if (!Number.isInteger(col) || col < 0 || col > MAX_COL) throw new RangeError(`column ${col} out of range`);
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** 0-based column of column letters: `A` → 0, `AA` → 26. */
export function colIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) throw new RangeError(`bad column "${letters}"`);
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  if (n - 1 > MAX_COL) throw new RangeError(`bad column "${letters}"`);
  return n - 1;
}

/** `A1` text of a position; `abs` gives `$A$1`. */
export function cellA1(p: Pos, abs = false): string {
  if (!Number.isInteger(p.row) || p.row < 0 || p.row > MAX_ROW) throw new RangeError(`row ${p.row} out of range`);
  const d = abs ? "$" : "";
  return `${d}${colName(p.col)}${d}${p.row + 1}`;
}

/** Parse `B4` or `$B$4` into a position. Throws `RangeError` on anything else. */
export function parseCell(a1: string): Pos {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(a1.trim());
  if (!m) throw new RangeError(`bad cell address "${a1}"`);
  const row = Number(m[2]) - 1;
  if (row < 0 || row > MAX_ROW) throw new RangeError(`bad cell address "${a1}"`);
  return { row, col: colIndex(m[1]) };
}

/** Parse `B4:H12` (or a single cell `B4`) into a normalised rectangle. */
export function parseRange(a1: string): Rect {
  const parts = a1.split(":");
  if (parts.length > 2) throw new RangeError(`bad range address "${a1}"`);
  const a = parseCell(parts[0]);
  const b = parts.length === 2 ? parseCell(parts[1]) : a;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** `B4:H12` text of a rectangle (a single cell when it is 1×1); `abs` gives `$B$4:$H$12`. */
export function rangeA1(r: Rect, abs = false): string {
  const a = cellA1({ row: r.top, col: r.left }, abs);
  if (r.top === r.bottom && r.left === r.right) return a;
  return `${a}:${cellA1({ row: r.bottom, col: r.right }, abs)}`;
}

/** The rectangle of `rows` × `cols` cells whose top-left is `at`. */
export function rectAt(at: Pos, rows: number, cols: number): Rect {
  return { top: at.row, left: at.col, bottom: at.row + rows - 1, right: at.col + cols - 1 };
}

/** True when two rectangles share a cell. */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** True when `inner` lies inside `outer`. */
export function contains(outer: Rect, inner: Rect): boolean {
  return inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right;
}

/** Quote a sheet name for a formula or address: `'My plan (2)'!A1` (apostrophes doubled). */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
