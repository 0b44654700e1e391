/**
 * One name per plan (issue 18): a plan has ONE user-given name, shown in every language;
 * templates give a default name in the display language. Rename and Duplicate work and speak
 * in the user's language ("双11 最终版（副本）" in Chinese, "… (copy)" in English, numbered when
 * taken), and no two plans ever show the same name. Plans saved by earlier versions with a
 * second, Chinese name (`name_zh`) still load, under their one name.
 *
 * Over the Plans tab's actions (taskpane/plans/actions.ts, convert.ts) and an in-memory port.
 */
import { describe, expect, it } from "vitest";
import { listPlans, nameKey, readLibrary, type Library } from "../../src/plan/store";
import { parsePlan, type Plan } from "../../src/plan/schema";
import { copyWithTargetAction, duplicateAction, openLibrary, renameAction, savePlanAction, type Outcome } from "../../taskpane/plans/actions";
import { gtaFormToPlan, planToForm } from "../../taskpane/plans/convert";
import { TEMPLATES } from "../../taskpane/plans/templates";
import type { GtaForm } from "../../taskpane/forms/gta";
import type { Workbook } from "../../taskpane/workbook/port";
import { planPort } from "./planPort";

const NOW = "2026-11-23T10:00:00Z";
const double11 = TEMPLATES.find((t) => t.kind === "gta" && t.name.startsWith("Double 11"))!;

function done(o: Outcome): Extract<Outcome, { kind: "done" }> {
  if (o.kind !== "done") throw new Error(`${o.kind}: ${"message" in o ? o.message.en : ""}`);
  return o;
}

async function library(port: Workbook): Promise<Library> {
  const s = await openLibrary(port);
  if (s.status !== "ok") throw new Error(s.status);
  return s.library;
}

/** Every plan shows a different name (names compared as the store compares them). */
function distinctShown(lib: Library): void {
  const keys = listPlans(lib).map((p) => nameKey(p.name));
  expect(new Set(keys).size).toBe(keys.length);
}

/** The template as a Chinese user saves it: "Use template" in zh, then Save. */
function savedFromTemplateInZh(): Plan {
  const loaded = planToForm(double11, "zh");
  if (loaded.kind !== "gta") throw new Error("not gta");
  const r = gtaFormToPlan(loaded.form, "zh", double11);
  if (!r.ok) throw new Error("invalid");
  return r.plan;
}

describe("templates give a default name in the display language", () => {
  it("in Chinese the form shows, and the saved plan has, the Chinese name only; the message quotes it", async () => {
    const plan = savedFromTemplateInZh();
    expect(plan.name).toBe(double11.name_zh);
    expect("name_zh" in plan).toBe(false);
    // Notes of the template are kept with the name the user kept.
    expect([plan.season, plan.description, plan.description_zh]).toEqual([double11.season, double11.description, double11.description_zh]);
    const port = planPort();
    const o = done(await savePlanAction(port, plan, { now: NOW }));
    expect(o.message.zh).toBe(`已保存方案“${double11.name_zh}”。`);
    expect(listPlans(await library(port)).map((p) => p.name)).toEqual([double11.name_zh]);
  });

  it("in English the template's English name; the two saves are two plans with two different names", async () => {
    const port = planPort();
    done(await savePlanAction(port, savedFromTemplateInZh(), { now: NOW }));
    const en = planToForm(double11, "en");
    const r = en.kind === "gta" ? gtaFormToPlan(en.form, "en", double11) : undefined;
    if (!r?.ok) throw new Error("invalid");
    expect(r.plan.name).toBe(double11.name);
    done(await savePlanAction(port, r.plan, { now: NOW }));
    const lib = await library(port);
    expect(listPlans(lib).map((p) => p.name)).toEqual([double11.name_zh, double11.name]);
    distinctShown(lib);
  });
});

describe("rename and duplicate in Chinese", () => {
  it("rename changes the one name: the list and the message show the new name", async () => {
    const port = planPort();
    done(await savePlanAction(port, savedFromTemplateInZh(), { now: NOW }));
    const o = done(await renameAction(port, double11.name_zh!, "双11 最终版", { now: NOW }));
    expect(o.message.zh).toBe("已重命名为“双11 最终版”。");
    expect(o.message.en).toBe('Renamed to "双11 最终版".');
    const lib = await library(port);
    expect(listPlans(lib).map((p) => p.name)).toEqual(["双11 最终版"]);
    // The form loaded from it shows the same name in both languages.
    for (const lang of ["zh", "en"] as const) expect((planToForm(lib.plans[0], lang).form as GtaForm).name).toBe("双11 最终版");
  });

  it('duplicate names the copy "…（副本）" in Chinese, then "…（副本 2）"; "… (copy)" in English; never a taken name', async () => {
    const port = planPort();
    done(await savePlanAction(port, { ...savedFromTemplateInZh(), name: "双11 最终版" }, { now: NOW }));
    const a = done(await duplicateAction(port, "双11 最终版", { now: NOW, lang: "zh" }));
    expect(a.plan?.name).toBe("双11 最终版（副本）");
    expect(a.message.zh).toBe("已另存副本“双11 最终版（副本）”。");
    const b = done(await duplicateAction(port, "双11 最终版", { now: NOW, lang: "zh" }));
    expect(b.plan?.name).toBe("双11 最终版（副本 2）");
    const c = done(await duplicateAction(port, "双11 最终版", { now: NOW, lang: "en" }));
    expect(c.plan?.name).toBe("双11 最终版 (copy)");
    // "Copy plan, change target" names its copy the same way.
    const d = done(await copyWithTargetAction(port, "双11 最终版", "120,000,000", { now: NOW, lang: "zh" }));
    expect(d.plan?.name).toBe("双11 最终版（副本 3）");
    // A plan the user named like the next copy is skipped, not shadowed.
    done(await renameAction(port, "双11 最终版 (copy)", "双11 最终版（副本 4）", { now: NOW }));
    const e = done(await duplicateAction(port, "双11 最终版", { now: NOW, lang: "zh" }));
    expect(e.plan?.name).toBe("双11 最终版（副本 5）");
    const lib = await library(port);
    expect(lib.plans.every((p) => p.name_zh === undefined)).toBe(true);
    distinctShown(lib);
  });
});

describe("plans saved by earlier versions, with a name per language", () => {
  // As version 1 of the pane saved a template in Chinese, then renamed it in Chinese: the
  // rename changed `name`, the card kept showing the template's `name_zh`; a second save of the
  // template then gave two plans that both showed the template's Chinese name.
  const old = (name: string): Record<string, unknown> => ({ ...double11, name, name_zh: double11.name_zh, created: "2025-10-01", updated: "2025-10-02" });
  const OLD_LIBRARY = JSON.stringify({ schema: "dtc-plan-library", version: 1, plans: [old("双11 最终版"), old(double11.name)] });

  it("load: each plan under its one name, so the two no longer show the same name", async () => {
    const r = readLibrary(OLD_LIBRARY);
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.library.plans.map((p) => p.inputs)).toEqual([double11.inputs, double11.inputs]);
    expect(listPlans(r.library).map((p) => p.name)).toEqual(["双11 最终版", double11.name]);
    distinctShown(r.library);
    // An old plan file with both names imports too.
    const file = parsePlan(JSON.stringify({ ...double11, name: "Old file" }));
    expect(file.ok && file.plan.name).toBe("Old file");
  });

  it("rename in Chinese changes what the card shows, and the second name goes", async () => {
    const port = planPort(OLD_LIBRARY);
    const o = done(await renameAction(port, double11.name, "双11 备选", { now: NOW }));
    expect(o.message.zh).toBe("已重命名为“双11 备选”。");
    const lib = await library(port);
    expect(listPlans(lib).map((p) => p.name)).toEqual(["双11 最终版", "双11 备选"]);
    expect(lib.plans[1].name_zh).toBeUndefined();
    // A copy of an old plan has the one name only, in the user's language.
    const d = done(await duplicateAction(port, "双11 最终版", { now: NOW, lang: "zh" }));
    expect([d.plan?.name, d.plan?.name_zh]).toEqual(["双11 最终版（副本）", undefined]);
  });
});
