/** Words of the GTA what-if blocks, the compact plan editor and plan comparison, in English and Simplified Chinese; merged into taskpane/i18n.ts. */
import type { Entry } from "../i18n";

export const WHATIF_STRINGS = {} as const satisfies Record<string, Entry>;
