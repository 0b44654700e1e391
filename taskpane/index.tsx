/**
 * Task pane entry in Excel: wait for Office.js, pick the language from Office's display
 * language, and mount the pane over the Excel adapter of the `Workbook` port.
 *
 * In the workbench page (no Excel, no office.js) this same bundle runs after
 * `workbench/index.ts` has set `window.DTC_WORKBENCH`: the pane then uses the workbench's
 * adapter and display language instead.
 */
import { mountPane } from "./app";
import { label, paneLanguage } from "./i18n";
import { ExcelWorkbook } from "./workbook/excel";
import type { Workbook } from "./workbook/port";

const root = document.getElementById("root");
/** Set by the workbench page before this bundle runs (see workbench/index.ts). */
const workbench = (globalThis as { DTC_WORKBENCH?: { workbook: Workbook; displayLanguage: string } }).DTC_WORKBENCH;

if (root) {
  if (workbench) {
    const lang = paneLanguage(workbench.displayLanguage);
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
    mountPane(root, workbench.workbook, lang);
  } else if (typeof Office === "undefined") {
    // Opened outside Office (or office.js could not load): say where the pane belongs.
    const lang = paneLanguage(typeof navigator !== "undefined" ? navigator.language : "en");
    root.textContent = label("notInExcel", lang);
  } else {
    void Office.onReady(() => {
      const lang = paneLanguage(Office.context?.displayLanguage);
      document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
      mountPane(root, new ExcelWorkbook(), lang);
    });
  }
}
