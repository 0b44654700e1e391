/* NEO custom function: thin wrapper; the logic is in src/models/neo.ts. */
import { modelRow } from "./shape";
import { NEO_INDICATORS, neoExcel } from "../src/models/neo";

/**
 * Brand power against a set of benchmark brands. Scores nine sub-indicators against the peers and returns one row [N, E, O]: Novelty, Engagement, Solidity, each the weighted mean of its three sub-scores (100 = on a par with the peers).
 * @customfunction NEO
 * @param brand The brand's 9 sub-indicator values (1×9): pioneer-crowd concentration, pioneer-crowd penetration, selling-point association, close-fan concentration, active-member concentration, brand search heat, price index, full-price ratio, conversion rate. Blank = not available.
 * @param peers The same 9 values for each benchmark brand, one row per brand (m×9); blanks allowed.
 * @param [weights] Weight of each sub-indicator (1×9, each ≥ 0); default 1.
 * @param [method] "index" (default): 100 × brand ÷ median of the peers; "percentile": 100 × share of peers below the brand (ties count half).
 * @param [indicator] Return one indicator only: N, E, O or its name (Novelty, Engagement, Solidity).
 * @param [with_headers] TRUE adds a header row of indicator names.
 * @returns One row of three dimension scores.
 */
export function neo(
  brand: any[][],
  peers: any[][],
  weights?: any[][],
  method?: any,
  indicator?: any,
  with_headers?: any,
): any[][] {
  return modelRow(NEO_INDICATORS, indicator, with_headers, () => neoExcel(brand, peers, weights, method)) as any[][];
}
