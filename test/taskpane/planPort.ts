/* An in-memory Workbook port holding a plan library, for the plan-action tests. */
import { WorkbookError, type Workbook } from "../../taskpane/workbook/port";

/** In-memory port: the library text, and every savePlans call. */
export function planPort(initial: string | null = null, opts: { failSave?: boolean } = {}) {
  const port = {
    text: initial,
    saves: [] as string[],
    async capabilities() {
      return { tables: true, charts: true, conditionalFormats: true, planStorage: true };
    },
    async createSheet(): Promise<never> {
      throw new Error("not used");
    },
    async readSelection(): Promise<never> {
      throw new Error("not used");
    },
    async loadPlans() {
      return port.text;
    },
    async savePlans(text: string) {
      if (opts.failSave) throw new WorkbookError("host", "disk full");
      port.saves.push(text);
      port.text = text;
    },
  };
  return port satisfies Workbook;
}
