/**
 * The indicator lists of the model functions and the optional `indicator` argument
 * (docs/functions.md, Conventions, "Output").
 *
 * Every model function returns one row of indicators in a documented order. The `indicator`
 * argument picks one of them by letter (where the letter is unique in that model) or by name,
 * English or Chinese, case-insensitively; an unknown one is `#VALUE!`. Blank, omitted and the
 * number 0 (an empty cell from an older desktop build) give the whole row.
 */
import { invalid } from "./errors";
import { optionText, scalarOf } from "./coerce";
import { show } from "./messages";

export interface Indicator {
  /** Letter of the model's acronym; left out when it would be ambiguous (START's two Ts). */
  readonly letter?: string;
  /** English short name: the header text of `with_headers`. */
  readonly name: string;
  /** Simplified Chinese name. */
  readonly zh: string;
  /**
   * A letter this indicator shares with another one of the same model (START's T for
   * TRANSACTION and INTERACTION): picking it is `#VALUE!` asking for a name instead.
   */
  readonly sharedLetter?: string;
}

/** Index of the indicator picked by the `indicator` argument, or `undefined` for the whole row. */
export function pickIndicator(defs: readonly Indicator[], arg: unknown): number | undefined {
  const s = optionText(arg, "indicator");
  if (s === undefined) return undefined;
  const v = scalarOf(arg, "indicator");
  const i = defs.findIndex(
    (d) => (d.letter !== undefined && d.letter.toLowerCase() === s) || d.name.toLowerCase() === s || d.zh === s,
  );
  if (i < 0) {
    const clash = defs.filter((d) => d.sharedLetter !== undefined && d.sharedLetter.toLowerCase() === s);
    if (clash.length > 0) {
      invalid("ambiguousIndicator", { arg: "indicator" }, { value: show(v), list: clash.map((d) => d.name).join(", ") });
    }
    const list = defs.map((d) => (d.letter ? `${d.letter} (${d.name})` : d.name)).join(", ");
    invalid("unknownIndicator", { arg: "indicator" }, { value: show(v), list });
  }
  return i;
}
