/**
 * Scoring of the DTC operating index (SPEC §16): each indicator against the benchmark set as NEO
 * scores a sub-indicator ({@link subScore}, src/models/neo.ts: one formula, one place), each track
 * as the weighted mean of its scored indicators, COMPOSITE as the mean of the scored tracks, and
 * the weakest indicators for DTC.DIAGNOSE.
 *
 * The inputs are clean numbers here, one slot per indicator of the code table (codes.ts):
 * reading Excel's ranges is inputs.ts's job, so the pane can score what it has read itself.
 */
import { notAvailable, type ResultCell } from "../excel/errors";
import { orderByKey } from "../excel/round";
import { peerMedian, subScore, weightedScore, type NeoMethod } from "../models/neo";
import { CODES, TRACK_IDS, type IndicatorCode, type TrackId } from "./codes";

/** A brand and its benchmark set, one slot per indicator of {@link CODES} (table order). */
export interface Benchmark {
  /** The brand's value, `undefined` when not given or blank. */
  readonly brand: readonly (number | undefined)[];
  /** The peers' non-blank values. */
  readonly peers: readonly (readonly number[])[];
  /** Weights ≥ 0 (1 when not given). */
  readonly weights: readonly number[];
}

/** An empty benchmark: nothing given, all weights 1. */
export function emptyBenchmark(): { brand: (number | undefined)[]; peers: number[][]; weights: number[] } {
  return {
    brand: new Array<number | undefined>(CODES.length).fill(undefined),
    peers: CODES.map(() => []),
    weights: new Array<number>(CODES.length).fill(1),
  };
}

/** One scored indicator. */
export interface IndicatorScore {
  readonly code: IndicatorCode;
  /** 0–100 (percentile) or 100 × brand ÷ median (index). */
  readonly score: number;
  readonly brand: number;
  /** Median of the non-blank peer values. */
  readonly median: number;
  /** Number of peer values the score is made of. */
  readonly peers: number;
}

/**
 * Score every indicator: a slot is scored when the brand has a value and at least one peer has
 * one (and, by index, the peers' median is not 0); otherwise it is `undefined`.
 */
export function scoreIndicators(b: Benchmark, method: NeoMethod): (IndicatorScore | undefined)[] {
  return CODES.map((code, k) => {
    const v = b.brand[k];
    const p = b.peers[k];
    const score = subScore(v, p, method);
    if (score === undefined || v === undefined) return undefined;
    return { code, score, brand: v, median: peerMedian(p), peers: p.length };
  });
}

/** The result columns of DTC.INDEX. */
export const INDEX_COLUMNS = [...TRACK_IDS, "COMPOSITE"] as const;

/** Score of one track: the weighted mean of its scored indicators; `#N/A` when none is scored. */
export function trackScore(track: TrackId, scores: readonly (IndicatorScore | undefined)[], weights: readonly number[]): ResultCell {
  const s: (number | undefined)[] = [];
  const w: number[] = [];
  CODES.forEach((c, k) => {
    if (c.track !== track) return;
    s.push(scores[k]?.score);
    w.push(weights[k]);
  });
  return weightedScore(s, w, track, "diagNoIndicator");
}

/**
 * The row of DTC.INDEX: [FAST, SUPER, NEO, FASTPLUS, START, COMPOSITE]. COMPOSITE is the plain
 * mean of the tracks that hold a number (a `#N/A` track, and a `#DIV/0!` one whose scored
 * indicators all weigh 0, are left out); `#N/A` when no track does.
 */
export function indexRow(scores: readonly (IndicatorScore | undefined)[], weights: readonly number[]): ResultCell[] {
  const tracks = TRACK_IDS.map((t) => trackScore(t, scores, weights));
  const nums = tracks.filter((x): x is number => typeof x === "number");
  // Σ x ÷ n as Σ (x ÷ n): no overflow for scores near the largest number.
  let composite: ResultCell = notAvailable("COMPOSITE", "diagNoTrack");
  if (nums.length > 0) composite = nums.reduce((a, x) => a + x / nums.length, 0);
  return [...tracks, composite];
}

/** The scored indicators from lowest score up, ties (relative 1e-12) in table order; at most `topN`. */
export function weakest(scores: readonly (IndicatorScore | undefined)[], topN: number): IndicatorScore[] {
  const idx: number[] = [];
  const key = new Float64Array(scores.length);
  scores.forEach((s, k) => {
    if (s === undefined) return;
    idx.push(k);
    key[k] = s.score;
  });
  return orderByKey(idx, key)
    .slice(0, topN)
    .map((k) => scores[k] as IndicatorScore);
}
