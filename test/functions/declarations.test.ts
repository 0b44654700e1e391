/*
 * One declaration per parameter (src/excel/params.ts): the JSDoc wrappers (the source of the
 * BUILT functions.json), the engine's declarations and the zh-CN metadata agree parameter by
 * parameter: the same names in the same order, the same optional flags, ranges where the
 * declaration reads a range, and a Chinese description for every parameter.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Param } from "../../src/excel/params";
import { AIPL_PAIR_PARAMS, AIPL_PARAMS } from "../../src/models/aipl";
import { CLV_PARAMS } from "../../src/models/clv";
import { FAST_PARAMS, FAST_ROWS_PARAMS } from "../../src/models/fast";
import { FASTPLUS_PARAMS } from "../../src/models/fastplus";
import { GROW_PARAMS, GROW_ROWS_PARAMS } from "../../src/models/grow";
import { NEO_PARAMS } from "../../src/models/neo";
import { START_PARAMS } from "../../src/models/start";
import { SUPER_PARAMS } from "../../src/models/super";
import { TGI_PARAMS } from "../../src/models/tgi";
import { GTA_PARAMS } from "../../src/plan/gta";
import { GTA_BUDGET_PARAMS } from "../../src/plan/gta-whatif";
import { HOTHEALTH_PARAMS } from "../../src/plan/hothealth";
import { HOTPLAN_PARAMS } from "../../src/plan/hotplan";
import { ASSOC_PARAMS } from "../../src/models/assoc";
import { CLUSTER_PARAMS } from "../../src/models/cluster";
import { CALIBRATE_PARAMS } from "../../src/models/calibrate";
import { DIAGNOSE_PARAMS, INDEX_PARAMS } from "../../src/diagnose/diagnose";
import { SQL_PARAMS } from "../../src/sql/compile";
import { DIST, type FunctionMeta } from "../harness/bundle";

/** Every function's declaration, by id. A function missing here fails the first test. */
const DECLARED: Record<string, readonly Param[]> = {
  AIPL: AIPL_PARAMS,
  "AIPL.FLOW": AIPL_PAIR_PARAMS,
  "AIPL.DEEPEN": AIPL_PAIR_PARAMS,
  FAST: FAST_PARAMS,
  "FAST.ROWS": FAST_ROWS_PARAMS,
  FASTPLUS: FASTPLUS_PARAMS,
  START: START_PARAMS,
  TGI: TGI_PARAMS,
  CLV: CLV_PARAMS,
  GROW: GROW_PARAMS,
  "GROW.ROWS": GROW_ROWS_PARAMS,
  NEO: NEO_PARAMS,
  SUPER: SUPER_PARAMS,
  GTA: GTA_PARAMS,
  "GTA.BUDGET": GTA_BUDGET_PARAMS,
  HOTPLAN: HOTPLAN_PARAMS,
  HOTHEALTH: HOTHEALTH_PARAMS,
  ASSOC: ASSOC_PARAMS,
  CLUSTER: CLUSTER_PARAMS,
  CALIBRATE: CALIBRATE_PARAMS,
  INDEX: INDEX_PARAMS,
  DIAGNOSE: DIAGNOSE_PARAMS,
  SQL: SQL_PARAMS,
};

const read = (f: string): { functions: FunctionMeta[] } => JSON.parse(readFileSync(path.join(DIST, f), "utf8"));
const en = read("functions.json").functions;
const zh = read("functions.zh-CN.json").functions;

describe("parameter declarations", () => {
  it("every function of functions.json has a declaration, and every declaration a function", () => {
    expect(en.map((f) => f.id).sort()).toEqual(Object.keys(DECLARED).sort());
  });

  for (const f of en) {
    it(`${f.id}: wrappers, declaration and zh-CN metadata agree parameter by parameter`, () => {
      const decl = DECLARED[f.id];
      expect(f.parameters.map((p) => p.name)).toEqual(decl.map((p) => p.name));
      f.parameters.forEach((p, k) => {
        const d = decl[k];
        expect(!!p.optional, `${f.id} ${p.name} optional`).toBe(!!d.optional);
        // A declared range or list of numbers is a matrix parameter (any[][]); a scalar is not.
        const range = d.type === "range" || d.type === "numbers";
        expect(p.dimensionality === "matrix", `${f.id} ${p.name} dimensionality`).toBe(range);
      });
      const z = zh.find((g) => g.id === f.id);
      expect(z, `${f.id} in functions.zh-CN.json`).toBeDefined();
      expect(z!.parameters.map((p) => p.name)).toEqual(decl.map((p) => p.name));
      for (const p of z!.parameters) expect(p.description ?? "", `${f.id} ${p.name} zh`).toMatch(/[\u4e00-\u9fff]/);
    });
  }
});
