/*
 * Large data beyond one call (issue #8): a range argument with more rows than a whole Excel
 * column (MAX_ROWS = 1,048,576 in src/excel/coerce.ts) fails fast with #VALUE! naming the
 * argument, in the BUILT bundle, for every function that takes rows of data; a whole column of
 * exactly 1,048,576 rows is accepted. The arguments are built inside the page (a 1,048,577-row
 * array does not cross the test/page boundary).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBundle, type Bundle, type XlResult, type XlValue } from "../harness/bundle";

const LIMIT = 1_048_576;
let b: Bundle;
let params: Record<string, number>;
beforeAll(async () => {
  b = await loadBundle();
  params = Object.fromEntries(b.metadata.functions.map((f) => [f.id, f.parameters.length]));
});
afterAll(async () => b?.close());

/**
 * Call DTC.<id> in the page with the arguments `build(rows)` returns (evaluated in the page);
 * `rows` is the length of the long argument. Returns the result and the call's duration.
 */
async function callLong(id: string, rows: number, build: string): Promise<{ result: XlResult; ms: number }> {
  return b.page.evaluate(
    ([meta, id, rows, build]) => {
      const blank = (n: number, width: number) => {
        const a = new Array(n);
        for (let i = 0; i < n; i++) a[i] = new Array(width).fill("");
        return a;
      };
      const args = new Function("rows", "blank", `return ${build};`)(rows, blank);
      const t0 = performance.now();
      const page = window as unknown as { __call: (m: unknown, id: string, args: unknown[]) => XlResult };
      const result = page.__call(meta, id, args);
      return { result, ms: performance.now() - t0 };
    },
    [params, id, rows, build] as const,
  );
}

/** [id, the argument named in the error, the arguments (page-side JS; `rows` long)] */
const CASES: [string, string, string][] = [
  ["AIPL", "stages", "[blank(rows, 1)]"],
  ["AIPL.FLOW", "stage_start", "[blank(rows, 1), blank(rows, 1)]"],
  ["AIPL.DEEPEN", "stage_start", "[blank(rows, 1), blank(rows, 1)]"],
  ["FAST.ROWS", "stage_start", "[blank(rows, 1), blank(rows, 1), blank(rows, 1), blank(rows, 1)]"],
  ["GROW.ROWS", "period", "[blank(rows, 1), blank(rows, 1), blank(rows, 1), blank(rows, 1)]"],
  ["SUPER", "skus", "[blank(rows, 9)]"],
  ["GTA", "crowds", "[1000, blank(rows, 7)]"],
  ["HOTPLAN", "phases", '[1000, 10, blank(rows, 2), [["a", 1]], [[0.5, 0.5]]]'],
  ["NEO", "peers", "[[[1, 1, 1, 1, 1, 1, 1, 1, 1]], blank(rows, 9)]"],
  ["HOTPLAN", "crowds", '[1000, 10, [["p", 1]], blank(rows, 2), [[0.5, 0.5]]]'],
];

describe("more rows than a whole column: fail fast with #VALUE! naming the argument", () => {
  for (const [id, arg, build] of CASES) {
    it(`${id}: ${arg} with ${LIMIT + 1} rows`, async () => {
      const { result, ms } = await callLong(id, LIMIT + 1, build);
      expect(result).toEqual({
        error: "#VALUE!",
        message: `${arg}: 1048577 rows is more than the 1048576 rows this function accepts in one call`,
      });
      // Fails before scanning the data: far below a scan of 1M rows (generous for a shared machine).
      expect(ms).toBeLessThan(1000);
    });
  }
});

describe("a whole column of exactly 1,048,576 blank rows is accepted", () => {
  it("AIPL counts nothing", async () => {
    // Every cell blank → no stage counted: [A, I, P, L] = [0, 0, 0, 0].
    expect((await callLong("AIPL", LIMIT, "[blank(rows, 1)]")).result).toEqual([[0, 0, 0, 0]]);
  });
  it("FAST.ROWS: F = 0, S = 0 and the two ratios have no denominator", async () => {
    // F = rows ending in AIPL = 0; A = 0 ÷ 0 starters → #DIV/0!; S = members = 0; T = 0 ÷ 0 → #DIV/0!.
    const { result } = await callLong("FAST.ROWS", LIMIT, "[blank(rows, 1), blank(rows, 1), blank(rows, 1), blank(rows, 1)]");
    const row = (result as XlValue[][])[0];
    expect(row[0]).toBe(0);
    expect(row[1]).toMatchObject({ error: "#DIV/0!" });
    expect(row[2]).toBe(0);
    expect(row[3]).toMatchObject({ error: "#DIV/0!" });
  });
});
