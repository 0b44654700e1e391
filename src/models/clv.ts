/**
 * CLV: the value of a customer as a discounted sum of future margins (docs/functions.md, DTC.CLV).
 */
import { fail, invalid, type ResultCell } from "../excel/errors";
import { bind, type Param } from "../excel/params";

/**
 * Customer lifetime value.
 *
 * Definition: with q = retention ÷ (1 + discount_rate), the value over n periods is
 * Σ_{t=1..n} margin × q^t = margin × q × (1 − qⁿ) ÷ (1 − q) (margin × n when q = 1);
 * without n the infinite sum is margin × retention ÷ (1 + discount_rate − retention), which
 * exists only when retention < 1 + discount_rate (`#NUM!` otherwise).
 * The closed forms are evaluated with `expm1`/`log1p` and 1 − q = ((1 − r) + d) ÷ (1 + d), which
 * keeps full precision when q is close to 1. Complexity O(1) for any n.
 *
 * @example clv(100, 0.8, 0.1) // → 100 × 0.8 ÷ 0.3 = 266.67
 * @example clv(100, 0.5, 0, 2) // → 100 × (0.5 + 0.25) = 75
 */
export function clv(margin: number, retention: number, discountRate: number, periods?: number): number {
  const d = discountRate;
  const r = retention;
  // (1 − q) × (1 + d), written so that it is exact-ish when r is near 1 (1 − r is exact there).
  const gap = 1 - r + d;
  if (periods === undefined) {
    if (!(gap > 0)) fail("#NUM!", "diverges", undefined, { retention: r, limit: 1 + d });
    return (margin * r) / gap;
  }
  if (r === 0) return 0;
  if (gap === 0) return margin * periods; // q = 1: every period is worth the full margin
  // 1 − qⁿ = −expm1(n · ln q), ln q = ln r − ln(1 + d)
  const oneMinusQn = -Math.expm1(periods * (Math.log(r) - Math.log1p(d)));
  // Divide first: (1 − qⁿ) ÷ gap ≤ n is well-conditioned, whereas margin × r × (1 − qⁿ) can
  // underflow to 0 when the discount rate is subnormal (found by a property test).
  return margin * r * (oneMinusQn / gap);
}

/**
 * `DTC.CLV(margin, retention, discount_rate, [periods])`: margin any number (a loss-making
 * customer has a negative margin), retention a rate in [0, 1], discount_rate ≥ 0, periods a
 * whole number ≥ 1 or omitted for the infinite sum.
 */
export const CLV_PARAMS = [
  { name: "margin", type: "number" },
  { name: "retention", type: "number", domain: "rate" },
  { name: "discount_rate", type: "number" },
  { name: "periods", type: "whole", min: 1, optional: true },
] as const satisfies readonly Param[];

export function clvExcel(...args: unknown[]): ResultCell {
  const p = bind(CLV_PARAMS, args);
  const d = p.discount_rate;
  // (Its own message "must be ≥ 0": a rate, not an amount.)
  if (d < 0) invalid("outOfRange", { arg: "discount_rate" }, { value: d, range: "≥ 0" });
  return clv(p.margin, p.retention, d, p.periods);
}
