/**
 * FAST: the health of a brand's consumer assets (SPEC section 2).
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
import { invalid, ratio, type Cell } from "../excel/errors";
import { flagColumn, num, numbers, sameLength, stageColumn, vec } from "../excel/coerce";
import type { Indicator } from "../excel/indicators";

/** The FAST indicators in output order. */
export const FAST_INDICATORS: Indicator[] = [
  { letter: "F", name: "Fertility", zh: "人群总量" },
  { letter: "A", name: "Advancing", zh: "加深率" },
  { letter: "S", name: "Superiority", zh: "超级用户数" },
  { letter: "T", name: "Thriving", zh: "超级用户活跃度" },
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
export function fast(c: FastCounts): Cell[] {
  return [
    total(c.aiplEnd),
    ratio(c.advanced, total(c.aiplStart), "Advancing"),
    c.members,
    ratio(c.activeMembers, c.members, "Thriving"),
  ];
}

/** Four rows' worth of a byte column as one 32-bit word each (the view needs a 4-aligned offset). */
function words(u: Uint8Array): Uint32Array {
  const b = u.byteOffset % 4 === 0 ? u : u.slice();
  return new Uint32Array(b.buffer, b.byteOffset, u.length >> 2);
}

/**
 * Count FAST's inputs from one row per consumer, in one pass over typed columns.
 *
 * `start`, `end`: stage codes (0 outside AIPL or blank, 1–4 = A–L); `member`, `active`: flags
 * 0/1. Advanced = rows with both stages in AIPL and end > start; active members = rows flagged
 * member and active (`active` is ignored for non-members). All four arrays have the same
 * length. Rows are taken four at a time: a block whose start, end and member bytes are all 0
 * (the blank tail of a whole-column reference) adds nothing and is skipped with one test.
 * Complexity O(n); no allocation besides two 5-slot histograms.
 */
export function fastRowCounts(start: Uint8Array, end: Uint8Array, member: Uint8Array, active: Uint8Array): FastCounts {
  const s = new Float64Array(5);
  const e = new Float64Array(5);
  let advanced = 0;
  let members = 0;
  let activeMembers = 0;
  const n = start.length;
  const ws = words(start);
  const we = words(end);
  const wm = words(member);
  for (let base = 0; base < n; base += 4) {
    const w = base >> 2;
    if (w < ws.length && (ws[w] | we[w] | wm[w]) === 0) continue;
    const stop = base + 4 < n ? base + 4 : n;
    for (let i = base; i < stop; i++) {
      const a = start[i];
      const b = end[i];
      s[a]++;
      e[b]++;
      // a !== 0 and b > a: a consumer who entered AIPL from outside has not "advanced".
      if (a !== 0 && b > a) advanced++;
      if (member[i] !== 0) {
        members++;
        activeMembers += active[i];
      }
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

// --- Excel entry points -------------------------------------------------------------------------

/**
 * `DTC.FAST(aipl_start, aipl_end, advanced, members, active_members)` → [F, A, S, T].
 * Every value is a count (≥ 0); `advanced` may not exceed the start count of A + I + P (L
 * cannot rise) and `active_members` may not exceed `members` (`#VALUE!` naming the argument).
 */
export function fastExcel(
  aiplStart: unknown,
  aiplEnd: unknown,
  advanced: unknown,
  members: unknown,
  activeMembers: unknown,
): Cell[] {
  const start = numbers(aiplStart, "aipl_start", 4, "count");
  const end = numbers(aiplEnd, "aipl_end", 4, "count");
  const adv = num(advanced, "advanced", "count");
  const mem = num(members, "members", "count");
  const act = num(activeMembers, "active_members", "count");
  const canRise = start[0] + start[1] + start[2];
  if (adv > canRise) invalid("exceedsAIP", { arg: "advanced" }, { value: adv, other: "aipl_start", limit: canRise });
  if (act > mem) invalid("exceedsArg", { arg: "active_members" }, { value: act, other: "members", limit: mem });
  return fast({ aiplStart: start, aiplEnd: end, advanced: adv, members: mem, activeMembers: act });
}

/**
 * `DTC.FAST.ROWS(stage_start, stage_end, is_member, is_active)` → [F, A, S, T] from one row
 * per consumer. The four columns must have the same length; all-blank rows count for nothing,
 * so whole-column references work.
 */
export function fastRowsExcel(stageStart: unknown, stageEnd: unknown, isMember: unknown, isActive: unknown): Cell[] {
  const cols = [
    vec(stageStart, "stage_start"),
    vec(stageEnd, "stage_end"),
    vec(isMember, "is_member"),
    vec(isActive, "is_active"),
  ];
  sameLength(cols);
  const counts = fastRowCounts(stageColumn(cols[0]), stageColumn(cols[1]), flagColumn(cols[2]), flagColumn(cols[3]));
  return fast(counts);
}
