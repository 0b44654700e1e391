/**
 * Entry of dist/workbench.js: the add-in without Excel.
 *
 * Load order in workbench.html (all files of the same dist/ that Excel loads):
 *   1. hyperformula.full.min.js (the grid's formula engine; never part of the add-in's bundles),
 *   2. this file: installs the `CustomFunctions` stand-in and `window.DTC_WORKBENCH`,
 *   3. functions.js (the BUILT custom functions: they associate themselves with the stand-in),
 *   4. taskpane.js (the REAL task pane, mounted in the 350 px column): it finds
 *      `window.DTC_WORKBENCH` at start-up and uses its `workbook` instead of Excel's adapter.
 * When the page has loaded, the functions are registered in HyperFormula from functions.json
 * and the workbook (saved state, else the sample) is opened in the grid.
 */
import type { Workbook } from "../taskpane/workbook/port";
import { WorkbenchWorkbook } from "./adapter";
import { Book, parseSavedBook, STORAGE_KEY } from "./book";
import { installCustomFunctions } from "./custom-functions";
import { registerDtcFunctions, type FunctionMeta } from "./engine";
import { GridView } from "./grid";
import { sampleBook } from "./sample";

/** What the workbench offers the task pane (`window.DTC_WORKBENCH`). */
export interface WorkbenchHost {
  /** The `Workbook` port backed by the grid. Its calls wait until the grid is ready. */
  workbook: Workbook;
  /** The display language the pane should use, as Office gives it ("en-US", "zh-CN"). */
  displayLanguage: string;
  /** Resolves when the grid is ready (functions registered, workbook open). */
  ready: Promise<void>;
}

const LANG_KEY = "dtc-workbench/lang";

/** ?lang=zh-CN, else the language last chosen here, else the browser's. */
function displayLanguage(): string {
  const q = new URLSearchParams(location.search).get("lang");
  if (q) return q;
  try {
    const saved = localStorage.getItem(LANG_KEY);
    if (saved) return saved;
  } catch {
    /* storage disabled */
  }
  return navigator.language || "en-US";
}

const standIn = installCustomFunctions(window as never);

let resolveReady!: (w: WorkbenchWorkbook) => void;
let rejectReady!: (e: unknown) => void;
const adapterReady = new Promise<WorkbenchWorkbook>((res, rej) => {
  resolveReady = res;
  rejectReady = rej;
});
adapterReady.catch(() => undefined);

/** The port for the pane: every call waits for the grid, then goes to the adapter. */
const workbook: Workbook = {
  capabilities: async () => (await adapterReady).capabilities(),
  createSheet: async (plan) => (await adapterReady).createSheet(plan),
  readSelection: async () => (await adapterReady).readSelection(),
  loadPlans: async () => (await adapterReady).loadPlans(),
  savePlans: async (text) => (await adapterReady).savePlans(text),
};

const host: WorkbenchHost = {
  workbook,
  displayLanguage: displayLanguage(),
  ready: adapterReady.then(() => undefined),
};
(window as unknown as { DTC_WORKBENCH: WorkbenchHost }).DTC_WORKBENCH = host;

function showFatal(message: string): void {
  const el = document.getElementById("wb-book");
  if (el) el.innerHTML = `<div class="wb-fatal" role="alert"></div>`;
  el?.querySelector(".wb-fatal")?.append(document.createTextNode(message));
}

async function start(): Promise<void> {
  const res = await fetch("functions.json");
  if (!res.ok) throw new Error(`functions.json: HTTP ${res.status}`);
  const meta = (await res.json()) as { functions: FunctionMeta[] };
  registerDtcFunctions(meta.functions, standIn.associated);

  const saved = parseSavedBook(localStorage.getItem(STORAGE_KEY));
  const book = new Book(saved ?? sampleBook(), localStorage);
  if (!saved) book.save();
  const view = new GridView(document.getElementById("wb-book")!, book);
  const adapter = new WorkbenchWorkbook(book, view);

  document.getElementById("wb-reset")?.addEventListener("click", () => {
    localStorage.removeItem(STORAGE_KEY);
    location.reload();
  });
  const lang = document.getElementById("wb-lang") as HTMLSelectElement | null;
  if (lang) {
    lang.value = host.displayLanguage.toLowerCase().startsWith("zh") ? "zh-CN" : "en-US";
    lang.addEventListener("change", () => {
      localStorage.setItem(LANG_KEY, lang.value);
      const url = new URL(location.href);
      url.searchParams.delete("lang");
      location.href = url.toString();
    });
  }
  // For tests and the curious: the workbook and the grid.
  Object.assign(window as object, { DTC_WORKBENCH_BOOK: book, DTC_WORKBENCH_VIEW: view });
  resolveReady(adapter);
  document.body.dataset.ready = "true";
}

function boot(): void {
  start().catch((e) => {
    rejectReady(e);
    showFatal(`The workbench could not start: ${e instanceof Error ? e.message : String(e)}`);
    throw e;
  });
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
else boot();
