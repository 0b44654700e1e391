/* TGI against the same formula written natively and evaluated by HyperFormula on random segments. */
import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import { describe, expect, it } from "vitest";
import { tgiExcel } from "../../src/models/tgi";
import { CellError, type ResultCell } from "../../src/excel/errors";

/** Column A brand segments, B industry segments, C the native TGI formula per row. */
function viaHyperFormula(brand: number[], industry: number[], totals?: [number, number]): (number | string)[] {
  const n = brand.length;
  const bt = totals ? String(totals[0]) : `SUM($A$1:$A$${n})`;
  const it = totals ? String(totals[1]) : `SUM($B$1:$B$${n})`;
  const data = brand.map((b, i) => [b, industry[i], `=100*(A${i + 1}/${bt})/(B${i + 1}/${it})`]);
  const hf = HyperFormula.buildFromArray(data, { licenseKey: "gpl-v3", useArrayArithmetic: true, smartRounding: false });
  const out = brand.map((_, row) => {
    const v = hf.getCellValue({ sheet: 0, row, col: 2 });
    return typeof v === "number" ? v : String((v as { value: unknown }).value);
  });
  hf.destroy();
  return out;
}

const plain = (c: ResultCell): number | string => (c instanceof CellError ? c.kind : (c as number));

function expectSame(ours: (number | string)[], hf: (number | string)[]): void {
  expect(ours.length).toBe(hf.length);
  ours.forEach((v, k) => {
    if (typeof hf[k] === "number") expect(v as number).toBeCloseTo(hf[k] as number, 9);
    else expect(v).toBe(hf[k]);
  });
}

describe("TGI = 100*(A/SUM(A))/(B/SUM(B)) in HyperFormula", () => {
  const segments = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 50_000 }), fc.integer({ min: 0, max: 500_000 })), { minLength: 1, maxLength: 25 })
    .filter((cells) => cells.some(([b]) => b > 0) && cells.some(([, i]) => i > 0));

  it("agrees with blank totals (sums of the ranges), #DIV/0! where an industry segment is 0", () => {
    fc.assert(
      fc.property(segments, (cells) => {
        const brand = cells.map(([b]) => b);
        const industry = cells.map(([, i]) => i);
        const ours = (tgiExcel(brand.map((x) => [x]), industry.map((x) => [x]), null, null) as ResultCell[][]).map((r) => plain(r[0]));
        expectSame(ours, viaHyperFormula(brand, industry));
      }),
      { numRuns: 80 },
    );
  });
  it("agrees with given totals", () => {
    fc.assert(
      fc.property(segments, fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 1_000_000 }), (cells, eb, ei) => {
        const brand = cells.map(([b]) => b);
        const industry = cells.map(([, i]) => i);
        // Totals at least as large as the biggest segment, as a real total is.
        const bt = Math.max(...brand) + eb;
        const it = Math.max(...industry) + ei;
        const ours = (tgiExcel([brand], [industry], bt, it) as ResultCell[][])[0].map(plain);
        expectSame(ours, viaHyperFormula(brand, industry, [bt, it]));
      }),
      { numRuns: 80 },
    );
  });
});
