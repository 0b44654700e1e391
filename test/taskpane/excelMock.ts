/**
 * A small Excel object model on top of `office-addin-mock`, enough for the Excel adapter:
 * worksheets, tables, ranges (formulas, number formats, styles, conditional formats, data
 * validation), charts,
 * the selection, custom XML parts and settings.
 *
 * Objects are `OfficeMockObject`s, so a property that was not loaded and synced reads as the
 * mock's error string ("Error, property was not loaded"): tests assert on values, and reading
 * before `context.sync()` shows up as a wrong value. Writes apply at once (the mock has no
 * queue); `context.sync()` is counted and can be made to fail at a given call.
 *
 * Bytes per sync: every value the adapter queues (addresses, formulas, number formats, values,
 * XML, setting values, sheet names) and every value a sync brings back (loaded values, XML,
 * names) is counted as its JSON in UTF-8 bytes, and `state.syncBytes` holds the total of each
 * sync. Excel on the web refuses a request or response over 5 MB; the adapter keeps each sync
 * under 4 MB.
 */
import "./manifestShim";
import { Buffer } from "node:buffer";
import { OfficeMockObject } from "office-addin-mock";
import { parseRange, rangeA1 } from "../../taskpane/workbook/a1";
import type { ExcelEnv } from "../../taskpane/workbook/excel";

/** A recorded conditional format. */
export interface MockCf {
  type: string;
  cellValue: { format: { fill: { color?: string }; font: { color?: string } }; rule?: unknown };
  stopIfTrue?: boolean;
  priority?: number;
}

/** A recorded range: what the adapter wrote to it. */
export interface MockRange {
  address: string;
  formulas?: unknown[][];
  numberFormat?: string[][];
  format: {
    font: { bold?: boolean; italic?: boolean; size?: number; color?: string };
    fill: { color?: string };
    columnWidth?: number;
  };
  /** What the adapter set on `range.dataValidation` (rule, errorAlert, ignoreBlanks). */
  dataValidation: { rule?: unknown; errorAlert?: unknown; ignoreBlanks?: boolean };
}

export interface MockChart {
  type: string;
  source: string;
  seriesBy: string;
  title: { text?: string };
  legend: { position?: string };
  axes: { valueAxis: { numberFormat?: string } };
  position?: [string, string | undefined];
}

export interface MockTable {
  name: string;
  sheet: string;
  range: string;
  hasHeaders: boolean;
  style?: string;
}

export interface MockSheet {
  name: string;
  existing: boolean;
  deleted: boolean;
  activated: boolean;
  ranges: Map<string, MockRange>;
  charts: MockChart[];
}

export interface MockPart {
  id: string;
  xml: string;
  namespace: string;
  deleted: boolean;
}

export interface MockOptions {
  sheets?: string[];
  tables?: { name: string; sheet: string }[];
  /** ExcelApi versions the host reports as unsupported. */
  missing?: string[];
  /** Throw from the n-th `context.sync()` (1-based) of the next run. */
  failSync?: number;
  /** Error code of the simulated failure (default none), e.g. `ResponsePayloadSizeLimitExceeded`. */
  failCode?: string;
  /**
   * The selected range (`values` from its top-left cell). `rowCount`/`columnCount` default to the
   * size of `values` (give them for a whole column: `A:C` is 1,048,576 rows). `used` is what the
   * selection's intersection with the sheet's used range gives (default: the selection itself).
   */
  selection?: MockSelection;
  parts?: { namespace: string; xml: string }[];
  settings?: Record<string, unknown>;
}

export interface MockSelection {
  address: string;
  values: unknown[][];
  rowCount?: number;
  columnCount?: number;
  used?: MockSelection;
}

export interface MockState {
  /** `context.sync()` calls, all runs together. */
  syncs: number;
  /** Bytes of each sync, all runs together, in order (see the file comment). */
  syncBytes: number[];
  /** Value reads of the selection: the address of each range whose values were loaded. */
  valueReads: string[];
  /** Syncs per `Excel.run`, in order. */
  runs: number[];
  sheets: MockSheet[];
  tables: MockTable[];
  parts: MockPart[];
  settings: Map<string, unknown>;
  /** Arguments of every `load` call on a collection, e.g. `worksheets:items/name`. */
  loads: string[];
  failSync?: number;
}

/** Build the mock host. */
export function excelMock(opts: MockOptions = {}): { env: ExcelEnv; state: MockState } {
  const state: MockState = {
    syncs: 0,
    syncBytes: [],
    valueReads: [],
    runs: [],
    sheets: (opts.sheets ?? ["Sheet1"]).map((name) => newSheetState(name, true)),
    tables: (opts.tables ?? []).map((t) => ({ ...t, range: "A1:B2", hasHeaders: true })),
    parts: (opts.parts ?? []).map((p, i) => ({ id: `{part-${i}}`, ...p, deleted: false })),
    settings: new Map(Object.entries(opts.settings ?? {})),
    loads: [],
    failSync: opts.failSync,
  };
  const missing = new Set(opts.missing ?? []);
  let nextPart = state.parts.length;

  /** Bytes queued or brought back since the last sync. */
  let queued = 0;
  const count = (v: unknown): void => {
    const s = JSON.stringify(v);
    if (s !== undefined) queued += Buffer.byteLength(s, "utf8");
  };

  /** Loads that become visible at the next sync. */
  let pending: (() => void)[] = [];
  let runSyncs = 0;

  const recorded = new WeakMap<object, RangeRecord>();
  const addressOf = (r: object): string => recorded.get(r)?.address ?? "?";
  records = recorded;
  const live = () => state.sheets.filter((s) => !s.deleted);
  const find = (name: string) => live().find((s) => s.name.toLowerCase() === name.toLowerCase());

  function rangeMock(sheet: MockSheet, address: string): MockRange {
    // The same address gives the same range (what was written to it stays visible).
    const known = sheet.ranges.get(address);
    if (known) return known;
    const cfs: MockCf[] = [];
    const borders: Record<string, { style?: string }> = {};
    const m = new OfficeMockObject({
      address,
      format: {
        font: {},
        fill: {},
        borders: {
          getItem(edge: string) {
            borders[edge] ??= {};
            return borders[edge];
          },
        },
      },
      dataValidation: {},
      conditionalFormats: {
        add(type: string) {
          const cf: MockCf = { type, cellValue: { format: { fill: {}, font: {} } } };
          cfs.push(cf);
          return cf;
        },
      },
    }) as unknown as MockRange;
    recorded.set(m, { address, borders, cfs });
    // Values written to a range are counted as they are queued.
    for (const key of ["formulas", "numberFormat", "values"] as const) {
      let stored: unknown;
      Object.defineProperty(m, key, {
        configurable: true,
        enumerable: true,
        get: () => stored,
        set: (v: unknown) => {
          count(v);
          stored = v;
        },
      });
    }
    sheet.ranges.set(address, m);
    return m;
  }

  function sheetProxy(sheet: MockSheet) {
    return new OfficeMockObject({
      name: sheet.name,
      getRange(address: string) {
        if (sheet.deleted) throw new Error("InvalidObjectPath");
        count(address);
        return rangeMock(sheet, address);
      },
      tables: {
        add(range: MockRange, hasHeaders: boolean) {
          const t: MockTable = { name: `Table${state.tables.length + 1}`, sheet: sheet.name, range: addressOf(range), hasHeaders };
          state.tables.push(t);
          return t;
        },
      },
      charts: {
        add(type: string, range: MockRange, seriesBy: string) {
          const c: MockChart = {
            type,
            source: addressOf(range),
            seriesBy,
            title: {},
            legend: {},
            axes: { valueAxis: {} },
          };
          (c as unknown as { setPosition: unknown }).setPosition = (from: string, to?: string) => {
            c.position = [from, to];
          };
          sheet.charts.push(c);
          return c;
        },
      },
      activate() {
        sheet.activated = true;
      },
      delete() {
        sheet.deleted = true;
        state.tables = state.tables.filter((t) => t.sheet !== sheet.name);
      },
    });
  }

  function collection(kind: string, items: () => unknown[]) {
    return {
      items: NOT_LOADED as unknown,
      load(this: Record<string, unknown>, p: string) {
        state.loads.push(`${kind}:${p}`);
        pending.push(() => {
          this.items = items();
          count(this.items);
        });
        return this;
      },
    };
  }

  function partProxy(p: MockPart) {
    return {
      id: p.id,
      getXml() {
        const result: { value: unknown } = { value: "Error, context.sync() was not called" };
        pending.push(() => {
          result.value = p.xml;
          count(p.xml);
        });
        return result;
      },
      setXml(xml: string) {
        count(xml);
        p.xml = xml;
      },
      delete() {
        p.deleted = true;
      },
    };
  }

  /**
   * A range of the selection's sheet: `src` holds the values from its top-left cell; `rect` is
   * the part of it this range covers (rows and columns inside `src.values`).
   */
  function selectionRange(src: MockSelection, sub?: { top: number; left: number; rows: number; cols: number }): Record<string, unknown> {
    const [sheetName, a1] = src.address.includes("!") ? src.address.split("!") : ["Sheet1", src.address];
    const rows = sub?.rows ?? src.rowCount ?? src.values.length;
    const cols = sub?.cols ?? src.columnCount ?? src.values[0]?.length ?? 0;
    const top = sub?.top ?? 0;
    const left = sub?.left ?? 0;
    let address = src.address;
    if (sub && /^[A-Z]+\d+(:[A-Z]+\d+)?$/.test(a1)) {
      const r = parseRange(a1);
      address = `${sheetName}!${rangeA1({ top: r.top + top, left: r.left + left, bottom: r.top + top + rows - 1, right: r.left + left + cols - 1 })}`;
    }
    const values = () => src.values.slice(top, top + rows).map((row) => row.slice(left, left + cols));
    const range: Record<string, unknown> = {
      address: NOT_LOADED,
      rowCount: NOT_LOADED,
      columnCount: NOT_LOADED,
      values: NOT_LOADED,
      load(props: string) {
        const want = props.split(",").map((p) => p.trim());
        pending.push(() => {
          const got: Record<string, unknown> = { address, rowCount: rows, columnCount: cols };
          if (want.includes("values")) {
            got.values = values();
            state.valueReads.push(address);
          }
          for (const k of want) {
            range[k] = got[k];
            count(got[k]);
          }
        });
        return range;
      },
      worksheet: {
        getUsedRange() {
          return { used: src.used ?? src };
        },
      },
      getIntersection(other: { used: MockSelection }) {
        return selectionRange(other.used);
      },
    };
    range.getCell = (r: number, c: number) => ({
      from: { top: top + r, left: left + c },
      getBoundingRect(other: { from: { top: number; left: number } }) {
        const t = Math.min(top + r, other.from.top);
        const l = Math.min(left + c, other.from.left);
        return selectionRange(src, {
          top: t,
          left: l,
          rows: Math.max(top + r, other.from.top) - t + 1,
          cols: Math.max(left + c, other.from.left) - l + 1,
        });
      },
    });
    return range;
  }

  const root = new OfficeMockObject({
    context: {
      workbook: {
        worksheets: {
          ...collection("worksheets", () => live().map((s) => ({ name: s.name }))),
          add(name: string) {
            count(name);
            if (find(name)) throw new Error(`ItemAlreadyExists: ${name}`);
            const s = newSheetState(name, false);
            state.sheets.push(s);
            return sheetProxy(s);
          },
        },
        tables: collection("tables", () => state.tables.map((t) => ({ name: t.name }))),
        getSelectedRange() {
          if (!opts.selection) throw new Error("InvalidSelection");
          return selectionRange(opts.selection);
        },
        customXmlParts: {
          add(xml: string) {
            count(xml);
            const ns = /xmlns="([^"]*)"/.exec(xml)?.[1] ?? "";
            const p: MockPart = { id: `{part-${nextPart++}}`, xml, namespace: ns, deleted: false };
            state.parts.push(p);
            return partProxy(p);
          },
          getByNamespace(ns: string) {
            return collection(`customXmlParts(${ns})`, () =>
              state.parts.filter((p) => !p.deleted && p.namespace === ns).map(partProxy),
            );
          },
        },
        settings: {
          ...collection("settings", () => [...state.settings.keys()].map((key) => ({ key }))),
          add(key: string, value: unknown) {
            count([key, value]);
            state.settings.set(key, value);
          },
          getItem(key: string) {
            count(key);
            return {
              delete() {
                state.settings.delete(key);
              },
            };
          },
          getItemOrNullObject(key: string) {
            const item: Record<string, unknown> = {
              isNullObject: "Error, property was not loaded",
              value: "Error, property was not loaded",
              load() {
                pending.push(() => {
                  item.isNullObject = !state.settings.has(key);
                  item.value = state.settings.get(key);
                  count(item.value ?? null);
                });
                return item;
              },
            };
            return item;
          },
        },
      },
      async sync() {
        state.syncs++;
        runSyncs++;
        if (state.failSync !== undefined && runSyncs === state.failSync) {
          state.failSync = undefined;
          pending = [];
          state.syncBytes.push(queued);
          queued = 0;
          const err = new Error(`${opts.failCode ?? "GeneralException"} (simulated)`) as Error & { code?: string };
          if (opts.failCode) err.code = opts.failCode;
          throw err;
        }
        const now = pending;
        pending = [];
        now.forEach((f) => f());
        state.syncBytes.push(queued);
        queued = 0;
        await new Promise((r) => setTimeout(r, 0));
      },
    },
  });

  const env: ExcelEnv = {
    async run(batch) {
      runSyncs = 0;
      try {
        return await batch(root.context as Excel.RequestContext);
      } finally {
        state.runs.push(runSyncs);
      }
    },
    isSetSupported(name, version) {
      return name === "ExcelApi" && !missing.has(version);
    },
  };
  return { env, state };
}

function newSheetState(name: string, existing: boolean): MockSheet {
  return { name, existing, deleted: false, activated: false, ranges: new Map(), charts: [] };
}

interface RangeRecord {
  address: string;
  borders: Record<string, { style?: string }>;
  cfs: MockCf[];
}

const NOT_LOADED = "Error, property was not loaded";
let records = new WeakMap<object, RangeRecord>();

/** The conditional formats recorded on a range. */
export function cfsOf(r: MockRange): MockCf[] {
  return records.get(r)?.cfs ?? [];
}

/** The borders recorded on a range (edge name → style). */
export function bordersOf(r: MockRange): Record<string, { style?: string }> {
  return records.get(r)?.borders ?? {};
}
