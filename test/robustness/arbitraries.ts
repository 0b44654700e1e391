/**
 * Excel-shaped random arguments for the error-contract fuzz (test/robustness/fuzz.test.ts).
 *
 * Two kinds of generators:
 * - *nasty* values: what operators paste into a sheet (numbers at the edges of float64,
 *   booleans, the three blanks, random and error-looking text, percentages, labels, flags,
 *   full-width digits …), as scalars or 2-D ranges of random shape, sometimes under a header
 *   row of known column names and with a long blank tail;
 * - *semi-valid* values per function: arguments that satisfy SPEC's documented shapes and
 *   domains, so the fuzz reaches the formulas and not just the first validation. The fuzz then
 *   perturbs one cell or one argument of them.
 *
 * Generators are keyed by function id; a function without its own generator (one added later)
 * gets a generic semi-valid generator from its metadata (small positive numbers, matrices where
 * the metadata says `dimensionality: "matrix"`).
 */
import fc from "fast-check";
import type { FunctionMeta } from "../harness/bundle";

export type Grid = unknown[][];
export type Args = Record<string, unknown>;

// --- nasty scalars ------------------------------------------------------------------------------

export const EDGE_NUMBERS = [
  0, -0, 1, -1, 2, 0.5, 1.5, -0.5, 3, 4, 9, 10, 100, 1e6, 2 ** 31, 2 ** 53, 2 ** 53 + 2,
  5e-324, -5e-324, Number.MIN_VALUE, 2.2250738585072014e-308, 1e-300, 1e-12, 0.1 + 0.2,
  1e308, -1e308, Number.MAX_VALUE, -Number.MAX_VALUE, 1e300, 1e154, 1e16, 1.7976931348623158e307,
];

export const BLANKS: unknown[] = ["", null, undefined, " ", "\t", "   "];

/** Text an export may hold where a number, a stage, a flag or a name is expected. */
export const NASTY_TEXT = [
  // numeric text, percentages, spaces, thousands separators, overflowing exponents
  "0", "1", "-1", "2", "1200", " 1200 ", " 1 200 ", "1,200", "1.", ".5", "+3", "1e3", "1E-3", "1e309", "-1e309",
  "5%", "-3%", "1e3%", "100%", "0%", " 7 % ", "%", "5%%", "0x10", "1_000", "Infinity", "-Infinity", "NaN",
  // error-looking text and placeholders
  "#N/A", "#VALUE!", "#DIV/0!", "#NUM!", "#REF!", "—", "–", "-", "--", "n/a", "N/A", "null", "NULL",
  // Chinese full-width digits and punctuation
  "１２３", "１２３%", "１．５", "－１", "，", "。",
  // stage labels, valid and not
  "A", "I", "P", "L", "a", "l", " P ", "Awareness", "interest", "PURCHASE", "Loyalty", "认知", "兴趣", "购买", "忠诚",
  "none", "无", "AI", "AIPL", "X", "garbage", "A1",
  // flags
  "Y", "N", "y", "yes", "NO", "是", "否", "TRUE", "false", "True",
  // option words of the functions
  "plan", "summary", "计划", "汇总", "index", "percentile", "INDEX", "median",
  // indicator letters and names (several functions)
  "F", "S", "T", "G", "R", "O", "W", "E", "U", "V", "C", "CAPITAL", "CONVERSION", "CONNECTION", "CLV",
  "SEEDING", "TRANSACTION", "TRAFFIC", "REACH", "INTERACTION", "VOLUME", "PRECISION", "COST", "Fertility",
  "Advancing", "Superiority", "Thriving", "Gain", "Retain", "bOost", "Widen", "Novelty", "Engagement",
  "sOlidity", "人群总量", "加深率",
  // header names
  "stage", "阶段", "gmv", "GMV", "name", "weight", "share",
  // odd characters
  "\n", "a\nb", "😀", "\u0000", "'", '"', "{value}", "x".repeat(300),
];

export const nastyNumber: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...EDGE_NUMBERS) },
  { weight: 2, arbitrary: fc.integer({ min: -1000, max: 1_000_000 }) },
  { weight: 2, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.double({ min: -1, max: 2, noNaN: true }) },
);

export const nastyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_TEXT) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 8 }) },
  { weight: 1, arbitrary: nastyNumber.map((x) => ` ${x} `) },
  { weight: 1, arbitrary: nastyNumber.map((x) => `${x}%`) },
);

/** Any value a cell or a scalar argument may hold. */
export const nastyScalar: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyNumber },
  { weight: 4, arbitrary: nastyText },
  { weight: 2, arbitrary: fc.constantFrom(...BLANKS) },
  { weight: 1, arbitrary: fc.boolean() },
  // Data-type cells (read as their basicValue) and other objects (#VALUE!), as Excel sends them.
  { weight: 1, arbitrary: nastyNumber.map((x) => ({ type: "Double", basicValue: x, numberFormat: "#,##0" })) },
  { weight: 1, arbitrary: nastyText.map((x) => ({ type: "String", basicValue: x })) },
  { weight: 1, arbitrary: fc.constantFrom({}, { type: "Entity", text: "x", properties: {} }, { basicValue: { nested: 1 } }) },
);

// --- shapes ----------------------------------------------------------------------------------------

/** Known column names of the table parameters (SPEC, English and Chinese aliases). */
export const HEADER_NAMES = [
  "sku", "SKU", "货品", "商品", "is_new", "new", "新品", "gmv", "GMV", "成交额", "visitors", "uv", "访客数",
  "buyers", "买家数", "units_sold", "销量", "units_available", "stock", "可售库存", "orders", "订单数",
  "orders_on_time", "及时履约订单数", "stage", "阶段", "crowd", "人群", "count", "人数", "conversion", "转化率",
  "aov", "客单价", "cost", "单人成本", "capacity", "可增量", "name", "名称", "phase", "weight", "权重", "share",
  "占比", "i_to_p", "a_to_i", " Stage ", "GMV ", "unknown column",
];

/** `rows` rows of `cols` blank cells (the tail of a whole-column reference). */
export function blankRows(rows: number, cols: number, blank: unknown = ""): Grid {
  const out: Grid = new Array(rows);
  for (let i = 0; i < rows; i++) out[i] = new Array(cols).fill(blank);
  return out;
}

/** A blank tail to append under a range: usually none, sometimes long. */
export const tailLength: fc.Arbitrary<number> = fc.oneof(
  { weight: 24, arbitrary: fc.constant(0) },
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 5 }) },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 2000 }) },
);

/** Append a blank tail (one blank kind for the whole tail). */
export function withTail(g: Grid, tail: number, blank: unknown): Grid {
  if (tail === 0 || g.length === 0) return g;
  return g.concat(blankRows(tail, g[0].length, blank));
}

const shape: fc.Arbitrary<[number, number]> = fc.oneof(
  fc.constant<[number, number]>([1, 1]),
  fc.tuple(fc.constant(1), fc.integer({ min: 2, max: 12 })),
  fc.tuple(fc.integer({ min: 2, max: 12 }), fc.constant(1)),
  fc.tuple(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 12 })),
);

/** A rectangular range of `rows × cols` cells drawn from `cell`. */
export function gridOf(cell: fc.Arbitrary<unknown>, rows: number, cols: number): fc.Arbitrary<Grid> {
  return fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });
}

/** A random range: random shape, nasty cells, sometimes a header row, sometimes a blank tail. */
export const nastyGrid: fc.Arbitrary<Grid> = shape
  .chain(([r, c]) =>
    fc.tuple(
      gridOf(nastyScalar, r, c),
      fc.option(fc.array(fc.constantFrom(...HEADER_NAMES, ""), { minLength: c, maxLength: c }), { freq: 4 }),
      tailLength,
      // 0: the empty cells of older Excel desktop builds.
      fc.constantFrom(...BLANKS, 0),
    ),
  )
  .map(([g, header, tail, blank]) => withTail(header ? [header, ...g] : g, tail, blank));

/** A random value for one parameter, by its metadata. */
export function nastyFor(p: FunctionMeta["parameters"][number]): fc.Arbitrary<unknown> {
  const base = p.dimensionality === "matrix" ? nastyGrid : nastyScalar;
  return p.optional ? fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 2, arbitrary: base }) : base;
}

// --- semi-valid values -----------------------------------------------------------------------------

const asText = <T>(a: fc.Arbitrary<T>, p = 8): fc.Arbitrary<unknown> =>
  fc.tuple(a, fc.integer({ min: 0, max: p - 1 }), fc.constantFrom("plain", "spaced")).map(([x, k, how]) =>
    k === 0 && typeof x === "number" ? (how === "plain" ? String(x) : ` ${x} `) : x,
  );

/** A count (≥ 0), mostly small numbers, sometimes as text. */
export const count: fc.Arbitrary<unknown> = asText(
  fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: 0, max: 5000 }) },
    { weight: 2, arbitrary: fc.double({ min: 0, max: 1e9, noNaN: true }) },
    { weight: 1, arbitrary: fc.constantFrom(0, 1, 1e15, 5e-324, 1e300) },
  ),
);
/** A positive number, mostly ordinary, sometimes tiny or huge. */
export const positive: fc.Arbitrary<unknown> = asText(
  fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: 1, max: 5000 }) },
    { weight: 2, arbitrary: fc.double({ min: 1e-6, max: 1e9, noNaN: true }) },
    { weight: 1, arbitrary: fc.constantFrom(5e-324, 1e-300, 1e300, 1e308, 0.001) },
  ),
);
/** A rate in [0, 1], sometimes as percentage text. */
export const rate: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 1, 0.5, "5%", "100%", "0.3", " 0.25 ", 5e-324) },
);
/** A rate in (0, 1]. */
export const openRate: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.double({ min: 1e-6, max: 1, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(1, 0.5, "5%", "100%", 5e-324) },
);
export const stageLabel: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("A", "I", "P", "L") },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "a", " i ", "p", "Awareness", "interest", "Purchase", "LOYALTY", "认知", "兴趣", "购买", "忠诚", "-", "none", "无",
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom<unknown>("", null, undefined) },
);
/** A stage inside AIPL (GTA's crowd rows need one). */
export const aiplStage: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("A", "I", "P", "L") },
  { weight: 2, arbitrary: fc.constantFrom("a", " i ", "p", "Awareness", "interest", "Purchase", "LOYALTY", "认知", "兴趣", "购买", "忠诚") },
);
export const flag: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(
  true, false, true, false, "Y", "N", "是", "否", "TRUE", "false", "yes", "NO", 1, 0, 2, "1", "", null,
);
/** Indicator letters and names of the model functions (SPEC), for picking a valid one. */
export const INDICATORS: Record<string, string[]> = {
  FAST: ["F", "A", "S", "T", "Fertility", "advancing", "SUPERIORITY", "Thriving", "人群总量", "加深率"],
  "FAST.ROWS": ["F", "A", "S", "T", "Fertility", "advancing", "SUPERIORITY", "Thriving", "超级用户数"],
  GROW: ["G", "R", "O", "W", "Gain", "retain", "BOOST", "Widen", "渗透力"],
  "GROW.ROWS": ["G", "R", "O", "W", "Gain", "retain", "BOOST", "Widen", "延展力"],
  NEO: ["N", "E", "O", "Novelty", "engagement", "SOLIDITY", "创新力"],
  SUPER: ["S", "U", "P", "E", "R", "Star", "utmost", "价格"],
  FASTPLUS: ["CAPITAL", "conversion", "Connection", "CLV", "C"],
  START: ["SEEDING", "transaction", "Traffic", "REACH", "interaction", "S", "T"],
  HOTHEALTH: ["VOLUME", "precision", "Cost", "CONVERSION", "V", "P", "C"],
};
const ALL_INDICATORS = [...new Set(Object.values(INDICATORS).flat())];

/** The optional `indicator` of function `id`: mostly omitted or valid, sometimes not. */
export function indicatorFor(id: string): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.constant(null) },
    { weight: 4, arbitrary: fc.constantFrom(...(INDICATORS[id] ?? ALL_INDICATORS)) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>("", "x", 1, true, "Z", ...ALL_INDICATORS) },
  );
}
export const withHeaders: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: flag },
);
const label: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom("new", "old", "老客", "新客", "会员", "", "A", "x"),
  fc.string({ maxLength: 6 }),
  fc.integer({ min: 0, max: 99 }),
);

/** A vector of `n` cells, as a column (n×1) or a row (1×n), with an optional blank tail for columns. */
export function vector(cells: unknown[], asRow: boolean, tail = 0, blank: unknown = ""): Grid {
  if (asRow) return [cells.concat(new Array(tail).fill(blank))];
  return withTail(
    cells.map((c) => [c]),
    tail,
    blank,
  );
}

/** `n` numbers from `cell` as a 1×n or n×1 vector. */
function vecArb(cell: fc.Arbitrary<unknown>, n: number): fc.Arbitrary<Grid> {
  return fc.tuple(fc.array(cell, { minLength: n, maxLength: n }), fc.boolean()).map(([c, row]) => vector(c, row));
}

const frac = fc.double({ min: 0, max: 1, noNaN: true });
const num = (v: unknown): number => (typeof v === "number" ? v : Number(String(v).replace("%", "")) || 0);

/**
 * Row-level columns: the same number of cells in each; mostly all columns (n×1, with the same
 * blank tail), sometimes rows (1×n) or a mix of both orientations.
 */
function columns(
  cells: Record<string, fc.Arbitrary<unknown>>,
  maxRows = 40,
): fc.Arbitrary<Record<string, Grid>> {
  const names = Object.keys(cells);
  return fc
    .tuple(
      fc.integer({ min: 1, max: maxRows }),
      tailLength,
      fc.constantFrom<unknown>("", null, undefined),
      fc.constantFrom("columns", "columns", "columns", "rows", "mixed"),
      fc.array(fc.boolean(), { minLength: names.length, maxLength: names.length }),
    )
    .chain(([n, tail, blank, how, flips]) =>
      fc.tuple(...names.map((k) => fc.array(cells[k], { minLength: n, maxLength: n }))).map((cols) =>
        Object.fromEntries(
          names.map((k, j) => {
            const asRow = how === "rows" || (how === "mixed" && flips[j]);
            return [k, vector(cols[j], asRow, asRow ? 0 : tail, blank)];
          }),
        ),
      ),
    );
}

/**
 * A table under an optional header row: `specs` are [header, cell arbitrary] in the documented
 * positional order. In header mode the columns may be shuffled, dropped (optional ones) or
 * joined by an unknown column; without a header, optional trailing columns may be left off.
 */
function table(
  specs: [string[], fc.Arbitrary<unknown>, boolean][],
  maxRows = 12,
): fc.Arbitrary<Grid> {
  return fc
    .tuple(
      fc.integer({ min: 1, max: maxRows }),
      fc.boolean(),
      fc.integer({ min: 0, max: specs.length }),
      tailLength,
      fc.constantFrom<unknown>("", null),
      fc.array(fc.nat(), { minLength: specs.length + 1, maxLength: specs.length + 1 }),
    )
    .chain(([n, header, keepOptional, tail, blank, order]) => {
      const lastRequired = specs.reduce((k, s, j) => (s[2] ? j : k), 0);
      let cols = specs.map((s, j) => ({ s, j })).filter(({ s, j }) => s[2] || j <= Math.max(lastRequired, keepOptional - 1));
      if (header) {
        // shuffle and maybe add an unknown column
        cols = cols.map((c, k) => ({ c, key: order[k] })).sort((x, y) => x.key - y.key).map((x) => x.c);
      }
      const extra = header && order[specs.length] % 3 === 0;
      return fc
        .tuple(
          fc.array(fc.tuple(...cols.map(({ s }) => s[1]), label), { minLength: n, maxLength: n }),
          fc.tuple(...cols.map(({ s }) => fc.constantFrom(...s[0]))),
        )
        .map(([rows, names]) => {
          const body = rows.map((r) => (extra ? r : r.slice(0, cols.length)) as unknown[]);
          const head = extra ? [...(names as unknown[]), "备注"] : (names as unknown[]);
          return withTail(header ? [head, ...body] : body, tail, blank);
        });
    });
}

/** Indicator codes in several spellings, for INDEX and DIAGNOSE. */
const CODES = ["FAST.F", "fast-a", "FAST S", "FAST_T", "SUPER.S", "super.u", "SUPER.P", "SUPER.E", "SUPER.R", "NEO.N",
  "NEO.E", "NEO.O", "FASTPLUS.CLV", "FASTPLUS.CAPITAL", "START.SEEDING", "START.REACH", "GROW.R", "加深率", "种草"];

/** A brand block (codes over values), peers with or without the header, optional weights. */
function diagnoseArgs(): fc.Arbitrary<{ brand: Grid; peers: Grid; method: unknown; weights: unknown; h: unknown }> {
  return fc
    .tuple(fc.shuffledSubarray(CODES, { minLength: 1, maxLength: 10 }), fc.integer({ min: 1, max: 12 }), fc.boolean())
    .chain(([codes, m, head]) => {
      const cell = fc.oneof({ weight: 6, arbitrary: count }, { weight: 1, arbitrary: fc.constantFrom<unknown>("", null) });
      return fc.tuple(
        fc.array(cell, { minLength: codes.length, maxLength: codes.length }),
        gridOf(cell, m, codes.length),
        fc.constantFrom<unknown>(null, "percentile", "index", "INDEX"),
        fc.oneof(fc.constant(null), fc.array(count, { minLength: codes.length, maxLength: codes.length }).map((w) => [codes, w])),
        withHeaders,
        fc.constant(codes),
        fc.constant(head),
      );
    })
    .map(([values, peerRows, method, weights, h, codes, head]) => ({
      brand: [codes, values],
      peers: head ? [codes, ...peerRows] : peerRows,
      method,
      weights,
      h,
    }));
}

/** Semi-valid argument generators by function id (parameter name → value). */
export const SEMI_VALID: Record<string, fc.Arbitrary<Args>> = {
  AIPL: fc.tuple(columns({ stages: stageLabel }), withHeaders).map(([c, h]) => ({ ...c, with_headers: h })),
  "AIPL.FLOW": fc
    .tuple(columns({ stage_start: stageLabel, stage_end: stageLabel }), withHeaders)
    .map(([c, h]) => ({ ...c, with_headers: h })),
  "AIPL.DEEPEN": fc
    .tuple(columns({ stage_start: stageLabel, stage_end: stageLabel }), withHeaders)
    .map(([c, h]) => ({ ...c, with_headers: h })),
  FAST: fc
    .tuple(
      fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 8, maxLength: 8 }),
      frac,
      count,
      frac,
      fc.boolean(),
      fc.boolean(),
      indicatorFor("FAST"),
      withHeaders,
    )
    .map(([c, fa, members, fm, r1, r2, ind, h]) => {
      const start = c.slice(0, 4);
      const aip = start[0] + start[1] + start[2];
      return {
        aipl_start: vector(start, r1),
        aipl_end: vector(c.slice(4), r2),
        advanced: Math.floor(fa * aip),
        members,
        active_members: Math.floor(fm * num(members)),
        indicator: ind,
        with_headers: h,
      };
    }),
  "FAST.ROWS": fc
    .tuple(columns({ stage_start: stageLabel, stage_end: stageLabel, is_member: flag, is_active: flag }), indicatorFor("FAST.ROWS"), withHeaders)
    .map(([c, ind, h]) => ({ ...c, indicator: ind, with_headers: h })),
  FASTPLUS: fc
    .tuple(count, count, frac, frac, count, indicatorFor("FASTPLUS"), withHeaders)
    .map(([hs, he, fd, fe, gmv, ind, h]) => ({
      holders_start: hs,
      holders_end: he,
      deepened: Math.floor(fd * num(hs)),
      engaged: Math.floor(fe * num(he)),
      holder_gmv: gmv,
      indicator: ind,
      with_headers: h,
    })),
  START: fc
    .tuple(count, fc.array(frac, { minLength: 4, maxLength: 4 }), indicatorFor("START"), withHeaders)
    .map(([reached, f, ind, h]) => {
      const r = num(reached);
      return {
        reached,
        interacted: Math.floor(f[0] * r),
        seeded: Math.floor(f[1] * r),
        traffic: Math.floor(f[2] * r),
        transacted: Math.floor(f[3] * r),
        indicator: ind,
        with_headers: h,
      };
    }),
  TGI: fc
    .tuple(shape, fc.constantFrom("sum", "blank", "given"))
    .chain(([[r, c], totals]) =>
      fc.tuple(gridOf(count, r, c), gridOf(count, r, c), fc.constant(totals), frac, frac),
    )
    .map(([b, i, totals, fb, fi]) => {
      // A given total is at least the sum of its segments (a partition, or a larger population).
      const sum = (g: Grid): number => g.flat().reduce((s: number, v) => s + num(v), 0);
      return {
        brand_segment: b,
        industry_segment: i,
        brand_total: totals === "given" ? sum(b) * (1 + fb) : totals === "blank" ? "" : null,
        industry_total: totals === "given" ? sum(i) * (1 + fi) : null,
      };
    }),
  CLV: fc
    .tuple(
      fc.oneof(nastyNumber, fc.integer({ min: -100, max: 1000 })),
      rate,
      fc.oneof(fc.double({ min: 0, max: 2, noNaN: true }), fc.constantFrom(0, 0.1, 1e-300, 1e308)),
      fc.oneof(
        { weight: 2, arbitrary: fc.constant(null) },
        { weight: 2, arbitrary: fc.integer({ min: 1, max: 1000 }) },
        { weight: 1, arbitrary: fc.constantFrom(1e6, 1e9, 1e12, 2 ** 53, 1e300, "12", 1.5) },
      ),
    )
    .map(([margin, retention, discountRate, periods]) => ({ margin, retention, discount_rate: discountRate, periods })),
  GTA: fc
    .tuple(
      count,
      table([
        [["stage", "阶段", "Stage"], aiplStage, true],
        [["crowd", "人群"], label, false],
        [["count", "人数"], count, true],
        [["conversion", "转化率"], rate, true],
        [["aov", "客单价"], count, true],
        [["cost", "单人成本"], fc.oneof(count, fc.constant("")), false],
        [["capacity", "可增量"], fc.oneof(count, fc.constant(""), fc.constant(0)), false],
      ]),
      fc.constantFrom<unknown>(null, "plan", "summary", "汇总", " Summary "),
      withHeaders,
    )
    .map(([t, crowds, output, h]) => ({ target_gmv: t, crowds, output, with_headers: h })),
  HOTPLAN: fc
    .tuple(
      count,
      positive,
      table([
        [["name", "名称", "phase"], label, true],
        [["weight", "权重"], count, true],
      ], 6),
      fc.integer({ min: 1, max: 6 }).chain((c) =>
        fc.tuple(
          fc.array(fc.tuple(label, count), { minLength: c, maxLength: c }),
          fc.oneof(
            fc.tuple(openRate, openRate).map((r) => [r]),
            fc.array(fc.tuple(openRate, openRate), { minLength: c, maxLength: c }),
          ),
          fc.boolean(),
        ),
      ),
      fc.oneof(fc.constant(null), positive),
      fc.oneof(fc.constant(null), rate, count),
      withHeaders,
    )
    .map(([target, price, phases, [crowds, funnel, crowdHeader], upb, cr, h]) => ({
      target_gmv: target,
      price,
      phases,
      crowds: crowdHeader ? [["crowd", "share"], ...crowds] : crowds,
      funnel,
      units_per_buyer: upb,
      cost_ratio: cr,
      with_headers: h,
    })),
  HOTHEALTH: fc
    .tuple(count, frac, count, count, frac, positive, rate, fc.oneof(positive, count), rate, fc.boolean(), fc.boolean(), indicatorFor("HOTHEALTH"), withHeaders)
    .map(([reached, fi, spend, gmv, fb, pr, prec, cr, conv, r1, r2, ind, h]) => {
      const r = num(reached);
      return {
        actual: vector([reached, Math.floor(fi * r), spend, gmv, Math.floor(fb * r)], r1),
        plan: vector([pr, prec, cr, conv], r2),
        indicator: ind,
        with_headers: h,
      };
    }),
  GROW: fc
    .tuple(vecArb(positive, 3), vecArb(positive, 3), fc.oneof(fc.constant(null), count), indicatorFor("GROW"), withHeaders)
    .map(([base, current, newGmv, ind, h]) => ({ base, current, new_gmv: newGmv, indicator: ind, with_headers: h })),
  "GROW.ROWS": fc
    .tuple(
      columns({
        period: fc.constantFrom<unknown>(0, 1, 0, 1, "0", "1", " 1 "),
        customer: fc.oneof(fc.integer({ min: 1, max: 8 }), fc.constantFrom("c1", "c2", " c1 ", "1", "客户甲")),
        category: fc.oneof(fc.integer({ min: 1, max: 4 }), fc.constantFrom("k1", "k2", "美妆", " k1")),
        gmv: count,
      }),
      indicatorFor("GROW.ROWS"),
      withHeaders,
    )
    .map(([c, ind, h]) => ({ ...c, indicator: ind, with_headers: h })),
  NEO: fc
    .tuple(
      fc.array(fc.oneof({ weight: 5, arbitrary: count }, { weight: 1, arbitrary: fc.constant("") }), { minLength: 9, maxLength: 9 }),
      fc.integer({ min: 1, max: 8 }).chain((m) =>
        gridOf(fc.oneof({ weight: 5, arbitrary: count }, { weight: 1, arbitrary: fc.constantFrom<unknown>("", null) }), m, 9),
      ),
      fc.oneof(fc.constant(null), fc.array(count, { minLength: 9, maxLength: 9 }).map((w) => [w])),
      fc.constantFrom<unknown>(null, "index", "percentile", "PERCENTILE", " index "),
      indicatorFor("NEO"),
      withHeaders,
    )
    .map(([brand, peers, weights, method, ind, h]) => ({ brand: [brand], peers, weights, method, indicator: ind, with_headers: h })),
  SUPER: fc
    .tuple(
      table([
        [["sku", "SKU", "货品", "商品"], label, false],
        [["is_new", "new", "新品"], flag, false],
        [["gmv", "GMV", "成交额"], count, true],
        [["visitors", "uv", "访客数"], count, false],
        [["buyers", "买家数"], count, false],
        [["units_sold", "销量"], count, false],
        [["units_available", "stock", "可售库存"], count, false],
        [["orders", "订单数"], count, false],
        [["orders_on_time", "及时履约订单数"], count, false],
      ], 20),
      fc.oneof(fc.constant(null), openRate),
      indicatorFor("SUPER"),
      withHeaders,
    )
    .map(([skus, s, ind, h]) => ({ skus, star_share: s, indicator: ind, with_headers: h })),
  "GTA.BUDGET": fc
    .tuple(
      count,
      table([
        [["stage", "阶段"], aiplStage, true],
        [["crowd", "人群"], label, false],
        [["count", "人数"], count, true],
        [["conversion", "转化率"], rate, true],
        [["aov", "客单价"], count, true],
        [["cost", "单人成本"], fc.oneof({ weight: 5, arbitrary: positive }, { weight: 1, arbitrary: fc.constantFrom<unknown>(0, "") }), true],
        [["capacity", "可增量"], fc.oneof(count, fc.constant(""), fc.constant(0)), false],
      ]),
      fc.constantFrom<unknown>(null, "plan", "summary", "汇总"),
      withHeaders,
    )
    .map(([budget, crowds, output, h]) => ({ budget, crowds, output, with_headers: h })),
  ASSOC: fc
    .tuple(
      columns({
        basket: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.constantFrom("o1", "o2", " o1 ", "订单1", "3")),
        category: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constantFrom("tea", "cup", "美妆", " tea", "2")),
      }, 60),
      fc.oneof(fc.constant(null), rate),
      fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 30 }), fc.constantFrom<unknown>(0, 1.5, "3")),
      withHeaders,
    )
    .map(([c, minSupport, topN, h]) => ({ ...c, min_support: minSupport, top_n: topN, with_headers: h })),
  CLUSTER: fc
    .tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 6 }), fc.boolean())
    .chain(([n, m, header]) =>
      fc.tuple(
        gridOf(fc.oneof(count, fc.double({ min: -5, max: 5, noNaN: true })), n, m),
        fc.oneof(fc.integer({ min: 1, max: n }), fc.constantFrom<unknown>(0, n + 1, 1.5, "2")),
        fc.oneof(fc.constant(null), gridOf(count, 1, m)),
        fc.oneof(fc.constant(null), gridOf(positive, n, 1)),
        fc.constantFrom<unknown>(null, "labels", "tree", "profile", "画像"),
        withHeaders,
        fc.constant(header),
        fc.constant(m),
      ),
    )
    .map(([g, k, weights, sizes, output, h, header, m]) => ({
      profiles: header ? [Array.from({ length: m }, (_, j) => `f${j + 1}`), ...g] : g,
      k,
      weights,
      sizes,
      output,
      with_headers: h,
    })),
  CALIBRATE: fc
    .tuple(
      table([
        [["name", "名称", "渠道"], label, true],
        [["brand", "品牌人数"], count, true],
        [["industry", "行业人数"], count, true],
      ], 15),
      fc.oneof(fc.constant(null), positive),
      fc.oneof(fc.constant(null), positive),
      fc.oneof(fc.constant(null), count),
      withHeaders,
    )
    .map(([items, bt, it, minBrand, h]) => ({ items, brand_total: bt, industry_total: it, min_brand: minBrand, with_headers: h })),
  INDEX: diagnoseArgs().map(({ brand, peers, method, weights, h }) => ({ brand, peers, method, weights, with_headers: h })),
  DIAGNOSE: fc
    .tuple(diagnoseArgs(), fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 30 })))
    .map(([{ brand, peers, method, h }, topN]) => ({ brand, peers, top_n: topN, method, scenario_map: null, with_headers: h })),
};


/** Generic semi-valid arguments for a function without its own generator: small positive numbers. */
export function genericSemiValid(meta: FunctionMeta): fc.Arbitrary<Args> {
  return fc.tuple(
    ...meta.parameters.map((p) => {
      if (p.name === "indicator") return indicatorFor(meta.id);
      if (p.name === "with_headers") return withHeaders;
      const base: fc.Arbitrary<unknown> =
        p.dimensionality === "matrix"
          ? shape.chain(([r, c]) => gridOf(fc.oneof(count, rate), r, c))
          : fc.oneof(count, rate);
      return p.optional ? fc.oneof(fc.constant(null), base) : base;
    }),
  ).map((vals) => Object.fromEntries(meta.parameters.map((p, j) => [p.name, vals[j]])));
}

/** Replace one cell of a range (or a whole scalar argument) by `v`. */
export function perturbOne(value: unknown, pick: number, v: unknown): unknown {
  if (Array.isArray(value) && value.length > 0 && Array.isArray(value[0])) {
    const g = (value as Grid).map((r) => r.slice());
    // Mostly in the data (not the tail): cells of the first rows.
    const rows = Math.min(g.length, 1 + (pick % 24));
    const i = pick % rows;
    const j = Math.floor(pick / 24) % g[i].length;
    g[i][j] = v;
    return g;
  }
  return v;
}
