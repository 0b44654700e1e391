/**
 * The request-size helpers of the Excel adapter (taskpane/workbook/requests.ts) and the
 * formula literals of the contract's tolerances (taskpane/workbook/port.ts `decimal`).
 */
import { Buffer } from "node:buffer";
import { describe, expect, it } from "vitest";
import { PERSON_SLACK, TIE_TOLERANCE } from "../../src/excel/round";
import { decimal } from "../../taskpane/workbook/port";
import { jsonBytes, jsonCost, libraryPieces, PIECE_BUDGET, readHead, readPart, splitText, utf8Length, xmlCost } from "../../taskpane/workbook/requests";

describe("sizes", () => {
  it("utf8Length and jsonBytes count what goes on the wire", () => {
    for (const s of ["", "abc", "双11 精华", "😀 a\u00e9", '"\\\n<&>']) {
      expect(utf8Length(s)).toBe(Buffer.byteLength(s, "utf8"));
      expect(jsonBytes(s)).toBe(Buffer.byteLength(JSON.stringify(s), "utf8"));
    }
    expect(jsonBytes([["=SUM(A1:A2)", 1, null]])).toBe(Buffer.byteLength('[["=SUM(A1:A2)",1,null]]'));
  });

  it("splitText keeps every piece within the budget, never splits a surrogate pair, and joins back", () => {
    const text = "a&b<c>😀双\r\n\"x\"".repeat(500);
    for (const cost of [xmlCost, jsonCost]) {
      const pieces = splitText(text, 97, cost);
      expect(pieces.join("")).toBe(text);
      for (const p of pieces) {
        let b = 0;
        for (let i = 0; i < p.length; i++) b += cost(p.charCodeAt(i));
        expect(b).toBeLessThanOrEqual(97);
        expect(p.charCodeAt(p.length - 1) >= 0xd800 && p.charCodeAt(p.length - 1) <= 0xdbff).toBe(false);
      }
    }
    expect(splitText("", 10, jsonCost)).toEqual([""]);
  });

  it("a library is one plain part under the budget, else a head and parts that read back", () => {
    expect(libraryPieces('{"plans":[]}', xmlCost)).toMatchObject({ head: '{"plans":[]}', parts: [] });
    expect(readHead('{"plans":[]}')).toEqual({ parts: 1, text: '{"plans":[]}' });
    // 3 bytes per 双: three budgets' worth and a little more → 4 pieces.
    const text = `{"a":"${"双".repeat(PIECE_BUDGET)}"}`;
    const p = libraryPieces(text, xmlCost, "g1");
    expect(p.parts.length).toBe(3);
    const head = readHead(p.head);
    expect(head).toMatchObject({ parts: 4, gen: "g1" });
    const rest = p.parts.map((x) => readPart(x)!);
    expect(rest.map((r) => [r.gen, r.index])).toEqual([["g1", 1], ["g1", 2], ["g1", 3]]);
    expect(("first" in head ? head.first : "") + rest.map((r) => r.text).join("")).toBe(text);
  });
});

describe("decimal: numbers as plain formula literals", () => {
  it("writes the tolerances without an exponent, and round-trips", () => {
    expect(decimal(PERSON_SLACK)).toBe("0.000000001");
    expect(decimal(TIE_TOLERANCE)).toBe("0.000000000001");
    for (const x of [0, 1, -2.5, 1e-7, 1.5e-10, 123456789.123, 1e21, -3e-15, 2 ** -30]) {
      expect(decimal(x)).not.toMatch(/e/i);
      expect(Number(decimal(x))).toBe(x);
    }
  });
});
