/*
 * What real Excel sends (docs/functions.md, "Conventions"), through the BUILT bundle:
 * - whole columns bring the sheet's header row: row-level functions skip it, and row numbers in
 *   messages still count from the argument's first row;
 * - the empty tail of a whole-column reference arrives as null (web, new desktop), "" or the
 *   number 0 (older desktop builds): every row and table function gives the same result for all
 *   three, with and without a header row;
 * - data-type cells arrive as objects with a basicValue;
 * - a matrix function returns a 2-D array in every case and throws its whole-call error;
 * - persons are rounded up with a relative slack, and keys within a relative 1e-12 are ties.
 * Expected values are worked out by hand in the comments (or equal the same call on the bare
 * data, whose hand values the per-function suites check).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isError, loadBundle, type Bundle, type XlError, type XlResult } from "../harness/bundle";

let b: Bundle;
beforeAll(async () => {
  b = await loadBundle();
});
afterAll(async () => b?.close());

type Rows = unknown[][];
const FORMS = [null, "", 0] as const;
const TAIL = 3000;
/** `n` empty rows of `width` cells, in one of the three forms. */
const tail = (form: (typeof FORMS)[number], width: number, n = TAIL): Rows =>
  Array.from({ length: n }, () => new Array(width).fill(form));
/** One column of a row table. */
const col = (t: Rows, j: number): Rows => t.map((r) => [r[j]]);

/*
 * FAST.ROWS table by hand: start A, I, P, -, A; end I, I, L, A, blank; member Y, N, 1, 0, TRUE;
 * active Y, Y, 0, 1, N. F = end in AIPL = 4. A: A→I and P→L rose (the row from outside AIPL does
 * not count) = 2, over 4 starters in AIPL = 0.5. S = Y, 1, TRUE = 3. T = members also active =
 * row 1 only = 1/3.
 */
const CONSUMERS: Rows = [
  ["A", "I", "Y", "Y"],
  ["I", "I", "N", "Y"],
  ["P", "L", 1, 0],
  ["-", "A", 0, 1],
  ["A", "", true, "N"],
];
const CONSUMER_HEADER = ["stage_start", "stage_end", "is_member", "is_active"];
const FAST_HAND = [4, 0.5, 3, 1 / 3];

/** The four FAST.ROWS columns of a table, called through the bundle. */
const fastRows = (t: Rows, ...rest: unknown[]): Promise<XlResult> =>
  b.call("FAST.ROWS", col(t, 0), col(t, 1), col(t, 2), col(t, 3), ...rest);

function close(actual: XlResult, expected: number[]): void {
  const row = (actual as number[][])[0];
  expect(row).toHaveLength(expected.length);
  expected.forEach((e, k) => expect(row[k]).toBeCloseTo(e, 12));
}

describe("row-level functions: header row and the three empty-tail forms", () => {
  for (const form of FORMS) {
    for (const header of [false, true]) {
      const label = `tail ${JSON.stringify(form)}, ${header ? "with" : "without"} a header row`;
      const withHead = (t: Rows, h: unknown[]): Rows => (header ? [h, ...t] : t);

      it(`FAST.ROWS: ${label}`, async () => {
        close(await fastRows([...withHead(CONSUMERS, CONSUMER_HEADER), ...tail(form, 4)]), FAST_HAND);
        // An empty cell inside the data in the same form reads as blank too.
        const inner = CONSUMERS.map((r) => r.map((c) => (c === "" ? form : c)));
        close(await fastRows([...withHead(inner, CONSUMER_HEADER), ...tail(form, 4)]), FAST_HAND);
      });

      it(`AIPL, AIPL.FLOW, AIPL.DEEPEN: ${label}`, async () => {
        const t = [...withHead(CONSUMERS, CONSUMER_HEADER), ...tail(form, 4)];
        // Start A 2, I 1, P 1 (the "-" row is outside AIPL); end A 1, I 2, L 1.
        expect(await b.call("AIPL", col(t, 0))).toEqual([[2, 1, 1, 0]]);
        expect(await b.call("AIPL", col(t, 1))).toEqual([[1, 2, 0, 1]]);
        // FLOW by hand (rows/columns A, I, P, L, none): A→I, A→none, I→I, P→L, none→A.
        expect(await b.call("AIPL.FLOW", col(t, 0), col(t, 1))).toEqual([
          [0, 1, 0, 0, 1],
          [0, 1, 0, 0, 0],
          [0, 0, 0, 1, 0],
          [0, 0, 0, 0, 0],
          [1, 0, 0, 0, 0],
        ]);
        // DEEPEN: A 1 of 2 rose, I 0 of 1, P 1 of 1.
        expect(await b.call("AIPL.DEEPEN", col(t, 0), col(t, 1))).toEqual([[0.5, 0, 1]]);
      });

      /*
       * GROW.ROWS by hand: base orders (a, x, 10), (b, x, 20): N 2, orders 2, V 30. Current:
       * (a, x, 30), (c, x, 40), (customer 0, x, 5) like-for-like: N 3, orders 3, V 75; (d, y, 50)
       * is W = 50. The identifier 0 in a kept row is the customer "0", not a blank.
       */
      it(`GROW.ROWS: ${label}`, async () => {
        const orders: Rows = [
          [0, "a", "x", 10],
          [0, "b", "x", 20],
          [1, "a", "x", 30],
          [1, "c", "x", 40],
          [1, "d", "y", 50],
          [1, 0, "x", 5],
        ];
        const t = [...withHead(orders, ["period", "customer", "category", "gmv"]), ...tail(form, 4)];
        const expected = await b.call("GROW", [[2, 2, 30]], [[3, 3, 75]], 50);
        const got = await b.call("GROW.ROWS", col(t, 0), col(t, 1), col(t, 2), col(t, 3));
        close(got, (expected as number[][])[0]);
      });
    }
  }

  it("row numbers in messages count from the argument's first row, the header included", async () => {
    const t: Rows = [CONSUMER_HEADER, ...Array.from({ length: 20 }, () => ["A", "I", "N", "N"])];
    t[16] = ["A", "X", "N", "N"];
    expect(await fastRows(t)).toEqual({ error: "#VALUE!", message: 'stage_end row 17: unknown stage "X"' });
    const s: Rows = [["stage"], ...Array.from({ length: 9 }, () => ["P"])];
    s[4] = ["Q"];
    expect(await b.call("AIPL", s)).toEqual({ error: "#VALUE!", message: 'stages row 5: unknown stage "Q"' });
  });

  it("a first row that is data is not a header: valid values, or text with a blank or number cell", async () => {
    // "A", "I", "Y", "N" are all valid values and none is a column name: one more consumer
    // (A→I, a member, not active): F 5, A 3 of 5, S 4, T 1 of 4.
    close(await fastRows([["A", "I", "Y", "N"], ...CONSUMERS]), [5, 3 / 5, 4, 1 / 4]);
    expect(await b.call("AIPL", [["A"], ["I"]])).toEqual([[1, 1, 0, 0]]);
    // A header cell left empty: not a header row, so the text is read as a stage.
    expect(await fastRows([["stage_start", "stage_end", "", "is_active"], ...CONSUMERS])).toEqual({
      error: "#VALUE!",
      message: 'stage_start row 1: unknown stage "stage_start"',
    });
  });

  it("a header of known names is skipped even where every column holds free identifiers", async () => {
    // Chinese names; every cell of the GROW.ROWS header is a known name of its column.
    const t: Rows = [["期间", "客户", "品类", "成交额"], [0, "a", "x", 10], [1, "a", "x", 20]];
    const expected = await b.call("GROW", [[1, 1, 10]], [[1, 1, 20]], 0);
    close(await b.call("GROW.ROWS", col(t, 0), col(t, 1), col(t, 2), col(t, 3)), (expected as number[][])[0]);
  });
});

describe("table functions: the three empty-tail forms", () => {
  /*
   * SUPER: 40 SKUs with GMV 1 … 40, total 820; 80 % is 656. The top 22 sum to 649 and the top
   * 23 to 667, so S = 23 / 40 = 0.575. Counting 3,000 zero rows as SKUs would give 23 / 3,040.
   */
  const SKUS: Rows = Array.from({ length: 40 }, (_, i) => [`sku${i + 1}`, i < 4 ? "Y" : "N", i + 1, 100, 5]);
  for (const form of FORMS) {
    for (const header of [false, true]) {
      const label = `tail ${JSON.stringify(form)}, ${header ? "with" : "without"} a header row`;
      it(`SUPER: ${label}`, async () => {
        const head = header ? [["sku", "is_new", "gmv", "visitors", "buyers"]] : [];
        const out = (await b.call("SUPER", [...head, ...SKUS, ...tail(form, 5)])) as unknown[][];
        expect(out[0][0]).toBeCloseTo(0.575, 12);
        // U = 40 × 5 ÷ (40 × 100); P = (1 + 2 + 3 + 4) ÷ 820.
        expect(out[0][1]).toBeCloseTo(0.05, 12);
        expect(out[0][2]).toBeCloseTo(10 / 820, 12);
      });

      it(`GTA: ${label}`, async () => {
        // The public worked example: baseline 69,450,000, gap 30,550,000, reached exactly.
        const head = header ? [["stage", "crowd", "count", "conversion", "aov", "cost", "capacity"]] : [];
        const rows: Rows = [
          ["L", "", 200000, 0.3, 400, "", ""],
          ["P", "", 800000, 0.08, 300, "", ""],
          ["I", "", 1500000, 0.05, 250, "", ""],
          ["A", "", 6000000, 0.005, 250, "", ""],
        ];
        const crowds = [...head, ...rows, ...tail(form, 7)];
        expect(await b.call("GTA", 1e8, crowds, "summary")).toEqual([[69450000, 43200000, 26250000, 30550000, 0, 1e8, 0]]);
        const plan = (await b.call("GTA", 1e8, crowds)) as unknown[][];
        expect(plan).toHaveLength(5);
        expect(plan[2].slice(7, 9)).toEqual([2444000, 3944000]);
      });

      it(`HOTPLAN phases and crowds: ${label}`, async () => {
        const head = (a: string, b2: string): Rows => (header ? [[a, b2]] : []);
        const phases = [...head("name", "weight"), ["launch", 1], ["peak", 3], ...tail(form, 2)];
        const crowds = [...head("name", "share"), ["c1", 1], ["c2", 1], ...tail(form, 2)];
        const out = (await b.call("HOTPLAN", 8000, 10, phases, crowds, [[0.5, 0.25]])) as unknown[][];
        // 4 rows + TOTAL. launch × c1: gmv 8000 × 1/4 × 1/2 = 1000, units 100, buyers 100,
        // interest 200, aware 800.
        expect(out).toHaveLength(5);
        expect(out[0]).toEqual(["launch", "c1", 1000, 100, 100, 200, 800, 0]);
        expect(out[4]).toEqual(["TOTAL", "", 8000, 800, 800, 1600, 6400, 0]);
      });
    }

    it(`NEO peers: tail ${JSON.stringify(form)}`, async () => {
      const brand = [[2, 2, 2, 2, 2, 2, 2, 2, 2]];
      const peers: Rows = [new Array(9).fill(1), new Array(9).fill(2), new Array(9).fill(4)];
      // Index: 100 × 2 ÷ median(1, 2, 4) = 100 in every dimension; the zero rows are no peers.
      expect(await b.call("NEO", brand, [...peers, ...tail(form, 9)])).toEqual([[100, 100, 100]]);
      // Percentile: 100 × (1 below + 0.5 × 1 equal) ÷ 3 = 50.
      const pct = (await b.call("NEO", brand, [...peers, ...tail(form, 9)], null, "percentile")) as number[][];
      pct[0].forEach((x) => expect(x).toBeCloseTo(50, 12));
    });
  }

  it("a 0 in a label cell is blank; in a kept row a count of 0 stays 0", async () => {
    // Crowd name 0 (an empty cell from an older desktop build) shows as "".
    const plan = (await b.call("GTA", 0, [["P", 0, 100, 0.5, 10, "", ""]])) as unknown[][];
    expect(plan[0].slice(0, 3)).toEqual(["P", "", 100]);
    // A SKU with GMV 0 but visitors is a SKU: 2 SKUs, the first reaches 80 % alone.
    const s = (await b.call("SUPER", [["a", "N", 10, 5, 1], ["b", "N", 0, 5, 0]])) as number[][];
    expect(s[0][0]).toBe(0.5);
  });
});

describe("options and indicators given as 0", () => {
  it("indicator, output and method 0 mean omitted", async () => {
    expect(await b.call("FAST", [[5, 3, 1, 1]], [[4, 4, 1, 1]], 2, 10, 5, 0)).toEqual([[10, 0.2, 10, 0.5]]);
    const crowds = [["A", "", 100, 0.1, 10, "", ""]];
    expect(await b.call("GTA", 0, crowds, 0)).toEqual(await b.call("GTA", 0, crowds));
    const brand = [[2, 2, 2, 2, 2, 2, 2, 2, 2]];
    const peers = [new Array(9).fill(4)];
    expect(await b.call("NEO", brand, peers, null, 0)).toEqual([[50, 50, 50]]);
  });
});

describe("data types", () => {
  const dbl = (x: number) => ({ type: "Double", basicValue: x, numberFormat: "#,##0" });
  const str = (s: string) => ({ type: "String", basicValue: s });

  it("reads a data type cell as its basicValue", async () => {
    expect(await b.call("FAST", [[dbl(5), 3, 1, 1]], [[4, 4, 1, 1]], dbl(2), 10, 5)).toEqual([[10, 0.2, 10, 0.5]]);
    const t = CONSUMERS.map((r) => r.map((c) => (typeof c === "string" && c !== "" ? str(c) : c)));
    close(await fastRows(t), FAST_HAND);
    expect(await b.call("AIPL", [[str("认知")], [str("L")]])).toEqual([[1, 0, 0, 1]]);
    const skus = SKUS_DT();
    expect(((await b.call("SUPER", skus)) as number[][])[0][0]).toBe(0.5);
    expect(await b.call("FAST", [[5, 3, 1, 1]], [[4, 4, 1, 1]], 2, 10, 5, str("T"))).toEqual([[0.5]]);
  });

  it("refuses any other object with #VALUE! naming the cell", async () => {
    const bad = { kind: "Entity", properties: {} };
    const out = (await b.call("AIPL", [["A"], [bad], ["I"]])) as XlError;
    expect(out).toEqual({ error: "#VALUE!", message: "stages row 2: holds an object that is not a value (a data type without basicValue)" });
    const t = CONSUMERS.map((r) => [...r]);
    t[2][2] = bad;
    expect(await fastRows(t)).toEqual({
      error: "#VALUE!",
      message: "is_member row 3: holds an object that is not a value (a data type without basicValue)",
    });
    const n = (await b.call("FAST", [[bad, 3, 1, 1]], [[4, 4, 1, 1]], 2, 10, 5)) as XlError;
    expect(n.error).toBe("#VALUE!");
    expect(n.message).toMatch(/^aipl_start column 1: holds an object/);
    const g = (await b.call("GROW.ROWS", [[0], [1]], [["a"], [bad]], [["x"], ["x"]], [[1], [2]])) as XlError;
    expect(g.message).toMatch(/^customer row 2: holds an object/);
  });
});

/** Two SKUs whose GMV cells are Double data types: 80 and 20 (the first makes 80 % alone). */
function SKUS_DT(): Rows {
  return [
    ["a", "N", { type: "Double", basicValue: 80, numberFormat: "#,##0" }],
    ["b", "N", { type: "Double", basicValue: 20, numberFormat: "#,##0" }],
  ];
}

describe("result shapes", () => {
  it("one indicator is [[value]]; a TGI of scalars is [[value]]; rows have one length", async () => {
    expect(await b.call("FAST", [[5, 3, 1, 1]], [[4, 4, 1, 1]], 2, 10, 5, "S")).toEqual([[10]]);
    // TGI = 100 × (20 ÷ 100) ÷ (50 ÷ 1000) = 400.
    expect(await b.call("TGI", 20, 50, 100, 1000)).toEqual([[400]]);
    const plan = (await b.call("GTA", 100, [["I", "x", 10, 0.5, 2, 1, ""], ["P", "y", 5, 1, 3, "", ""]])) as unknown[][];
    expect(new Set(plan.map((r) => r.length))).toEqual(new Set([11]));
  });

  it("every matrix function returns a 2-D array or throws a CustomFunctions.Error", async () => {
    const matrixIds = b.metadata.functions.filter((f) => f.result?.dimensionality === "matrix").map((f) => f.id);
    expect(matrixIds.length).toBeGreaterThanOrEqual(15);
    const outcome = await b.page.evaluate((ids) => {
      const w = window as unknown as {
        __associated: Record<string, (...a: unknown[]) => unknown>;
        CustomFunctions: { Error: new (...a: unknown[]) => { code: string } };
      };
      return ids.map((id: string) => {
        try {
          // Invalid arguments for every function: a text where numbers or tables are needed.
          const r = w.__associated[id]("bad", [["?"]], "bad", "bad", "bad", "bad", "bad", "bad", {});
          return { id, kind: Array.isArray(r) && r.every((x: unknown) => Array.isArray(x)) ? "matrix" : "other" };
        } catch (e) {
          return { id, kind: e instanceof w.CustomFunctions.Error ? `thrown ${(e as { code: string }).code}` : "raw" };
        }
      });
    }, matrixIds);
    for (const o of outcome) expect(["matrix", "thrown #VALUE!"], o.id).toContain(o.kind);
    expect(outcome.filter((o) => o.kind !== "matrix").length).toBeGreaterThan(10);
  });

  it("CLV, declared with a scalar result, returns its value or its error", async () => {
    expect(await b.call("CLV", 100, 0.5, 0, 1)).toBe(50);
    expect(isError(await b.call("CLV", 100, 2, 0))).toBe(true);
  });
});

describe("rounding and ties at real magnitudes", () => {
  it("HOTPLAN: 235,914,346.00000003 units need 235,914,346 buyers", async () => {
    const out = (await b.call("HOTPLAN", 5447262249.14, 23.09, [["p", 1]], [["c", 1]], [[1, 1]])) as unknown[][];
    expect(out[0][4]).toBe(235914346);
    expect(out[0][5]).toBe(235914346);
    expect(out[0][6]).toBe(235914346);
  });

  it("GTA: g = 0.3 × 1 and 0.1 × 3 are a tie, so table order fills the first row first", async () => {
    const crowds = [
      ["I", "first", 1000, 0.3, 1, "", 10],
      ["I", "second", 1000, 0.1, 3, "", ""],
    ];
    // Baseline 300 + 300, gap 400; "first" takes its capacity 10 (GMV 3), "second" the
    // remaining 397 ÷ 0.3 = 1,323.3 → 1,324 consumers.
    const plan = (await b.call("GTA", 1000, crowds)) as unknown[][];
    expect(plan[0][7]).toBe(10);
    expect(plan[1][7]).toBe(1324);
  });
});
