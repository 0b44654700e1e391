/**
 * The size of what the pane sends to Excel in one `context.sync()`, and the stored form of the
 * plan library in several parts (pure; no Office.js, so the tests and the workbench can use it).
 *
 * Excel on the web refuses a request or a response over 5 MB ("RequestPayloadSizeLimitExceeded"),
 * so every sync the Excel adapter makes is kept under {@link REQUEST_BUDGET}. The size of a sync
 * is estimated as Office.js sends it: the JSON of every value queued (formulas, number formats,
 * values, addresses, XML, settings), in UTF-8 bytes, plus {@link CALL_BYTES} per queued call for
 * the object paths and action records around it.
 *
 * The plan library (up to `MAX_LIBRARY_BYTES` = 16 MiB, `src/plan/store.ts`) is stored as a head
 * and, when it does not fit in one request, further parts, each written in its own sync:
 * - head: `#dtc-plan-library gen=<gen> parts=<n>` + `\n` + the first piece of the text;
 * - part i (1 ≤ i < n): `#dtc-plan-library-part gen=<gen> index=<i>` + `\n` + piece i.
 * A library that fits in one request is stored exactly as before: the plain text, no head line
 * (so a library written by an earlier version, always in one part, reads as it is). The head is
 * written LAST: until then the previous head, and the parts it names (a different `gen`), stay
 * valid, so a save that fails half-way leaves the previous library readable. JSON text never
 * starts with `#`, so the two forms cannot be confused; an earlier version of the add-in reading
 * a head sees text that is not JSON and refuses to write over it.
 */

/** Most bytes one `context.sync()` may carry (request or response); the host's limit is 5 MB. */
export const REQUEST_BUDGET = 4_000_000;

/** Bytes counted for each queued call besides its values (object path, action, ids). */
export const CALL_BYTES = 256;

/** Bytes of a piece of library text (before its head line), leaving room for the call around it. */
export const PIECE_BUDGET = REQUEST_BUDGET - 64 * 1024;

/** UTF-8 length of a string (a lone surrogate counts 3, as the encoder's replacement does). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The JSON size of a value, in UTF-8 bytes (what Office.js puts on the wire for it). */
export function jsonBytes(v: unknown): number {
  const s = JSON.stringify(v);
  return s === undefined ? 0 : utf8Length(s);
}

/** Bytes one UTF-16 code unit takes inside a JSON string (surrogates: 2 each, 4 per pair). */
function jsonUnit(c: number): number {
  if (c === 0x22 || c === 0x5c || c === 0x08 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d) return 2;
  if (c < 0x20) return 6;
  if (c < 0x80) return 1;
  if (c < 0x800) return 2;
  if (c >= 0xd800 && c <= 0xdfff) return 2;
  return 3;
}

/** Bytes of a code unit as JSON string content (a workbook setting's value). */
export const jsonCost = jsonUnit;

/**
 * Bytes of a code unit as XML element text (`&`, `<`, `>` escaped, CR as `&#13;`), inside the
 * JSON string of the request (a custom XML part).
 */
export function xmlCost(c: number): number {
  if (c === 0x26) return 5; // &amp;
  if (c === 0x3c || c === 0x3e) return 4; // &lt; &gt;
  if (c === 0x0d) return 5; // &#13;
  return jsonUnit(c);
}

/**
 * Cut `text` into pieces of at most `budget` bytes each, as measured by `cost` per code unit,
 * never inside a surrogate pair. An empty text is one empty piece.
 */
export function splitText(text: string, budget: number, cost: (code: number) => number): string[] {
  const pieces: string[] = [];
  let start = 0;
  let used = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const w = pair ? cost(c) + cost(text.charCodeAt(i + 1)) : cost(c);
    if (used + w > budget && i > start) {
      pieces.push(text.slice(start, i));
      start = i;
      used = 0;
    }
    used += w;
    if (pair) i++;
  }
  pieces.push(text.slice(start));
  return pieces;
}

// ---------------------------------------------------------------------------------------------
// The plan library in parts

const HEAD = "#dtc-plan-library";
const PART = "#dtc-plan-library-part";
const HEAD_LINE = /^#dtc-plan-library gen=([0-9a-z]+) parts=(\d+)\n/;
const PART_LINE = /^#dtc-plan-library-part gen=([0-9a-z]+) index=(\d+)\n/;

/** What the library text is stored as: the head (written last) and the further parts. */
export interface LibraryPieces {
  /** Generation id shared by the head and its parts (unused when there is one part). */
  gen: string;
  head: string;
  /** Part i + 1 is `parts[i]`. */
  parts: string[];
}

/** A fresh generation id: base-36 time and randomness. */
export function newGeneration(): string {
  return Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
}

/** Cut the library text into its stored pieces, each within {@link PIECE_BUDGET} by `cost`. */
export function libraryPieces(text: string, cost: (code: number) => number, gen = newGeneration()): LibraryPieces {
  const pieces = splitText(text, PIECE_BUDGET, cost);
  if (pieces.length === 1) return { gen, head: text, parts: [] };
  return {
    gen,
    head: `${HEAD} gen=${gen} parts=${pieces.length}\n${pieces[0]}`,
    parts: pieces.slice(1).map((p, i) => `${PART} gen=${gen} index=${i + 1}\n${p}`),
  };
}

/** The head as read back: the whole text (one part), or the first piece and what else it needs. */
export type StoredHead = { parts: 1; text: string } | { parts: number; gen: string; first: string };

export function readHead(stored: string): StoredHead {
  const m = HEAD_LINE.exec(stored);
  if (!m || Number(m[2]) < 2) return { parts: 1, text: stored };
  return { parts: Number(m[2]), gen: m[1], first: stored.slice(m[0].length) };
}

/** A further part as read back, or `undefined` when `stored` is not one. */
export function readPart(stored: string): { gen: string; index: number; text: string } | undefined {
  const m = PART_LINE.exec(stored);
  return m ? { gen: m[1], index: Number(m[2]), text: stored.slice(m[0].length) } : undefined;
}
