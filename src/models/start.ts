/**
 * START (ART): content marketing (docs/functions.md, DTC.START).
 *
 * REACH is the number of consumers effectively reached (有效触达人数); the other four
 * indicators are shares of it. Letters: S (SEEDING), A (trAffic), R (REACH); TRANSACTION and
 * INTERACTION would both be T, so they have no letter and are picked by name.
 *
 * | name | zh | definition |
 * |---|---|---|
 * | SEEDING | 种草 | seeded ÷ reached |
 * | TRANSACTION | 带货 | transacted ÷ reached |
 * | TRAFFIC | 引流到私域 | traffic ÷ reached |
 * | REACH | 有效触达人数 | reached |
 * | INTERACTION | 深度互动 | interacted ÷ reached |
 */
import { invalid, ratio, type ResultCell } from "../excel/errors";
import { bind, INDICATOR, number, WITH_HEADERS, type Param } from "../excel/params";
import type { Indicator } from "../excel/indicators";

/** The START indicators in output order. */
export const START_INDICATORS: Indicator[] = [
  { letter: "S", name: "SEEDING", zh: "种草" }, { name: "TRANSACTION", zh: "带货", sharedLetter: "T" },
  { letter: "A", name: "TRAFFIC", zh: "引流到私域" }, { letter: "R", name: "REACH", zh: "有效触达人数" },
  { name: "INTERACTION", zh: "深度互动", sharedLetter: "T" },
];

/** Validated counts of START; each of the last four is a subset of `reached`. */
export interface StartInputs {
  reached: number;
  interacted: number;
  seeded: number;
  traffic: number;
  transacted: number;
}

/**
 * The START row [SEEDING, TRANSACTION, TRAFFIC, REACH, INTERACTION]: REACH = reached, the
 * others are count ÷ reached (`#DIV/0!` cells when reached = 0).
 *
 * @example start({ reached: 10000, interacted: 1500, seeded: 800, traffic: 300, transacted: 200 })
 *   // → [0.08, 0.02, 0.03, 10000, 0.15]
 */
export function start(x: StartInputs): ResultCell[] {
  return [
    ratio(x.seeded, x.reached, "SEEDING"),
    ratio(x.transacted, x.reached, "TRANSACTION"),
    ratio(x.traffic, x.reached, "TRAFFIC"),
    x.reached,
    ratio(x.interacted, x.reached, "INTERACTION"),
  ];
}

/**
 * `DTC.START(reached, interacted, seeded, traffic, transacted)`: all counts ≥ 0, and each of
 * `interacted`, `seeded`, `traffic`, `transacted` at most `reached` (`#VALUE!` naming it).
 */
export const START_PARAMS = [
  number("reached", "count"), number("interacted", "count"), number("seeded", "count"),
  number("traffic", "count"), number("transacted", "count"), INDICATOR, WITH_HEADERS,
] as const satisfies readonly Param[];

export function startExcel(...args: unknown[]): ResultCell[] {
  const x: StartInputs = bind(START_PARAMS, args);
  for (const arg of ["interacted", "seeded", "traffic", "transacted"] as const) {
    if (x[arg] > x.reached) invalid("exceedsArg", { arg }, { value: x[arg], other: "reached", limit: x.reached });
  }
  return start(x);
}
