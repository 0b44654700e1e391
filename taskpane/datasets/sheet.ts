/**
 * The sheet a Datasets run writes (a new sheet, through the Workbook port): a title, the result
 * as values (the function's result columns, with AIPL.FLOW's and CALIBRATE's label columns), and
 * the provenance note: file, model, columns, options, rows read, rows skipped and why, the checks
 * (every invalid-value count, in words), time taken, the engine, how a Parquet file was read
 * (hyparquet, row groups, rows), and the statements used (the view or table of the file and the model's query, split over cells of at most {@link QUERY_CELL_CHARS}
 * characters: Excel holds 32,767 in a cell).
 */
import { CellError, type ResultCell } from "../../src/excel/errors";
import { formatNumber, label, type LabelKey, type Lang } from "../i18n";
import type { Block, Cell, SheetPlan } from "../workbook/port";
import type { RunResult } from "./run";

/** Most characters of the query written in one cell (Excel's limit is 32,767). */
export const QUERY_CELL_CHARS = 30_000;

/** What the note says about the run besides the result. */
export interface RunContext {
  readonly fileName: string;
  readonly fileBytes: number;
  readonly model: string;
  /** Each column parameter and the file's column given for it (undefined: left out). */
  readonly mapping: readonly { param: string; column: string | undefined }[];
  readonly options: Readonly<Record<string, string>>;
  readonly engine: string;
}

/** `text` cut into pieces of at most `max` characters, at a space when one is near the end (never inside a surrogate pair). */
export function splitText(text: string, max = QUERY_CELL_CHARS): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf(" ", max);
    if (cut < max * 0.8) cut = max;
    const c = rest.charCodeAt(cut - 1);
    if (c >= 0xd800 && c <= 0xdbff) cut--;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  out.push(rest);
  return out;
}

/** A size in bytes as the note shows it: 1.2 MB, 830 KB, 512 bytes. */
export function sizeText(bytes: number, lang: Lang): string {
  if (bytes >= 1e9) return `${formatNumber(Math.round(bytes / 1e8) / 10, lang)} GB`;
  if (bytes >= 1e6) return `${formatNumber(Math.round(bytes / 1e5) / 10, lang)} MB`;
  if (bytes >= 1e3) return `${formatNumber(Math.round(bytes / 1e2) / 10, lang)} KB`;
  return label("dsBytes", lang, { n: bytes });
}

/** A result cell as a value: numbers as they are, an error cell as its code (#DIV/0!, #N/A), text as text. */
function valueOf(v: ResultCell): Cell {
  if (v instanceof CellError) return v.kind;
  if (typeof v === "number") return Number.isFinite(v) ? v : "#NUM!";
  return v;
}

/** The sheet of a finished run. */
export function datasetSheet(run: RunResult, ctx: RunContext, lang: Lang): SheetPlan {
  const L = (k: LabelKey, p?: Record<string, string | number>) => label(k, lang, p);
  const sep = lang === "zh" ? "；" : "; ";
  const blocks: Block[] = [];
  blocks.push({ anchor: "A1", cells: [[L("dsSheetTitle", { model: ctx.model, file: ctx.fileName })]], style: "title" });
  blocks.push({ anchor: "A2", cells: [[L("dsSheetNote")]], style: "note" });
  blocks.push({ anchor: "A4", cells: [[L("dsSheetResult")]], style: "heading" });
  const resultCells: Cell[][] = [[...run.header], ...run.rows.map((r) => r.map(valueOf))];
  blocks.push({ anchor: "A5", cells: resultCells, rowStyles: [{ row: 0, style: "header" }] });

  const mapping = ctx.mapping.map((m) => `${m.param} ← ${m.column ?? L("dsNoteLeftOut")}`).join(sep);
  const opts = Object.entries(ctx.options).map(([k, v]) => `${k}=${v}`).join(", ");
  const checks = run.checks.map((k) => L("dsNoteCheck", { column: k.column, count: formatNumber(k.count, lang) })).join(sep);
  const queryParts = splitText(run.query);
  const note: [string, Cell][] = [
    [L("dsNoteFile"), L("dsNoteFileValue", { name: ctx.fileName, size: sizeText(ctx.fileBytes, lang) })],
    [L("dsNoteModel"), ctx.model],
    [L("dsNoteColumns"), mapping],
    [L("dsNoteOptions"), opts || L("dsNoteNone")],
    [L("dsNoteRowsRead"), run.rowsRead],
    [L("dsNoteRowsSkipped"), L("dsNoteSkippedValue", { count: formatNumber(run.rowsBlank, lang) })],
    [L("dsNoteInvalid"), checks ? L("dsNoteInvalidValue", { checks }) : L("dsNoteNone")],
    [L("dsNoteTime"), L("dsSeconds", { s: formatNumber(Math.round(run.seconds * 10) / 10, lang) })],
    [L("dsNoteEngine"), ctx.engine],
    ...(run.reader
      ? [
          [
            L("dsNoteReader"),
            L("dsNoteReaderValue", {
              version: run.reader.version,
              groups: formatNumber(run.reader.rowGroups, lang),
              rows: formatNumber(run.reader.rows, lang),
              columns: formatNumber(run.reader.columns, lang),
              fileColumns: formatNumber(run.reader.fileColumns, lang),
            }),
          ] as [string, Cell],
        ]
      : []),
    [L("dsNoteView"), run.view],
    ...queryParts.map((q, i): [string, Cell] => [queryParts.length > 1 ? L("dsNoteQueryPart", { part: i + 1, parts: queryParts.length }) : L("dsNoteQuery"), q]),
  ];
  const noteTop = 5 + resultCells.length + 1;
  blocks.push({ anchor: `A${noteTop}`, cells: [[L("dsNoteHeading")]], style: "heading" });
  blocks.push({
    anchor: `A${noteTop + 1}`,
    cells: note.map(([k, v]) => [k, v]),
    formats: note.map(([, v]) => [null, typeof v === "number" ? "persons" : null]),
  });
  const stem = ctx.fileName.replace(/\.[^.]*$/, "");
  return {
    baseName: L("dsSheetName", { model: ctx.model, file: stem }),
    blocks,
    columnWidths: [{ column: "A", width: 130 }],
    activate: true,
  };
}
