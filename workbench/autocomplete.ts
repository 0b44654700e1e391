/**
 * Formula help of the workbench grid, as Excel gives it: while a formula is typed into the cell
 * editor or the formula bar, a list of the `DTC.*` functions whose names start with the word at
 * the caret (with the highlighted one's signature and description), and, inside the parentheses
 * of a call, the function's signature with the current argument in bold.
 *
 * Keys while the list is open: ArrowDown / ArrowUp choose, Enter or Tab insert `DTC.NAME(`,
 * Escape closes the list (a second Escape is the editor's: it cancels the edit). The names,
 * signatures and descriptions come from `functions.json` (or `functions.zh-CN.json`).
 */

/** What `functions.json` says about a function (the fields the help shows). */
export interface FunctionDoc {
  id: string;
  name: string;
  description?: string;
  parameters: { name: string; description?: string; optional?: boolean }[];
}

/** One entry of the list. */
export interface HelpEntry {
  /** `DTC.FAST.ROWS`. */
  name: string;
  description: string;
  parameters: { name: string; description: string; optional: boolean }[];
}

/** The words the help shows itself (the rest comes from the metadata). */
export interface HelpWords {
  list: string;
}

export const HELP_WORDS: Record<"en" | "zh", HelpWords> = {
  en: { list: "Functions" },
  zh: { list: "函数" },
};

/** The help entries of a metadata file, sorted by name. */
export function helpEntries(functions: FunctionDoc[], namespace: string): HelpEntry[] {
  return functions
    .map((f) => ({
      name: `${namespace}.${f.name.toUpperCase()}`,
      description: f.description ?? "",
      parameters: f.parameters.map((p) => ({ name: p.name, description: p.description ?? "", optional: !!p.optional })),
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** `DTC.FAST(start_counts, end_counts, [indicator])`: optional parameters in brackets. */
export function signature(e: HelpEntry): string {
  return `${e.name}(${e.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`;
}

/** What the text before the caret is in the middle of. */
export interface FormulaContext {
  /** The function-name-like word that ends at the caret, and where it starts. */
  word?: { text: string; start: number };
  /** The innermost open call around the caret, and the index of the argument being typed. */
  call?: { name: string; arg: number };
}

const NAME_CHAR = /[A-Za-z0-9_.]/;

/**
 * Read a formula up to the caret: strings ("…", '…' sheet names) are skipped, calls are stacked
 * at `(` and counted by `,` (`;` too, as some locales write it).
 */
export function formulaContext(text: string, caret: number): FormulaContext {
  if (!text.startsWith("=")) return {};
  const stack: { name: string; arg: number }[] = [];
  let quote: string | null = null;
  let wordStart = -1;
  for (let i = 1; i < caret; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      wordStart = -1;
      continue;
    }
    if (NAME_CHAR.test(ch)) {
      if (wordStart < 0) wordStart = i;
      continue;
    }
    if (ch === "(") stack.push({ name: wordStart >= 0 ? text.slice(wordStart, i).toUpperCase() : "", arg: 0 });
    else if (ch === ")") stack.pop();
    else if ((ch === "," || ch === ";") && stack.length > 0) stack[stack.length - 1].arg++;
    else if (ch === "{") stack.push({ name: "", arg: 0 });
    else if (ch === "}") stack.pop();
    wordStart = -1;
  }
  const out: FormulaContext = {};
  if (!quote && wordStart >= 0) {
    const w = text.slice(wordStart, caret);
    // A word starting with a letter (not a number, not the column of a cell reference after `$`).
    if (/^[A-Za-z_]/.test(w) && text[wordStart - 1] !== "$") out.word = { text: w, start: wordStart };
  }
  const call = stack[stack.length - 1];
  if (call && call.name !== "") out.call = call;
  return out;
}

/** The entries whose name starts with `word` (case-insensitive). */
export function matching(entries: HelpEntry[], word: string): HelpEntry[] {
  const w = word.toUpperCase();
  return entries.filter((e) => e.name.startsWith(w));
}

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

let instances = 0;

/** The list and the signature tip for the inputs it is attached to (one shown at a time). */
export class FormulaHelp {
  private readonly box: HTMLElement;
  private readonly id: string;
  private input: HTMLInputElement | null = null;
  private shownEntries: HelpEntry[] = [];
  private word: { text: string; start: number } | null = null;
  private active = 0;
  /** The word the list was closed for with Escape: it stays closed until the word changes. */
  private dismissed: string | null = null;

  constructor(
    private readonly entries: HelpEntry[],
    private readonly words: HelpWords,
    doc: Document = document,
  ) {
    this.id = `wb-help-${++instances}`;
    this.box = doc.createElement("div");
    this.box.className = "wb-help";
    this.box.hidden = true;
    // Clicking an entry must not take the focus from the input.
    this.box.addEventListener("mousedown", (e) => {
      e.preventDefault();
      const li = (e.target as HTMLElement).closest?.("[data-index]") as HTMLElement | null;
      if (li) this.insert(this.shownEntries[Number(li.dataset.index)]);
    });
    doc.body.appendChild(this.box);
  }

  /** Follow an input: typing and caret moves update the help; leaving it closes it. */
  attach(input: HTMLInputElement): void {
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", `${this.id}-list`);
    input.setAttribute("aria-expanded", "false");
    input.addEventListener("input", () => this.update(input));
    input.addEventListener("click", () => this.update(input));
    input.addEventListener("keyup", (e) => {
      if (["ArrowLeft", "ArrowRight", "Home", "End"].includes(e.key)) this.update(input);
    });
    input.addEventListener("blur", () => {
      if (this.input === input) this.close();
    });
  }

  /** Whether the list is open. */
  get open(): boolean {
    return this.shownEntries.length > 0 && !this.box.hidden;
  }

  /**
   * Keys for the open list. Returns true when the key was the list's (it is then consumed);
   * call it from the input's keydown handler before anything else.
   */
  onKey(e: KeyboardEvent): boolean {
    if (!this.open || e.target !== this.input) return false;
    const n = this.shownEntries.length;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      this.active = (this.active + (e.key === "ArrowDown" ? 1 : n - 1)) % n;
      this.paint();
    } else if ((e.key === "Enter" || e.key === "Tab") && !e.shiftKey && !e.ctrlKey && !e.altKey) {
      this.insert(this.shownEntries[this.active]);
    } else if (e.key === "Escape") {
      this.dismissed = this.word?.text ?? null;
      this.update(this.input!);
    } else {
      return false;
    }
    e.preventDefault();
    e.stopPropagation();
    return true;
  }

  /** Recompute the help for the text and caret of `input`. */
  update(input: HTMLInputElement): void {
    this.input = input;
    const caret = input.selectionStart ?? input.value.length;
    const ctx = formulaContext(input.value, caret);
    this.word = ctx.word ?? null;
    if (this.dismissed !== null && this.dismissed !== this.word?.text) this.dismissed = null;
    const list = this.word && this.dismissed === null ? matching(this.entries, this.word.text) : [];
    if (list.map((e) => e.name).join() !== this.shownEntries.map((e) => e.name).join()) this.active = 0;
    this.shownEntries = list;
    if (list.length > 0) {
      this.paint();
      return;
    }
    const entry = ctx.call && this.entries.find((e) => e.name === ctx.call!.name);
    if (entry) this.paintSignature(entry, ctx.call!.arg);
    else this.close();
  }

  /** Hide the list and the tip. */
  close(): void {
    this.shownEntries = [];
    this.box.hidden = true;
    this.box.innerHTML = "";
    this.input?.setAttribute("aria-expanded", "false");
    this.input?.removeAttribute("aria-activedescendant");
  }

  private insert(entry: HelpEntry | undefined): void {
    const input = this.input;
    if (!entry || !input || !this.word) return;
    const text = input.value;
    let end = this.word.start + this.word.text.length;
    while (end < text.length && NAME_CHAR.test(text[end])) end++;
    const open = text[end] === "(";
    const inserted = open ? entry.name : `${entry.name}(`;
    input.value = text.slice(0, this.word.start) + inserted + text.slice(end);
    const caret = this.word.start + inserted.length + (open ? 1 : 0);
    input.setSelectionRange(caret, caret);
    // As if typed: the grid copies the text between the editor and the formula bar on input.
    input.dispatchEvent(new Event("input", { bubbles: true }));
    this.update(input);
  }

  private paint(): void {
    const entry = this.shownEntries[this.active];
    const items = this.shownEntries
      .map(
        (e, i) =>
          `<li role="option" id="${this.id}-opt-${i}" data-index="${i}" aria-selected="${i === this.active}" class="wb-help-item${i === this.active ? " wb-help-active" : ""}">${esc(e.name)}</li>`,
      )
      .join("");
    this.box.innerHTML =
      `<ul role="listbox" id="${this.id}-list" class="wb-help-list" aria-label="${esc(this.words.list)}">${items}</ul>` +
      `<div class="wb-help-detail"><div class="wb-help-sig">${esc(signature(entry))}</div><div class="wb-help-desc">${esc(entry.description)}</div></div>`;
    this.show();
    this.input?.setAttribute("aria-expanded", "true");
    this.input?.setAttribute("aria-activedescendant", `${this.id}-opt-${this.active}`);
    this.box.querySelector(".wb-help-active")?.scrollIntoView?.({ block: "nearest" });
  }

  private paintSignature(entry: HelpEntry, arg: number): void {
    const params = entry.parameters.map((p, i) => {
      const text = esc(p.optional ? `[${p.name}]` : p.name);
      return i === arg ? `<b class="wb-help-arg">${text}</b>` : text;
    });
    const current = entry.parameters[arg];
    this.box.innerHTML =
      `<div class="wb-help-sig wb-help-tip" role="tooltip">${esc(entry.name)}(${params.join(", ")})</div>` +
      (current?.description ? `<div class="wb-help-desc">${esc(current.name)}: ${esc(current.description)}</div>` : "");
    this.show();
    this.input?.setAttribute("aria-expanded", "false");
    this.input?.removeAttribute("aria-activedescendant");
  }

  /** Place the box under the input (fixed position: it stays out of the grid's scrolling). */
  private show(): void {
    const r = this.input!.getBoundingClientRect();
    this.box.hidden = false;
    this.box.style.left = `${Math.max(0, Math.round(r.left))}px`;
    this.box.style.top = `${Math.round(r.bottom + 2)}px`;
  }
}
