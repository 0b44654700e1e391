/* The pane's word files (taskpane/strings/*.json), merged in taskpane/i18n.ts. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { label, strings } from "../../taskpane/i18n";

const DIR = path.resolve(__dirname, "../../taskpane/strings");
const placeholders = (t: string) => [...new Set([...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

describe("the pane's words", () => {
  it("each key is in one file only, and every entry has both languages with the same placeholders", () => {
    const seen = new Map<string, string>();
    for (const file of readdirSync(DIR).filter((f) => f.endsWith(".json")).sort()) {
      const entries = JSON.parse(readFileSync(path.join(DIR, file), "utf8")) as Record<string, Record<string, string>>;
      for (const [key, e] of Object.entries(entries)) {
        expect(seen.get(key), `${key} in ${file} and ${seen.get(key)}`).toBeUndefined();
        seen.set(key, file);
        expect(Object.keys(e).sort(), key).toEqual(["en", "zh"]);
        expect(e.en.trim() && e.zh.trim(), key).toBeTruthy();
        expect(placeholders(e.zh), key).toEqual(placeholders(e.en));
      }
    }
    expect(seen.size).toBe(Object.keys(strings).length);
  });

  it("fills placeholders in both languages", () => {
    expect(label("ed_presetAdded", "en", { rows: 3 })).toBe("Added 3 rows.");
    expect(label("ed_presetAdded", "zh", { rows: 3 })).toBe("已添加 3 行。");
  });
});
