/**
 * The error contract, fuzzed (issue #9; SPEC section 0, "Errors").
 *
 * Drives EVERY function listed in the built functions.json (read at run time, so functions
 * added later are covered) through the BUILT bundle in headless Chromium with random
 * Excel-shaped arguments: nasty scalars and ranges (test/robustness/arbitraries.ts), and
 * semi-valid arguments per function with one cell or one argument perturbed, so the fuzz reaches
 * the formulas and not just the first validation.
 *
 * Property, for every call:
 * - it returns within 2 s (timed per call inside the page; a batch has a deadline too);
 * - the result is a finite number, a string or a boolean, or a non-empty rectangular 2-D array
 *   of them, where any value may instead be an Excel error of SPEC's set (`#VALUE!`, `#N/A`,
 *   `#DIV/0!`, `#NUM!`) with a non-empty one-line message without unfilled `{placeholders}`;
 * - never a raw exception (harness `THROWN`), `undefined`/`null`, NaN or Infinity
 *   (harness `NONFINITE`), nor an `internal error:` message (an unexpected exception caught by
 *   the safety net in functions/shape.ts: a bug);
 * - a whole-call `#VALUE!`'s message starts with one of the function's parameter names.
 *
 * Size: DTC_FUZZ_RUNS calls in total (default 20,000), split evenly over the functions, in
 * batches of up to 500 calls per page round trip. Seed: DTC_FUZZ_SEED (default fixed, logged);
 * each function's stream is seeded from it and the function id, so adding a function does not
 * change the others'. A quarter of the batches run with Office's display language set to
 * zh-CN (Chinese messages). Counts per function and per error kind are printed at the end.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { DIST, loadBundle, type Bundle, type FunctionMeta, type XlResult } from "../harness/bundle";
import { genericSemiValid, nastyFor, nastyScalar, perturbOne, SEMI_VALID, type Args } from "./arbitraries";

const TOTAL = Math.max(1, Number(process.env.DTC_FUZZ_RUNS ?? 20_000));
const SEED = Number(process.env.DTC_FUZZ_SEED ?? 20251111);
const BATCH = 500;
/** SPEC's error kinds. */
const KINDS = new Set(["#VALUE!", "#N/A", "#DIV/0!", "#NUM!"]);
/** Per call, in the page. */
const CALL_LIMIT_MS = 2000;
/** Per batch round trip (a hanging call must fail the test, not hang it). */
const BATCH_DEADLINE_MS = 60_000;

const metadata = JSON.parse(readFileSync(path.join(DIST, "functions.json"), "utf8")) as { functions: FunctionMeta[] };
const FUNCTIONS = metadata.functions;
const PER_FUNCTION = Math.ceil(TOTAL / FUNCTIONS.length);

/** A stable 31-bit seed for one function's stream. */
function seedOf(id: string): number {
  let h = SEED | 0;
  for (let i = 0; i < id.length; i++) h = (Math.imul(h, 31) + id.charCodeAt(i)) | 0;
  return h & 0x7fffffff;
}

// --- arguments ----------------------------------------------------------------------------------

/**
 * One call's arguments, in the metadata's parameter order (missing optionals are null):
 * - 40 %: semi-valid, unchanged;
 * - 30 %: semi-valid with one cell (or one scalar argument) replaced by a nasty value;
 * - 10 %: semi-valid with one argument replaced by a random one of its kind;
 * - 20 %: every argument random (nasty scalars, nasty ranges per `dimensionality`).
 */
function argsFor(meta: FunctionMeta): fc.Arbitrary<unknown[]> {
  const semi = SEMI_VALID[meta.id] ?? genericSemiValid(meta);
  const nasty = fc.tuple(...meta.parameters.map(nastyFor));
  const order = (a: Args): unknown[] => meta.parameters.map((p) => (p.name in a ? a[p.name] : null));
  const n = meta.parameters.length;
  return fc.oneof(
    { weight: 4, arbitrary: semi.map(order) },
    {
      weight: 3,
      arbitrary: fc.tuple(semi, fc.nat({ max: n - 1 }), fc.nat(), nastyScalar).map(([a, k, pick, v]) => {
        const args = order(a);
        args[k] = perturbOne(args[k], pick, v);
        return args;
      }),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(semi, nasty, fc.nat({ max: n - 1 })).map(([a, r, k]) => {
        const args = order(a);
        args[k] = r[k];
        return args;
      }),
    },
    { weight: 2, arbitrary: nasty },
  );
}

// --- checking -----------------------------------------------------------------------------------

interface Timed {
  r: XlResult | { error: string; message?: string };
  ms: number;
}

interface Counts {
  calls: number;
  values: number;
  errors: Record<string, number>;
  cellErrors: Record<string, number>;
  /** `#NUM!` produced by the safety net of shape.ts for a non-finite engine number. */
  safetyNetNum: number;
  maxMs: number;
  /** A few calls that hit the safety-net `#NUM!` (printed with DTC_FUZZ_VERBOSE=1). */
  examples: string[];
}
const counts: Record<string, Counts> = {};
const started = Date.now();

const isErr = (v: unknown): v is { error: string; message?: unknown } =>
  typeof v === "object" && v !== null && !Array.isArray(v) && "error" in v;

/** Problems with one returned value (a cell or the whole result); empty when it is fine. */
function checkValue(v: unknown, meta: FunctionMeta, whole: boolean, c: Counts, inputs: string): string[] {
  if (typeof v === "number") return Number.isFinite(v) ? [] : [`non-finite number ${v}`];
  if (typeof v === "string" || typeof v === "boolean") return [];
  if (v === null || v === undefined) return ["undefined/null value"];
  if (!isErr(v)) return [`unexpected value ${JSON.stringify(v)}`];
  const kind = v.error;
  const msg = v.message;
  if (whole) c.errors[kind] = (c.errors[kind] ?? 0) + 1;
  else c.cellErrors[kind] = (c.cellErrors[kind] ?? 0) + 1;
  const bad: string[] = [];
  if (!KINDS.has(kind)) bad.push(`error kind ${kind}${msg ? ` (${String(msg)})` : ""}`);
  // SPEC: invalid input fails the whole call; a cell of a returned row is #DIV/0!, #N/A or #NUM!.
  if (!whole && kind === "#VALUE!") bad.push(`#VALUE! inside a returned array: ${String(msg)}`);
  if (typeof msg !== "string" || msg.trim() === "") return [...bad, `${kind} without a message`];
  if (/[\r\n]/.test(msg)) bad.push(`${kind} message is not one line: ${JSON.stringify(msg)}`);
  if (/^(internal error|内部错误)/.test(msg)) bad.push(`${kind} from the safety net: ${msg}`);
  if (/\{\w+\}/.test(msg) && !/\{\w+\}/.test(inputs)) bad.push(`${kind} message with an unfilled placeholder: ${msg}`);
  if (/\bundefined\b|\[object |\bNaN\b/.test(msg) && !/undefined|object|NaN/.test(inputs)) {
    bad.push(`${kind} message shows a broken value: ${msg}`);
  }
  if (/the result is not a finite number/.test(msg) || /结果不是有限数值/.test(msg)) {
    c.safetyNetNum++;
    if (c.examples.length < 4 && !c.examples.includes(inputs)) c.examples.push(inputs);
  }
  if (whole && kind === "#VALUE!") {
    const names = meta.parameters.map((p) => p.name);
    if (!names.some((n) => msg === n || msg.startsWith(`${n} `) || msg.startsWith(`${n}:`) || msg.startsWith(`${n}：`))) {
      bad.push(`#VALUE! message does not start with a parameter name (${names.join(", ")}): ${msg}`);
    }
  }
  return bad;
}

/** Problems with one call's result. */
function checkResult(t: Timed, meta: FunctionMeta, c: Counts, inputs: string): string[] {
  const bad: string[] = [];
  if (t.ms > CALL_LIMIT_MS) bad.push(`took ${t.ms.toFixed(0)} ms`);
  const r = t.r as unknown;
  if (Array.isArray(r)) {
    if (r.length === 0 || !Array.isArray(r[0]) || (r[0] as unknown[]).length === 0) return [...bad, "empty or 1-D array"];
    const w = (r[0] as unknown[]).length;
    let ok = true;
    for (const row of r as unknown[][]) {
      if (!Array.isArray(row) || row.length !== w) return [...bad, "ragged array"];
      for (const v of row) {
        const p = checkValue(v, meta, false, c, inputs);
        if (p.length) {
          ok = false;
          bad.push(...p);
        }
      }
    }
    if (ok) c.values++;
    return bad;
  }
  const p = checkValue(r, meta, true, c, inputs);
  if (!isErr(r) && p.length === 0) c.values++;
  return [...bad, ...p];
}

// --- the run ------------------------------------------------------------------------------------

let b: Bundle;
let paramCounts: Record<string, number>;

/** Sentinels for the values JSON cannot carry (the batch travels as one JSON text: much faster). */
const UNDEF = "\u0001undefined";
const NEG_ZERO = "\u0001-0";

/** Call a batch in one round trip, timing each call inside the page. */
async function callTimed(calls: unknown[][], zh: boolean): Promise<Timed[]> {
  const text = JSON.stringify(calls, (_k, v: unknown) =>
    v === undefined ? UNDEF : typeof v === "number" && Object.is(v, -0) ? NEG_ZERO : v,
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`batch of ${calls.length} calls exceeded ${BATCH_DEADLINE_MS} ms`)), BATCH_DEADLINE_MS);
  });
  try {
    const out = await Promise.race([
      b.page.evaluate(
        ([meta, json, lang, undef, negZero]) => {
          const w = window as unknown as {
            Office?: unknown;
            __call: (m: unknown, id: unknown, args: unknown[]) => unknown;
          };
          const revive = (x: unknown): unknown => {
            if (x === undef) return undefined;
            if (x === negZero) return -0;
            if (Array.isArray(x)) for (let i = 0; i < x.length; i++) x[i] = revive(x[i]);
            return x;
          };
          const cs = revive(JSON.parse(json)) as unknown[][];
          if (lang) w.Office = { context: { displayLanguage: "zh-CN" } };
          else delete w.Office;
          return JSON.stringify(
            cs.map(([id, ...args]) => {
              const t0 = performance.now();
              const r = w.__call(meta, id, args);
              return { r, ms: performance.now() - t0 };
            }),
          );
        },
        [paramCounts, text, zh, UNDEF, NEG_ZERO] as const,
      ),
      deadline,
    ]);
    return JSON.parse(out) as Timed[];
  } finally {
    clearTimeout(timer);
  }
}

/** Short JSON of a call for failure reports (long blank tails elided). */
function show(call: unknown[]): string {
  return JSON.stringify(call, (_k, v: unknown) => {
    if (Array.isArray(v) && v.length > 30) return [...v.slice(0, 30), `…(${v.length - 30} more)`];
    if (v === undefined) return "<undefined>";
    if (typeof v === "number" && Object.is(v, -0)) return "<-0>";
    return v;
  });
}

beforeAll(async () => {
  b = await loadBundle();
  paramCounts = Object.fromEntries(FUNCTIONS.map((f) => [f.id, f.parameters.length]));
  console.log(
    `fuzz: ${FUNCTIONS.length} functions from ${path.join(DIST, "functions.json")}, ${PER_FUNCTION} calls each ` +
      `(DTC_FUZZ_RUNS=${TOTAL}), seed DTC_FUZZ_SEED=${SEED}`,
  );
});

afterAll(async () => {
  await b?.close();
  const ids = Object.keys(counts);
  if (!ids.length) return;
  const total = ids.reduce((s, id) => s + counts[id].calls, 0);
  const kinds: Record<string, number> = {};
  const lines = ids.map((id) => {
    const c = counts[id];
    for (const [k, n] of Object.entries(c.errors)) kinds[k] = (kinds[k] ?? 0) + n;
    const e = Object.entries(c.errors).map(([k, n]) => `${k} ${n}`).join(", ") || "none";
    const ce = Object.entries(c.cellErrors).map(([k, n]) => `${k} ${n}`).join(", ") || "none";
    return (
      `  ${id.padEnd(12)} ${String(c.calls).padStart(6)} calls; ${String(c.values).padStart(5)} values; ` +
      `errors: ${e}; error cells: ${ce}; safety-net #NUM! ${c.safetyNetNum}; slowest ${c.maxMs.toFixed(1)} ms` +
      (process.env.DTC_FUZZ_VERBOSE ? c.examples.map((x) => `\n      #NUM! ← ${x.slice(0, 300)}`).join("") : "")
    );
  });
  console.log(
    `fuzz summary (seed ${SEED}): ${total} calls over ${ids.length} functions in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
      `whole-call errors: ${Object.entries(kinds).map(([k, n]) => `${k} ${n}`).join(", ")}\n${lines.join("\n")}`,
  );
});

describe("error contract, fuzzed through the built bundle", () => {
  it("lists functions in functions.json and associates every one", () => {
    expect(FUNCTIONS.length).toBeGreaterThan(0);
    expect(b.loadErrors).toEqual([]);
    expect([...b.associated].sort()).toEqual(FUNCTIONS.map((f) => f.id).sort());
  });

  it.each(FUNCTIONS.map((f) => [f.id, f] as const))("DTC.%s", async (id, meta) => {
    const c: Counts = (counts[id] = { calls: 0, values: 0, errors: {}, cellErrors: {}, safetyNetNum: 0, maxMs: 0, examples: [] });
    const size = Math.min(BATCH, PER_FUNCTION);
    const runs = Math.ceil(PER_FUNCTION / size);
    let batchNo = 0;
    const run = await fc.check(
      fc.asyncProperty(fc.array(argsFor(meta), { minLength: size, maxLength: size }), async (batch) => {
        const calls = batch.map((args) => [id, ...args]);
        const zh = batchNo++ % 4 === 3;
        const results = await callTimed(calls, zh);
        const failures: string[] = [];
        results.forEach((t, k) => {
          c.calls++;
          c.maxMs = Math.max(c.maxMs, t.ms);
          const inputs = show(calls[k]);
          const bad = checkResult(t, meta, c, inputs);
          if (bad.length && failures.length < 5) {
            failures.push(`${inputs}${zh ? " [zh-CN]" : ""}\n    → ${JSON.stringify(t.r).slice(0, 400)}\n    ✗ ${bad.slice(0, 3).join("; ")}`);
          }
        });
        if (failures.length) throw new Error(`DTC.${id}: the error contract is broken by\n  ${failures.join("\n  ")}`);
      }),
      // Batches are not shrunk (a failing batch lists its failing calls instead), and the batch
      // itself is not printed: the error names the failing calls, the seed and the path.
      { seed: seedOf(id), numRuns: runs, endOnFailure: true },
    );
    if (run.failed) {
      const why = run.errorInstance instanceof Error ? run.errorInstance.message : String(run.errorInstance);
      throw new Error(`${why}\n(fast-check seed ${run.seed}, path "${run.counterexamplePath}"; DTC_FUZZ_SEED=${SEED})`);
    }
    expect(c.calls).toBe(size * runs);
  }, 120_000);

  /**
   * Huge ranges: semi-valid calls whose column-shaped range arguments (n×k with n > 1, or 1×1)
   * are whole-column references, i.e. extended in the page to 1,048,576 rows with a blank tail
   * ("", null or undefined). The same contract holds, each call within 2 s.
   */
  it.each(FUNCTIONS.map((f) => [f.id, f] as const))("DTC.%s with whole-column ranges", async (id, meta) => {
    const semi = SEMI_VALID[id] ?? genericSemiValid(meta);
    const calls = fc
      .sample(semi, { seed: seedOf(`${id}/whole-column`), numRuns: 3 })
      .map((a) => meta.parameters.map((p) => (p.name in a ? a[p.name] : null)));
    const matrices = meta.parameters.map((p, j) => (p.dimensionality === "matrix" ? j : -1)).filter((j) => j >= 0);
    const out = (await b.page.evaluate(
      ([fid, meta, cs, mat, undef]) => {
        const w = window as unknown as { __call: (m: unknown, id: unknown, args: unknown[]) => unknown };
        return JSON.stringify(
          (cs as unknown[][]).map((args, k) => {
            const blank = [ "", null, undefined ][k % 3];
            for (const j of mat) {
              const g = args[j] as unknown[][];
              if (!Array.isArray(g) || g.length === 0 || (g.length === 1 && g[0].length > 1)) continue;
              const row = new Array(g[0].length).fill(blank);
              while (g.length < 1_048_576) g.push(row);
            }
            const t0 = performance.now();
            const r = w.__call(meta, fid, args);
            return { r, ms: performance.now() - t0, blank: blank === undefined ? undef : blank };
          }),
        );
      },
      [id, paramCounts, calls, matrices, "<undefined>"] as const,
    )) as string;
    const c: Counts = { calls: 0, values: 0, errors: {}, cellErrors: {}, safetyNetNum: 0, maxMs: 0, examples: [] };
    const results = JSON.parse(out) as (Timed & { blank: unknown })[];
    const failures = results
      .map((t, k) => ({ bad: checkResult(t, meta, c, show([id, ...calls[k]])), t, k }))
      .filter((x) => x.bad.length)
      .map((x) => `${show([id, ...calls[x.k]])} + blank tail ${JSON.stringify(x.t.blank)} → ${JSON.stringify(x.t.r).slice(0, 300)}: ${x.bad.join("; ")}`);
    expect(failures).toEqual([]);
    expect(results).toHaveLength(3);
  }, 60_000);

  /**
   * Messages name the argument AND the 1-based row/column: one cell of a valid (semi-valid) call
   * is replaced by a value no cell type accepts; when the original call returned values and the
   * perturbed one returns `#VALUE!` naming that argument, the message must point at that cell.
   * (Cells of a header row and blank cells are not perturbed: they can legitimately move the
   * error elsewhere.)
   */
  it.each(FUNCTIONS.map((f) => [f.id, f] as const))("DTC.%s: a bad cell is named by argument, row and column", async (id, meta) => {
    const semi = SEMI_VALID[id] ?? genericSemiValid(meta);
    const grids = meta.parameters.map((p, k) => (p.dimensionality === "matrix" ? k : -1)).filter((k) => k >= 0);
    if (!grids.length) return;
    const samples = fc.sample(
      fc.tuple(semi, fc.constantFrom(...grids), fc.nat(), fc.nat(), fc.constantFrom(...TYPE_ERRORS)),
      { seed: seedOf(`${id}/located`), numRuns: 300 },
    );
    const pairs: { orig: unknown[]; bad: unknown[]; k: number; i: number; j: number; rows: number; cols: number }[] = [];
    for (const [a, k, pi, pj, v] of samples) {
      const orig = meta.parameters.map((p) => (p.name in a ? a[p.name] : null));
      const g = orig[k] as unknown[][];
      if (!Array.isArray(g) || !g.length || !Array.isArray(g[0])) continue;
      const data = g.findIndex((r) => r.every((c) => c === "" || c === null || c === undefined));
      const rows = g.length;
      const used = data < 0 ? rows : data;
      const i = rows === 1 ? 0 : 1 + (pi % Math.max(1, used - 1));
      if (i >= used) continue;
      const j = pj % g[0].length;
      const cell = g[i][j];
      if (cell === "" || cell === null || cell === undefined) continue;
      const bad = orig.slice();
      bad[k] = g.map((r, ii) => (ii === i ? r.map((c, jj) => (jj === j ? v : c)) : r));
      pairs.push({ orig, bad, k, i, j, rows, cols: g[0].length });
    }
    const results = await callTimed(pairs.flatMap((p) => [[id, ...p.orig], [id, ...p.bad]]), false);
    const failures: string[] = [];
    let checked = 0;
    pairs.forEach((p, n) => {
      const o = results[2 * n].r as unknown;
      const r = results[2 * n + 1].r as unknown;
      if (isErr(o) || !isErr(r) || r.error !== "#VALUE!" || typeof r.message !== "string") return;
      const name = meta.parameters[p.k].name;
      if (!r.message.startsWith(name)) return;
      checked++;
      const place = placeOf(r.message);
      const ok = expectedPlaces(name, p.rows, p.cols, p.i, p.j);
      if (!ok.includes(place) && failures.length < 5) {
        failures.push(`${show([id, ...p.bad])}: cell row ${p.i + 1} column ${p.j + 1} of ${p.rows}×${p.cols} → ${r.message}`);
      }
    });
    console.log(`DTC.${id}: ${checked} located #VALUE! messages checked`);
    expect(failures).toEqual([]);
  }, 60_000);
});

/** Values that are no number, stage, flag, rate or option word anywhere (labels may hold them). */
const TYPE_ERRORS = ["#N/A", "garbage", "１２３", "—", "1,200", "x1"];

/**
 * Where a `#VALUE!` for cell (i, j) (0-based) of a `rows × cols` range argument `name` may point:
 * a column vector names the row, a row vector the column, a block both.
 */
function expectedPlaces(name: string, rows: number, cols: number, i: number, j: number): string[] {
  const both = `${name} row ${i + 1} column ${j + 1}`;
  if (rows > 1 && cols > 1) return [both];
  if (rows > 1) return [`${name} row ${i + 1}`, both];
  if (cols > 1) return [`${name} column ${j + 1}`, both];
  return [`${name} row 1`, `${name} column 1`, both, name];
}

/** Place prefix of a message: the text before the first ": " (English messages). */
const placeOf = (msg: string): string => {
  const k = msg.indexOf(": ");
  const head = k < 0 ? msg : msg.slice(0, k);
  // "lengthMismatch"-style messages continue the argument name with a sentence; a column found
  // by its header adds the header in brackets ("crowds row 2 column 3 (转化率)").
  return head.replace(/ (has|is) .*$/, "").replace(/ \([^()]*\)$/, "");
};

/** The checker itself: each kind of broken result is caught (so the property can fail). */
describe("the contract checker", () => {
  const meta: FunctionMeta = {
    id: "X",
    name: "X",
    description: "",
    parameters: [{ name: "stages" }, { name: "with_headers", optional: true }],
  };
  const check = (r: unknown, ms = 1): string[] =>
    checkResult({ r: r as XlResult, ms }, meta, { calls: 0, values: 0, errors: {}, cellErrors: {}, safetyNetNum: 0, maxMs: 0, examples: [] }, "[]");
  it("accepts finite values, text, booleans, rectangular arrays and SPEC errors with a message", () => {
    expect(check(1.5)).toEqual([]);
    expect(check([["A", true, -0], [1, "", { error: "#DIV/0!", message: "T: the denominator is 0" }]])).toEqual([]);
    expect(check({ error: "#VALUE!", message: 'stages row 3: unknown stage "X"' })).toEqual([]);
    expect(check({ error: "#VALUE!", message: "with_headers：“x”不是是/否值" })).toEqual([]);
  });
  it("rejects raw exceptions, non-finite numbers, undefined, safety-net messages and slow calls", () => {
    expect(check({ error: "THROWN", message: "boom" }).join()).toMatch(/error kind THROWN/);
    expect(check({ error: "NONFINITE:NaN" }).join()).toMatch(/NONFINITE/);
    expect(check([[1, { error: "NONFINITE:Infinity" }]]).join()).toMatch(/NONFINITE/);
    expect(check(null).join()).toMatch(/undefined\/null/);
    expect(check([[1, null]]).join()).toMatch(/undefined\/null/);
    expect(check({ error: "#VALUE!", message: "internal error: x is not a function" }).join()).toMatch(/safety net/);
    expect(check({ error: "#N/A", message: "" }).join()).toMatch(/without a message/);
    expect(check({ error: "#N/A", message: "a\nb" }).join()).toMatch(/one line/);
    expect(check({ error: "#N/A", message: "F: {what} missing" }).join()).toMatch(/placeholder/);
    expect(check({ error: "#VALUE!", message: "row 3: unknown" }).join()).toMatch(/parameter name/);
    expect(check([[{ error: "#VALUE!", message: "stages: bad" }]]).join()).toMatch(/inside a returned array/);
    expect(check([[1, 2], [3]]).join()).toMatch(/ragged/);
    expect(check([]).join()).toMatch(/empty/);
    expect(check(1, 2500).join()).toMatch(/took 2500 ms/);
  });
});

/**
 * Bugs the fuzz found, kept as fixed cases (see docs/robustness.md): each input once broke the
 * contract. Expected results are worked out by hand from SPEC.
 */
describe("regressions found by the fuzz", () => {
  it("GROW: a factor ratio that overflows (orders ÷ buyers with buyers = 5e-324) still gives finite G, R, O", async () => {
    // base [buyers 1, orders 1, gmv 1], current [buyers 5e-324 = 2^-1074, orders 1, gmv 1], all > 0 (valid).
    // V₀ = V₁ = 1, so L = V₀ = 1. G = ln(N₁/N₀) = ln 2^-1074 = -1074 · ln 2 = -744.4400719213812;
    // R = ln(F₁/F₀) = ln((1 ÷ 2^-1074) ÷ 1) = +744.4400719213812 (F₁ itself overflows to Infinity, which
    // made R = Infinity → #NUM! before the fix); O = ln(P₁/P₀) = ln 1 = 0; W = new_gmv = 0.
    // Check: G + R + O = 0 = V₁ − V₀.
    const r = (await b.call("GROW", [[1, 1, 1]], [[5e-324, 1, 1]])) as number[][];
    expect(r).toHaveLength(1);
    expect(r[0][0]).toBeCloseTo(-744.4400719213812, 9);
    expect(r[0][1]).toBeCloseTo(744.4400719213812, 9);
    expect(r[0][2]).toBeCloseTo(0, 12);
    expect(r[0][3]).toBe(0);
  });
  it("GROW: Infinity ÷ Infinity in both periods (was NaN → #NUM!) gives the finite log change", async () => {
    // base [buyers 5e-324, orders 1, gmv 2], current [buyers 5e-324, orders 2, gmv 2].
    // F₀ = 1 ÷ 2^-1074 and F₁ = 2 ÷ 2^-1074 both overflow; their ratio is 2. V₀ = V₁ = 2 → L = 2.
    // G = 2 · ln 1 = 0; R = 2 · ln 2 = 1.3862943611198906; O = 2 · ln((2/2) ÷ (2/1)) = -1.3862943611198906.
    const r = (await b.call("GROW", [[5e-324], [1], [2]], [[5e-324], [2], [2]])) as number[][];
    expect(r[0][0]).toBeCloseTo(0, 12);
    expect(r[0][1]).toBeCloseTo(1.3862943611198906, 12);
    expect(r[0][2]).toBeCloseTo(-1.3862943611198906, 12);
    expect(r[0][3]).toBe(0);
  });
});
