/**
 * Reads what layout and PDF embedding need from an OpenType/TrueType file (TTF, OTF, TTC):
 * the table directory, cmap, horizontal metrics, the header fields a FontDescriptor names and,
 * for TrueType outlines, single glyphs. Tables are read with positioned reads, so a 15 MB CJK
 * font costs a few hundred kilobytes of I/O and no table decoding beyond what is asked —
 * fontkit decodes whole tables (and, without vmtx, every glyph's outline for its metrics).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { inputError, type InputError } from '../diagnostic.js';
import { displayPath } from '../project/source-file.js';

/** A font file that cannot be read as it claims: one line naming the file (it has no lines). */
export function damagedFont(path: string, problem: string): InputError {
  return inputError(displayPath(path), problem, undefined, 'font-file');
}

export interface TableRecord {
  offset: number;
  length: number;
}

export interface GlyphBox {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** Reads byte ranges of one file; the descriptor stays open for the process (fonts are reused). */
export class FileBytes {
  private readonly fd: number;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'r');
  }

  read(offset: number, length: number): Buffer {
    const buf = Buffer.allocUnsafe(length);
    let got = 0;
    while (got < length) {
      const n = readSync(this.fd, buf, got, length - got, offset + got);
      if (n === 0) throw damagedFont(this.path, 'the font file ends early');
      got += n;
    }
    return buf;
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** Offsets of the faces in a file: one for a single font, one per face for a collection. */
export function faceOffsets(bytes: FileBytes): number[] {
  const head = bytes.read(0, 12);
  const tag = head.toString('latin1', 0, 4);
  if (tag === 'ttcf') {
    const count = Math.min(head.readUInt32BE(8), 64);
    const table = bytes.read(12, 4 * count);
    return Array.from({ length: count }, (_, i) => table.readUInt32BE(4 * i));
  }
  if (tag === '\0\x01\0\0' || tag === 'OTTO' || tag === 'true') return [0];
  throw damagedFont(bytes.path, 'not an OpenType or TrueType font');
}

export function readTableDirectory(bytes: FileBytes, offset: number): Map<string, TableRecord> {
  const numTables = bytes.read(offset, 12).readUInt16BE(4);
  const records = bytes.read(offset + 12, 16 * numTables);
  const tables = new Map<string, TableRecord>();
  for (let i = 0; i < numTables; i++) {
    tables.set(records.toString('latin1', 16 * i, 16 * i + 4), { offset: records.readUInt32BE(16 * i + 8), length: records.readUInt32BE(16 * i + 12) });
  }
  return tables;
}

/** Glyphs closer than this in the glyf table are read together (a CJK glyph is ~1–2 KB). */
const READ_GAP = 16 * 1024;

/** cmap subtables in the order fontkit prefers them (full Unicode first). */
const CMAP_PREFERENCE: Array<[number, number]> = [[3, 10], [0, 6], [0, 4], [3, 1], [0, 3], [0, 2], [0, 1], [0, 0]];

/** One face of a font file. */
export class SfntFace {
  readonly tables: Map<string, TableRecord>;
  readonly unitsPerEm: number;
  readonly indexToLocFormat: number;
  readonly numGlyphs: number;
  readonly numberOfHMetrics: number;
  readonly hhea: Buffer;
  readonly head: Buffer;
  readonly cff: boolean;
  private readonly hmtx: Buffer;
  private readonly codeToGlyph: (cp: number) => number;
  private loca?: Buffer;
  private glyfOffset = 0;
  private glyfLength = 0;

  constructor(readonly bytes: FileBytes, readonly offset: number) {
    this.tables = readTableDirectory(bytes, offset);
    this.head = this.sized('head', 54);
    this.hhea = this.sized('hhea', 36);
    this.unitsPerEm = this.head.readUInt16BE(18);
    this.indexToLocFormat = this.head.readInt16BE(50);
    this.numGlyphs = this.sized('maxp', 6).readUInt16BE(4);
    this.numberOfHMetrics = this.hhea.readUInt16BE(34);
    this.hmtx = this.sized('hmtx', 4 * this.numberOfHMetrics);
    if (this.unitsPerEm === 0 || this.numberOfHMetrics === 0) throw damagedFont(bytes.path, 'the font has no hmtx table');
    this.cff = this.tables.has('CFF ') || this.tables.has('CFF2');
    this.codeToGlyph = cmapLookup(this.table('cmap'));
  }

  /** A table at least `size` bytes long (a shorter one is damaged: reads would run past it). */
  private sized(tag: string, size: number): Buffer {
    const data = this.table(tag);
    if (data.length < size) throw damagedFont(this.bytes.path, `the font has no ${tag} table`);
    return data;
  }

  has(tag: string): boolean {
    return this.tables.has(tag);
  }

  /** The bytes of a table; throws when the font lacks it. */
  table(tag: string): Buffer {
    const record = this.tables.get(tag);
    if (!record) throw damagedFont(this.bytes.path, `the font has no ${tag.trim()} table`);
    return this.bytes.read(record.offset, record.length);
  }

  /** Glyph id printing code point `cp`, 0 when the font lacks it. */
  glyphId(cp: number): number {
    return this.codeToGlyph(cp);
  }

  /** Advance width of glyph `gid` in font units. */
  advance(gid: number): number {
    return this.hmtx.readUInt16BE(4 * Math.min(gid, this.numberOfHMetrics - 1));
  }

  /** Left side bearing of glyph `gid` in font units. */
  leftBearing(gid: number): number {
    if (gid < this.numberOfHMetrics) return this.hmtx.readInt16BE(4 * gid + 2);
    const at = 4 * this.numberOfHMetrics + 2 * (gid - this.numberOfHMetrics);
    return at + 2 <= this.hmtx.length ? this.hmtx.readInt16BE(at) : 0;
  }

  /** Raw glyf bytes of glyph `gid` (TrueType outlines only); empty for a blank glyph. */
  glyphData(gid: number): Buffer {
    const [start, end] = this.glyphRange(gid);
    return end > start ? this.bytes.read(this.glyfOffset + start, end - start) : Buffer.alloc(0);
  }

  /**
   * Raw glyf bytes of many glyphs, read in a few large reads: neighbouring glyphs (by offset)
   * less than READ_GAP apart share one read. A subset's ~1 000 glyphs one read each cost ~25 ms.
   */
  glyphDataMany(gids: number[]): Map<number, Buffer> {
    const ranges = [...new Set(gids)].map((gid) => ({ gid, range: this.glyphRange(gid) })).sort((a, b) => a.range[0] - b.range[0]);
    const out = new Map<number, Buffer>();
    let i = 0;
    while (i < ranges.length) {
      let j = i;
      let end = ranges[i].range[1];
      while (j + 1 < ranges.length && ranges[j + 1].range[0] - end < READ_GAP) end = Math.max(end, ranges[++j].range[1]);
      const from = ranges[i].range[0];
      const block = end > from ? this.bytes.read(this.glyfOffset + from, end - from) : Buffer.alloc(0);
      for (let k = i; k <= j; k++) {
        const [start, stop] = ranges[k].range;
        out.set(ranges[k].gid, stop > start ? block.subarray(start - from, stop - from) : Buffer.alloc(0));
      }
      i = j + 1;
    }
    return out;
  }

  /** [start, end) of glyph `gid` in the glyf table ([0, 0] outside the font). */
  private glyphRange(gid: number): [number, number] {
    if (!this.loca) {
      this.loca = this.table('loca');
      const glyf = this.tables.get('glyf');
      if (!glyf) throw damagedFont(this.bytes.path, 'the font has no glyf table');
      this.glyfOffset = glyf.offset;
      this.glyfLength = glyf.length;
    }
    if (gid < 0 || gid >= this.numGlyphs || (gid + 2) * (this.indexToLocFormat === 0 ? 2 : 4) > this.loca.length) return [0, 0];
    const at = (i: number) => (this.indexToLocFormat === 0 ? 2 * this.loca!.readUInt16BE(2 * i) : this.loca!.readUInt32BE(4 * i));
    // offsets past the glyf table would read other tables' bytes as outlines
    const end = Math.min(at(gid + 1), this.glyfLength);
    return [Math.min(at(gid), end), end];
  }

  /** The box in a TrueType glyph's header (null for blank glyphs and CFF fonts). */
  glyphBox(gid: number): GlyphBox | null {
    if (this.cff || !this.tables.has('glyf')) return null;
    const data = this.glyphData(gid);
    if (data.length < 10) return null;
    return { minX: data.readInt16BE(2), minY: data.readInt16BE(4), maxX: data.readInt16BE(6), maxY: data.readInt16BE(8) };
  }
}

/** A code point → glyph id function over the preferred cmap subtable this reader understands. */
function cmapLookup(cmap: Buffer): (cp: number) => number {
  if (cmap.length < 4) return () => 0;
  const count = cmap.readUInt16BE(2);
  const subtables: Array<{ platform: number; encoding: number; offset: number }> = [];
  for (let i = 0; i < count && 12 + 8 * i <= cmap.length; i++) {
    subtables.push({ platform: cmap.readUInt16BE(4 + 8 * i), encoding: cmap.readUInt16BE(6 + 8 * i), offset: cmap.readUInt32BE(8 + 8 * i) });
  }
  // a subtable whose arrays run past the table is skipped: every lookup stays inside it
  const fits = (end: number) => end <= cmap.length;
  for (const [platform, encoding] of CMAP_PREFERENCE) {
    const found = subtables.find((s) => s.platform === platform && s.encoding === encoding);
    if (!found || !fits(found.offset + 16)) continue;
    const format = cmap.readUInt16BE(found.offset);
    if (format === 12 && fits(found.offset + 16 + 12 * cmap.readUInt32BE(found.offset + 12))) return format12(cmap, found.offset);
    if (format === 4 && fits(found.offset + 16 + 4 * cmap.readUInt16BE(found.offset + 6))) return format4(cmap, found.offset);
  }
  return () => 0;
}

function format12(cmap: Buffer, at: number): (cp: number) => number {
  const groups = cmap.readUInt32BE(at + 12);
  const base = at + 16;
  return (cp) => {
    let lo = 0;
    let hi = groups - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const g = base + 12 * mid;
      if (cp < cmap.readUInt32BE(g)) hi = mid - 1;
      else if (cp > cmap.readUInt32BE(g + 4)) lo = mid + 1;
      else return cmap.readUInt32BE(g + 8) + (cp - cmap.readUInt32BE(g));
    }
    return 0;
  };
}

function format4(cmap: Buffer, at: number): (cp: number) => number {
  const segments = cmap.readUInt16BE(at + 6) >> 1;
  if (segments === 0) return () => 0;
  const ends = at + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  return (cp) => {
    if (cp > 0xffff) return 0;
    let lo = 0;
    let hi = segments - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cmap.readUInt16BE(ends + 2 * mid) < cp) lo = mid + 1;
      else hi = mid;
    }
    const start = cmap.readUInt16BE(starts + 2 * lo);
    if (cp < start || cp > cmap.readUInt16BE(ends + 2 * lo)) return 0;
    const delta = cmap.readUInt16BE(deltas + 2 * lo);
    const rangeAt = rangeOffsets + 2 * lo;
    const range = cmap.readUInt16BE(rangeAt);
    if (range === 0) return (cp + delta) & 0xffff;
    const glyphAt = rangeAt + range + 2 * (cp - start);
    if (glyphAt + 2 > cmap.length) return 0;
    const glyph = cmap.readUInt16BE(glyphAt);
    return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
  };
}
