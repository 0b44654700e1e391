/**
 * Task pane entry in Excel: wait for Office.js, pick the language from Office's display
 * language, and mount the pane over the Excel adapter of the `Workbook` port.
 */
import { mountPane } from "./app";
import { label, paneLanguage } from "./i18n";
import { ExcelWorkbook } from "./workbook/excel";

const root = document.getElementById("root");

if (root) {
  if (typeof Office === "undefined") {
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
