/** Messages of GTA sensitivity and GTA.BUDGET (src/plan/), in English and Simplified Chinese; merged into the catalog of src/excel/messages.ts. */
import type { Entry } from "../excel/messages";

export const WHATIF_MESSAGES = {} as const satisfies Record<string, Entry>;
