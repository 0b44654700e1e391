/* INDEX and DIAGNOSE custom functions: thin wrappers; the logic is in src/diagnose/. */
import { spill } from "./shape";
import { diagnoseExcel, indexExcel } from "../src/diagnose/diagnose";

/**
 * The DTC operating index: scores the brand's indicators against a benchmark set of brands and returns one row [FAST, SUPER, NEO, FASTPLUS, START, COMPOSITE]. Each track is the weighted mean of its scored indicators; COMPOSITE is the mean of the scored tracks.
 * @customfunction INDEX
 * @param brand A header row of indicator codes (FAST.A, SUPER.U, FASTPLUS.CLV, START.SEEDING, GROW.R or a Chinese name such as 加深率; any subset, any order) over one row of the brand's values. Blank = not available.
 * @param peers The benchmark brands, one row each, under the same header row of codes (any order) or, without one, in the columns of brand. Blanks allowed.
 * @param [method] "percentile" (default): 100 × share of peers below the brand (ties count half); "index": 100 × brand ÷ median of the peers.
 * @param [weights] A header row of codes over one row of weights (each ≥ 0), or one row in the columns of brand; missing = 1.
 * @param [with_headers] TRUE adds a header row of track names.
 * @returns One row of five track scores and the composite.
 */
export function index(brand: any[][], peers: any[][], method?: any, weights?: any[][], with_headers?: any): any[][] {
  return spill(() => indexExcel(brand, peers, method, weights, with_headers)) as any[][];
}

/**
 * Finds the brand's weakest indicators against a benchmark set and the operating scenarios that move them. Returns the top_n lowest-scoring indicators as rows [code, name, score, brand_value, peer_median, scenarios].
 * @customfunction DIAGNOSE
 * @param brand A header row of indicator codes (FAST.A, SUPER.U, FASTPLUS.CLV, START.SEEDING, GROW.R or a Chinese name such as 加深率; any subset, any order) over one row of the brand's values. Blank = not available.
 * @param peers The benchmark brands, one row each, under the same header row of codes (any order) or, without one, in the columns of brand. Blanks allowed.
 * @param [top_n] How many indicators to return, lowest score first (a whole number ≥ 1; default 3). Ties keep the order of the code table.
 * @param [method] "percentile" (default): 100 × share of peers below the brand (ties count half); "index": 100 × brand ÷ median of the peers.
 * @param [scenario_map] Your own scenario map [scenario, indicators] replacing the built-in one: codes separated by , 、 ; or ；, a track name alone for all its indicators.
 * @param [with_headers] TRUE adds a header row: code, name, score, brand_value, peer_median, scenarios.
 * @returns One row per weak indicator.
 */
export function diagnose(
  brand: any[][],
  peers: any[][],
  top_n?: any,
  method?: any,
  scenario_map?: any[][],
  with_headers?: any,
): any[][] {
  return spill(() => diagnoseExcel(brand, peers, top_n, method, scenario_map, with_headers)) as any[][];
}
