/**
 * CLUSTER: the brand's own strategy crowds 定制策略人群 (SPEC §14; docs/drafts/strategy.md).
 *
 * `profiles` holds n fine segments (rows) × m numeric features (columns). The segments are
 * re-clustered into k crowds:
 *
 * 1. Each column is standardised over the n segments, z = (x − mean) ÷ sd with the population
 *    sd (a constant column, all values equal, gives 0), then multiplied by its weight.
 * 2. Ward's agglomerative clustering on the standardised rows, each segment weighing its size:
 *    d(A, B) = sqrt(2 |A| |B| ÷ (|A| + |B|)) · ‖centroid_A − centroid_B‖, which for two
 *    segments of size 1 is their Euclidean distance: the convention of SciPy's
 *    `linkage(method="ward")`. The closest pair is merged until k clusters remain.
 *
 * The algorithm is the nearest-neighbour chain (O(n²) time, n(n − 1)/2 distances in memory)
 * with the Lance–Williams update SciPy uses for Ward:
 * d(k, i ∪ j) = sqrt(((n_i + n_k) d(k, i)² + (n_j + n_k) d(k, j)² − n_k d(i, j)²) ÷ (n_i + n_j + n_k)),
 * with n the cluster sizes (sums of segment sizes). Ward is reducible, so the chain finds the
 * same merges as merging the globally closest pair step by step; its merges are then put in
 * that order (see {@link wardTree}).
 *
 * Ties. A cluster is represented by its lowest segment index (its first row), and pairs are
 * ordered by (distance, lower representative, higher representative): among equal distances
 * the pair whose lower segment index is smallest merges first, then the one whose other index
 * is smallest (SPEC §14). Equal means equal as computed numbers. This order is a strict total
 * order under which Ward stays reducible (a merged cluster keeps the lower representative, so
 * a new pair's key is the key of one of the pairs it replaces), so the chain and the step-by-step
 * greedy agree on ties too.
 */
import { fail, invalid, type ResultCell } from "../excel/errors";
import { at, basic, cellNumber, grid, isBlank, isVoid, parseNumber, vec, whereAt } from "../excel/coerce";
import { bind, option, WITH_HEADERS, type Param } from "../excel/params";
import { blankRow, emptyTailStart } from "../excel/table";
import { show } from "../excel/messages";

/** Most segments one call clusters: n(n − 1)/2 distances take 100 MB at 5,000. */
export const MAX_SEGMENTS = 5_000;

/** Columns of `output` = "tree" and the first columns of "profile" (`with_headers`). */
export const CLUSTER_TREE_COLUMNS = ["a", "b", "distance", "segments"] as const;
export const CLUSTER_PROFILE_COLUMNS = ["cluster", "segments", "size"] as const;
export const CLUSTER_LABEL_COLUMN = "cluster";

/** The hierarchy: merge t (0-based) joins clusters a[t] < b[t] (segments 1 … n, merge t is n + t + 1). */
export interface WardTree {
  n: number;
  a: Int32Array;
  b: Int32Array;
  /** Ward distance of the merge (SciPy's third column). */
  height: Float64Array;
  /** Segments in the new cluster (SciPy's fourth column for unit sizes). */
  segments: Int32Array;
  /** Sum of the sizes of the new cluster. */
  size: Float64Array;
}

/**
 * Standardise the n × m matrix `x` (row-major) column by column, population sd, and multiply
 * column j by `w[j]`. A constant column (every value equal, tested exactly so that rounding in
 * the mean cannot make noise of it) gives 0.
 */
export function standardise(x: Float64Array, n: number, m: number, w: ArrayLike<number>): Float64Array {
  const z = new Float64Array(n * m);
  for (let j = 0; j < m; j++) {
    let lo = Infinity;
    let hi = -Infinity;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const v = x[i * m + j];
      sum += v;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    if (lo === hi) continue; // constant: z = 0
    const mean = sum / n;
    let ss = 0;
    for (let i = 0; i < n; i++) {
      const d = x[i * m + j] - mean;
      ss += d * d;
    }
    const sd = Math.sqrt(ss / n);
    const f = w[j];
    for (let i = 0; i < n; i++) z[i * m + j] = ((x[i * m + j] - mean) / sd) * f;
  }
  return z;
}

/** A binary min-heap of merge indexes ordered by `less`. */
function heapOrder(count: number, ready: (push: (t: number) => void) => void, less: (s: number, t: number) => boolean, emit: (t: number, push: (t: number) => void) => void): void {
  const h = new Int32Array(count);
  let size = 0;
  const push = (t: number): void => {
    let i = size++;
    h[i] = t;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(h[i], h[p])) break;
      const x = h[i]; h[i] = h[p]; h[p] = x;
      i = p;
    }
  };
  const pop = (): number => {
    const top = h[0];
    h[0] = h[--size];
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= size) break;
      const c = l + 1 < size && less(h[l + 1], h[l]) ? l + 1 : l;
      if (!less(h[c], h[i])) break;
      const x = h[i]; h[i] = h[c]; h[c] = x;
      i = c;
    }
    return top;
  };
  ready(push);
  while (size > 0) emit(pop(), push);
}

/**
 * Ward's hierarchy of the n rows of `z` (n × m, row-major), each row weighing `sizes[i]`.
 *
 * Nearest-neighbour chain over the condensed distance matrix: the chain grows from the lowest
 * active cluster by each cluster's nearest neighbour under the pair order (distance, lower
 * representative, higher representative) until two clusters are each other's nearest; they
 * merge into the slot of the lower one (so a slot's index is its cluster's lowest segment, the
 * representative), and the distances to the new cluster follow from Lance–Williams in SciPy's
 * exact floating-point form. O(n²) time: at most 3n nearest-neighbour scans of O(n) each.
 *
 * The chain finds the merges in its own order. They are returned in the order of the
 * step-by-step greedy algorithm: each merge becomes available when its two parts exist, and
 * the available merge with the smallest (distance, representatives) goes next. This is SciPy's
 * output order (SciPy sorts its chain's merges by distance) whenever the distances are distinct,
 * and it stays a valid tree when rounding puts a merge an ulp below one of its parts (the order
 * key of a merge is at least its parts' keys). The numbering is SciPy's: segments 1 … n, merge
 * t the cluster n + t, a < b.
 */
export function wardTree(z: Float64Array, n: number, m: number, sizes?: ArrayLike<number>): WardTree {
  const size = new Float64Array(n);
  const segs = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    size[i] = sizes ? sizes[i] : 1;
    segs[i] = 1;
  }
  // Condensed distances: pair i < j at rs[i] + j.
  const rs = new Float64Array(n);
  for (let i = 0; i < n; i++) rs[i] = i * n - (i * (i + 1)) / 2 - i - 1;
  const D = new Float64Array((n * (n - 1)) / 2);
  for (let i = 0; i < n; i++) {
    const oi = i * m;
    const si = size[i];
    for (let j = i + 1; j < n; j++) {
      const oj = j * m;
      let s = 0;
      for (let f = 0; f < m; f++) {
        const d = z[oi + f] - z[oj + f];
        s += d * d;
      }
      const sj = size[j];
      // 2 · si · sj ÷ (si + sj) is exactly 1 for unit sizes: the plain Euclidean distance.
      D[rs[i] + j] = si === 1 && sj === 1 ? Math.sqrt(s) : Math.sqrt(s * ((2 * si * sj) / (si + sj)));
    }
  }

  const active = new Uint8Array(n).fill(1);
  // The tree node each slot holds: -1 - i for segment i, else the chain's merge index.
  const node = new Int32Array(n);
  for (let i = 0; i < n; i++) node[i] = -1 - i;
  const steps = n - 1;
  const lo = new Int32Array(steps);
  const hi = new Int32Array(steps);
  const left = new Int32Array(steps);
  const right = new Int32Array(steps);
  const height = new Float64Array(steps);
  const key = new Float64Array(steps);
  const mSegs = new Int32Array(steps);
  const mSize = new Float64Array(steps);
  const chain = new Int32Array(n);
  const place = new Int32Array(n).fill(-1); // position of a slot in the chain, or -1
  let len = 0;
  let lowest = 0; // lowest active slot

  for (let t = 0; t < steps; t++) {
    if (len === 0) {
      while (!active[lowest]) lowest++;
      chain[0] = lowest;
      place[lowest] = 0;
      len = 1;
    }
    let x: number;
    let y: number;
    let best: number;
    for (;;) {
      x = chain[len - 1];
      // Nearest neighbour of x: smallest distance, then lowest slot (the scan is in slot order).
      best = Infinity;
      y = -1;
      const rx = rs[x];
      for (let i = 0; i < x; i++) {
        if (!active[i]) continue;
        const d = D[rs[i] + x];
        if (d < best || y < 0) {
          best = d;
          y = i;
        }
      }
      for (let i = x + 1; i < n; i++) {
        if (!active[i]) continue;
        const d = D[rx + i];
        if (d < best || y < 0) {
          best = d;
          y = i;
        }
      }
      if (len > 1 && y === chain[len - 2]) break;
      if (place[y] >= 0) {
        // Only rounding can lead the chain back to one of its clusters: cut the chain there.
        for (let k = place[y] + 1; k < len; k++) place[chain[k]] = -1;
        len = place[y] + 1;
        continue;
      }
      place[y] = len;
      chain[len++] = y;
    }
    place[x] = -1;
    place[y] = -1;
    len -= 2;
    const p = x < y ? x : y;
    const q = x < y ? y : x;
    const np = size[p];
    const nq = size[q];
    lo[t] = p;
    hi[t] = q;
    left[t] = node[p];
    right[t] = node[q];
    height[t] = best;
    mSegs[t] = segs[p] + segs[q];
    mSize[t] = np + nq;
    // The order key never falls below a part's key (rounding can put a merge an ulp below).
    let k = best;
    if (node[p] >= 0 && key[node[p]] > k) k = key[node[p]];
    if (node[q] >= 0 && key[node[q]] > k) k = key[node[q]];
    key[t] = k;
    // Lance–Williams, in SciPy's floating-point form (scipy/cluster/_hierarchy_distance_update.pxi).
    const dpq = best;
    const rp = rs[p];
    const rq = rs[q];
    for (let i = 0; i < n; i++) {
      if (!active[i] || i === p || i === q) continue;
      const ip = i < p ? rs[i] + p : rp + i;
      const iq = i < q ? rs[i] + q : rq + i;
      const ni = size[i];
      const tt = 1.0 / (np + nq + ni);
      const dpi = D[ip];
      const dqi = D[iq];
      const v = (ni + np) * tt * dpi * dpi + (ni + nq) * tt * dqi * dqi - ni * tt * dpq * dpq;
      D[ip] = Math.sqrt(v > 0 ? v : 0);
    }
    active[q] = 0;
    size[p] = np + nq;
    segs[p] = mSegs[t];
    node[p] = t;
  }

  // Greedy order: a merge is ready when its parts exist; the smallest (key, lo, hi) goes first.
  const parent = new Int32Array(steps).fill(-1);
  for (let t = 0; t < steps; t++) {
    if (left[t] >= 0) parent[left[t]] = t;
    if (right[t] >= 0) parent[right[t]] = t;
  }
  const waiting = new Uint8Array(steps);
  for (let t = 0; t < steps; t++) waiting[t] = (left[t] >= 0 ? 1 : 0) + (right[t] >= 0 ? 1 : 0);
  const less = (s: number, t: number): boolean =>
    key[s] !== key[t] ? key[s] < key[t] : lo[s] !== lo[t] ? lo[s] < lo[t] : hi[s] < hi[t];
  const id = new Int32Array(steps); // final 1-based cluster number of each chain merge
  const out: WardTree = {
    n,
    a: new Int32Array(steps),
    b: new Int32Array(steps),
    height: new Float64Array(steps),
    segments: new Int32Array(steps),
    size: new Float64Array(steps),
  };
  let emitted = 0;
  const number = (nd: number): number => (nd < 0 ? -nd : id[nd]);
  heapOrder(
    steps,
    (push) => {
      for (let t = 0; t < steps; t++) if (waiting[t] === 0) push(t);
    },
    less,
    (t, push) => {
      const e = emitted++;
      id[t] = n + e + 1;
      const u = number(left[t]);
      const v = number(right[t]);
      out.a[e] = u < v ? u : v;
      out.b[e] = u < v ? v : u;
      out.height[e] = height[t];
      out.segments[e] = mSegs[t];
      out.size[e] = mSize[t];
      const p = parent[t];
      if (p >= 0 && --waiting[p] === 0) push(p);
    },
  );
  return out;
}

/**
 * Cluster labels 1 … k of the n segments after the first n − k merges of `tree`, numbered in
 * order of first appearance down the rows.
 */
export function cutTree(tree: WardTree, k: number): Int32Array {
  const n = tree.n;
  const up = new Int32Array(2 * n); // union-find over the 2n − 1 cluster numbers (1-based)
  for (let i = 0; i < up.length; i++) up[i] = i;
  const find = (x: number): number => {
    while (up[x] !== x) {
      up[x] = up[up[x]];
      x = up[x];
    }
    return x;
  };
  for (let t = 0; t < n - k; t++) {
    const c = n + t + 1;
    up[find(tree.a[t])] = c;
    up[find(tree.b[t])] = c;
  }
  const label = new Int32Array(n);
  const seen = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const r = find(i + 1);
    let l = seen.get(r);
    if (l === undefined) {
      l = seen.size + 1;
      seen.set(r, l);
    }
    label[i] = l;
  }
  return label;
}

// --- Excel entry ------------------------------------------------------------------------------

/** What the call reads from `profiles`, `weights` and `sizes`. */
export interface ClusterInput {
  /** Segments (non-blank rows). */
  n: number;
  /** Features (columns). */
  m: number;
  /** Original values, n × m row-major. */
  x: Float64Array;
  /** Weight of each feature (default 1). */
  weights: number[];
  /** Size of each segment, or `undefined` when `sizes` was not given (all 1). */
  sizes: Float64Array | undefined;
  /** Feature names of the header row, or `undefined` without one. */
  names: string[] | undefined;
  /** 0-based index of each segment's row among the data rows (after the header row). */
  rows: Int32Array;
  /** Data rows, blank rows included up to the last segment. */
  dataRows: number;
}

/**
 * True when the first row of `profiles` is a header row of feature names: it has a text cell
 * and no cell is a number (or number text); blank cells (and 0, an empty cell from an older
 * desktop build) are allowed.
 */
function isHeader(r: readonly unknown[]): boolean {
  let text = false;
  for (const raw of r) {
    if (isVoid(raw)) continue;
    const c = basic(raw);
    if (typeof c !== "string" || parseNumber(c) !== undefined) return false;
    text = true;
  }
  return text;
}

/** An omitted optional range: nothing, a blank scalar, or a single blank cell. */
function omitted(arg: unknown): boolean {
  if (!Array.isArray(arg)) return isBlank(arg);
  const g = grid(arg);
  return g.length === 0 || (g.length === 1 && g[0].length === 1 && isBlank(g[0][0]));
}

/** Read `profiles`, `weights` and `sizes`: `#VALUE!` naming the argument, row and column. */
export function clusterInput(profiles: unknown, weights: unknown, sizes: unknown): ClusterInput {
  const data = grid(profiles);
  const m = data.length ? data[0].length : 0;
  const header = data.length > 0 && isHeader(data[0]);
  const first = header ? 1 : 0;
  const names = header ? data[0].map((c) => (isVoid(c) ? "" : String(basic(c)).trim())) : undefined;
  const rows: number[] = [];
  const end = emptyTailStart(data, first);
  for (let i = first; i < end; i++) if (!blankRow(data[i])) rows.push(i);
  const n = rows.length;
  if (n === 0) invalid("emptyTable", { arg: "profiles" });
  if (n > MAX_SEGMENTS) invalid("clusterTooManySegments", { arg: "profiles" }, { actual: n, limit: MAX_SEGMENTS });
  const x = new Float64Array(n * m);
  for (let s = 0; s < n; s++) {
    const r = data[rows[s]];
    for (let j = 0; j < m; j++) {
      const v = r[j];
      x[s * m + j] = typeof v === "number" && Number.isFinite(v) ? v : cellNumber(v, { arg: "profiles", row: rows[s] + 1, col: j + 1 });
    }
  }

  let w: number[];
  if (omitted(weights)) w = new Array<number>(m).fill(1);
  else {
    // A blank weight cell counts 1, as NEO's weights.
    const v = vec(weights, "weights");
    if (v.n !== m) invalid("wrongCount", { arg: "weights" }, { expected: m, actual: v.n });
    w = [];
    for (let j = 0; j < m; j++) {
      const c = at(v, j);
      w.push(isBlank(c) ? 1 : cellNumber(c, whereAt(v, j), "nonNegative"));
    }
  }

  let sz: Float64Array | undefined;
  if (!omitted(sizes)) {
    // One size per row of profiles, counted with its header row or without it.
    const v = vec(sizes, "sizes");
    const offset = v.n === data.length ? first : v.n === data.length - first ? 0 : -1;
    if (offset < 0) invalid("clusterSizesLength", { arg: "sizes" }, { actual: v.n, expected: data.length });
    sz = new Float64Array(n);
    for (let s = 0; s < n; s++) {
      const i = rows[s] - first + offset;
      sz[s] = cellNumber(at(v, i), whereAt(v, i), "positive");
    }
  }
  const segRows = new Int32Array(n);
  for (let s = 0; s < n; s++) segRows[s] = rows[s] - first;
  return { n, m, x, weights: w, sizes: sz, names, rows: segRows, dataRows: n ? segRows[n - 1] + 1 : 0 };
}

/**
 * `DTC.CLUSTER(profiles, k, [weights], [sizes], [output], [with_headers])`.
 *
 * `k` a whole number 1 ≤ k ≤ n; `weights` 1 × m, each ≥ 0 (blank = 1); `sizes` one per row of
 * `profiles` (with or without its header row), each > 0; `output` "labels" (default), "tree"
 * or "profile" (also 标签, 聚类树, 画像).
 */
export const CLUSTER_PARAMS = [
  { name: "profiles", type: "range" },
  { name: "k", type: "number" },
  { name: "weights", type: "range", optional: true },
  { name: "sizes", type: "range", optional: true },
  option(
    "output",
    { labels: "labels", label: "labels", 标签: "labels", tree: "tree", 树: "tree", 聚类树: "tree", profile: "profile", profiles: "profile", 画像: "profile" },
    "labels",
  ),
  WITH_HEADERS,
] as const satisfies readonly Param[];

export function clusterExcel(...args: unknown[]): ResultCell[][] {
  const p = bind(CLUSTER_PARAMS, args);
  const inp = clusterInput(p.profiles, p.weights, p.sizes);
  const { n, m } = inp;
  if (!Number.isInteger(p.k) || p.k < 1) invalid("notInteger", { arg: "k" }, { value: show(p.k), min: 1 });
  if (p.k > n) invalid("clusterKTooLarge", { arg: "k" }, { value: p.k, n });
  if (p.output === "tree" && n < 2) fail("#N/A", "clusterNoMerge", { arg: "profiles" });

  const z = standardise(inp.x, n, m, inp.weights);
  for (let i = 0; i < z.length; i++) if (!Number.isFinite(z[i])) fail("#NUM!", "clusterNotFinite", { arg: "profiles" });
  const tree = wardTree(z, n, m, inp.sizes);
  for (let t = 0; t < n - 1; t++) if (!Number.isFinite(tree.height[t])) fail("#NUM!", "clusterNotFinite", { arg: "profiles" });

  if (p.output === "tree") {
    const out: ResultCell[][] = [];
    if (p.with_headers) out.push([...CLUSTER_TREE_COLUMNS]);
    for (let t = 0; t < n - 1; t++) out.push([tree.a[t], tree.b[t], tree.height[t], tree.segments[t]]);
    return out;
  }
  const label = cutTree(tree, p.k);
  if (p.output === "labels") {
    // One cell per data row down to the last segment; a blank row in between gets "".
    const out: ResultCell[][] = [];
    if (p.with_headers) out.push([CLUSTER_LABEL_COLUMN]);
    const col: ResultCell[] = new Array<ResultCell>(inp.dataRows).fill("");
    for (let s = 0; s < n; s++) col[inp.rows[s]] = label[s];
    for (const c of col) out.push([c]);
    return out;
  }
  // profile: [cluster, segments, size, size-weighted mean of each original feature]
  const k = p.k;
  const count = new Float64Array(k);
  const weight = new Float64Array(k);
  const sums = new Float64Array(k * m);
  for (let s = 0; s < n; s++) {
    const c = label[s] - 1;
    const w = inp.sizes ? inp.sizes[s] : 1;
    count[c]++;
    weight[c] += w;
    for (let j = 0; j < m; j++) sums[c * m + j] += w * inp.x[s * m + j];
  }
  const out: ResultCell[][] = [];
  if (p.with_headers || inp.names) {
    const names = inp.names ?? Array.from({ length: m }, (_, j) => `feature_${j + 1}`);
    out.push([...CLUSTER_PROFILE_COLUMNS, ...names]);
  }
  for (let c = 0; c < k; c++) {
    const row: ResultCell[] = [c + 1, count[c], weight[c]];
    for (let j = 0; j < m; j++) row.push(sums[c * m + j] / weight[c]);
    out.push(row);
  }
  return out;
}
