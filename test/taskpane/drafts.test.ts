/**
 * Form drafts (taskpane/drafts.ts, issue 18): the draft text of each view round-trips exactly as
 * typed; a corrupt draft is ignored, never thrown; an empty form keeps no draft. Storage: in the
 * workbook's settings through the Excel adapter (office-addin-mock, test/taskpane/excelMock.ts),
 * surviving a reopen of the workbook; in sessionStorage when the host lacks ExcelApi 1.4 or the
 * port has no draft methods.
 */
import { describe, expect, it } from "vitest";
import { DRAFT_SCHEMA, draftStorage, draftText, parseDraft, SESSION_PREFIX, type SessionStore } from "../../taskpane/drafts";
import { emptyCrowd, emptyGtaForm, type GtaForm } from "../../taskpane/forms/gta";
import { emptyHotForm, type HotForm } from "../../taskpane/forms/hot";
import { TEMPLATES } from "../../taskpane/plans/templates";
import { draftSetting, ExcelWorkbook } from "../../taskpane/workbook/excel";
import { WorkbookError, type Workbook } from "../../taskpane/workbook/port";
import { excelMock } from "./excelMock";

const GTA: GtaForm = {
  name: "双11 草稿 draft",
  target: "1,2e8", // not a number yet: kept as typed
  crowds: [
    { ...emptyCrowd("L", "新锐白领"), count: "10,000", conversion: "30%", aov: "500" },
    { ...emptyCrowd("I", "Gen Z"), count: "200000", conversion: "", aov: "250", cost: "3" },
  ],
};
const HOT: HotForm = { ...emptyHotForm(), product: "精华 Serum", target: "30000000", price: "299", crowds: [{ name: "Gen Z", share: "1", iToP: "", aToI: "" }], iToP: "20%" };

function memorySession(): SessionStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
}

describe("the draft text", () => {
  it("round-trips every field exactly as typed, with the plan the form came from", () => {
    const base = TEMPLATES[0];
    const text = draftText("gta", GTA, base)!;
    expect(JSON.parse(text)).toMatchObject({ schema: DRAFT_SCHEMA, version: 1, view: "gta" });
    const d = parseDraft("gta", text);
    expect(d?.form).toEqual(GTA);
    expect(d?.base).toEqual(base);
    expect(parseDraft("hot", draftText("hot", HOT)!)?.form).toEqual(HOT);
    const health = { precision: "75%", actuals: [{ reached: "100", inTarget: "", spend: "", gmv: "", buyers: "" }] };
    expect(parseDraft("health", draftText("health", health)!)?.form).toEqual(health);
  });

  it("an empty form keeps no draft", () => {
    expect(draftText("gta", emptyGtaForm())).toBeNull();
    expect(draftText("hot", emptyHotForm())).toBeNull();
    // The English pane's empty form (its default phase names) is empty too.
    expect(draftText("hot", emptyHotForm("en"))).toBeNull();
    expect(draftText("health", { precision: " ", actuals: [{ reached: "", inTarget: "", spend: "", gmv: "", buyers: "" }] })).toBeNull();
  });

  it("a corrupt draft is ignored, never thrown", () => {
    const good = JSON.parse(draftText("gta", GTA)!);
    const bad = [
      null,
      "",
      "{not json",
      "[]",
      "null",
      JSON.stringify({ ...good, schema: "dtc-plan" }),
      JSON.stringify({ ...good, version: 2 }),
      JSON.stringify({ ...good, view: "hot" }), // a draft of another view
      JSON.stringify({ ...good, form: "text" }),
      JSON.stringify({ ...good, form: { ...GTA, target: 100 } }), // a number where text is typed
      JSON.stringify({ ...good, form: { ...GTA, crowds: [null] } }),
      JSON.stringify({ ...good, form: { ...GTA, crowds: "x" } }),
      JSON.stringify({ ...good, form: { ...GTA, name: "x".repeat(20_000) } }),
      `{"a":"${"x".repeat(2_100_000)}"}`,
    ];
    for (const t of bad) expect(parseDraft("gta", t)).toBeUndefined();
    expect(parseDraft("hot", JSON.stringify({ ...JSON.parse(draftText("hot", HOT)!), form: { ...HOT, funnelMode: "other" } }))).toBeUndefined();
  });

  it("fields the draft lacks take their empty value; unknown fields and a bad base are dropped", () => {
    const text = JSON.stringify({ schema: DRAFT_SCHEMA, version: 1, view: "gta", form: { name: "a", crowds: [{ crowd: "b", extra: 1 }] }, base: { schema: "dtc-plan" } });
    const d = parseDraft("gta", text);
    expect(d?.form).toEqual({ name: "a", target: "", crowds: [{ ...emptyCrowd(), crowd: "b" }] });
    expect(d?.base).toBeUndefined();
  });
});

describe("drafts in the workbook's settings (Excel, ExcelApi 1.4)", () => {
  it("save → reopen the workbook → load gives the same text; null removes it", async () => {
    const first = excelMock();
    const wb = new ExcelWorkbook(first.env);
    const text = draftText("gta", GTA)!;
    await wb.saveDraft("gta", text);
    await wb.saveDraft("hot", draftText("hot", HOT));
    expect(first.state.settings.get(draftSetting("gta"))).toBe(text);

    // What the saved file keeps: the settings.
    const second = excelMock({ settings: Object.fromEntries(first.state.settings) });
    const again = new ExcelWorkbook(second.env);
    expect(parseDraft("gta", await again.loadDraft("gta"))?.form).toEqual(GTA);
    expect(parseDraft("hot", await again.loadDraft("hot"))?.form).toEqual(HOT);
    expect(await again.loadDraft("health")).toBeNull();
    await again.saveDraft("gta", null);
    expect(second.state.settings.has(draftSetting("gta"))).toBe(false);
    expect(await again.loadDraft("gta")).toBeNull();
    await again.saveDraft("health", null); // nothing to remove
    // The plan library's settings are not touched.
    expect([...second.state.settings.keys()]).toEqual([draftSetting("hot")]);
  });

  it("through draftStorage: the workbook first; sessionStorage when the host lacks ExcelApi 1.4", async () => {
    const session = memorySession();
    const host = excelMock();
    const store = draftStorage(new ExcelWorkbook(host.env), session);
    await store.save("gta", "t1");
    expect([host.state.settings.get(draftSetting("gta")), session.map.size]).toEqual(["t1", 0]);
    expect(await store.load("gta")).toBe("t1");

    const old = excelMock({ missing: ["1.4", "1.5", "1.6"] });
    const oldWb = new ExcelWorkbook(old.env);
    await expect(oldWb.loadDraft("gta")).rejects.toBeInstanceOf(WorkbookError);
    const oldStore = draftStorage(oldWb, session);
    await oldStore.save("gta", "t2");
    expect(old.state.settings.size).toBe(0);
    expect(session.map.get(`${SESSION_PREFIX}gta`)).toBe("t2");
    expect(await oldStore.load("gta")).toBe("t2");
    await oldStore.save("gta", null);
    expect(session.map.size).toBe(0);
  });

  it("a port without draft methods, or one that fails, keeps drafts in the session; nothing throws", async () => {
    const session = memorySession();
    const bare = { loadPlans: async () => null } as unknown as Workbook;
    const s1 = draftStorage(bare, session);
    await s1.save("hot", "h");
    expect(await s1.load("hot")).toBe("h");
    const failing = {
      loadDraft: async () => {
        throw new WorkbookError("host", "x");
      },
      saveDraft: async () => {
        throw new Error("x");
      },
    } as unknown as Workbook;
    const s2 = draftStorage(failing, session);
    await s2.save("gta", "g");
    expect(await s2.load("gta")).toBe("g");
    expect(await draftStorage(failing, undefined).load("gta")).toBeNull();
  });
});
