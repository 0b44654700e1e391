/** Messages of ASSOC, CLUSTER, CALIBRATE (src/models/assoc.ts, cluster.ts, calibrate.ts), in English and Simplified Chinese; merged into the catalog of src/excel/messages.ts. */
import type { Entry } from "../excel/messages";

export const STRATEGY_MESSAGES = {} as const satisfies Record<string, Entry>;
