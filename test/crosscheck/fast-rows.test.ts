/*
 * FAST.ROWS against native spreadsheet formulas (COUNTIFS / SUMPRODUCT) evaluated by HyperFormula
 * on the same random tables: an independent engine for the counting.
 */
import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import { describe, expect, it } from "vitest";
import { fastRowsExcel } from "../../src/models/fast";
import { CellError, type ResultCell } from "../../src/excel/errors";

type RawCell = string | boolean | null;
const STAGES: RawCell[] = ["A", "i", "P", "l", "-", "", null];
const FLAGS: RawCell[] = [true, false, null];

/** The four FAST formulas over rows 1..n (put in G1:J1). */
function sheetFormulas(n: number): string[] {
  const range = (c: string): string => `${c}1:${c}${n}`;
  const inAipl = (c: string): string => ["A", "I", "P", "L"].map((s) => `COUNTIFS(${range(c)},"${s}")`).join("+");
  return [
    `=${inAipl("B")}`, // F
    `=SUMPRODUCT((${range("E")}>0)*(${range("F")}>${range("E")}))/(${inAipl("A")})`, // A
    `=SUMPRODUCT((${range("C")}=TRUE())*1)`, // S
    `=SUMPRODUCT((${range("C")}=TRUE())*(${range("D")}=TRUE()))/SUMPRODUCT((${range("C")}=TRUE())*1)`, // T
  ];
}

/** The sheet: A stage_start, B stage_end, C is_member, D is_active, E/F stage ranks (1–4, 0 outside), G1:J1 FAST. */
function viaHyperFormula(rows: RawCell[][]): (number | string)[] {
  const n = rows.length;
  const rank = (cell: string): string => `=IF(${cell}="A",1,IF(${cell}="I",2,IF(${cell}="P",3,IF(${cell}="L",4,0))))`;
  const data: RawCell[][] = rows.map((r, i) => [...r, rank(`A${i + 1}`), rank(`B${i + 1}`)]);
  data[0].push(...sheetFormulas(n));
  const hf = HyperFormula.buildFromArray(data, { licenseKey: "gpl-v3", useArrayArithmetic: true, smartRounding: false });
  const out = [6, 7, 8, 9].map((col) => {
    const v = hf.getCellValue({ sheet: 0, row: 0, col });
    return typeof v === "number" ? v : String((v as { value: unknown }).value);
  });
  hf.destroy();
  return out;
}

const plain = (c: ResultCell): number | string => (c instanceof CellError ? c.kind : (c as number));

/** FAST.ROWS on the same rows equals the sheet: counts exactly, ratios to 12 digits, same error kinds. */
function expectAgree(rows: RawCell[][]): void {
  const hf = viaHyperFormula(rows);
  const col = (k: number): RawCell[][] => rows.map((r) => [r[k]]);
  const ours = fastRowsExcel(col(0), col(1), col(2), col(3)).map(plain);
  expect(ours[0]).toBe(hf[0]);
  expect(ours[2]).toBe(hf[2]);
  for (const k of [1, 3]) {
    if (typeof hf[k] === "number") expect(ours[k] as number).toBeCloseTo(hf[k] as number, 12);
    else expect(ours[k]).toBe(hf[k]);
  }
}

describe("FAST.ROWS = COUNTIFS/SUMPRODUCT in HyperFormula", () => {
  it("agrees on a fixed table, and the sheet gives the hand values", () => {
    // start A,I,-,L ; end P,i,A,l ; member T,T,F,T ; active T,F,T,T → F 4, A 1/3, S 3, T 2/3.
    const rows: RawCell[][] = [
      ["A", "P", true, true],
      ["I", "i", true, false],
      ["-", "A", false, true],
      ["L", "l", true, true],
    ];
    const hf = viaHyperFormula(rows);
    expect(hf[0]).toBe(4);
    expect(hf[1]).toBeCloseTo(1 / 3, 12);
    expect(hf[2]).toBe(3);
    expect(hf[3]).toBeCloseTo(2 / 3, 12);
    expectAgree(rows);
  });
  it("agrees on random tables, #DIV/0! included", () => {
    const row = fc.tuple(fc.constantFrom(...STAGES), fc.constantFrom(...STAGES), fc.constantFrom(...FLAGS), fc.constantFrom(...FLAGS));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), (rows) => expectAgree(rows)),
      { numRuns: 60 },
    );
  });
});
