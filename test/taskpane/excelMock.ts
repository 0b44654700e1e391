/**
 * A small Excel object model on top of `office-addin-mock`, enough for the Excel adapter:
 * worksheets, tables, ranges (formulas, number formats, styles, conditional formats), charts,
 * the selection, custom XML parts and settings.
 *
 * Objects are `OfficeMockObject`s, so a property that was not loaded and synced reads as the
 * mock's error string ("Error, property was not loaded"): tests assert on values, and reading
 * before `context.sync()` shows up as a wrong value. Writes apply at once (the mock has no
 * queue); `context.sync()` is counted and can be made to fail at a given call.
 */
import "./manifestShim";
import { OfficeMockObject } from "office-addin-mock";
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
  selection?: { address: string; values: unknown[][] };
  parts?: { namespace: string; xml: string }[];
  settings?: Record<string, unknown>;
}

export interface MockState {
  /** `context.sync()` calls, all runs together. */
  syncs: number;
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

  /** Loads that become visible at the next sync. */
  let pending: (() => void)[] = [];
  /** Mocks whose loaded properties the next sync must settle. */
  const tracked: OfficeMockObject[] = [];
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
      conditionalFormats: {
        add(type: string) {
          const cf: MockCf = { type, cellValue: { format: { fill: {}, font: {} } } };
          cfs.push(cf);
          return cf;
        },
      },
    }) as unknown as MockRange;
    recorded.set(m, { address, borders, cfs });
    sheet.ranges.set(address, m);
    return m;
  }

  function sheetProxy(sheet: MockSheet) {
    return new OfficeMockObject({
      name: sheet.name,
      getRange(address: string) {
        if (sheet.deleted) throw new Error("InvalidObjectPath");
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
        });
        return result;
      },
      setXml(xml: string) {
        p.xml = xml;
      },
      delete() {
        p.deleted = true;
      },
    };
  }

  const root = new OfficeMockObject({
    context: {
      workbook: {
        worksheets: {
          ...collection("worksheets", () => live().map((s) => ({ name: s.name }))),
          add(name: string) {
            if (find(name)) throw new Error(`ItemAlreadyExists: ${name}`);
            const s = newSheetState(name, false);
            state.sheets.push(s);
            return sheetProxy(s);
          },
        },
        tables: collection("tables", () => state.tables.map((t) => ({ name: t.name }))),
        getSelectedRange() {
          if (!opts.selection) throw new Error("InvalidSelection");
          const sel = opts.selection;
          const r = new OfficeMockObject({
            address: sel.address,
            rowCount: sel.values.length,
            columnCount: sel.values[0]?.length ?? 0,
            values: sel.values,
          });
          tracked.push(r);
          return r;
        },
        customXmlParts: {
          add(xml: string) {
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
          add(key: string, value: unknown) {
            state.settings.set(key, value);
          },
          getItemOrNullObject(key: string) {
            const item: Record<string, unknown> = {
              isNullObject: "Error, property was not loaded",
              value: "Error, property was not loaded",
              load() {
                pending.push(() => {
                  item.isNullObject = !state.settings.has(key);
                  item.value = state.settings.get(key);
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
          throw new Error("GeneralException (simulated)");
        }
        const now = pending;
        pending = [];
        now.forEach((f) => f());
        for (const m of tracked) await OfficeMockObject.prototype.sync.call(m);
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
