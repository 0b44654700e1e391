/** Messages of GTA sensitivity and GTA.BUDGET (src/plan/), in English and Simplified Chinese; merged into the catalog of src/excel/messages.ts. */
import type { Entry } from "../excel/messages";

export const WHATIF_MESSAGES = {
  // --- GTA "sensitivity": the marginal-cost cell (#N/A) -------------------------------------
  gtaMarginalNoCost: {
    en: "{what}: crowds row {row} can be grown (stage A or I) but has no cost, so GMV has no price per unit",
    zh: "{what}：crowds 第 {row} 行可增长（A 或 I 阶段）但没有单人成本，无法给出每单位 GMV 的成本",
  },
  gtaMarginalUnreachable: {
    en: "{what}: the target is out of reach with these capacities (the plan has a shortfall), so no more GMV can be bought",
    zh: "{what}：在现有可增量下无法达成目标（计划有未达成部分），无法再买到更多 GMV",
  },
  // --- GTA.BUDGET (#VALUE!, with the place of the row) -----------------------------------------
  gtaBudgetNoCost: {
    en: "this row can be grown (stage A or I) but has no cost; GTA.BUDGET needs a cost on every growable row",
    zh: "此行可增长（A 或 I 阶段）但没有单人成本；GTA.BUDGET 要求每个可增长的行都有单人成本",
  },
  gtaBudgetFreeRow: {
    en: "a free row needs a capacity: its cost is 0 and its capacity is blank, so any budget would add unlimited consumers",
    zh: "免费的行需要填写可增量：此行单人成本为 0 且可增量为空，任何预算都会新增无限多的人数",
  },
} as const satisfies Record<string, Entry>;
