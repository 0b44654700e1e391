/**
 * The workbook the workbench opens with on a first visit: a consumer table for FAST.ROWS, the
 * aggregate FAST inputs, a SKU table for SUPER and the crowd table of the GTA worked example
 * (docs/functions.md, DTC.GTA) and a benchmark set for DTC.INDEX and DTC.DIAGNOSE, each with a live DTC
 * formula beside it, so the page demonstrates itself.
 * Hand-worked results are in docs/workbench.md and test/workbench/.
 */
import type { RawCellContent } from "hyperformula";
import type { CellStyle, NumberFormat } from "../taskpane/workbook/port";
import { NUMBER_FORMATS } from "../taskpane/workbook/port";
import { cellKey, emptyMeta, type SavedBook, type SavedSheet, type SheetMeta } from "./book";
import { colName, parseRange } from "../taskpane/workbook/a1";
import { SAMPLE_LAYOUT, sampleBenchmarkCells } from "../taskpane/planners/scorecardSheet";

/** Build a sheet from rows placed at A1, with formats and styles given by A1 ranges. */
function sheet(
  name: string,
  cells: RawCellContent[][],
  opts: {
    formats?: [string, NumberFormat][];
    styles?: [string, CellStyle][];
    tables?: SheetMeta["tables"];
    widths?: Record<string, number>;
  } = {},
): SavedSheet {
  const meta = emptyMeta();
  const each = (a1: string, f: (row: number, col: number) => void): void => {
    const r = parseRange(a1);
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) f(row, col);
  };
  for (const [a1, fmt] of opts.formats ?? []) each(a1, (r, c) => (meta.formats[cellKey(r, c)] = NUMBER_FORMATS[fmt]));
  for (const [a1, st] of opts.styles ?? []) each(a1, (r, c) => (meta.styles[cellKey(r, c)] = st));
  meta.tables = opts.tables ?? [];
  meta.columnWidths = opts.widths ?? {};
  return { name, cells, meta };
}

const Y = "Y";
const N = "N";

/** 20 consumers: stage at the start and end of the period, member and active flags. */
export const CONSUMERS: [string, string, string, string][] = [
  ["A", "I", Y, Y],
  ["A", "A", N, N],
  ["I", "P", Y, Y],
  ["I", "I", N, N],
  ["P", "L", Y, Y],
  ["P", "P", Y, N],
  ["L", "L", Y, Y],
  ["-", "A", N, N],
  ["-", "-", N, N],
  ["A", "P", N, N],
  ["I", "L", Y, N],
  ["P", "P", N, N],
  ["L", "P", Y, N],
  ["A", "-", N, N],
  ["I", "I", Y, Y],
  ["-", "I", N, N],
  ["A", "I", N, N],
  ["P", "L", Y, Y],
  ["L", "L", Y, Y],
  ["I", "P", N, N],
];

function consumersSheet(): SavedSheet {
  const rows: RawCellContent[][] = [["consumer", "stage_start", "stage_end", "is_member", "is_active"]];
  CONSUMERS.forEach((c, i) => rows.push([`C${String(i + 1).padStart(2, "0")}`, ...c]));
  rows[0].push(null, "FAST.ROWS of this table (F, A, S, T):");
  rows[1].push(null, "=DTC.FAST.ROWS(B2:B21, C2:C21, D2:D21, E2:E21, , TRUE)");
  rows[4].push(null, "Change a stage or a flag: the result recalculates.");
  rows[5].push(null, "A native formula next to it: =SUM(G3, I3) adds F and S.");
  rows[6].push(null, "=SUM(G3, I3)");
  return sheet("Consumers", rows, {
    styles: [
      ["A1:E1", "header"],
      ["G1", "heading"],
      ["G5:G6", "note"],
    ],
    formats: [
      ["G3", "persons"],
      ["H3", "percent"],
      ["I3", "persons"],
      ["J3", "percent"],
    ],
    widths: { A: 60, B: 68, C: 68, D: 64, E: 60, G: 80, H: 80, I: 80, J: 80 },
  });
}

function fastSheet(): SavedSheet {
  const rows: RawCellContent[][] = [
    ["A", "I", "P", "L", "advanced", "members", "active_members", null, "Row 2: aipl_start (A–D), advanced, members, active_members."],
    [1000, 500, 200, 100, 180, 400, 100, null, "Row 3: aipl_end (A–D)."],
    [1200, 600, 300, 150],
    [],
    ["'=DTC.FAST(A2:D2, A3:D3, E2, F2, G2, , TRUE)"],
    ["=DTC.FAST(A2:D2, A3:D3, E2, F2, G2, , TRUE)"],
    [],
    [],
    ["Start total, a native formula:"],
    ["=SUM(A2:D2)"],
  ];
  return sheet("FAST", rows, {
    styles: [
      ["A1:G1", "header"],
      ["A2:G3", "input"],
      ["I1:I2", "note"],
      ["A5", "note"],
      ["A9", "note"],
    ],
    formats: [
      ["A2:G3", "persons"],
      ["A7", "persons"],
      ["B7", "percent"],
      ["C7", "persons"],
      ["D7", "percent"],
      ["A10", "persons"],
    ],
    widths: { E: 70, F: 70, G: 95 },
  });
}

/** Eight SKUs: [sku, is_new, gmv, visitors, buyers, units_sold, units_available, orders, orders_on_time]. */
export const SKUS: (string | number)[][] = [
  ["SKU-01", N, 500000, 40000, 2000, 2500, 3000, 2100, 2050],
  ["SKU-02", N, 250000, 30000, 1200, 1300, 2000, 1250, 1200],
  ["SKU-03", Y, 120000, 20000, 600, 700, 1500, 650, 600],
  ["SKU-04", N, 60000, 10000, 300, 320, 800, 310, 300],
  ["SKU-05", Y, 40000, 8000, 200, 210, 600, 205, 190],
  ["SKU-06", N, 20000, 5000, 100, 110, 500, 105, 100],
  ["SKU-07", Y, 6000, 2000, 30, 35, 300, 32, 30],
  ["SKU-08", N, 4000, 1000, 20, 22, 200, 21, 20],
];

function skusSheet(): SavedSheet {
  const rows: RawCellContent[][] = [
    ["sku", "is_new", "gmv", "visitors", "buyers", "units_sold", "units_available", "orders", "orders_on_time"],
    ...SKUS,
  ];
  rows[0].push(null, "SUPER of this table (S, U, P, E, R):");
  rows[1].push(null, "=DTC.SUPER(A1:I9, , , TRUE)");
  rows[4].push(null, "The header row maps the columns by name (English or Chinese).");
  return sheet("SKUs", rows, {
    styles: [
      ["A1:I1", "header"],
      ["K1", "heading"],
      ["K5", "note"],
    ],
    formats: [
      ["C2:C9", "currency"],
      ["D2:I9", "persons"],
      ["K3:O3", "percent"],
    ],
    widths: { A: 60, B: 50, G: 88, I: 88, K: 70 },
  });
}

/** The GTA worked example of docs/functions.md, DTC.GTA: [stage, crowd, count, conversion, aov]. */
export const GTA_TARGET = 100_000_000;
export const CROWDS: (string | number)[][] = [
  ["L", "Loyal", 200000, 0.3, 400],
  ["P", "Buyers", 800000, 0.08, 300],
  ["I", "Interested", 1500000, 0.05, 250],
  ["A", "Aware", 6000000, 0.005, 250],
];

function crowdsSheet(): SavedSheet {
  const rows: RawCellContent[][] = [
    ["target_gmv", GTA_TARGET, null, "The GTA worked example (docs/functions.md, DTC.GTA). Select A3:G7 and press “Use selection” in the GTA planner."],
    [],
    ["stage", "crowd", "count", "conversion", "aov", "cost", "capacity"],
    ...CROWDS,
    [],
    ["Summary: baseline, old, new, gap, shortfall, planned_gmv, added_cost"],
    ['=DTC.GTA(B1, A3:G7, "summary", TRUE)'],
    [],
    [],
    ["Plan: one row per crowd, then TOTAL"],
    ['=DTC.GTA(B1, A3:G7, "plan", TRUE)'],
  ];
  return sheet("Crowds", rows, {
    styles: [
      ["A1", "heading"],
      ["B1", "input"],
      ["D1", "note"],
      ["A3:G3", "header"],
      ["A9", "note"],
      ["A13", "note"],
    ],
    formats: [
      ["B1", "currency"],
      ["C4:C7", "persons"],
      ["D4:D7", "percent"],
      ["E4:E7", "currency2"],
      ["A11:D11", "currency"],
      ["E11", "currency"],
      ["F11:G11", "currency"],
      ["C15:C19", "persons"],
      ["D15:D19", "percent"],
      ["E15:E19", "currency2"],
      ["F15:F19", "persons"],
      ["G15:G19", "currency"],
      ["H15:I19", "persons"],
      ["J15:K19", "currency"],
    ],
    widths: { A: 80, B: 110, C: 80, D: 80, E: 80, F: 90, G: 110, H: 80, I: 80, J: 100, K: 90 },
  });
}

/**
 * A brand and 8 benchmark brands with a value for every indicator code (the pane's sample set,
 * `SAMPLE_BENCHMARK` of taskpane/planners/scorecardSheet.ts, in the same cells as the sheet the
 * Diagnose view writes), with DTC.INDEX and DTC.DIAGNOSE live below it. By percentile the brand
 * scores FAST 45.3125, SUPER 45, NEO 54.17, FASTPLUS 40.625, START 42.5, COMPOSITE 45.52; its
 * weakest are SUPER.P (0), START.SEEDING (12.5) and FAST.F (18.75).
 */
function benchmarksSheet(): SavedSheet {
  const c = sampleBenchmarkCells("en");
  const last = colName(c.brand[0].length - 1);
  const brand = SAMPLE_LAYOUT.brand;
  const peers = SAMPLE_LAYOUT.peers;
  const rows: RawCellContent[][] = [
    [`A brand and 8 benchmark brands (对标品牌集). In the Diagnose tab pick ${brand} as the brand and ${peers} as the benchmark brands, then Create scorecard.`],
    [null, ...c.names],
    ...c.brand,
    [],
    ...c.peers,
    [],
    ["DTC.INDEX by percentile: FAST, SUPER, NEO, FASTPLUS, START, COMPOSITE"],
    [`=DTC.INDEX(${brand}, ${peers}, , , TRUE)`],
    [],
    [],
    ["DTC.DIAGNOSE: the 3 weakest indicators and the scenarios that move them"],
    [`=DTC.DIAGNOSE(${brand}, ${peers}, 3, , , TRUE)`],
  ];
  return sheet("Benchmarks", rows, {
    styles: [
      ["A1", "note"],
      [`B2:${last}2`, "note"],
      [`A3:${last}3`, "header"],
      [`A4:${last}4`, "input"],
      [`A6:${last}6`, "header"],
      [`A7:${last}14`, "input"],
      ["A16", "note"],
      ["A20", "note"],
    ],
    formats: [
      [`B4:${last}4`, "number"],
      [`B7:${last}14`, "number"],
      ["A18:F18", "index"],
      ["C22:C24", "index"],
    ],
    widths: { A: 90, B: 80, F: 260 },
  });
}

/** The sample workbook (a fresh copy each call). */
export function sampleBook(): SavedBook {
  return {
    schema: "dtc-workbench",
    version: 1,
    sheets: [consumersSheet(), fastSheet(), skusSheet(), crowdsSheet(), benchmarksSheet()],
    active: "Consumers",
    plans: null,
  };
}
