/**
 * Non-throwing forms of the task pane's A1 parsers (`taskpane/workbook/a1.ts`), for the grid,
 * where a bad address typed by a user or stored in a sheet is simply ignored.
 */
import { parseCell, parseRange, type Pos, type Rect } from "../taskpane/workbook/a1";

export function tryCell(a1: string): Pos | undefined {
  try {
    return parseCell(a1);
  } catch {
    return undefined;
  }
}

export function tryRange(a1: string): Rect | undefined {
  try {
    return parseRange(a1);
  } catch {
    return undefined;
  }
}
