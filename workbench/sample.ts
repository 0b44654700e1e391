/**
 * The workbook the workbench opens with on a first visit: a consumer table for FAST.ROWS, the
 * aggregate FAST inputs, a SKU table for SUPER and the crowd table of the GTA worked example
 * (docs/functions.md, DTC.GTA), a benchmark set for DTC.INDEX and DTC.DIAGNOSE, and the three
 * strategy-crowd tools (docs/drafts/strategy.md): order lines for DTC.ASSOC, 120 fine segments for
 * DTC.CLUSTER and 10 touchpoints for DTC.CALIBRATE, each with a live DTC formula beside it, so the
 * page demonstrates itself. Generated data come from a seeded generator: the same every time.
 * Hand-worked results are in docs/workbench.md and test/workbench/.
 */
import type { RawCellContent } from "hyperformula";
import type { CellStyle, NumberFormat } from "../taskpane/workbook/port";
import { NUMBER_FORMATS } from "../taskpane/workbook/port";
import { cellKey, emptyMeta, type SavedBook, type SavedSheet, type SheetMeta } from "./book";
import { colName, parseRange } from "../taskpane/workbook/a1";
import { seeded } from "./seeded";
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


/** Ten Tmall beauty categories of the order lines. */
export const ORDER_CATEGORIES = [
  "cleanser", "toner", "serum", "lotion", "sheet mask", "sunscreen", "lipstick", "foundation", "eye shadow", "makeup remover",
] as const;

/**
 * {@link ORDER_COUNT} orders of a beauty store, one row per order line [order_id, category]: a skincare routine
 * (cleanser, toner, serum, lotion), a make-up order (lipstick, foundation, eye shadow, remover),
 * a summer order (sunscreen with a cleanser or masks) or a single item; now and then two SKUs of
 * one category in the same order (ASSOC counts the category once).
 */
export const ORDER_COUNT = 150;
export const ORDER_LINES: [string, string][] = (() => {
  const rnd = seeded(20241111);
  const missions: { weight: number; items: [string, number][] }[] = [
    { weight: 0.35, items: [["cleanser", 0.6], ["toner", 0.7], ["serum", 0.5], ["lotion", 0.6], ["sheet mask", 0.25]] },
    { weight: 0.25, items: [["lipstick", 0.6], ["foundation", 0.5], ["eye shadow", 0.45], ["makeup remover", 0.5]] },
    { weight: 0.15, items: [["sunscreen", 0.95], ["cleanser", 0.3], ["sheet mask", 0.35], ["makeup remover", 0.2]] },
  ];
  const single = [3, 2, 4, 2, 4, 3, 3, 1, 1, 1]; // weights of ORDER_CATEGORIES for one-item orders
  const singleTotal = single.reduce((x, y) => x + y, 0);
  const lines: [string, string][] = [];
  for (let i = 0; i < ORDER_COUNT; i++) {
    const id = `TM${240001 + i}`;
    let pick = rnd();
    const m = missions.find((x) => (pick -= x.weight) < 0);
    let cats: string[];
    if (m) {
      cats = m.items.filter(([, p]) => rnd() < p).map(([c]) => c);
      if (cats.length === 0) cats = [m.items[0][0]];
    } else {
      let w = rnd() * singleTotal;
      cats = [ORDER_CATEGORIES[single.findIndex((x) => (w -= x) < 0)]];
    }
    if (rnd() < 0.08) cats.push(cats[Math.floor(rnd() * cats.length)]);
    for (const c of cats) lines.push([id, c]);
  }
  return lines;
})();

function ordersSheet(): SavedSheet {
  const rows: RawCellContent[][] = [["order_id", "category"], ...ORDER_LINES.map((l) => [...l])];
  rows[0].push(null, "ASSOC: the 10 category pairs with the highest lift (跨品类关联分析)");
  rows[1].push(null, "=DTC.ASSOC(A:A, B:B, 0.02, 10, TRUE)");
  rows[13].push(null, `${ORDER_LINES.length} order lines of ${ORDER_COUNT} orders. Whole columns with the header row: add lines below and the rules follow.`);
  rows[14].push(null, "min_support 0.02: a pair must be bought together in at least 2% of the orders. Lift above 1: bought together more often than by chance.");
  return sheet("Orders", rows, {
    styles: [
      ["A1:B1", "header"],
      ["D1", "heading"],
      ["D14:D15", "note"],
    ],
    formats: [
      ["F3:G12", "percent"],
      ["I3:I12", "persons"],
    ],
    widths: { A: 80, B: 100, D: 100, E: 100, F: 70, G: 80, H: 90, I: 90 },
  });
}

/** Age band midpoints, city tiers and price bands of the 120 fine segments (5 × 4 × 6). */
const AGE_BANDS: [string, number][] = [["18-24", 21], ["25-29", 27], ["30-34", 32], ["35-39", 37], ["40-49", 45]];

/** The six features of a segment, in the columns of the Segments sheet. */
export const SEGMENT_FEATURES = ["age_mid", "city_tier", "price_band", "skincare_share", "orders_per_year", "tgi"] as const;

/**
 * 120 fine segments (age band × city tier × price band), each
 * [segment, age_mid, city_tier, price_band, skincare_share, orders_per_year, tgi, consumers]:
 * skincare takes more of the spend with age and price, higher price bands and bigger cities buy
 * more often, and the brand (a premium skincare line) over-indexes on tier-1/2 cities, price bands
 * 4–6 and the ages 25–39.
 */
export const SEGMENTS: [string, number, number, number, number, number, number, number][] = (() => {
  const rnd = seeded(618);
  const noise = (size: number): number => (rnd() - 0.5) * 2 * size;
  const round = (x: number, d: number): number => Math.round(x * 10 ** d) / 10 ** d;
  const out: [string, number, number, number, number, number, number, number][] = [];
  for (const [band, age] of AGE_BANDS) {
    for (let tier = 1; tier <= 4; tier++) {
      for (let price = 1; price <= 6; price++) {
        const skincare = Math.min(0.95, Math.max(0.05, 0.3 + 0.012 * (age - 21) + 0.035 * (price - 1) + noise(0.05)));
        const orders = Math.max(1, 2.2 + 0.7 * (price - 1) + 0.5 * (4 - tier) - 0.03 * Math.abs(age - 30) + noise(0.6));
        const tgi = Math.max(20, 100 + 16 * (price - 3.5) - 14 * (tier - 2) - 1.6 * Math.max(0, Math.abs(age - 32) - 5) + noise(10));
        const base = [0.8, 1.3, 1.2, 0.9, 0.7][AGE_BANDS.findIndex((b) => b[1] === age)] * [0.7, 1, 1.2, 1.4][tier - 1] * [1.3, 1.5, 1.2, 0.8, 0.5, 0.25][price - 1];
        const consumers = Math.round((base * 20000 * (0.8 + 0.4 * rnd())) / 100) * 100;
        out.push([`${band} · tier ${tier} · price ${price}`, age, tier, price, round(skincare, 3), round(orders, 1), Math.round(tgi), consumers]);
      }
    }
  }
  return out;
})();

function segmentsSheet(): SavedSheet {
  const rows: RawCellContent[][] = [["segment", ...SEGMENT_FEATURES, "consumers"], ...SEGMENTS.map((s) => [...s])];
  const last = SEGMENTS.length + 1;
  rows[0].push(`=DTC.CLUSTER(B1:G${last}, 6, , H1:H${last}, "labels", TRUE)`, null, "CLUSTER: 6 strategy crowds from 120 segments (定制策略人群), each segment weighing its consumers");
  rows[1].push(null, null, `=DTC.CLUSTER(B1:G${last}, 6, , H1:H${last}, "profile", TRUE)`);
  rows[9].push(null, null, `Column I: the crowd of each segment, =DTC.CLUSTER(B1:G${last}, 6, , H1:H${last}, "labels", TRUE).`);
  rows[10].push(null, null, "Each feature is standardised, then Ward's clustering merges the closest segments; the profile gives each crowd's consumer-weighted means.");
  return sheet("Segments", rows, {
    styles: [
      ["A1:H1", "header"],
      ["K1", "heading"],
      ["K10:K11", "note"],
    ],
    formats: [
      [`E2:E${last}`, "percent"],
      [`H2:H${last}`, "persons"],
      ["M3:M8", "persons"],
      ["N3:P8", "index"],
      ["Q3:Q8", "percent"],
      ["R3:S8", "index"],
    ],
    widths: { A: 150, E: 95, F: 105, I: 60, K: 60, L: 70, M: 80, Q: 95, R: 105 },
  });
}

/** The brand's and the industry's interacting consumers of the period (the CALIBRATE totals). */
export const TOUCHPOINT_TOTALS = { brand: 120_000, industry: 6_000_000 } as const;

/** Ten touchpoints (channels, content, KOL): [name, brand, industry] interacting consumers. */
export const TOUCHPOINTS: [string, number, number][] = [
  ["Search", 88_000, 4_100_000],
  ["Recommendation feed", 36_000, 2_300_000],
  ["Store home page", 47_000, 1_050_000],
  ["Brand live stream", 52_000, 760_000],
  ["KOL live stream", 41_000, 1_350_000],
  ["Short video", 21_000, 1_200_000],
  ["Xiaohongshu notes", 18_000, 420_000],
  ["KOL: skincare expert", 12_500, 300_000],
  ["Membership day", 15_000, 260_000],
  ["Juhuasuan deals", 9_000, 900_000],
];

function touchpointsSheet(): SavedSheet {
  const n = TOUCHPOINTS.length + 1;
  const rows: RawCellContent[][] = [["name", "brand", "industry"], ...TOUCHPOINTS.map((t) => [...t])];
  rows[0].push(null, "brand_total", TOUCHPOINT_TOTALS.brand);
  rows[1].push(null, "industry_total", TOUCHPOINT_TOTALS.industry);
  rows[3].push(null, "CALIBRATE: TGI by touchpoint, highest first (人货场校准器)");
  rows[4].push(null, `=DTC.CALIBRATE(A1:C${n}, F1, F2, , TRUE)`);
  while (rows.length < 17) rows.push([]);
  rows.push([null, null, null, null, "A consumer touches several items, so the totals are given (F1, F2), not the column sums. TGI 100: as common among the brand's consumers as in the industry."]);
  return sheet("Touchpoints", rows, {
    styles: [
      ["A1:C1", "header"],
      ["E1:E2", "header"],
      ["F1:F2", "input"],
      ["E4", "heading"],
      ["E18", "note"],
    ],
    formats: [
      [`B2:C${n}`, "persons"],
      ["F1:F2", "persons"],
      ["F6:G15", "persons"],
      ["H6:I15", "percent"],
      ["J6:J15", "index"],
    ],
    widths: { A: 140, B: 70, C: 80, E: 140, F: 80, G: 80, H: 90, I: 95, J: 60 },
  });
}

/** The sample workbook (a fresh copy each call). */
export function sampleBook(): SavedBook {
  return {
    schema: "dtc-workbench",
    version: 1,
    sheets: [consumersSheet(), fastSheet(), skusSheet(), crowdsSheet(), benchmarksSheet(), ordersSheet(), segmentsSheet(), touchpointsSheet()],
    active: "Consumers",
    plans: null,
  };
}
