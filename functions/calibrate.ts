/* CALIBRATE custom function: thin wrapper; the logic is in src/models/calibrate.ts. */
import { spill } from "./shape";
import { calibrateExcel } from "../src/models/calibrate";

/**
 * The people-goods-field calibrator: where the brand is over- or under-represented compared with its industry, by channel, product or content item. TGI = 100 × (brand ÷ brand_total) ÷ (industry ÷ industry_total). Returns one row per item, sorted by TGI: [name, brand, industry, brand_share, industry_share, tgi].
 * @customfunction CALIBRATE
 * @param items One row per item: name, brand, industry, by position or under a header row (name/名称/渠道/商品/内容, brand/品牌人数, industry/行业人数). brand and industry are the brand's and the industry's interacting consumers who touched the item.
 * @param [brand_total] The brand's interacting consumers (> 0); blank = the sum of the brand column (right only when the items partition the consumers).
 * @param [industry_total] The industry's interacting consumers (> 0); blank = the sum of the industry column.
 * @param [min_brand] Items with fewer brand consumers are left out (≥ 0); default 0.
 * @param [with_headers] TRUE adds a row of column names above the result.
 * @returns One row per item, highest TGI first; #DIV/0! in the tgi cell where industry is 0.
 */
export function calibrate(items: any[][], brand_total?: any, industry_total?: any, min_brand?: any, with_headers?: any): any[][] {
  return spill(() => calibrateExcel(items, brand_total, industry_total, min_brand, with_headers)) as any[][];
}
