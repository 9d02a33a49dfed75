/**
 * Writes positioned glyph runs into a pdfkit page as raw text operators. pdfkit's own text()
 * shapes, wraps and justifies by itself; here every glyph goes exactly where the layout put it.
 *
 * Text extractors (pdftotext, copy-paste) see each glyph as a box as wide as its advance in the
 * PDF's W array — character spacing does not count. So a glyph whose slot differs from its
 * natural advance by more than a point (a mark squeezed to half width at the row's end, a Han
 * character followed by the ¼-em gap before Latin text, a row stretched after a push-down) is
 * written as a duplicate of the glyph in the subset with the slot's width in W: its box then
 * ends where its slot ends, rows stay inside the margin, and no false spaces appear.
 *
 * Uses pdfkit 0.20's EmbeddedFont internals (subset, widths, unicode), which encode() fills the
 * same way; the subset, W array and ToUnicode map are then written by pdfkit as usual.
 */
import { deflateSync } from 'node:zlib';
import type { Face } from '../../fonts/face.js';
import type { GlyphRun } from '../../layout/types.js';

/** The parts of pdfkit's EmbeddedFont this writer relies on. */
interface PdfKitEmbeddedFont {
  id: string;
  subset: { includeGlyph(glyphId: number): number; glyphs: number[]; encode(): Buffer };
  widths: number[];
  unicode: number[][];
  ref(): unknown;
}

/** The parts of a pdfkit document this writer relies on (not all in @types/pdfkit). */
export interface PdfKitInternals {
  font(src: unknown): unknown;
  ref(data?: object): PdfKitReference;
  _font: PdfKitEmbeddedFont;
  page: { fonts: Record<string, unknown> };
  addContent(data: string): unknown;
}

interface PdfKitReference {
  compress: boolean;
  data: Record<string, unknown>;
  end(chunk?: Buffer): void;
}

/**
 * The deflated font program of each face's last subset, by its glyph list: watch and batch builds
 * embed the same glyphs build after build, and deflating a CJK subset was ~20 ms of each.
 */
const deflatedPrograms = new WeakMap<Face, { glyphs: string; bytes: Buffer }>();

interface FontEntry {
  pdfFont: PdfKitEmbeddedFont;
  face: Face;
  codes: Map<string, string>;
}

const fmt = (n: number): string => {
  const s = n.toFixed(3);
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
};

export class GlyphWriter {
  private readonly fonts = new Map<string, FontEntry>();

  private readonly deflated = new WeakSet<Buffer>();

  constructor(private readonly pdf: PdfKitInternals, private readonly faces: Map<string, Face>) {
    // a stream ended with a font program deflated here is written as it is, marked FlateDecode
    const ref = pdf.ref.bind(pdf);
    pdf.ref = (data) => {
      const made = ref(data);
      const end = made.end.bind(made);
      made.end = (chunk) => {
        if (chunk && this.deflated.has(chunk)) {
          made.compress = false;
          made.data.Filter = 'FlateDecode';
        }
        end(chunk);
      };
      return made;
    };
  }

  private entry(faceId: string): FontEntry {
    let entry = this.fonts.get(faceId);
    if (!entry) {
      const face = this.faces.get(faceId);
      if (!face) throw new Error(`layout used an unknown face ${faceId}`);
      this.pdf.font(face.pdfFont());
      entry = { pdfFont: this.pdf._font, face, codes: new Map() };
      const subset = entry.pdfFont.subset;
      const encode = subset.encode.bind(subset);
      subset.encode = () => {
        const glyphs = subset.glyphs.join(',');
        let known = deflatedPrograms.get(face);
        if (known?.glyphs !== glyphs) deflatedPrograms.set(face, (known = { glyphs, bytes: deflateSync(encode()) }));
        this.deflated.add(known.bytes);
        return known.bytes;
      };
      this.fonts.set(faceId, entry);
    }
    return entry;
  }

  /** Subset code of `ch`; with `width` (thousandths of an em), a duplicate glyph that wide. */
  private code(entry: FontEntry, ch: string, width?: number): string {
    const key = width === undefined ? ch : `${ch}@${width}`;
    let code = entry.codes.get(key);
    if (code === undefined) {
      const glyph = entry.face.glyph(ch);
      const id = glyph?.id ?? 0;
      const subset = entry.pdfFont.subset;
      // a duplicate bypasses the subset's id → gid map, so the outline is copied under a new gid
      const gid = width === undefined ? subset.includeGlyph(id) : subset.glyphs.push(id) - 1;
      entry.pdfFont.widths[gid] ??= width ?? (glyph?.advance ?? 0) * 1000;
      entry.pdfFont.unicode[gid] ??= [...ch].map((c) => c.codePointAt(0)!);
      code = gid.toString(16).padStart(4, '0');
      entry.codes.set(key, code);
    }
    return code;
  }

  draw(run: GlyphRun): void {
    if (run.glyphs.length === 0) return;
    const entry = this.entry(run.face);
    this.pdf.page.fonts[entry.pdfFont.id] = entry.pdfFont.ref();
    const size = run.size;
    const first = run.glyphs[0];
    // pdfkit flips the page to a top-left origin; the text matrix flips text back upright
    // bold: fill and stroke the outline (text render mode 2); italic: a 12° slant in the text
    // matrix — the synthetic styles Word and WPS give CJK faces that have neither
    const slant = run.italic ? ITALIC_SLANT : 0;
    const fill = run.color ? rgb(run.color) : '0';
    const ops = ['BT', `${fill} ${run.color ? 'rg' : 'g'}`, `/${entry.pdfFont.id} ${fmt(size)} Tf`, `1 0 ${fmt(slant)} -1 ${fmt(first.x)} ${fmt(run.y)} Tm`];
    if (run.bold) ops.push(`${fill} ${run.color ? 'RG' : 'G'}`, `${fmt(size * BOLD_STROKE_EM)} w`, '2 Tr');
    const parts: string[] = [];
    let hex = '';
    let cursor = first.x;
    let scale = 1;
    for (const glyph of run.glyphs) {
      const scaleX = glyph.scaleX ?? 1;
      if (scaleX !== scale) {
        if (hex) parts.push(`<${hex}>`);
        hex = '';
        if (parts.length) ops.push(`[${parts.join(' ')}] TJ`);
        parts.length = 0;
        ops.push(`${fmt(scaleX * 100)} Tz`);
        scale = scaleX;
      }
      const natural = (entry.face.glyph(glyph.ch)?.advance ?? 0) * size * scaleX;
      let code: string;
      let advance: number;
      if (Math.abs(glyph.advance - natural) > VARIANT_THRESHOLD_PT) {
        const width = Math.max(0, Math.round((glyph.advance / size / scaleX) * 200) * 5);
        code = this.code(entry, glyph.ch, width);
        advance = (width / 1000) * size * scaleX;
      } else {
        code = this.code(entry, glyph.ch);
        advance = natural;
      }
      const shift = glyph.x - cursor;
      if (Math.abs(shift) > 0.0005) {
        if (hex) parts.push(`<${hex}>`);
        hex = '';
        parts.push(fmt((-shift * 1000) / size / scale)); // TJ offsets are scaled by Tz too
      }
      hex += code;
      cursor = glyph.x + advance;
    }
    if (hex) parts.push(`<${hex}>`);
    if (parts.length) ops.push(`[${parts.join(' ')}] TJ`);
    if (scale !== 1) ops.push('100 Tz');
    if (run.bold) ops.push('0 Tr');
    ops.push('ET');
    this.pdf.addContent(ops.join('\n'));
  }
}

/** `#RRGGBB` as PDF colour operands (`1 0 0` for red). */
function rgb(color: string): string {
  return [1, 3, 5].map((i) => fmt(parseInt(color.slice(i, i + 2), 16) / 255)).join(' ');
}

/** Stroke width of synthetic bold, in ems (about what Word adds to a CJK face). */
const BOLD_STROKE_EM = 0.03;
/** tan 12°: the slant of synthetic italic. */
const ITALIC_SLANT = 0.2126;

/** Slots within this of the glyph's own advance keep the glyph as it is. */
const VARIANT_THRESHOLD_PT = 1;
