/* Display of cell values in the workbench grid (workbench/format.ts): the port's number formats. */
import { describe, expect, it } from "vitest";
import { NUMBER_FORMATS } from "../../taskpane/workbook/port";
import { displayValue, formatGeneral, formatWithCode } from "../../workbench/format";

describe("formatWithCode with the port's format codes", () => {
  it("currency: whole yuan with separators, and with cents", () => {
    expect(formatWithCode(100_000_000, NUMBER_FORMATS.currency)).toBe("¥100,000,000");
    expect(formatWithCode(69_450_000.4, NUMBER_FORMATS.currency)).toBe("¥69,450,000");
    expect(formatWithCode(-1500, NUMBER_FORMATS.currency)).toBe("-¥1,500");
    expect(formatWithCode(12.5, NUMBER_FORMATS.currency2)).toBe("¥12.50");
    expect(formatWithCode(0, NUMBER_FORMATS.currency2)).toBe("¥0.00");
  });
  it("percent with one decimal (8/17 = 47.06% → 47.1%)", () => {
    expect(formatWithCode(0.05, NUMBER_FORMATS.percent)).toBe("5.0%");
    expect(formatWithCode(8 / 17, NUMBER_FORMATS.percent)).toBe("47.1%");
    expect(formatWithCode(0.005, NUMBER_FORMATS.percent)).toBe("0.5%");
  });
  it("persons, numbers with optional decimals, and indices", () => {
    expect(formatWithCode(2_444_000, NUMBER_FORMATS.persons)).toBe("2,444,000");
    expect(formatWithCode(999.6, NUMBER_FORMATS.persons)).toBe("1,000");
    expect(formatWithCode(1200, NUMBER_FORMATS.number)).toBe("1,200");
    expect(formatWithCode(12.5, NUMBER_FORMATS.number)).toBe("12.5");
    expect(formatWithCode(87.25, NUMBER_FORMATS.index)).toBe("87.3");
    expect(formatWithCode(100, NUMBER_FORMATS.index)).toBe("100.0");
  });
  it('"number": whole numbers without a trailing dot (not "40." as #,##0.## shows them)', () => {
    expect(NUMBER_FORMATS.number).not.toBe("#,##0.##");
    expect(formatWithCode(40, NUMBER_FORMATS.number)).toBe("40");
    expect(formatWithCode(1, NUMBER_FORMATS.number)).toBe("1");
    expect(formatWithCode(0, NUMBER_FORMATS.number)).toBe("0");
    expect(formatWithCode(1.5, NUMBER_FORMATS.number)).toBe("1.5");
    expect(formatWithCode(0.25, NUMBER_FORMATS.number)).toBe("0.25");
    expect(formatWithCode(333.33333333333, NUMBER_FORMATS.number)).toBe("333.3333333");
    // From 1,000 up: whole, with thousands separators.
    expect(formatWithCode(8000, NUMBER_FORMATS.number)).toBe("8,000");
    expect(formatWithCode(8333.3333, NUMBER_FORMATS.number)).toBe("8,333");
    expect(formatWithCode(1_234_567.891, NUMBER_FORMATS.number)).toBe("1,234,568");
    expect(formatWithCode(999.5, NUMBER_FORMATS.number)).toBe("999.5");
    // The old code shows the dot, as Excel does.
    expect(formatWithCode(40, "#,##0.##")).toBe("40.");
  });
  it("sections: conditions first, then the plain ones (positive;negative;zero)", () => {
    expect(formatWithCode(-5, NUMBER_FORMATS.number)).toBe("-5");
    expect(formatWithCode(-1500, "#,##0;(#,##0)")).toBe("(1,500)");
    expect(formatWithCode(0, '#,##0;-#,##0;"-"')).toBe("-");
    expect(formatWithCode(7, "[Red][<10]0.0;[>=10]0")).toBe("7.0");
    expect(formatWithCode(12.4, "[Red][<10]0.0;[>=10]0")).toBe("12");
  });
  it("General: up to 10 significant digits, no separators", () => {
    expect(formatGeneral(2250)).toBe("2250");
    expect(formatGeneral(0.1 + 0.2)).toBe("0.3");
    expect(formatGeneral(1 / 3)).toBe("0.3333333333");
    expect(formatWithCode(1 / 3, NUMBER_FORMATS.general)).toBe("0.3333333333");
    expect(formatWithCode(5, NUMBER_FORMATS.text)).toBe("5");
  });
});

describe("displayValue", () => {
  it("shows booleans, text, blanks and errors as Excel does", () => {
    expect(displayValue(true)).toBe("TRUE");
    expect(displayValue(false)).toBe("FALSE");
    expect(displayValue("Loyal")).toBe("Loyal");
    expect(displayValue(null)).toBe("");
    expect(displayValue({ value: "#DIV/0!" })).toBe("#DIV/0!");
    expect(displayValue(0.25, "0.0%")).toBe("25.0%");
  });
});
