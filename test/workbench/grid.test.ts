/*
 * The workbench page in headless Chromium, driven like a user: the BUILT dist/ served on
 * 127.0.0.1, formulas typed into the grid, results read from the cells and compared with values
 * worked out by hand from SPEC. Also: no uncaught error, no request outside localhost.
 */
import { describe, expect, it } from "vitest";
import { selectRange, showSheet, shown, typeInto, values, workbenchSuite } from "./page";

const suite = workbenchSuite();
const fresh = () => suite.open();

const close = (digits: number) => (actual: unknown, expected: number) => expect(actual as number).toBeCloseTo(expected, digits);

describe("the page", () => {
  it("opens the sample workbook with its eight sheets, the pane column at 350 px and the sample computing", async () => {
    const { page } = await fresh();
    expect(await page.locator(".wb-tab").allTextContents()).toEqual(["Consumers", "FAST", "SKUs", "Crowds", "Benchmarks", "Orders", "Segments", "Touchpoints"]);
    expect(await page.locator(".wb-pane").evaluate((el) => el.getBoundingClientRect().width)).toBe(350);
    // The consumer table (workbench/sample.ts), by hand: ends in AIPL = 20 − 2 (rows C09, C14 end
    // "-") = 18; starters in AIPL = 20 − 3 (C08, C09, C16) = 17, of whom 8 rose (C01 A→I, C03 I→P,
    // C05 P→L, C10 A→P, C11 I→L, C17 A→I, C18 P→L, C20 I→P): A = 8/17; members 10
    // (C01 C03 C05 C06 C07 C11 C13 C15 C18 C19), of whom active 7 (not C06, C11, C13): T = 0.7.
    const [head, row] = await values(page, "G2:J3");
    expect(head).toEqual(["Fertility", "Advancing", "Superiority", "Thriving"]);
    expect(row[0]).toBe(18);
    close(12)(row[1], 8 / 17);
    expect(row[2]).toBe(10);
    close(12)(row[3], 0.7);
    expect(await shown(page, "H3")).toBe("47.1%");
    // The native formula beside it: =SUM(G3, I3) = 18 + 10.
    expect((await values(page, "G7"))[0][0]).toBe(28);
  });

  it("recalculates FAST.ROWS when a stage is edited in the grid", async () => {
    const { page } = await fresh();
    // C14 (row 15) ends "-": set its end stage to P → A→P rises: F = 19, A = 9/17.
    await typeInto(page, "C15", "P");
    const [row] = await values(page, "G3:J3");
    expect(row[0]).toBe(19);
    close(12)(row[1], 9 / 17);
    expect(row[2]).toBe(10);
  });
});

describe("formulas typed into the grid", () => {
  it("=DTC.FAST(A2:D2, A3:D3, E2, F2, G2) spills [F, A, S, T]", async () => {
    const { page } = await fresh();
    await showSheet(page, "FAST");
    await typeInto(page, "A13", "=DTC.FAST(A2:D2, A3:D3, E2, F2, G2)");
    // start 1000/500/200/100 (1800), end 1200/600/300/150, advanced 180, members 400, active 100:
    // F = 1200+600+300+150 = 2250; A = 180/1800 = 0.1; S = 400; T = 100/400 = 0.25.
    const [row] = await values(page, "A13:E13");
    expect(row[0]).toBe(2250);
    close(12)(row[1], 0.1);
    expect(row[2]).toBe(400);
    close(12)(row[3], 0.25);
    expect(row[4]).toBeNull();
    expect(await page.getAttribute('td[data-addr="D13"]', "class")).toContain("wb-spill");
    // The formula bar shows the formula of the anchor cell.
    await page.click('td[data-addr="A13"]');
    expect(await page.inputValue(".wb-formula")).toBe("=DTC.FAST(A2:D2, A3:D3, E2, F2, G2)");
  });

  it("=SUM(...) and a #SPILL! when the spill range is not empty, then the spill once it is cleared", async () => {
    const { page } = await fresh();
    await showSheet(page, "FAST");
    await typeInto(page, "C13", "blocker");
    await typeInto(page, "A13", '=DTC.FAST(A2:D2, A3:D3, E2, F2, G2, "A")'); // a scalar: no spill needed
    close(12)((await values(page, "A13"))[0][0], 0.1);
    await typeInto(page, "A14", "=DTC.FAST(A2:D2, A3:D3, E2, F2, G2)");
    await typeInto(page, "C14", "x");
    expect((await values(page, "A14"))[0][0]).toMatchObject({ error: "#SPILL!" });
    await page.click('td[data-addr="C14"]');
    await page.keyboard.press("Delete");
    expect((await values(page, "A14:D14"))[0][2]).toBe(400);
    await typeInto(page, "A16", "=SUM(A2:D2)"); // 1000 + 500 + 200 + 100
    expect((await values(page, "A16"))[0][0]).toBe(1800);
  });

  it("shows an invalid input as #VALUE! with the message naming the argument", async () => {
    const { page } = await fresh();
    await showSheet(page, "FAST");
    await typeInto(page, "G2", "500"); // active_members 500 > members 400
    const [[v]] = await values(page, "A6");
    expect(v).toEqual({ error: "#VALUE!", message: "active_members: 500 exceeds members (400)" });
    await page.click('td[data-addr="A6"]');
    expect(await page.textContent(".wb-status")).toBe("#VALUE! active_members: 500 exceeds members (400)");
  });

  it("=DTC.SUPER over the SKU table with headers", async () => {
    const { page } = await fresh();
    await showSheet(page, "SKUs");
    await typeInto(page, "K12", "=DTC.SUPER(A1:I9)");
    // GMV 500k 250k 120k 60k 40k 20k 6k 4k = 1,000k; 0.8 × 1,000k = 800k is reached by the top 3
    // (500 + 250 + 120 = 870k ≥ 800k, 750k < 800k): S = 3/8.
    // U = Σbuyers/Σvisitors = 4,450/116,000; P = new GMV (SKU-03, -05, -07) 166k/1,000k = 0.166;
    // E = Σunits_sold/Σunits_available = 5,197/8,900; R = Σon_time/Σorders = 4,490/4,673.
    const [row] = await values(page, "K12:O12");
    close(12)(row[0], 3 / 8);
    close(12)(row[1], 4450 / 116000);
    close(12)(row[2], 0.166);
    close(12)(row[3], 5197 / 8900);
    close(12)(row[4], 4490 / 4673);
  });

  it("=DTC.GTA on the SPEC 10 worked example: summary and plan, recalculated when the target changes", async () => {
    const { page } = await fresh();
    await showSheet(page, "Crowds");
    await typeInto(page, "A22", '=DTC.GTA(B1, A3:G7, "summary")');
    // baseline = 200,000×0.30×400 + 800,000×0.08×300 + 1,500,000×0.05×250 + 6,000,000×0.005×250
    //          = 24,000,000 + 19,200,000 + 18,750,000 + 7,500,000 = 69,450,000;
    // old = 43,200,000; new = 26,250,000; gap = 30,550,000; g_I = 12.5 > g_A = 1.25, so I takes
    // it all: added_I = 30,550,000/12.5 = 2,444,000; planned = 100,000,000; shortfall 0; no cost.
    const [summary] = await values(page, "A22:G22");
    expect(summary).toEqual([69_450_000, 43_200_000, 26_250_000, 30_550_000, 0, 100_000_000, 0]);
    await typeInto(page, "A25", "=DTC.GTA(B1, A3:G7)");
    const plan = await values(page, "A25:K29");
    // Rows L, P, I, A then TOTAL; columns stage … added (8th), required (9th).
    expect(plan.map((r) => r[0])).toEqual(["L", "P", "I", "A", "TOTAL"]);
    expect(plan[2][7]).toBe(2_444_000);
    expect(plan[2][8]).toBe(3_944_000); // 1,500,000 + 2,444,000
    expect(plan[4][7]).toBe(2_444_000);
    // A lower target: gap = 80,000,000 − 69,450,000 = 10,550,000 → added_I = 844,000.
    await typeInto(page, "B1", "80000000");
    expect((await values(page, "A22:F22"))[0]).toEqual([69_450_000, 43_200_000, 26_250_000, 10_550_000, 0, 80_000_000]);
    expect((await values(page, "H27"))[0][0]).toBe(844_000);
  });

  it("selects ranges with the mouse and shows the address and a sum", async () => {
    const { page } = await fresh();
    await showSheet(page, "FAST");
    await selectRange(page, "A2:D2");
    expect(await page.inputValue(".wb-name")).toBe("A2:D2");
    expect(await page.textContent(".wb-status")).toBe("Count: 4   Sum: 1800");
  });
});
