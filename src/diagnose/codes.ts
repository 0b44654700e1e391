/**
 * The indicator codes of the DTC operating index (docs/functions.md, DTC.INDEX; SPEC §16).
 *
 * An indicator is named by a track and one of the track's indicators: `FAST.A`, `SUPER.U`,
 * `FASTPLUS.CLV`, `START.SEEDING`, `GROW.R`. This module holds the one table of codes (in the
 * documented order, which is also the order that breaks ties between equal scores) and the
 * parser that reads a code as users type it. The task pane's Diagnose view and the scorecard
 * sheet read the same table.
 *
 * | track | indicators (part: Chinese name) |
 * |---|---|
 * | FAST (人群) | F 人群总量, A 加深率, S 超级用户数, T 超级用户活跃度 |
 * | SUPER (货品) | S 优质货品占比, U 购买转化率, P 新品贡献率, E 售罄率, R 履约时效 |
 * | NEO (品牌力) | N 创新力, E 沟通力, O 价值力 |
 * | FASTPLUS (会员) | CAPITAL 可持续运营关系数, CONVERSION 角色关系加深效率, CONNECTION 场域引力, CLV 角色关系价值 |
 * | START (内容) | SEEDING 种草, TRANSACTION 带货, TRAFFIC 引流到私域, REACH 有效触达, INTERACTION 深度互动 |
 * | GROW (增长; scored, in no track) | G 渗透力, R 复购力, O 价格力, W 延展力 |
 *
 * The English names are those of the model functions (FAST's `Advancing`, SUPER's
 * `Utmost conversion`), so that DTC.DIAGNOSE and `with_headers` of DTC.FAST agree.
 */
import type { Indicator } from "../excel/indicators";
import type { Lang } from "../excel/messages";
import { FAST_INDICATORS } from "../models/fast";
import { FASTPLUS_INDICATORS } from "../models/fastplus";
import { GROW_INDICATORS } from "../models/grow";
import { NEO_INDICATORS } from "../models/neo";
import { START_INDICATORS } from "../models/start";
import { SUPER_INDICATORS } from "../models/super";

/** The five tracks of the index, in output order. */
export const TRACK_IDS = ["FAST", "SUPER", "NEO", "FASTPLUS", "START"] as const;
export type TrackId = (typeof TRACK_IDS)[number];
/** A track, or GROW (whose indicators are scored but belong to no track). */
export type Family = TrackId | "GROW";

export interface Track {
  readonly id: Family;
  /** English label (the column header of DTC.INDEX is the id). */
  readonly en: string;
  /** Chinese label: 人群, 货品 … */
  readonly zh: string;
  /** False for GROW: scored, but no track score and not in COMPOSITE. */
  readonly inIndex: boolean;
  /** Other spellings accepted for the track name (upper case): `FAST+`. */
  readonly aliases: readonly string[];
}

export const TRACKS: readonly Track[] = [
  { id: "FAST", en: "Crowd", zh: "人群", inIndex: true, aliases: [] },
  { id: "SUPER", en: "Product", zh: "货品", inIndex: true, aliases: [] },
  { id: "NEO", en: "Brand power", zh: "品牌力", inIndex: true, aliases: [] },
  { id: "FASTPLUS", en: "Membership", zh: "会员", inIndex: true, aliases: ["FAST+"] },
  { id: "START", en: "Content", zh: "内容", inIndex: true, aliases: [] },
  { id: "GROW", en: "Growth", zh: "增长", inIndex: false, aliases: [] },
];

/** One indicator of the table. */
export interface IndicatorCode {
  /** Canonical code, `TRACK.PART` in upper case: `FAST.A`, `FASTPLUS.CLV`. */
  readonly code: string;
  readonly track: Family;
  /** The part after the dot: the letter (FAST, SUPER, NEO, GROW) or the name (FASTPLUS, START). */
  readonly part: string;
  /** English name (the model function's short name): `Advancing`. */
  readonly en: string;
  /** Chinese name: `加深率`. Unique across the table, so it names the indicator alone. */
  readonly zh: string;
  /** 0-based position in the table: the order of the rows of DIAGNOSE's ties. */
  readonly order: number;
  /** Upper-case spellings of the part accepted after the track name (letter, names, Chinese). */
  readonly parts: readonly string[];
  /** Chinese spellings accepted alone (`zh`, and the model function's name where it differs). */
  readonly zhNames: readonly string[];
}

/** Chinese names of the table where they differ from the model function's (START's REACH is 有效触达人数 there). */
const ZH_OVERRIDE: Readonly<Record<string, string>> = { "START.REACH": "有效触达" };

/** The model lists the codes are made of; `byName` tracks use the indicator's name as the part. */
const SOURCES: readonly { track: Family; defs: readonly Indicator[]; byName: boolean }[] = [
  { track: "FAST", defs: FAST_INDICATORS, byName: false },
  { track: "SUPER", defs: SUPER_INDICATORS, byName: false },
  { track: "NEO", defs: NEO_INDICATORS, byName: false },
  { track: "FASTPLUS", defs: FASTPLUS_INDICATORS, byName: true },
  { track: "START", defs: START_INDICATORS, byName: true },
  { track: "GROW", defs: GROW_INDICATORS, byName: false },
];

/** Upper case, runs of separators and spaces as one space (`star_product-share` → `STAR PRODUCT SHARE`). */
const words = (s: string): string => s.toUpperCase().replace(/[\s._-]+/g, " ").trim();

function buildTable(): IndicatorCode[] {
  const out: IndicatorCode[] = [];
  for (const src of SOURCES) {
    for (const d of src.defs) {
      const part = src.byName ? d.name.toUpperCase() : (d.letter as string);
      const code = `${src.track}.${part}`;
      const zh = ZH_OVERRIDE[code] ?? d.zh;
      const zhNames = zh === d.zh ? [zh] : [zh, d.zh];
      const parts = new Set<string>([part, words(d.name), ...zhNames]);
      if (d.letter) parts.add(d.letter);
      out.push({ code, track: src.track, part, en: d.name, zh, order: out.length, parts: [...parts], zhNames });
    }
  }
  return out;
}

/** The 25 indicators in the order of the table (FAST F … GROW W). */
export const CODES: readonly IndicatorCode[] = buildTable();

/** The indicators of a track (or of GROW), in table order. */
export function codesOf(track: Family): readonly IndicatorCode[] {
  return CODES.filter((c) => c.track === track);
}

/** Name of an indicator in a display language. */
export function codeName(c: IndicatorCode, lang: Lang): string {
  return lang === "zh" ? c.zh : c.en;
}

/** Name of a track in a display language (`FAST 人群`, or `FAST (Crowd)`). */
export function trackName(t: Track, lang: Lang): string {
  return lang === "zh" ? `${t.id} ${t.zh}` : `${t.id} (${t.en})`;
}

// --- parsing ---------------------------------------------------------------------------------

/** What a code text reads as. */
export type Parsed =
  | { readonly kind: "code"; readonly code: IndicatorCode }
  | { readonly kind: "track"; readonly track: Track }
  /** A part two indicators of the track share (START's T: TRANSACTION, INTERACTION). */
  | { readonly kind: "ambiguous"; readonly candidates: readonly IndicatorCode[] }
  | { readonly kind: "unknown" };

/** Track names (upper case, longest first so FASTPLUS is tried before FAST) → track. */
const TRACK_NAMES: readonly [string, Track][] = TRACKS.flatMap((t) =>
  [t.id, t.zh, ...t.aliases].map((n): [string, Track] => [n.toUpperCase(), t]),
).sort((a, b) => b[0].length - a[0].length);

/** Part spelling → indicators, per track. A spelling two indicators share reads as ambiguous. */
const PARTS: ReadonlyMap<Family, ReadonlyMap<string, readonly IndicatorCode[]>> = (() => {
  const m = new Map<Family, Map<string, IndicatorCode[]>>();
  for (const c of CODES) {
    let t = m.get(c.track);
    if (!t) m.set(c.track, (t = new Map()));
    for (const p of c.parts) t.set(p, [...(t.get(p) ?? []), c]);
  }
  // START's TRANSACTION and INTERACTION share the letter T (the model function refuses it too).
  for (const src of SOURCES) {
    for (const d of src.defs) {
      if (!d.sharedLetter) continue;
      const t = m.get(src.track) as Map<string, IndicatorCode[]>;
      t.set(d.sharedLetter, [...(t.get(d.sharedLetter) ?? []), CODES.find((c) => c.track === src.track && c.en === d.name) as IndicatorCode]);
    }
  }
  return m;
})();

/** Chinese name alone → indicators (more than one would be ambiguous; the table has none). */
const ZH_ALONE: ReadonlyMap<string, readonly IndicatorCode[]> = (() => {
  const m = new Map<string, IndicatorCode[]>();
  for (const c of CODES) for (const z of c.zhNames) m.set(z, [...(m.get(z) ?? []), c]);
  return m;
})();

const one = (list: readonly IndicatorCode[] | undefined): Parsed =>
  !list || list.length === 0 ? { kind: "unknown" } : list.length === 1 ? { kind: "code", code: list[0] } : { kind: "ambiguous", candidates: list };

/**
 * Read an indicator code or a track name as typed by a user (SPEC §16): a track name and the
 * indicator's letter or name joined by `.`, `-`, `_` or spaces, in any case (`FAST.A`,
 * `fast-a`, `SUPER U`, `super_u`, `FASTPLUS.CLV`, `FAST+.CLV`, `SUPER.star product share`), or
 * the Chinese name alone (`加深率`). Full-width forms read as their ASCII ones (NFKC). A track
 * name alone (`START`, `内容`) reads as the track. Anything else is `unknown`.
 */
export function parseCode(text: string): Parsed {
  const s = text.normalize("NFKC").trim().toUpperCase();
  if (s === "") return { kind: "unknown" };
  const zh = ZH_ALONE.get(s);
  if (zh) return one(zh);
  for (const [name, track] of TRACK_NAMES) {
    if (!s.startsWith(name)) continue;
    const rest = s.slice(name.length);
    if (rest.trim() === "") return { kind: "track", track };
    // The track name must be followed by a separator: `FASTA` is no code.
    if (!/^[\s._-]/.test(rest)) continue;
    const part = words(rest);
    const hit = PARTS.get(track.id)?.get(part);
    if (hit) return one(hit);
  }
  return { kind: "unknown" };
}

/** The indicator a code names, or `undefined` (a track name alone is no indicator). */
export function codeOf(text: string): IndicatorCode | undefined {
  const p = parseCode(text);
  return p.kind === "code" ? p.code : undefined;
}
