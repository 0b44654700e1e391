/**
 * DTC.INDEX and DTC.DIAGNOSE: the DTC operating index of a brand against its benchmark set, and
 * its weakest indicators with the scenarios that move them (SPEC §16, docs/functions.md).
 *
 * - `DTC.INDEX(brand, peers, [method], [weights], [with_headers])` →
 *   [FAST, SUPER, NEO, FASTPLUS, START, COMPOSITE].
 * - `DTC.DIAGNOSE(brand, peers, [top_n], [method], [scenario_map], [with_headers])` → `top_n`
 *   rows [code, name, score, brand_value, peer_median, scenarios], lowest score first.
 *
 * `method` is `"percentile"` by default here (the indicators have different scales), `"index"`
 * as NEO's default. The pieces (code table, scenario map, scoring, readers) are exported from
 * their modules for the task pane's Diagnose view and the scorecard sheet.
 */
import { fail, type ResultCell } from "../excel/errors";
import { isVoid } from "../excel/coerce";
import { getLanguage } from "../excel/messages";
import { bind, option, optionalRange, range, WITH_HEADERS, type Param } from "../excel/params";
import { NEO_METHOD_VALUES, type NeoMethod } from "../models/neo";
import { codeName } from "./codes";
import { readBenchmark } from "./inputs";
import { readScenarioMap, SCENARIO_MAP, scenarioText } from "./scenarios";
import { INDEX_COLUMNS, indexRow, scoreIndicators, weakest } from "./score";

/** `method` of INDEX and DIAGNOSE: NEO's words, percentile by default. */
const METHOD = option("method", NEO_METHOD_VALUES, "percentile");

export const INDEX_PARAMS = [
  range("brand"), range("peers"), METHOD, optionalRange("weights"), WITH_HEADERS,
] as const satisfies readonly Param[];

export const DIAGNOSE_PARAMS = [
  range("brand"), range("peers"), { name: "top_n", type: "whole", min: 1, optional: true }, METHOD,
  optionalRange("scenario_map"), WITH_HEADERS,
] as const satisfies readonly Param[];

/** Rows DIAGNOSE returns when `top_n` is omitted. */
export const DEFAULT_TOP_N = 3;

/** The column names of DIAGNOSE's `with_headers`. */
export const DIAGNOSE_COLUMNS = ["code", "name", "score", "brand_value", "peer_median", "scenarios"] as const;

export function indexExcel(...args: unknown[]): ResultCell[][] {
  const a = bind(INDEX_PARAMS, args);
  const b = readBenchmark(a.brand, a.peers, a.weights);
  const row = indexRow(scoreIndicators(b, a.method as NeoMethod), b.weights);
  return a.with_headers ? [[...INDEX_COLUMNS], row] : [row];
}

export function diagnoseExcel(...args: unknown[]): ResultCell[][] {
  const a = bind(DIAGNOSE_PARAMS, args);
  const b = readBenchmark(a.brand, a.peers);
  const map = isOmitted(a.scenario_map) ? SCENARIO_MAP : readScenarioMap(a.scenario_map);
  const low = weakest(scoreIndicators(b, a.method as NeoMethod), a.top_n ?? DEFAULT_TOP_N);
  if (low.length === 0) fail("#N/A", "diagNothingScored", undefined);
  const lang = getLanguage();
  const rows: ResultCell[][] = low.map((s) => [s.code.code, codeName(s.code, lang), s.score, s.brand, s.median, scenarioText(s.code, map, lang)]);
  if (a.with_headers) rows.unshift([...DIAGNOSE_COLUMNS]);
  return rows;
}

/** An omitted optional range: nothing, a blank cell, or a 1×1 range holding a blank (or 0). */
function isOmitted(arg: unknown): boolean {
  if (!Array.isArray(arg)) return isVoid(arg);
  return arg.length === 1 && Array.isArray(arg[0]) && arg[0].length === 1 && isOmitted(arg[0][0]);
}
