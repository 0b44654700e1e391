/**
 * Data validation in the workbench grid: what a plan sheet's {@link ValidationSpec}s refuse,
 * checked on the text a user types, as Excel's "stop" alert refuses an entry. Blank text and
 * formulas are accepted (Excel ignores blanks; a formula is checked there on its value, which
 * the sheet's own check cell reports here). Numbers are read as the grid reads them: a plain
 * decimal or a percentage ("5%" = 0.05).
 */
import { parseRange } from "../taskpane/workbook/a1";
import type { ValidationRule, ValidationSpec } from "../taskpane/workbook/port";

/** The number typed, or undefined when the text is not one. */
function typedNumber(text: string): number | undefined {
  const t = text.trim();
  const pct = t.endsWith("%");
  const body = pct ? t.slice(0, -1).trim() : t;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(body)) return undefined;
  const x = Number(body);
  return pct ? x / 100 : x;
}

/** True when `rule` accepts the typed text. */
export function accepts(rule: ValidationRule, text: string): boolean {
  const t = text.trim();
  if (t === "" || t.startsWith("=")) return true;
  if (rule.kind === "list") return rule.values.some((v) => v.toLowerCase() === t.toLowerCase());
  const x = typedNumber(t);
  if (x === undefined) return false;
  if (rule.min !== undefined && (rule.minExclusive && rule.max === undefined ? x <= rule.min : x < rule.min)) return false;
  if (rule.max !== undefined && x > rule.max) return false;
  return true;
}

/** The message refusing `text` at (row, col) (0-based), or undefined when no validation refuses it. */
export function refusal(validations: readonly ValidationSpec[] | undefined, row: number, col: number, text: string): string | undefined {
  for (const v of validations ?? []) {
    const r = parseRange(v.range);
    if (row < r.top || row > r.bottom || col < r.left || col > r.right) continue;
    if (!accepts(v.rule, text)) return `${v.message.title}: ${v.message.text}`;
  }
  return undefined;
}
