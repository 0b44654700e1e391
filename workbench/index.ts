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
import { helpEntries, type FunctionDoc } from "./autocomplete";
import { Book, parseSavedBook, STORAGE_KEY } from "./book";
import { installCustomFunctions } from "./custom-functions";
import { NAMESPACE, registerDtcFunctions, type FunctionMeta } from "./engine";
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
  insertFormula: async (formulaFor) => (await adapterReady).insertFormula(formulaFor),
  loadDraft: async (view) => (await adapterReady).loadDraft(view),
  saveDraft: async (view, text) => (await adapterReady).saveDraft(view, text),
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

/** The function descriptions in the page's language (functions.zh-CN.json in Chinese); English where it has none. */
async function localizedDocs(lang: "en" | "zh", english: FunctionDoc[]): Promise<FunctionDoc[]> {
  if (lang !== "zh") return english;
  try {
    const res = await fetch("functions.zh-CN.json");
    if (!res.ok) return english;
    const zh = new Map(((await res.json()) as { functions: FunctionDoc[] }).functions.map((f) => [f.id.toUpperCase(), f]));
    return english.map((f) => zh.get(f.id.toUpperCase()) ?? f);
  } catch {
    return english;
  }
}

/** Focusable elements inside a region, in order. */
function focusables(region: Element): HTMLElement[] {
  const all = region.querySelectorAll<HTMLElement>('button, select, input, textarea, a[href], [tabindex]:not([tabindex="-1"])');
  return [...all].filter((el) => !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0 && el.tabIndex >= 0);
}

/**
 * F6 / Shift+F6 move the focus between the page's regions (top bar, workbook, task pane), as
 * F6 moves between Excel's. Tab stays inside the grid (it moves to the next cell), so this is
 * how the keyboard leaves it.
 */
function regionKeys(view: GridView): void {
  const regions = [".wb-top", "#wb-book", ".wb-pane"].map((q) => document.querySelector(q)).filter((el): el is Element => !!el);
  document.addEventListener("keydown", (e) => {
    if (e.key !== "F6" || e.ctrlKey || e.altKey || e.metaKey) return;
    e.preventDefault();
    const here = regions.findIndex((r) => r.contains(document.activeElement));
    const n = regions.length;
    for (let k = 1; k <= n; k++) {
      const region = regions[(((here < 0 ? (e.shiftKey ? 0 : n - 1) : here) + (e.shiftKey ? -k : k)) % n + n) % n];
      if (region.id === "wb-book") {
        view.focus();
        return;
      }
      const first = focusables(region)[0];
      if (first) {
        first.focus();
        return;
      }
    }
  });
}

async function start(): Promise<void> {
  const res = await fetch("functions.json");
  if (!res.ok) throw new Error(`functions.json: HTTP ${res.status}`);
  const meta = (await res.json()) as { functions: FunctionMeta[] };
  registerDtcFunctions(meta.functions, standIn.associated);
  const lang = host.displayLanguage.toLowerCase().startsWith("zh") ? "zh" : "en";
  const registered = new Set(standIn.associated.keys());
  const docs = (await localizedDocs(lang, meta.functions as FunctionDoc[])).filter((f) => registered.has(f.id.toUpperCase()));

  const saved = parseSavedBook(localStorage.getItem(STORAGE_KEY));
  // The sample holds formulas and typed values only, as a version-2 book does.
  const book = new Book(saved ?? { ...sampleBook(), version: 2 }, localStorage);
  // Saved at once: the sample on a first visit, a book of an earlier version in the current form.
  book.save();
  const view = new GridView(document.getElementById("wb-book")!, book, { functions: helpEntries(docs, NAMESPACE), lang });
  regionKeys(view);
  const adapter = new WorkbenchWorkbook(book, view);

  document.getElementById("wb-reset")?.addEventListener("click", () => confirmReset(book, lang));
  const langSelect = document.getElementById("wb-lang") as HTMLSelectElement | null;
  if (langSelect) {
    langSelect.value = lang === "zh" ? "zh-CN" : "en-US";
    langSelect.addEventListener("change", () => {
      localStorage.setItem(LANG_KEY, langSelect.value);
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

/** How many plans the workbook's plan library holds (0 when none or unreadable). */
export function savedPlanCount(text: string | null): number {
  if (!text) return 0;
  try {
    const lib = JSON.parse(text) as { plans?: unknown };
    return Array.isArray(lib.plans) ? lib.plans.length : 0;
  } catch {
    return 1; // unreadable text is still something the user may want to keep
  }
}

const RESET_WORDS = {
  en: {
    title: "Reset the workbook?",
    body: "This deletes every sheet of this browser's workbook and its {n} saved plan(s), and opens the sample again.",
    export: "Export plans, then reset",
    reset: "Reset",
    cancel: "Cancel",
  },
  zh: {
    title: "重置工作簿？",
    body: "这将删除此浏览器中工作簿的所有工作表及其中保存的 {n} 个方案，并重新打开示例。",
    export: "先导出方案，再重置",
    reset: "重置",
    cancel: "取消",
  },
} as const;

/**
 * Reset asks first when the workbook holds saved plans, and offers to export them (a .json file
 * of the plan library, the format the Plans tab imports) before they are deleted.
 */
function confirmReset(book: Book, lang: "en" | "zh"): void {
  const reset = (): void => {
    localStorage.removeItem(STORAGE_KEY);
    location.reload();
  };
  const n = savedPlanCount(book.plans);
  if (n === 0) return reset();
  const w = RESET_WORDS[lang];
  const dialog = document.createElement("dialog");
  dialog.className = "wb-reset-dialog";
  dialog.setAttribute("aria-labelledby", "wb-reset-title");
  const title = document.createElement("h2");
  title.id = "wb-reset-title";
  title.textContent = w.title;
  const body = document.createElement("p");
  body.textContent = w.body.replace("{n}", String(n));
  dialog.append(title, body);
  const button = (label: string, cls: string, act: () => void): HTMLButtonElement => {
    const b = document.createElement("button");
    b.type = "button";
    b.className = cls;
    b.textContent = label;
    b.addEventListener("click", act);
    dialog.append(b);
    return b;
  };
  button(w.export, "wb-reset-export", () => {
    const a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([book.plans ?? ""], { type: "application/json" }));
    a.download = "dtc-plans.json";
    document.body.append(a);
    a.click();
    a.remove();
    // Give the download a moment to start before the page reloads.
    setTimeout(reset, 300);
  });
  button(w.reset, "wb-reset-confirm", reset);
  const cancel = button(w.cancel, "wb-reset-cancel", () => {
    dialog.close();
    dialog.remove();
  });
  document.body.append(dialog);
  dialog.showModal();
  cancel.focus();
}