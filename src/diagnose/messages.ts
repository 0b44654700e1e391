/** Messages of INDEX and DIAGNOSE (src/diagnose/), in English and Simplified Chinese; merged into the catalog of src/excel/messages.ts. */
import type { Entry } from "../excel/messages";

export const DIAGNOSE_MESSAGES = {
  // --- reading brand, peers, weights, scenario_map -------------------------------------------
  diagBrandShape: {
    en: "expected a header row of indicator codes over one row of values, got {rows}×{cols}",
    zh: "应为一行指标代码表头加一行数值，实际为 {rows}×{cols}",
  },
  diagNoCodes: {
    en: "the header row holds no indicator code (such as FAST.A or 加深率)",
    zh: "表头行中没有指标代码（例如 FAST.A 或 加深率）",
  },
  diagUnknownCode: {
    en: 'unknown indicator code "{value}"; use a track and an indicator such as FAST.A, SUPER.U, NEO.N, FASTPLUS.CLV, START.SEEDING, GROW.R, or a Chinese name such as 加深率',
    zh: "未知指标代码“{value}”；请用赛道加指标，例如 FAST.A、SUPER.U、NEO.N、FASTPLUS.CLV、START.SEEDING、GROW.R，或中文指标名，例如 加深率",
  },
  diagUnknownMapCode: {
    en: 'unknown indicator code "{value}"; use codes such as FAST.A or 加深率, or a track name alone (FAST, SUPER, NEO, FASTPLUS, START, GROW)',
    zh: "未知指标代码“{value}”；请用指标代码（例如 FAST.A 或 加深率），或单独的赛道名（FAST、SUPER、NEO、FASTPLUS、START、GROW）",
  },
  diagAmbiguousCode: {
    en: '"{value}" is ambiguous ({list}); use the indicator\'s name',
    zh: "“{value}”有歧义（{list}）；请用指标名称",
  },
  diagDuplicateCode: {
    en: "{code} is already in column {first}; give each indicator once",
    zh: "{code} 已在第 {first} 列出现；每个指标只能给出一次",
  },
  diagWidth: {
    en: "{actual} columns, but brand has {expected}: without a header row of codes, the columns must be brand's",
    zh: "有 {actual} 列，而 brand 有 {expected} 列；没有指标代码表头时，各列须与 brand 的列一一对应",
  },
  diagWeightsShape: {
    en: "expected a header row of indicator codes over one row of weights, or one row of weights in the columns of brand, got {rows}×{cols}",
    zh: "应为一行指标代码表头加一行权重，或与 brand 各列对应的一行权重，实际为 {rows}×{cols}",
  },
  // --- results ---------------------------------------------------------------------------------
  diagNoIndicator: {
    en: "{what}: no indicator could be scored (each needs a brand value and at least one peer value)",
    zh: "{what}：没有可评分的指标（每个指标需要本品牌值和至少一个对标品牌值）",
  },
  diagNoTrack: { en: "{what}: no track could be scored", zh: "{what}：没有可评分的赛道" },
  diagNothingScored: {
    en: "no indicator could be scored: each needs a value in brand and at least one value in peers",
    zh: "没有可评分的指标：每个指标需要 brand 中的值和 peers 中至少一个值",
  },
} as const satisfies Record<string, Entry>;
