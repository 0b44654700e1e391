/**
 * The plan library (src/plan/store.ts): the pure logic the pane runs on the JSON string the
 * workbook stores. Round trips are checked with fast-check on generated valid plans.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LIMITS, parsePlan, type Plan } from "../../src/plan/schema";
import {
  copyName,
  copyWithTarget,
  deletePlan,
  displayName,
  duplicatePlan,
  emptyLibrary,
  exportPlan,
  importPlan,
  listPlans,
  loadPlan,
  readLibrary,
  renamePlan,
  savePlan,
  withTarget,
  writeLibrary,
  type Library,
} from "../../src/plan/store";

const NOW = "2025-09-01T10:00:00.000Z";
const LATER = "2025-10-15T08:30:00.000Z";

const gta = (name: string, target = 1000): Plan => ({
  schema: "dtc-plan",
  version: 1,
  kind: "gta",
  name,
  inputs: {
    target_gmv: target,
    crowds: [
      { stage: "L", crowd: "", count: 10, conversion: 0.5, aov: 100 },
      { stage: "I", crowd: "Gen Z", count: 100, conversion: 0.1, aov: 50, cost: 2, capacity: 500 },
    ],
  },
});

function saved(lib: Library, plan: Plan, now = NOW): Library {
  const r = savePlan(lib, plan, { now });
  if (r.status !== "saved") throw new Error(JSON.stringify(r));
  return r.library;
}

/** A library of plans A, B, C saved at NOW. */
const abc = (): Library => [gta("A", 1), gta("B", 2), gta("C", 3)].reduce((l, p) => saved(l, p), emptyLibrary());

function deepFreeze<T>(o: T): T {
  if (o && typeof o === "object") {
    Object.freeze(o);
    Object.values(o).forEach(deepFreeze);
  }
  return o;
}

// ---------------------------------------------------------------------------------------------
// Arbitraries: valid plans within every domain of SPEC 10–12

const nonneg = (max: number) => fc.double({ min: 0, max, noNaN: true, noDefaultInfinity: true });
const positive = (max: number) => fc.double({ min: Number.MIN_VALUE, max, noNaN: true, noDefaultInfinity: true });
const rate = fc.double({ min: 0, max: 1, noNaN: true });
const openRate = fc.double({ min: Number.MIN_VALUE, max: 1, noNaN: true });
const text = (max: number) => fc.string({ unit: "grapheme", maxLength: Math.min(max, 30) });
const planName = text(LIMITS.name).filter((s) => s.trim() !== "" && s.length <= LIMITS.name);
const isoDate = fc
  .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString());

const meta = {
  name: planName,
  name_zh: text(LIMITS.name),
  season: text(LIMITS.name),
  description: text(LIMITS.description),
  description_zh: text(LIMITS.description),
  created: isoDate,
  updated: isoDate,
};

const gtaPlan = fc.record(
  {
    schema: fc.constant("dtc-plan" as const),
    version: fc.constant(1 as const),
    kind: fc.constant("gta" as const),
    ...meta,
    inputs: fc.record({
      target_gmv: positive(LIMITS.gmv),
      crowds: fc.array(
        fc.record(
          {
            stage: fc.constantFrom("A" as const, "I" as const, "P" as const, "L" as const),
            crowd: text(LIMITS.name),
            count: nonneg(LIMITS.persons),
            conversion: rate,
            aov: nonneg(LIMITS.price),
            cost: nonneg(LIMITS.costPerPerson),
            capacity: nonneg(LIMITS.persons),
          },
          { requiredKeys: ["stage", "crowd", "count", "conversion", "aov"] },
        ),
        { minLength: 1, maxLength: 8 },
      ),
    }),
  },
  { requiredKeys: ["schema", "version", "kind", "name", "inputs"] },
);

const hotPlan = fc
  .integer({ min: 1, max: 6 })
  .chain((nCrowds) =>
    fc.record(
      {
        schema: fc.constant("dtc-plan" as const),
        version: fc.constant(1 as const),
        kind: fc.constant("hotplan" as const),
        ...meta,
        inputs: fc.record(
          {
            target_gmv: positive(LIMITS.gmv),
            price: positive(LIMITS.price),
            phases: fc
              .array(fc.record({ name: text(LIMITS.name), weight: nonneg(LIMITS.weight) }), { minLength: 1, maxLength: 5 })
              .filter((ps) => ps.some((p) => p.weight > 0)),
            crowds: fc
              .array(fc.record({ name: text(LIMITS.name), share: nonneg(LIMITS.weight) }), {
                minLength: nCrowds,
                maxLength: nCrowds,
              })
              .filter((cs) => cs.some((c) => c.share > 0)),
            funnel: fc.oneof(fc.constant(1), fc.constant(nCrowds)).chain((n) =>
              fc.array(fc.record({ i_to_p: openRate, a_to_i: openRate }), { minLength: n, maxLength: n }),
            ),
            units_per_buyer: positive(LIMITS.unitsPerBuyer),
            cost_ratio: nonneg(LIMITS.costRatio),
          },
          { requiredKeys: ["target_gmv", "price", "phases", "crowds", "funnel"] },
        ),
      },
      { requiredKeys: ["schema", "version", "kind", "name", "inputs"] },
    ),
  );

const anyPlan: fc.Arbitrary<Plan> = fc.oneof(gtaPlan, hotPlan) as fc.Arbitrary<Plan>;

// ---------------------------------------------------------------------------------------------

describe("round trips", () => {
  it("the generated plans are valid (the arbitraries cover the schema, not its refusals)", () => {
    fc.assert(
      fc.property(anyPlan, (p) => {
        const r = parsePlan(JSON.stringify(p));
        if (!r.ok) throw new Error(r.error.message.en);
      }),
      { numRuns: 200 },
    );
  });

  it("export → import gives deep-equal inputs, and exporting again gives the same bytes", () => {
    fc.assert(
      fc.property(anyPlan, (p) => {
        const text = exportPlan(p);
        const r = importPlan(text);
        if (!r.ok) throw new Error(r.error.message.en);
        expect(r.plan.inputs).toEqual(p.inputs);
        expect(r.plan).toEqual(p);
        expect(exportPlan(r.plan)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it("save → write the library string → read it back → load gives identical inputs", () => {
    fc.assert(
      fc.property(fc.uniqueArray(anyPlan, { selector: (p) => p.name.normalize("NFKC").trim().toLowerCase(), maxLength: 6 }), (plans) => {
        let lib = emptyLibrary();
        for (const p of plans) lib = saved(lib, p);
        const stored = writeLibrary(lib);
        const back = readLibrary(stored);
        if (!back.ok) throw new Error(back.error.message.en);
        expect(back.migrated).toBe(false);
        expect(back.library).toEqual(lib);
        for (const p of plans) {
          const l = loadPlan(back.library, p.name);
          if (!l.ok) throw new Error(l.error.message.en);
          expect(l.plan.inputs).toEqual(p.inputs);
          expect(JSON.stringify(l.plan.inputs)).toBe(JSON.stringify(p.inputs));
        }
        // Writing the re-read library gives the same string.
        expect(writeLibrary(back.library)).toBe(stored);
      }),
      { numRuns: 150 },
    );
  });

  it("exports a fixed key order, two-space indentation and a final newline", () => {
    const shuffled = { inputs: { crowds: [{ aov: 1, capacity: 2, stage: "A", crowd: "", conversion: 0.1, count: 3 }], target_gmv: 9 }, name: "n", kind: "gta", version: 1, schema: "dtc-plan" };
    expect(exportPlan(shuffled as unknown as Plan)).toBe(
      `{
  "schema": "dtc-plan",
  "version": 1,
  "kind": "gta",
  "name": "n",
  "inputs": {
    "target_gmv": 9,
    "crowds": [
      {
        "stage": "A",
        "crowd": "",
        "count": 3,
        "conversion": 0.1,
        "aov": 1,
        "capacity": 2
      }
    ]
  }
}
`,
    );
  });
});

describe("reading the library string", () => {
  it("reads a blank or missing string as an empty library", () => {
    for (const t of [null, undefined, "", "  \n"]) expect(readLibrary(t)).toEqual({ ok: true, library: { plans: [] }, migrated: false });
  });

  it("migrates plans of an older version stored in the workbook", () => {
    const v0 = {
      schema: "dtc-plan",
      version: 0,
      kind: "gta",
      name: "old",
      inputs: { target: 5, crowds: [{ stage: "A", crowd: "", count: 5, conversion: 15, aov: 1 }] },
    };
    const r = readLibrary(JSON.stringify({ schema: "dtc-plan-library", version: 1, plans: [v0] }));
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.migrated).toBe(true);
    // 15 % = 0.15
    expect(r.library.plans[0].inputs).toEqual({ target_gmv: 5, crowds: [{ stage: "A", crowd: "", count: 5, conversion: 0.15, aov: 1 }] });
  });

  it("reports a damaged library with the path of the first bad field, never an empty library", () => {
    const good = JSON.parse(writeLibrary(abc())) as { plans: Record<string, unknown>[] };
    const badPlan = structuredClone(good);
    (badPlan.plans[1].inputs as { crowds: { conversion: number }[] }).crowds[0].conversion = 2;
    const dup = structuredClone(good);
    dup.plans[2].name = " a ";
    const cases: [string, string, string][] = [
      ["{not json", "$", "the plans saved in this workbook could not be read, and nothing was changed: the file is not valid JSON"],
      [
        '{"schema":"other","version":1,"plans":[]}',
        "$",
        'the plans saved in this workbook could not be read, and nothing was changed: not a DTC Metrics plan library ("schema" must be "dtc-plan-library")',
      ],
      [
        '{"schema":"dtc-plan-library","version":4,"plans":[]}',
        "version",
        "the plans saved in this workbook could not be read, and nothing was changed: version: this file was written by a newer version of DTC Metrics (version 4); update the add-in",
      ],
      [
        '{"schema":"dtc-plan-library","version":1,"plans":{}}',
        "plans",
        "the plans saved in this workbook could not be read, and nothing was changed: plans: expected a list, got an object",
      ],
      [
        JSON.stringify(badPlan),
        "plans[1].inputs.crowds[0].conversion",
        "the plans saved in this workbook could not be read, and nothing was changed: plans[1].inputs.crowds[0].conversion: 2 must be ≤ 1",
      ],
      [
        JSON.stringify(dup),
        "plans[2].name",
        'the plans saved in this workbook could not be read, and nothing was changed: plans[2].name: the name " a " is used by more than one plan',
      ],
      [
        '{"schema":"dtc-plan-library","version":1,"plans":[42]}',
        "plans[0]",
        'the plans saved in this workbook could not be read, and nothing was changed: plans[0]: not a DTC Metrics plan file ("schema" must be "dtc-plan")',
      ],
    ];
    for (const [t, path, en] of cases) {
      const r = readLibrary(t);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.error.path).toBe(path);
      expect(r.error.message.en).toBe(en);
      expect(r.error.message.zh.startsWith("无法读取此工作簿中保存的方案，未做任何更改：")).toBe(true);
    }
    const zh = readLibrary(JSON.stringify(badPlan));
    expect(zh.ok || zh.error.message.zh).toBe("无法读取此工作簿中保存的方案，未做任何更改：plans[1].inputs.crowds[0].conversion：2 必须 ≤ 1");
  });

  it("never throws on arbitrary library strings", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), fc.jsonValue().map((v) => JSON.stringify({ schema: "dtc-plan-library", version: 1, plans: v }))), (t) => {
        const r = readLibrary(t);
        if (!r.ok) {
          expect(r.error.path.length).toBeGreaterThan(0);
          expect(r.error.message.en.length).toBeGreaterThan(0);
          expect(r.error.message.zh.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("save", () => {
  it("appends a new plan, stamping created and updated", () => {
    const r = savePlan(emptyLibrary(), gta("Double 11"), { now: NOW });
    expect(r.status).toBe("saved");
    if (r.status !== "saved") return;
    expect(r.replaced).toBe(false);
    expect(r.plan).toEqual({ ...gta("Double 11"), created: NOW, updated: NOW });
    expect(listPlans(r.library)).toEqual([{ name: "Double 11", kind: "gta", target_gmv: 1000, updated: NOW }]);
  });

  it("asks for confirmation before replacing a plan of the same name, and leaves the library unchanged", () => {
    const lib = deepFreeze(abc());
    const before = structuredClone(lib);
    for (const name of ["B", " b ", "Ｂ"]) {
      const r = savePlan(lib, gta(name, 99), { now: LATER });
      expect(r.status).toBe("needs-confirmation");
      if (r.status !== "needs-confirmation") continue;
      expect(r.name).toBe("B");
      expect(r.existing.inputs.target_gmv).toBe(2);
      expect(r.message).toEqual({ en: 'a plan named "B" already exists; replace it?', zh: "已存在名为“B”的方案；要替换它吗？" });
    }
    expect(lib).toEqual(before);
  });

  it("replaces in place with overwrite: true, keeping the created date", () => {
    const r = savePlan(abc(), gta("B", 99), { now: LATER, overwrite: true });
    if (r.status !== "saved") throw new Error(r.status);
    expect(r.replaced).toBe(true);
    expect(r.library.plans.map((p) => [p.name, p.inputs.target_gmv, p.created, p.updated])).toEqual([
      ["A", 1, NOW, NOW],
      ["B", 99, NOW, LATER],
      ["C", 3, NOW, NOW],
    ]);
  });

  it("refuses an invalid plan with the path of the bad field and changes nothing", () => {
    const lib = deepFreeze(abc());
    const bad = gta("D");
    (bad.inputs.crowds[0] as { conversion: number }).conversion = -0.1;
    const r = savePlan(lib, bad, { now: LATER });
    expect(r.status).toBe("error");
    if (r.status === "error") expect(r.error.path).toBe("inputs.crowds[0].conversion");
    expect(lib.plans).toHaveLength(3);
  });

  it("stamps the current time when no time is given", () => {
    const r = savePlan(emptyLibrary(), gta("X"));
    if (r.status !== "saved") throw new Error(r.status);
    expect(Math.abs(Date.parse(r.plan.updated as string) - Date.now())).toBeLessThan(60_000);
  });
});

describe("load, rename, duplicate, delete", () => {
  it("loads by name ignoring case and width, and reports a missing plan", () => {
    const lib = abc();
    const r = loadPlan(lib, "ｃ");
    expect(r.ok && r.plan.inputs.target_gmv).toBe(3);
    expect(loadPlan(lib, "Z")).toEqual({
      ok: false,
      error: {
        path: "name",
        key: "planNotFound",
        message: { en: 'name: no plan named "Z" in this workbook', zh: "name：此工作簿中没有名为“Z”的方案" },
      },
    });
  });

  it("renames, refusing a name another plan has and an empty name", () => {
    const lib = deepFreeze(abc());
    const r = renamePlan(lib, "B", "B 2026", { now: LATER });
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.library.plans.map((p) => p.name)).toEqual(["A", "B 2026", "C"]);
    expect(r.plan.updated).toBe(LATER);
    expect(r.plan.inputs).toEqual(lib.plans[1].inputs);

    const taken = renamePlan(lib, "B", "c");
    expect(taken).toEqual({
      ok: false,
      error: {
        path: "name",
        key: "planNameTaken",
        message: { en: 'name: a plan named "C" already exists', zh: "name：已存在名为“C”的方案" },
      },
    });
    // Renaming a plan to its own name in another case is not a collision.
    const own = renamePlan(lib, "B", "b");
    expect(own.ok && own.plan.name).toBe("b");
    const empty = renamePlan(lib, "B", " ");
    expect(empty.ok || empty.error.path).toBe("name");
    expect(renamePlan(lib, "Z", "Y").ok).toBe(false);
    expect(lib.plans.map((p) => p.name)).toEqual(["A", "B", "C"]);
  });

  it('duplicates as "name (copy)", then "(copy 2)", right after the original; a copy has one name', () => {
    // A plan saved by an earlier version with a second, Chinese name: the copy has only the one name.
    let lib = saved(abc(), { ...gta("Double 11"), name_zh: "双11" });
    const d1 = duplicatePlan(lib, "Double 11", { now: LATER });
    if (!d1.ok) throw new Error(d1.error.message.en);
    expect(d1.plan).toMatchObject({ name: "Double 11 (copy)", created: LATER, updated: LATER });
    expect("name_zh" in d1.plan).toBe(false);
    lib = d1.library;
    const d2 = duplicatePlan(lib, "Double 11");
    if (!d2.ok) throw new Error(d2.error.message.en);
    expect(d2.library.plans.map((p) => p.name)).toEqual(["A", "B", "C", "Double 11", "Double 11 (copy 2)", "Double 11 (copy)"]);
    expect("name_zh" in d2.plan).toBe(false);
    expect(d2.plan.inputs).toEqual(gta("Double 11").inputs);
    expect(duplicatePlan(lib, "nope").ok).toBe(false);
  });

  it("keeps copy names within the longest name allowed", () => {
    const long = "x".repeat(LIMITS.name);
    const n = copyName(emptyLibrary(), { name: long });
    expect(n.name).toHaveLength(LIMITS.name);
    expect(n.name.endsWith(" (copy)")).toBe(true);
    const lib = saved(emptyLibrary(), gta(long));
    const d = duplicatePlan(lib, long);
    expect(d.ok).toBe(true);
  });

  it("deletes by name and returns the deleted plan", () => {
    const lib = deepFreeze(abc());
    const r = deletePlan(lib, "a");
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.plan.name).toBe("A");
    expect(r.library.plans.map((p) => p.name)).toEqual(["B", "C"]);
    expect(deletePlan(lib, "Z").ok).toBe(false);
    expect(lib.plans).toHaveLength(3);
  });

  it("shows the Chinese name in Chinese when there is one", () => {
    expect(displayName({ name: "Launch", name_zh: "新品上市" }, "zh")).toBe("新品上市");
    expect(displayName({ name: "Launch", name_zh: "新品上市" }, "en")).toBe("Launch");
    expect(displayName({ name: "Launch" }, "zh")).toBe("Launch");
  });
});

describe("copy plan, change target", () => {
  it("withTarget changes only the target and drops the dates", () => {
    const p = { ...gta("Double 11", 1000), created: NOW, updated: NOW };
    const r = withTarget(p, 150_000_000);
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.plan).toEqual({ ...gta("Double 11", 150_000_000) });
    expect(p.inputs.target_gmv).toBe(1000);
    const named = withTarget(p, 5, { name: "Double 11 stretch" });
    expect(named.ok && named.plan.name).toBe("Double 11 stretch");
  });

  it("withTarget refuses a target outside its domain, naming inputs.target_gmv", () => {
    for (const t of [-5, Number.NaN, Infinity, 1e308]) {
      const r = withTarget(gta("x"), t);
      expect(r.ok || r.error.path).toBe("inputs.target_gmv");
    }
  });

  it("copyWithTarget saves the copy after the original under a free name or the name given", () => {
    const lib = deepFreeze(abc());
    const r = copyWithTarget(lib, "B", 20, { now: LATER });
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.library.plans.map((p) => [p.name, p.inputs.target_gmv])).toEqual([
      ["A", 1],
      ["B", 2],
      ["B (copy)", 20],
      ["C", 3],
    ]);
    expect(r.plan).toMatchObject({ created: LATER, updated: LATER });
    const named = copyWithTarget(lib, "B", 30, { newName: "B 2026", now: LATER });
    expect(named.ok && named.plan.name).toBe("B 2026");
    expect(named.ok && "name_zh" in named.plan).toBe(false);
    const taken = copyWithTarget(lib, "B", 30, { newName: "a" });
    expect(taken.ok || taken.error.key).toBe("planNameTaken");
    const bad = copyWithTarget(lib, "B", -1);
    expect(bad.ok || bad.error.path).toBe("inputs.target_gmv");
    expect(lib.plans).toHaveLength(3);
  });
});

describe("templates through the store", () => {
  it("every template exports to exactly its file (the files are in canonical form)", () => {
    const dir = join(__dirname, "../../taskpane/templates");
    for (const f of ["double11-gta.json", "618-gta.json", "launch-hotplan.json"]) {
      const text = readFileSync(join(dir, f), "utf8");
      const r = importPlan(text);
      if (!r.ok) throw new Error(`${f}: ${r.error.message.en}`);
      expect(exportPlan(r.plan)).toBe(text);
    }
  });
});
