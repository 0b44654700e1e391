/* DTC.HOTPLAN through the BUILT bundle (SPEC section 11); expected values worked out by hand. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBundle, type Bundle, type XlValue } from "../harness/bundle";

let b: Bundle;
beforeAll(async () => {
  b = await loadBundle();
});
afterAll(async () => b?.close());

describe("DTC.HOTPLAN", () => {
  it("is registered with SPEC's parameters", () => {
    const f = b.metadata.functions.find((x) => x.id === "HOTPLAN")!;
    expect(f.parameters.map((p) => [p.name, !!p.optional])).toEqual([
      ["target_gmv", false], ["price", false], ["phases", false], ["crowds", false], ["funnel", false],
      ["units_per_buyer", true], ["cost_ratio", true], ["with_headers", true],
    ]);
  });
  it("decomposes the target phase-major and walks up the funnel", async () => {
    // target 1,000,000, price 200, phases 2/3/5 (0.2/0.3/0.5), crowds 3/1 (0.75/0.25), funnel [0.1, 0.3],
    // units_per_buyer 2, cost_ratio 0.15. E.g. growth/白领: 1e6 × 0.3 × 0.25 = 75,000 → 375 units →
    // ⌈187.5⌉ = 188 buyers → 1,880 interest → ⌈6,266.7⌉ = 6,267 aware; spend 11,250.
    const out = (await b.call(
      "HOTPLAN", 1000000, 200,
      [["名称", "权重"], ["启动期", 2], ["发展期", 3], ["大促期", 5]],
      [["Gen Z", 3], ["白领", 1]],
      [[0.1, 0.3]], 2, 0.15, true,
    )) as XlValue[][];
    const expected: XlValue[][] = [
      ["phase", "crowd", "gmv", "units", "buyers", "interest", "aware", "spend"],
      ["启动期", "Gen Z", 150000, 750, 375, 3750, 12500, 22500],
      ["启动期", "白领", 50000, 250, 125, 1250, 4167, 7500],
      ["发展期", "Gen Z", 225000, 1125, 563, 5630, 18767, 33750],
      ["发展期", "白领", 75000, 375, 188, 1880, 6267, 11250],
      ["大促期", "Gen Z", 375000, 1875, 938, 9380, 31267, 56250],
      ["大促期", "白领", 125000, 625, 313, 3130, 10434, 18750],
      ["TOTAL", "", 1000000, 5000, 2502, 25020, 83402, 150000],
    ];
    expect(out).toHaveLength(expected.length);
    expected.forEach((row, r) =>
      row.forEach((e, k) => {
        if (typeof e === "number" && (k < 4 || k === 7)) expect(out[r][k] as number).toBeCloseTo(e, 6);
        else expect(out[r][k]).toBe(e);
      }),
    );
  });
  it("gives #VALUE! for bad shapes and values, naming the argument", async () => {
    const P = [["a", 1]];
    const C = [["x", 1], ["y", 1]];
    expect(await b.call("HOTPLAN", 1000, 10, P, C, [[0.1, 0.3], [0.1, 0.3], [0.1, 0.3]])).toEqual({
      error: "#VALUE!",
      message: "funnel: has 3 rows; give 1 row shared by all crowds or one row per crowd (2 rows)",
    });
    expect(await b.call("HOTPLAN", 1000, 10, P, C, [[0.1, 0]])).toEqual({
      error: "#VALUE!",
      message: "funnel row 1 column 2: 0 must be greater than 0 and at most 1",
    });
    expect(await b.call("HOTPLAN", 1000, 10, [["a", 0]], C, [[0.1, 0.3]])).toEqual({
      error: "#VALUE!",
      message: 'phases: the values of column "weight" add up to 0; at least one must be positive',
    });
    expect(await b.call("HOTPLAN", 1000, 0, P, C, [[0.1, 0.3]])).toEqual({
      error: "#VALUE!",
      message: "price: 0 must be greater than 0",
    });
  });
});
