/**
 * Display of cell values in the workbench: Excel's "General" and the simple number-format codes
 * the planners use (`NUMBER_FORMATS` of the Workbook port: `¥#,##0`, `0.0%`, `#,##0.##`, …).
 *
 * Supported code syntax, per section: an optional literal prefix and suffix, an integer part of
 * `#`, `0` and `,` (a comma means thousands separators), an optional `.` with `0` (fixed) and `#`
 * (optional) decimals, and an optional `%` (value × 100); or `General`. `@` is text; anything
 * else falls back to General. A code may have sections separated by `;`, chosen as Excel does:
 * - with conditions (`[>=1000]#,##0;General`): the first section whose condition holds, else
 *   the first section without a condition (shown with its sign), else General;
 * - without: `positive;negative;zero`, the negative section showing the absolute value (a sign
 *   only where the code writes one), a missing zero section meaning the first.
 * Colour tags (`[Red]`) are ignored.
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
  /** The code writes a decimal point: Excel shows it even with no decimals left ("40."). */
  point: boolean;
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
      point: m[3] !== undefined,
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

interface Section {
  /** `[op n]` of the section, when it has one. */
  cond?: { op: string; n: number };
  body: string;
}

const CONDITION = /^\[(<=|>=|<>|<|>|=)\s*(-?\d+(?:\.\d+)?)\]/;
const COLOR = /^\[[A-Za-z]+\d*\]/;

/** The sections of a code (`;` outside quotes), their conditions read and colours dropped. */
function sections(code: string): Section[] {
  const parts: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of code) {
    if (ch === '"') quoted = !quoted;
    if (ch === ";" && !quoted) {
      parts.push(cur);
      cur = "";
    } else cur += ch;
  }
  parts.push(cur);
  return parts.map((p) => {
    let body = p;
    let cond: Section["cond"];
    for (;;) {
      const m = CONDITION.exec(body);
      if (m) {
        cond = { op: m[1], n: Number(m[2]) };
        body = body.slice(m[0].length);
        continue;
      }
      const c = COLOR.exec(body);
      if (c && c[0].toLowerCase() !== "[general]") {
        body = body.slice(c[0].length);
        continue;
      }
      break;
    }
    return { cond, body };
  });
}

function holds(cond: NonNullable<Section["cond"]>, v: number): boolean {
  switch (cond.op) {
    case "<": return v < cond.n;
    case "<=": return v <= cond.n;
    case ">": return v > cond.n;
    case ">=": return v >= cond.n;
    case "=": return v === cond.n;
    default: return v !== cond.n;
  }
}

/**
 * A number shown with an Excel number-format code (see the file comment for what is supported).
 * Not to be confused with `formatNumber` of `taskpane/i18n.ts` (locale number text).
 */
export function formatWithCode(v: number, code: string | null | undefined): string {
  if (!code || code === "General" || code === "@") return formatGeneral(v);
  if (code.includes(";") || code.startsWith("[")) {
    const secs = sections(code);
    if (secs.some((x) => x.cond)) {
      const hit = secs.find((x) => x.cond && holds(x.cond, v)) ?? secs.find((x) => !x.cond);
      return hit ? formatSection(v, hit.body) : formatGeneral(v);
    }
    if (v < 0 && secs.length > 1) return formatSection(Math.abs(v), secs[1].body);
    if (v === 0 && secs.length > 2) return formatSection(v, secs[2].body);
    return formatSection(v, secs[0].body);
  }
  return formatSection(v, code);
}

/** One section of a code (no `;`, no conditions). */
function formatSection(v: number, code: string): string {
  if (code === "" || /^general$/i.test(code) || code === "@") return formatGeneral(v);
  // A section of text only (`"-"` for zero): the text.
  if (/^("[^"]*"|[^#0?.,%@"])*$/.test(code) && !/^\d/.test(code)) return code.replace(/"/g, "");
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
    text = dec || c.point ? `${i}.${dec}` : i;
  } else if (c.point && c.maxDecimals === 0) {
    text += ".";
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
  if (typeof v === "number") return formatWithCode(v, code);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v;
  if (typeof v === "object" && v !== null && "value" in v) return String((v as { value: unknown }).value);
  return String(v);
}
