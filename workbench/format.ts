/**
 * Display of cell values in the workbench: Excel's "General" and the simple number-format codes
 * the planners use (`NUMBER_FORMATS` of the Workbook port: `¥#,##0`, `0.0%`, `#,##0.##`, …).
 *
 * Supported code syntax (one section): an optional literal prefix and suffix, an integer part of
 * `#`, `0` and `,` (a comma means thousands separators), an optional `.` with `0` (fixed) and `#`
 * (optional) decimals, and an optional `%` (value × 100). `@` is text; anything else falls back
 * to General.
 */

/** Excel's General format, approximately: up to 10 significant digits, no separators. */
export function formatGeneral(v: number): string {
  if (v === 0) return "0";
  if (Number.isInteger(v) && Math.abs(v) < 1e11) return String(v);
  const abs = Math.abs(v);
  if (abs >= 1e11 || abs < 1e-9) return v.toExponential(5).replace(/\.?0+e/, "E").replace("E+", "E+");
  return String(Number(v.toPrecision(10)));
}

interface NumberCode {
  prefix: string;
  suffix: string;
  thousands: boolean;
  minInt: number;
  minDecimals: number;
  maxDecimals: number;
  percent: boolean;
}

const cache = new Map<string, NumberCode | null>();

function parseCode(code: string): NumberCode | null {
  const hit = cache.get(code);
  if (hit !== undefined) return hit;
  const m = /^([^#0,.%]*)([#0,]*0|[#,]*#)(?:\.(0*)(#*))?(%?)([^#0,.%]*)$/.exec(code);
  let parsed: NumberCode | null = null;
  if (m) {
    const int = m[2];
    parsed = {
      prefix: m[1].replace(/"/g, ""),
      thousands: int.includes(","),
      minInt: (int.match(/0/g) ?? []).length,
      minDecimals: (m[3] ?? "").length,
      maxDecimals: (m[3] ?? "").length + (m[4] ?? "").length,
      percent: m[5] === "%",
      suffix: m[6].replace(/"/g, ""),
    };
  }
  cache.set(code, parsed);
  return parsed;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** A number shown with an Excel format code (see the file comment for what is supported). */
export function formatNumber(v: number, code: string | null | undefined): string {
  if (!code || code === "General" || code === "@") return formatGeneral(v);
  const c = parseCode(code);
  if (!c) return formatGeneral(v);
  let x = c.percent ? v * 100 : v;
  const negative = x < 0;
  x = Math.abs(x);
  let text = x.toFixed(c.maxDecimals);
  if (c.maxDecimals > c.minDecimals) {
    // Drop optional trailing zeros (the '#' decimals), keeping at least minDecimals.
    const [i, d = ""] = text.split(".");
    let dec = d;
    while (dec.length > c.minDecimals && dec.endsWith("0")) dec = dec.slice(0, -1);
    text = dec ? `${i}.${dec}` : i;
  }
  const [whole, decPart] = text.split(".");
  let intPart = whole;
  if (intPart === "0" && c.minInt === 0) intPart = decPart ? "" : "0";
  while (intPart.length < c.minInt) intPart = "0" + intPart;
  if (c.thousands) intPart = groupThousands(intPart);
  const body = decPart !== undefined ? `${intPart}.${decPart}` : intPart;
  const isZero = /^[0.,]*$/.test(body);
  return `${negative && !isZero ? "-" : ""}${c.prefix}${body}${c.percent ? "%" : ""}${c.suffix}`;
}

/** What a cell shows for a computed value. */
export function displayValue(v: unknown, code?: string | null): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return formatNumber(v, code);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v;
  if (typeof v === "object" && v !== null && "value" in v) return String((v as { value: unknown }).value);
  return String(v);
}
