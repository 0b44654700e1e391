/**
 * AIPL, AIPL.FLOW and AIPL.DEEPEN as SQL (SPEC §1, §18; the engine: src/models/aipl.ts).
 *
 * - AIPL: one row [A, I, P, L], the count of each stage; then `invalid_stages`.
 * - AIPL.FLOW: five rows, start stage A, I, P, L, none, each [row, stage, A, I, P, L, none] (row
 *   1–5 orders them; stage is the label column `with_headers` adds); a row blank in both
 *   snapshots is no consumer;
 *   then `invalid_stage_start`, `invalid_stage_end` on every row.
 * - AIPL.DEEPEN: one row [A, I, P], NULL where a stage has no starters (`#DIV/0!`).
 */
import { STAGE_LETTERS } from "../excel/coerce";
import { AIPL_PAIR_PARAMS, AIPL_PARAMS, FLOW_LABELS } from "../models/aipl";
import {
  and, cells, columnChecks, countIf, crossJoin, cteName, divZero, dot, eq, FLOW_BLANK, fromCte, gt, ident, inList, int, leftJoin, name,
  not, ratio, select, str, unionAll, when, withCtes, asc, type ColumnSpec, type Item, type ModelSql, type Sql,
} from "./core";

const [STAGES] = AIPL_PARAMS;
const [START, END] = AIPL_PAIR_PARAMS;

/** `DTC.AIPL(stages)` → [A, I, P, L]. */
export const AIPL_SQL: ModelSql = {
  id: "AIPL",
  columns: [{ param: STAGES.name, kind: "stage" }],
  options: [],
  build(src) {
    const c = cells(src, this.columns);
    const v = c.value[0]!;
    const counts = STAGE_LETTERS.map((l, k): Item => [ident(l), countIf(eq(v, int(k + 1)))]);
    const chk = columnChecks(src, this.columns, c.value);
    return {
      query: withCtes(c.ctes, select([...counts, ...chk.items], fromCte(c.name))),
      labels: [],
      result: STAGE_LETTERS.map((l) => ({ name: l })),
      checks: chk.checks,
      shape: "row",
    };
  },
};

const FLOW_COLUMNS: readonly ColumnSpec[] = [
  { param: START.name, kind: "flowStage" },
  { param: END.name, kind: "flowStage" },
];

/** A flow state 1–5 (A, I, P, L, none) of a stage code: outside AIPL (0) and blank (5) are none. */
const state = (v: Sql): Sql => when([[inList(v, [int(0), int(FLOW_BLANK)]), int(5)]], v);

/** `DTC.AIPL.FLOW(stage_start, stage_end)` → 5 rows [row, stage, A, I, P, L, none]. */
export const AIPL_FLOW_SQL: ModelSql = {
  id: "AIPL.FLOW",
  columns: FLOW_COLUMNS,
  options: [],
  build(src) {
    const c = cells(src, this.columns);
    const [v1, v2] = c.value as [Sql, Sql];
    const states = cteName(src, "states");
    const moves = cteName(src, "moves");
    const matrix = cteName(src, "matrix");
    const checks = cteName(src, "checks");
    const chk = columnChecks(src, this.columns, c.value);
    const blankBoth = and(eq(v1, int(FLOW_BLANK)), eq(v2, int(FLOW_BLANK)));
    const stateRows = FLOW_LABELS.map((label, k) => select([[name("k"), int(k + 1)], [name("stage"), str(label)]]));
    const cols = FLOW_LABELS.map((label, k): Item => [name(`m${k + 1}`), countIf(eq(dot("f", name("e")), int(k + 1)))]);
    return {
      query: withCtes(
        [
          ...c.ctes,
          [states, unionAll(stateRows)],
          [moves, select([[name("s"), state(v1)], [name("e"), state(v2)]], fromCte(c.name), { where: not(blankBoth) })],
          [
            matrix,
            select([[name("k"), dot("st", name("k"))], [name("stage"), dot("st", name("stage"))], ...cols],
              leftJoin(fromCte(states, "st"), fromCte(moves, "f"), eq(dot("f", name("s")), dot("st", name("k")))),
              { groupBy: [dot("st", name("k")), dot("st", name("stage"))] }),
          ],
          [checks, select(chk.items, fromCte(c.name))],
        ],
        select(
          [
            [ident("row"), dot("m", name("k"))],
            [ident("stage"), dot("m", name("stage"))],
            ...FLOW_LABELS.map((label, k): Item => [ident(label), dot("m", name(`m${k + 1}`))]),
            ...chk.checks.map((k): Item => [ident(k.column), dot("ch", ident(k.column))]),
          ],
          crossJoin(fromCte(matrix, "m"), fromCte(checks, "ch")),
          // By a selected column (Hive before 3.0 orders only by those), with a LIMIT (MaxCompute wants one).
          { orderBy: [asc(ident("row"))], limit: FLOW_LABELS.length },
        ),
      ),
      labels: ["row", "stage"],
      result: FLOW_LABELS.map((l) => ({ name: l })),
      checks: chk.checks,
      shape: "rows",
    };
  },
};

const DEEPEN_LETTERS = ["A", "I", "P"] as const;

/** `DTC.AIPL.DEEPEN(stage_start, stage_end)` → [A, I, P]. */
export const AIPL_DEEPEN_SQL: ModelSql = {
  id: "AIPL.DEEPEN",
  columns: [
    { param: START.name, kind: "stage" },
    { param: END.name, kind: "stage" },
  ],
  options: [],
  build(src) {
    const c = cells(src, this.columns);
    const [v1, v2] = c.value as [Sql, Sql];
    const counts = cteName(src, "counts");
    const chk = columnChecks(src, this.columns, c.value);
    const tallies = DEEPEN_LETTERS.flatMap((_, k): Item[] => [
      [name(`n${k + 1}`), countIf(eq(v1, int(k + 1)))],
      [name(`up${k + 1}`), countIf(and(eq(v1, int(k + 1)), gt(v2, int(k + 1))))],
    ]);
    return {
      query: withCtes(
        [...c.ctes, [counts, select([...tallies, ...chk.items], fromCte(c.name))]],
        select(
          [
            ...DEEPEN_LETTERS.map((l, k): Item => [ident(l), ratio(name(`up${k + 1}`), name(`n${k + 1}`))]),
            ...chk.checks.map((k): Item => [ident(k.column), ident(k.column)]),
          ],
          fromCte(counts),
        ),
      ),
      labels: [],
      result: DEEPEN_LETTERS.map((l) => ({ name: l, nullAs: divZero(l) })),
      checks: chk.checks,
      shape: "row",
    };
  },
};
