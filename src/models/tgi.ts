/**
 * TGI: over- or under-representation of a segment (docs/functions.md, DTC.TGI).
 *
 * TGI = 100 × (brand_segment ÷ brand_total) ÷ (industry_segment ÷ industry_total): 100 means
 * the segment is as common among the brand's consumers as in the industry, 150 that it is half
 * again as common.
 */
import { CellError, invalid, ratio, type ResultCell, type Where } from "../excel/errors";
import { cellNumber, dims, grid } from "../excel/coerce";
import { bind, range, type Param } from "../excel/params";

/**
 * TGI of one segment from its two shares.
 *
 * Definition: 100 × brandShare ÷ industryShare, with brandShare = brandSegment ÷ brandTotal and
 * industryShare = industrySegment ÷ industryTotal. A zero total or a zero industry share is a
 * `#DIV/0!` cell.
 *
 * @example tgiCell(30, 100, 200, 1000) // → 100 × 0.3 ÷ 0.2 = 150
 */
export function tgiCell(brandSegment: number, brandTotal: number, industrySegment: number, industryTotal: number): ResultCell {
  const brandShare = ratio(brandSegment, brandTotal, "TGI");
  const industryShare = ratio(industrySegment, industryTotal, "TGI");
  if (brandShare instanceof CellError) return brandShare;
  if (industryShare instanceof CellError) return industryShare;
  return ratio(100 * brandShare, industryShare, "TGI");
}

/** The place of cell (r, c) of a rows×cols argument: a row only when there are several rows, a column likewise. */
function placeIn(arg: string, rows: number, cols: number, r: number, c: number): Where {
  const where: Where = { arg };
  if (rows > 1) where.row = r + 1;
  if (cols > 1) where.col = c + 1;
  return where;
}

/** One segment argument read as a grid of counts (≥ 0). */
function segments(arg: unknown, name: string): number[][] {
  const g = grid(arg);
  const rows = g.length;
  const cols = rows ? g[0].length : 0;
  if (rows === 0 || cols === 0) invalid("emptyTable", { arg: name });
  return g.map((line, r) => line.map((v, c) => cellNumber(v, placeIn(name, rows, cols, r, c), "count")));
}

/** A total: the given positive number, or the sum of its segments when blank or omitted. */
function totalOf(given: number | undefined, name: string, seg: number[][], segName: string): number {
  if (given === undefined) return seg.reduce((s, line) => line.reduce((t, x) => t + x, s), 0);
  seg.forEach((line, r) =>
    line.forEach((x, c) => {
      if (x > given) invalid("exceedsArg", placeIn(segName, seg.length, line.length, r, c), { value: x, other: name, limit: given });
    }),
  );
  return given;
}

/**
 * `DTC.TGI(brand_segment, industry_segment, [brand_total], [industry_total])`.
 *
 * The segments are counts (≥ 0), both scalars or ranges of the same shape; the result has
 * their shape (a scalar for two scalars). A blank total is the sum of its segment range; a
 * given total must be > 0 and at least every segment of its side (a segment is part of it).
 */
export const TGI_PARAMS = [
  range("brand_segment"), range("industry_segment"),
  { name: "brand_total", type: "number", domain: "positive", optional: true },
  { name: "industry_total", type: "number", domain: "positive", optional: true },
] as const satisfies readonly Param[];

export function tgiExcel(...args: unknown[]): ResultCell | ResultCell[][] {
  const p = bind(TGI_PARAMS, args);
  const brandSegment = p.brand_segment;
  const industrySegment = p.industry_segment;
  const brandTotal = p.brand_total;
  const industryTotal = p.industry_total;
  const db = dims(brandSegment);
  const di = dims(industrySegment);
  if (db.rows !== di.rows || db.cols !== di.cols) {
    invalid(
      "shapeMismatch",
      { arg: "industry_segment" },
      { actual: `${di.rows}×${di.cols}`, other: "brand_segment", expected: `${db.rows}×${db.cols}` },
    );
  }
  const b = segments(brandSegment, "brand_segment");
  const i = segments(industrySegment, "industry_segment");
  const bt = totalOf(brandTotal, "brand_total", b, "brand_segment");
  const it = totalOf(industryTotal, "industry_total", i, "industry_segment");
  const out = b.map((line, r) => line.map((x, c) => tgiCell(x, bt, i[r][c], it)));
  return !Array.isArray(brandSegment) && !Array.isArray(industrySegment) ? out[0][0] : out;
}
