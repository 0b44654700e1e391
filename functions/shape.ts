/**
 * The shared edge between the engine and Excel: output shaping and error mapping.
 *
 * Wrappers in this folder hold no logic; each one hands its raw Excel arguments to an engine
 * function inside one of the helpers below, which
 * - turns an {@link InputError} (invalid input) into a `CustomFunctions.Error` for the call,
 * - turns {@link CellError} values inside a result into `CustomFunctions.Error` cells,
 * - replaces any non-finite number by `#NUM!` (a function never returns NaN or Infinity),
 * - shapes model rows: the whole row, one `indicator` as `[[value]]`, or `with_headers`,
 * - and never lets any other exception escape.
 *
 * Result shapes (docs/functions.md, "Result shapes"): a function whose metadata declares a
 * matrix result returns a 2-D array in every case, so one value is `[[value]]`; an error of the
 * whole call is thrown as a `CustomFunctions.Error`, the documented way. A scalar function
 * (CLV) returns its value or its error.
 */
import { CellError, InputError, type ResultCell, type ErrorKind } from "../src/excel/errors";
import { formatMessage, languageOf, setLanguage } from "../src/excel/messages";
import { pickIndicator, type Indicator } from "../src/excel/indicators";
import { bind, INDICATOR, WITH_HEADERS } from "../src/excel/params";

/** What a custom function hands back to Excel. */
export type ExcelValue = number | string | boolean | CustomFunctions.Error;

const CODE_NAMES: Record<ErrorKind, string> = {
  "#VALUE!": "invalidValue",
  "#N/A": "notAvailable",
  "#DIV/0!": "divisionByZero",
  "#NUM!": "invalidNumber",
};

/** Follow Office's display language when the Office runtime is present; English otherwise. */
function followDisplayLanguage(): void {
  const office = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
  let tag: string | undefined;
  try {
    tag = office?.context?.displayLanguage;
  } catch {
    tag = undefined;
  }
  setLanguage(languageOf(tag));
}

/** Build the runtime's error object for a cell error, with its one-line message. */
export function toExcelError(err: CellError): CustomFunctions.Error {
  const cf = (globalThis as { CustomFunctions?: typeof CustomFunctions }).CustomFunctions;
  const codes = cf?.ErrorCode as unknown as Record<string, string> | undefined;
  const code = (codes?.[CODE_NAMES[err.kind]] ?? err.kind) as CustomFunctions.ErrorCode;
  return new CustomFunctions.Error(code, formatMessage(err));
}

function toExcel(v: ResultCell): ExcelValue {
  if (typeof v === "number") {
    return Number.isFinite(v) ? v : toExcelError(new CellError("#NUM!", "notFinite", { what: "result" }));
  }
  if (typeof v === "string") return v;
  return toExcelError(v);
}

/** Run an engine computation; an error of the whole call becomes its `CustomFunctions.Error`. */
function attempt<T>(compute: () => T): T | CustomFunctions.Error {
  followDisplayLanguage();
  try {
    return compute();
  } catch (e) {
    if (e instanceof InputError) return toExcelError(e.cell);
    const detail = e instanceof Error ? e.message : String(e);
    return toExcelError(new CellError("#VALUE!", "internal", { detail }));
  }
}

/** A matrix result: the 2-D array, or the whole call's error thrown (the documented way). */
function matrix(compute: () => ExcelValue[][]): ExcelValue[][] {
  const r = attempt(compute);
  if (Array.isArray(r)) return r;
  throw r;
}

/** A spilling result (matrix) computed by the engine. */
export function spill(compute: () => ResultCell[][]): ExcelValue[][] {
  return matrix(() => compute().map((row) => row.map(toExcel)));
}

/** A single-value result computed by the engine (a function declared with a scalar result). */
export function scalar(compute: () => ResultCell): ExcelValue {
  return attempt(() => toExcel(compute()));
}

/** A matrix result shaped like its arguments (TGI): scalar arguments give `[[value]]`. */
export function shaped(compute: () => ResultCell | ResultCell[][]): ExcelValue[][] {
  return matrix(() => {
    const r = compute();
    return Array.isArray(r) ? r.map((row) => row.map(toExcel)) : [[toExcel(r)]];
  });
}

/** The trailing parameters every model function declares (src/excel/params.ts). */
const MODEL_TAIL = [INDICATOR, WITH_HEADERS] as const;

/**
 * A model function's result: one row of indicators, or one indicator as `[[value]]` when
 * `indicator` is given; `with_headers` adds the English short names above.
 */
export function modelRow(
  defs: readonly Indicator[],
  indicator: unknown,
  withHeaders: unknown,
  compute: () => ResultCell[],
): ExcelValue[][] {
  return matrix(() => {
    const tail = bind(MODEL_TAIL, [indicator, withHeaders]);
    const pick = pickIndicator(defs, tail.indicator);
    const row = compute().map(toExcel);
    if (pick !== undefined) return tail.with_headers ? [[defs[pick].name], [row[pick]]] : [[row[pick]]];
    return tail.with_headers ? [defs.map((d) => d.name), row] : [row];
  });
}
