/**
 * NEO: brand power among target consumers, scored against a set of benchmark brands
 * (对标品牌集) (docs/functions.md, DTC.NEO).
 *
 * Nine sub-indicators, three per dimension, in this fixed order:
 *
 * | # | dimension | sub-indicator |
 * |---|---|---|
 * | 1 | N Novelty 创新力 | pioneer-crowd concentration 先锋人群浓度 |
 * | 2 | N | pioneer-crowd penetration 先锋人群渗透 |
 * | 3 | N | selling-point association 卖点关联度 |
 * | 4 | E Engagement 沟通力 | close-fan concentration 亲密粉浓度 |
 * | 5 | E | active-member concentration 活跃会员浓度 |
 * | 6 | E | brand search heat 品牌搜索热度 |
 * | 7 | O sOlidity 价值力 | price index 价位段 |
 * | 8 | O | full-price ratio 正价率 |
 * | 9 | O | conversion rate 转化率 |
 *
 * Each sub-indicator of the brand is scored against the non-blank values of the peers in the
 * same column, and each dimension is the weighted mean of the sub-scores it could include.
 */
import { median } from "simple-statistics";
import { invalid, notAvailable, ratio, type ResultCell } from "../excel/errors";
import { at, cellNumber, grid, isBlank, MAX_ROWS, vec, whereAt } from "../excel/coerce";
import { blankRow } from "../excel/table";
import type { Indicator } from "../excel/indicators";
import type { MessageKey } from "../excel/messages";
import { bind, option, INDICATOR, optionalRange, range, WITH_HEADERS, type Param } from "../excel/params";

/** The NEO dimensions in output order. */
export const NEO_INDICATORS: Indicator[] = [
  { letter: "N", name: "Novelty", zh: "创新力" }, { letter: "E", name: "Engagement", zh: "沟通力" },
  { letter: "O", name: "Solidity", zh: "价值力" },
];

/** Number of sub-indicators (three per dimension). */
export const NEO_SUBS = 9;

/** How a sub-indicator of the brand is scored against its peers. */
export type NeoMethod = "index" | "percentile";

/** Accepted spellings of `method` (trimmed, case-insensitive), shared with INDEX and DIAGNOSE (src/diagnose/). */
export const NEO_METHOD_VALUES: Readonly<Record<string, NeoMethod>> = {
  index: "index",
  指数: "index",
  percentile: "percentile",
  百分位: "percentile",
};

/** The peers' median (simple-statistics: the middle value, or the mean of the two middle ones); `peers` is not changed. */
export function peerMedian(peers: readonly number[]): number {
  return median(peers as number[]);
}

/**
 * Score of one sub-indicator, or `undefined` when it is left out.
 *
 * - `index`: 100 × brand ÷ median(peers) (median of simple-statistics: the middle value, or the
 *   mean of the two middle values). Left out when the median is 0.
 * - `percentile`: 100 × (#peers below brand + 0.5 × #peers equal to brand) ÷ #peers.
 *
 * Left out in both methods when the brand value is blank (`undefined`) or no peer value is present.
 *
 * @example subScore(0.3, [0.2, 0.25, 0.4], "index") // → 100 × 0.3 ÷ 0.25 = 120
 * @example subScore(0.1, [0.1, 0.05, 0.2], "percentile") // → 100 × (1 + 0.5) ÷ 3 = 50
 */
export function subScore(brand: number | undefined, peers: readonly number[], method: NeoMethod): number | undefined {
  if (brand === undefined || peers.length === 0) return undefined;
  if (method === "index") {
    const m = peerMedian(peers);
    // 100 × (brand ÷ median): dividing first keeps a huge brand value from overflowing.
    return m === 0 ? undefined : 100 * (brand / m);
  }
  let below = 0;
  let equal = 0;
  for (const x of peers) {
    if (x < brand) below++;
    else if (x === brand) equal++;
  }
  return (100 * (below + 0.5 * equal)) / peers.length;
}

/**
 * The NEO row [N, E, O].
 *
 * Dimension d (sub-indicators 3d … 3d + 2) = Σ wₖ · scoreₖ ÷ Σ wₖ over its included
 * sub-indicators ({@link subScore}). A dimension with no included sub-indicator is `#N/A`; one
 * whose included sub-indicators all weigh 0 is `#DIV/0!` (its weights add up to 0).
 *
 * @param brand 9 values, `undefined` where the brand's value is not available.
 * @param peers per sub-indicator, the non-blank peer values.
 * @param weights 9 weights ≥ 0.
 */
export function neo(
  brand: readonly (number | undefined)[],
  peers: readonly (readonly number[])[],
  weights: readonly number[],
  method: NeoMethod,
): ResultCell[] {
  return NEO_INDICATORS.map((dim, d) => {
    const scores: (number | undefined)[] = [];
    for (let k = 3 * d; k < 3 * d + 3; k++) scores.push(subScore(brand[k], peers[k], method));
    return weightedScore(scores, weights.slice(3 * d, 3 * d + 3), dim.name, "naNoPeers");
  });
}

/**
 * The weighted mean Σ wₖ · scoreₖ ÷ Σ wₖ of the scores that are not `undefined` (a NEO
 * dimension, a track of DTC.INDEX). None included is `#N/A` (`naKey`), included weights adding
 * up to 0 is `#DIV/0!`; `what` names the cell in the message.
 */
export function weightedScore(
  scores: readonly (number | undefined)[],
  weights: readonly number[],
  what: string,
  naKey: MessageKey,
): ResultCell {
  let num = 0;
  let den = 0;
  let included = 0;
  // Weights are scaled by the group's largest (the mean does not change) so that weights
  // near 1e308 cannot overflow the sums.
  let top = 0;
  for (const w of weights) if (w > top) top = w;
  for (let k = 0; k < scores.length; k++) {
    const s = scores[k];
    if (s === undefined) continue;
    included++;
    const w = top > 0 ? weights[k] / top : 0;
    num += w * s;
    den += w;
  }
  return included === 0 ? notAvailable(what, naKey) : ratio(num, den, what);
}

// --- Excel entry point ----------------------------------------------------------------------------

/** The brand's 9 values: numbers, or `undefined` for blank cells. */
function brandValues(arg: unknown): (number | undefined)[] {
  const v = vec(arg, "brand");
  if (v.n !== NEO_SUBS) invalid("wrongCount", { arg: "brand" }, { expected: NEO_SUBS, actual: v.n });
  const out: (number | undefined)[] = [];
  for (let i = 0; i < NEO_SUBS; i++) {
    const x = at(v, i);
    out.push(isBlank(x) ? undefined : cellNumber(x, whereAt(v, i)));
  }
  return out;
}

/** The peers' non-blank values, one list per sub-indicator (column). */
function peerColumns(arg: unknown): number[][] {
  const g = grid(arg);
  const rows = g.length;
  const cols = rows ? g[0].length : 0;
  if (rows > MAX_ROWS) invalid("tooManyRows", { arg: "peers" }, { actual: rows, limit: MAX_ROWS });
  if (rows === 0 || cols === 0) invalid("emptyTable", { arg: "peers" });
  if (cols !== NEO_SUBS) invalid("wrongColumns", { arg: "peers" }, { expected: NEO_SUBS, actual: cols });
  const out: number[][] = Array.from({ length: NEO_SUBS }, () => []);
  for (let r = 0; r < rows; r++) {
    const line = g[r];
    // A row of blank or 0 cells is no peer (the empty tail of a whole-column reference).
    if (blankRow(line)) continue;
    for (let k = 0; k < NEO_SUBS; k++) {
      const x = line[k];
      if (typeof x === "number" && Number.isFinite(x)) out[k].push(x);
      else if (!isBlank(x)) out[k].push(cellNumber(x, { arg: "peers", row: r + 1, col: k + 1 }));
    }
  }
  return out;
}

/** The 9 weights (≥ 0); omitted or blank gives 1, for the whole argument or for one cell. */
function weightValues(arg: unknown): number[] {
  if (!Array.isArray(arg) && isBlank(arg)) return new Array<number>(NEO_SUBS).fill(1);
  const v = vec(arg, "weights");
  if (v.n === 1 && isBlank(at(v, 0))) return new Array<number>(NEO_SUBS).fill(1);
  if (v.n !== NEO_SUBS) invalid("wrongCount", { arg: "weights" }, { expected: NEO_SUBS, actual: v.n });
  const out: number[] = [];
  for (let i = 0; i < NEO_SUBS; i++) {
    const x = at(v, i);
    out.push(isBlank(x) ? 1 : cellNumber(x, whereAt(v, i), "nonNegative"));
  }
  return out;
}


/**
 * `DTC.NEO(brand, peers, [weights], [method])` → [N, E, O].
 * `brand`: 1×9 (or 9×1), blank = not available; `peers`: m×9, m ≥ 1, blanks allowed;
 * `weights`: 1×9, each ≥ 0, default 1; `method`: "index" (default) or "percentile".
 */
export const NEO_PARAMS = [
  range("brand"),
  range("peers"),
  optionalRange("weights"),
  option("method", NEO_METHOD_VALUES, "index"),
  INDICATOR,
  WITH_HEADERS,
] as const satisfies readonly Param[];

export function neoExcel(...args: unknown[]): ResultCell[] {
  const a = bind(NEO_PARAMS, args);
  const b = brandValues(a.brand);
  const p = peerColumns(a.peers);
  const w = weightValues(a.weights);
  return neo(b, p, w, a.method as NeoMethod);
}

