/**
 * FAST+ (AT+): membership and private-domain relationships (docs/functions.md, DTC.FASTPLUS).
 *
 * Holders are consumers with a lasting relationship to the brand (member, fan, subscriber),
 * counted once each. The four indicators all start with C, so they are picked by name only.
 *
 * | name | zh | definition |
 * |---|---|---|
 * | CAPITAL | 可持续运营关系数 | holders at the end of the period |
 * | CONVERSION | 角色关系加深效率 | holders whose relationship deepened ÷ holders at the start |
 * | CONNECTION | 场域引力 | holders who engaged with an owned touchpoint ÷ holders at the end |
 * | CLV | 角色关系价值 | GMV of holders in the period ÷ holders at the end |
 */
import { invalid, ratio, type ResultCell } from "../excel/errors";
import { bind, INDICATOR, number, WITH_HEADERS, type Param } from "../excel/params";
import type { Indicator } from "../excel/indicators";

/** The FAST+ indicators in output order. */
export const FASTPLUS_INDICATORS: Indicator[] = [
  { name: "CAPITAL", zh: "可持续运营关系数" }, { name: "CONVERSION", zh: "角色关系加深效率" },
  { name: "CONNECTION", zh: "场域引力" }, { name: "CLV", zh: "角色关系价值" },
];

/** Validated inputs of FAST+. */
export interface FastPlusInputs {
  holders_start: number;
  holders_end: number;
  /** Start holders whose relationship deepened (e.g. fan → member, member → higher tier). */
  deepened: number;
  /** End holders who engaged with an owned touchpoint (store, group, live room …). */
  engaged: number;
  /** GMV bought by holders in the period. */
  holder_gmv: number;
}

/**
 * The FAST+ row [CAPITAL, CONVERSION, CONNECTION, CLV].
 *
 * CAPITAL = holders_end; CONVERSION = deepened ÷ holders_start; CONNECTION = engaged ÷
 * holders_end; CLV = holder_gmv ÷ holders_end. A zero denominator is a `#DIV/0!` cell.
 *
 * @example fastPlus({ holders_start: 2000, holders_end: 2500, deepened: 300, engaged: 1000,
 *   holder_gmv: 750000 }) // → [2500, 0.15, 0.4, 300]
 */
export function fastPlus(x: FastPlusInputs): ResultCell[] {
  return [
    x.holders_end,
    ratio(x.deepened, x.holders_start, "CONVERSION"),
    ratio(x.engaged, x.holders_end, "CONNECTION"),
    ratio(x.holder_gmv, x.holders_end, "CLV"),
  ];
}

/**
 * `DTC.FASTPLUS(holders_start, holders_end, deepened, engaged, holder_gmv)`.
 * All five are ≥ 0. Impossible relations are `#VALUE!` naming the argument: `deepened` may not
 * exceed `holders_start` (only start holders can deepen), `engaged` may not exceed
 * `holders_end` (it is a subset of them).
 */
export const FASTPLUS_PARAMS = [
  number("holders_start", "count"), number("holders_end", "count"), number("deepened", "count"),
  number("engaged", "count"), number("holder_gmv", "count"), INDICATOR, WITH_HEADERS,
] as const satisfies readonly Param[];

export function fastPlusExcel(...args: unknown[]): ResultCell[] {
  const x: FastPlusInputs = bind(FASTPLUS_PARAMS, args);
  if (x.deepened > x.holders_start) {
    invalid("exceedsArg", { arg: "deepened" }, { value: x.deepened, other: "holders_start", limit: x.holders_start });
  }
  if (x.engaged > x.holders_end) {
    invalid("exceedsArg", { arg: "engaged" }, { value: x.engaged, other: "holders_end", limit: x.holders_end });
  }
  return fastPlus(x);
}
