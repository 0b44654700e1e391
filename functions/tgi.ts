/* TGI custom function: thin wrapper; the logic is in src/models/tgi.ts. */
import { shaped } from "./shape";
import { tgiExcel } from "../src/models/tgi";

/**
 * Target group index: 100 × (brand_segment ÷ brand_total) ÷ (industry_segment ÷ industry_total). 100 = as common among the brand's consumers as in the industry. Ranges give one TGI per cell.
 * @customfunction TGI
 * @param brand_segment Brand consumers in the segment: one number, or a range with one cell per segment.
 * @param industry_segment Industry consumers in the segment: same shape as brand_segment.
 * @param [brand_total] Brand consumers in total; blank = the sum of brand_segment.
 * @param [industry_total] Industry consumers in total; blank = the sum of industry_segment.
 * @returns The TGI of each segment, in the shape of the segments.
 */
export function tgi(brand_segment: any[][], industry_segment: any[][], brand_total?: any, industry_total?: any): any[][] {
  return shaped(() => tgiExcel(brand_segment, industry_segment, brand_total, industry_total)) as any[][];
}
