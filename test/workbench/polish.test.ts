/*
 * The workbench grid as a new user meets it (issue 18, the workbench items), in headless
 * Chromium on the BUILT page: a reload keeps formulas live (spilled values are not saved, and
 * books saved before that load cleanly); Tab and Enter move one cell as in Excel; text typed
 * with an input method (IME) starts the edit; Tab stays in the grid, F6 leaves it, Enter on a
 * sheet tab gives the sheet the keyboard; `=DTC.` offers the functions with their signatures.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { formulaContext } from "../../workbench/autocomplete";
import { Book, parseSavedBook } from "../../workbench/book";
import { DIST } from "../harness/bundle";
import { showSheet, typeInto, values, workbenchSuite, type Workbench } from "./page";

const suite = workbenchSuite();

interface Doc {
  name: string;
  description: string;
  parameters: { name: string; description: string; optional?: boolean }[];
}
const docs = (file: string): Doc[] => (JSON.parse(readFileSync(path.join(DIST, file), "utf8")) as { functions: Doc[] }).functions;

const one = async (page: Page, address: string): Promise<unknown> => (await values(page, address))[0][0];
const activeCell = (page: Page) => page.evaluate(() => (document.querySelector(".wb-active") as HTMLElement | null)?.dataset.addr);
/** Where the keyboard focus is: "grid" (the grid's cell editor), "body", or the element's class. */
const focusIn = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    if (!a || a === document.body) return "body";
    if (a.closest(".wb-scroller")) return "grid";
    if (a.closest(".wb-pane")) return "pane";
    return a.className || a.tagName;
  });

/** The saved book (localStorage), as the page wrote it. */
const savedBook = (page: Page) =>
  page.evaluate(() => JSON.parse(localStorage.getItem("dtc-workbench/book") ?? "null")) as Promise<{
    version: number;
    sheets: { name: string; cells: unknown[][] }[];
  }>;

/** Cells showing #SPILL! on any sheet of the page's workbook ("Sheet!A1"). */
const spillErrors = (page: Page) =>
  page.evaluate(() => {
    type HF = {
      getSheetNames(): string[];
      getSheetId(n: string): number;
      getSheetValues(id: number): unknown[][];
    };
    const hf = (window as unknown as { DTC_WORKBENCH_BOOK: { hf: HF } }).DTC_WORKBENCH_BOOK.hf;
    const out: string[] = [];
    for (const name of hf.getSheetNames()) {
      hf.getSheetValues(hf.getSheetId(name)).forEach((row, r) =>
        row.forEach((v, c) => {
          if (v && typeof v === "object" && (v as { type?: string }).type === "SPILL") out.push(`${name}!${String.fromCharCode(65 + c)}${r + 1}`);
        }),
      );
    }
    return out;
  });

async function reload(wb: Workbench): Promise<void> {
  await wb.page.reload();
  await wb.page.waitForSelector("body[data-ready=true]");
}

// Crowds (workbench/sample.ts): =DTC.GTA(B1, A3:G7, "summary", TRUE) at A10 (headers in row 10,
// values in row 11: baseline, old, new, gap, …) and the "plan" at A14. Baseline by hand
// (docs/functions.md, DTC.GTA): 24,000,000 + 19,200,000 + 18,750,000 + 7,500,000 = 69,450,000,
// so the gap is the target − 69,450,000.
const GAP = "D11";

describe("the workbook across a reload", () => {
  it("saves formulas and typed values only: after a reload the spills come back and recalculate", async () => {
    const wb = await suite.open();
    const { page } = wb;
    await showSheet(page, "Crowds");
    expect(await one(page, GAP)).toBe(30_550_000);

    await reload(wb);
    expect(await spillErrors(page)).toEqual([]);
    await showSheet(page, "Crowds");
    expect(await one(page, GAP)).toBe(30_550_000);
    // The issue's repro: a target of 120,000,000 → gap 120,000,000 − 69,450,000 = 50,550,000.
    await typeInto(page, "B1", "120000000");
    expect(await one(page, GAP)).toBe(50_550_000);
    expect(await one(page, "F11")).toBeGreaterThan(69_450_000); // planned GMV follows too
    expect(await one(page, "A14")).toBe("stage"); // the plan's header row spills, no #SPILL!
    // Spilled cells are saved blank (row 11 of the summary), formulas and typed values as typed.
    const book = await savedBook(page);
    const crowds = book.sheets.find((s) => s.name === "Crowds")!;
    expect(String(crowds.cells[0][1])).toBe("120000000"); // as typed
    expect(crowds.cells[9][0]).toBe('=DTC.GTA(B1, A3:G7, "summary", TRUE)');
    expect(crowds.cells[10]?.slice(0, 7).every((v) => v === null) ?? true).toBe(true);

    await reload(wb);
    await showSheet(page, "Crowds");
    expect(await one(page, "B1")).toBe(120_000_000);
    expect(await one(page, GAP)).toBe(50_550_000);
    await typeInto(page, "B1", "80000000"); // gap 10,550,000
    expect(await one(page, GAP)).toBe(10_550_000);
  });

  it("keeps a value typed in a formula's way: the #SPILL! stays after a reload, and clears with it", async () => {
    const wb = await suite.open();
    const { page } = wb;
    await showSheet(page, "FAST");
    await typeInto(page, "A14", "=DTC.FAST(A2:D2, A3:D3, E2, F2, G2)");
    await typeInto(page, "C14", "x");
    expect(await one(page, "A14")).toMatchObject({ error: "#SPILL!" });
    await reload(wb);
    await showSheet(page, "FAST");
    expect(await one(page, "C14")).toBe("x");
    expect(await one(page, "A14")).toMatchObject({ error: "#SPILL!" });
    await page.click('td[data-addr="C14"]');
    await page.keyboard.press("Delete");
    expect((await values(page, "A14:D14"))[0]).toEqual([2250, 0.1, 400, 0.25]);
  });

  it("loads a book saved by an earlier workbench (spilled values stored as values) with live formulas", async () => {
    const wb = await suite.open();
    const { page } = wb;
    // What the earlier workbench saved: HyperFormula's serialization, spilled values included,
    // version 1. And, as after the broken reload of the issue, a new target typed while the
    // stale numbers stayed: B1 = 120,000,000 beside the old gap of 30,550,000.
    await page.evaluate(() => {
      type HF = { getSheetNames(): string[]; getSheetId(n: string): number; getSheetSerialized(id: number): unknown[][] };
      const hf = (window as unknown as { DTC_WORKBENCH_BOOK: { hf: HF } }).DTC_WORKBENCH_BOOK.hf;
      const book = JSON.parse(localStorage.getItem("dtc-workbench/book")!);
      book.version = 1;
      for (const s of book.sheets) s.cells = hf.getSheetSerialized(hf.getSheetId(s.name));
      const crowds = book.sheets.find((s: { name: string }) => s.name === "Crowds");
      crowds.cells[0][1] = 120000000;
      localStorage.setItem("dtc-workbench/book", JSON.stringify(book));
    });
    const old = await savedBook(page);
    expect(old.sheets.find((s) => s.name === "Crowds")!.cells[10][3]).toBe(30_550_000);

    await reload(wb);
    expect(await spillErrors(page)).toEqual([]);
    await showSheet(page, "Crowds");
    expect(await one(page, GAP)).toBe(50_550_000);
    await typeInto(page, "B1", "100000000");
    expect(await one(page, GAP)).toBe(30_550_000);
    // Saved again in the new form: no spilled value left in the book.
    const now = await savedBook(page);
    expect(now.version).toBe(2);
    expect(now.sheets.find((s) => s.name === "Crowds")!.cells[10]?.[3] ?? null).toBeNull();
  });
});

describe("typing in the grid (Excel's moves)", () => {
  it("Tab moves one cell right, Enter one row down to the column where the Tabs started", async () => {
    const { page } = await suite.open();
    await page.click(".wb-tab-add");
    await page.waitForSelector('table.wb-grid[data-sheet="Sheet1"]');
    await page.click('td[data-addr="A1"]');
    // The issue's repro: stage, Tab, count, Enter (the text landed in C1, then E3).
    await page.keyboard.type("stage");
    await page.keyboard.press("Tab");
    await page.keyboard.type("count");
    await page.keyboard.press("Enter");
    expect(await activeCell(page)).toBe("A2");
    await page.keyboard.type("L");
    await page.keyboard.press("Tab");
    await page.keyboard.type("200000");
    await page.keyboard.press("Tab");
    await page.keyboard.type("0.3");
    await page.keyboard.press("Enter");
    expect(await values(page, "A1:D3")).toEqual([
      ["stage", "count", null, null],
      ["L", 200000, 0.3, null],
      [null, null, null, null],
    ]);
    expect(await activeCell(page)).toBe("A3");
    expect(await page.inputValue(".wb-name")).toBe("A3");
    // Shift+Enter and Shift+Tab go back one cell.
    await page.keyboard.type("P");
    await page.keyboard.press("Shift+Enter");
    expect(await activeCell(page)).toBe("A2");
    await page.click('td[data-addr="C2"]');
    await page.keyboard.type("0.08");
    await page.keyboard.press("Shift+Tab");
    expect(await activeCell(page)).toBe("B2");
    expect(await values(page, "A2:C3")).toEqual([
      ["L", 200000, 0.08],
      ["P", null, null],
    ]);
  });

  it("an IME's composed text starts the edit of the selected cell and is kept", async () => {
    const { page, context } = await suite.open();
    await page.click(".wb-tab-add");
    await page.waitForSelector('table.wb-grid[data-sheet="Sheet1"]');
    await page.click('td[data-addr="B2"]');
    const cdp = await context.newCDPSession(page);
    // As a Chinese IME types 中文: the key is "Process" (229), then the composition, then the text.
    await cdp.send("Input.dispatchKeyEvent", { type: "rawKeyDown", key: "Process", code: "KeyZ", windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 });
    await cdp.send("Input.imeSetComposition", { text: "zhong", selectionStart: 5, selectionEnd: 5 });
    await cdp.send("Input.dispatchKeyEvent", { type: "keyUp", key: "Process", code: "KeyZ", windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 });
    // The cell is being edited, the composition visible in it.
    expect(await page.locator(".wb-editor:not(.wb-editor-idle)").count()).toBe(1);
    expect(await page.inputValue(".wb-editor")).toBe("zhong");
    // The candidate is picked (Enter confirms it inside the IME: it must not commit the cell).
    await cdp.send("Input.dispatchKeyEvent", { type: "rawKeyDown", key: "Process", code: "Enter", windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 });
    await cdp.send("Input.insertText", { text: "中文" });
    await cdp.send("Input.dispatchKeyEvent", { type: "keyUp", key: "Enter", code: "Enter", windowsVirtualKeyCode: 13, nativeVirtualKeyCode: 13 });
    expect(await page.inputValue(".wb-editor")).toBe("中文");
    expect(await page.inputValue(".wb-formula")).toBe("中文");
    expect(await activeCell(page)).toBe("B2");
    await page.keyboard.type("名单");
    await page.keyboard.press("Enter");
    expect(await one(page, "B2")).toBe("中文名单");
    expect(await activeCell(page)).toBe("B3");
    // A second composition, committed straight away (no preceding key the grid saw).
    await cdp.send("Input.imeSetComposition", { text: "ren", selectionStart: 3, selectionEnd: 3 });
    await cdp.send("Input.insertText", { text: "人群" });
    await page.keyboard.press("Tab");
    expect(await one(page, "B3")).toBe("人群");
    expect(await activeCell(page)).toBe("C3");
  });
});

describe("the keyboard around the grid", () => {
  it("Tab when not editing moves right and keeps the focus in the grid", async () => {
    const { page } = await suite.open();
    await showSheet(page, "FAST");
    await page.click('td[data-addr="H2"]');
    await page.keyboard.press("Tab");
    expect(await activeCell(page)).toBe("I2");
    expect(await focusIn(page)).toBe("grid");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Shift+Tab");
    expect(await activeCell(page)).toBe("I2");
    await page.keyboard.press("Enter"); // back to the column the Tabs started from, one down
    expect(await activeCell(page)).toBe("H3");
    expect(await focusIn(page)).toBe("grid");
    await page.keyboard.type("7");
    await page.keyboard.press("Enter");
    expect(await one(page, "H3")).toBe(7);
  });

  it("Enter on a sheet tab shows the sheet and gives it the keyboard", async () => {
    const { page } = await suite.open();
    await page.locator(".wb-tab", { hasText: /^FAST$/ }).focus();
    await page.keyboard.press("Enter");
    await page.waitForSelector('table.wb-grid[data-sheet="FAST"]');
    expect(await focusIn(page)).toBe("grid");
    await page.keyboard.press("ArrowDown");
    expect(await activeCell(page)).toBe("A2");
    await page.keyboard.type("1100");
    await page.keyboard.press("Enter");
    expect(await one(page, "A2")).toBe(1100);
    // Space too, and the "+" tab.
    await page.locator(".wb-tab", { hasText: /^SKUs$/ }).focus();
    await page.keyboard.press(" ");
    await page.waitForSelector('table.wb-grid[data-sheet="SKUs"]');
    expect(await focusIn(page)).toBe("grid");
    await page.locator(".wb-tab-add").focus();
    await page.keyboard.press("Enter");
    await page.waitForSelector('table.wb-grid[data-sheet="Sheet1"]');
    expect(await focusIn(page)).toBe("grid");
  });

  it("F6 and Shift+F6 move the focus out of the grid and back (Tab stays in it)", async () => {
    const { page } = await suite.open();
    await expect.poll(() => page.locator("#root").textContent(), { timeout: 20_000 }).toContain("DTC Metrics planners");
    await page.click('td[data-addr="B2"]');
    await page.keyboard.press("F6");
    expect(await focusIn(page)).toBe("pane");
    await page.keyboard.press("Shift+F6");
    expect(await focusIn(page)).toBe("grid");
    await page.keyboard.press("Shift+F6");
    expect(await page.evaluate(() => !!document.activeElement?.closest(".wb-top"))).toBe(true);
    await page.keyboard.press("F6");
    expect(await focusIn(page)).toBe("grid");
    expect(await activeCell(page)).toBe("B2");
  });
});

describe("function help while typing a formula", () => {
  const en = docs("functions.json");
  const byName = (name: string) => en.find((f) => `DTC.${f.name}` === name)!;
  const items = (page: Page) => page.locator(".wb-help [role=option]").allTextContents();

  it("=DTC. lists every function; typing filters; arrows and Enter insert; the signature follows the arguments", async () => {
    const { page } = await suite.open();
    await page.click('td[data-addr="L2"]');
    await page.keyboard.type("=DTC.");
    const all = en.map((f) => `DTC.${f.name}`).sort();
    expect(await items(page)).toEqual(all);
    // The highlighted one's signature and description, from functions.json.
    const aipl = byName(all[0]);
    expect(await page.textContent(".wb-help-detail .wb-help-sig")).toBe(
      `${all[0]}(${aipl.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`,
    );
    expect(await page.textContent(".wb-help-detail .wb-help-desc")).toBe(aipl.description);

    await page.keyboard.type("fa");
    expect(await items(page)).toEqual(["DTC.FAST", "DTC.FAST.ROWS", "DTC.FASTPLUS"]);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowUp");
    expect(await page.textContent(".wb-help [aria-selected=true]")).toBe("DTC.FAST.ROWS");
    expect(await page.textContent(".wb-help-detail .wb-help-desc")).toBe(byName("DTC.FAST.ROWS").description);
    await page.keyboard.press("Enter");
    expect(await page.inputValue(".wb-editor")).toBe("=DTC.FAST.ROWS(");
    expect(await page.inputValue(".wb-formula")).toBe("=DTC.FAST.ROWS(");
    expect(await page.locator(".wb-help [role=option]").count()).toBe(0);

    // Inside the call: the signature, the argument being typed in bold, with its description.
    const rows = byName("DTC.FAST.ROWS");
    expect(await page.textContent(".wb-help-tip")).toBe("DTC.FAST.ROWS(stage_start, stage_end, is_member, is_active, [indicator], [with_headers])");
    expect(await page.textContent(".wb-help-arg")).toBe("stage_start");
    expect(await page.textContent(".wb-help-desc")).toBe(`stage_start: ${rows.parameters[0].description}`);
    await page.keyboard.type("B2:B21, C2:C21, ");
    expect(await page.textContent(".wb-help-arg")).toBe("is_member");
    await page.keyboard.type("D2:D21, E2:E21, , ");
    expect(await page.textContent(".wb-help-arg")).toBe("[with_headers]");
    await page.keyboard.type("TRUE)");
    expect(await page.locator(".wb-help").isVisible()).toBe(false);
    await page.keyboard.press("Enter");
    // The sample's consumers (grid.test.ts): F = 18, S = 10 under the header row.
    expect((await values(page, "L2:O3")).map((r) => [r[0], r[2]])).toEqual([
      ["Fertility", "Superiority"],
      [18, 10],
    ]);
  });

  it("Tab inserts too, Escape closes the list and then cancels the edit; the formula bar has it too", async () => {
    const { page } = await suite.open();
    await showSheet(page, "Crowds");
    await page.click('td[data-addr="A22"]');
    await page.keyboard.type("=dtc.gt");
    expect(await items(page)).toEqual(["DTC.GTA", "DTC.GTA.BUDGET"]);
    await page.keyboard.press("Tab");
    expect(await page.inputValue(".wb-editor")).toBe("=DTC.GTA(");
    expect(await activeCell(page)).toBe("A22"); // still editing, not moved
    await page.keyboard.type('B1, A3:G7, "summary")');
    await page.keyboard.press("Enter");
    expect(await one(page, "D22")).toBe(30_550_000);

    await page.click('td[data-addr="A24"]');
    await page.keyboard.type("=DTC.S");
    expect(await items(page)).toEqual(["DTC.SQL", "DTC.START", "DTC.SUPER"]);
    await page.keyboard.press("Escape");
    expect(await page.locator(".wb-help [role=option]").count()).toBe(0);
    expect(await page.inputValue(".wb-editor")).toBe("=DTC.S");
    await page.keyboard.press("Escape");
    expect(await page.locator(".wb-editor.wb-editor-idle").count()).toBe(1);
    expect(await one(page, "A24")).toBeNull();

    // In the formula bar.
    await page.click('td[data-addr="A24"]');
    await page.click(".wb-formula");
    await page.keyboard.type("=DTC.GTA.B");
    expect(await items(page)).toEqual(["DTC.GTA.BUDGET"]);
    await page.keyboard.press("Tab");
    expect(await page.inputValue(".wb-formula")).toBe("=DTC.GTA.BUDGET(");
    expect(await page.textContent(".wb-help-arg")).toBe(byName("DTC.GTA.BUDGET").parameters[0].name);
    // A click on an entry inserts it as well.
    for (let i = 0; i < ".BUDGET(".length; i++) await page.keyboard.press("Backspace");
    expect(await page.inputValue(".wb-formula")).toBe("=DTC.GTA");
    await page.locator(".wb-help [role=option]", { hasText: /^DTC\.GTA\.BUDGET$/ }).click();
    expect(await page.inputValue(".wb-formula")).toBe("=DTC.GTA.BUDGET(");
  });

  it("shows the Chinese descriptions (functions.zh-CN.json) when the page is in Chinese", async () => {
    const zh = docs("functions.zh-CN.json");
    const { page } = await suite.open("?lang=zh-CN");
    await page.click('td[data-addr="L2"]');
    await page.keyboard.type("=DTC.GTA");
    expect(await page.getAttribute(".wb-help [role=listbox]", "aria-label")).toBe("函数");
    const gta = zh.find((f) => f.name === "GTA")!;
    expect(await page.textContent(".wb-help-detail .wb-help-desc")).toBe(gta.description);
    await page.keyboard.press("Enter");
    expect(await page.textContent(".wb-help-desc")).toBe(`target_gmv: ${gta.parameters[0].description}`);
  });
});

describe("in Node: the saved form and the formula reader", () => {
  it("saves a spill's anchor only, and clears the stale values of a version-1 book (built-in array formulas too)", () => {
    // TRANSPOSE(A1:C1) spills down A3:A5. The version-1 book holds the spilled values, one of
    // them stale (A1 changed since), and a value typed elsewhere that must stay.
    const old = parseSavedBook(
      JSON.stringify({
        schema: "dtc-workbench",
        version: 1,
        sheets: [{ name: "S", cells: [[10, 2, 3], [], ["=TRANSPOSE(A1:C1)", "kept"], [2], [3]] }],
        plans: null,
      }),
    )!;
    const book = new Book(old);
    const v = (row: number, col: number) => book.hf.getCellValue({ sheet: 0, row, col });
    expect([v(2, 0), v(3, 0), v(4, 0), v(2, 1)]).toEqual([10, 2, 3, "kept"]);
    const saved = book.toSaved();
    expect(saved.version).toBe(2);
    expect(saved.sheets[0].cells).toEqual([[10, 2, 3], [], ["=TRANSPOSE(A1:C1)", "kept"], [null], [null]]);
    // Version 2 as saved: loads the same, and a value typed into the spill range blocks it.
    const again = new Book(parseSavedBook(JSON.stringify({ ...saved, sheets: [{ ...saved.sheets[0], cells: [...saved.sheets[0].cells.slice(0, 3), ["x"]] }] }))!);
    expect(again.hf.getCellValue({ sheet: 0, row: 3, col: 0 })).toBe("x");
    expect(again.hf.getCellValue({ sheet: 0, row: 2, col: 0 })).toMatchObject({ type: "SPILL" });
  });

  it("reads the word at the caret and the argument being typed, skipping strings and sheet names", () => {
    expect(formulaContext("=DTC.F", 6)).toEqual({ word: { text: "DTC.F", start: 1 } });
    expect(formulaContext("=SUM(1, DTC.G", 13)).toEqual({ word: { text: "DTC.G", start: 8 }, call: { name: "SUM", arg: 1 } });
    expect(formulaContext('=DTC.GTA(B1, "a,b(", ', 20)).toEqual({ call: { name: "DTC.GTA", arg: 2 } });
    expect(formulaContext("=DTC.GTA('My, sheet'!B1, (1+2), ", 32).call).toEqual({ name: "DTC.GTA", arg: 2 });
    expect(formulaContext("=DTC.GTA(B1, A3:G7)", 19).call).toBeUndefined();
    expect(formulaContext("=$B1", 3).word).toBeUndefined();
    expect(formulaContext("DTC.F", 5)).toEqual({});
  });
});
