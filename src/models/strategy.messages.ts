/** Messages of ASSOC, CLUSTER, CALIBRATE (src/models/assoc.ts, cluster.ts, calibrate.ts), in English and Simplified Chinese; merged into the catalog of src/excel/messages.ts. */
import type { Entry } from "../excel/messages";

export const STRATEGY_MESSAGES = {
  // --- ASSOC ----------------------------------------------------------------------------------
  assocNoRule: {
    en: "no pair of categories reaches min_support ({value}): the most frequent pair is bought together in {count} of {baskets} baskets",
    zh: "没有任何品类组合达到 min_support（{value}）：最常一起购买的组合只出现在 {baskets} 个购物篮中的 {count} 个",
  },
  assocNoPair: {
    en: "no pair of categories reaches min_support: no basket holds two different categories ({baskets} baskets)",
    zh: "没有任何品类组合达到 min_support：没有一个购物篮包含两个不同的品类（共 {baskets} 个购物篮）",
  },
  // --- CLUSTER --------------------------------------------------------------------------------
  clusterKTooLarge: {
    en: "{value} is more than the {n} segments of profiles; k must be at most {n}",
    zh: "{value} 超过了 profiles 中的 {n} 个细分人群；k 最多为 {n}",
  },
  clusterTooManySegments: {
    en: "{actual} segments is more than the {limit} segments CLUSTER accepts in one call; merge the finest segments first",
    zh: "{actual} 个细分人群超过了 CLUSTER 单次调用可处理的 {limit} 个；请先合并最细的细分人群",
  },
  clusterSizesLength: {
    en: "{actual} cells, but profiles has {expected} rows; give one size per row of profiles",
    zh: "{actual} 个单元格，而 profiles 有 {expected} 行；请为 profiles 的每一行给出一个规模",
  },
  clusterNoMerge: {
    en: "a single segment has no merge to show; the tree needs at least 2 segments",
    zh: "只有一个细分人群，没有可显示的合并；聚类树至少需要 2 个细分人群",
  },
  clusterNotFinite: {
    en: "the standardised, weighted distances are not finite numbers (a feature or a weight is too large)",
    zh: "标准化并加权后的距离不是有限数值（某个特征值或权重过大）",
  },
  // --- CALIBRATE ------------------------------------------------------------------------------
  calibrateNoItem: {
    en: "no item has brand ≥ min_brand ({value})",
    zh: "没有品牌人数 ≥ min_brand（{value}）的条目",
  },
} as const satisfies Record<string, Entry>;
