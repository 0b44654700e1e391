/*
 * INDEX and DIAGNOSE against a reference implementation written from SPEC §16 and §4 in this
 * file (its own code table, median, percentile, index, weighted means, tie rule and scenario
 * map; nothing imported from src/diagnose or src/models), on random benchmark sets: codes in
 * random subsets, orders and spellings, peers with or without a header row (in another order),
 * blanks in all three forms, empty tails, 0 values, optional weights, both methods, en and zh.
 */
import { afterAll, describe, expect, it } from "vitest";
import { diagnoseExcel, indexExcel } from "../../src/diagnose/diagnose";
import { CellError, type ResultCell } from "../../src/excel/errors";
import { setLanguage } from "../../src/excel/messages";
import { rng } from "../harness/rng";

// --- the reference, from SPEC ----------------------------------------------------------------

/** SPEC §16's table: track, part, Chinese name; English names are the model functions' (docs/functions.md). */
const TABLE: [string, string, string, string][] = [
  ["FAST", "F", "人群总量", "Fertility"], ["FAST", "A", "加深率", "Advancing"], ["FAST", "S", "超级用户数", "Superiority"], ["FAST", "T", "超级用户活跃度", "Thriving"],
  ["SUPER", "S", "优质货品占比", "Star product share"], ["SUPER", "U", "购买转化率", "Utmost conversion"], ["SUPER", "P", "新品贡献率", "Product novelty"],
  ["SUPER", "E", "售罄率", "Exact stock"], ["SUPER", "R", "履约时效", "Rapid fulfillment"],
  ["NEO", "N", "创新力", "Novelty"], ["NEO", "E", "沟通力", "Engagement"], ["NEO", "O", "价值力", "Solidity"],
  ["FASTPLUS", "CAPITAL", "可持续运营关系数", "CAPITAL"], ["FASTPLUS", "CONVERSION", "角色关系加深效率", "CONVERSION"],
  ["FASTPLUS", "CONNECTION", "场域引力", "CONNECTION"], ["FASTPLUS", "CLV", "角色关系价值", "CLV"],
  ["START", "SEEDING", "种草", "SEEDING"], ["START", "TRANSACTION", "带货", "TRANSACTION"], ["START", "TRAFFIC", "引流到私域", "TRAFFIC"],
  ["START", "REACH", "有效触达", "REACH"], ["START", "INTERACTION", "深度互动", "INTERACTION"],
  ["GROW", "G", "渗透力", "Gain"], ["GROW", "R", "复购力", "Retain"], ["GROW", "O", "价格力", "Boost"], ["GROW", "W", "延展力", "Widen"],
];
const CODE = TABLE.map(([t, p]) => `${t}.${p}`);
const TRACKS = ["FAST", "SUPER", "NEO", "FASTPLUS", "START"];

/** SPEC §16's scenario map: en, zh, indicators (a track alone = all of it). */
const MAP: [string, string, string[]][] = [
  ["Style-trend insight", "风格趋势洞察", ["FAST.A", "FAST.T", "SUPER.U"]],
  ["Cross-category expansion", "跨品类拓展", ["GROW.R"]],
  ["Potential-hit discovery", "潜爆品发现培育", ["SUPER.P", "SUPER.S", "SUPER.E"]],
  ["Content communication points", "内容沟通点洞察", ["START"]],
  ["Brand KOC cultivation", "品牌KOC培育", ["FASTPLUS.CLV", "FASTPLUS.CONVERSION"]],
  ["IP co-branding", "IP联名营销", ["SUPER.P", "SUPER.U"]],
  ["Member repurchase", "会员复购提升", ["FASTPLUS.CONVERSION", "FASTPLUS.CLV"]],
  ["Brand-mind diagnosis", "品牌心智诊断", ["NEO"]],
  ["Pioneer-crowd operation", "先锋人群运营", ["NEO.N"]],
  ["Custom strategy crowds", "策略人群定制", ["FAST.F", "GROW.G"]],
  ["Inventory health", "库存健康管理", ["SUPER.E"]],
  ["Logistics efficiency", "物流提效", ["SUPER.R"]],
  ["Omni-channel crowd operation", "全域人群运营", ["FASTPLUS.CAPITAL", "FASTPLUS.CONNECTION", "FAST.S"]],
  ["Pricing", "新品定价 · 动态定价", ["GROW.O", "NEO.O"]],
];
const moves = (list: string[], code: string): boolean => list.some((x) => x === code || x === code.split(".")[0]);

function refMedian(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/** One indicator's score per SPEC §4 / §16, or null when it is left out. */
function refScore(b: number | null, peers: number[], method: string): number | null {
  if (b === null || peers.length === 0) return null;
  if (method === "index") {
    const m = refMedian(peers);
    return m === 0 ? null : (100 * b) / m;
  }
  const below = peers.filter((x) => x < b).length;
  const equal = peers.filter((x) => x === b).length;
  return (100 * (below + equal / 2)) / peers.length;
}

/** The data of one set, by canonical code (what the generator knows it wrote). */
interface Truth {
  brand: Map<string, number | null>;
  peers: Map<string, number[]>;
  weights: Map<string, number>;
}
type Cell = number | "N/A" | "DIV0";

function refIndex(t: Truth, method: string): Cell[] {
  const score = (c: string) => refScore(t.brand.get(c) ?? null, t.peers.get(c) ?? [], method);
  const tracks: Cell[] = TRACKS.map((tr) => {
    let num = 0;
    let den = 0;
    let n = 0;
    for (const c of CODE.filter((x) => x.startsWith(tr + "."))) {
      const s = score(c);
      if (s === null) continue;
      const w = t.weights.get(c) ?? 1;
      num += w * s;
      den += w;
      n++;
    }
    if (n === 0) return "N/A";
    return den === 0 ? "DIV0" : num / den;
  });
  const nums = tracks.filter((x): x is number => typeof x === "number");
  return [...tracks, nums.length ? nums.reduce((a, b) => a + b, 0) / nums.length : "N/A"];
}

function refDiagnose(t: Truth, method: string, topN: number, lang: "en" | "zh"): unknown[][] {
  const rows = CODE.map((c, i) => ({ c, i, s: refScore(t.brand.get(c) ?? null, t.peers.get(c) ?? [], method) })).filter((r) => r.s !== null) as {
    c: string;
    i: number;
    s: number;
  }[];
  // Ties per SPEC §0: within a relative 1e-12 of the lowest left, the table order decides.
  const out: typeof rows = [];
  const left = [...rows];
  while (left.length && out.length < topN) {
    const m = Math.min(...left.map((r) => r.s));
    const tied = left.filter((r) => Math.abs(r.s - m) <= 1e-12 * Math.max(Math.abs(r.s), Math.abs(m))).sort((a, b) => a.i - b.i);
    const pick = tied[0];
    out.push(pick);
    left.splice(left.indexOf(pick), 1);
  }
  return out.map(({ c, i, s }) => [
    c,
    lang === "zh" ? TABLE[i][2] : TABLE[i][3],
    s,
    t.brand.get(c),
    refMedian(t.peers.get(c)!),
    MAP.filter(([, , list]) => moves(list, c))
      .map(([en, zh]) => (lang === "zh" ? zh : en))
      .join("; "),
  ]);
}

// --- random benchmark sets ---------------------------------------------------------------------


/** A spelling of code i: canonical, lower case with another separator, or the Chinese name. */
function spell(i: number, r: () => number): string {
  const [t, p, zh, en] = TABLE[i];
  const k = Math.floor(r() * 7);
  if (k === 0) return zh;
  if (k === 1) return `${t.toLowerCase()}-${p.toLowerCase()}`;
  if (k === 2) return `${t} ${p}`;
  if (k === 3) return `${t.toLowerCase()}_${p.toLowerCase()}`;
  if (k === 4) return `${t}.${en}`;
  if (k === 5 && t === "FASTPLUS") return `FAST+.${p}`;
  return `${t}.${p}`;
}
const BLANKS = ["", null, undefined, "  "];

function randomSet(seed: number) {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const n = 1 + Math.floor(r() * 25);
  const idx = [...CODE.keys()].sort(() => r() - 0.5).slice(0, n);
  // Small integer grids make ties (and equal values) frequent; otherwise continuous values.
  const discrete = r() < 0.5;
  const value = (): number => (discrete ? Math.floor(r() * 6) / (r() < 0.5 ? 1 : 10) : Math.round(r() * 1e6) / 1e4 - (r() < 0.1 ? 50 : 0));
  const truth: Truth = { brand: new Map(), peers: new Map(), weights: new Map() };
  const header = idx.map((i) => spell(i, r));
  const brandRow = idx.map((i) => {
    const v = r() < 0.15 ? null : value();
    truth.brand.set(CODE[i], v);
    truth.peers.set(CODE[i], []);
    return v === null ? pick(BLANKS) : r() < 0.1 ? String(v) : v;
  });
  const m = 1 + Math.floor(r() * 15);
  const peerRows: unknown[][] = [];
  for (let k = 0; k < m; k++) {
    const row = idx.map((i) => {
      if (r() < 0.2) return pick(BLANKS);
      const v = value();
      truth.peers.get(CODE[i])!.push(v);
      return v;
    });
    // A row of blanks and zeros only is no peer: take its values back.
    if (row.every((x) => x === 0 || x === null || x === undefined || (typeof x === "string" && x.trim() === ""))) {
      idx.forEach((i, j) => {
        if (row[j] === 0) truth.peers.get(CODE[i])!.pop();
      });
    }
    peerRows.push(row);
  }
  // Peers under their own header row in another order and spelling, or in brand's columns.
  let peers: unknown[][];
  if (r() < 0.5) {
    const perm = [...idx.keys()].sort(() => r() - 0.5);
    peers = [perm.map((j) => spell(idx[j], r)), ...peerRows.map((row) => perm.map((j) => row[j]))];
  } else peers = peerRows;
  const tailForm = pick([null, "", 0, undefined]);
  const tail = Math.floor(r() * 4);
  for (let k = 0; k < tail; k++) peers.push(new Array(idx.length).fill(tailForm));
  // Weights: none, by header (a random subset), or by position.
  let weights: unknown = null;
  const wk = r();
  if (wk < 0.35) {
    const sub = idx.filter(() => r() < 0.6);
    const ws = sub.map(() => (r() < 0.15 ? 0 : r() < 0.15 ? "" : Math.round(r() * 40) / 10));
    sub.forEach((i, j) => truth.weights.set(CODE[i], ws[j] === "" ? 1 : (ws[j] as number)));
    if (sub.length) weights = [sub.map((i) => spell(i, r)), ws];
  } else if (wk < 0.6) {
    const ws = idx.map(() => (r() < 0.15 ? 0 : Math.round(r() * 40) / 10));
    idx.forEach((i, j) => truth.weights.set(CODE[i], ws[j]));
    weights = [ws];
  }
  const method = pick(["percentile", "index", null]);
  const topN = 1 + Math.floor(r() * 27);
  return { brand: [header, brandRow], peers, weights, truth, method, topN, lang: (r() < 0.5 ? "en" : "zh") as "en" | "zh" };
}

// --- the comparison ----------------------------------------------------------------------------

const SETS = 1500;
let compared = 0;
afterAll(() => {
  setLanguage("en");
  console.log(`diagnose reference: ${compared} comparisons on ${SETS} random benchmark sets`);
});

function same(actual: ResultCell, expected: unknown, where: string): void {
  if (expected === "N/A" || expected === "DIV0") {
    expect(actual instanceof CellError && actual.kind, where).toBe(expected === "N/A" ? "#N/A" : "#DIV/0!");
  } else if (typeof expected === "number") {
    expect(typeof actual, where).toBe("number");
    const a = actual as number;
    expect(Math.abs(a - expected), `${where}: ${a} vs ${expected}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
  } else expect(actual, where).toEqual(expected);
}

describe("INDEX and DIAGNOSE equal the reference on random benchmark sets", () => {
  it(`${SETS} sets, both functions`, () => {
    let diagnosed = 0;
    for (let seed = 1; seed <= SETS; seed++) {
      const s = randomSet(seed);
      const method = s.method ?? "percentile";
      const [row] = indexExcel(s.brand, s.peers, s.method, s.weights);
      const want = refIndex(s.truth, method);
      want.forEach((w, k) => same(row[k], w, `seed ${seed} INDEX cell ${k}`));
      compared++;

      setLanguage(s.lang);
      const expected = refDiagnose(s.truth, method, s.topN, s.lang);
      if (expected.length === 0) {
        expect(() => diagnoseExcel(s.brand, s.peers, s.topN, s.method), `seed ${seed}`).toThrow();
      } else {
        const got = diagnoseExcel(s.brand, s.peers, s.topN, s.method);
        expect(got.length, `seed ${seed} DIAGNOSE rows`).toBe(expected.length);
        got.forEach((g, i) => g.forEach((c, k) => same(c, expected[i][k], `seed ${seed} DIAGNOSE row ${i} cell ${k}`)));
        diagnosed++;
      }
      setLanguage("en");
      compared++;
    }
    // Most sets score something.
    expect(diagnosed).toBeGreaterThan(SETS * 0.8);
  });
});
