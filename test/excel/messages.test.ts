/* Message wording details (issue: what a new user hit): singular rows, header names in places. */
import { describe, expect, it } from "vitest";
import { CellError } from "../../src/excel/errors";
import { formatMessage } from "../../src/excel/messages";
import { gtaExcel } from "../../src/plan/gta";
import { failure } from "../harness/failure";

describe("messages", () => {
  it('says "1 row" and "2 rows"', () => {
    const one = new CellError("#VALUE!", "lengthMismatch", { actual: 1, other: "stage_start", expected: 2 }, { arg: "stage_end" });
    expect(formatMessage(one, "en")).toBe("stage_end has 1 row but stage_start has 2; all columns must have the same length");
    const two = new CellError("#VALUE!", "lengthMismatch", { actual: 2, other: "stage_start", expected: 1 }, { arg: "stage_end" });
    expect(formatMessage(two, "en")).toBe("stage_end has 2 rows but stage_start has 1; all columns must have the same length");
    const f = new CellError("#VALUE!", "funnelRows", { actual: 1, expected: 3 }, { arg: "funnel" });
    expect(formatMessage(f, "en")).toBe("funnel: has 1 row; give 1 row shared by all crowds or one row per crowd (3 rows)");
  });
  it("names a column found by its header, as the header row spells it (en and zh)", () => {
    const t = [["阶段", "人数", "转化率", "客单价"], ["A", 10, 1.5, 2]];
    expect(failure(() => gtaExcel(1, t, null, null)).message).toBe("crowds row 2 column 3 (转化率): 1.5 is not a rate between 0 and 1");
    expect(failure(() => gtaExcel(1, t, null, null), "zh").message).toBe("crowds 第 2 行第 3 列（转化率）：1.5 不是 0 到 1 之间的比率");
    // Without a header row the place stays by position.
    expect(failure(() => gtaExcel(1, [["A", "", 10, 1.5, 2]], null, null)).message).toBe("crowds row 1 column 4: 1.5 is not a rate between 0 and 1");
  });
});

describe("the catalog files", () => {
  const families = {
    core: "../../src/excel/messages.json",
    strategy: "../../src/models/strategy.messages.json",
    diagnose: "../../src/diagnose/messages.json",
    whatif: "../../src/plan/whatif.messages.json",
    sql: "../../src/sql/messages.json",
  };
  it("each key is in one family only, and every template has both languages with the same placeholders", async () => {
    const { catalog } = await import("../../src/excel/messages");
    const seen = new Map<string, string>();
    for (const [family, file] of Object.entries(families)) {
      const entries = (await import(file)).default as Record<string, { en: string; zh: string }>;
      for (const [key, e] of Object.entries(entries)) {
        expect(seen.get(key), `${key} in ${family} and ${seen.get(key)}`).toBeUndefined();
        seen.set(key, family);
        expect(Object.keys(e).sort()).toEqual(["en", "zh"]);
        const names = (t: string) => [...new Set([...t.matchAll(/\{(\w+)(?::[^}]*)?\}/g)].map((m) => m[1]))].sort();
        expect(names(e.zh).every((n) => names(e.en).includes(n)), `${key}: zh placeholders ${names(e.zh)} vs en ${names(e.en)}`).toBe(true);
      }
    }
    expect(seen.size).toBe(Object.keys(catalog).length);
  });
});
