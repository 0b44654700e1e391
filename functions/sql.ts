/* DTC.SQL custom function: thin wrapper; the logic is in src/sql/compile.ts. */
import { spill } from "./shape";
import { sqlExcel } from "../src/sql/compile";

/**
 * The SQL of a row-level model, to run the same definition where the data lives (DuckDB, Spark, Hive, MaxCompute): one query that returns the function's result columns, then check columns counting invalid values (above 0 the function would give #VALUE!). Returns the query text in one cell.
 * @customfunction SQL
 * @param model AIPL, AIPL.FLOW, AIPL.DEEPEN, FAST.ROWS, GROW.ROWS, SUPER, ASSOC or CALIBRATE.
 * @param table The table: name, schema.name or catalog.schema.name (a part may be in "double quotes" or `backticks`); in DuckDB also a file path such as orders.parquet.
 * @param columns The table's column for each column argument of the model, in its order: a comma list in one cell, or one name per cell (a blank cell leaves an optional SUPER column out); blank = the argument names.
 * @param [dialect] "duckdb" (default) or "spark" (the same text for Spark SQL, Hive and MaxCompute).
 * @param [options] The model's optional arguments as name=value text (min_support=0.02, top_n=10) or a two-column range of names and values: SUPER star_share, indicator; FAST.ROWS, GROW.ROWS indicator; ASSOC min_support, top_n; CALIBRATE brand_total, industry_total, min_brand.
 * @returns The query text, in one cell.
 */
export function sql(model: any[][], table: any[][], columns: any[][], dialect?: any, options?: any[][]): any[][] {
  return spill(() => sqlExcel(model, table, columns, dialect, options)) as any[][];
}
