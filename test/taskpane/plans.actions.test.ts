/**
 * The "Plans" tab's logic (taskpane/plans/actions.ts, convert.ts) over a fake in-memory
 * `Workbook` port: save, confirm and overwrite; refused imports change nothing (savePlans is
 * never called); templates fill the forms with exactly their inputs; copy with a new target;
 * rename, duplicate, delete; a damaged library is never written over.
 *
 * Expected values are read independently from the template files on disk or written out by hand.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Buffer } from "node:buffer";
import type { Plan } from "../../src/plan/schema";
import { MAX_LIBRARY_BYTES, writeLibrary } from "../../src/plan/store";
import { emptyCrowd, emptyGtaForm, type GtaForm } from "../../taskpane/forms/gta";
import {
  copyWithTargetAction,
  deleteAction,
  duplicateAction,
  exportFile,
  importAction,
  openLibrary,
  renameAction,
  savePlanAction,
  type PlanFile,
} from "../../taskpane/plans/actions";
import { gtaFormToPlan, hotFormToPlan, planToForm, planToGtaForm, planToHotForm } from "../../taskpane/plans/convert";
import { TEMPLATES } from "../../taskpane/plans/templates";
import { WorkbookError } from "../../taskpane/workbook/port";
import { planPort } from "./planPort";

const NOW = "2026-11-23T10:00:00Z";
const TEMPLATE_DIR = join(__dirname, "../../taskpane/templates");
const templateFile = (f: string) => JSON.parse(readFileSync(join(TEMPLATE_DIR, f), "utf8"));

/** A small GTA form as a user types it: percent text and thousands separators. */
function gtaForm(name = "Double 11 test"): GtaForm {
  return {
    name,
    target: "1,000,000",
    crowds: [
      { ...emptyCrowd("L", "新锐白领"), count: "10,000", conversion: "30%", aov: "500" },
      { ...emptyCrowd("I", "Gen Z"), count: "200000", conversion: "0.02", aov: "250", cost: "3", capacity: "50000" },
    ],
  };
}

/** Its plan inputs, by hand: "30%" → 0.3, "1,000,000" → 1e6; blank cost/capacity are omitted. */
const GTA_INPUTS = {
  target_gmv: 1_000_000,
  crowds: [
    { stage: "L", crowd: "新锐白领", count: 10_000, conversion: 0.3, aov: 500 },
    { stage: "I", crowd: "Gen Z", count: 200_000, conversion: 0.02, aov: 250, cost: 3, capacity: 50_000 },
  ],
};

function planOf(form: GtaForm): Plan {
  const r = gtaFormToPlan(form, "en");
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.plan;
}

const file = (name: string, text: string, size = new TextEncoder().encode(text).length): PlanFile & { reads: number } => {
  const f = {
    name,
    size,
    reads: 0,
    async text() {
      f.reads++;
      return text;
    },
  };
  return f;
};

describe("form → plan", () => {
  it("the GTA form becomes the plan inputs worked out by hand", () => {
    const p = planOf(gtaForm());
    expect(p).toMatchObject({ schema: "dtc-plan", version: 1, kind: "gta", name: "Double 11 test" });
    expect(p.inputs).toEqual(GTA_INPUTS);
  });

  it("an incomplete form is not a plan: field errors, nothing to save", () => {
    const r = gtaFormToPlan(emptyGtaForm(), "en");
    expect(r.ok).toBe(false);
    expect(r.ok ? {} : r.errors).toHaveProperty("target");
  });

  it("plan → form → plan gives identical inputs (GTA and hot product)", () => {
    for (const t of TEMPLATES) {
      const loaded = planToForm(t, "en");
      const back = loaded.kind === "gta" ? gtaFormToPlan(loaded.form, "en", t) : hotFormToPlan(loaded.form, "en", t);
      expect(back.ok).toBe(true);
      if (back.ok) {
        expect(back.plan.inputs).toEqual(t.inputs);
        // The form still shows the template's name, so its notes are kept; the plan has that one name.
        expect([back.plan.name, back.plan.name_zh, back.plan.season, back.plan.description_zh]).toEqual([t.name, undefined, t.season, t.description_zh]);
      }
    }
  });

  it("a renamed form starts a new plan with only the new name", () => {
    const t = TEMPLATES.find((p) => p.kind === "gta")!;
    const form = { ...planToForm(t, "zh").form, name: "我的双11" } as GtaForm;
    const r = gtaFormToPlan(form, "zh", t);
    expect(r.ok && [r.plan.name, r.plan.name_zh, r.plan.season]).toEqual(["我的双11", undefined, undefined]);
  });
});

describe("templates", () => {
  it("offers the three templates of the files, each filling the right view with exactly its inputs", () => {
    const files = ["double11-gta.json", "618-gta.json", "launch-hotplan.json"].map(templateFile);
    expect(TEMPLATES.map((t) => t.name)).toEqual(files.map((f) => f.name));
    for (const f of files) {
      const t = TEMPLATES.find((p) => p.name === f.name)!;
      const loaded = planToForm(t, "zh");
      expect(loaded.kind).toBe(f.kind);
      const back = loaded.kind === "gta" ? gtaFormToPlan(loaded.form, "zh", t) : hotFormToPlan(loaded.form, "zh", t);
      expect(back.ok && back.plan.inputs).toEqual(f.inputs);
      // The name shown in Chinese is the Chinese name.
      expect(loaded.kind === "gta" ? loaded.form.name : loaded.form.product).toBe(f.name_zh);
    }
  });

  it("the launch template fills the per-crowd funnel (4 funnel rows for 4 crowds)", () => {
    const f = templateFile("launch-hotplan.json");
    const form = planToHotForm(TEMPLATES.find((p) => p.kind === "hotplan") as Extract<Plan, { kind: "hotplan" }>, "en");
    expect(form.funnelMode).toBe("perCrowd");
    expect(form.crowds.map((c) => [c.name, c.share, c.iToP, c.aToI])).toEqual(
      f.inputs.crowds.map((c: { name: string; share: number }, i: number) => [c.name, String(c.share), String(f.inputs.funnel[i].i_to_p), String(f.inputs.funnel[i].a_to_i)]),
    );
    expect([form.target, form.price, form.unitsPerBuyer, form.costRatio]).toEqual(["30000000", "299", "1.2", "0.35"]);
  });
});

describe("save", () => {
  it("saves a new plan: one write, and the workbook's library holds it", async () => {
    const port = planPort();
    const o = await savePlanAction(port, planOf(gtaForm()), { now: NOW });
    expect(o.kind).toBe("done");
    expect(port.saves).toHaveLength(1);
    const state = await openLibrary(port);
    expect(state.status === "ok" && state.library.plans.map((p) => [p.name, p.updated])).toEqual([["Double 11 test", NOW]]);
    expect(state.status === "ok" && state.library.plans[0].inputs).toEqual(GTA_INPUTS);
    expect(o.kind === "done" && o.message).toEqual({ en: 'Saved plan "Double 11 test".', zh: "已保存方案“Double 11 test”。" });
  });

  it("saving under an existing name asks first and writes nothing; overwrite replaces it after confirm", async () => {
    const port = planPort();
    await savePlanAction(port, planOf(gtaForm()), { now: NOW });
    const before = port.text;
    const changed = planOf({ ...gtaForm(" double 11 TEST "), target: "2,000,000" });
    const ask = await savePlanAction(port, changed, { now: "2026-11-24T00:00:00Z" });
    expect(ask.kind).toBe("confirm");
    expect(ask.kind === "confirm" && ask.message.en).toBe('a plan named "Double 11 test" already exists; replace it?');
    expect(ask.kind === "confirm" && ask.message.zh).toContain("替换");
    expect(port.saves).toHaveLength(1);
    expect(port.text).toBe(before);

    const o = await savePlanAction(port, changed, { overwrite: true, now: "2026-11-24T00:00:00Z" });
    expect(o.kind).toBe("done");
    const state = await openLibrary(port);
    if (state.status !== "ok") throw new Error("library");
    expect(state.library.plans).toHaveLength(1);
    expect(state.library.plans[0].inputs.target_gmv).toBe(2_000_000);
    // The first save's date stays the creation date.
    expect(state.library.plans[0].created).toBe(NOW);
  });

  it("a host failure while writing is reported in both languages", async () => {
    const port = planPort(null, { failSave: true });
    const o = await savePlanAction(port, planOf(gtaForm()));
    expect(o.kind).toBe("refused");
    expect(o.kind === "refused" && o.message.en).toContain("disk full");
  });
});

describe("the library's size limit", () => {
  it("a save that would make the library larger than a workbook holds (16 MiB) is refused, writing nothing", async () => {
    const t = templateFile("launch-hotplan.json") as Plan;
    const long = (ch: string, n: number) => ch.repeat(n);
    // A large hot-product plan: 100 phases × 200 crowds with long Chinese names (~125 kB).
    const big = (i: number): Plan =>
      ({
        ...t,
        name: `Big ${i}`,
        description: long("a", 4000),
        description_zh: long("长", 4000),
        inputs: {
          ...t.inputs,
          phases: Array.from({ length: 100 }, (_, k) => ({ name: `${long("阶", 110)}${k}`, weight: 1 })),
          crowds: Array.from({ length: 200 }, (_, k) => ({ name: `${long("群", 110)}${k}`, share: 1 })),
          funnel: [{ i_to_p: 0.1, a_to_i: 0.2 }],
        },
      }) as Plan;
    const plans: Plan[] = [];
    const size = (ps: Plan[]) => Buffer.byteLength(writeLibrary({ plans: ps }));
    const one = size([big(0)]);
    while (size(plans) + 2 * one < MAX_LIBRARY_BYTES) plans.push(big(plans.length));
    const port = planPort(writeLibrary({ plans }));
    // One more still fits …
    expect((await savePlanAction(port, big(plans.length), { now: NOW })).kind).toBe("done");
    expect(port.saves).toHaveLength(1);
    // … the next one does not: refused in both languages, nothing written.
    const o = await savePlanAction(port, big(plans.length + 1), { now: NOW });
    expect(o.kind).toBe("refused");
    expect(o.kind === "refused" && o.message.en).toMatch(/^Not saved: the plans would take 16\.\d MB, more than the 16\.0 MB a workbook holds\./);
    expect(o.kind === "refused" && o.message.zh).toMatch(/^未保存：这些方案将占用 16\.\d MB，超过工作簿可保存的 16\.0 MB/);
    expect(port.saves).toHaveLength(1);
    // The same through "duplicate".
    expect((await duplicateAction(port, "Big 0", { now: NOW })).kind).toBe("refused");
    expect(port.saves).toHaveLength(1);
  });
});

describe("damaged library", () => {
  const raw = '{"schema":"dtc-plan-library","version":1,"plans":[{"schema":"dtc-plan","version":1,"kind":"gta"}]}';

  it("is shown as an error and never written over, whatever the action", async () => {
    const port = planPort(raw);
    const state = await openLibrary(port);
    expect(state.status).toBe("damaged");
    expect(state.status === "damaged" && state.error.path).toBe("plans[0].name");
    const outcomes = [
      await savePlanAction(port, planOf(gtaForm()), { overwrite: true }),
      await importAction(port, file("a.json", exportFile(planOf(gtaForm())).text)),
      await renameAction(port, "a", "b"),
      await duplicateAction(port, "a"),
      await deleteAction(port, "a"),
      await copyWithTargetAction(port, "a", "100"),
    ];
    expect(outcomes.map((o) => o.kind)).toEqual(Array(6).fill("refused"));
    expect(port.saves).toEqual([]);
    expect(port.text).toBe(raw);
    expect(outcomes[0].kind === "refused" && outcomes[0].message.en).toMatch(/^the plans saved in this workbook could not be read/);
  });

  it("a host without plan storage is 'unavailable', not damaged", async () => {
    const port = planPort();
    port.loadPlans = async () => {
      throw new WorkbookError("unsupported", "ExcelApi 1.4");
    };
    const state = await openLibrary(port);
    expect(state.status).toBe("unavailable");
    expect(state.status === "unavailable" && state.message.en).toBe("This Excel does not support it (ExcelApi 1.4).");
  });
});

describe("import", () => {
  it("refuses a file over 1 MB before reading it; nothing changes", async () => {
    const port = planPort();
    const big = file("big.json", "{}", 1_048_577);
    const o = await importAction(port, big);
    expect(o.kind).toBe("refused");
    expect(big.reads).toBe(0);
    expect(port.saves).toEqual([]);
    expect(o.kind === "refused" && o.message.en).toContain("1,048,577 bytes");
    expect(o.kind === "refused" && o.message.zh).toContain("超过 1 MB");
  });

  it("a file of exactly 1 MB is read", async () => {
    const port = planPort();
    const f = file("edge.json", "[]", 1_048_576);
    await importAction(port, f);
    expect(f.reads).toBe(1);
  });

  it("refuses a malformed plan with the bad field's path, in English and Chinese; savePlans is never called", async () => {
    const port = planPort();
    await savePlanAction(port, planOf(gtaForm()), { now: NOW });
    const before = port.text;
    const bad = JSON.parse(exportFile(planOf(gtaForm("Other"))).text);
    bad.inputs.crowds[1].conversion = 1.5;
    const o = await importAction(port, file("bad.json", JSON.stringify(bad)));
    expect(o.kind).toBe("refused");
    expect(o.kind === "refused" && o.message.en).toBe("bad.json was not imported, nothing was changed. inputs.crowds[1].conversion: 1.5 must be ≤ 1");
    expect(o.kind === "refused" && o.message.zh).toContain("inputs.crowds[1].conversion：1.5 必须 ≤ 1");
    expect(port.saves).toHaveLength(1);
    expect(port.text).toBe(before);
  });

  it("refuses text that is not JSON and a newer version", async () => {
    const port = planPort();
    const notJson = await importAction(port, file("x.json", "{nope"));
    const newer = JSON.parse(exportFile(planOf(gtaForm())).text);
    newer.version = 2;
    const v2 = await importAction(port, file("v2.json", JSON.stringify(newer)));
    expect(notJson.kind === "refused" && notJson.message.en).toContain("the file is not valid JSON");
    expect(v2.kind === "refused" && v2.message.en).toContain("version:");
    expect(port.saves).toEqual([]);
  });

  it("export → import round-trips identical inputs; importing a taken name asks first", async () => {
    const port = planPort();
    const plan = planOf(gtaForm());
    const { fileName, text } = exportFile(plan);
    expect(fileName).toBe("Double 11 test.json");
    const o = await importAction(port, file(fileName, text), { now: NOW });
    expect(o.kind === "done" && o.plan?.inputs).toEqual(GTA_INPUTS);
    const again = await importAction(port, file(fileName, text));
    expect(again.kind).toBe("confirm");
    expect(port.saves).toHaveLength(1);
  });

  it("export file names drop characters file systems refuse", () => {
    const p = planOf(gtaForm('a/b:c*"d"?'));
    expect(exportFile(p).fileName).toBe("a_b_c__d__.json");
  });
});

describe("copy plan, change target", () => {
  it("saves a copy with the new target right after the original; the original is unchanged", async () => {
    const port = planPort();
    const original = planOf(gtaForm());
    await savePlanAction(port, original, { now: NOW });
    const o = await copyWithTargetAction(port, "Double 11 test", "1,200,000", { now: NOW });
    expect(o.kind).toBe("done");
    if (o.kind !== "done" || !o.plan) throw new Error("copy");
    expect(o.plan.name).toBe("Double 11 test (copy)");
    // By hand: the same crowds, target 1,200,000.
    expect(o.plan.inputs).toEqual({ ...GTA_INPUTS, target_gmv: 1_200_000 });
    expect(o.library.plans.map((p) => [p.name, p.inputs.target_gmv])).toEqual([
      ["Double 11 test", 1_000_000],
      ["Double 11 test (copy)", 1_200_000],
    ]);
    // What is loaded into the GTA view: the new target, the same rows.
    const form = planToGtaForm(o.plan as Extract<Plan, { kind: "gta" }>, "en");
    expect([form.name, form.target, form.crowds.length]).toEqual(["Double 11 test (copy)", "1200000", 2]);
  });

  it("refuses a target that is not a number or negative, writing nothing", async () => {
    const port = planPort();
    await savePlanAction(port, planOf(gtaForm()), { now: NOW });
    const a = await copyWithTargetAction(port, "Double 11 test", "lots");
    const b = await copyWithTargetAction(port, "Double 11 test", "-1");
    expect(a.kind === "refused" && a.message.en).toBe('"lots" is not a number; nothing was changed.');
    expect(b.kind === "refused" && b.message.en).toMatch(/^inputs\.target_gmv: -1 must be ≥ 0/);
    expect(port.saves).toHaveLength(1);
  });

  it("copies with a target of 0 (the plan of the baseline), as DTC.GTA takes it", async () => {
    const port = planPort();
    await savePlanAction(port, planOf(gtaForm()), { now: NOW });
    const o = await copyWithTargetAction(port, "Double 11 test", "0", { now: NOW });
    expect(o.kind).toBe("done");
    expect(o.kind === "done" && o.plan?.inputs.target_gmv).toBe(0);
    expect(port.saves).toHaveLength(2);
  });
});

describe("rename, duplicate, delete", () => {
  it("each writes once and gives the expected list", async () => {
    const port = planPort();
    await savePlanAction(port, planOf(gtaForm("A")), { now: NOW });
    await savePlanAction(port, planOf(gtaForm("B")), { now: NOW });
    const names = async () => {
      const s = await openLibrary(port);
      return s.status === "ok" ? s.library.plans.map((p) => p.name) : s.status;
    };
    expect((await renameAction(port, "A", "  C  ")).kind).toBe("done");
    expect(await names()).toEqual(["C", "B"]);
    const taken = await renameAction(port, "C", "b");
    expect(taken.kind === "refused" && taken.message.en).toBe('name: a plan named "B" already exists');
    expect((await duplicateAction(port, "C")).kind).toBe("done");
    expect(await names()).toEqual(["C", "C (copy)", "B"]);
    expect((await deleteAction(port, "B")).kind).toBe("done");
    expect(await names()).toEqual(["C", "C (copy)"]);
    const gone = await deleteAction(port, "B");
    expect(gone.kind).toBe("refused");
    expect(port.saves).toHaveLength(5);
  });
});
