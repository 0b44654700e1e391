/**
 * ASSOC and CALIBRATE as SQL (SPEC §13, §15, §18; the engine: src/models/assoc.ts, calibrate.ts).
 *
 * Both return a list of rows that may be empty. The query then returns one row whose result
 * columns are NULL, so that the check columns are always read (see {@link Plan.shape}).
 *
 * - ASSOC: rows [from, to, support, confidence, lift, baskets_both], lift ↓, support ↓, from ↑,
 *   to ↑ (text compared by code points: DuckDB and Spark compare strings bytewise in UTF-8),
 *   the first top_n with support ≥ min_support; then `invalid_basket`, `invalid_category`,
 *   `no_data`. Lift is (n(a,b) × B) ÷ (n(a) × n(b)) from integer counts, as the engine computes
 *   it, so a → b and b → a tie exactly and are ordered by name.
 * - CALIBRATE: rows [rank, name, brand, industry, brand_share, industry_share, tgi] (rank 1, 2 …
 *   is the order of the rows, a label column the function does not return), TGI ↓ (NULL, the
 *   `#DIV/0!` of industry 0, last), a run of TGIs each within a relative 1e-12 of the one before
 *   it ordered by brand ↓; then `invalid_brand`, `invalid_industry`, `no_data` and, for each
 *   total, `<column>_over_total` (a total was given) or `<column>_sum_zero` (it was not).
 *   A SQL table has no row order, so where the function keeps input order the query orders by
 *   name; and the engine's runs compare each TGI with the run's first, the query with the one
 *   before (the same unless ties chain over more than 1e-12).
 */
import { CellError } from "../excel/errors";
import { ASSOC_OUTPUT_COLUMNS, ASSOC_PARAMS, DEFAULT_MIN_SUPPORT, DEFAULT_TOP_N } from "../models/assoc";
import { CALIBRATE_COLUMNS, CALIBRATE_OUTPUT_COLUMNS, CALIBRATE_PARAMS } from "../models/calibrate";
import { TIE_TOLERANCE } from "../excel/round";
import {
  columnsOf, abs, and, asc, call, cast, cells, columnChecks, countAll, countDistinct, countIf, crossJoin, cteName, desc, div, divZero, dot, eq, flag01,
  fromCte, ge, gt, ident, int, invalidOf, isNull, join, le, leftJoin, mul, name, ne, not, num, NULL, or, over, rowNumber, select, str, sub, when,
  withCtes, type Check, type ColumnSpec, type Item, type ModelSql, type Order, type Sql,
} from "./core";

const [BASKET] = ASSOC_PARAMS;
const byName = <P extends { name: string }>(ps: readonly P[], n: string): P => ps.find((p) => p.name === n)!;

/** `DTC.ASSOC(basket, category)`; options `min_support`, `top_n`. */
export const ASSOC_SQL: ModelSql = {
  id: "ASSOC",
  columns: columnsOf(ASSOC_PARAMS, ["id", "id"]),
  options: [byName(ASSOC_PARAMS, "min_support"), byName(ASSOC_PARAMS, "top_n")],
  build(src, opts) {
    const minSupport = (opts.min_support as number | undefined) ?? DEFAULT_MIN_SUPPORT;
    const topN = (opts.top_n as number | undefined) ?? DEFAULT_TOP_N;
    const c = cells(src, this.columns);
    const [lines, head, items, single, pairs, rules, top] = ["lines", "head", "items", "single", "pairs", "rules", "top"].map((x) => cteName(src, x));
    const n = (x: string): Sql => name(x);
    const chk = columnChecks(src, this.columns, [n("b"), n("c")]);
    const filled = and(ne(n("b"), str("")), ne(n("c"), str("")));
    const checks: Check[] = [...chk.checks, { column: "no_data", key: "emptyTable", where: { arg: BASKET.name } }];
    const B = dot("h", n("baskets"));
    const [nab, na, nb] = [dot("p", n("nab")), dot("sa", n("n")), dot("sb", n("n"))];
    const ruleItems: Item[] = [
      [n("rf"), dot("p", n("a"))],
      [n("rt"), dot("p", n("z"))],
      [n("nab"), nab],
      [n("support"), div(cast(nab, "DOUBLE"), cast(B, "DOUBLE"))],
      [n("confidence"), div(cast(nab, "DOUBLE"), cast(na, "DOUBLE"))],
      [n("lift"), div(cast(mul(nab, B), "DOUBLE"), cast(mul(na, nb), "DOUBLE"))],
    ];
    const order: Order[] = [desc(n("lift"), "last"), desc(n("nab"), "last"), asc(n("rf")), asc(n("rt"))];
    const out = ASSOC_OUTPUT_COLUMNS;
    const outSource = ["rf", "rt", "support", "confidence", "lift", "nab"];
    return {
      query: withCtes(
        [
          ...c.ctes,
          [lines, select([[n("b"), c.value[0]!], [n("c"), c.value[1]!]], fromCte(c.name), { where: not(c.blankRow) })],
          [head, select([[n("one"), int(1)], ...chk.items, [n("baskets"), countDistinct(when([[filled, n("b")]]))]], fromCte(lines))],
          [items, select([[n("b"), n("b")], [n("c"), n("c")]], fromCte(lines), { distinct: true, where: filled })],
          [single, select([[n("c"), n("c")], [n("n"), countAll()]], fromCte(items), { groupBy: [n("c")] })],
          [
            pairs,
            select([[n("a"), dot("x", n("c"))], [n("z"), dot("y", n("c"))], [n("nab"), countAll()]],
              join(fromCte(items, "x"), fromCte(items, "y"), eq(dot("y", n("b")), dot("x", n("b")))),
              { where: ne(dot("x", n("c")), dot("y", n("c"))), groupBy: [dot("x", n("c")), dot("y", n("c"))] }),
          ],
          [
            rules,
            select(ruleItems,
              crossJoin(
                join(join(fromCte(pairs, "p"), fromCte(single, "sa"), eq(dot("sa", n("c")), dot("p", n("a")))),
                  fromCte(single, "sb"), eq(dot("sb", n("c")), dot("p", n("z")))),
                fromCte(head, "h"))),
          ],
          [
            top,
            select([[n("one"), int(1)], ...outSource.map((x): Item => [n(x), n(x)])], fromCte(rules), {
              where: ge(n("support"), num(minSupport)),
              orderBy: order,
              limit: topN,
            }),
          ],
        ],
        select(
          [
            ...out.map((label, k): Item => [ident(label), dot("t", n(outSource[k]))]),
            ...chk.checks.map((x): Item => [ident(x.column), dot("h", ident(x.column))]),
            [ident("no_data"), flag01(eq(B, int(0)))],
          ],
          leftJoin(fromCte(head, "h"), fromCte(top, "t"), eq(dot("t", n("one")), dot("h", n("one")))),
          // Ordered by the output columns themselves (Hive orders only by selected columns), and
          // limited (MaxCompute wants a LIMIT beside an ORDER BY).
          {
            orderBy: [desc(ident("lift"), "last"), desc(ident("baskets_both"), "last"), asc(ident("from")), asc(ident("to"))],
            limit: topN,
          },
        ),
      ),
      labels: [],
      result: out.map((label) => ({ name: label })),
      checks,
      shape: "list",
      empty: new CellError("#N/A", "sqlAssocNoRule", { value: minSupport }),
    };
  },
};

const CAL_COLUMNS: readonly ColumnSpec[] = CALIBRATE_COLUMNS.map((col) => ({
  param: col.key,
  kind: col.key === "name" ? "name" : "amount",
}));

/** `DTC.CALIBRATE(items)` over a table of one row per item; options `brand_total`, `industry_total`, `min_brand`. */
export const CALIBRATE_SQL: ModelSql = {
  id: "CALIBRATE",
  columns: CAL_COLUMNS,
  options: ["brand_total", "industry_total", "min_brand"].map((x) => byName(CALIBRATE_PARAMS, x)),
  build(src, opts) {
    const minBrand = (opts.min_brand as number | undefined) ?? 0;
    const c = cells(src, CAL_COLUMNS);
    const [rows, head, scored, shared, ranked, lagged, runs, ordered] = ["rows", "head", "scored", "shared", "ranked", "lagged", "runs", "ordered"].map(
      (x) => cteName(src, x),
    );
    const n = (x: string): Sql => name(x);
    const chk = columnChecks(src, CAL_COLUMNS, [n("nm"), n("br"), n("ind")]);
    const checks: Check[] = [...chk.checks, { column: "no_data", key: "emptyTable", where: { arg: CALIBRATE_PARAMS[0].name } }];
    const headItems: Item[] = [[n("one"), int(1)], ...chk.items, [ident("no_data"), flag01(eq(countAll(), int(0)))]];
    for (const [col, totalArg, short] of [["brand", "brand_total", "bt"], ["industry", "industry_total", "it"]] as const) {
      const v = n(col === "brand" ? "br" : "ind");
      const given = opts[totalArg] as number | undefined;
      // (Over the valid values: an invalid cell is reported by its own check column.)
      const sum = call("COALESCE", call("SUM", when([[not(invalidOf("amount", v)!), v]])), num(0));
      if (given === undefined) {
        const column = `${col}_sum_zero`;
        headItems.push([n(short), sum], [ident(column), flag01(not(gt(sum, int(0))))]);
        checks.push({ column, key: "sumZeroColumn", where: { arg: CALIBRATE_PARAMS[0].name }, params: { column: col } });
      } else {
        const column = `${col}_over_total`;
        headItems.push([n(short), num(given)], [ident(column), countIf(gt(v, num(given)))]);
        checks.push({ column, key: "sqlOverTotal", where: { arg: CALIBRATE_PARAMS[0].name }, params: { column: col, other: totalArg, limit: given } });
      }
    }
    const share = (x: Sql, total: Sql): Sql => when([[gt(total, int(0)), div(x, total)]]);
    const keep = (xs: readonly string[]): Item[] => xs.map((x): Item => [n(x), n(x)]);
    const base = ["one", "nm", "br", "ind", "bs", "ishare"];
    const tgi = when([[or(eq(n("ind"), int(0)), isNull(n("ishare")), eq(n("ishare"), int(0))), NULL]], div(mul(num(100), n("bs")), n("ishare")));
    const exact: Order[] = [desc(n("tgi"), "last"), desc(n("br")), asc(n("nm")), asc(n("ind"))];
    const prev = n("prev");
    const t = n("tgi");
    const tie = le(abs(sub(prev, t)), mul(num(TIE_TOLERANCE), call("GREATEST", abs(prev), abs(t))));
    const start = when(
      [
        [eq(n("rn"), int(1)), int(1)],
        [and(isNull(t), isNull(prev)), int(0)],
        [or(isNull(t), isNull(prev)), int(1)],
        [tie, int(0)],
      ],
      int(1),
    );
    const outSource = ["nm", "br", "ind", "bs", "ishare", "tgi"];
    return {
      query: withCtes(
        [
          ...c.ctes,
          [rows, select([[n("nm"), c.value[0]!], [n("br"), c.value[1]!], [n("ind"), c.value[2]!]], fromCte(c.name), { where: not(c.blankRow) })],
          [head, select(headItems, fromCte(rows))],
          [
            scored,
            select(
              [
                [n("one"), int(1)],
                ...["nm", "br", "ind"].map((x): Item => [n(x), dot("r", n(x))]),
                [n("bs"), share(dot("r", n("br")), dot("h", n("bt")))],
                [n("ishare"), share(dot("r", n("ind")), dot("h", n("it")))],
              ],
              crossJoin(fromCte(rows, "r"), fromCte(head, "h")),
              { where: ge(dot("r", n("br")), num(minBrand)) },
            ),
          ],
          [shared, select([...keep(base), [n("tgi"), tgi]], fromCte(scored))],
          [ranked, select([...keep([...base, "tgi"]), [n("rn"), rowNumber(exact)]], fromCte(shared))],
          [lagged, select([...keep([...base, "tgi", "rn"]), [n("prev"), over(call("LAG", t), [asc(n("rn"))])]], fromCte(ranked))],
          [runs, select([...keep([...base, "tgi", "rn"]), [n("run"), over(call("SUM", start), [asc(n("rn"))], true)]], fromCte(lagged))],
          [ordered, select([...keep([...base, "tgi"]), [n("pos"), rowNumber([asc(n("run")), desc(n("br")), asc(n("nm")), asc(n("rn"))])]], fromCte(runs))],
        ],
        select(
          [
            [ident("rank"), dot("x", n("pos"))],
            ...CALIBRATE_OUTPUT_COLUMNS.map((label, k): Item => [ident(label), dot("x", n(outSource[k]))]),
            ...checks.map((x): Item => [ident(x.column), dot("h", ident(x.column))]),
          ],
          leftJoin(fromCte(head, "h"), fromCte(ordered, "x"), eq(dot("x", n("one")), dot("h", n("one")))),
          // By a selected column (Hive orders only by those).
          { orderBy: [asc(ident("rank"))] },
        ),
      ),
      labels: ["rank"],
      result: CALIBRATE_OUTPUT_COLUMNS.map((label) => (label === "tgi" ? { name: label, nullAs: divZero("tgi") } : { name: label })),
      checks,
      shape: "list",
      empty: new CellError("#N/A", "calibrateNoItem", { value: minBrand }, { arg: "min_brand" }),
    };
  },
};
