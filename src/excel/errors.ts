/**
 * The closed set of Excel errors the engine can produce, and the two ways it produces them.
 *
 * - A {@link CellError} is a *value*: it sits in one cell of a returned row (for example
 *   `#DIV/0!` for a ratio whose denominator is 0) while the other cells hold numbers.
 * - An {@link InputError} is *thrown*: invalid input fails the whole call. The wrapper layer
 *   (`functions/shape.ts`) turns it into a `CustomFunctions.Error`.
 *
 * Messages are never built here: an error carries a catalog key and its parameters, and the
 * text is rendered in the user's language by `messages.ts` at the edge.
 */
import { OBJECT_SHOWN, type MessageKey } from "./messages";

/** Excel error codes the add-in may return (docs/functions.md, Conventions). */
export type ErrorKind = "#VALUE!" | "#N/A" | "#DIV/0!" | "#NUM!";

/** Where an input problem is: the documented parameter name and a 1-based position inside it. */
export interface Where {
  /** Parameter name exactly as documented in docs/functions.md (e.g. `stage_end`). */
  arg: string;
  /** 1-based row inside the argument (omitted for scalars and row vectors). */
  row?: number;
  /** 1-based column inside the argument (omitted for scalars and column vectors). */
  col?: number;
  /** The column's header text, when the column was found by its header (header mode). */
  header?: string;
}

/** Parameters substituted into a catalog message (`{value}`, `{limit}` …). */
export type MessageParams = Record<string, string | number>;

/** An Excel error held as a value in one result cell. */
export class CellError {
  constructor(
    readonly kind: ErrorKind,
    readonly key: MessageKey,
    readonly params: MessageParams = {},
    readonly where?: Where,
  ) {}
}

/** Thrown by coercion and validation: invalid input fails the whole call. */
export class InputError extends Error {
  constructor(readonly cell: CellError) {
    super(String(cell.key));
    this.name = "InputError";
  }
}

/** A result cell: a number, a text label (plan tables), or an error value. */
export type ResultCell = number | string | CellError;

/** Throw an {@link InputError} of kind `#VALUE!` (the kind for every fixable input problem). */
export function invalid(key: MessageKey, where: Where | undefined, params: MessageParams = {}): never {
  // A cell holding an object that is not a data type has one message wherever it is met.
  if (params.value === OBJECT_SHOWN) throw new InputError(new CellError("#VALUE!", "unsupportedObject", {}, where));
  throw new InputError(new CellError("#VALUE!", key, params, where));
}

/** Throw an {@link InputError} of any kind (e.g. `#NUM!` for a diverging series). */
export function fail(kind: ErrorKind, key: MessageKey, where: Where | undefined, params: MessageParams = {}): never {
  throw new InputError(new CellError(kind, key, params, where));
}

export function isCellError(v: unknown): v is CellError {
  return v instanceof CellError;
}

/**
 * A ratio as a result cell: `num ÷ den`, or `#DIV/0!` naming the indicator when `den` is 0.
 * `what` is the indicator's short name, used in the message.
 */
export function ratio(num: number, den: number, what: string): number | CellError {
  if (den === 0) return new CellError("#DIV/0!", "divZero", { what });
  return num / den;
}

/** An indicator that cannot be computed from what was given (`#N/A`). */
export function notAvailable(what: string, reason: MessageKey = "naMissing", params: MessageParams = {}): CellError {
  return new CellError("#N/A", reason, { what, ...params });
}
