/*
 * CLUSTER (SPEC §14) on the engine: hand-worked examples (unit sizes, sizes, ties), a
 * step-by-step greedy reference (Ward from centroids, O(n³)) on random data, segments of integer
 * size against the same segments replicated size times, outputs, errors, and speed on
 * 2,000 segments × 30 features. The SciPy cross-check is test/crosscheck/cluster-scipy.test.ts.
 */
import { describe, expect, it } from "vitest";
import { clusterExcel, cutTree, standardise, wardTree, type WardTree } from "../../src/models/cluster";
import type { ResultCell } from "../../src/excel/errors";
import { failure } from "../harness/failure";
import { rng } from "../harness/rng";


const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(1e-300, Math.abs(b));
const rowsOf = (t: WardTree): number[][] => Array.from(t.a, (a, i) => [a, t.b[i], t.height[i], t.segments[i]]);

/** Same tree: identical ids and segment counts, heights within a relative `tol`. */
function expectTree(actual: ResultCell[][] | number[][], expected: number[][], tol = 1e-12): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((r, i) => {
    expect([r[0], r[1], r[3]]).toEqual([expected[i][0], expected[i][1], expected[i][3]]);
    expect(rel(r[2] as number, expected[i][2])).toBeLessThanOrEqual(tol);
  });
}

/*
 * Hand example, one feature x = 1, 2, 4, 8 (no row of 0 alone: SPEC §0 reads a row whose cells
 * are all 0 as an empty row sent by an older Excel, and skips it). Mean 3.75, population sd = sqrt(28.75 ÷ 4) =
 * 2.680951323690902, so every distance is the raw one ÷ sd.
 * Unit sizes: 1–2 at 1/sd = 0.37300192329612; {1,2} (centroid 0.5, size 2) to 3 at
 * sqrt(2·2·1/3)·2.5/sd = 1.07676380411633 (to 4: 4/sd is farther); {1,2,3} (centroid 4/3, size 3)
 * to 4 at sqrt(2·3·1/4)·(7 − 4/3)/sd = 2.58871575793140. (SciPy agrees: linkage(z, "ward").)
 * Sizes 10, 10, 1, 1: 2–3 first at sqrt(2·10·1/11)·2/sd = 1.00591138153909 (1–2 is sqrt(10)/sd);
 * {2,3} (size 11, centroid 13/11) to 1 at sqrt(2·10·11/21)·(13/11)/sd = 1.42680108638491;
 * {1,2,3} (size 21, centroid 13/21) to 4 at sqrt(2·21/22)·(7 − 13/21)/sd = 3.28859111858959, the
 * heights SciPy gives for the segments replicated 10, 10, 1, 1 times.
 */
const X = [[1], [2], [4], [8]];
const SD = Math.sqrt(28.75 / 4);
const UNIT_TREE = [
  [1, 2, 1 / SD, 2],
  [3, 5, (Math.sqrt(4 / 3) * 2.5) / SD, 3],
  [4, 6, (Math.sqrt(1.5) * (7 - 4 / 3)) / SD, 4],
];
const SIZED_TREE = [
  [2, 3, (Math.sqrt(20 / 11) * 2) / SD, 2],
  [1, 5, (Math.sqrt(220 / 21) * (13 / 11)) / SD, 3],
  [4, 6, (Math.sqrt(42 / 22) * (7 - 13 / 21)) / SD, 4],
];

describe("CLUSTER: hand-worked examples", () => {
  it("standardises with the population sd and merges by Ward's distance (unit sizes)", () => {
    expect(SD).toBeCloseTo(2.680951323690902, 15);
    expectTree(clusterExcel(X, 1, null, null, "tree"), UNIT_TREE);
    expect(UNIT_TREE.map((r) => r[2])).toEqual(UNIT_TREE.map((r) => r[2]).sort((a, b) => a - b));
    expect(clusterExcel(X, 2)).toEqual([[1], [1], [1], [2]]);
    expect(clusterExcel(X, 3)).toEqual([[1], [1], [2], [3]]);
    expect(clusterExcel(X, 4)).toEqual([[1], [2], [3], [4]]);
    expect(clusterExcel(X, 1)).toEqual([[1], [1], [1], [1]]);
  });
  it("weighs each segment by its size", () => {
    expectTree(clusterExcel(X, 1, null, [[10], [10], [1], [1]], "tree"), SIZED_TREE);
    expect(clusterExcel(X, 3, null, [[10], [10], [1], [1]])).toEqual([[1], [2], [2], [3]]);
    // profile: [cluster, segments, size, size-weighted mean of x]: (1·10 + 2·10 + 4·1) ÷ 21 = 34/21.
    const p = clusterExcel(X, 2, null, [[10], [10], [1], [1]], "profile", true);
    expect(p[0]).toEqual(["cluster", "segments", "size", "feature_1"]);
    expect(p[1].slice(0, 3)).toEqual([1, 3, 21]);
    expect(p[1][3]).toBeCloseTo(34 / 21, 14);
    expect(p[2]).toEqual([2, 1, 1, 8]);
  });
  it("multiplies standardised columns by their weights; a constant column contributes 0", () => {
    // Column 2 is constant (and 0.1 × 3 ÷ 3 is not exactly 0.1: the exact test keeps it 0).
    const t = clusterExcel([[1, 0.1], [2, 0.1], [4, 0.1], [8, 0.1]], 1, [[1, 5]], null, "tree");
    expectTree(t, UNIT_TREE);
    // Weight 2 on the only feature doubles every height.
    expectTree(clusterExcel(X, 1, [[2]], null, "tree"), UNIT_TREE.map((r) => [r[0], r[1], 2 * r[2], r[3]]));
    // Weight 0 everywhere: all distances 0, merges by the tie rule (1–2, then {1,2}–3, then –4).
    expect(clusterExcel(X, 1, [[0]], null, "tree")).toEqual([[1, 2, 0, 2], [3, 5, 0, 3], [4, 6, 0, 4]]);
  });
  it("breaks ties by the lower segment index, then the other index", () => {
    // The unit square listed (1,1), (2,2), (1,2), (2,1): z = ±1 exactly; sides 2, diagonals 2√2.
    // Sides 1–3, 1–4, 2–3, 2–4 tie at 2: 1–3 merges first (lower index 1, then 3 < 4). {1,3}
    // (centroid (−1, 0)) is sqrt(4/3)·√5 from 2 and from 4, so 2–4 merges at 2; then the two
    // pairs at sqrt(2·2·2/4)·2 = 2√2.
    const sq = [[1, 1], [2, 2], [1, 2], [2, 1]];
    expectTree(clusterExcel(sq, 1, null, null, "tree"), [[1, 3, 2, 2], [2, 4, 2, 2], [5, 6, 2 * Math.SQRT2, 4]], 1e-15);
    expect(clusterExcel(sq, 2)).toEqual([[1], [2], [1], [2]]);
    expect(clusterExcel(sq, 3)).toEqual([[1], [2], [1], [3]]);
    // Duplicates: 1 = 3 and 2 = 4 (distance 0 both): 1–3 first.
    const dup = [[0, 5], [2, 1], [0, 5], [2, 1], [9, 9]];
    const t = clusterExcel(dup, 1, null, null, "tree") as number[][];
    expect(t.slice(0, 2).map((r) => r.slice(0, 3))).toEqual([[1, 3, 0], [2, 4, 0]]);
    expect(clusterExcel(dup, 3)).toEqual([[1], [2], [1], [2], [3]]);
  });
});

// --- greedy reference --------------------------------------------------------------------------

/**
 * Step-by-step Ward: at each step compute every pair's distance from the clusters' centroids and
 * sizes, d = sqrt(2|A||B| ÷ (|A| + |B|)) ‖c_A − c_B‖, and merge the smallest by (d, lower
 * representative, higher representative), a cluster's representative being its lowest segment.
 * Numbering as SciPy: segments 1 … n, merge t is n + t, a < b.
 */
function greedy(z: Float64Array, n: number, m: number, sizes?: number[]): number[][] {
  type C = { id: number; rep: number; size: number; segs: number; c: number[] };
  let cs: C[] = Array.from({ length: n }, (_, i) => ({ id: i + 1, rep: i, size: sizes ? sizes[i] : 1, segs: 1, c: Array.from(z.subarray(i * m, i * m + m)) }));
  const out: number[][] = [];
  for (let t = 1; t < n; t++) {
    let best: [number, number, number, number, number] | undefined; // d, lo, hi, i, j
    for (let i = 0; i < cs.length; i++) {
      for (let j = i + 1; j < cs.length; j++) {
        const A = cs[i];
        const B = cs[j];
        let s = 0;
        for (let f = 0; f < m; f++) s += (A.c[f] - B.c[f]) ** 2;
        const d = Math.sqrt(((2 * A.size * B.size) / (A.size + B.size)) * s);
        const lo = Math.min(A.rep, B.rep);
        const hi = Math.max(A.rep, B.rep);
        if (!best || d < best[0] || (d === best[0] && (lo < best[1] || (lo === best[1] && hi < best[2])))) best = [d, lo, hi, i, j];
      }
    }
    const [d, , , i, j] = best!;
    const A = cs[i];
    const B = cs[j];
    const size = A.size + B.size;
    const merged: C = {
      id: n + t,
      rep: Math.min(A.rep, B.rep),
      size,
      segs: A.segs + B.segs,
      c: A.c.map((v, f) => (A.size * v + B.size * B.c[f]) / size),
    };
    out.push([Math.min(A.id, B.id), Math.max(A.id, B.id), d, merged.segs]);
    cs = cs.filter((_, k) => k !== i && k !== j);
    cs.push(merged);
  }
  return out;
}

/** The partition of a tree after n − k merges, as a canonical list of member lists. */
function partition(tree: number[][], n: number, k: number): number[][] {
  const members = new Map<number, number[]>();
  for (let i = 1; i <= n; i++) members.set(i, [i]);
  tree.slice(0, n - k).forEach((r, t) => {
    members.set(n + t + 1, [...members.get(r[0])!, ...members.get(r[1])!]);
    members.delete(r[0]);
    members.delete(r[1]);
  });
  return [...members.values()].map((x) => x.sort((a, b) => a - b)).sort((a, b) => a[0] - b[0]);
}

/** Canonical partition of labels 1 … k. */
function partitionOf(labels: ArrayLike<number>): number[][] {
  const groups = new Map<number, number[]>();
  Array.from(labels).forEach((l, i) => {
    if (!groups.has(l)) groups.set(l, []);
    groups.get(l)!.push(i + 1);
  });
  return [...groups.values()].sort((a, b) => a[0] - b[0]);
}

function randomMatrix(r: () => number, n: number, m: number, grid = 0): Float64Array {
  const z = new Float64Array(n * m);
  for (let i = 0; i < z.length; i++) z[i] = grid ? Math.floor(r() * grid) : r() * 10 - 5;
  return z;
}

describe("CLUSTER = step-by-step greedy Ward on random data", () => {
  it("gives the greedy tree (ids, heights within 1e-9) and partitions, unit and real sizes", () => {
    const r = rng(99);
    let trees = 0;
    for (let trial = 0; trial < 120; trial++) {
      const n = 2 + Math.floor(r() * 40);
      const m = 1 + Math.floor(r() * 6);
      const z = randomMatrix(r, n, m);
      const sizes = trial % 2 ? Array.from({ length: n }, () => 0.5 + r() * 50) : undefined;
      const ours = wardTree(z, n, m, sizes);
      const ref = greedy(z, n, m, sizes);
      expectTree(rowsOf(ours), ref, 1e-9);
      for (const k of [1, 2, 3, Math.ceil(n / 2), n]) {
        if (k > n) continue;
        expect(partitionOf(cutTree(ours, k))).toEqual(partition(ref, n, k));
      }
      trees++;
    }
    expect(trees).toBe(120);
  });

  it("follows the tie rule on data with many exact ties (duplicate rows, a coarse integer grid)", () => {
    const r = rng(5);
    for (let trial = 0; trial < 80; trial++) {
      const n = 2 + Math.floor(r() * 25);
      const m = 1 + Math.floor(r() * 2);
      const z = randomMatrix(r, n, m, 3);
      const ours = rowsOf(wardTree(z, n, m));
      const ref = greedy(z, n, m);
      // Ties at distance 0 (duplicates) are exact in both computations: the same merges first.
      const zeros = ref.filter((x) => x[2] === 0).length;
      expect(ours.slice(0, zeros)).toEqual(ref.slice(0, zeros));
      for (let k = 1; k <= n; k++) expect(partitionOf(cutTree(wardTree(z, n, m), k)).length).toBe(k);
    }
  });
});

describe("CLUSTER: integer sizes = the segments replicated size times", () => {
  it("gives the same partition for every k ≤ n and the same merge heights above 0", () => {
    const r = rng(3);
    let compared = 0;
    for (let trial = 0; trial < 40; trial++) {
      const n = 2 + Math.floor(r() * 15);
      const m = 1 + Math.floor(r() * 4);
      const z = randomMatrix(r, n, m);
      const sizes = Array.from({ length: n }, () => 1 + Math.floor(r() * 6));
      const N = sizes.reduce((a, b) => a + b, 0);
      const rep = new Float64Array(N * m);
      const owner: number[] = [];
      let at = 0;
      sizes.forEach((s, i) => {
        for (let c = 0; c < s; c++, at++) {
          rep.set(z.subarray(i * m, i * m + m), at * m);
          owner.push(i);
        }
      });
      const weighted = wardTree(z, n, m, sizes);
      const replicated = wardTree(rep, N, m);
      // The first N − n merges of the replicated run join copies at distance 0; the rest are the weighted tree.
      expect(Array.from(replicated.height.subarray(0, N - n)).every((h) => h === 0)).toBe(true);
      Array.from(weighted.height).forEach((h, t) => expect(rel(replicated.height[N - n + t], h)).toBeLessThanOrEqual(1e-9));
      for (let k = 1; k <= n; k++) {
        const lw = cutTree(weighted, k);
        const lr = cutTree(replicated, k);
        // Every copy is in its segment's cluster: map the replicated labels back to segments.
        const back = new Array<number>(n);
        owner.forEach((i, c) => {
          if (back[i] === undefined) back[i] = lr[c];
          else expect(lr[c]).toBe(back[i]);
        });
        expect(partitionOf(back)).toEqual(partitionOf(lw));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});

describe("CLUSTER: standardise", () => {
  it("uses the population sd and gives 0 for a constant column", () => {
    const z = standardise(Float64Array.from([1, 5, 2, 5, 3, 5]), 3, 2, [1, 1]);
    // column 1: mean 2, population sd sqrt(2/3): z = ∓1.2247, 0.
    expect(z[0]).toBeCloseTo(-Math.sqrt(1.5), 15);
    expect(z[2]).toBe(0);
    expect(z[4]).toBeCloseTo(Math.sqrt(1.5), 15);
    expect([z[1], z[3], z[5]]).toEqual([0, 0, 0]);
  });
});

describe("CLUSTER: rows, outputs, errors", () => {
  it("reads a header row of feature names, skips blank rows (null, \"\" or 0) and labels them \"\"", () => {
    for (const form of [null, "", 0]) {
      const t = [["recency", "aov"], [1, 10], [2, 20], [form, form], [4, 30], [8, 40], [form, form], [form, form]];
      // aov has weight 0, so the clusters are those of X.
      const labels = clusterExcel(t, 2, [[1, 0]]);
      // Trailing blank rows are left off; the blank row between segments gets "".
      expect(labels).toEqual([[1], [1], [""], [1], [2]]);
      const prof = clusterExcel(t, 2, [[1, 0]], null, "profile");
      expect(prof[0]).toEqual(["cluster", "segments", "size", "recency", "aov"]);
      expect(prof[1]).toEqual([1, 3, 3, 7 / 3, 20]);
      expect(prof[2]).toEqual([2, 1, 1, 8, 40]);
    }
  });
  it("takes sizes with or without the header row of profiles, as a column or a row", () => {
    const t = [["x"], [1], [2], [4], [8]];
    const a = clusterExcel(t, 1, null, [["size"], [10], [10], [1], [1]], "tree");
    const b = clusterExcel(t, 1, null, [[10], [10], [1], [1]], "tree");
    const c = clusterExcel(X, 1, null, [[10, 10, 1, 1]], "tree");
    expectTree(a, SIZED_TREE);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });
  it("adds column names with with_headers", () => {
    expect(clusterExcel(X, 2, null, null, "labels", true)).toEqual([["cluster"], [1], [1], [1], [2]]);
    expect(clusterExcel(X, 2, null, null, "tree", true)[0]).toEqual(["a", "b", "distance", "segments"]);
    expect(clusterExcel(X, 2, null, null, "画像")[0]).toEqual([1, 3, 3, 7 / 3]);
    expect(clusterExcel(X, 2, null, null, "聚类树")).toHaveLength(3);
  });
  it("gives #VALUE! naming the argument, row and column", () => {
    const msg = (...a: unknown[]): string => failure(() => clusterExcel(...a)).message;
    expect(msg([[1, 2], [3, "x"]], 1)).toBe('profiles row 2 column 2: "x" is not a number');
    expect(msg([["a", "b"], [1, 2], [3, ""]], 1)).toBe("profiles row 3 column 2: a value is required here");
    expect(msg(X, 0)).toBe("k: 0 must be a whole number ≥ 1");
    expect(msg(X, 1.5)).toBe("k: 1.5 must be a whole number ≥ 1");
    expect(msg(X, 5)).toBe("k: 5 is more than the 4 segments of profiles; k must be at most 4");
    expect(msg(X, null)).toBe("k: a value is required here");
    expect(msg(X, 2, [[1, 1]])).toBe("weights: expected 1 values, got 2");
    expect(msg([[1, 2], [3, 5], [4, 1]], 2, [[1, -1]])).toBe("weights column 2: -1 is negative; it must be ≥ 0");
    expect(msg([[1, 2], [3, 5], [4, 1]], 2, [[1, "x"]])).toBe('weights column 2: "x" is not a number');
    expect(msg(X, 2, null, [[1], [2], [0], [1]])).toBe("sizes row 3: 0 must be greater than 0");
    expect(msg(X, 2, null, [[1], [2], [""], [1]])).toBe("sizes row 3: a value is required here");
    expect(msg(X, 2, null, [[1], [2]])).toBe("sizes: 2 cells, but profiles has 4 rows; give one size per row of profiles");
    expect(msg(X, 2, null, null, "dendrogram")).toBe('output: "dendrogram" is not one of "labels", "tree", "profile"');
    expect(msg([["a"], [null]], 1)).toBe("profiles has no data rows");
    expect(failure(() => clusterExcel([[1, 2]], 1, null, null, "tree"))).toEqual({
      kind: "#N/A",
      message: "profiles: a single segment has no merge to show; the tree needs at least 2 segments",
    });
    expect(clusterExcel([[1, 2]], 1)).toEqual([[1]]);
    expect(failure(() => clusterExcel(X, 2, [[1e308]])).kind).toBe("#NUM!");
    const big = Array.from({ length: 5001 }, (_, i) => [i + 1]);
    expect(msg(big, 2)).toBe("profiles: 5001 segments is more than the 5000 segments CLUSTER accepts in one call; merge the finest segments first");
  });
});

describe("CLUSTER: 2,000 segments × 30 features", () => {
  it("clusters in well under a second", () => {
    const r = rng(2000);
    const n = 2000;
    const m = 30;
    const t: number[][] = [];
    for (let i = 0; i < n; i++) t.push(Array.from({ length: m }, (_, j) => Math.round((r() * 100 + (i % 7) * 10 * (j % 3)) * 100) / 100));
    const t0 = performance.now();
    const out = clusterExcel(t, 8, null, t.map(() => [1 + Math.floor(r() * 1000)]));
    const ms = performance.now() - t0;
    expect(out).toHaveLength(n);
    expect(new Set(out.map((x) => x[0])).size).toBe(8);
    // Generous bound for a shared CI machine (measured about 0.2 s).
    expect(ms).toBeLessThan(3000);
  });
});
