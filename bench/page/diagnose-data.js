/*
 * In-page data generator of the INDEX / DIAGNOSE benchmark (plain browser JavaScript, no
 * imports; see data.js for the conventions). Deterministic (mulberry32, as in data.js).
 *
 * BenchDiagnose.args(peers = 200, codes = 25, seed = 14) gives the arguments
 * [brand, peers, weights]: a header row of `codes` indicator codes (the code table in order,
 * written in mixed spellings: canonical, lower case with "-", "_" or a space, and Chinese
 * names), the brand's values under it, `peers` benchmark rows under their own header row in
 * reverse column order (so the call maps columns by code), about 5 % blank cells ("") in the
 * peers and the brand, and a weights header row with one row of weights. Call
 * DTC.INDEX(brand, peers, "percentile", weights) and DTC.DIAGNOSE(brand, peers, 5).
 */
(function () {
  "use strict";

  // The seeded PRNG and the column shape of bench/page/data.js, loaded before this file.
  const { rng } = globalThis.BenchData;


  /** The 25 codes of SPEC §16 in table order, with a typical scale for each (value ≈ scale × U(0.5, 1.5)). */
  const CODES = [
    ["FAST.F", "人群总量", 2e6], ["FAST.A", "加深率", 0.2], ["FAST.S", "超级用户数", 5e4], ["FAST.T", "超级用户活跃度", 0.4],
    ["SUPER.S", "优质货品占比", 0.2], ["SUPER.U", "购买转化率", 0.05], ["SUPER.P", "新品贡献率", 0.3], ["SUPER.E", "售罄率", 0.7], ["SUPER.R", "履约时效", 0.9],
    ["NEO.N", "创新力", 100], ["NEO.E", "沟通力", 100], ["NEO.O", "价值力", 100],
    ["FASTPLUS.CAPITAL", "可持续运营关系数", 3e5], ["FASTPLUS.CONVERSION", "角色关系加深效率", 0.15], ["FASTPLUS.CONNECTION", "场域引力", 0.4], ["FASTPLUS.CLV", "角色关系价值", 300],
    ["START.SEEDING", "种草", 0.08], ["START.TRANSACTION", "带货", 0.02], ["START.TRAFFIC", "引流到私域", 0.03], ["START.REACH", "有效触达", 1e6], ["START.INTERACTION", "深度互动", 0.15],
    ["GROW.G", "渗透力", 1e6], ["GROW.R", "复购力", 5e5], ["GROW.O", "价格力", 2e5], ["GROW.W", "延展力", 1e5],
  ];

  /** Spelling k of a code: canonical, "fast-a", "fast_a", "FAST A", or the Chinese name. */
  function spell(code, zh, k) {
    const [t, p] = code.split(".");
    switch (k % 5) {
      case 1: return t.toLowerCase() + "-" + p.toLowerCase();
      case 2: return t.toLowerCase() + "_" + p.toLowerCase();
      case 3: return t + " " + p;
      case 4: return zh;
      default: return code;
    }
  }

  function args(peers = 200, codes = 25, seed = 14) {
    const r = rng(seed);
    const cs = CODES.slice(0, Math.min(codes, CODES.length));
    const value = (scale) => (r() < 0.05 ? "" : scale * (0.5 + r()));
    const header = cs.map(([c, zh], j) => spell(c, zh, j));
    const brand = [header, cs.map(([, , s]) => value(s))];
    const rev = cs.map((_, j) => cs.length - 1 - j);
    const rows = [rev.map((j) => spell(cs[j][0], cs[j][1], j + 1))];
    for (let i = 0; i < peers; i++) rows.push(rev.map((j) => value(cs[j][2])));
    const weights = [cs.map(([c]) => c), cs.map(() => 0.5 + Math.round(r() * 30) / 10)];
    return [brand, rows, weights];
  }

  globalThis.BenchDiagnose = { rng, CODES, args };
})();
