/**
 * Words of the task pane and of the sheets it writes, in English and Simplified Chinese.
 *
 * The pane follows Office's display language (`Office.context.displayLanguage`, mapped by
 * {@link languageOf}: `zh-*` → Chinese, anything else → English). Engine messages (cell errors,
 * plan files) come from `src/excel/messages.ts`; this table holds only the pane's own words.
 * Placeholders `{name}` are filled by {@link label}.
 */
import { languageOf, type Lang } from "../src/excel/messages";
import { DIAGNOSE_STRINGS } from "./strings/diagnose";
import { WHATIF_STRINGS } from "./strings/whatif";
import { STRATEGY_STRINGS } from "./strings/strategy";
import { DATASETS_STRINGS } from "./strings/datasets";

export type { Lang };
export { languageOf };

/** One word or sentence of the pane in both languages. */
export interface Entry {
  en: string;
  zh: string;
}

/** The pane's core words; each later view keeps its words in taskpane/strings/<view>.ts, merged below. */
const core = {
  // --- navigation and common ------------------------------------------------------------------
  appTitle: { en: "DTC Metrics planners", zh: "DTC Metrics 计划工具" },
  tabGta: { en: "GTA", zh: "GTA" },
  tabHot: { en: "Hot product", zh: "爆品" },
  tabPlans: { en: "Plans", zh: "方案" },
  // --- Plans tab (views/PlansView.tsx, plans/actions.ts) -----------------------------------------
  plansSaveCurrent: { en: "Save current plan", zh: "保存当前方案" },
  plansSaveGta: { en: "Save GTA plan", zh: "保存 GTA 方案" },
  plansSaveHot: { en: "Save hot-product plan", zh: "保存爆品方案" },
  plansSaveInvalid: { en: "Complete the {view} form first (required fields, valid numbers).", zh: "请先填写完整{view}表单（必填项、有效数字）。" },
  plansInWorkbook: { en: "Plans in this workbook", zh: "此工作簿中的方案" },
  plansNone: { en: "No plans saved in this workbook yet.", zh: "此工作簿中还没有保存的方案。" },
  plansTooLarge: {
    en: "Not saved: the plans would take {size} MB, more than the {max} MB a workbook holds. Delete plans or shorten their descriptions first.",
    zh: "未保存：这些方案将占用 {size} MB，超过工作簿可保存的 {max} MB。请先删除部分方案或缩短其说明。",
  },
  plansLoading: { en: "Reading the plans…", zh: "正在读取方案…" },
  plansKind_gta: { en: "GTA", zh: "GTA" },
  plansKind_hotplan: { en: "Hot product", zh: "爆品" },
  plansTarget: { en: "Target {target}", zh: "目标 {target}" },
  plansUpdated: { en: "updated {date}", zh: "更新于 {date}" },
  plansActions: { en: "Actions for {name}", zh: "{name} 的操作" },
  plansLoad: { en: "Load", zh: "载入" },
  plansRename: { en: "Rename", zh: "重命名" },
  plansDuplicate: { en: "Duplicate", zh: "复制" },
  plansDelete: { en: "Delete", zh: "删除" },
  plansExport: { en: "Export", zh: "导出" },
  plansCopyTarget: { en: "Copy plan, change target", zh: "复制方案并修改目标" },
  plansNewTarget: { en: "New target GMV", zh: "新的目标 GMV" },
  plansCopyButton: { en: "Copy with this target", zh: "按此目标复制" },
  plansNewName: { en: "New name", zh: "新名称" },
  plansTemplates: { en: "New from template", zh: "从模板新建" },
  plansUseTemplate: { en: "Use template", zh: "使用模板" },
  plansImport: { en: "Import plan (.json)", zh: "导入方案（.json）" },
  plansConfirmTitle: { en: "Replace plan?", zh: "替换方案？" },
  plansReplace: { en: "Replace", zh: "替换" },
  plansCancel: { en: "Cancel", zh: "取消" },
  plansOk: { en: "OK", zh: "确定" },
  plansDeleteTitle: { en: "Delete plan?", zh: "删除方案？" },
  plansDeleteAsk: { en: 'Delete the plan "{name}" from this workbook?', zh: "从此工作簿中删除方案“{name}”？" },
  plansRescue: { en: "Download the stored text", zh: "下载已保存的原始文本" },
  plansDamaged: { en: "Plans cannot be saved until the stored library is repaired.", zh: "在修复已保存的方案库之前，无法保存方案。" },
  plansLoaded: { en: 'Loaded "{name}" into the {view} tab.', zh: "已将“{name}”载入{view}页。" },
  plansSaved: { en: 'Saved plan "{name}".', zh: "已保存方案“{name}”。" },
  plansReplaced: { en: 'Replaced plan "{name}".', zh: "已替换方案“{name}”。" },
  plansRenamed: { en: 'Renamed to "{name}".', zh: "已重命名为“{name}”。" },
  plansDuplicated: { en: 'Saved a copy as "{name}".', zh: "已另存副本“{name}”。" },
  plansDeleted: { en: 'Deleted plan "{name}".', zh: "已删除方案“{name}”。" },
  plansCopied: { en: 'Saved "{name}" with target {target}.', zh: "已保存“{name}”，目标为 {target}。" },
  plansExported: { en: 'Exported "{file}".', zh: "已导出“{file}”。" },
  plansBadTarget: { en: '"{value}" is not a number; nothing was changed.', zh: "“{value}”不是数字；未做任何更改。" },
  plansFileTooLarge: {
    en: "{file}: the file is {size} bytes, over the {limit} limit; it was not read and nothing was changed.",
    zh: "{file}：文件大小为 {size} 字节，超过 {limit} 上限；未读取，未做任何更改。",
  },
  plansFileUnreadable: { en: "{file}: the file could not be read ({detail}).", zh: "{file}：无法读取文件（{detail}）。" },
  plansImportRefused: { en: "{file} was not imported, nothing was changed. {detail}", zh: "未导入 {file}，未做任何更改。{detail}" },
  createPlan: { en: "Create plan", zh: "生成计划" },
  writing: { en: "Writing the plan sheet…", zh: "正在写入计划工作表…" },
  created: { en: 'Created sheet "{sheet}".', zh: "已创建工作表“{sheet}”。" },
  skippedParts: { en: "Not supported by this Excel, left out: {parts}.", zh: "此 Excel 版本不支持，已略过：{parts}。" },
  part_charts: { en: "chart", zh: "图表" },
  part_conditionalFormats: { en: "conditional colours", zh: "条件格式" },
  part_tables: { en: "Excel tables", zh: "Excel 表格" },
  part_columnWidths: { en: "column widths", zh: "列宽" },
  fixErrors: { en: "Fix the marked fields to create the plan.", zh: "请先修正标出的字段再生成计划。" },
  addRow: { en: "Add row", zh: "添加行" },
  removeRow: { en: "Remove row {row}", zh: "删除第 {row} 行" },
  addStrategyCrowds: { en: "Add the 8 strategy crowds", zh: "添加八大策略人群" },
  useSelection: { en: "Use selection", zh: "使用所选区域" },
  selectionRead: { en: "Read {rows} rows from {address}.", zh: "已从 {address} 读取 {rows} 行。" },
  rowLabel: { en: "Row {row}", zh: "第 {row} 行" },
  optional: { en: "optional", zh: "可选" },
  requiredHint: {
    en: "Fill in every field marked * to create the plan; a problem shows next to its field.",
    zh: "填写所有带 * 的字段后即可生成计划；有问题的字段旁会显示说明。",
  },
  addPhase: { en: "Add phase", zh: "添加阶段" },
  removePhase: { en: "Remove phase {row}", zh: "删除第 {row} 个阶段" },
  rowsCount: { en: "{rows} rows", zh: "共 {rows} 行" },
  weakestHeading: { en: "Weakest signal", zh: "最弱信号" },
  notInExcel: {
    en: "Open this page from Excel (Home › DTC Metrics) to use the planners.",
    zh: "请在 Excel 中打开此页面（开始 › DTC Metrics）以使用计划工具。",
  },

  // --- host errors ----------------------------------------------------------------------------
  err_invalidPlan: { en: "The planner produced an invalid sheet ({detail}).", zh: "计划工具生成的工作表无效（{detail}）。" },
  err_occupied: { en: "Cell {detail} is not empty; nothing was written.", zh: "单元格 {detail} 不为空；未写入任何内容。" },
  err_tableExists: { en: 'A table "{detail}" already exists; nothing was written.', zh: "表格“{detail}”已存在；未写入任何内容。" },
  err_noSelection: { en: "Select a range of cells first.", zh: "请先选择一个单元格区域。" },
  err_selectionTooLarge: {
    en: "The selection holds too many cells to read, even cut to the cells in use ({detail}). Select only the table.",
    zh: "所选区域的单元格太多，即使只取已使用的部分也无法读取（{detail}）。请只选择表格本身。",
  },
  err_libraryIncomplete: {
    en: "The plans stored in this workbook are incomplete (part {detail} is missing); nothing was read or changed.",
    zh: "此工作簿中保存的方案不完整（缺少第 {detail} 部分）；未读取或更改任何内容。",
  },
  err_unsupported: { en: "This Excel does not support it ({detail}).", zh: "此 Excel 版本不支持（{detail}）。" },
  err_host: { en: "Excel refused the change; the workbook is unchanged ({detail}).", zh: "Excel 拒绝了此更改，工作簿未改变（{detail}）。" },

  // --- GTA view ---------------------------------------------------------------------------------
  planName: { en: "Plan name", zh: "方案名称" },
  targetGmv: { en: "Target GMV", zh: "目标 GMV" },
  crowdTable: { en: "Crowds", zh: "人群" },
  col_stage: { en: "Stage", zh: "阶段" },
  col_crowd: { en: "Crowd", zh: "人群" },
  col_count: { en: "Count", zh: "人数" },
  col_conversion: { en: "Conversion", zh: "转化率" },
  col_aov: { en: "AOV", zh: "客单价" },
  col_cost: { en: "Cost per added consumer", zh: "单人成本" },
  col_capacity: { en: "Capacity", zh: "可增量" },

  // --- Hot product view ------------------------------------------------------------------------
  productName: { en: "Product", zh: "商品" },
  price: { en: "Price", zh: "单价" },
  unitsPerBuyer: { en: "Units per buyer", zh: "人均件数" },
  costRatio: { en: "Marketing cost ratio", zh: "营销费比" },
  phases: { en: "Phases", zh: "阶段" },
  phaseName: { en: "Phase", zh: "阶段" },
  weight: { en: "Weight", zh: "权重" },
  crowds: { en: "Strategy crowds", zh: "策略人群" },
  crowdName: { en: "Crowd", zh: "人群" },
  share: { en: "Share", zh: "占比" },
  funnel: { en: "Funnel", zh: "转化漏斗" },
  funnelShared: { en: "One funnel for all crowds", zh: "所有人群共用一组转化率" },
  funnelPerCrowd: { en: "A funnel per crowd", zh: "每个人群单独设置" },
  iToP: { en: "Interest → purchase", zh: "兴趣到购买" },
  aToI: { en: "Awareness → interest", zh: "认知到兴趣" },
  phaseLaunch: { en: "启动期", zh: "启动期" },
  phaseGrowth: { en: "发展期", zh: "发展期" },
  phasePeak: { en: "大促期", zh: "大促期" },
  healthCheck: { en: "Health check", zh: "健康度检查" },
  healthIntro: {
    en: "Enter what happened in each phase; the sheet gets the four indices (100 = on plan).",
    zh: "填写各阶段的实际数据；工作表将生成四项指数（100 = 达到计划）。",
  },
  plannedPrecision: { en: "Planned precision", zh: "计划精准度" },
  runHealthCheck: { en: "Create health sheet", zh: "生成健康度工作表" },
  actual_reached: { en: "Reached", zh: "触达人数" },
  actual_reached_in_target_crowds: { en: "In target crowds", zh: "其中目标人群" },
  actual_spend: { en: "Spend", zh: "费用" },
  actual_gmv: { en: "GMV", zh: "GMV" },
  actual_buyers: { en: "Buyers", zh: "购买人数" },

  // --- form validation --------------------------------------------------------------------------
  v_required: { en: "Enter a value.", zh: "请填写此项。" },
  v_notNumber: { en: '"{value}" is not a number.', zh: "“{value}”不是数字。" },
  v_min: { en: "Must be at least {min}.", zh: "不能小于 {min}。" },
  v_gt: { en: "Must be greater than {min}.", zh: "必须大于 {min}。" },
  v_max: { en: "Must be at most {max}.", zh: "不能大于 {max}。" },
  v_rate: { en: "Must be a rate between 0 and 1 (or 0% to 100%).", zh: "必须是 0 到 1（或 0% 到 100%）之间的比率。" },
  v_rateOpen: { en: "Must be above 0 and at most 1 (or 100%).", zh: "必须大于 0 且不超过 1（或 100%）。" },
  v_stage: { en: 'Unknown stage "{value}": use A, I, P or L.', zh: "未知阶段“{value}”：请用 A、I、P 或 L。" },
  v_textRequired: { en: "Enter a name.", zh: "请填写名称。" },
  v_textLong: { en: "At most {max} characters.", zh: "最多 {max} 个字符。" },
  v_rows: { en: "Add at least one row.", zh: "请至少添加一行。" },
  v_tooManyRows: { en: "At most {max} rows.", zh: "最多 {max} 行。" },
  v_duplicate: { en: 'The name "{value}" is used twice.', zh: "名称“{value}”重复。" },
  v_sumZero: { en: "The {what} add up to 0; give at least one a value above 0.", zh: "{what}之和为 0；请至少有一项大于 0。" },
  what_weights: { en: "weights", zh: "权重" },
  what_shares: { en: "shares", zh: "占比" },
  v_exceedsReached: { en: "Cannot be more than the reached consumers ({max}).", zh: "不能多于触达人数（{max}）。" },

  // --- sheets: common -------------------------------------------------------------------------
  sheetNote: {
    en: "Yellow cells and the tables are inputs: edit them and every formula recalculates.",
    zh: "黄色单元格和表格是输入：修改后所有公式会自动重算。",
  },
  inputsHeading: { en: "Inputs", zh: "输入" },
  crowdsHeading: { en: "Crowds", zh: "人群" },
  summaryHeading: { en: "Summary", zh: "汇总" },
  planHeading: { en: "Plan", zh: "计划" },
  total: { en: "TOTAL", zh: "合计" },
  current: { en: "current", zh: "现有人数" },
  required: { en: "required", zh: "所需人数" },

  // --- sheets: GTA ----------------------------------------------------------------------------
  gtaSheetPrefix: { en: "GTA ", zh: "GTA " },
  gtaSheetTitle: { en: "GTA plan: ", zh: "GTA 计划：" },
  gtaChartTitle: { en: "Consumers by stage: current vs required", zh: "各阶段人数：现有 vs 所需" },
  stagesHeading: { en: "Consumers by stage", zh: "各阶段人数" },
  gtaSum_baseline: { en: "Baseline GMV", zh: "基线 GMV" },
  gtaSum_old: { en: "Old customers (P, L)", zh: "老客 GMV（P、L）" },
  gtaSum_new: { en: "New customers (A, I)", zh: "新客 GMV（A、I）" },
  gtaSum_gap: { en: "Gap to target", zh: "缺口" },
  gtaSum_shortfall: { en: "Shortfall (unreachable)", zh: "未达成（无法覆盖）" },
  gtaSum_planned_gmv: { en: "Planned GMV", zh: "计划 GMV" },
  gtaSum_added_cost: { en: "Cost of added consumers", zh: "新增成本" },
  gtaSum_by_cost: { en: "Fill order by cost ÷ g", zh: "按 成本 ÷ g 排序" },
  gtaCol_index: { en: "#", zh: "序号" },
  gtaCol_g: { en: "g (GMV per added consumer)", zh: "g（每新增一人带来的 GMV）" },
  gtaCol_growable: { en: "growable", zh: "可增长" },
  gtaCol_key: { en: "fill key", zh: "排序键" },
  gtaCol_capg: { en: "capacity GMV", zh: "可增 GMV" },
  gtaCol_remaining: { en: "gap before row", zh: "本行前剩余缺口" },
  gtaCol_taken: { en: "taken GMV", zh: "承接 GMV" },
  gtaCol_lead: { en: "tie group of the k-th key", zh: "第 k 个排序键的并列组" },
  gtaCol_run: { en: "tie group", zh: "并列组" },
  gtaHelperNote: {
    en: "Allocation helpers: rows are filled in ascending fill key; keys within a relative {tol} are tied (one tie group) and keep table order.",
    zh: "分配辅助列：按排序键从小到大依次填充；相对差在 {tol} 以内的键视为并列（同一并列组），保持表格顺序。",
  },

  // --- sheets: hot product --------------------------------------------------------------------
  hotSheetPrefix: { en: "Hot ", zh: "爆品 " },
  hotSheetTitle: { en: "Hot-product plan: ", zh: "爆品计划：" },
  hotChartTitle: { en: "GMV by phase and crowd", zh: "各阶段、各人群 GMV" },
  phasesHeading: { en: "Phases", zh: "阶段" },
  byPhaseHeading: { en: "Totals per phase", zh: "按阶段合计" },
  byCrowdHeading: { en: "Totals per crowd", zh: "按人群合计" },
  splitHeading: { en: "GMV split: phase × crowd", zh: "GMV 拆分：阶段 × 人群" },
  healthSheetPrefix: { en: "Health ", zh: "健康度 " },
  healthSheetTitle: { en: "Hot-product health check: ", zh: "爆品健康度检查：" },
  healthNote: {
    en: "Indices: 100 = on plan, higher is better. Green ≥ 100, amber 80–100, red < 80.",
    zh: "指数：100 = 达到计划，越高越好。绿色 ≥ 100，黄色 80–100，红色 < 80。",
  },
  health_phase: { en: "phase", zh: "阶段" },
  health_plan_reached: { en: "plan reached", zh: "计划触达人数" },
  health_plan_precision: { en: "plan precision", zh: "计划精准度" },
  health_plan_cost_ratio: { en: "plan cost ratio", zh: "计划费比" },
  health_plan_conversion: { en: "plan conversion", zh: "计划转化率" },
  health_reached: { en: "reached", zh: "触达人数" },
  health_reached_in_target_crowds: { en: "reached in target crowds", zh: "其中目标人群" },
  health_spend: { en: "spend", zh: "费用" },
  health_gmv: { en: "GMV", zh: "GMV" },
  health_buyers: { en: "buyers", zh: "购买人数" },
  weakest_volume: {
    en: "volume is the weakest: {actual} consumers reached against a plan of {plan}",
    zh: "量级最弱：触达 {actual} 人，计划为 {plan} 人",
  },
  weakest_precision: {
    en: "precision is the weakest: {actual} of reached consumers are in target crowds against a plan of {plan}",
    zh: "精准度最弱：触达的消费者中 {actual} 属于目标人群，计划为 {plan}",
  },
  weakest_cost: {
    en: "cost is the weakest: spend is {actual} of GMV against a plan of {plan}",
    zh: "费比最弱：费用占 GMV 的 {actual}，计划为 {plan}",
  },
  weakest_conversion: {
    en: "conversion is the weakest: {actual} of reached consumers bought against a plan of {plan}",
    zh: "效率最弱：触达的消费者中 {actual} 完成购买，计划为 {plan}",
  },
  noSignal: {
    en: "No index can be computed yet: enter reached consumers, GMV and spend.",
    zh: "暂时无法计算指数：请填写触达人数、GMV 和费用。",
  },
} satisfies Record<string, Entry>;

/** Every word of the pane (a key may appear only once). */
export const strings = { ...core, ...DIAGNOSE_STRINGS, ...WHATIF_STRINGS, ...STRATEGY_STRINGS, ...DATASETS_STRINGS } satisfies Record<string, Entry>;

export type LabelKey = keyof typeof strings;

/** The text of `key` in `lang`, with `{name}` placeholders filled from `params`. */
export function label(key: LabelKey, lang: Lang, params: Record<string, string | number> = {}): string {
  const template = strings[key][lang];
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** A number with thousands separators (at most 2 decimals): 1,234,567.5 */
export function formatNumber(x: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: 2 }).format(x);
}

/** A rate as a percentage: 0.64 → "64%", 0.0125 → "1.25%", 0.123 → "12.3%". */
export function formatPercent(x: number, lang: Lang): string {
  const pct = x * 100;
  const digits = Math.abs(pct) < 10 ? 2 : 1;
  const s = new Intl.NumberFormat(lang === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: digits }).format(pct);
  return `${s}%`;
}

/** The pane's language from Office's display language tag (`zh-CN` → zh). */
export function paneLanguage(displayLanguage: string | undefined | null): Lang {
  return languageOf(displayLanguage);
}
