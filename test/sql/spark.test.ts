/*
 * Every spark query of the SQL compiler (src/sql/) validated by dt-sql-parser's SparkSQL and
 * HiveSQL validators (the spark text is meant for Spark, Hive and MaxCompute alike), over each
 * model's column and option variants and over awkward names; and the quoting, checked token by
 * token: a small lexer reads every identifier and literal back out of both dialects' texts, and
 * they must be the names given and the same literal values. Names that cannot be quoted safely
 * are refused in both dialects.
 */
import fc from "fast-check";
import { HiveSQL, SparkSQL } from "dt-sql-parser";
import { afterAll, describe, expect, it } from "vitest";
import { InputError } from "../../src/excel/errors";
import { compileSql, SQL_MODELS, type SqlRequest } from "../../src/sql/compile";
import { unsafeName, type Dialect } from "../../src/sql/core";

const spark = new SparkSQL();
const hive = new HiveSQL();
let validated = 0;
afterAll(() => console.log(`spark queries validated by SparkSQL and HiveSQL: ${validated}`));

function expectValid(text: string, what: string): void {
  const s = spark.validate(text);
  const h = hive.validate(text);
  expect(s.map((e) => e.message), `${what} (SparkSQL)`).toEqual([]);
  expect(h.map((e) => e.message), `${what} (HiveSQL)`).toEqual([]);
  validated++;
}

/** Identifiers and literals of a query, read back with the dialect's own quoting rules; `rest` is what lies between. */
function lex(text: string, d: Dialect): { idents: string[]; strings: string[]; rest: string } {
  const idents: string[] = [];
  const strings: string[] = [];
  let rest = "";
  const iq = d === "duckdb" ? '"' : "`";
  for (let i = 0; i < text.length; ) {
    const ch = text[i];
    if (ch === iq || ch === "'") {
      let v = "";
      let j = i + 1;
      for (;;) {
        if (j >= text.length) throw new Error(`unclosed ${ch} at ${i}`);
        const c = text[j];
        if (ch === "'" && d === "spark" && c === "\\") {
          const e = text[j + 1];
          if (e !== "\\" && e !== "'") throw new Error(`unexpected escape \\${e}`);
          v += e;
          j += 2;
          continue;
        }
        if (c === ch) {
          if (text[j + 1] === ch && !(ch === "'" && d === "spark")) {
            v += ch;
            j += 2;
            continue;
          }
          break;
        }
        v += c;
        j++;
      }
      (ch === "'" ? strings : idents).push(v);
      rest += ch === "'" ? "'?'" : "_id_";
      i = j + 1;
    } else {
      rest += ch;
      i++;
    }
  }
  return { idents, strings, rest };
}

/** Compile in both dialects, lex both, and check that identifiers and literal values agree and the user's names are among them. */
function compileBoth(req: Omit<SqlRequest, "dialect">, names: readonly string[]): string {
  const d = compileSql({ ...req, dialect: "duckdb" }).text;
  const s = compileSql({ ...req, dialect: "spark" }).text;
  // (DuckDB's regexp_replace takes the flag 'g' where Spark replaces every match anyway.)
  const ld = lex(d.replace(/, 'g'\)/g, ")"), "duckdb");
  const ls = lex(s, "spark");
  expect(ls.idents).toEqual(ld.idents);
  expect(ls.strings).toEqual(ld.strings);
  for (const n of names) expect(ls.idents).toContain(n);
  // Nothing of the other dialect's quoting outside literals and identifiers.
  expect(ls.rest).not.toMatch(/["`]/);
  expect(ld.rest).not.toMatch(/["`]/);
  expect(ls.rest).not.toMatch(/\bTRY_CAST\b|\bVARCHAR\b|regexp_matches/);
  expect(ld.rest).not.toMatch(/\bRLIKE\b|\bSTRING\b/);
  expect(s.includes("\n") || s.includes("\r") || s.includes("\u0000")).toBe(false);
  return s;
}

const params = (id: string): string[] => SQL_MODELS.find((m) => m.id === id)!.columns.map((c) => c.param);

/** Per model: column lists and options worth validating (each compiled and validated). */
const VARIANTS: Record<string, { columns: (string | undefined)[]; options?: Record<string, unknown> }[]> = {
  AIPL: [{ columns: params("AIPL") }],
  "AIPL.FLOW": [{ columns: params("AIPL.FLOW") }],
  "AIPL.DEEPEN": [{ columns: params("AIPL.DEEPEN") }],
  "FAST.ROWS": [{ columns: params("FAST.ROWS") }, { columns: params("FAST.ROWS"), options: { indicator: "T" } }],
  "GROW.ROWS": [{ columns: params("GROW.ROWS") }, { columns: params("GROW.ROWS"), options: { indicator: "gain" } }],
  SUPER: [
    { columns: params("SUPER") },
    { columns: [undefined, undefined, "gmv"] },
    { columns: ["sku", undefined, "gmv", "visitors", undefined, undefined, undefined, "orders", "orders_on_time"], options: { star_share: 0.5 } },
    { columns: params("SUPER"), options: { indicator: "R", star_share: "90%" } },
  ],
  ASSOC: [{ columns: params("ASSOC") }, { columns: params("ASSOC"), options: { min_support: 0, top_n: 5 } }],
  CALIBRATE: [
    { columns: params("CALIBRATE") },
    { columns: params("CALIBRATE"), options: { brand_total: 1000, industry_total: 50000, min_brand: 10 } },
    { columns: params("CALIBRATE"), options: { industry_total: 1e6 } },
  ],
};

/** Awkward names: quotes of both dialects, a backslash, a single quote, spaces, Chinese, reserved words. */
const AWKWARD = ["we\"ird", "a`b", "back\\slash", "it's", "订单 明细", "select", "from", " lead", "x.y", "😀"];

describe("spark queries parse as Spark SQL and Hive SQL", () => {
  for (const m of SQL_MODELS) {
    it(`${m.id}: every column and option variant, plain and awkward names, both layouts`, () => {
      for (const v of VARIANTS[m.id]) {
        const plain = compileBoth({ model: m.id, table: "sales.orders", columns: v.columns, options: v.options }, v.columns.filter((c): c is string => !!c));
        expectValid(plain, `${m.id} ${JSON.stringify(v)}`);
        const lines = compileSql({ model: m.id, table: "orders", columns: v.columns, options: v.options, dialect: "spark", layout: "lines" }).text;
        expectValid(lines, `${m.id} lines`);
      }
      const cols = m.columns.map((_, i) => AWKWARD[(i * 3) % AWKWARD.length] + (i > 0 ? i : ""));
      const text = compileBoth({ model: m.id, table: '`my``db`."it\'s ""t"""', columns: cols }, [...cols, "my`db", 'it\'s "t"']);
      expectValid(text, `${m.id} awkward names`);
    }, 120_000);
  }

  it("random names (any safe Unicode) round-trip through the quoting of both dialects; a few are validated", () => {
    let k = 0;
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "binary", minLength: 1, maxLength: 12 }), { minLength: 5, maxLength: 5 }), (names) => {
        fc.pre(names.every((n) => !unsafeName(n) && n.trim() === n && n !== ""));
        const [table, ...cols] = names;
        const tableArg = `\`${table.replace(/`/g, "``")}\``;
        const model = ["FAST.ROWS", "GROW.ROWS", "ASSOC", "CALIBRATE"][k % 4];
        const text = compileBoth({ model, table: tableArg, columns: cols.slice(0, params(model).length) }, [table, ...cols.slice(0, params(model).length)]);
        if (k++ < 4) expectValid(text, `${model} over ${JSON.stringify(names)}`);
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});

describe("names that cannot be quoted safely are refused", () => {
  const keyOf = (f: () => unknown): string | undefined => {
    try {
      f();
      return undefined;
    } catch (e) {
      if (e instanceof InputError) return `${String(e.cell.key)} @${e.cell.where?.arg}`;
      throw e;
    }
  };
  const BAD = ["a\u0000b", "line\nbreak", "cr\r", "tab\tx", "\u0085", "u\u2028", "\u2029", "\ud800lone", "lone\udfff"];
  for (const dialect of ["duckdb", "spark"] as const) {
    it(`${dialect}: in the table and in the columns`, () => {
      for (const bad of BAD) {
        expect(keyOf(() => compileSql({ model: "AIPL", table: bad, columns: ["s"], dialect })), JSON.stringify(bad)).toBe("sqlBadName @table");
        expect(keyOf(() => compileSql({ model: "AIPL", table: `db.\`${bad}\``, columns: ["s"], dialect }))).toBe("sqlBadName @table");
        expect(keyOf(() => compileSql({ model: "ASSOC", table: "t", columns: ["b", bad], dialect }))).toBe("sqlBadName @columns");
      }
      expect(keyOf(() => compileSql({ model: "AIPL", table: "t", columns: [""], dialect }))).toBe("sqlEmptyName @columns");
      expect(keyOf(() => compileSql({ model: "AIPL", table: "t.`unclosed", columns: ["s"], dialect }))).toBe("sqlBadList @table");
    });
  }
  it("spark: a file path is refused (DuckDB reads files by name, the warehouse does not)", () => {
    expect(keyOf(() => compileSql({ model: "AIPL", table: "/data/x.parquet", columns: ["s"], dialect: "spark" }))).toBe("sqlFileSpark @table");
  });
});
