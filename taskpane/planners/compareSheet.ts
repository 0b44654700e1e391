/**
 * "Compare plans": two saved plans of the same kind side by side on a new sheet (SPEC §17, Pane).
 *
 * Pure: builds a {@link SheetPlan} from two plans; the `Workbook` port writes it. The sheet is a
 * SNAPSHOT: the inputs are the plans' own values and the results are computed by the engine
 * (`gta()` with its marginal cost, `hotplan()`) when the sheet is written, and written as values.
 * Only the differences are formulas, native ones over those value cells:
 *   Δ = B − A  →  `=IF(COUNT(x,y)<2,"",y-x)`;   Δ % = Δ ÷ |A|  →  blank when A is 0 or missing.
 * (Values rather than live formulas because the plans live in the workbook's plan library, not on
 * any sheet: there is nothing for a formula to refer to. To see a plan live, create its plan sheet.)
 *
 * Rows of the two plans are matched by key, the k-th occurrence with the k-th: GTA crowd rows by
 * (stage, crowd), hot-product phases and crowds by name (compared trimmed, case-insensitively).
 * Rows of A come first in A's order, then the rows only B has; a side without the row is blank.
 *
 * Layout (1-based rows): A1 title, A2 note, then sections down column A, each a heading, a header
 * row (two for the wide tables: the field over its four columns A | B | Δ | Δ %), and its rows:
 * Plans (A and B named), Inputs, the per-row input tables, Results, the per-row results.
 */
import { gta, type GtaRow } from "../../src/plan/gta";
import { marginalCost } from "../../src/plan/gta-whatif";
import { hotplan } from "../../src/plan/hotplan";
import { displayName } from "../../src/plan/store";
import type { GtaPlan, HotplanPlan, Plan } from "../../src/plan/schema";
import { colName } from "../workbook/a1";
import { f, type Block, type Cell, type NumberFormat, type SheetPlan } from "../workbook/port";
import { label, type LabelKey, type Lang } from "../i18n";

/** Where the comparison put things, for the tests: `rows["summary.baseline"]` = 1-based row. */
export interface CompareLayout {
  /** Row of each compared quantity, keyed `section.key` (scalar sections) or `section.k` (k-th row of a table). */
  rows: Record<string, number>;
  /**
   * Columns of a scalar section: A, B, Δ, Δ % in B…E. Wide tables: field j (0-based) of a table
   * with `keys` key columns has its A | B | Δ | Δ % in columns keys + 4j … keys + 4j + 3 (0-based).
   */
  keys: Record<string, number>;
  /** Field order of each wide table. */
  fields: Record<string, string[]>;
}

/** Column letters of field `j` of a wide table with `keys` key columns: [A, B, Δ, Δ %]. */
export function wideColumns(keys: number, j: number): [string, string, string, string] {
  const c = keys + 4 * j;
  return [colName(c), colName(c + 1), colName(c + 2), colName(c + 3)];
}

type Num = number | null;
interface Field {
  key: string;
  label: string;
  format: NumberFormat;
}
interface WideRow {
  keys: Cell[];
  a: Record<string, Num | string> | null;
  b: Record<string, Num | string> | null;
}

/** Build the comparison sheet of `a` and `b` (same kind). `now` dates the snapshot (default today). */
export function compareSheet(a: Plan, b: Plan, lang: Lang, opts: { now?: string } = {}): { plan: SheetPlan; layout: CompareLayout } {
  if (a.kind !== b.kind) throw new Error(`cannot compare a ${a.kind} plan with a ${b.kind} plan`);
  const L = (k: LabelKey, p?: Record<string, string | number>) => label(k, lang, p);
  const nameA = displayName(a, lang);
  const nameB = displayName(b, lang);
  const date = (opts.now ?? new Date().toISOString()).slice(0, 10);
  const blocks: Block[] = [];
  const layout: CompareLayout = { rows: {}, keys: {}, fields: {} };
  let row = 1;

  blocks.push({ anchor: "A1", cells: [[L("cmp_title", { a: nameA, b: nameB })]], style: "title" });
  blocks.push({ anchor: "A2", cells: [[L("cmp_note", { date })]], style: "note" });
  row = 4;

  const heading = (text: string) => {
    blocks.push({ anchor: `A${row}`, cells: [[text]], style: "heading" });
    row += 1;
  };
  const delta = (x: string, y: string) => f(`=IF(COUNT(${x},${y})<2,"",${y}-${x})`);
  const pct = (x: string, y: string) => f(`=IF(COUNT(${x},${y})<2,"",IF(${x}=0,"",(${y}-${x})/ABS(${x})))`);
  const cell = (v: Num | string | undefined): Cell => (v === undefined ? null : v);

  /** A section of single quantities: label | A | B | Δ | Δ %. */
  const scalars = (section: string, items: { key: string; label: string; a: Num | string; b: Num | string; format: NumberFormat }[]) => {
    const top = row;
    const cells: Cell[][] = [[null, "A", "B", L("cmp_delta"), L("cmp_pct")]];
    const formats: (NumberFormat | null)[][] = [[null, null, null, null, null]];
    items.forEach((it, i) => {
      const r = top + 1 + i;
      layout.rows[`${section}.${it.key}`] = r;
      cells.push([it.label, cell(it.a), cell(it.b), delta(`B${r}`, `C${r}`), pct(`B${r}`, `C${r}`)]);
      formats.push([null, it.format, it.format, it.format, "percent"]);
    });
    blocks.push({ anchor: `A${top}`, cells, formats, rowStyles: [{ row: 0, style: "header" }] });
    row = top + cells.length + 1;
  };

  /** A table of matched rows: key columns, then per field A | B | Δ | Δ %. */
  const wide = (section: string, keyHeads: string[], fields: Field[], rows: WideRow[]) => {
    const k = keyHeads.length;
    layout.keys[section] = k;
    layout.fields[section] = fields.map((x) => x.key);
    const top = row;
    const head1: Cell[] = [...keyHeads.map(() => null), ...fields.flatMap((x) => [x.label, null, null, null])];
    const head2: Cell[] = [...keyHeads, ...fields.flatMap(() => ["A", "B", L("cmp_delta"), L("cmp_pct")])];
    const cells: Cell[][] = [head1, head2];
    const formats: (NumberFormat | null)[][] = [head1.map(() => null), head2.map(() => null)];
    rows.forEach((wr, i) => {
      const r = top + 2 + i;
      layout.rows[`${section}.${i}`] = r;
      const line: Cell[] = [...wr.keys];
      const fmt: (NumberFormat | null)[] = wr.keys.map(() => null);
      fields.forEach((x, j) => {
        const [ca, cb] = wideColumns(k, j);
        line.push(cell(wr.a ? wr.a[x.key] : null), cell(wr.b ? wr.b[x.key] : null), delta(`${ca}${r}`, `${cb}${r}`), pct(`${ca}${r}`, `${cb}${r}`));
        fmt.push(x.format, x.format, x.format, "percent");
      });
      cells.push(line);
      formats.push(fmt);
    });
    blocks.push({ anchor: `A${top}`, cells, formats, rowStyles: [{ row: 0, style: "header" }, { row: 1, style: "header" }] });
    row = top + cells.length + 1;
  };

  // --- Plans ----------------------------------------------------------------------------------
  heading(L("cmp_plans"));
  {
    const top = row;
    const kind = L(a.kind === "gta" ? "plansKind_gta" : "plansKind_hotplan");
    blocks.push({
      anchor: `A${top}`,
      cells: [
        [null, L("cmp_name"), L("cmp_kind"), L("cmp_updated")],
        ["A", nameA, kind, (a.updated ?? "").slice(0, 10)],
        ["B", nameB, kind, (b.updated ?? "").slice(0, 10)],
      ],
      rowStyles: [{ row: 0, style: "header" }],
    });
    row = top + 4;
  }

  if (a.kind === "gta") gtaSections(a, b as GtaPlan);
  else hotSections(a, b as HotplanPlan);

  function gtaSections(pa: GtaPlan, pb: GtaPlan): void {
    const ra = pa.inputs.crowds as GtaRow[];
    const rb = pb.inputs.crowds as GtaRow[];
    heading(L("inputsHeading"));
    scalars("inputs", [
      { key: "target_gmv", label: L("targetGmv"), a: pa.inputs.target_gmv, b: pb.inputs.target_gmv, format: "currency" },
      { key: "rows", label: L("cmp_rows"), a: ra.length, b: rb.length, format: "persons" },
    ]);
    const pairs = match(ra, rb, (r) => `${r.stage}\u0000${norm(r.crowd)}`);
    const keyCells = (x: GtaRow): Cell[] => [x.stage, x.crowd];
    heading(L("cmp_crowdInputs"));
    const inFields: Field[] = [
      { key: "count", label: L("col_count"), format: "persons" },
      { key: "conversion", label: L("col_conversion"), format: "percent" },
      { key: "aov", label: L("col_aov"), format: "currency2" },
      { key: "cost", label: L("col_cost"), format: "currency2" },
      { key: "capacity", label: L("col_capacity"), format: "persons" },
    ];
    const inputs = (x: GtaRow): Record<string, Num> => ({
      count: x.count,
      conversion: x.conversion,
      aov: x.aov,
      cost: x.cost ?? null,
      capacity: x.capacity ?? null,
    });
    wide("crowdInputs", [L("col_stage"), L("col_crowd")], inFields, pairs.map(([i, j]) => ({
      keys: keyCells(i !== null ? ra[i] : rb[j as number]),
      a: i === null ? null : inputs(ra[i]),
      b: j === null ? null : inputs(rb[j]),
    })));

    const resA = gta(pa.inputs.target_gmv, ra);
    const resB = gta(pb.inputs.target_gmv, rb);
    const mc = (res: typeof resA, rows: GtaRow[]): Num | string => {
      const m = marginalCost(res, rows);
      return typeof m === "number" ? m : L("cmp_na");
    };
    heading(L("cmp_results"));
    const sum = (k: keyof typeof resA.summary, format: NumberFormat) => ({
      key: k,
      label: L(`gtaSum_${k}`),
      a: resA.summary[k],
      b: resB.summary[k],
      format,
    });
    scalars("summary", [
      sum("baseline", "currency"),
      sum("old", "currency"),
      sum("new", "currency"),
      sum("gap", "currency"),
      sum("shortfall", "currency"),
      sum("planned_gmv", "currency"),
      sum("added_cost", "currency"),
      { key: "added", label: L("cmp_added"), a: resA.total.added, b: resB.total.added, format: "persons" },
      { key: "marginal", label: L("wi_marginal"), a: mc(resA, ra), b: mc(resB, rb), format: "currency2" },
    ]);
    heading(L("cmp_rowResults"));
    const outFields: Field[] = [
      { key: "gmv", label: L("cmp_gmv"), format: "currency" },
      { key: "added", label: L("cmp_added"), format: "persons" },
      { key: "required", label: L("cmp_required"), format: "persons" },
      { key: "added_gmv", label: L("cmp_addedGmv"), format: "currency" },
      { key: "added_cost", label: L("gtaSum_added_cost"), format: "currency" },
    ];
    const outputs = (res: typeof resA, i: number): Record<string, Num> => {
      const r = res.rows[i];
      return { gmv: r.gmv, added: r.added, required: r.required, added_gmv: r.added_gmv, added_cost: r.added_cost ?? null };
    };
    wide("rowResults", [L("col_stage"), L("col_crowd")], outFields, pairs.map(([i, j]) => ({
      keys: keyCells(i !== null ? ra[i] : rb[j as number]),
      a: i === null ? null : outputs(resA, i),
      b: j === null ? null : outputs(resB, j),
    })));
  }

  function hotSections(pa: HotplanPlan, pb: HotplanPlan): void {
    const ia = pa.inputs;
    const ib = pb.inputs;
    heading(L("inputsHeading"));
    scalars("inputs", [
      { key: "target_gmv", label: L("targetGmv"), a: ia.target_gmv, b: ib.target_gmv, format: "currency" },
      { key: "price", label: L("price"), a: ia.price, b: ib.price, format: "currency2" },
      { key: "units_per_buyer", label: L("unitsPerBuyer"), a: ia.units_per_buyer ?? 1, b: ib.units_per_buyer ?? 1, format: "number" },
      { key: "cost_ratio", label: L("costRatio"), a: ia.cost_ratio ?? 0, b: ib.cost_ratio ?? 0, format: "percent" },
    ]);
    const phasePairs = match(ia.phases, ib.phases, (p) => norm(p.name));
    heading(L("phasesHeading"));
    wide("phaseInputs", [L("phaseName")], [{ key: "weight", label: L("weight"), format: "number" }], phasePairs.map(([i, j]) => ({
      keys: [i !== null ? ia.phases[i].name : ib.phases[j as number].name],
      a: i === null ? null : { weight: ia.phases[i].weight },
      b: j === null ? null : { weight: ib.phases[j].weight },
    })));
    const crowdPairs = match(ia.crowds, ib.crowds, (c) => norm(c.name));
    const funnel = (inp: typeof ia, c: number) => (inp.funnel.length === 1 ? inp.funnel[0] : inp.funnel[c]);
    const crowdIn = (inp: typeof ia, c: number): Record<string, Num> => ({
      share: inp.crowds[c].share,
      i_to_p: funnel(inp, c).i_to_p,
      a_to_i: funnel(inp, c).a_to_i,
    });
    heading(L("crowds"));
    wide(
      "crowdInputs",
      [L("crowdName")],
      [
        { key: "share", label: L("share"), format: "number" },
        { key: "i_to_p", label: L("iToP"), format: "percent" },
        { key: "a_to_i", label: L("aToI"), format: "percent" },
      ],
      crowdPairs.map(([i, j]) => ({
        keys: [i !== null ? ia.crowds[i].name : ib.crowds[j as number].name],
        a: i === null ? null : crowdIn(ia, i),
        b: j === null ? null : crowdIn(ib, j),
      })),
    );

    const resA = hotplan(ia);
    const resB = hotplan(ib);
    heading(L("cmp_results"));
    const totals = ["gmv", "units", "buyers", "interest", "aware", "spend"] as const;
    const totalFormat: Record<(typeof totals)[number], NumberFormat> = {
      gmv: "currency", units: "number", buyers: "persons", interest: "persons", aware: "persons", spend: "currency",
    };
    scalars("summary", totals.map((k) => ({ key: k, label: L(`cmp_hot_${k}`), a: resA.total[k], b: resB.total[k], format: totalFormat[k] })));
    const by = (res: typeof resA, pick: "phase_index" | "crowd_index", idx: number): Record<string, Num> => {
      const t: Record<string, number> = { gmv: 0, buyers: 0, aware: 0, spend: 0 };
      for (const r of res.rows) {
        if (r[pick] !== idx) continue;
        t.gmv += r.gmv;
        t.buyers += r.buyers;
        t.aware += r.aware;
        t.spend += r.spend;
      }
      return t;
    };
    const outFields: Field[] = [
      { key: "gmv", label: L("cmp_hot_gmv"), format: "currency" },
      { key: "buyers", label: L("cmp_hot_buyers"), format: "persons" },
      { key: "aware", label: L("cmp_hot_aware"), format: "persons" },
      { key: "spend", label: L("cmp_hot_spend"), format: "currency" },
    ];
    heading(L("byPhaseHeading"));
    wide("phaseResults", [L("phaseName")], outFields, phasePairs.map(([i, j]) => ({
      keys: [i !== null ? ia.phases[i].name : ib.phases[j as number].name],
      a: i === null ? null : by(resA, "phase_index", i),
      b: j === null ? null : by(resB, "phase_index", j),
    })));
    heading(L("byCrowdHeading"));
    wide("crowdResults", [L("crowdName")], outFields, crowdPairs.map(([i, j]) => ({
      keys: [i !== null ? ia.crowds[i].name : ib.crowds[j as number].name],
      a: i === null ? null : by(resA, "crowd_index", i),
      b: j === null ? null : by(resB, "crowd_index", j),
    })));
  }

  const plan: SheetPlan = {
    baseName: L("cmp_sheetName", { a: nameA, b: nameB }),
    blocks,
    columnWidths: [{ column: "A", width: 130 }, { column: "B", width: 110 }, ...Array.from({ length: 22 }, (_, i) => ({ column: colName(i + 2), width: 80 }))],
  };
  return { plan, layout };
}

/** A name compared trimmed and case-insensitively (full-width letters folded, as plan names are). */
function norm(s: string): string {
  return s.normalize("NFKC").trim().toLowerCase();
}

/**
 * Pair the rows of `a` and `b` by key: the k-th occurrence of a key in `a` with its k-th in `b`.
 * Pairs in A's order, then the rows only B has in B's order; `null` marks the missing side.
 */
export function match<T>(a: readonly T[], b: readonly T[], key: (x: T) => string): [number | null, number | null][] {
  const free = new Map<string, number[]>();
  b.forEach((x, j) => {
    const k = key(x);
    const list = free.get(k);
    if (list) list.push(j);
    else free.set(k, [j]);
  });
  const used = new Set<number>();
  const out: [number | null, number | null][] = a.map((x, i) => {
    const j = free.get(key(x))?.shift();
    if (j === undefined) return [i, null];
    used.add(j);
    return [i, j];
  });
  b.forEach((_, j) => {
    if (!used.has(j)) out.push([null, j]);
  });
  return out;
}
