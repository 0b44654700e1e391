/**
 * Parameters declared once (as HyperFormula's function plugins declare theirs).
 *
 * Each Excel function declares its parameters in one list, in argument order: name, type,
 * domain, default, optional. {@link bind} validates and coerces the raw arguments Excel passes
 * against that list, with the same `#VALUE!` messages everywhere, and returns them by name. The
 * JSDoc wrappers in `functions/` stay the source of functions.json; a test keeps the wrappers,
 * these declarations and the zh-CN metadata equal parameter by parameter
 * (test/functions/declarations.test.ts).
 *
 * Range parameters (vectors and tables) are passed through as they are: the models read them
 * with the typed-column readers of coerce.ts and table.ts, which know their header rows and
 * blank tails.
 */
import { invalid } from "./errors";
import { cellNumber, isBlank, numbers, optionText, optFlag, scalarOf, type Domain } from "./coerce";
import { show } from "./messages";

interface Base<N extends string> {
  /** The documented parameter name (snake_case, as in functions.json). */
  readonly name: N;
  /** True when the argument may be omitted (`[name]` in the docs). */
  readonly optional?: boolean;
}

/** A scalar number in a domain; an omitted or blank optional one gives `default`. */
export interface NumberParam<N extends string = string> extends Base<N> {
  readonly type: "number";
  readonly domain?: Domain;
  readonly default?: number;
}
/** An optional whole number ≥ `min`; omitted or blank gives `undefined`. */
export interface WholeParam<N extends string = string> extends Base<N> {
  readonly type: "whole";
  readonly min: number;
  readonly optional: true;
}
/** Exactly `count` numbers in a domain, as a 1×n or n×1 range. */
export interface NumbersParam<N extends string = string> extends Base<N> {
  readonly type: "numbers";
  readonly count: number;
  readonly domain?: Domain;
}
/** A yes/no argument (`with_headers`): omitted or blank gives `default` (false). */
export interface FlagParam<N extends string = string> extends Base<N> {
  readonly type: "flag";
  readonly optional: true;
  readonly default?: boolean;
}
/**
 * One of a few words (`output`, `method`), English or Chinese, case-insensitive: `values` maps
 * each accepted word to its canonical value; omitted, blank or 0 gives `default`.
 */
export interface OptionParam<N extends string = string> extends Base<N> {
  readonly type: "option";
  readonly values: Readonly<Record<string, string>>;
  /** The words listed in the message of an unknown value, e.g. `"plan", "summary"`. */
  readonly list: string;
  readonly default: string;
  readonly optional: true;
}
/** A range (vector or table) or any value the model reads itself: passed through unchanged. */
export interface RangeParam<N extends string = string> extends Base<N> {
  readonly type: "range";
}
/** The `indicator` of a model function: read by the output shaping (src/excel/indicators.ts). */
export interface IndicatorParam<N extends string = string> extends Base<N> {
  readonly type: "indicator";
  readonly optional: true;
}

export type Param<N extends string = string> =
  | NumberParam<N>
  | WholeParam<N>
  | NumbersParam<N>
  | FlagParam<N>
  | OptionParam<N>
  | RangeParam<N>
  | IndicatorParam<N>;

/** The coerced value of one parameter. */
type ValueOf<P> = P extends NumberParam
  ? P extends { optional: true; default: number }
    ? number
    : P extends { optional: true }
      ? number | undefined
      : number
  : P extends WholeParam
    ? number | undefined
    : P extends NumbersParam
      ? number[]
      : P extends FlagParam
        ? boolean
        : P extends OptionParam
          ? string
          : unknown;

/** The arguments of a declared function, coerced and keyed by parameter name. */
export type Bound<L extends readonly Param[]> = { readonly [P in L[number] as P["name"]]: ValueOf<P> };

/** A required range parameter (a vector or a table the model reads itself). */
export function range<const N extends string>(name: N): { readonly name: N; readonly type: "range" } {
  return { name, type: "range" };
}

/** An optional range parameter. */
export function optionalRange<const N extends string>(name: N): { readonly name: N; readonly type: "range"; readonly optional: true } {
  return { name, type: "range", optional: true };
}

/** A required scalar number in a domain. */
export function number<const N extends string, const D extends Domain>(name: N, domain: D): { readonly name: N; readonly type: "number"; readonly domain: D } {
  return { name, type: "number", domain };
}

/**
 * An optional option parameter: `values` maps each accepted word (English, Chinese, variants) to
 * its canonical value, `fallback` is the default. The message of an unknown word lists the
 * canonical values, the default first.
 */
export function option<const N extends string>(
  name: N,
  values: Readonly<Record<string, string>>,
  fallback: string,
): { readonly name: N; readonly type: "option"; readonly values: Readonly<Record<string, string>>; readonly list: string; readonly default: string; readonly optional: true } {
  const canonical = [...new Set([fallback, ...Object.values(values)])];
  return { name, type: "option", values, list: canonical.map((v) => `"${v}"`).join(", "), default: fallback, optional: true };
}

/** The shared trailing parameters of the model functions. */
export const INDICATOR = { name: "indicator", type: "indicator", optional: true } as const satisfies Param;
export const WITH_HEADERS = { name: "with_headers", type: "flag", optional: true } as const satisfies Param;

/** Coerce one argument against its declaration. */
function coerce(p: Param, arg: unknown): unknown {
  switch (p.type) {
    case "number": {
      if (p.optional) {
        const v = scalarOf(arg, p.name);
        if (isVoidNumber(v)) return p.default;
        return cellNumber(v, { arg: p.name }, p.domain);
      }
      return cellNumber(scalarOf(arg, p.name), { arg: p.name }, p.domain);
    }
    case "whole": {
      const v = scalarOf(arg, p.name);
      if (isVoidNumber(v)) return undefined;
      const x = cellNumber(v, { arg: p.name });
      if (!Number.isInteger(x) || x < p.min) invalid("notInteger", { arg: p.name }, { value: x, min: p.min });
      return x;
    }
    case "numbers":
      return numbers(arg, p.name, p.count, p.domain);
    case "flag":
      return optFlag(arg, p.name, p.default ?? false);
    case "option": {
      const s = optionText(arg, p.name);
      if (s === undefined) return p.default;
      const v = p.values[s];
      if (v === undefined) invalid("notOneOf", { arg: p.name }, { value: show(scalarOf(arg, p.name)), list: p.list });
      return v;
    }
    case "range":
    case "indicator":
      return arg;
  }
}

/** An omitted or blank scalar number (0 is a number here, not a blank). */
const isVoidNumber = isBlank;

/**
 * Validate and coerce the raw arguments of a call, in declaration order (so the first invalid
 * argument is the one reported), against the function's parameter list.
 */
export function bind<const L extends readonly Param[]>(params: L, args: readonly unknown[]): Bound<L> {
  const out: Record<string, unknown> = {};
  for (let k = 0; k < params.length; k++) out[params[k].name] = coerce(params[k], args[k]);
  return out as Bound<L>;
}
