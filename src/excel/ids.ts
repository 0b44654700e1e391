/**
 * Identifiers of row-level functions (customers, categories, baskets) as small integer codes
 * (docs/functions.md: identifiers are compared as trimmed text). Shared by GROW.ROWS and ASSOC.
 */
import { idText } from "./coerce";

/**
 * Identifiers interned into small integer codes, compared as trimmed text (docs/functions.md: the number 123
 * and the text "123" are the same id; see `idText`).
 *
 * One Map holds the raw cell values (texts, numbers) and the canonical trimmed texts, so a
 * repeated id costs one Map lookup and no allocation. The first sight of a value finds or
 * creates its code: a text is trimmed, and when it is the canonical text of a number
 * (`String(Number(t)) === t`) it joins that number's code; a number looks for its text only
 * when such numeric texts have been seen, so an all-number column never builds a string.
 * Untrimmed texts are stored as aliases: they cannot collide with a canonical text (which never
 * starts or ends with white space), and a number key never equals a text key.
 */
export class IdCodes {
  /**
   * One instance kept for the life of the add-in, so the hidden class of every instance stays
   * alive between calls. V8 holds the shapes of an object's fields only weakly: once every
   * instance of a call was collected, a garbage collection dropped them, and the next call's
   * instances got new ones, unknown to the compiled code of the GROW.ROWS and ASSOC loops,
   * which were then compiled again on every call (docs/performance.md, "Stable shapes").
   */
  static readonly shapeKeeper: IdCodes = new IdCodes();
  private readonly codes = new Map<unknown, number>();
  /** How many canonical number texts ("123") have codes; while 0, numbers skip the text lookup. */
  private numericTexts = 0;
  /** Number of distinct ids seen so far; codes are 0 … size − 1 in order of first appearance. */
  size = 0;

  /** Code of a cell value, or -1 when the value is blank (or not an id at all). */
  code(v: unknown): number {
    const c = this.codes.get(v);
    return c !== undefined ? c : this.first(v);
  }

  private first(v: unknown): number {
    if (typeof v === "number") {
      if (!Number.isFinite(v)) return -1;
      let n = this.numericTexts > 0 ? this.codes.get(idText(v)) : undefined;
      if (n === undefined) n = this.size++;
      this.codes.set(v, n);
      return n;
    }
    const t = idText(v);
    if (t === "") return -1;
    // (When v is already its trimmed text, code() has just looked it up in vain.)
    let c = t === v ? undefined : this.codes.get(t);
    if (c === undefined) {
      // The canonical text of a finite number starts with a digit or "-": only then parse it.
      const c0 = t.charCodeAt(0);
      const x = (c0 >= 48 && c0 <= 57) || c0 === 45 ? Number(t) : NaN;
      if (Number.isFinite(x) && String(x) === t) {
        this.numericTexts++;
        c = this.codes.get(x);
      }
      if (c === undefined) c = this.size++;
      this.codes.set(t, c);
    }
    if (t !== v) this.codes.set(v, c);
    return c;
  }
}
