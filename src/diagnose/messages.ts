/** Messages of INDEX and DIAGNOSE (src/diagnose/), in English and Simplified Chinese; merged into the catalog of src/excel/messages.ts. */
import type { Entry } from "../excel/messages";

export const DIAGNOSE_MESSAGES = {} as const satisfies Record<string, Entry>;
