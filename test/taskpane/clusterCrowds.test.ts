/* The GTA view's "Use selection" on DTC.CLUSTER output (issue #15): which selections are clusters. */
import { describe, expect, it } from "vitest";
import { clusterExcel } from "../../src/models/cluster";
import { clusterNumbers, crowdsFromSelection } from "../../taskpane/forms/gta";

/** Six segments in two obvious groups, a header row of feature names. */
const PROFILES = [["age", "spend"], [20, 100], [21, 110], [22, 105], [60, 900], [61, 950], [59, 920]];

describe("clusterNumbers", () => {
  it("reads the profile's cluster column, with or without its header, and the whole profile", () => {
    const profile = clusterExcel(PROFILES, 2, null, null, "profile", true) as unknown[][];
    expect(profile[0].slice(0, 3)).toEqual(["cluster", "segments", "size"]);
    expect(clusterNumbers(profile)).toEqual([1, 2]);
    expect(clusterNumbers(profile.map((r) => [r[0]]))).toEqual([1, 2]);
    expect(clusterNumbers(profile.slice(1).map((r) => [r[0]]))).toEqual([1, 2]);
  });

  it("reads the labels column: distinct clusters in ascending order, blank rows skipped", () => {
    expect(clusterNumbers([["cluster"], [2], [""], [1], [2], [null], [3]])).toEqual([1, 2, 3]);
    const labels = clusterExcel(PROFILES, 3, null, null, "labels", true) as unknown[][];
    expect(clusterNumbers(labels)).toEqual([1, 2, 3]);
  });

  it("refuses what is not a cluster column, so that a crowd table is read as before", () => {
    const gtaTable = [["stage", "crowd", "count", "conversion", "aov"], ["A", "x", 100, 0.1, 50]];
    expect(clusterNumbers(gtaTable)).toBeUndefined();
    expect(crowdsFromSelection(gtaTable, "en").ok).toBe(true);
    expect(clusterNumbers([[1.5], [2]])).toBeUndefined();
    expect(clusterNumbers([[0], [1]])).toBeUndefined();
    expect(clusterNumbers([["A"], [1]])).toBeUndefined();
    expect(clusterNumbers([[1, 2], [3, 4]])).toBeUndefined();
    expect(clusterNumbers([["cluster"], [""]])).toBeUndefined();
    expect(clusterNumbers([])).toBeUndefined();
  });
});
