/* NEO (SPEC section 4) on the engine: hand-computed scores, exclusions, #N/A and #DIV/0!, errors, properties. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { neoExcel, NEO_INDICATORS, subScore } from "../../src/models/neo";
import { CellError, type ResultCell } from "../../src/excel/errors";
import { formatMessage } from "../../src/excel/messages";
import { pickIndicator } from "../../src/excel/indicators";
import { failure } from "../harness/failure";

const kindOf = (c: ResultCell): string | undefined => (c instanceof CellError ? c.kind : undefined);

/*
 * Hand example. Sub-indicators 1–9; brand value 3 is blank.
 *            1     2     3    4     5     6     7    8    9
 * brand     0.30  0.05  -    0.20  0.10  800   1.2  0.7  0.04
 * peer 1    0.20  0.04  0.5  0.10  0.10  1000  1.0  0.8  0.03
 * peer 2    0.25  -     0.6  0.30  0.05  600   1.1  0.6  0.05
 * peer 3    0.40  0.06  0.7  -     0.20  400   0.9  0.9  0.02
 *
 * index (100 × brand ÷ median of the non-blank peers):
 *   1: 0.30 / 0.25 → 120; 2: 0.05 / 0.05 → 100; 3 left out (brand blank) → N = (120 + 100) / 2 = 110
 *   4: 0.20 / median(0.10, 0.30) = 0.20 → 100; 5: 0.10 / 0.10 → 100; 6: 800 / 600 → 133.33…
 *      → E = 333.33… / 3 = 111.11…
 *   7: 1.2 / 1.0 → 120; 8: 0.7 / 0.8 → 87.5; 9: 0.04 / 0.03 → 133.33… → O = 340.83… / 3 = 113.61…
 * percentile (100 × (#below + 0.5 #equal) ÷ #peers):
 *   1: 2 below of 3 → 66.67; 2: 1 of 2 → 50 → N = 58.33…
 *   4: 1 of 2 → 50; 5: 1 below + 1 equal of 3 → 50; 6: 2 of 3 → 66.67 → E = 55.56…
 *   7: 3 of 3 → 100; 8: 1 of 3 → 33.33; 9: 2 of 3 → 66.67 → O = 66.67
 */
const BRAND = [[0.3, 0.05, "", 0.2, 0.1, 800, 1.2, 0.7, 0.04]];
const PEERS = [
  [0.2, 0.04, 0.5, 0.1, 0.1, 1000, 1.0, 0.8, 0.03],
  [0.25, null, 0.6, 0.3, 0.05, 600, 1.1, 0.6, 0.05],
  [0.4, 0.06, 0.7, "", 0.2, 400, 0.9, 0.9, 0.02],
];

describe("NEO", () => {
  it("scores by index by default (hand example above)", () => {
    const [n, e, o] = neoExcel(BRAND, PEERS, null, null) as number[];
    expect(n).toBeCloseTo(110, 10);
    expect(e).toBeCloseTo(1000 / 9, 10);
    expect(o).toBeCloseTo((120 + 87.5 + 400 / 3) / 3, 10);
  });
  it("scores by percentile", () => {
    const [n, e, o] = neoExcel(BRAND, PEERS, null, " Percentile ") as number[];
    expect(n).toBeCloseTo((200 / 3 + 50) / 2, 10);
    expect(e).toBeCloseTo((50 + 50 + 200 / 3) / 3, 10);
    expect(o).toBeCloseTo((100 + 100 / 3 + 200 / 3) / 3, 10);
  });
  it("takes a 9×1 brand and text numbers, and the method in Chinese", () => {
    const col = BRAND[0].map((x) => [typeof x === "number" ? String(x) : x]);
    expect(neoExcel(col, PEERS, null, "指数")).toEqual(neoExcel(BRAND, PEERS, null, "index"));
  });
  it("weighs sub-scores; a weight of 0 drops a sub-score's influence, blank weights are 1", () => {
    // N = (2 × 120 + 1 × 100) / 3 = 113.33…; E = (1 × 100 + 1 × 100 + 0 × 133.33) / 2 = 100; O as unweighted.
    const [n, e, o] = neoExcel(BRAND, PEERS, [[2, 1, 5, 1, "", 0, 1, 1, 1]], "index") as number[];
    expect(n).toBeCloseTo(340 / 3, 10);
    expect(e).toBeCloseTo(100, 10);
    expect(o).toBeCloseTo((120 + 87.5 + 400 / 3) / 3, 10);
    // An all-blank weights range is the default.
    expect(neoExcel(BRAND, PEERS, [["", "", "", "", "", "", "", "", ""]], null)).toEqual(neoExcel(BRAND, PEERS, null, null));
    expect(neoExcel(BRAND, PEERS, "", null)).toEqual(neoExcel(BRAND, PEERS, null, null));
  });
  it("holds #N/A in a dimension with no sub-indicator included, the others keep their numbers", () => {
    // E: brand 4 blank; 5: no peer values; 6: peer median 0 (index) → none included.
    const brand = [[0.3, 0.05, "", "", 0.1, 800, 1.2, 0.7, 0.04]];
    const peers = PEERS.map((r) => [...r]);
    for (const r of peers) {
      r[4] = "";
      r[5] = 0;
    }
    const out = neoExcel(brand, peers, null, "index");
    expect(out[0]).toBeCloseTo(110, 10);
    expect(kindOf(out[1])).toBe("#N/A");
    expect(formatMessage(out[1] as CellError)).toBe("Engagement: no sub-indicator could be scored");
    expect(formatMessage(out[1] as CellError, "zh")).toBe("Engagement：没有可评分的子指标");
    expect(out[2]).toBeCloseTo((120 + 87.5 + 400 / 3) / 3, 10);
    // Percentile does not leave out a median of 0: sub-indicator 6 is scored, 800 above three zeros → 100.
    expect(neoExcel(brand, peers, null, "percentile")[1]).toBeCloseTo(100, 10);
  });
  it("holds #N/A everywhere when the peers are all blank", () => {
    const out = neoExcel(BRAND, [new Array(9).fill("")], null, null);
    expect(out.map(kindOf)).toEqual(["#N/A", "#N/A", "#N/A"]);
  });
  it("holds #DIV/0! in a dimension whose included sub-indicators all weigh 0", () => {
    const out = neoExcel(BRAND, PEERS, [[1, 1, 1, 1, 1, 1, 0, 0, 0]], null);
    expect(out[0]).toBeCloseTo(110, 10);
    expect(kindOf(out[2])).toBe("#DIV/0!");
    expect(formatMessage(out[2] as CellError)).toBe("Solidity: the denominator is 0");
  });
  it("refuses invalid input naming the argument and cell", () => {
    expect(failure(() => neoExcel([[1, 2, 3]], PEERS, null, null))).toEqual({
      kind: "#VALUE!",
      message: "brand: expected 9 values, got 3",
    });
    expect(failure(() => neoExcel([[0.3, "high", 1, 1, 1, 1, 1, 1, 1]], PEERS, null, null)).message).toBe(
      'brand column 2: "high" is not a number',
    );
    const peers = PEERS.map((r) => [...r]);
    peers[2][6] = "n/a";
    expect(failure(() => neoExcel(BRAND, peers, null, null)).message).toBe('peers row 3 column 7: "n/a" is not a number');
    expect(failure(() => neoExcel(BRAND, [[1, 2, 3, 4, 5, 6, 7, 8]], null, null)).message).toBe(
      "peers: expected 9 columns, got 8",
    );
    expect(failure(() => neoExcel(BRAND, [], null, null)).message).toBe("peers has no data rows");
    expect(failure(() => neoExcel(BRAND, PEERS, [[1, 1, 1, -0.5, 1, 1, 1, 1, 1]], null))).toEqual({
      kind: "#VALUE!",
      message: "weights column 4: -0.5 is negative; it must be ≥ 0",
    });
    expect(failure(() => neoExcel(BRAND, PEERS, [[1, 1, 1]], null)).message).toBe("weights: expected 9 values, got 3");
    expect(failure(() => neoExcel(BRAND, PEERS, null, "mean"))).toEqual({
      kind: "#VALUE!",
      message: 'method: "mean" is not one of "index", "percentile"',
    });
    expect(failure(() => neoExcel(BRAND, PEERS, null, 1)).message).toBe('method: "1" is not one of "index", "percentile"');
  });
  it("picks dimensions by letter, English or Chinese name", () => {
    expect(pickIndicator(NEO_INDICATORS, "n")).toBe(0);
    expect(pickIndicator(NEO_INDICATORS, "Engagement")).toBe(1);
    expect(pickIndicator(NEO_INDICATORS, "sOlidity")).toBe(2);
    expect(pickIndicator(NEO_INDICATORS, "价值力")).toBe(2);
    expect(NEO_INDICATORS.map((d) => d.zh)).toEqual(["创新力", "沟通力", "价值力"]);
  });
});

describe("subScore", () => {
  it("uses the median of an even number of peers as the mean of the two middle values", () => {
    // median(1, 2, 3, 10) = 2.5 → 100 × 5 / 2.5 = 200
    expect(subScore(5, [10, 1, 3, 2], "index")).toBe(200);
  });
  it("leaves out a blank brand value or an empty peer list", () => {
    expect(subScore(undefined, [1, 2], "index")).toBeUndefined();
    expect(subScore(1, [], "percentile")).toBeUndefined();
  });
});

describe("NEO properties", () => {
  const value = fc.integer({ min: 1, max: 1000 });
  it("percentile is in [0, 100] and index is 100 when the brand equals every peer", () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 9, maxLength: 9 }), fc.array(fc.array(value, { minLength: 9, maxLength: 9 }), { minLength: 1, maxLength: 8 }), (brand, peers) => {
        for (const s of neoExcel([brand], peers, null, "percentile") as number[]) {
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(100);
        }
        for (const s of neoExcel([brand], [brand, brand], null, "index") as number[]) expect(s).toBeCloseTo(100, 10);
      }),
      { numRuns: 200 },
    );
  });
  it("scaling every weight of a dimension by the same factor does not change it", () => {
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 9, maxLength: 9 }),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 9, maxLength: 9 }),
        fc.integer({ min: 2, max: 50 }),
        (brand, w, f) => {
          const peers = [brand.map((x) => x + 1), brand.map((x) => 2 * x)];
          const a = neoExcel([brand], peers, [w], null) as number[];
          const b = neoExcel([brand], peers, [w.map((x) => x * f)], null) as number[];
          for (let d = 0; d < 3; d++) expect(b[d]).toBeCloseTo(a[d], 9);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("NEO with extreme but valid inputs (found by the fuzz)", () => {
  const peers = [
    [1, 2, 3, 4, 5, 6, 7, 8, 9],
    [3, 4, 5, 6, 7, 8, 9, 10, 11],
  ];
  it("huge weights give the same weighted means as equal weights", () => {
    // Peer medians are 2, 3, …, 10; a brand equal to them scores 100 on every sub-indicator, so
    // any weighting gives 100. Weights of 1e308 used to overflow Σw·s to Infinity (→ #NUM!).
    const brand = [[2, 3, 4, 5, 6, 7, 8, 9, 10]];
    expect(neoExcel(brand, peers, [Array(9).fill(1e308)], null)).toEqual([100, 100, 100]);
    // Unequal huge weights: N sub-scores 50, 100, 100 (brand 1 vs median 2) with weights 1e308, 0, 0 → 50.
    const w = [[1e308, 0, 0, 1, 1, 1, 1, 1, 1]];
    expect((neoExcel([[1, 3, 4, 5, 6, 7, 8, 9, 10]], peers, w, null) as number[])[0]).toBeCloseTo(50, 12);
  });
  it("a huge brand value divides before multiplying by 100", () => {
    // N1: 100 × 3e306 = 3e308 overflows before ÷ median 2; 100 × (3e306 ÷ 2) = 1.5e308 is finite.
    const brand = [[3e306, "", "", "", "", "", "", "", ""]];
    const out = neoExcel(brand, peers, null, null);
    expect((out[0] as number) / 1.5e308).toBeCloseTo(1, 12);
  });
});
