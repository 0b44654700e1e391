/** Words of the strategy-crowd tools (ASSOC, CLUSTER, CALIBRATE) in the pane, in English and Simplified Chinese; merged into taskpane/i18n.ts. */
import type { Entry } from "../i18n";

export const STRATEGY_STRINGS = {} as const satisfies Record<string, Entry>;
