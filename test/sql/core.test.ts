/*
 * The shared core of the SQL compiler (src/sql/core.ts): its regular expressions restate the
 * engine's rules (JavaScript's trim, the Number and zero texts), and names are quoted, split and
 * refused as documented.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/excel/errors";
import { parseNumber } from "../../src/excel/coerce";
import { DECIMAL, PERCENT, quoteIdent, quoteString, splitNames, tableRef, unsafeName, WS, ZERO } from "../../src/sql/core";

/** A pattern of the core as a JavaScript regex: `\x{…}` is `\u{…}` with the u flag. */
const js = (p: string): RegExp => new RegExp(p.replace(/\\x\{/g, "\\u{"), "u");

const keyOf = (f: () => unknown): string | undefined => {
  try {
    f();
    return undefined;
  } catch (e) {
    if (e instanceof InputError) return String(e.cell.key);
    throw e;
  }
};

describe("the coercion patterns restate the engine", () => {
  it("WS is exactly the white space String.prototype.trim removes", () => {
    const ws = js(`^${WS}$`);
    for (let c = 0; c <= 0xffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      expect(ws.test(ch), `U+${c.toString(16)}`).toBe(ch.trim() === "");
    }
  });

  const numberish = fc.stringMatching(/^[ \u3000]?[+-]?[0-9.eE%+ -]{0,8}[ \u3000]?$/);
  it("DECIMAL or PERCENT matches a trimmed text exactly when the engine reads a number from it (overflow aside)", () => {
    fc.assert(
      fc.property(fc.oneof(numberish, fc.constantFrom("1.", ".5", "+3", "1e3", "5%", "5 %", " 7\u3000% ", "1e3%", "%", "1,200", "0x10", "1_000", "Infinity")), (s) => {
        const t = s.trim();
        const sql = js(DECIMAL).test(t) || js(PERCENT).test(t);
        const x = parseNumber(t);
        if (x === undefined && sql) expect(Number.isFinite(Number(t.replace(/\s*%$/u, "")))).toBe(false);
        else expect(sql, JSON.stringify(t)).toBe(x !== undefined);
      }),
      { numRuns: 3000 },
    );
  });

  it("ZERO matches the plain decimal texts of 0 (how a typed zero prints: 0, 0.0, -0.0, 0.00, 0E-10)", () => {
    for (const z of ["0", "0.0", "-0.0", "+0", "0.00", "0E-10", ".0", "00", "0."]) expect(js(ZERO).test(z), z).toBe(true);
    for (const n of ["1", "0.01", "10", "0%", "", "o", "0x0", "1e-400"]) expect(js(ZERO).test(n), n).toBe(false);
    fc.assert(
      fc.property(fc.stringMatching(/^[+-]?[0-9.eE+-]{1,6}$/), (t) => {
        expect(js(ZERO).test(t)).toBe(js(DECIMAL).test(t) && Number(t) === 0 && !/[1-9]/.test(t.split(/[eE]/)[0]));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("names", () => {
  it("quotes identifiers: DuckDB doubles \", Spark doubles a backtick", () => {
    expect(quoteIdent('a"b', "duckdb")).toBe('"a""b"');
    expect(quoteIdent("a`b", "duckdb")).toBe('"a`b"');
    expect(quoteIdent("a`b", "spark")).toBe("`a``b`");
    expect(quoteIdent('a"b', "spark")).toBe('`a"b`');
    expect(quoteIdent("订单 表", "spark")).toBe("`订单 表`");
  });
  it("quotes strings: DuckDB doubles ', Spark escapes \\ and ' with a backslash", () => {
    expect(quoteString("it's", "duckdb")).toBe("'it''s'");
    expect(quoteString("a\\x", "duckdb")).toBe("'a\\x'");
    expect(quoteString("it's", "spark")).toBe("'it\\'s'");
    expect(quoteString("a\\x{9}", "spark")).toBe("'a\\\\x{9}'");
  });
  it("refuses what cannot be quoted safely: empty, C0/C1 controls, line separators, lone surrogates", () => {
    for (const bad of ["", "a\u0000b", "a\nb", "a\rb", "tab\t", "\u007f", "\u0085", "a\u2028", "\u2029", "\ud800", "x\udc00", "\ud83d"]) {
      expect(unsafeName(bad), JSON.stringify(bad)).toBe(true);
    }
    for (const ok of [" ", "a b", "订单", "😀", "a\"b'c`d\\e", "from", "1"]) expect(unsafeName(ok), ok).toBe(false);
    expect(() => quoteIdent("a\nb", "duckdb")).toThrow();
  });
  it("splits lists: commas or dots outside quotes, parts trimmed, quoted parts as written", () => {
    expect(splitNames(" a , b,c ", ",", "columns")).toEqual([
      { name: "a", quoted: false }, { name: "b", quoted: false }, { name: "c", quoted: false },
    ]);
    expect(splitNames('"a,b", `c``d` , " e "', ",", "columns").map((p) => p.name)).toEqual(["a,b", "c`d", " e "]);
    expect(splitNames('x,,"y""z"', ",", "columns").map((p) => p.name)).toEqual(["x", "", 'y"z']);
    expect(keyOf(() => splitNames('"open', ",", "columns"))).toBe("sqlBadList");
    expect(keyOf(() => splitNames('"a" b', ",", "columns"))).toBe("sqlBadList");
  });
  it("reads tables: qualified names, quoted parts, DuckDB file paths", () => {
    expect(tableRef("sales.orders", "spark", "table")).toEqual({ kind: "name", parts: ["sales", "orders"] });
    expect(tableRef('"my.db".`t`', "duckdb", "table")).toEqual({ kind: "name", parts: ["my.db", "t"] });
    expect(tableRef("/data/orders.parquet", "duckdb", "table")).toEqual({ kind: "file", path: "/data/orders.parquet" });
    expect(tableRef("orders.csv", "duckdb", "table")).toEqual({ kind: "file", path: "orders.csv" });
    expect(keyOf(() => tableRef("orders.csv", "spark", "table"))).toBe("sqlFileSpark");
    expect(keyOf(() => tableRef("a.b.c.d", "spark", "table"))).toBe("sqlBadList");
    expect(keyOf(() => tableRef("a..b", "spark", "table"))).toBe("sqlEmptyName");
    expect(keyOf(() => tableRef("  ", "spark", "table"))).toBe("sqlEmptyName");
    expect(keyOf(() => tableRef("a\nb", "spark", "table"))).toBe("sqlBadName");
  });
});
