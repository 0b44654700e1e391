/**
 * SUPER as SQL (SPEC §5, §18; the engine: src/models/super.ts).
 *
 * Columns by position: sku, is_new, gmv, visitors, buyers, units_sold, units_available, orders,
 * orders_on_time; gmv is required, the others may be left out (a blank entry in `columns`, or
 * the tail of the list), which makes their indicator `#N/A` (a NULL, see {@link ResultColumn}).
 * One row [Star product share, Utmost conversion, Product novelty, Exact stock, Rapid
 * fulfillment] (or the one `indicator` option), then `invalid_<column>` for each given column
 * but sku, `on_time_over_orders` and `no_data`.
 *
 * S = k ÷ SKUs, k = fewest SKUs by descending GMV whose running sum reaches star_share × total
 * × (1 − 1e-12): the rows whose running sum is still below that, plus one (at most all).
 */
import { notAvailable } from "../excel/errors";
import { pickIndicator } from "../excel/indicators";
import { DEFAULT_STAR_SHARE, STAR_TOLERANCE, SUPER_COLUMNS, SUPER_INDICATORS, SUPER_PARAMS } from "../models/super";
import {
  add, call, cast, cells, columnChecks, countAll, countIf, crossJoin, cteName, desc, div, divZero, eq, flag01, fromCte, ge, gt, ident, int,
  lt, mul, name, not, num, NULL, NULL_DOUBLE, over, ratio, select, sumIf, when, withCtes, type Check, type ColumnSpec, type Item,
  type Kind, type ModelSql, type ResultColumn, type Sql,
} from "./core";

const KINDS: Readonly<Record<string, Kind>> = { sku: "name", is_new: "flag", gmv: "amount" };

/** The nine columns of `skus`, kinds by key: sku a label, is_new a flag, gmv required, the rest counts. */
const COLUMNS: readonly ColumnSpec[] = SUPER_COLUMNS.map((c) => ({ param: c.key, kind: KINDS[c.key] ?? "count", optional: !c.required }));

/** Short internal names of the columns, by key. */
const SHORT: Readonly<Record<string, string>> = {
  sku: "sku", is_new: "f", gmv: "g", visitors: "vis", buyers: "buy", units_sold: "sold", units_available: "avail", orders: "ord",
  orders_on_time: "ontime",
};

const options = ["star_share", "indicator"].map((n) => SUPER_PARAMS.find((p) => p.name === n)!);

/** `DTC.SUPER(skus)` over a table of one row per SKU; options `star_share`, `indicator`. */
export const SUPER_SQL: ModelSql = {
  id: "SUPER",
  columns: COLUMNS,
  options,
  build(src, opts) {
    const share = (opts.star_share as number | undefined) ?? DEFAULT_STAR_SHARE;
    const c = cells(src, COLUMNS);
    const rows = cteName(src, "rows");
    const ranked = cteName(src, "ranked");
    const agg = cteName(src, "agg");
    const star = cteName(src, "star");
    const has = (key: string): boolean => src.columns[COLUMNS.findIndex((s) => s.param === key)] !== undefined;
    const col = (key: string): Sql => name(SHORT[key]);
    const given = COLUMNS.map((s, i) => (c.value[i] === undefined ? undefined : col(s.param)));
    const rowItems = COLUMNS.flatMap((s, i): Item[] => (c.value[i] === undefined ? [] : [[col(s.param), c.value[i]!]]));
    const chk = columnChecks(src, COLUMNS, given);
    const checks: Check[] = [...chk.checks];
    const checkItems: Item[] = [...chk.items];
    if (has("orders") && has("orders_on_time")) {
      checks.push({ column: "on_time_over_orders", key: "sqlOnTimeOverOrders", where: { arg: "orders_on_time" } });
      checkItems.push([ident("on_time_over_orders"), countIf(gt(col("orders_on_time"), col("orders")))]);
    }
    checks.push({ column: "no_data", key: "emptyTable", where: { arg: SUPER_PARAMS[0].name } });
    checkItems.push([ident("no_data"), flag01(eq(countAll(), int(0)))]);

    const total = call("COALESCE", call("SUM", col("gmv")), num(0));
    const sums: Item[] = [
      [name("n"), countAll()],
      [name("total"), total],
      [name("target"), mul(mul(num(share), total), num(1 - STAR_TOLERANCE))],
      ...(has("is_new") ? [[name("new_gmv"), sumIf(eq(col("is_new"), int(1)), col("gmv"))] as Item] : []),
      ...["visitors", "buyers", "units_sold", "units_available", "orders", "orders_on_time"]
        .filter(has)
        .map((key): Item => [col(key), call("COALESCE", call("SUM", col(key)), num(0))]),
      ...checkItems,
    ];
    const cum = over(call("SUM", col("gmv")), [desc(col("gmv"), "last")], true);
    const n = name("n");
    const k = when([[ge(name("below"), n), n]], add(name("below"), int(1)));

    const [S, U, P, E, R] = SUPER_INDICATORS.map((d) => d.name);
    const pair = (what: string, numKey: string, denKey: string): readonly [ResultColumn, Sql] => {
      const missing = !has(numKey) ? numKey : !has(denKey) ? denKey : undefined;
      if (missing !== undefined) return [{ name: what, nullAs: notAvailable(what, "naColumn", { column: missing }) }, NULL_DOUBLE];
      return [{ name: what, nullAs: divZero(what) }, ratio(col(numKey), col(denKey))];
    };
    const all: (readonly [ResultColumn, Sql])[] = [
      [{ name: S, nullAs: divZero(S) }, when([[eq(name("total"), int(0)), NULL], [eq(n, int(0)), NULL]], div(cast(k, "DOUBLE"), cast(n, "DOUBLE")))],
      pair(U, "buyers", "visitors"),
      has("is_new")
        ? [{ name: P, nullAs: divZero(P) }, ratio(name("new_gmv"), name("total"))]
        : [{ name: P, nullAs: notAvailable(P, "naColumn", { column: "is_new" }) }, NULL_DOUBLE],
      pair(E, "units_sold", "units_available"),
      pair(R, "orders_on_time", "orders"),
    ];
    const pick = pickIndicator(SUPER_INDICATORS, opts.indicator);
    const chosen = pick === undefined ? all : [all[pick]];
    return {
      query: withCtes(
        [
          ...c.ctes,
          [rows, select(rowItems, fromCte(c.name), { where: not(c.blankRow) })],
          [agg, select(sums, fromCte(rows))],
          [ranked, select([[name("cum"), cum]], fromCte(rows))],
          [star, select([[name("below"), countIf(lt(name("cum"), name("target")))]], crossJoin(fromCte(ranked), fromCte(agg)))],
        ],
        select(
          [...chosen.map(([rc, x]): Item => [ident(rc.name), x]), ...checks.map((x): Item => [ident(x.column), ident(x.column)])],
          crossJoin(fromCte(agg), fromCte(star)),
        ),
      ),
      labels: [],
      result: chosen.map(([rc]) => rc),
      checks,
      shape: "row",
    };
  },
};
