/*
 * CLUSTER against SciPy, run on the same data: python3 standardises the profiles with numpy
 * (population sd, constant column → 0), applies the weights and calls
 * scipy.cluster.hierarchy.linkage(method="ward"); the partitions for each k come from
 * scipy.cluster.hierarchy.cut_tree. The data go to python as JSON on stdin, one batch per test.
 *
 * 1. Unit sizes: the tree (ids, segment counts) is identical and the merge heights agree within a
 *    relative 1e-9; the partitions agree for several k.
 * 2. Integer sizes: SciPy clusters the standardised segments replicated `size` times; every copy
 *    falls in its segment's cluster, the partitions equal CLUSTER's with `sizes`, and SciPy's
 *    heights after its zero-distance merges are CLUSTER's.
 *
 * Skipped, with the reason, only when python3 or SciPy is missing (CI installs python3-scipy).
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { clusterExcel } from "../../src/models/cluster";
import { rng } from "../harness/rng";

// The first Python with SciPy: the one on PATH, else Debian's (apt-get install python3-scipy).
const probes = ["python3", "/usr/bin/python3"].map((py) => ({
  py,
  r: spawnSync(py, ["-c", "import scipy, numpy; print(scipy.__version__)"], { encoding: "utf8" }),
}));
const found = probes.find((p) => p.r.status === 0);
const PYTHON = found?.py ?? "python3";
const probe = found?.r ?? probes[0].r;
const SCIPY = found ? found.r.stdout.trim() : undefined;
const REASON = probe.error ? `python3 not found (${probe.error.message})` : `SciPy not importable: ${(probe.stderr || "").trim().split("\n").pop()}`;
if (!SCIPY) console.warn(`cluster-scipy cross-check skipped: ${REASON}`);

const SCRIPT = String.raw`
import json, sys
import numpy as np
from scipy.cluster.hierarchy import linkage, cut_tree

def standardise(x, w):
    x = np.asarray(x, dtype=float)
    mean = x.mean(axis=0)
    sd = x.std(axis=0)  # population sd (ddof = 0)
    const = np.all(x == x[0], axis=0)
    z = np.where(const, 0.0, (x - mean) / np.where(const, 1.0, sd))
    return z * np.asarray(w, dtype=float)

out = []
for case in json.load(sys.stdin)["cases"]:
    z = standardise(case["x"], case["w"])
    sizes = case.get("sizes")
    if sizes is None:
        Z = linkage(z, method="ward")
        parts = {str(k): cut_tree(Z, n_clusters=k)[:, 0].tolist() for k in case["ks"]}
        out.append({"Z": Z.tolist(), "parts": parts})
    else:
        rep = np.repeat(z, sizes, axis=0)
        owner = np.repeat(np.arange(len(sizes)), sizes)
        Z = linkage(rep, method="ward")
        parts, consistent = {}, True
        for k in case["ks"]:
            lab = cut_tree(Z, n_clusters=k)[:, 0]
            first = np.array([lab[np.argmax(owner == i)] for i in range(len(sizes))])
            consistent = consistent and bool(np.all(lab == first[owner]))
            parts[str(k)] = first.tolist()
        out.append({"Z": Z.tolist(), "parts": parts, "consistent": consistent})
json.dump(out, sys.stdout)
`;

interface Case {
  x: number[][];
  w: number[];
  sizes?: number[];
  ks: number[];
}
interface Answer {
  Z: number[][];
  parts: Record<string, number[]>;
  consistent?: boolean;
}

function scipy(cases: Case[]): Answer[] {
  const r = spawnSync(PYTHON, ["-c", SCRIPT], { input: JSON.stringify({ cases }), encoding: "utf8", maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`python3 failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Answer[];
}


/** Canonical partition of a label vector (any label values). */
function partitionOf(labels: readonly unknown[]): number[][] {
  const groups = new Map<unknown, number[]>();
  labels.forEach((l, i) => {
    if (!groups.has(l)) groups.set(l, []);
    groups.get(l)!.push(i);
  });
  return [...groups.values()].sort((a, b) => a[0] - b[0]);
}

/** Random segment profiles: features on different scales, a few clusters, sometimes a constant column. */
function randomCase(r: () => number, n: number, m: number): Case {
  const centres = 1 + Math.floor(r() * 6);
  const scale = Array.from({ length: m }, () => Math.pow(10, Math.floor(r() * 5) - 1));
  const constant = m > 1 && r() < 0.3 ? Math.floor(r() * m) : -1;
  const x: number[][] = [];
  for (let i = 0; i < n; i++) {
    const c = i % centres;
    x.push(Array.from({ length: m }, (_, j) => (j === constant ? 7.5 : scale[j] * (c * 3 + r() * 4 + 0.01))));
  }
  const w = Array.from({ length: m }, () => (r() < 0.2 ? Math.round(r() * 30) / 10 : 1));
  const ks = [...new Set([1, 2, 3, 5, Math.ceil(n / 3), n].filter((k) => k <= n))];
  return { x, w, ks };
}

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(1e-300, Math.abs(b));

describe.skipIf(!SCIPY)(`CLUSTER = SciPy ${SCIPY ?? ""} linkage(method="ward")`, () => {
  it("unit sizes: the same tree, heights within 1e-9, the same partitions (60 random data sets)", () => {
    const r = rng(1234);
    const cases: Case[] = [];
    for (let t = 0; t < 60; t++) cases.push(randomCase(r, 2 + Math.floor(r() * (t < 50 ? 120 : 400)), 1 + Math.floor(r() * 12)));
    const answers = scipy(cases);
    let merges = 0;
    let partitions = 0;
    cases.forEach((c, t) => {
      const n = c.x.length;
      const tree = clusterExcel(c.x, 1, [c.w], null, "tree") as number[][];
      const Z = answers[t].Z;
      expect(tree.length).toBe(n - 1);
      tree.forEach((row, i) => {
        // SciPy numbers segments 0 … n − 1 and merge i as n + i; CLUSTER from 1.
        expect([row[0] - 1, row[1] - 1, row[3]], `case ${t} merge ${i + 1}`).toEqual([Z[i][0], Z[i][1], Z[i][3]]);
        expect(rel(row[2], Z[i][2]), `case ${t} height ${i + 1}`).toBeLessThanOrEqual(1e-9);
        merges++;
      });
      for (const k of c.ks) {
        const labels = (clusterExcel(c.x, k, [c.w]) as number[][]).map((x) => x[0]);
        expect(partitionOf(labels), `case ${t} k ${k}`).toEqual(partitionOf(answers[t].parts[String(k)]));
        partitions++;
      }
    });
    // 5,645 merges and 355 partitions with this seed (largest height difference 4.9e-13).
    expect(merges).toBeGreaterThan(3000);
    expect(partitions).toBeGreaterThan(250);
  });

  it("2,000 segments × 30 features: the same tree as SciPy", () => {
    const c = randomCase(rng(77), 2000, 30);
    const [a] = scipy([c]);
    const tree = clusterExcel(c.x, 1, [c.w], null, "tree") as number[][];
    tree.forEach((row, i) => {
      expect([row[0] - 1, row[1] - 1, row[3]]).toEqual([a.Z[i][0], a.Z[i][1], a.Z[i][3]]);
      expect(rel(row[2], a.Z[i][2])).toBeLessThanOrEqual(1e-9);
    });
    for (const k of c.ks) {
      const labels = (clusterExcel(c.x, k, [c.w]) as number[][]).map((x) => x[0]);
      expect(partitionOf(labels)).toEqual(partitionOf(a.parts[String(k)]));
    }
  });

  it("integer sizes: the partitions of SciPy on the segments replicated size times (30 random data sets)", () => {
    const r = rng(42);
    const cases: Case[] = [];
    for (let t = 0; t < 30; t++) {
      const c = randomCase(r, 2 + Math.floor(r() * 40), 1 + Math.floor(r() * 6));
      c.sizes = c.x.map(() => 1 + Math.floor(r() * 8));
      cases.push(c);
    }
    const answers = scipy(cases);
    let partitions = 0;
    cases.forEach((c, t) => {
      const n = c.x.length;
      const sizes = c.sizes!.map((s) => [s]);
      expect(answers[t].consistent, `case ${t}: every copy in its segment's cluster`).toBe(true);
      for (const k of c.ks) {
        const labels = (clusterExcel(c.x, k, [c.w], sizes) as number[][]).map((x) => x[0]);
        expect(partitionOf(labels), `case ${t} k ${k}`).toEqual(partitionOf(answers[t].parts[String(k)]));
        partitions++;
      }
      // SciPy's last n − 1 heights (after the copies merged at 0) are CLUSTER's heights.
      const tree = clusterExcel(c.x, 1, [c.w], sizes, "tree") as number[][];
      const tail = answers[t].Z.slice(-(n - 1));
      tree.forEach((row, i) => expect(rel(row[2], tail[i][2]), `case ${t} height ${i + 1}`).toBeLessThanOrEqual(1e-9));
    });
    expect(partitions).toBeGreaterThan(100);
  });
});

if (!SCIPY) {
  describe("CLUSTER = SciPy", () => {
    it.skip(`skipped: ${REASON}; install python3-scipy to run the cross-check`, () => {});
  });
}
