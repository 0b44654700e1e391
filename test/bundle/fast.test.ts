/* FAST and FAST.ROWS through the BUILT bundle, called the way Excel calls them. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isError, loadBundle, type Bundle, type XlError } from "../harness/bundle";

let b: Bundle;
beforeAll(async () => {
  b = await loadBundle();
});
afterAll(async () => b?.close());

// Hand example: F = 450 + 350 + 160 + 90 = 1050; A = 120 ÷ 1000 = 0.12; S = 80; T = 20 ÷ 80 = 0.25.
const START = [[500, 300, 150, 50]];
const END = [[450], [350], [160], [90]];

describe("DTC.FAST", () => {
  it("returns [F, A, S, T] as a 1×4 spill", async () => {
    expect(await b.call("FAST", START, END, 120, 80, 20)).toEqual([[1050, 0.12, 80, 0.25]]);
  });
  it("returns one indicator by letter or name, and headers", async () => {
    expect(await b.call("FAST", START, END, 120, 80, 20, "A")).toEqual([[0.12]]);
    expect(await b.call("FAST", START, END, 120, 80, 20, "超级用户活跃度")).toEqual([[0.25]]);
    expect(await b.call("FAST", START, END, 120, 80, 20, null, true)).toEqual([
      ["Fertility", "Advancing", "Superiority", "Thriving"],
      [1050, 0.12, 80, 0.25],
    ]);
    expect(await b.call("FAST", START, END, 120, 80, 20, "Q")).toEqual({
      error: "#VALUE!",
      message: 'indicator: unknown indicator "Q"; use one of F (Fertility), A (Advancing), S (Superiority), T (Thriving)',
    });
  });
  it("gives #VALUE! for impossible relations and bad counts, naming the argument", async () => {
    // start A + I + P = 950.
    expect(await b.call("FAST", START, END, 951, 80, 20)).toEqual({
      error: "#VALUE!",
      message: "advanced: 951 exceeds the start count of A + I + P in aipl_start (950); L cannot rise",
    });
    expect(await b.call("FAST", START, END, 120, 80, 81)).toEqual({
      error: "#VALUE!",
      message: "active_members: 81 exceeds members (80)",
    });
    expect(await b.call("FAST", START, [[1], [-2], [3], [4]], 0, 0, 0)).toEqual({
      error: "#VALUE!",
      message: "aipl_end row 2: -2 is negative; a count must be ≥ 0",
    });
  });
  it("holds #DIV/0! in A and T only", async () => {
    const [row] = (await b.call("FAST", [[0, 0, 0, 0]], END, 0, 0, 0)) as unknown[][];
    expect(row[0]).toBe(1050);
    expect((row[1] as XlError).error).toBe("#DIV/0!");
    expect(row[2]).toBe(0);
    expect((row[3] as XlError).error).toBe("#DIV/0!");
  });
});

/*
 * Hand table: start/end/member/active
 * A→I Y Y (adv, member, active); A→A N Y; I→L TRUE FALSE (adv, member); P→P 1 1 (member, active);
 * L→L 是 否 (member); -→A 0 1; L→P blank blank; A→- yes yes (member, active); blank row.
 * F = 7, A = 2/7, S = 5, T = 3/5.
 */
const ROWS = {
  start: [["A"], ["A"], ["I"], ["P"], ["L"], ["-"], ["L"], ["A"], [""]],
  end: [["I"], ["A"], ["L"], ["P"], ["L"], ["A"], ["P"], ["-"], [null]],
  member: [["Y"], ["N"], [true], [1], ["是"], [0], [""], ["yes"], [""]],
  active: [["Y"], ["Y"], [false], [1], ["否"], [1], [null], ["yes"], [null]],
};

describe("DTC.FAST.ROWS", () => {
  it("counts [F, A, S, T] from one row per consumer", async () => {
    const [[f, a, s, t]] = (await b.call("FAST.ROWS", ROWS.start, ROWS.end, ROWS.member, ROWS.active)) as number[][];
    expect(f).toBe(7);
    expect(a).toBeCloseTo(2 / 7, 12);
    expect(s).toBe(5);
    expect(t).toBeCloseTo(0.6, 12);
  });
  it("matches FAST fed with AIPL of each snapshot and the counts", async () => {
    const [aiplStart, aiplEnd] = (await b.callMany([["AIPL", ROWS.start], ["AIPL", ROWS.end]])) as number[][][];
    // advanced 2, members 5, active members 3 (hand table).
    expect(await b.call("FAST", aiplStart, aiplEnd, 2, 5, 3)).toEqual(
      await b.call("FAST.ROWS", ROWS.start, ROWS.end, ROWS.member, ROWS.active),
    );
  });
  it("handles 1,048,576-row whole-column references with a blank tail", async () => {
    const N = 1_048_576;
    const out = await b.page.evaluate((n) => {
      // Build the arguments inside the page: 3 filled rows, then blanks.
      const col = (vals: unknown[]): unknown[][] => {
        const c = new Array(n);
        for (let i = 0; i < n; i++) c[i] = [i < vals.length ? vals[i] : i % 2 ? "" : null];
        return c;
      };
      type Fn = (...args: unknown[]) => number[][];
      const fn = (window as unknown as { __associated: Record<string, Fn> }).__associated["FAST.ROWS"];
      const args = [col(["A", "I", "L"]), col(["P", "I", "-"]), col([true, "N", 1]), col([true, true, false])];
      return { r: fn(...args, null, null, {}) };
    }, N);
    // start in AIPL 3, end in AIPL 2 (P, I); advanced A→P = 1 → 1/3; members rows 1 and 3 = 2; active member row 1 → 1/2.
    expect(out.r[0][0]).toBe(2);
    expect(out.r[0][1]).toBeCloseTo(1 / 3, 12);
    expect(out.r[0].slice(2)).toEqual([2, 0.5]);
  });
  it("gives #VALUE! naming the argument and row", async () => {
    const out = (await b.call("FAST.ROWS", ROWS.start, ROWS.end, ROWS.member.slice(0, 8), ROWS.active)) as XlError;
    expect(out).toEqual({
      error: "#VALUE!",
      message: "is_member has 8 rows but stage_start has 9; all columns must have the same length",
    });
    const active = ROWS.active.map((r) => [...r]);
    active[5] = ["sometimes"];
    const bad = await b.call("FAST.ROWS", ROWS.start, ROWS.end, ROWS.member, active);
    expect(isError(bad) && bad.message).toMatch(/^is_active row 6: "sometimes" is not a yes\/no value/);
  });
});
