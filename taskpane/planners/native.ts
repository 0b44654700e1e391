/**
 * The contract's rounding and tie rules (docs/functions.md, "Conventions: rounding";
 * `src/excel/round.ts`) as native Excel formulas, for the plan sheets. The constants come from
 * the engine's module, written as plain decimals (`0.000000001`) so HyperFormula parses them.
 * Also the input checks of the plan sheets (native: IF, OR, ISNUMBER, TRIM, SUM) and the data
 * validation of their input cells.
 */
import { PERSON_SLACK, TIE_TOLERANCE } from "../../src/excel/round";
import { stageWords } from "../../src/excel/coerce";
import { decimal, type ValidationRule, type ValidationSpec } from "../workbook/port";
import { label, type Lang, type LabelKey } from "../i18n";

/** {@link PERSON_SLACK} and {@link TIE_TOLERANCE} as formula literals. */
export const SLACK_LITERAL = decimal(PERSON_SLACK);
export const TIE_LITERAL = decimal(TIE_TOLERANCE);

/** Persons needed (`personsNeeded`): `MAX(0, ROUNDUP(x − PERSON_SLACK × MAX(1, ABS(x)), 0))`. */
export function personsFormula(x: string): string {
  return `MAX(0,ROUNDUP(${x}-${SLACK_LITERAL}*MAX(1,ABS(${x})),0))`;
}

/** Two ordering keys tie (`isTie`): `ABS(a − b) <= TIE_TOLERANCE × MAX(ABS(a), ABS(b))`. */
export function tieFormula(a: string, b: string): string {
  return `ABS(${a}-${b})<=${TIE_LITERAL}*MAX(ABS(${a}),ABS(${b}))`;
}

// ---------------------------------------------------------------------------------------------
// Input checks and data validation of the plan sheets' input cells

/** Text as a formula string literal (`"` doubled). */
export function textLiteral(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/**
 * The stage labels the engine accepts (`stageWords` of `src/excel/coerce.ts`, outside-AIPL
 * words left out), as a sheet shows them: `A` … `L`, `Awareness` … `Loyalty`, `认知` … `忠诚`,
 * with their stage code 1 (A) … 4 (L).
 */
export function stageLabels(): { label: string; code: number }[] {
  const out: { label: string; code: number }[] = [];
  for (const [w, code] of stageWords()) {
    if (code < 1 || w === "") continue;
    out.push({ label: /^[a-z]/.test(w) ? w[0].toUpperCase() + w.slice(1) : w, code });
  }
  return out;
}

/** What an input cell must hold. */
export type InputKind = "stage" | "nonNegative" | "optional" | "rate" | "rateOpen" | "positive" | "sumZero";

/**
 * One check of an input cell (`cell`, an A1 address without `$`; for `sumZero` a range whose
 * values must not add up to 0). `what` names the input in the message. Blank passes unless
 * `required`: the plan's formulas read a blank as 0, as they always did.
 */
export interface InputRule {
  cell: string;
  kind: InputKind;
  what: string;
  required?: boolean;
}

const MESSAGE: Record<Exclude<InputKind, "sumZero">, LabelKey> = {
  stage: "chk_stage",
  nonNegative: "chk_nonNegative",
  optional: "chk_optional",
  rate: "chk_rate",
  rateOpen: "chk_rateOpen",
  positive: "chk_positive",
};

/** A native condition, TRUE when the rule's cell is wrong. */
function wrong(rule: InputRule): string {
  const c = rule.cell;
  const blank = rule.required ? "1" : `${c}<>""`;
  switch (rule.kind) {
    case "stage": {
      const t = `TRIM(${c})`;
      return `IF(OR(${stageLabels().map((w) => `${t}=${textLiteral(w.label)}`).join(",")}),0,${c}<>"")`;
    }
    case "nonNegative":
    case "optional":
      return `IF(ISNUMBER(${c}),${c}<0,${blank})`;
    case "rate":
      return `IF(ISNUMBER(${c}),OR(${c}<0,${c}>1),${blank})`;
    case "rateOpen":
      return `IF(ISNUMBER(${c}),OR(${c}<=0,${c}>1),${blank})`;
    case "positive":
      return `IF(ISNUMBER(${c}),${c}<=0,${blank})`;
    case "sumZero":
      return `SUM(${c})=0`;
  }
}

/** The message of a failed rule, in `lang`. */
export function checkMessage(rule: InputRule, lang: Lang): string {
  if (rule.kind === "sumZero") return label("chk_sumZero", lang, { range: rule.cell, what: rule.what });
  return label(MESSAGE[rule.kind], lang, { cell: rule.cell, what: rule.what });
}

/**
 * A native formula body (no `=`) giving the message of the first rule that fails, else "":
 * `IF(wrong₁, "msg₁", IF(wrong₂, "msg₂", … ""))`. With `prev` (a cell holding an earlier check),
 * that cell's message comes first (`IF(prev<>"", prev, …)`), or, with `prevLast`, in place of the
 * final "" (the rules here are checked before it).
 */
export function checks(rules: readonly InputRule[], lang: Lang, prev?: string, prevLast = false): string {
  let out = prev && prevLast ? prev : '""';
  for (let i = rules.length - 1; i >= 0; i--) out = `IF(${wrong(rules[i])},${textLiteral(checkMessage(rules[i], lang))},${out})`;
  return prev && !prevLast ? `IF(${prev}<>"",${prev},${out})` : out;
}

/** Data validation of `range` for inputs of `kind` (the message in `lang`). */
export function validation(range: string, kind: Exclude<InputKind, "optional" | "sumZero">, lang: Lang): ValidationSpec {
  const rule: ValidationRule =
    kind === "stage"
      ? { kind: "list", values: stageLabels().map((w) => w.label) }
      : kind === "nonNegative"
        ? { kind: "decimal", min: 0 }
        : kind === "positive"
          ? { kind: "decimal", min: 0, minExclusive: true }
          : { kind: "decimal", min: 0, max: 1 };
  const text: Record<typeof kind, LabelKey> = {
    stage: "val_stage",
    nonNegative: "val_nonNegative",
    positive: "val_positive",
    rate: "val_rate",
    rateOpen: "val_rateOpen",
  };
  return { range, rule, message: { title: label("val_title", lang), text: label(text[kind], lang) } };
}
