/**
 * Random tables for the SQL compiler's tests (test/sql/duckdb.test.ts, spark.test.ts): the same
 * rows go to the JS engine (as n×1 columns or a table under a header row) and into a SQL table.
 *
 * Cells are drawn from pools of what exports hold: labels in English and Chinese, padded with
 * ASCII and Unicode white space, the three blanks and the number 0 of an older Excel build,
 * numbers and their text, identifiers that are numbers in one row and text in another. A
 * "dirty" table (one in four) also draws invalid values. Text forms of zero ("0", "0.0") are not
 * drawn where the engine and SQL read them differently (docs/drafts/sql.md): a SQL column has one
 * type, so SQL reads the text "0" as the number 0.
 */
import fc from "fast-check";

export type Row = unknown[];

/** A generated case: the rows, the model's options, and the columns left out (SUPER). */
export interface TableCase {
  readonly rows: Row[];
  readonly options: Record<string, unknown>;
  /** For each column parameter: present or left out. */
  readonly present?: boolean[];
}

const pick = <T>(xs: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...xs);
const mix = (...pairs: (readonly [number, fc.Arbitrary<unknown>])[]): fc.Arbitrary<unknown> =>
  fc.oneof(...pairs.map(([weight, arbitrary]) => ({ weight, arbitrary })));

/** Blank cells: the three forms Excel sends, white space (ASCII and ideographic), and the number 0. */
export const BLANK_CELLS: readonly unknown[] = [null, undefined, "", "  ", "\u3000", "\t", 0];
const blank = pick(BLANK_CELLS);

export const STAGES_OK = [
  "A", "a", " I ", "i", "P", "p", "L", "l", "Awareness", "INTEREST", " purchase ", "Loyalty", "认知", "兴趣", "购买", "忠诚",
  "\u3000忠诚\u3000", "\u00a0A\u00a0", "-", "none", "NONE", " 无 ",
] as const;
const STAGES_BAD = ["X", "AI", "2", 3, true, "stage", "A1", "零", "I.", "l-"];
const FLAGS_OK = [true, false, "Y", "n", "YES", "no", "TRUE", "False", "是", "否", " y ", 1, 2.5, "1", "5%", " 1e3 ", "\u3000是"];
const FLAGS_BAD = ["maybe", "x", "1,0", "√", "yes!", "1e400"];
const PERIODS_OK = [1, "1", " 1 ", "1.0", "100%", 1];
const PERIODS_BAD = [2, "x", -1, "0.5", "一"];
const CUSTOMERS = ["c1", "c2", "c3", " c4 ", "客户甲", "客户乙", 5, 6, "6", " 7 ", 7, 1.5, "1.5", "\u00a0c1"];
const CATEGORIES = ["x", "y", "茶叶", " x ", 3, "3", "茶具"];
const IDS_BAD = ["", null, "  ", "\u3000"];
const AMOUNTS_BAD = [-5, "abc", "", null, "1,200", "-1%", "１２"];

const amount = mix(
  [6, fc.integer({ min: 1, max: 500 })],
  [2, fc.integer({ min: 1, max: 5000 }).map((x) => x / 10)],
  [1, pick(["12.5", " 7 ", "5%", "1e2", "  40  ", "0.25"])],
);

const stageCell = (dirty: boolean): fc.Arbitrary<unknown> =>
  mix([12, pick(STAGES_OK)], [3, blank], [dirty ? 1 : 0, pick(STAGES_BAD)]);
const flagCell = (dirty: boolean): fc.Arbitrary<unknown> => mix([10, pick(FLAGS_OK)], [4, blank], [dirty ? 1 : 0, pick(FLAGS_BAD)]);

/** Rows of n cells, then a blank tail in one of its forms (a whole-column reference). */
function withTail(rows: fc.Arbitrary<Row[]>, width: number): fc.Arbitrary<Row[]> {
  return fc.tuple(rows, fc.integer({ min: 0, max: 6 }), pick([null, "", 0, undefined])).map(([rs, k, b]) => [
    ...rs,
    ...Array.from({ length: k }, () => Array.from({ length: width }, () => b)),
  ]);
}

const dirtyFlag = fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) });

/** Rows of stage cells (AIPL: 1 column; FLOW, DEEPEN: 2). */
export function stageRows(width: number): fc.Arbitrary<TableCase> {
  return dirtyFlag.chain((dirty) =>
    withTail(fc.array(fc.array(stageCell(dirty), { minLength: width, maxLength: width }), { maxLength: 40 }), width).map((rows) => ({ rows, options: {} })),
  );
}

/** FAST.ROWS rows: two stages, two flags; sometimes an `indicator`. */
export function fastRows(): fc.Arbitrary<TableCase> {
  return fc.tuple(dirtyFlag, fc.option(pick(["F", "a", "Superiority", "超级用户活跃度"]), { nil: undefined })).chain(([dirty, indicator]) =>
    withTail(fc.array(fc.tuple(stageCell(dirty), stageCell(dirty), flagCell(dirty), flagCell(dirty)), { maxLength: 40 }), 4).map((rows) => ({
      rows,
      options: indicator === undefined ? {} : { indicator },
    })),
  );
}

/** GROW.ROWS rows: period, customer, category, gmv. Clean tables have base and current orders. */
export function growRows(): fc.Arbitrary<TableCase> {
  return fc.tuple(dirtyFlag, fc.option(pick(["G", "retain", "Boost", "延展力"]), { nil: undefined })).chain(([dirty, indicator]) => {
    const period = mix([5, fc.constant(0)], [5, pick(PERIODS_OK)], [dirty ? 1 : 0, pick(PERIODS_BAD)]);
    const id = (pool: readonly unknown[]): fc.Arbitrary<unknown> => mix([20, pick(pool)], [1, fc.constant(0)], [dirty ? 1 : 0, pick(IDS_BAD)]);
    const gmv = mix([20, amount], [1, fc.constant(0)], [dirty ? 1 : 0, pick(AMOUNTS_BAD)]);
    const row = fc.tuple(period, id(CUSTOMERS), id(CATEGORIES), gmv);
    const blankRow = blank.map((b) => [b, b, b, b]);
    return withTail(fc.array(fc.oneof({ weight: 12, arbitrary: row }, { weight: 1, arbitrary: blankRow }), { minLength: 3, maxLength: 40 }), 4).map(
      (rows) => ({ rows, options: indicator === undefined ? {} : { indicator } }),
    );
  });
}

/** SUPER rows (all nine columns drawn; `present` says which go to the function). */
export function superRows(): fc.Arbitrary<TableCase> {
  return fc
    .tuple(dirtyFlag, fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }), fc.option(pick([0.8, 0.5, 1, 0.25, 0.9]), { nil: undefined }), fc.option(pick(["S", "u", "Exact stock", "履约时效"]), { nil: undefined }))
    .chain(([dirty, keep, starShare, indicator]) => {
      const present = keep.map((k, i) => i === 2 || k);
      const count = mix([8, fc.integer({ min: 0, max: 400 })], [2, blank], [1, pick(["12", " 3 ", "50%"])], [dirty ? 1 : 0, pick(AMOUNTS_BAD.filter((x) => x !== "" && x !== null))]);
      const gmv = mix([12, amount], [1, fc.constant(0)], [dirty ? 1 : 0, pick(AMOUNTS_BAD)]);
      const row = fc
        .tuple(
          mix([8, pick(["s1", "s2", " 货品A ", "商品B", 101, "sku9"])], [2, blank]),
          flagCell(dirty),
          gmv,
          count,
          count,
          count,
          count,
          fc.integer({ min: 0, max: 300 }),
          fc.double({ min: 0, max: 1, noNaN: true }),
          dirty ? fc.boolean() : fc.constant(false),
        )
        .map(([sku, isNew, g, vis, buy, sold, avail, orders, r, late]) => [
          sku, isNew, g, vis, buy, sold, avail, orders, late ? orders + 5 : Math.floor(orders * r),
        ]);
      const blankRow = blank.map((b) => Array.from({ length: 9 }, () => b));
      return withTail(fc.array(fc.oneof({ weight: 10, arbitrary: row }, { weight: 1, arbitrary: blankRow }), { maxLength: 30 }), 9).map((rows) => ({
        rows,
        present,
        options: { ...(starShare === undefined ? {} : { star_share: starShare }), ...(indicator === undefined ? {} : { indicator }) },
      }));
    });
}

/** ASSOC rows: basket, category; sometimes min_support and top_n. */
export function assocRows(): fc.Arbitrary<TableCase> {
  return fc
    .tuple(dirtyFlag, fc.option(pick([0, 0.01, 0.05, 0.1, 0.3, 0.9]), { nil: undefined }), fc.option(pick([1, 3, 5, 20, 1000]), { nil: undefined }))
    .chain(([dirty, minSupport, topN]) => {
      const basket = mix([20, pick(["o1", "o2", "o3", " o4 ", "订单5", 7, "7", 9.5])], [1, fc.constant(0)], [dirty ? 1 : 0, pick(IDS_BAD)]);
      const cat = mix([20, pick(CATEGORIES)], [1, fc.constant(0)], [dirty ? 1 : 0, pick(IDS_BAD)]);
      const row = fc.tuple(basket, cat);
      const blankRow = blank.map((b) => [b, b]);
      return withTail(fc.array(fc.oneof({ weight: 12, arbitrary: row }, { weight: 1, arbitrary: blankRow }), { minLength: 2, maxLength: 50 }), 2).map((rows) => ({
        rows,
        options: { ...(minSupport === undefined ? {} : { min_support: minSupport }), ...(topN === undefined ? {} : { top_n: topN }) },
      }));
    });
}

/**
 * CALIBRATE rows: name, brand, industry. Names rise in code-point order down the rows (ASCII,
 * then Chinese; a blank name only first), so that the engine's "input order" of ties and the
 * query's name order agree.
 */
export function calibrateRows(): fc.Arbitrary<TableCase> {
  return fc
    .tuple(
      dirtyFlag,
      fc.integer({ min: 0, max: 40 }),
      fc.boolean(),
      fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
      fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
      fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
    )
    .chain(([dirty, split, blankFirst, minBrand, bt, it]) => {
      const count = (max: number): fc.Arbitrary<unknown> =>
        mix([10, fc.integer({ min: 0, max })], [1, fc.integer({ min: 0, max: 10 * max }).map((x) => x / 10)], [1, pick(["12", " 30 "])], [dirty ? 1 : 0, pick(AMOUNTS_BAD)]);
      const row = fc.tuple(count(100), mix([6, count(500)], [1, fc.constant(0)]));
      return withTail(fc.array(row, { maxLength: 25 }), 3).map((pairs) => {
        let k = 0;
        const rows = pairs.map((r): Row => {
          if (r.length === 3) return r; // the blank tail
          k++;
          const n = String(k).padStart(3, "0");
          const nm = k === 1 && blankFirst ? "" : k < split ? ` ch${n} ` : `渠道${n}`;
          return [nm, r[0], r[1]];
        });
        const totalOf = (j: number, f: number | undefined): number | undefined => {
          if (f === undefined) return undefined;
          const xs = rows.map((r) => r[j]).filter((x): x is number => typeof x === "number");
          const max = Math.max(1, ...xs);
          return [max, max * 2, max * 10, Math.max(1, Math.floor(max / 2))][f];
        };
        const options: Record<string, unknown> = {};
        const b = totalOf(1, bt);
        const i = totalOf(2, it);
        if (b !== undefined) options.brand_total = b;
        if (i !== undefined) options.industry_total = i;
        if (minBrand !== undefined) options.min_brand = minBrand;
        return { rows, options };
      });
    });
}

/** Awkward table names (quoting, reserved words, Chinese, a name the compiler's CTEs start with). */
export const TABLE_NAMES = ["t", "my table", 'we"ird', "订单表", "select", "dtc_text", "a`b", "From"];
/** Awkward column names, one per position. */
export const COLUMN_NAMES = ["c one", 'c"2', "阶段", "from", "c`5", "group", "C7", "值 8", "9"];
