/**
 * FAST: the health of a brand's consumer assets (docs/functions.md, DTC.FAST).
 *
 * | letter | name | definition |
 * |---|---|---|
 * | F | Fertility 人群总量 | AIPL total at the end of the period |
 * | A | Advancing 加深率 | consumers whose AIPL stage rose ÷ AIPL total at the start |
 * | S | Superiority 超级用户数 | members (the "super user" set, deduplicated) |
 * | T | Thriving 超级用户活跃度 | active members ÷ members |
 *
 * Two entry points feed the same formula ({@link fast}): `DTC.FAST` takes the counts as a
 * platform exports them, `DTC.FAST.ROWS` counts them from one row per consumer.
 */
import { invalid, ratio, type ResultCell } from "../excel/errors";
import {
  asColumn, flagCode, flagColumn, rowColumns, isEmpty, stageCode, stageColumn, validFlag, validStage, type Vec,
} from "../excel/coerce";
import { STAGE_COLUMN_NAMES } from "./aipl";
import { bind, INDICATOR, number, range, WITH_HEADERS, type Param } from "../excel/params";
import type { Indicator } from "../excel/indicators";

/** The FAST indicators in output order. */
export const FAST_INDICATORS: Indicator[] = [
  { letter: "F", name: "Fertility", zh: "人群总量" }, { letter: "A", name: "Advancing", zh: "加深率" },
  { letter: "S", name: "Superiority", zh: "超级用户数" }, { letter: "T", name: "Thriving", zh: "超级用户活跃度" },
];

/** The counts FAST is computed from. Stage counts are 4 numbers in the order A, I, P, L. */
export interface FastCounts {
  aiplStart: readonly number[];
  aiplEnd: readonly number[];
  /** Consumers whose AIPL stage rose during the period. */
  advanced: number;
  /** Members (the super-user set). */
  members: number;
  /** Members who were active in the period. */
  activeMembers: number;
}

const total = (c: readonly number[]): number => c[0] + c[1] + c[2] + c[3];

/**
 * The FAST row [F, A, S, T] from validated counts.
 *
 * F = ΣaiplEnd; A = advanced ÷ ΣaiplStart; S = members; T = activeMembers ÷ members.
 * A ratio with a zero denominator is a `#DIV/0!` cell; the other cells keep their numbers.
 *
 * @example fast({ aiplStart: [500, 300, 150, 50], aiplEnd: [450, 350, 160, 90],
 *   advanced: 120, members: 80, activeMembers: 20 }) // → [1050, 0.12, 80, 0.25]
 */
export function fast(c: FastCounts): ResultCell[] {
  return [
    total(c.aiplEnd),
    ratio(c.advanced, total(c.aiplStart), "Advancing"),
    c.members,
    ratio(c.activeMembers, c.members, "Thriving"),
  ];
}

/**
 * Count FAST's inputs from one row per consumer, in one pass over the raw Excel columns.
 *
 * Stages code as 0 (outside AIPL or blank) and 1–4 (A–L), flags as 0/1, with the rules of
 * `stageColumn`/`flagColumn` (src/excel/coerce.ts). Advanced = rows with both stages in AIPL
 * and end > start; active members = rows flagged member and active (`active` is ignored for
 * non-members). All four vectors have the same length.
 *
 * Hot path (whole columns of 1,048,576 rows, `npm run bench`): the four cells of a row are
 * coded and counted in the same iteration, with no intermediate typed columns; blank cells
 * take the first test. A cell that is not a valid stage or flag ends the pass: the columns
 * are then coded one after the other, so the error names the same argument and row as
 * column-by-column coding would. Complexity O(n); no allocation besides two 5-slot histograms
 * (and a column copy of a row vector).
 */
export function fastRowCounts(start: Vec, end: Vec, member: Vec, active: Vec, first = 0): FastCounts {
  const n = start.n;
  const ds = asColumn(start);
  const de = asColumn(end);
  const dm = asColumn(member);
  const da = asColumn(active);
  const s = [0, 0, 0, 0, 0];
  const e = [0, 0, 0, 0, 0];
  let advanced = 0;
  let members = 0;
  let activeMembers = 0;
  for (let i = first; i < n; i++) {
    const x = ds[i][0];
    const y = de[i][0];
    const m = dm[i][0];
    const t = da[i][0];
    // A row of four blank cells (the tail of a whole-column reference) counts nothing.
    if (x === "" && y === "" && m === "" && t === "") continue;
    const a = isEmpty(x) ? 0 : stageCode(x);
    const b = isEmpty(y) ? 0 : stageCode(y);
    const f = m === true ? 1 : isEmpty(m) || m === false ? 0 : flagCode(m);
    const g = t === true ? 1 : isEmpty(t) || t === false ? 0 : flagCode(t);
    if ((a | b | f | g) < 0) failColumns(start, end, member, active, first);
    s[a]++;
    e[b]++;
    // a !== 0 and b > a: a consumer who entered AIPL from outside has not "advanced".
    if (a !== 0 && b > a) advanced++;
    if (f !== 0) {
      members++;
      activeMembers += g;
    }
  }
  return {
    aiplStart: [s[1], s[2], s[3], s[4]],
    aiplEnd: [e[1], e[2], e[3], e[4]],
    advanced,
    members,
    activeMembers,
  };
}

/** An invalid cell was met: code the columns in argument order, which throws its `#VALUE!`. */
function failColumns(start: Vec, end: Vec, member: Vec, active: Vec, first: number): never {
  stageColumn(start, undefined, first);
  stageColumn(end, undefined, first);
  flagColumn(member, first);
  flagColumn(active, first);
  throw new Error("FAST.ROWS: an invalid cell was not found again");
}

// --- Excel entry points -------------------------------------------------------------------------

/**
 * `DTC.FAST(aipl_start, aipl_end, advanced, members, active_members)` → [F, A, S, T].
 * Every value is a count (≥ 0); `advanced` may not exceed the start count of A + I + P (L
 * cannot rise) and `active_members` may not exceed `members` (`#VALUE!` naming the argument).
 */
export const FAST_PARAMS = [
  { name: "aipl_start", type: "numbers", count: 4, domain: "count" },
  { name: "aipl_end", type: "numbers", count: 4, domain: "count" }, number("advanced", "count"),
  number("members", "count"), number("active_members", "count"), INDICATOR, WITH_HEADERS,
] as const satisfies readonly Param[];

export function fastExcel(...args: unknown[]): ResultCell[] {
  const { aipl_start: start, aipl_end: end, advanced, members, active_members: active } = bind(FAST_PARAMS, args);
  const canRise = start[0] + start[1] + start[2];
  if (advanced > canRise) invalid("exceedsAIP", { arg: "advanced" }, { value: advanced, other: "aipl_start", limit: canRise });
  if (active > members) invalid("exceedsArg", { arg: "active_members" }, { value: active, other: "members", limit: members });
  return fast({ aiplStart: start, aiplEnd: end, advanced, members, activeMembers: active });
}

/**
 * `DTC.FAST.ROWS(stage_start, stage_end, is_member, is_active)` → [F, A, S, T] from one row
 * per consumer. The four columns must have the same length; all-blank rows count for nothing,
 * so whole-column references work, and a header row (the sheet's, brought along by `B:B`) is
 * skipped.
 */
export const FAST_ROWS_PARAMS = [
  range("stage_start"), range("stage_end"), range("is_member"), range("is_active"), INDICATOR,
  WITH_HEADERS,
] as const satisfies readonly Param[];

export function fastRowsExcel(...args: unknown[]): ResultCell[] {
  const p = bind(FAST_ROWS_PARAMS, args);
  const { cols, first } = rowColumns(p, [
    { name: "stage_start", valid: validStage, names: STAGE_COLUMN_NAMES.stage_start },
    { name: "stage_end", valid: validStage, names: STAGE_COLUMN_NAMES.stage_end },
    { name: "is_member", valid: validFlag, names: FLAG_COLUMN_NAMES.is_member },
    { name: "is_active", valid: validFlag, names: FLAG_COLUMN_NAMES.is_active },
  ]);
  return fast(fastRowCounts(cols[0], cols[1], cols[2], cols[3], first));
}

/** Known header names of the flag columns of FAST.ROWS. */
export const FLAG_COLUMN_NAMES = {
  is_member: ["is_member", "member", "会员"],
  is_active: ["is_active", "active", "活跃"],
} as const;
