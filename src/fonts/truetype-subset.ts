/**
 * A TrueType subset for PDF embedding (FontFile2 of a CIDFontType2 with Identity CID → GID):
 * the glyphs asked for, in the order asked, plus the components composite glyphs refer to, with
 * the tables a PDF viewer reads (head, hhea, maxp, hmtx, loca, glyf and the hinting tables).
 * Has the shape of fontkit's subset that pdfkit's EmbeddedFont drives (`glyphs`, `includeGlyph`,
 * `encode`), but copies glyph bytes straight from the file: fontkit decodes every glyph first.
 */
import type { SfntFace } from './sfnt.js';

/** Composite glyph component flags (OpenType glyf table). */
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/** Tables copied unchanged when the font has them (hinting programs the glyphs' code calls). */
const COPIED = ['cvt ', 'fpgm', 'prep'];

export class TrueTypeSubset {
  /** Original glyph ids; the index is the glyph's id in the subset. GlyphWriter appends duplicates. */
  readonly glyphs: number[] = [0];
  /** Always undefined: pdfkit embeds a subset without `cff` as FontFile2. */
  readonly cff = undefined;
  private readonly mapping = new Map<number, number>([[0, 0]]);

  constructor(private readonly face: SfntFace) {}

  includeGlyph(gid: number): number {
    let id = this.mapping.get(gid);
    if (id === undefined) {
      id = this.glyphs.push(gid) - 1;
      this.mapping.set(gid, id);
    }
    return id;
  }

  encode(): Buffer {
    const glyf: Buffer[] = [];
    const offsets: number[] = [];
    let size = 0;
    // the glyphs asked for in a few large reads; components found in composites are appended
    // while the loop runs and read one by one
    const prefetched = this.face.glyphDataMany(this.glyphs);
    for (let i = 0; i < this.glyphs.length; i++) {
      let data = prefetched.get(this.glyphs[i]) ?? this.face.glyphData(this.glyphs[i]);
      if (data.length >= 10 && data.readInt16BE(0) < 0) data = this.remapComponents(Buffer.from(data));
      offsets.push(size);
      const padded = (data.length + 3) & ~3;
      glyf.push(padded === data.length ? data : Buffer.concat([data, Buffer.alloc(padded - data.length)]));
      size += padded;
    }
    offsets.push(size);
    const count = this.glyphs.length;

    const loca = Buffer.alloc(4 * (count + 1));
    offsets.forEach((offset, i) => loca.writeUInt32BE(offset, 4 * i));
    const hmtx = Buffer.alloc(4 * count);
    this.glyphs.forEach((gid, i) => {
      hmtx.writeUInt16BE(this.face.advance(gid), 4 * i);
      hmtx.writeInt16BE(this.face.leftBearing(gid), 4 * i + 2);
    });
    const head = Buffer.from(this.face.head);
    head.writeUInt32BE(0, 8); // checkSumAdjustment, set below
    head.writeInt16BE(1, 50); // long loca offsets
    const hhea = Buffer.from(this.face.hhea);
    hhea.writeUInt16BE(count, 34);
    const maxp = Buffer.from(this.face.table('maxp'));
    maxp.writeUInt16BE(count, 4);

    const tables = new Map<string, Buffer>([['head', head], ['hhea', hhea], ['maxp', maxp], ['hmtx', hmtx], ['loca', loca], ['glyf', Buffer.concat(glyf)]]);
    for (const tag of COPIED) if (this.face.has(tag)) tables.set(tag, this.face.table(tag));
    return writeSfnt(tables);
  }

  /** Points a composite glyph's component ids at their ids in the subset (adding them). */
  private remapComponents(data: Buffer): Buffer {
    let at = 10;
    for (;;) {
      if (at + 4 > data.length) break;
      const flags = data.readUInt16BE(at);
      data.writeUInt16BE(this.includeGlyph(data.readUInt16BE(at + 2)), at + 2);
      at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
      if (flags & WE_HAVE_A_SCALE) at += 2;
      else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4;
      else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8;
      if (!(flags & MORE_COMPONENTS)) break;
    }
    return data;
  }
}

/** An sfnt file from its tables: directory sorted by tag, tables 4-byte aligned, checksums set. */
export function writeSfnt(tables: Map<string, Buffer>): Buffer {
  const tags = [...tables.keys()].sort();
  const count = tags.length;
  const power = 2 ** Math.floor(Math.log2(count));
  const header = Buffer.alloc(12 + 16 * count);
  header.writeUInt32BE(0x00010000, 0);
  header.writeUInt16BE(count, 4);
  header.writeUInt16BE(power * 16, 6);
  header.writeUInt16BE(Math.log2(power), 8);
  header.writeUInt16BE(count * 16 - power * 16, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  tags.forEach((tag, i) => {
    const data = tables.get(tag)!;
    const padded = (data.length + 3) & ~3;
    const at = 12 + 16 * i;
    header.write(tag, at, 4, 'latin1');
    header.writeUInt32BE(checksum(data), at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(data.length, at + 12);
    parts.push(data, Buffer.alloc(padded - data.length));
    offset += padded;
  });
  const file = Buffer.concat(parts);
  const headAt = tags.indexOf('head');
  if (headAt >= 0) {
    const headOffset = header.readUInt32BE(12 + 16 * headAt + 8);
    file.writeUInt32BE((0xb1b0afba - checksum(file)) >>> 0, headOffset + 8);
  }
  return file;
}

function checksum(data: Buffer): number {
  let sum = 0;
  const whole = data.length & ~3;
  for (let i = 0; i < whole; i += 4) sum = (sum + data.readUInt32BE(i)) >>> 0;
  if (whole < data.length) {
    const tail = Buffer.alloc(4);
    data.copy(tail, 0, whole);
    sum = (sum + tail.readUInt32BE(0)) >>> 0;
  }
  return sum;
}
