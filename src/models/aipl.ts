/**
 * AIPL: the consumer-asset funnel (docs/functions.md, DTC.AIPL).
 *
 * Each consumer holds one stage at a time, the highest qualified for: A (aware: passive
 * contact), I (interest: active contact), P (purchased), L (loyal). Stages are coded
 * 1–4 (A–L) and 0 for outside AIPL or blank, by `stageColumn` in `src/excel/coerce.ts`.
 */
import { ratio, type ResultCell } from "../excel/errors";
import { headerRows, rowColumns, STAGE_BLANK, stageColumn, STAGE_LETTERS, validStage, vec } from "../excel/coerce";
import { bind, range, WITH_HEADERS, type Param } from "../excel/params";

/** Labels of the 5 states of AIPL.FLOW, in row/column order. */
export const FLOW_LABELS = ["A", "I", "P", "L", "none"] as const;

/**
 * Count consumers per stage.
 *
 * Definition: `counts[k]` = number of codes equal to k + 1 (A, I, P, L); outside-AIPL (0) is
 * not counted. Complexity O(n).
 *
 * @example aiplCounts(Uint8Array.of(1, 1, 3, 0, 4)) // → [2, 0, 1, 1]
 */
export function aiplCounts(codes: Uint8Array): [number, number, number, number] {
  const c = [0, 0, 0, 0, 0];
  const n = codes.length;
  // Four codes at a time: a zero word (four blank or outside-AIPL rows, e.g. the blank tail of
  // a whole-column reference) adds nothing to A–L and is skipped with one test.
  const words = codes.byteOffset % 4 === 0 ? new Uint32Array(codes.buffer, codes.byteOffset, n >> 2) : new Uint32Array(0);
  for (let k = 0; k < words.length; k++) {
    if (words[k] === 0) continue;
    const i = k << 2;
    c[codes[i]]++;
    c[codes[i + 1]]++;
    c[codes[i + 2]]++;
    c[codes[i + 3]]++;
  }
  for (let i = words.length << 2; i < n; i++) c[codes[i]]++;
  return [c[1], c[2], c[3], c[4]];
}

/** Row/column of AIPL.FLOW for a stage code: A–L → 0–3, outside AIPL (0) and blank → 4 ("none"). */
const FLOW_INDEX = [4, 0, 1, 2, 3, 4];

/**
 * Transition matrix between two snapshots of the same consumers.
 *
 * Definition: `m[r][c]` = consumers with start state r and end state c, states in the order
 * A, I, P, L, none. Codes are 0 (outside AIPL), 1–4 (A–L) or {@link STAGE_BLANK}; a blank cell
 * counts as none, but a row blank in both snapshots is no consumer and is skipped (so
 * whole-column references do not fill none→none with the empty rows below the data).
 * Identity: row r sums to the start count of state r. Complexity O(n).
 *
 * @example start A,A,P,- and end I,A,blank,L → m[A][I] = 1, m[A][A] = 1, m[P][none] = 1, m[none][L] = 1
 */
export function aiplFlow(start: Uint8Array, end: Uint8Array): number[][] {
  // Tally every (start code, end code) pair in one flat 6×6 table, then fold codes into states.
  const pairs = new Float64Array(36);
  for (let i = 0; i < start.length; i++) pairs[start[i] * 6 + end[i]]++;
  pairs[STAGE_BLANK * 6 + STAGE_BLANK] = 0;
  const m = Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]);
  for (let s = 0; s < 6; s++) for (let e = 0; e < 6; e++) m[FLOW_INDEX[s]][FLOW_INDEX[e]] += pairs[s * 6 + e];
  return m;
}

/**
 * Deepening rate (加深率) of A, I and P.
 *
 * Definition: for stage X, consumers who started in X and ended in a higher AIPL stage,
 * divided by consumers who started in X. L cannot deepen. A stage with no starters is
 * `#DIV/0!` in its cell.
 *
 * @example start A,A,I and end I,A,L → A: 1/2, I: 1/1, P: #DIV/0!
 */
export function aiplDeepen(start: Uint8Array, end: Uint8Array): ResultCell[] {
  const starters = [0, 0, 0, 0, 0];
  const deepened = [0, 0, 0, 0, 0];
  for (let i = 0; i < start.length; i++) {
    const s = start[i];
    starters[s]++;
    if (s !== 0 && end[i] > s) deepened[s]++;
  }
  return [1, 2, 3].map((s) => ratio(deepened[s], starters[s], `${STAGE_LETTERS[s - 1]}`));
}

// --- Excel entry points: raw arguments → typed columns → model → result matrix ------------------

/** Known header names of the stage columns (besides any text that is not a stage). */
export const STAGE_COLUMN_NAMES = {
  stages: ["stages", "stage", "阶段"],
  stage_start: ["stage_start", "start", "期初阶段"],
  stage_end: ["stage_end", "end", "期末阶段"],
} as const;

/**
 * `DTC.AIPL(stages, [with_headers])` → [[A, I, P, L]]. A first cell that is a header (text that
 * is not a stage, e.g. the sheet's header of a whole column `B:B`) is skipped.
 */
export const AIPL_PARAMS = [range("stages"), WITH_HEADERS] as const satisfies readonly Param[];

export function aiplExcel(...args: unknown[]): ResultCell[][] {
  const p = bind(AIPL_PARAMS, args);
  const headers = p.with_headers;
  const v = vec(p.stages, "stages");
  const first = headerRows([{ vec: v, valid: validStage, names: STAGE_COLUMN_NAMES.stages }]);
  const counts: ResultCell[] = aiplCounts(stageColumn(v, undefined, first));
  return headers ? [[...STAGE_LETTERS], counts] : [counts];
}

/** The two stage columns of FLOW and DEEPEN, checked to have the same length; a header row is skipped. */
function twoSnapshots(stageStart: unknown, stageEnd: unknown, blankCode?: number): [Uint8Array, Uint8Array] {
  const { cols: [a, b], first } = rowColumns({ stage_start: stageStart, stage_end: stageEnd }, [
    { name: "stage_start", valid: validStage, names: STAGE_COLUMN_NAMES.stage_start },
    { name: "stage_end", valid: validStage, names: STAGE_COLUMN_NAMES.stage_end },
  ]);
  return [stageColumn(a, blankCode, first), stageColumn(b, blankCode, first)];
}

/** Parameters of AIPL.FLOW and AIPL.DEEPEN. */
export const AIPL_PAIR_PARAMS = [
  range("stage_start"), range("stage_end"), WITH_HEADERS,
] as const satisfies readonly Param[];

/** `DTC.AIPL.FLOW(stage_start, stage_end, [with_headers])` → 5×5 (6×6 with labels). */
export function aiplFlowExcel(...args: unknown[]): ResultCell[][] {
  const p = bind(AIPL_PAIR_PARAMS, args);
  const headers = p.with_headers;
  const m: ResultCell[][] = aiplFlow(...twoSnapshots(p.stage_start, p.stage_end, STAGE_BLANK));
  if (!headers) return m;
  return [["", ...FLOW_LABELS], ...m.map((row, r) => [FLOW_LABELS[r], ...row])];
}

/** `DTC.AIPL.DEEPEN(stage_start, stage_end, [with_headers])` → [[A, I, P]]. */
export function aiplDeepenExcel(...args: unknown[]): ResultCell[][] {
  const p = bind(AIPL_PAIR_PARAMS, args);
  const headers = p.with_headers;
  const rates = aiplDeepen(...twoSnapshots(p.stage_start, p.stage_end));
  return headers ? [["A", "I", "P"], rates] : [rates];
}
