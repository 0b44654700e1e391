/* The indicator code table and its parser (SPEC §16): the table as SPEC writes it, every accepted spelling, refusals. */
import { describe, expect, it } from "vitest";
import { CODES, codeOf, codesOf, parseCode, TRACK_IDS, TRACKS } from "../../src/diagnose/codes";

/** SPEC §16's table, copied by hand: track, then part and Chinese name of each indicator. */
const SPEC_TABLE: [string, [string, string][]][] = [
  ["FAST", [["F", "人群总量"], ["A", "加深率"], ["S", "超级用户数"], ["T", "超级用户活跃度"]]],
  ["SUPER", [["S", "优质货品占比"], ["U", "购买转化率"], ["P", "新品贡献率"], ["E", "售罄率"], ["R", "履约时效"]]],
  ["NEO", [["N", "创新力"], ["E", "沟通力"], ["O", "价值力"]]],
  ["FASTPLUS", [["CAPITAL", "可持续运营关系数"], ["CONVERSION", "角色关系加深效率"], ["CONNECTION", "场域引力"], ["CLV", "角色关系价值"]]],
  ["START", [["SEEDING", "种草"], ["TRANSACTION", "带货"], ["TRAFFIC", "引流到私域"], ["REACH", "有效触达"], ["INTERACTION", "深度互动"]]],
  ["GROW", [["G", "渗透力"], ["R", "复购力"], ["O", "价格力"], ["W", "延展力"]]],
];

describe("the code table", () => {
  it("is SPEC §16's table, in its order (the order of ties)", () => {
    const expected = SPEC_TABLE.flatMap(([t, list]) => list.map(([p, zh]) => ({ code: `${t}.${p}`, track: t, part: p, zh })));
    expect(CODES.map((c) => ({ code: c.code, track: c.track, part: c.part, zh: c.zh }))).toEqual(expected);
    expect(CODES.map((c) => c.order)).toEqual(CODES.map((_, i) => i));
    expect(CODES).toHaveLength(25);
  });
  it("has five tracks in index order, GROW outside the index", () => {
    expect(TRACK_IDS).toEqual(["FAST", "SUPER", "NEO", "FASTPLUS", "START"]);
    expect(TRACKS.filter((t) => !t.inIndex).map((t) => t.id)).toEqual(["GROW"]);
    expect(codesOf("NEO").map((c) => c.code)).toEqual(["NEO.N", "NEO.E", "NEO.O"]);
  });
  it("takes the English names of the model functions", () => {
    const en = Object.fromEntries(CODES.map((c) => [c.code, c.en]));
    expect(en["FAST.A"]).toBe("Advancing");
    expect(en["SUPER.U"]).toBe("Utmost conversion");
    expect(en["NEO.O"]).toBe("Solidity");
    expect(en["FASTPLUS.CLV"]).toBe("CLV");
    expect(en["GROW.O"]).toBe("Boost");
  });
  it("has no Chinese name twice (each names its indicator alone)", () => {
    const all = CODES.flatMap((c) => c.zhNames);
    expect(new Set(all).size).toBe(all.length);
  });
});

describe("parseCode", () => {
  const cases: [string, string][] = [
    ["FAST.A", "FAST.A"],
    ["fast-a", "FAST.A"],
    ["Fast_A", "FAST.A"],
    ["fast a", "FAST.A"],
    ["  FAST . A  ", "FAST.A"],
    ["加深率", "FAST.A"],
    [" 加深率 ", "FAST.A"],
    ["SUPER U", "SUPER.U"],
    ["super_u", "SUPER.U"],
    ["super.utmost conversion", "SUPER.U"],
    ["SUPER-star_product-share", "SUPER.S"],
    ["FASTPLUS.CLV", "FASTPLUS.CLV"],
    ["fastplus-clv", "FASTPLUS.CLV"],
    ["FAST+.CLV", "FASTPLUS.CLV"],
    ["FAST+ capital", "FASTPLUS.CAPITAL"],
    ["start.seeding", "START.SEEDING"],
    ["START.S", "START.SEEDING"],
    ["start-a", "START.TRAFFIC"],
    ["START REACH", "START.REACH"],
    ["有效触达", "START.REACH"],
    ["有效触达人数", "START.REACH"],
    ["neo.novelty", "NEO.N"],
    ["NEO.价值力", "NEO.O"],
    ["价值力", "NEO.O"],
    ["价格力", "GROW.O"],
    ["grow.r", "GROW.R"],
    ["GROW retain", "GROW.R"],
    ["ＦＡＳＴ．Ａ", "FAST.A"],
    ["人群.A", "FAST.A"],
  ];
  for (const [text, code] of cases) it(`reads ${JSON.stringify(text)} as ${code}`, () => expect(codeOf(text)?.code).toBe(code));

  it("reads a track name alone as the track", () => {
    for (const [text, id] of [["START", "START"], ["fastplus", "FASTPLUS"], ["FAST+", "FASTPLUS"], ["内容", "START"], [" neo ", "NEO"], ["GROW", "GROW"]]) {
      const p = parseCode(text);
      expect(p.kind === "track" && p.track.id, text).toBe(id);
    }
  });
  it("finds START's shared letter T ambiguous", () => {
    const p = parseCode("START.T");
    expect(p.kind).toBe("ambiguous");
    expect(p.kind === "ambiguous" && p.candidates.map((c) => c.code)).toEqual(["START.TRANSACTION", "START.INTERACTION"]);
  });
  it("refuses everything else", () => {
    for (const text of ["", "FASTA", "FAST.X", "A", "CLV", "FASTPLUS.C", "FAST.CLV", "x.FAST.A", "转化率", "FAST..A.B", "Advancing"]) {
      expect(parseCode(text).kind, text).toBe("unknown");
    }
  });
});
