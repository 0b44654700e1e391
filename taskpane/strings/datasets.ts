/** Words of the Datasets view (local files through DuckDB), in English and Simplified Chinese; merged into taskpane/i18n.ts. */
import type { Entry } from "../i18n";

export const DATASETS_STRINGS = {} as const satisfies Record<string, Entry>;
