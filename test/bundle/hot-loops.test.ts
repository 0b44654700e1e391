/*
 * The production bundle keeps every loop in a function of its own, outside the function each
 * `CustomFunctions.associate` registers.
 *
 * Why (issue #13, `npm run bench`): Terser's `reduce_funcs` inlined single-use functions, so
 * FAST.ROWS' row loop (src/models/fast.ts `fastRowCounts`) became a function expression inside
 * the arrow that `modelRow` calls, created anew on every call. Headless Chromium 150 then
 * compiled that loop again on every recalculation (Maglev OSR, then Turbofan OSR, about 10 ms of
 * compile per call, traced with --trace-opt) and ran the first part of 1,048,576 rows in the
 * slower tiers: 2.05x its floor. With the loop in a module-level function, compiled code is
 * kept across calls: 1.44-1.72x. webpack.config.js turns `reduce_funcs` off; this test fails if
 * a loop ends up in a per-call closure again, whatever the cause.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "acorn";
import { describe, expect, it } from "vitest";
import { DIST } from "../harness/bundle";

type Node = { type: string; start: number; end: number; [k: string]: unknown };

const LOOPS = new Set(["ForStatement", "ForInStatement", "ForOfStatement", "WhileStatement", "DoWhileStatement"]);

/** Every node under `n` (depth first), `n` included. */
function* nodes(n: unknown): Generator<Node> {
  if (Array.isArray(n)) {
    for (const x of n) yield* nodes(x);
    return;
  }
  if (!n || typeof n !== "object" || typeof (n as Node).type !== "string") return;
  yield n as Node;
  for (const [k, v] of Object.entries(n)) if (k !== "type" && k !== "start" && k !== "end") yield* nodes(v);
}

/** `CustomFunctions.associate("ID", fn)` calls of a program: the id and the registered function. */
function associations(program: Node): { id: string; fn: Node }[] {
  const out: { id: string; fn: Node }[] = [];
  for (const n of nodes(program)) {
    if (n.type !== "CallExpression") continue;
    const callee = n.callee as Node & { object?: Node & { name?: string }; property?: Node & { name?: string } };
    if (callee.type !== "MemberExpression" || callee.object?.name !== "CustomFunctions" || callee.property?.name !== "associate") continue;
    const [id, fn] = n.arguments as (Node & { value?: unknown })[];
    out.push({ id: String(id.value), fn });
  }
  return out;
}

describe("production functions.js: no loop inside a registered function", () => {
  const source = readFileSync(path.join(DIST, "functions.js"), "utf8");
  const program = parse(source, { ecmaVersion: "latest", sourceType: "script" }) as unknown as Node;
  const all = associations(program);

  it("finds the registrations (the test sees the bundle)", () => {
    const ids = (JSON.parse(readFileSync(path.join(DIST, "functions.json"), "utf8")) as { functions: { id: string }[] }).functions.map((f) => f.id);
    expect(all.map((a) => a.id).sort()).toEqual([...ids].sort());
    expect(all.every((a) => a.fn.type === "FunctionExpression" || a.fn.type === "ArrowFunctionExpression" || a.fn.type === "Identifier")).toBe(true);
  });

  it("every loop of the bundle is in a module-level function, none inside an associate callback", () => {
    const offenders = all
      .map(({ id, fn }) => ({ id, loops: [...nodes(fn)].filter((n) => LOOPS.has(n.type)).map((n) => source.slice(n.start, Math.min(n.end, n.start + 60))) }))
      .filter((x) => x.loops.length > 0);
    expect(offenders).toEqual([]);
  });

  it("the check can fail: a loop inlined into a registered function is found", () => {
    const inlined = 'CustomFunctions.associate("X",function(e){return function(t){let n=0;for(let r=0;r<t.length;r++)n++;return n}(e)});';
    const found = associations(parse(inlined, { ecmaVersion: "latest" }) as unknown as Node);
    expect(found.map(({ fn }) => [...nodes(fn)].some((n) => LOOPS.has(n.type)))).toEqual([true]);
  });
});
