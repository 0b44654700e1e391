/**
 * FAST.ROWS as SQL (SPEC §2, §18; the engine: src/models/fast.ts).
 *
 * One row [Fertility, Advancing, Superiority, Thriving] (or the one `indicator` option), then
 * `invalid_stage_start`, `invalid_stage_end`, `invalid_is_member`, `invalid_is_active`.
 * F = rows whose end stage is in AIPL; A = rows with both stages in AIPL and the end higher,
 * ÷ rows whose start is in AIPL; S = members; T = members flagged active ÷ S. NULL is `#DIV/0!`.
 */
import { pickIndicator } from "../excel/indicators";
import { FAST_INDICATORS, FAST_ROWS_PARAMS } from "../models/fast";
import { INDICATOR } from "../excel/params";
import {
  columnsOf, and, cells, columnChecks, countIf, cteName, divZero, eq, fromCte, ge, gt, ident, int, name, ratio, select, withCtes,
  type Item, type ModelSql, type ResultColumn, type Sql,
} from "./core";


/** `DTC.FAST.ROWS(stage_start, stage_end, is_member, is_active)`; option `indicator`. */
export const FAST_ROWS_SQL: ModelSql = {
  id: "FAST.ROWS",
  columns: columnsOf(FAST_ROWS_PARAMS, ["stage", "stage", "flag", "flag"]),
  options: [INDICATOR],
  build(src, options) {
    const c = cells(src, this.columns);
    const [s, e, m, a] = c.value as [Sql, Sql, Sql, Sql];
    const counts = cteName(src, "counts");
    const chk = columnChecks(src, this.columns, c.value);
    const inAipl = (v: Sql): Sql => ge(v, int(1));
    const tallies: Item[] = [
      [name("end_aipl"), countIf(inAipl(e))],
      [name("start_aipl"), countIf(inAipl(s))],
      [name("advanced"), countIf(and(inAipl(s), gt(e, s)))],
      [name("members"), countIf(eq(m, int(1)))],
      [name("active"), countIf(and(eq(m, int(1)), eq(a, int(1))))],
    ];
    const [F, A, S, T] = FAST_INDICATORS.map((d) => d.name);
    const all: (readonly [ResultColumn, Sql])[] = [
      [{ name: F }, name("end_aipl")],
      [{ name: A, nullAs: divZero(A) }, ratio(name("advanced"), name("start_aipl"))],
      [{ name: S }, name("members")],
      [{ name: T, nullAs: divZero(T) }, ratio(name("active"), name("members"))],
    ];
    const pick = pickIndicator(FAST_INDICATORS, options.indicator);
    const chosen = pick === undefined ? all : [all[pick]];
    return {
      query: withCtes(
        [...c.ctes, [counts, select([...tallies, ...chk.items], fromCte(c.name))]],
        select(
          [...chosen.map(([col, x]): Item => [ident(col.name), x]), ...chk.checks.map((k): Item => [ident(k.column), ident(k.column)])],
          fromCte(counts),
        ),
      ),
      labels: [],
      result: chosen.map(([col]) => col),
      checks: chk.checks,
      shape: "row",
    };
  },
};
