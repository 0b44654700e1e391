/**
 * The workbench's formula engine: HyperFormula (GPL v3, a devDependency: it never enters the
 * add-in's bundles) with the `DTC.*` functions of the BUILT `functions.js` registered as a
 * custom function plugin.
 *
 * Each `DTC.<ID>` is called the way Excel calls a custom function: range arguments as 2-D arrays
 * of raw values (blank cells `null`), missing optional arguments `null`, an invocation object
 * last. Parameter counts and dimensionality come from `functions.json`. Results are mapped back:
 * `CustomFunctions.Error` → HyperFormula error of the same kind (with its message), a matrix →
 * a spilled array.
 *
 * Spills. HyperFormula reserves a spill range when a formula is entered, before it computes
 * (its `sizeOfResultArrayMethod`), while a DTC result's size depends on the values (GTA has one
 * row per crowd, `indicator` makes it a scalar). So the plugin remembers the size each call last
 * returned: a call whose size differs from its reservation returns what fits and marks its cell;
 * {@link Engine.apply} then re-enters the marked formulas, which reserve the right size. A
 * `#SPILL!` (something in the way) is retried once per change at the size it now needs.
 */
import {
  ArraySize,
  CellError,
  DetailedCellError,
  EmptyValue,
  ErrorType,
  ExportedCellChange,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from "hyperformula";
import type { CellValue, ConfigParams, ExportedChange, RawCellContent, SimpleCellAddress } from "hyperformula";
import { ERROR_CODES, StandInError, type CustomFunction } from "./custom-functions";

/** What `functions.json` says about a function (the fields the workbench uses). */
export interface FunctionMeta {
  id: string;
  name: string;
  parameters: { name: string; optional?: boolean; dimensionality?: string }[];
  result?: { dimensionality?: string };
}

/** The namespace of the add-in's functions (manifest `<Namespace>`). */
export const NAMESPACE = "DTC";

/** Engine settings: Excel 365-like dynamic arrays; values exactly as computed (no display rounding). */
export const HF_CONFIG: Partial<ConfigParams> = {
  licenseKey: "gpl-v3",
  useArrayArithmetic: true,
  smartRounding: false,
};

/** Excel's TRUE and FALSE literals (HyperFormula knows only the functions TRUE() and FALSE()). */
export const BOOLEAN_NAMES = [
  { name: "TRUE", expression: "=TRUE()" },
  { name: "FALSE", expression: "=FALSE()" },
];

interface Size {
  w: number;
  h: number;
}

/** Sizes reserved and returned per call, and the cells whose reservation is wrong. */
class SizeBook {
  readonly reserved = new Map<string, Size>();
  readonly returned = new Map<string, Size>();
  readonly dirty = new Map<string, SimpleCellAddress>();

  /** Forget what is known about the formula in one cell (it is being replaced). */
  forgetCell(a: SimpleCellAddress): void {
    const prefix = `${a.sheet}!${a.row},${a.col}|`;
    for (const m of [this.reserved, this.returned]) for (const k of m.keys()) if (k.startsWith(prefix)) m.delete(k);
  }
}

const books = new WeakMap<object, SizeBook>();
/** The engine-wide dependency graph a plugin instance works on (a protected member). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const graphOf = (plugin: FunctionPlugin): any => (plugin as any).dependencyGraph;
function bookOf(graph: object): SizeBook {
  let b = books.get(graph);
  if (!b) {
    b = new SizeBook();
    books.set(graph, b);
  }
  return b;
}

const cellKey = (a: SimpleCellAddress): string => `${a.sheet}!${a.row},${a.col}`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Ast = { args: any[]; procedureName: string };

function callKey(id: string, ast: Ast, address: SimpleCellAddress): string {
  let sig = "";
  try {
    sig = JSON.stringify(ast.args);
  } catch {
    sig = String(ast.args.length);
  }
  return `${cellKey(address)}|${id}|${sig}`;
}

const HF_ERROR: Record<string, ErrorType> = {
  [ERROR_CODES.invalidValue]: ErrorType.VALUE,
  [ERROR_CODES.notAvailable]: ErrorType.NA,
  [ERROR_CODES.divisionByZero]: ErrorType.DIV_BY_ZERO,
  [ERROR_CODES.invalidNumber]: ErrorType.NUM,
  [ERROR_CODES.invalidName]: ErrorType.NAME,
  [ERROR_CODES.invalidReference]: ErrorType.REF,
  [ERROR_CODES.nullReference]: ErrorType.ERROR,
};

// ---------------------------------------------------------------------------------------------
// Values in and out

type Raw = number | string | boolean | null;

/** An engine value inside a range → what Excel hands a custom function (blank → null). */
function toRaw(v: unknown): Raw | CellError {
  if (v === EmptyValue || v === undefined || v === null) return null;
  if (v instanceof CellError) return v;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "object" && typeof (v as { val?: unknown }).val === "number") return (v as { val: number }).val;
  return String(v);
}

/** A range argument as a 2-D array, or the first error inside it (Excel does not call the function then). */
function rangeArg(v: unknown): Raw[][] | CellError {
  if (v === undefined) return [[null]];
  if (v instanceof SimpleRangeValue) {
    const out: Raw[][] = [];
    for (const row of v.data) {
      const r: Raw[] = [];
      for (const x of row) {
        const y = toRaw(x);
        if (y instanceof CellError) return y;
        r.push(y);
      }
      out.push(r);
    }
    return out;
  }
  const y = toRaw(v);
  return y instanceof CellError ? y : [[y]];
}

/** A scalar argument: a one-cell range is its value; a larger range is #VALUE!. */
function scalarArg(v: unknown, param: string): Raw | CellError {
  if (v instanceof SimpleRangeValue) {
    if (v.width() === 1 && v.height() === 1) return toRaw(v.data[0][0]);
    return new CellError(ErrorType.VALUE, `${param}: expected a single value, got a ${v.height()}×${v.width()} range`);
  }
  return toRaw(v);
}

type Out = number | string | boolean | CellError | typeof EmptyValue;

/** A result value of the custom function → an engine value. */
function fromResult(v: unknown): Out {
  if (v instanceof StandInError || (v instanceof Error && typeof (v as { code?: unknown }).code === "string")) {
    const code = (v as StandInError).code;
    return new CellError(HF_ERROR[code] ?? ErrorType.VALUE, v.message || undefined);
  }
  if (v === null || v === undefined) return EmptyValue;
  if (typeof v === "number") return Number.isFinite(v) ? v : new CellError(ErrorType.NUM, `not a finite number: ${v}`);
  if (typeof v === "string" || typeof v === "boolean") return v;
  return new CellError(ErrorType.VALUE, `unexpected result ${String(v)}`);
}

// ---------------------------------------------------------------------------------------------
// The plugin

/** The functions registered in HyperFormula so far (ids, e.g. "DTC.FAST.ROWS"). */
const registered = new Set<string>();

/**
 * Register every associated function that `functions.json` describes as `DTC.<ID>` in
 * HyperFormula (globally, for every engine made afterwards). Returns the registered names.
 * Functions associated but absent from the metadata (or the reverse) are left out.
 */
export function registerDtcFunctions(metadata: FunctionMeta[], associated: Map<string, CustomFunction>): string[] {
  const fresh = metadata.filter((m) => associated.has(m.id.toUpperCase()) && !registered.has(`${NAMESPACE}.${m.id.toUpperCase()}`));
  if (fresh.length === 0) return [...registered];

  class DtcPlugin extends FunctionPlugin {}
  const implemented: Record<string, unknown> = {};
  const translations: Record<string, string> = {};
  const proto = DtcPlugin.prototype as unknown as Record<string, unknown>;

  fresh.forEach((meta, i) => {
    const id = meta.id.toUpperCase();
    const name = `${NAMESPACE}.${id}`;
    const fn = associated.get(id)!;
    const method = `dtc${i}_${id.replace(/\W/g, "_")}`;
    const sizeMethod = `${method}_size`;
    implemented[name] = {
      method,
      sizeOfResultArrayMethod: sizeMethod,
      parameters: meta.parameters.map((p) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: !!p.optional })),
      // Never recomputed cell by cell over a range argument: each DTC function takes ranges whole.
      vectorizationForbidden: true,
    };
    translations[name] = name;

    proto[method] = function (this: FunctionPlugin, ast: Ast, state: { formulaAddress: SimpleCellAddress }) {
      const book = bookOf(graphOf(this));
      const key = callKey(name, ast, state.formulaAddress);
      return this.runFunction(ast.args, state as never, this.metadata(name), (...values: unknown[]) => {
        const args: unknown[] = [];
        for (let k = 0; k < meta.parameters.length; k++) {
          const p = meta.parameters[k];
          const v = values[k];
          if (v === undefined || v === EmptyValue) {
            args.push(p.dimensionality === "matrix" && !p.optional && v === EmptyValue ? [[null]] : null);
            continue;
          }
          const a = p.dimensionality === "matrix" ? rangeArg(v) : scalarArg(v, p.name);
          if (a instanceof CellError) return a;
          args.push(a);
        }
        args.push({ address: invocationAddress(this, state.formulaAddress), functionName: id, parameterAddresses: [] });
        let result: unknown;
        try {
          result = fn(...args);
        } catch (e) {
          // A thrown CustomFunctions.Error is how a matrix function fails its whole call in Excel.
          if (e instanceof StandInError) result = e;
          else return new CellError(ErrorType.VALUE, `${name} threw: ${e instanceof Error ? e.message : String(e)}`);
        }
        return shapeResult(book, key, state.formulaAddress, result);
      });
    };
    proto[sizeMethod] = function (this: FunctionPlugin, ast: Ast, state: { formulaAddress: SimpleCellAddress }) {
      const book = bookOf(graphOf(this));
      const key = callKey(name, ast, state.formulaAddress);
      const s = book.returned.get(key) ?? { w: 1, h: 1 };
      book.reserved.set(key, s);
      return new ArraySize(s.w, s.h);
    };
    registered.add(name);
  });

  (DtcPlugin as unknown as { implementedFunctions: unknown }).implementedFunctions = implemented;
  HyperFormula.registerFunctionPlugin(DtcPlugin as never, { enGB: translations, enUS: translations });
  return [...registered];
}

function invocationAddress(plugin: FunctionPlugin, a: SimpleCellAddress): string {
  let sheet = "Sheet1";
  try {
    sheet = graphOf(plugin).sheetMapping.getSheetNameOrThrowError(a.sheet);
  } catch {
    /* keep the default */
  }
  let col = "";
  for (let n = a.col + 1; n > 0; n = Math.floor((n - 1) / 26)) col = String.fromCharCode(65 + ((n - 1) % 26)) + col;
  return `${sheet}!${col}${a.row + 1}`;
}

/**
 * The engine value of a result: a scalar, or a spilled matrix cut to the size reserved for this
 * call (the cell is marked for re-entry when the sizes differ).
 */
function shapeResult(book: SizeBook, key: string, address: SimpleCellAddress, result: unknown): Out | SimpleRangeValue {
  if (!Array.isArray(result)) {
    record(book, key, address, { w: 1, h: 1 });
    return fromResult(result);
  }
  const rows = result.filter(Array.isArray) as unknown[][];
  const h = rows.length;
  const w = Math.max(0, ...rows.map((r) => r.length));
  if (h === 0 || w === 0) {
    record(book, key, address, { w: 1, h: 1 });
    return new CellError(ErrorType.VALUE, "empty result");
  }
  const full = rows.map((r) => Array.from({ length: w }, (_, c) => fromResult(r[c])));
  record(book, key, address, { w, h });
  const reserved = book.reserved.get(key);
  if (!reserved) return SimpleRangeValue.onlyValues(full as never);
  if (reserved.w === 1 && reserved.h === 1) return full[0][0];
  const cut = full.slice(0, reserved.h).map((r) => r.slice(0, reserved.w));
  return SimpleRangeValue.onlyValues(cut as never);
}

function record(book: SizeBook, key: string, address: SimpleCellAddress, size: Size): void {
  book.returned.set(key, size);
  const r = book.reserved.get(key);
  if (r && (r.w !== size.w || r.h !== size.h)) book.dirty.set(cellKey(address), { ...address });
}

// ---------------------------------------------------------------------------------------------
// The engine

/** A HyperFormula instance whose spills of DTC results settle after every change. */
export class Engine {
  readonly hf: HyperFormula;
  private readonly book: SizeBook;
  private readonly spilled = new Map<string, SimpleCellAddress>();

  constructor(sheets: Record<string, RawCellContent[][]> = { Sheet1: [] }) {
    this.hf = HyperFormula.buildFromSheets(sheets, HF_CONFIG, BOOLEAN_NAMES);
    this.book = bookOf(this.hf.dependencyGraph);
    this.settle();
  }

  /** Run changes (in one batch), then settle the spills. */
  apply<T>(change: () => T): T {
    let out!: T;
    this.track(
      this.hf.batch(() => {
        out = change();
      }),
    );
    this.settle();
    return out;
  }

  /** Remember which formulas show #SPILL! (HyperFormula does not retry them when the way clears). */
  private track(changes: ExportedChange[]): void {
    for (const c of changes) {
      if (!(c instanceof ExportedCellChange)) continue;
      const k = cellKey(c.address);
      if (c.newValue instanceof DetailedCellError && c.newValue.type === ErrorType.SPILL) this.spilled.set(k, c.address);
      else this.spilled.delete(k);
    }
  }

  /** Set one cell's content (a value, `=formula`, or null to clear). */
  setCell(address: SimpleCellAddress, content: RawCellContent): void {
    this.book.forgetCell(address);
    this.hf.setCellContents(address, [[content]]);
  }

  /** Set a rectangle of contents with its top-left at `address`. */
  setCells(address: SimpleCellAddress, contents: RawCellContent[][]): void {
    contents.forEach((row, r) => row.forEach((_, c) => this.book.forgetCell({ sheet: address.sheet, row: address.row + r, col: address.col + c })));
    this.hf.setCellContents(address, contents);
  }

  /** Re-enter formulas whose reserved spill size is wrong, until none is (a few rounds at most). */
  settle(): void {
    // Formulas that could not spill get another chance: what was in their way may be gone (Excel
    // re-spills then; HyperFormula alone would keep #SPILL!).
    if (this.spilled.size > 0) {
      const cells = [...this.spilled.entries()];
      this.track(
        this.hf.batch(() => {
          for (const [k, a] of cells) {
            const formula = this.hf.getCellFormula(a);
            if (formula === undefined) this.spilled.delete(k);
            else this.hf.setCellContents(a, [[formula]]);
          }
        }),
      );
    }
    const retried = new Set<string>();
    for (let round = 0; round < 8; round++) {
      // A #SPILL! may mean the reservation is larger than the result now needs: retry it once.
      for (const [key, size] of this.book.returned) {
        const cell = key.slice(0, key.indexOf("|"));
        if (retried.has(cell) || (size.w === 1 && size.h === 1)) continue;
        const address = parseCellKey(cell);
        const v = this.hf.getCellValue(address);
        if (v instanceof DetailedCellError && v.type === ErrorType.SPILL) {
          retried.add(cell);
          this.book.returned.delete(key);
          this.book.dirty.set(cell, address);
        }
      }
      if (this.book.dirty.size === 0) return;
      const cells = [...this.book.dirty.values()];
      this.book.dirty.clear();
      this.track(
        this.hf.batch(() => {
          for (const a of cells) {
            const formula = this.hf.getCellFormula(a);
            if (formula !== undefined) this.hf.setCellContents(a, [[formula]]);
          }
        }),
      );
    }
  }

  value(address: SimpleCellAddress): CellValue {
    return this.hf.getCellValue(address);
  }

  /**
   * The contents to save for a sheet: formulas and typed values only. A cell a formula spills
   * into is saved blank (HyperFormula's own serialization gives its value, which would come back
   * as a plain value in the formula's way: `#SPILL!` beside numbers that never recalculate).
   */
  serializedSheet(sheet: number): RawCellContent[][] {
    const cells = this.hf.getSheetSerialized(sheet);
    return cells.map((row, r) =>
      row.map((content, c) => {
        if (content === null || content === undefined) return null;
        const a = { sheet, row: r, col: c };
        return this.hf.isCellPartOfArray(a) && !this.hf.doesCellHaveFormula(a) ? null : content;
      }),
    );
  }

  /**
   * Clear the plain values that block a formula's spill range, for books saved before
   * {@link serializedSheet} (they hold every spilled value as a plain value, so each spilling
   * formula loads as `#SPILL!`). A value is cleared when it lies in the range a `#SPILL!`
   * formula would fill; formulas are never touched. Returns the number of cells cleared.
   */
  clearStaleSpills(): number {
    let cleared = 0;
    for (let round = 0; round < 8; round++) {
      const stale: SimpleCellAddress[] = [];
      const blocked: [SimpleCellAddress, string][] = [];
      for (const name of this.hf.getSheetNames()) {
        const sheet = this.hf.getSheetId(name)!;
        this.hf.getSheetFormulas(sheet).forEach((row, r) =>
          row.forEach((formula, c) => {
            if (formula === undefined) return;
            const anchor = { sheet, row: r, col: c };
            const v = this.hf.getCellValue(anchor);
            if (!(v instanceof DetailedCellError && v.type === ErrorType.SPILL)) return;
            const size = this.wantedSize(formula, sheet);
            const before = stale.length;
            for (let dr = 0; dr < size.h; dr++) {
              for (let dc = 0; dc < size.w; dc++) {
                const a = { sheet, row: r + dr, col: c + dc };
                if ((dr === 0 && dc === 0) || this.hf.doesCellHaveFormula(a) || this.hf.isCellPartOfArray(a)) continue;
                if (this.hf.isCellEmpty(a)) continue;
                stale.push(a);
              }
            }
            if (stale.length > before) blocked.push([anchor, formula]);
          }),
        );
      }
      if (stale.length === 0) break;
      cleared += stale.length;
      // The formulas are entered again: HyperFormula alone keeps #SPILL! once the way is clear.
      this.apply(() => {
        for (const a of stale) this.setCell(a, null);
        for (const [a, formula] of blocked) this.setCell(a, formula);
      });
    }
    return cleared;
  }

  /** The size a formula's result has now (computed aside, without touching the sheet). */
  private wantedSize(formula: string, sheet: number): Size {
    // The DTC plugin records sizes per call; a computation aside must leave them as they were.
    const kept = [new Map(this.book.reserved), new Map(this.book.returned), new Map(this.book.dirty)] as const;
    let out: Size = { w: 1, h: 1 };
    try {
      const v = this.hf.calculateFormula(formula, sheet);
      if (Array.isArray(v)) out = { h: v.length, w: Math.max(1, ...v.map((row) => row.length)) };
    } catch {
      /* not computable aside: nothing to clear */
    }
    const maps = [this.book.reserved, this.book.returned, this.book.dirty] as Map<string, unknown>[];
    maps.forEach((m, i) => {
      m.clear();
      for (const [k, x] of kept[i]) m.set(k, x);
    });
    return out;
  }
}

function parseCellKey(cell: string): SimpleCellAddress {
  const [sheet, rest] = cell.split("!");
  const [row, col] = rest.split(",");
  return { sheet: Number(sheet), row: Number(row), col: Number(col) };
}
