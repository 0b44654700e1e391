/**
 * Headers of the input tables the plan sheets write, taken from the engine's own column specs
 * (`GTA_COLUMNS` of `src/plan/gta.ts`; `PHASE_COLUMNS`, `CROWD_COLUMNS`, `FUNNEL_COLUMNS` of
 * `src/plan/hotplan.ts`), so that `DTC.GTA` and `DTC.HOTPLAN` read a sheet's tables by header
 * whatever language the sheet was written in. Nothing here names a column itself.
 */
import type { ColumnSpec } from "../../src/excel/table";
import type { Lang } from "../i18n";

/** True for a header with a Chinese (CJK) character. */
const chinese = (s: string): boolean => /[\u3400-\u9fff]/.test(s);

/**
 * The header of one input column in `lang`: in English the column's key, in Chinese its first
 * Chinese alias. `name` picks another header the reader accepts for the column (e.g. the plan
 * table's column name "phase" for the `name` column of the phases); it must be the key or one
 * of the aliases, so the table stays readable by header.
 */
export function columnHeader(spec: ColumnSpec, lang: Lang, name?: string): string {
  if (name !== undefined) {
    const norm = name.trim().toLowerCase();
    if (![spec.key, ...spec.aliases].some((a) => a.trim().toLowerCase() === norm)) {
      throw new Error(`"${name}" is not a header of column ${spec.key}`);
    }
    return name;
  }
  if (lang === "en") return spec.key;
  return spec.aliases.find(chinese) ?? spec.key;
}

/** The headers of `specs` in `lang`, in their positional order ({@link columnHeader}). */
export function columnHeaders(specs: readonly ColumnSpec[], lang: Lang): string[] {
  return specs.map((s) => columnHeader(s, lang));
}

/** 0-based position of column `key` in `specs` (the column the sheet writes it to); throws when absent. */
export function columnIndex(specs: readonly ColumnSpec[], key: string): number {
  const j = specs.findIndex((s) => s.key === key);
  if (j < 0) throw new Error(`no column ${key}`);
  return j;
}

/** The spec of column `key`; throws when absent. */
export function columnSpec(specs: readonly ColumnSpec[], key: string): ColumnSpec {
  return specs[columnIndex(specs, key)];
}
