/**
 * The indicator lists of the model functions and the optional `indicator` argument
 * (SPEC section 0, "Output").
 *
 * Every model function returns one row of indicators in a documented order. The `indicator`
 * argument picks one of them by letter (where the letter is unique in that model) or by name,
 * English or Chinese, case-insensitively; an unknown one is `#VALUE!`.
 */
import { invalid } from "./errors";
import { isBlank, scalarOf } from "./coerce";
import { show } from "./messages";

export interface Indicator {
  /** Letter of the model's acronym; left out when it would be ambiguous (START's two Ts). */
  readonly letter?: string;
  /** English short name: the header text of `with_headers`. */
  readonly name: string;
  /** Simplified Chinese name. */
  readonly zh: string;
}

/** Index of the indicator picked by the `indicator` argument, or `undefined` for the whole row. */
export function pickIndicator(defs: readonly Indicator[], arg: unknown): number | undefined {
  const v = scalarOf(arg, "indicator");
  if (isBlank(v)) return undefined;
  const s = String(v).trim().toLowerCase();
  const i = defs.findIndex(
    (d) => (d.letter !== undefined && d.letter.toLowerCase() === s) || d.name.toLowerCase() === s || d.zh === s,
  );
  if (i < 0) {
    const list = defs.map((d) => (d.letter ? `${d.letter} (${d.name})` : d.name)).join(", ");
    invalid("unknownIndicator", { arg: "indicator" }, { value: show(v), list });
  }
  return i;
}
