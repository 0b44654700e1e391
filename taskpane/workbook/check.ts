/**
 * Validation of a {@link SheetPlan} before anything is written (pure; shared by the adapters).
 * A plan that fails here is a bug in a planner, never a user error: the adapter refuses it with
 * `WorkbookError("invalidPlan", detail)` and writes nothing.
 */
import { contains, overlaps, parseCell, parseRange, rectAt, type Rect } from "./a1";
import { isFormula, WorkbookError, type Block, type Cell, type SheetPlan } from "./port";

/** Excel's table-name rule: letter, `_` or `\` first; letters, digits, `_`, `.` after; ≤ 255. */
const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.]*$/;
/** Names Excel refuses because they read as cell references (`A1`, `R1C1`, `R`, `C`). */
const LOOKS_LIKE_REF = /^([A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*|[RrCc])$/;

/** The rectangle a block covers. */
export function blockRect(b: Block): Rect {
  return rectAt(parseCell(b.anchor), b.cells.length, b.cells[0]?.length ?? 0);
}

function bad(detail: string): never {
  throw new WorkbookError("invalidPlan", detail);
}

/** The cell of `plan` at a 0-based position, or `undefined` when no block writes it. */
export function cellAt(plan: SheetPlan, row: number, col: number): Cell | undefined {
  for (const b of plan.blocks) {
    const r = blockRect(b);
    if (row >= r.top && row <= r.bottom && col >= r.left && col <= r.right) return b.cells[row - r.top][col - r.left];
  }
  return undefined;
}

/**
 * Check a plan: addresses parse; blocks are non-empty rectangles that do not overlap; formats
 * match their blocks; formulas start with `=`; every table lies inside written cells, has at
 * least one data row, distinct non-empty text headers and a valid name (names distinct);
 * conditional-format, chart and validation ranges parse. Throws `WorkbookError("invalidPlan")`.
 */
export function checkPlan(plan: SheetPlan): void {
  try {
    if (!plan.blocks.length) bad("no blocks");
    const rects: Rect[] = [];
    plan.blocks.forEach((b, i) => {
      const w = b.cells[0]?.length ?? 0;
      if (!b.cells.length || !w) bad(`block ${i + 1} at ${b.anchor} is empty`);
      if (b.cells.some((row) => row.length !== w)) bad(`block ${i + 1} at ${b.anchor} is not rectangular`);
      for (const row of b.cells) {
        for (const c of row) {
          if (isFormula(c) && !c.formula.startsWith("=")) bad(`block ${i + 1}: formula "${c.formula}" must start with =`);
          if (typeof c === "number" && !Number.isFinite(c)) bad(`block ${i + 1}: ${c} is not a finite number`);
        }
      }
      if (b.formats && (b.formats.length !== b.cells.length || b.formats.some((r) => r.length !== w))) {
        bad(`block ${i + 1} at ${b.anchor}: formats do not match the cells`);
      }
      const r = blockRect(b);
      const j = rects.findIndex((o) => overlaps(o, r));
      if (j >= 0) bad(`blocks ${j + 1} and ${i + 1} overlap`);
      rects.push(r);
    });
    const names = new Set<string>();
    for (const t of plan.tables ?? []) {
      if (!TABLE_NAME.test(t.name) || LOOKS_LIKE_REF.test(t.name) || t.name.length > 200) bad(`bad table name "${t.name}"`);
      const key = t.name.toLowerCase();
      if (names.has(key)) bad(`table name "${t.name}" used twice`);
      names.add(key);
      const r = parseRange(t.range);
      if (r.bottom <= r.top) bad(`table ${t.name} has no data row`);
      if (!rects.some((o) => contains(o, { ...r, bottom: r.top }))) bad(`table ${t.name}: header row is not written by one block`);
      const heads = new Set<string>();
      for (let c = r.left; c <= r.right; c++) {
        const h = cellAt(plan, r.top, c);
        if (typeof h !== "string" || h.trim() === "") bad(`table ${t.name}: header ${c - r.left + 1} is not text`);
        const hk = h.trim().toLowerCase();
        if (heads.has(hk)) bad(`table ${t.name}: header "${h}" used twice`);
        heads.add(hk);
      }
    }
    for (const cf of plan.conditionalFormats ?? []) {
      parseRange(cf.range);
      if (!cf.rules.length) bad(`conditional format on ${cf.range} has no rule`);
      for (const rule of cf.rules) {
        if (rule.min === undefined && rule.max === undefined) bad(`conditional format on ${cf.range}: a rule needs min or max`);
      }
    }
    for (const ch of plan.charts ?? []) {
      const r = parseRange(ch.source);
      if (r.bottom === r.top || r.right === r.left) bad(`chart "${ch.title}": source ${ch.source} needs a header row and a label column`);
      parseCell(ch.position.from);
      parseCell(ch.position.to);
    }
    for (const v of plan.validations ?? []) {
      parseRange(v.range);
      if (v.rule.kind === "list" && (!v.rule.values.length || v.rule.values.some((x) => x === "" || x.includes(",")))) {
        bad(`validation on ${v.range}: a list needs values without commas`);
      }
      if (v.rule.kind === "decimal" && v.rule.min === undefined && v.rule.max === undefined) bad(`validation on ${v.range} needs min or max`);
    }
    for (const w of plan.columnWidths ?? []) {
      if (!/^[A-Za-z]{1,3}$/.test(w.column) || !(w.width >= 0 && w.width <= 1000)) bad(`bad column width ${w.column}=${w.width}`);
    }
  } catch (e) {
    if (e instanceof WorkbookError) throw e;
    bad(e instanceof Error ? e.message : String(e));
  }
}
