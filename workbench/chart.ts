/**
 * Charts of the workbench: a plain SVG drawing of a {@link ChartSpec} from the values of its
 * source range (clustered or stacked columns and bars, pie, and radar). Enough to see what a plan
 * sheet's chart shows; Excel draws the real one.
 */
import type { ChartSpec } from "../taskpane/workbook/port";

const PALETTE = ["#4472C4", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5", "#70AD47", "#264478", "#9E480E"];

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Series and categories of a source matrix (first row: series names; first column: categories). */
export function chartData(values: unknown[][], seriesBy: ChartSpec["seriesBy"]): { categories: string[]; series: { name: string; values: number[] }[] } {
  const m = seriesBy === "rows" ? values[0].map((_, c) => values.map((row) => row[c])) : values;
  const label = (v: unknown): string => (v === null || v === undefined ? "" : String(v));
  const num = (v: unknown): number => (typeof v === "number" && Number.isFinite(v) ? v : 0);
  const categories = m.slice(1).map((row) => label(row[0]));
  const series = m[0].slice(1).map((name, s) => ({ name: label(name), values: m.slice(1).map((row) => num(row[s + 1])) }));
  return { categories, series };
}

function compact(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e9) return `${+(v / 1e9).toFixed(1)}B`;
  if (a >= 1e6) return `${+(v / 1e6).toFixed(1)}M`;
  if (a >= 1e3) return `${+(v / 1e3).toFixed(1)}K`;
  return `${+v.toFixed(2)}`;
}

/** An SVG drawing of the chart, `width` × `height` pixels. */
export function chartSvg(spec: ChartSpec, values: unknown[][], width: number, height: number): string {
  const w = Math.max(160, width);
  const h = Math.max(120, height);
  const { categories, series } = chartData(values, spec.seriesBy);
  const parts: string[] = [];
  parts.push(`<rect x="0" y="0" width="${w}" height="${h}" fill="#fff" stroke="#bfbfbf"/>`);
  parts.push(`<text x="${w / 2}" y="20" text-anchor="middle" font-size="13" font-weight="600" fill="#404040">${esc(spec.title)}</text>`);
  const legendY = h - 12;
  series.forEach((s, i) => {
    const x = 10 + i * Math.min(130, (w - 20) / Math.max(1, series.length));
    parts.push(`<rect x="${x}" y="${legendY - 8}" width="9" height="9" fill="${PALETTE[i % PALETTE.length]}"/>`);
    parts.push(`<text x="${x + 13}" y="${legendY}" font-size="10" fill="#595959">${esc(s.name)}</text>`);
  });
  const top = 32;
  const bottom = h - 44;
  // Bar charts: room for the category labels on the left (a tornado's "stage · crowd").
  const left = spec.type.startsWith("bar") ? Math.max(46, Math.min(Math.round(w * 0.4), 12 + 6 * Math.max(0, ...categories.map((c) => c.length)))) : 46;
  const right = w - 12;

  if (spec.type === "pie") {
    const vals = series[0]?.values ?? [];
    const total = vals.reduce((a, b) => a + Math.max(0, b), 0);
    const cx = w / 2;
    const cy = (top + bottom) / 2 + 6;
    const r = Math.max(10, Math.min(right - left, bottom - top) / 2);
    let angle = -Math.PI / 2;
    vals.forEach((v, i) => {
      if (total <= 0 || v <= 0) return;
      const a = (v / total) * Math.PI * 2;
      const x1 = cx + r * Math.cos(angle);
      const y1 = cy + r * Math.sin(angle);
      const x2 = cx + r * Math.cos(angle + a);
      const y2 = cy + r * Math.sin(angle + a);
      const large = a > Math.PI ? 1 : 0;
      const d = a >= Math.PI * 2 - 1e-9 ? `M${cx - r},${cy}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0` : `M${cx},${cy}L${x1},${y1}A${r},${r} 0 ${large},1 ${x2},${y2}Z`;
      parts.push(`<path d="${d}" fill="${PALETTE[i % PALETTE.length]}"><title>${esc(categories[i] ?? "")}: ${v}</title></path>`);
      angle += a;
    });
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-label="${esc(spec.title)}">${parts.join("")}</svg>`;
  }

  if (spec.type === "radar") {
    parts.push(radar(categories, series, { cx: w / 2, cy: (top + bottom) / 2 + 4, r: Math.max(10, Math.min(right - left, bottom - top) / 2 - 14) }));
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-label="${esc(spec.title)}">${parts.join("")}</svg>`;
  }

  const stacked = spec.type === "columnStacked" || spec.type === "barStacked";
  const horizontal = spec.type === "barClustered" || spec.type === "barStacked";
  const sums = categories.map((_, c) => series.reduce((a, s) => a + Math.max(0, s.values[c]), 0));
  const max = Math.max(1e-12, ...(stacked ? sums : series.flatMap((s) => s.values)));
  // Clustered charts show negative values (a tornado's savings) left of / below a zero line.
  const min = stacked ? 0 : Math.min(0, ...series.flatMap((s) => s.values));
  const range = max - min;
  const n = Math.max(1, categories.length);
  const axisLen = horizontal ? bottom - top : right - left;
  const valueLen = horizontal ? right - left : bottom - top;
  const band = axisLen / n;
  const groups = stacked ? 1 : Math.max(1, series.length);
  const barW = (band * 0.7) / groups;
  // value axis: 4 grid lines
  for (let g = 0; g <= 4; g++) {
    const v = min + (range * g) / 4;
    const p = (valueLen * g) / 4;
    if (horizontal) {
      parts.push(`<line x1="${left + p}" y1="${top}" x2="${left + p}" y2="${bottom}" stroke="#e0e0e0"/>`);
      parts.push(`<text x="${left + p}" y="${bottom + 12}" text-anchor="middle" font-size="9" fill="#7f7f7f">${compact(v)}</text>`);
    } else {
      parts.push(`<line x1="${left}" y1="${bottom - p}" x2="${right}" y2="${bottom - p}" stroke="#e0e0e0"/>`);
      parts.push(`<text x="${left - 4}" y="${bottom - p + 3}" text-anchor="end" font-size="9" fill="#7f7f7f">${compact(v)}</text>`);
    }
  }
  categories.forEach((cat, c) => {
    // As in Excel, a bar chart draws its first category at the bottom.
    const slot = horizontal ? n - 1 - c : c;
    const start = (horizontal ? top : left) + band * slot + band * 0.15;
    let acc = 0;
    series.forEach((s, i) => {
      const v = stacked ? Math.max(0, s.values[c]) : s.values[c];
      const len = (Math.abs(v) / range) * valueLen;
      // Where the bar starts along the value axis: the stack so far, or the zero line (minus the bar when negative).
      const at = stacked ? acc : (-min / range) * valueLen - (v < 0 ? len : 0);
      const off = stacked ? 0 : (horizontal ? groups - 1 - i : i) * barW;
      const color = PALETTE[i % PALETTE.length];
      const tip = `<title>${esc(s.name)} · ${esc(cat)}: ${s.values[c]}</title>`;
      if (horizontal) parts.push(`<rect x="${left + at}" y="${start + off}" width="${len}" height="${barW}" fill="${color}">${tip}</rect>`);
      else parts.push(`<rect x="${start + off}" y="${bottom - at - len}" width="${barW}" height="${len}" fill="${color}">${tip}</rect>`);
      if (stacked) acc += len;
    });
    const mid = (horizontal ? top : left) + band * slot + band / 2;
    if (horizontal) parts.push(`<text x="${left - 4}" y="${mid + 3}" text-anchor="end" font-size="10" fill="#595959">${esc(cat)}</text>`);
    else parts.push(`<text x="${mid}" y="${bottom + 12}" text-anchor="middle" font-size="10" fill="#595959">${esc(cat)}</text>`);
  });
  parts.push(`<line x1="${left}" y1="${bottom}" x2="${horizontal ? left : right}" y2="${horizontal ? top : bottom}" stroke="#7f7f7f"/>`);
  if (min < 0) {
    const z = (-min / range) * valueLen;
    if (horizontal) parts.push(`<line class="wb-zero" x1="${left + z}" y1="${top}" x2="${left + z}" y2="${bottom}" stroke="#7f7f7f"/>`);
    else parts.push(`<line class="wb-zero" x1="${left}" y1="${bottom - z}" x2="${right}" y2="${bottom - z}" stroke="#7f7f7f"/>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-label="${esc(spec.title)}">${parts.join("")}</svg>`;
}

/**
 * A radar: one spoke per category (the first at the top, clockwise), 4 rings from 0 to the
 * largest value (at least 100, the scale of a score), one closed polygon per series. Values
 * below 0 (and cells without a number) are drawn at the centre.
 */
function radar(categories: string[], series: { name: string; values: number[] }[], at: { cx: number; cy: number; r: number }): string {
  const { cx, cy, r } = at;
  const n = Math.max(1, categories.length);
  const max = Math.max(100, ...series.flatMap((s) => s.values));
  const point = (c: number, v: number): [number, number] => {
    const a = -Math.PI / 2 + (2 * Math.PI * c) / n;
    const d = (Math.max(0, v) / max) * r;
    return [cx + d * Math.cos(a), cy + d * Math.sin(a)];
  };
  const out: string[] = [];
  for (let g = 1; g <= 4; g++) {
    const ring = categories.map((_, c) => point(c, (max * g) / 4).join(",")).join(" ");
    out.push(`<polygon points="${ring}" fill="none" stroke="#e0e0e0"/>`);
  }
  categories.forEach((cat, c) => {
    const [x, y] = point(c, max);
    out.push(`<line x1="${cx}" y1="${cy}" x2="${x}" y2="${y}" stroke="#d0d0d0"/>`);
    const [lx, ly] = point(c, max * 1.1);
    const anchor = Math.abs(lx - cx) < 4 ? "middle" : lx > cx ? "start" : "end";
    out.push(`<text x="${lx}" y="${ly + 3}" text-anchor="${anchor}" font-size="10" fill="#595959">${esc(cat)}</text>`);
  });
  out.push(`<text x="${cx + 3}" y="${cy - r - 2}" font-size="9" fill="#7f7f7f">${compact(max)}</text>`);
  series.forEach((s, i) => {
    const color = PALETTE[i % PALETTE.length];
    const pts = categories.map((_, c) => point(c, s.values[c]).join(",")).join(" ");
    out.push(`<polygon points="${pts}" fill="${color}" fill-opacity="0.25" stroke="${color}" stroke-width="2"/>`);
    categories.forEach((cat, c) => {
      const [x, y] = point(c, s.values[c]);
      out.push(`<circle cx="${x}" cy="${y}" r="3" fill="${color}"><title>${esc(s.name)} · ${esc(cat)}: ${s.values[c]}</title></circle>`);
    });
  });
  return out.join("");
}
