/**
 * Words of the task pane and of the sheets it writes, in English and Simplified Chinese.
 *
 * The pane follows Office's display language (`Office.context.displayLanguage`, mapped by
 * {@link languageOf}: `zh-*` → Chinese, anything else → English). Engine messages (cell errors,
 * plan files) come from `src/excel/messages.ts`; this table holds only the pane's own words.
 * Placeholders `{name}` are filled by {@link label}.
 *
 * The words are data, one JSON file per part in taskpane/strings/: core.json (navigation, the
 * GTA, hot-product and Plans views, sheet words), diagnose.json, whatif.json (GTA what-if, the
 * compact editor), datasets.json, plans.json (form drafts) and health.json (the health
 * check and the plan sheets' input checks). The `chk_*` and `fill_*` texts of health.json are
 * written INTO sheet formulas as string literals: no double quote, at most 255 characters once
 * filled (Excel's limit).
 */
import { languageOf, type Lang } from "../src/excel/messages";
import core from "./strings/core.json";
import diagnose from "./strings/diagnose.json";
import whatif from "./strings/whatif.json";
import datasets from "./strings/datasets.json";
import plans from "./strings/plans.json";
import health from "./strings/health.json";

export type { Lang };
export { languageOf };

/** One word or sentence of the pane in both languages. */
export interface Entry {
  en: string;
  zh: string;
}

/** Every word of the pane (a key may appear only once). */
export const strings = { ...core, ...diagnose, ...whatif, ...datasets, ...plans, ...health } satisfies Record<string, Entry>;

export type LabelKey = keyof typeof strings;

/** The text of `key` in `lang`, with `{name}` placeholders filled from `params`. */
export function label(key: LabelKey, lang: Lang, params: Record<string, string | number> = {}): string {
  const template = strings[key][lang];
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** A number with thousands separators (at most 2 decimals): 1,234,567.5 */
export function formatNumber(x: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: 2 }).format(x);
}

/** A rate as a percentage: 0.64 → "64%", 0.0125 → "1.25%", 0.123 → "12.3%". */
export function formatPercent(x: number, lang: Lang): string {
  const pct = x * 100;
  const digits = Math.abs(pct) < 10 ? 2 : 1;
  const s = new Intl.NumberFormat(lang === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: digits }).format(pct);
  return `${s}%`;
}

/** The pane's language from Office's display language tag (`zh-CN` → zh). */
export function paneLanguage(displayLanguage: string | undefined | null): Lang {
  return languageOf(displayLanguage);
}
