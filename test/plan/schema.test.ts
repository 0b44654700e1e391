/**
 * The plan-file schema (SPEC section 12): accepted shapes, refused files with the JSON path of
 * the bad field and a message in English and Chinese, and fuzzing with fast-check that every
 * malformed file is refused without an exception.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LIMITS, MAX_PLAN_BYTES, parsePlan, parsePlanValue, type PlanResult } from "../../src/plan/schema";

const TEMPLATES = join(__dirname, "../../taskpane/templates");
const templateText = (f: string): string => readFileSync(join(TEMPLATES, f), "utf8");
const TEMPLATE_FILES = ["double11-gta.json", "618-gta.json", "launch-hotplan.json"];

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const gtaFile = (): { [k: string]: Json } => ({
  schema: "dtc-plan",
  version: 1,
  kind: "gta",
  name: "Test",
  inputs: {
    target_gmv: 1000,
    crowds: [
      { stage: "L", crowd: "", count: 10, conversion: 0.5, aov: 100 },
      { stage: "I", crowd: "Gen Z", count: 100, conversion: 0.1, aov: 50, cost: 2, capacity: 500 },
    ],
  },
});

const hotFile = (): { [k: string]: Json } => ({
  schema: "dtc-plan",
  version: 1,
  kind: "hotplan",
  name: "Launch",
  inputs: {
    target_gmv: 1000,
    price: 10,
    phases: [
      { name: "启动期", weight: 1 },
      { name: "大促期", weight: 3 },
    ],
    crowds: [
      { name: "A", share: 1 },
      { name: "B", share: 1 },
    ],
    funnel: [{ i_to_p: 0.1, a_to_i: 0.2 }],
  },
});

/** Set (or delete, with `undefined`) the value at a path inside a JSON value, in place. */
function setAt(root: Json, path: readonly (string | number)[], value: Json | undefined): void {
  let cur = root as Record<string | number, Json>;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, Json>;
  const last = path[path.length - 1];
  if (value === undefined) delete cur[last];
  else cur[last] = value;
}

function refused(r: PlanResult) {
  expect(r.ok).toBe(false);
  if (r.ok) throw new Error("accepted");
  return r.error;
}

describe("parsePlan: valid files", () => {
  it("accepts a GTA and a hot-product plan and returns their inputs unchanged", () => {
    const g = parsePlan(JSON.stringify(gtaFile()));
    expect(g).toEqual({ ok: true, plan: gtaFile() });
    const h = parsePlan(JSON.stringify(hotFile()));
    expect(h).toEqual({ ok: true, plan: hotFile() });
  });

  it("writes the parsed plan with keys in the schema order, whatever the order of the file", () => {
    const text =
      '{"inputs":{"crowds":[{"aov":1,"conversion":0.1,"count":5,"crowd":"","stage":"A"}],"target_gmv":5},' +
      '"name":"n","kind":"gta","version":1,"schema":"dtc-plan"}';
    const r = parsePlan(text);
    if (!r.ok) throw new Error(r.error.message.en);
    expect(Object.keys(r.plan)).toEqual(["schema", "version", "kind", "name", "inputs"]);
    expect(Object.keys(r.plan.inputs.crowds[0] as object)).toEqual(["stage", "crowd", "count", "conversion", "aov"]);
  });

  it("accepts the optional metadata, edge values of every domain and a byte-order mark", () => {
    const f = hotFile();
    Object.assign(f, {
      name_zh: "新品",
      season: "2025 618",
      description: "d",
      description_zh: "说明",
      created: "2025-06-01",
      updated: "2025-06-18T20:00:00+08:00",
    });
    // Funnel rates may be exactly 1; a weight or share may be 0 while the sum is positive.
    setAt(f, ["inputs", "funnel"], [{ i_to_p: 1, a_to_i: 1 }]);
    setAt(f, ["inputs", "phases", 0, "weight"], 0);
    setAt(f, ["inputs", "units_per_buyer"], LIMITS.unitsPerBuyer);
    setAt(f, ["inputs", "cost_ratio"], 0);
    expect(parsePlan(`\ufeff${JSON.stringify(f)}`).ok).toBe(true);
    const g = gtaFile();
    // Rates 0 and 1, counts 0, capacity 0 and the largest target are all valid.
    setAt(g, ["inputs", "crowds", 0], { stage: "P", crowd: "x", count: 0, conversion: 0, aov: 0, cost: 0, capacity: 0 });
    setAt(g, ["inputs", "crowds", 1, "conversion"], 1);
    setAt(g, ["inputs", "target_gmv"], LIMITS.gmv);
    expect(parsePlan(JSON.stringify(g)).ok).toBe(true);
    // A target of 0 is the plan of the baseline, as DTC.GTA and DTC.HOTPLAN take it.
    setAt(g, ["inputs", "target_gmv"], 0);
    expect(parsePlan(JSON.stringify(g)).ok).toBe(true);
    setAt(f, ["inputs", "target_gmv"], 0);
    expect(parsePlan(JSON.stringify(f)).ok).toBe(true);
  });

  it("turns -0 into 0 so that the plan exports and reads back equal", () => {
    const r = parsePlan(JSON.stringify(gtaFile()).replace('"count":10', '"count":-0'));
    if (!r.ok || r.plan.kind !== "gta") throw new Error("refused");
    expect(Object.is(r.plan.inputs.crowds[0].count, 0)).toBe(true);
  });

  it("accepts files of exactly 1 MB and refuses one byte more", () => {
    const base = JSON.stringify(gtaFile());
    // Whitespace padding is valid JSON; 1 MB = 1,048,576 bytes.
    expect(parsePlan(base + " ".repeat(MAX_PLAN_BYTES - base.length)).ok).toBe(true);
    const e = refused(parsePlan(base + " ".repeat(MAX_PLAN_BYTES - base.length + 1)));
    expect(e.path).toBe("$");
    expect(e.message.en).toBe("the file is 1048577 bytes; a plan file may be at most 1048576 bytes (1 MB)");
    expect(e.message.zh).toBe("文件大小为 1048577 字节；方案文件最多 1048576 字节（1 MB）");
  });

  it("counts the size in UTF-8 bytes: 400,000 Chinese characters are 1,200,000 bytes", () => {
    const text = JSON.stringify({ ...gtaFile(), description: "中".repeat(400_000) });
    expect(text.length).toBeLessThan(MAX_PLAN_BYTES);
    const e = refused(parsePlan(text));
    expect(e.key).toBe("planTooLarge");
    // 1,200,000 bytes of 中 plus the ASCII of the rest of the file.
    expect(e.message.en).toContain(`${1_200_000 + text.length - 400_000} bytes`);
  });
});

describe("parsePlan: refused files name the bad field", () => {
  const cases: { what: string; edit: (f: { [k: string]: Json }) => void; path: string; en: string; zh: string }[] = [
    {
      what: "a conversion above 1",
      edit: (f) => setAt(f, ["inputs", "crowds", 1, "conversion"], 1.5),
      path: "inputs.crowds[1].conversion",
      en: "inputs.crowds[1].conversion: 1.5 must be ≤ 1",
      zh: "inputs.crowds[1].conversion：1.5 必须 ≤ 1",
    },
    {
      what: "a negative count",
      edit: (f) => setAt(f, ["inputs", "crowds", 0, "count"], -3),
      path: "inputs.crowds[0].count",
      en: "inputs.crowds[0].count: -3 must be ≥ 0",
      zh: "inputs.crowds[0].count：-3 必须 ≥ 0",
    },
    {
      what: "an absurd target",
      edit: (f) => setAt(f, ["inputs", "target_gmv"], 1e308),
      path: "inputs.target_gmv",
      en: "inputs.target_gmv: 1e+308 must be ≤ 10000000000000",
      zh: "inputs.target_gmv：1e+308 必须 ≤ 10000000000000",
    },
    {
      what: "a negative target",
      edit: (f) => setAt(f, ["inputs", "target_gmv"], -1),
      path: "inputs.target_gmv",
      en: "inputs.target_gmv: -1 must be ≥ 0",
      zh: "inputs.target_gmv：-1 必须 ≥ 0",
    },
    {
      what: "a number written as text",
      edit: (f) => setAt(f, ["inputs", "crowds", 0, "aov"], "100"),
      path: "inputs.crowds[0].aov",
      en: 'inputs.crowds[0].aov: expected a number, got text "100"',
      zh: "inputs.crowds[0].aov：应为数字，实际为文本 \"100\"",
    },
    {
      what: "an unknown stage",
      edit: (f) => setAt(f, ["inputs", "crowds", 1, "stage"], "X"),
      path: "inputs.crowds[1].stage",
      en: 'inputs.crowds[1].stage: "X" is not one of "A", "I", "P", "L"',
      zh: 'inputs.crowds[1].stage：“X”不是 "A", "I", "P", "L" 之一',
    },
    {
      what: "a missing required field",
      edit: (f) => setAt(f, ["inputs", "crowds", 0, "aov"], undefined),
      path: "inputs.crowds[0].aov",
      en: "inputs.crowds[0].aov: required field is missing",
      zh: "inputs.crowds[0].aov：缺少必填字段",
    },
    {
      what: "a misspelt field",
      edit: (f) => setAt(f, ["inputs", "crowds", 0, "convertion"], 0.1),
      path: "inputs.crowds[0].convertion",
      en: 'inputs.crowds[0].convertion: unknown field "convertion"',
      zh: "inputs.crowds[0].convertion：未知字段“convertion”",
    },
    {
      what: "wrong nesting (crowds as an object)",
      edit: (f) => setAt(f, ["inputs", "crowds"], { stage: "A" }),
      path: "inputs.crowds",
      en: "inputs.crowds: expected a list, got an object",
      zh: "inputs.crowds：应为列表，实际为对象",
    },
    {
      what: "an empty crowd table",
      edit: (f) => setAt(f, ["inputs", "crowds"], []),
      path: "inputs.crowds",
      en: "inputs.crowds: needs at least 1 entries",
      zh: "inputs.crowds：至少需要 1 项",
    },
    {
      what: "a blank name",
      edit: (f) => setAt(f, ["name"], "   "),
      path: "name",
      en: "name: must not be empty",
      zh: "name：不能为空",
    },
    {
      what: "an unknown kind",
      edit: (f) => setAt(f, ["kind"], "budget"),
      path: "kind",
      en: 'kind: "budget" is not one of "gta", "hotplan"',
      zh: 'kind：“budget”不是 "gta", "hotplan" 之一',
    },
    {
      what: "a date that is not ISO",
      edit: (f) => setAt(f, ["created"], "11/11/2025"),
      path: "created",
      en: 'created: "11/11/2025" is not an ISO date such as 2025-11-11 or 2025-11-11T20:00:00+08:00',
      zh: "created：“11/11/2025”不是 ISO 日期（例如 2025-11-11 或 2025-11-11T20:00:00+08:00）",
    },
    {
      what: "a newer version",
      edit: (f) => setAt(f, ["version"], 2),
      path: "version",
      en: "version: this file was written by a newer version of DTC Metrics (version 2); update the add-in",
      zh: "version：此文件由更新版本的 DTC Metrics 写入（版本 2）；请更新加载项",
    },
    {
      what: "a fractional version",
      edit: (f) => setAt(f, ["version"], 1.5),
      path: "version",
      en: "version: 1.5 must be a whole number ≥ 0",
      zh: "version：1.5 必须是 ≥ 0 的整数",
    },
    {
      what: "another schema",
      edit: (f) => setAt(f, ["schema"], "dtc-report"),
      path: "$",
      en: 'not a DTC Metrics plan file ("schema" must be "dtc-plan")',
      zh: "不是 DTC Metrics 方案文件（“schema”必须为“dtc-plan”）",
    },
  ];
  for (const c of cases) {
    it(`refuses ${c.what}`, () => {
      const f = gtaFile();
      c.edit(f);
      const e = refused(parsePlan(JSON.stringify(f)));
      expect(e.path).toBe(c.path);
      expect(e.message).toEqual({ en: c.en, zh: c.zh });
    });
  }

  it("refuses a non-finite number (1e999 reads as Infinity)", () => {
    const e = refused(parsePlan(JSON.stringify(gtaFile()).replace('"target_gmv":1000', '"target_gmv":1e999')));
    expect(e.path).toBe("inputs.target_gmv");
    expect(e.message.en).toBe("inputs.target_gmv: expected a number, got a number that is not finite");
  });

  it("refuses hot-product inputs that cannot be normalised or walked up the funnel", () => {
    const zeroWeights = hotFile();
    setAt(zeroWeights, ["inputs", "phases"], [{ name: "a", weight: 0 }]);
    const e1 = refused(parsePlan(JSON.stringify(zeroWeights)));
    expect(e1.path).toBe("inputs.phases");
    expect(e1.message.en).toBe("inputs.phases: the phase weights add up to 0; at least one must be positive");
    expect(e1.message.zh).toBe("inputs.phases：阶段权重之和为 0；至少一个必须大于 0");

    const zeroShares = hotFile();
    setAt(zeroShares, ["inputs", "crowds"], [{ name: "a", share: 0 }]);
    expect(refused(parsePlan(JSON.stringify(zeroShares))).message.en).toBe(
      "inputs.crowds: the crowd shares add up to 0; at least one must be positive",
    );

    const funnel = hotFile();
    setAt(funnel, ["inputs", "funnel"], [{ i_to_p: 0.1, a_to_i: 0.1 }, { i_to_p: 0.1, a_to_i: 0.1 }, { i_to_p: 0.1, a_to_i: 0.1 }]);
    const e3 = refused(parsePlan(JSON.stringify(funnel)));
    expect(e3.path).toBe("inputs.funnel");
    expect(e3.message.en).toBe("inputs.funnel: has 3 entries; give one entry for all crowds, or one per crowd (2)");

    const zeroRate = hotFile();
    setAt(zeroRate, ["inputs", "funnel", 0, "a_to_i"], 0);
    const e4 = refused(parsePlan(JSON.stringify(zeroRate)));
    expect(e4.path).toBe("inputs.funnel[0].a_to_i");
    expect(e4.message.en).toBe("inputs.funnel[0].a_to_i: 0 must be > 0");

    const price = hotFile();
    setAt(price, ["inputs", "price"], 0);
    expect(refused(parsePlan(JSON.stringify(price))).path).toBe("inputs.price");
  });

  it("refuses text that is not JSON, JSON that is not an object, and a plan without version", () => {
    for (const t of ["", "{", '{"schema": "dtc-plan",', "plan", "[1, 2", "{} trailing"]) {
      const e = refused(parsePlan(t));
      expect(e).toEqual({
        path: "$",
        key: "planNotJson",
        message: { en: "the file is not valid JSON", zh: "文件不是有效的 JSON" },
      });
    }
    for (const t of ["null", "42", '"dtc-plan"', "[]", "{}"]) expect(refused(parsePlan(t)).key).toBe("planNotPlan");
    expect(refused(parsePlan('{"schema":"dtc-plan"}'))).toMatchObject({ path: "version", key: "planMissing" });
  });

  it("refuses half a million levels of nesting (as deep as fits in 1 MB) without a stack overflow", () => {
    const depth = 500_000;
    const text = JSON.stringify(gtaFile()).replace(
      '"crowds":[',
      `"crowds":[${"[".repeat(depth)}${"]".repeat(depth)},`,
    );
    const e = refused(parsePlan(text));
    expect(e.path).toBe("inputs.crowds[0]");
    expect(e.message.en).toBe("inputs.crowds[0]: expected an object, got a list");
    expect(refused(parsePlan(`${"[".repeat(depth)}${"]".repeat(depth)}`)).key).toBe("planNotPlan");
  });

  it("refuses non-string input to parsePlan and hostile values to parsePlanValue without throwing", () => {
    expect(refused(parsePlan(undefined as unknown as string)).key).toBe("planNotJson");
    const cyclic: Record<string, unknown> = { ...gtaFile() };
    (cyclic.inputs as Record<string, unknown>).self = cyclic;
    expect(refused(parsePlanValue(cyclic)).path).toBe("inputs.self");
    const getter = Object.defineProperty({ ...gtaFile() }, "name", {
      enumerable: true,
      get() {
        throw new Error("boom");
      },
    });
    expect(refused(parsePlanValue(getter)).key).toBe("internal");
  });
});

// ---------------------------------------------------------------------------------------------
// Fuzzing

/** Every leaf of a JSON value: its path and value. */
function leaves(v: Json, path: (string | number)[] = []): { path: (string | number)[]; value: Json }[] {
  if (v !== null && typeof v === "object") {
    const entries = Array.isArray(v) ? v.map((x, i) => [i, x] as const) : Object.entries(v);
    return entries.flatMap(([k, x]) => leaves(x, [...path, k]));
  }
  return [{ path, value: v }];
}

/** Every object inside a JSON value (for inserting an unknown key). */
function objects(v: Json, path: (string | number)[] = []): (string | number)[][] {
  if (v === null || typeof v !== "object") return [];
  const inner = (Array.isArray(v) ? v.map((x, i) => [i, x] as const) : Object.entries(v)).flatMap(([k, x]) =>
    objects(x, [...path, k]),
  );
  return Array.isArray(v) ? inner : [path, ...inner];
}

const OPTIONAL = new Set(["cost", "capacity", "units_per_buyer", "cost_ratio", "name_zh", "season", "description", "description_zh", "created", "updated"]);

/** Values outside the domain of the field named `key` (SPEC 0, 10, 11 and the schema's maxima). */
function outOfDomain(path: readonly (string | number)[]): fc.Arbitrary<Json> {
  const key = path[path.length - 1];
  const huge = fc.constantFrom(1e308, 1e15, Number.MAX_VALUE);
  const negative = fc.double({ min: -1e12, max: -1e-9, noNaN: true });
  switch (key) {
    case "conversion":
      return fc.oneof(negative, fc.double({ min: 1.000001, max: 1e6, noNaN: true }), huge);
    case "i_to_p":
    case "a_to_i":
      return fc.oneof(negative, fc.constant(0), fc.double({ min: 1.000001, max: 1e6, noNaN: true }), huge);
    case "price":
    case "units_per_buyer":
      return fc.oneof(negative, fc.constant(0), huge);
    case "target_gmv":
      // ≥ 0: a target of 0 is valid (the plan of the baseline).
      return fc.oneof(negative, huge);
    case "stage":
      return fc.string({ minLength: 0, maxLength: 5 }).filter((s) => !["A", "I", "P", "L"].includes(s));
    case "schema":
    case "kind":
    case "version":
      return fc.constant("?");
    case "name":
    case "crowd":
      // Only the plan's own name must be non-blank; crowd and phase names may be blank.
      return path.length === 1
        ? fc.oneof(fc.constant(" "), fc.string({ minLength: LIMITS.name + 1, maxLength: LIMITS.name + 20 }))
        : fc.string({ minLength: LIMITS.name + 1, maxLength: LIMITS.name + 20 });
    case "created":
    case "updated":
      return fc.constantFrom("2025-02-30", "yesterday", "2025/11/11", "");
    default:
      // counts, aov, cost, capacity, weights, shares, cost_ratio: all ≥ 0 with finite maxima.
      return typeof key === "string" && !["description", "description_zh", "season", "name_zh"].includes(key)
        ? fc.oneof(negative, huge)
        : fc.string({ minLength: LIMITS.description + 1, maxLength: LIMITS.description + 2 });
  }
}

/** A value of the wrong JSON type for a leaf that holds `v`. */
function wrongType(v: Json): fc.Arbitrary<Json> {
  const others: fc.Arbitrary<Json>[] = [
    fc.constant(null),
    fc.boolean(),
    fc.constant([]),
    fc.constant({}),
    fc.array(fc.integer(), { minLength: 1, maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { minKeys: 1, maxKeys: 3 }),
  ];
  if (typeof v === "number") others.push(fc.string({ maxLength: 8 }), fc.constant("5%"));
  else others.push(fc.double({ noNaN: true, noDefaultInfinity: true }));
  return fc.oneof(...others);
}

const BASES: { label: string; text: string }[] = [
  { label: "gta", text: JSON.stringify(gtaFile()) },
  { label: "hotplan", text: JSON.stringify(hotFile()) },
  ...TEMPLATE_FILES.map((f) => ({ label: f, text: templateText(f) })),
];

/** A malformed file made from a valid one, with the path the refusal must name (when known). */
interface Mutant {
  text: string;
  path?: string;
  how: string;
}

const jsonPathOf = (p: readonly (string | number)[]): string =>
  p.reduce<string>((s, k) => (typeof k === "number" ? `${s}[${k}]` : s ? `${s}.${k}` : k), "") || "$";

function mutants(baseText: string): fc.Arbitrary<Mutant> {
  const base = JSON.parse(baseText) as Json;
  const ls = leaves(base).filter((l) => l.path[0] !== "version" && l.path[0] !== "schema");
  const objs = objects(base);
  const clone = (): Json => JSON.parse(baseText) as Json;
  const leaf = fc.constantFrom(...ls);
  return fc.oneof(
    // Wrong type at a leaf.
    leaf.chain((l) =>
      wrongType(l.value).map((w) => {
        const f = clone();
        setAt(f, l.path, w);
        return { text: JSON.stringify(f), path: jsonPathOf(l.path), how: "wrong type" };
      }),
    ),
    // A value outside its domain (negative, above its maximum, blank name, bad stage …).
    leaf.chain((l) =>
      outOfDomain(l.path).map((w) => {
        const f = clone();
        setAt(f, l.path, w);
        return { text: JSON.stringify(f), path: jsonPathOf(l.path), how: "out of domain" };
      }),
    ),
    // A required field removed.
    leaf
      .filter((l) => typeof l.path[l.path.length - 1] === "string" && !OPTIONAL.has(String(l.path[l.path.length - 1])))
      .map((l) => {
        const f = clone();
        setAt(f, l.path, undefined);
        return { text: JSON.stringify(f), path: jsonPathOf(l.path), how: "missing field" };
      }),
    // Extra junk: an unknown key in some object.
    fc.tuple(fc.constantFrom(...objs), fc.stringMatching(/^[a-z0-9]{1,6}$/), fc.jsonValue()).map(([p, k, v]) => {
      const f = clone();
      const key = `x_${k}`;
      setAt(f, [...p, key], v as Json);
      return { text: JSON.stringify(f), path: jsonPathOf([...p, key]), how: "unknown field" };
    }),
    // Wrong nesting: a leaf wrapped in a list or an object.
    fc.tuple(leaf, fc.boolean()).map(([l, asList]) => {
      const f = clone();
      setAt(f, l.path, asList ? [l.value] : { value: l.value });
      return { text: JSON.stringify(f), path: jsonPathOf(l.path), how: "wrong nesting" };
    }),
    // Deep nesting in place of a value (1,000 levels; the stack is the 500,000-level test's).
    leaf.map((l) => {
      const f = clone();
      setAt(f, l.path, "@@DEEP@@");
      const deep = `${"[".repeat(1_000)}${"]".repeat(1_000)}`;
      return { text: JSON.stringify(f).replace('"@@DEEP@@"', deep), path: jsonPathOf(l.path), how: "deep nesting" };
    }),
    // Truncated JSON.
    fc.integer({ min: 0, max: baseText.trimEnd().length - 1 }).map((n) => ({
      text: baseText.slice(0, n),
      path: "$",
      how: "truncated",
    })),
    // Junk after the JSON.
    fc.constantFrom("x", "}", ",", "{}", "[1]", "\u0000", "// comment").map((j) => ({
      text: `${baseText}${j}`,
      path: "$",
      how: "trailing junk",
    })),
  );
}

function checkRefusal(r: PlanResult, m: Mutant): void {
  if (r.ok) throw new Error(`accepted a malformed file (${m.how}): ${m.text.slice(0, 300)}`);
  expect(r.error.path.length).toBeGreaterThan(0);
  expect(r.error.message.en.length).toBeGreaterThan(0);
  expect(r.error.message.zh.length).toBeGreaterThan(0);
  expect(r.error.message.zh).toMatch(/[\u4e00-\u9fff]/);
  if (m.path !== undefined) expect({ how: m.how, path: r.error.path }).toEqual({ how: m.how, path: m.path });
  if (r.error.path !== "$") {
    // The message starts with the path in both languages.
    expect(r.error.message.en.startsWith(`${r.error.path}: `)).toBe(true);
    expect(r.error.message.zh.startsWith(`${r.error.path}：`)).toBe(true);
  }
}

/**
 * Any code point, lone surrogates included: the alphabet of fast-check's `unit: "binary"`,
 * without the second it spends building that unit's table on first use.
 */
const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c));

describe("parsePlan fuzzing (fast-check)", () => {
  for (const b of BASES) {
    it(`refuses every malformed variant of ${b.label} and names the mutated field`, () => {
      expect(parsePlan(b.text).ok).toBe(true);
      fc.assert(
        fc.property(mutants(b.text), (m) => {
          let r: PlanResult | undefined;
          expect(() => {
            r = parsePlan(m.text);
          }).not.toThrow();
          checkRefusal(r as PlanResult, m);
        }),
        { numRuns: 400 },
      );
    });
  }

  it("never throws on arbitrary text and refuses arbitrary JSON values", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: anyCodePoint, maxLength: 200 }), fc.jsonValue().map((v) => JSON.stringify(v))), (t) => {
        const r = parsePlan(t);
        checkRefusal(r, { text: t, how: "arbitrary" });
      }),
      { numRuns: 500 },
    );
  });

  it("refuses arbitrary objects that claim to be plans", () => {
    const claim = fc.record({
      schema: fc.constant("dtc-plan"),
      version: fc.constant(1),
      kind: fc.constantFrom("gta", "hotplan"),
      name: fc.jsonValue(),
      inputs: fc.jsonValue(),
    });
    fc.assert(
      fc.property(claim, (v) => {
        checkRefusal(parsePlan(JSON.stringify(v)), { text: JSON.stringify(v), how: "claim" });
      }),
      { numRuns: 300 },
    );
  });

  it("refuses every newer version with the update message, naming the version", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: Number.MAX_SAFE_INTEGER }), (v) => {
        const e = refused(parsePlan(JSON.stringify({ ...hotFile(), version: v })));
        expect(e.path).toBe("version");
        expect(e.message.en).toBe(
          `version: this file was written by a newer version of DTC Metrics (version ${v}); update the add-in`,
        );
      }),
      { numRuns: 100 },
    );
  });
});
