/** Words of the Diagnose view and its scorecard sheet, in English and Simplified Chinese; merged into taskpane/i18n.ts. */
import type { Entry } from "../i18n";

export const DIAGNOSE_STRINGS = {} as const satisfies Record<string, Entry>;
