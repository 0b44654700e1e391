/**
 * Charts of the workbench: a plain SVG drawing of a {@link ChartSpec} from the values of its
 * source range (clustered or stacked columns and bars, and pie). Enough to see what a plan
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
  const left = 46;
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

  const stacked = spec.type === "columnStacked" || spec.type === "barStacked";
  const horizontal = spec.type === "barClustered" || spec.type === "barStacked";
  const sums = categories.map((_, c) => series.reduce((a, s) => a + Math.max(0, s.values[c]), 0));
  const max = Math.max(1e-12, ...(stacked ? sums : series.flatMap((s) => s.values)));
  const n = Math.max(1, categories.length);
  const axisLen = horizontal ? bottom - top : right - left;
  const valueLen = horizontal ? right - left : bottom - top;
  const band = axisLen / n;
  const groups = stacked ? 1 : Math.max(1, series.length);
  const barW = (band * 0.7) / groups;
  // value axis: 4 grid lines
  for (let g = 0; g <= 4; g++) {
    const v = (max * g) / 4;
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
    const start = (horizontal ? top : left) + band * c + band * 0.15;
    let acc = 0;
    series.forEach((s, i) => {
      const v = Math.max(0, s.values[c]);
      const len = (v / max) * valueLen;
      const off = stacked ? 0 : i * barW;
      const color = PALETTE[i % PALETTE.length];
      const tip = `<title>${esc(s.name)} · ${esc(cat)}: ${s.values[c]}</title>`;
      if (horizontal) parts.push(`<rect x="${left + acc}" y="${start + off}" width="${len}" height="${barW}" fill="${color}">${tip}</rect>`);
      else parts.push(`<rect x="${start + off}" y="${bottom - acc - len}" width="${barW}" height="${len}" fill="${color}">${tip}</rect>`);
      if (stacked) acc += len;
    });
    const mid = (horizontal ? top : left) + band * c + band / 2;
    if (horizontal) parts.push(`<text x="${left - 4}" y="${mid + 3}" text-anchor="end" font-size="10" fill="#595959">${esc(cat)}</text>`);
    else parts.push(`<text x="${mid}" y="${bottom + 12}" text-anchor="middle" font-size="10" fill="#595959">${esc(cat)}</text>`);
  });
  parts.push(`<line x1="${left}" y1="${bottom}" x2="${horizontal ? left : right}" y2="${horizontal ? top : bottom}" stroke="#7f7f7f"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-label="${esc(spec.title)}">${parts.join("")}</svg>`;
}
