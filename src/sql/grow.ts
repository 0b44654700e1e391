/**
 * GROW.ROWS as SQL (SPEC §3, §18; the engine: src/models/grow.ts).
 *
 * One row [Gain, Retain, Boost, Widen] (or the one `indicator` option), then the check columns
 * `invalid_period`, `invalid_customer`, `invalid_category`, `invalid_gmv` and the whole-table
 * conditions `no_base`, `no_current`, `zero_gmv_base`, `zero_gmv_current` (1 when they hold).
 *
 * Like-for-like categories have a base-period order. Per period, N = distinct customers with an
 * order in such a category, orders = those orders, V = their GMV; W = current GMV elsewhere.
 * The LMDI split uses the engine's formulas in the same order of operations: the logarithmic
 * mean L = (V₁ − V₀) ÷ log1p((V₁ − V₀) ÷ V₀) when V₁ ÷ V₀ is in (0.5, 2) (log1p written as
 * ln(u) · x ÷ (u − 1), u = 1 + x, which neither DuckDB nor Hive has), (V₁ − V₀) ÷ ln(V₁ ÷ V₀)
 * otherwise, V₀ when they are equal; G = L · ln(N₁/N₀), R = L · ln(F₁/F₀), O = L · ln(P₁/P₀).
 */
import { pickIndicator } from "../excel/indicators";
import { INDICATOR } from "../excel/params";
import { GROW_INDICATORS, GROW_ROWS_PARAMS } from "../models/grow";
import {
  columnsOf, add, and, call, cast, cells, columnChecks, countDistinct, countIf, crossJoin, cteName, div, dot, eq, flag01, fromCte, gt, ident, int,
  invalidOf, isNotNull, isNull, leftJoin, lt, mul, name, not, num, select, sub, sumIf, when, withCtes, type Check, type Item,
  type ModelSql, type Sql,
} from "./core";

const [PERIOD, , , GMV] = GROW_ROWS_PARAMS;

const dbl = (x: Sql): Sql => cast(x, "DOUBLE");
/** log1p(x) = ln(u) · x ÷ (u − 1) with u = 1 + x, or x when u rounds to 1 (Goldberg's accurate form). */
const log1p = (x: Sql): Sql => {
  const u = add(num(1), x);
  return when([[eq(u, num(1)), x]], div(mul(call("LN", u), x), sub(u, num(1))));
};

/** `DTC.GROW.ROWS(period, customer, category, gmv)`; option `indicator`. */
export const GROW_ROWS_SQL: ModelSql = {
  id: "GROW.ROWS",
  columns: columnsOf(GROW_ROWS_PARAMS, ["period", "id", "id", "amount"]),
  options: [INDICATOR],
  build(src, options) {
    const c = cells(src, this.columns);
    const rows = cteName(src, "rows");
    const checks = cteName(src, "checks");
    const good = cteName(src, "good");
    const lfl = cteName(src, "lfl");
    const scope = cteName(src, "scope");
    const logs = cteName(src, "logs");
    const mean = cteName(src, "mean");
    const n = (x: string): Sql => name(x);
    const chk = columnChecks(src, this.columns, [n("p"), n("c"), n("k"), n("g")]);
    const valid = and(...this.columns.map((col, i) => not(invalidOf(col.kind, n(["p", "c", "k", "g"][i]))!)));
    const [p, cu, g] = (["p", "c", "g"] as const).map((x) => dot("r", name(x)));

    const base = eq(p, int(0));
    const current = and(eq(p, int(1)), isNotNull(dot("l", name("k"))));
    const widen = and(eq(p, int(1)), isNull(dot("l", name("k"))));
    const scopeItems: Item[] = [
      [n("n0"), countDistinct(when([[base, cu]]))],
      [n("o0"), countIf(base)],
      [n("v0"), sumIf(base, g)],
      [n("n1"), countDistinct(when([[current, cu]]))],
      [n("o1"), countIf(current)],
      [n("v1"), sumIf(current, g)],
      [n("w"), sumIf(widen, g)],
    ];
    const tableChecks: Check[] = [
      { column: "no_base", key: "growNoBase", where: { arg: PERIOD.name } },
      { column: "no_current", key: "growNoCurrent", where: { arg: PERIOD.name } },
      { column: "zero_gmv_base", key: "growZeroGmv", where: { arg: GMV.name }, params: { period: 0 } },
      { column: "zero_gmv_current", key: "growZeroGmv", where: { arg: GMV.name }, params: { period: 1 } },
    ];
    const [v0, v1, n0, n1, o0, o1] = ["v0", "v1", "n0", "n1", "o0", "o1"].map(n);
    const ok = and(gt(n0, int(0)), gt(n1, int(0)), gt(o0, int(0)), gt(o1, int(0)), gt(v0, int(0)), gt(v1, int(0)));
    const guarded = (x: Sql): Sql => when([[ok, x]]);
    const keep = (xs: readonly string[]): Item[] => xs.map((x): Item => [n(x), n(x)]);
    const carried = chk.checks.map((x): Item => [ident(x.column), dot("ch", ident(x.column))]);

    const logItems: Item[] = [
      ...keep(["v0", "v1", "o0", "o1", "w"]),
      [n("ok"), ok],
      [n("r"), guarded(div(v1, v0))],
      [n("x"), guarded(div(sub(v1, v0), v0))],
      [n("ln_n"), guarded(call("LN", div(dbl(n1), dbl(n0))))],
      [n("ln_f"), guarded(call("LN", div(div(dbl(o1), dbl(n1)), div(dbl(o0), dbl(n0)))))],
      [n("ln_p"), guarded(call("LN", div(div(v1, dbl(o1)), div(v0, dbl(o0)))))],
    ];
    const r = n("r");
    const lmean = when(
      [
        [isNull(r), n("r")],
        [eq(v0, v1), v0],
        [and(gt(r, num(0.5)), lt(r, num(2))), div(sub(v1, v0), log1p(n("x")))],
      ],
      div(sub(v1, v0), call("LN", r)),
    );
    const meanItems: Item[] = [...keep(["v0", "v1", "o0", "o1", "w", "ok", "ln_n", "ln_f", "ln_p"]), [n("lm"), lmean]];

    const [G, R, O, W] = GROW_INDICATORS.map((d) => d.name);
    const all: (readonly [string, Sql])[] = [
      [G, mul(n("lm"), n("ln_n"))],
      [R, mul(n("lm"), n("ln_f"))],
      [O, mul(n("lm"), n("ln_p"))],
      [W, n("w")],
    ];
    const pick = pickIndicator(GROW_INDICATORS, options.indicator);
    const chosen = pick === undefined ? all : [all[pick]];
    const tableItems: Item[] = [
      [ident("no_base"), flag01(eq(o0, int(0)))],
      [ident("no_current"), flag01(eq(o1, int(0)))],
      [ident("zero_gmv_base"), flag01(not(gt(v0, int(0))))],
      [ident("zero_gmv_current"), flag01(not(gt(v1, int(0))))],
    ];
    return {
      query: withCtes(
        [
          ...c.ctes,
          [rows, select([[n("p"), c.value[0]!], [n("c"), c.value[1]!], [n("k"), c.value[2]!], [n("g"), c.value[3]!]], fromCte(c.name), { where: not(c.blankRow) })],
          [checks, select(chk.items, fromCte(rows))],
          [good, select(["p", "c", "k", "g"].map((x): Item => [n(x), n(x)]), fromCte(rows), { where: valid })],
          [lfl, select([[n("k"), n("k")]], fromCte(good), { distinct: true, where: eq(n("p"), int(0)) })],
          [scope, select(scopeItems, leftJoin(fromCte(good, "r"), fromCte(lfl, "l"), eq(dot("l", name("k")), dot("r", name("k")))))],
          [logs, select(logItems, fromCte(scope))],
          [mean, select(meanItems, fromCte(logs))],
        ],
        select([...chosen.map(([label, x]): Item => [ident(label), x]), ...carried, ...tableItems], crossJoin(fromCte(mean), fromCte(checks, "ch"))),
      ),
      labels: [],
      result: chosen.map(([label]) => ({ name: label })),
      checks: [...chk.checks, ...tableChecks],
      shape: "row",
    };
  },
};
