/**
 * Migrations of plan files from older format versions to the current one (docs/plans.md).
 *
 * A plan file carries `"version"`. {@link parsePlan} in `schema.ts` refuses a version newer
 * than the add-in knows, validates a current file directly, and hands an older file to
 * {@link migrate}, which applies one step per version (`0 → 1`, later `1 → 2` …) and returns
 * a value in the current shape; the current schema then validates that value as usual.
 *
 * Each step first checks, with its own zod schema, the fields it rewrites, so a refused old
 * file is reported with the paths and values of the file as written (`inputs.target`, a rate
 * of `150` percent), not of the upgraded value. Fields a step does not touch are copied as
 * they are and checked by the current schema afterwards.
 *
 * ## Version 0 (the early workbench format)
 * Identical to version 1 except that
 * - the GMV target was called `target` (version 1: `target_gmv`);
 * - rates were written in percent: `5` meant 5 % = 0.05. These are the GTA `conversion`, the
 *   hot-product funnel `i_to_p` and `a_to_i`, and the hot-product `cost_ratio`.
 *
 * ```json
 * {"schema": "dtc-plan", "version": 0, "kind": "gta", "name": "Double 11",
 *  "inputs": {"target": 100000000,
 *             "crowds": [{"stage": "L", "crowd": "", "count": 200000, "conversion": 30, "aov": 400}]}}
 * ```
 * migrates to `{"version": 1, …, "inputs": {"target_gmv": 100000000, "crowds": [{…, "conversion": 0.3, …}]}}`.
 *
 * This module depends on zod only; `schema.ts` imports it, never the other way round.
 */
import * as z from "zod";

/** One step of the chain: a file of version `from` becomes a file of version `from + 1`. */
export interface Migration {
  /** The version this step reads. */
  readonly from: number;
  /** Checks the fields the step rewrites, in the old shape. */
  readonly schema: z.ZodType;
  /** Rewrites a value that passed {@link Migration.schema}; returns the next version's shape. */
  readonly up: (value: Record<string, unknown>) => Record<string, unknown>;
}

/** The outcome of {@link migrate}: the upgraded value, or the zod issues of the step that refused it. */
export type MigrateResult =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; issues: z.core.$ZodIssue[]; version: number };

type Obj = Record<string, unknown>;

/**
 * A rate written in percent, converted to a fraction by dividing by 100: `5` → `0.05`.
 * Division by 100 is correctly rounded, so a percentage with few decimals becomes the same
 * double as the fraction typed directly (`5 / 100 === 0.05`).
 */
export function percentToRate(p: number): number {
  return p / 100;
}

const percent = z.number().min(0).max(100);

/** Version 0: only the parts the 0 → 1 step reads are checked; the rest passes through. */
const v0Schema = z.discriminatedUnion("kind", [
  z.looseObject({
    kind: z.literal("gta"),
    inputs: z.looseObject({
      target: z.number(),
      crowds: z.array(z.looseObject({ conversion: percent })),
    }),
  }),
  z.looseObject({
    kind: z.literal("hotplan"),
    inputs: z.looseObject({
      target: z.number(),
      funnel: z.array(z.looseObject({ i_to_p: percent, a_to_i: percent })),
      cost_ratio: z.number().min(0).max(1000).optional(),
    }),
  }),
]);

/** 0 → 1: rename `target` to `target_gmv`, turn percentages into fractions. */
function v0to1(file: Obj): Obj {
  const { target, ...rest } = file.inputs as Obj;
  const inputs: Obj = { target_gmv: target, ...rest };
  if (file.kind === "gta") {
    inputs.crowds = (rest.crowds as Obj[]).map((row) => ({
      ...row,
      conversion: percentToRate(row.conversion as number),
    }));
  } else {
    inputs.funnel = (rest.funnel as Obj[]).map((f) => ({
      ...f,
      i_to_p: percentToRate(f.i_to_p as number),
      a_to_i: percentToRate(f.a_to_i as number),
    }));
    if (typeof rest.cost_ratio === "number") inputs.cost_ratio = percentToRate(rest.cost_ratio);
  }
  return { ...file, version: 1, inputs };
}

/** The chain, indexed by the version each step reads. */
export const MIGRATIONS: readonly Migration[] = [{ from: 0, schema: v0Schema, up: v0to1 }];

/**
 * Upgrade a plan file of version `from` to version `to` (`from < to`), one step at a time.
 * `value` is the parsed JSON object; it is not modified. Never throws.
 */
export function migrate(value: Obj, from: number, to: number): MigrateResult {
  let cur = value;
  for (let v = from; v < to; v++) {
    const step = MIGRATIONS.find((m) => m.from === v);
    if (!step) {
      return {
        ok: false,
        version: v,
        issues: [{ code: "custom", path: ["version"], message: "planInvalid", input: v }],
      };
    }
    const checked = step.schema.safeParse(cur);
    if (!checked.success) return { ok: false, issues: checked.error.issues, version: v };
    cur = step.up(cur);
  }
  return { ok: true, value: cur };
}
