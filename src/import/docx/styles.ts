/**
 * word/styles.xml, read for what the recogniser needs: each paragraph style's name, alignment,
 * numbering, boldness and type size, with `basedOn` inheritance resolved. A 公文 title is often
 * only "centred, 22 pt" through its style; a Word heading's number often comes from its style.
 */
import { childElements, firstChild, type XmlElement } from '../xml.js';

export interface ParagraphFormat {
  name?: string;
  align?: 'left' | 'center' | 'right' | 'both';
  numbering?: { numId: string; level: number };
  bold?: boolean;
  /** Points. */
  sizePt?: number;
}

export interface StyleSheet {
  /** The resolved format of a paragraph style (the default paragraph style for undefined). */
  paragraphStyle(id: string | undefined): ParagraphFormat;
  /** Whether a character style makes its runs bold. */
  characterBold(id: string | undefined): boolean | undefined;
}

interface RawStyle {
  name?: string;
  basedOn?: string;
  own: ParagraphFormat;
}

export function readStyles(styles: XmlElement | undefined): StyleSheet {
  const raw = new Map<string, RawStyle>();
  let defaultParagraph: string | undefined;
  const defaults: ParagraphFormat = {};
  const docDefaults = firstChild(styles, 'w:docDefaults');
  const defaultRun = firstChild(firstChild(docDefaults, 'w:rPrDefault'), 'w:rPr');
  Object.assign(defaults, runFormat(defaultRun));
  for (const style of childElements(styles, 'w:style')) {
    const id = style.attributes['w:styleId'];
    if (!id) continue;
    if (style.attributes['w:type'] === 'paragraph' && isOn(style.attributes['w:default'])) defaultParagraph = id;
    raw.set(id, {
      name: firstChild(style, 'w:name')?.attributes['w:val'],
      basedOn: firstChild(style, 'w:basedOn')?.attributes['w:val'],
      own: { ...paragraphFormat(firstChild(style, 'w:pPr')), ...runFormat(firstChild(style, 'w:rPr')) },
    });
  }
  const resolved = new Map<string, ParagraphFormat>();
  const resolve = (id: string, seen: Set<string>): ParagraphFormat => {
    const cached = resolved.get(id);
    if (cached) return cached;
    const style = raw.get(id);
    if (!style || seen.has(id)) return { ...defaults };
    seen.add(id);
    const base = style.basedOn ? resolve(style.basedOn, seen) : { ...defaults };
    const format: ParagraphFormat = { ...base, ...definedOnly(style.own), name: style.name };
    resolved.set(id, format);
    return format;
  };
  return {
    paragraphStyle: (id) => {
      const chosen = id && raw.has(id) ? id : defaultParagraph;
      return chosen ? resolve(chosen, new Set()) : { ...defaults };
    },
    characterBold: (id) => (id && raw.has(id) ? resolve(id, new Set()).bold : undefined),
  };
}

/** Alignment and numbering from a `w:pPr`. */
export function paragraphFormat(pPr: XmlElement | undefined): ParagraphFormat {
  if (!pPr) return {};
  const format: ParagraphFormat = {};
  const jc = firstChild(pPr, 'w:jc')?.attributes['w:val'];
  if (jc) format.align = alignment(jc);
  const numPr = firstChild(pPr, 'w:numPr');
  const numId = firstChild(numPr, 'w:numId')?.attributes['w:val'];
  if (numId !== undefined) format.numbering = { numId, level: Number(firstChild(numPr, 'w:ilvl')?.attributes['w:val'] ?? 0) || 0 };
  return format;
}

/** Boldness and size from a `w:rPr`. */
export function runFormat(rPr: XmlElement | undefined): ParagraphFormat {
  if (!rPr) return {};
  const format: ParagraphFormat = {};
  const bold = firstChild(rPr, 'w:b'); // w:bCs is for complex scripts, not Han
  if (bold) format.bold = isOn(bold.attributes['w:val']);
  const size = Number(firstChild(rPr, 'w:sz')?.attributes['w:val']);
  if (Number.isFinite(size) && size > 0) format.sizePt = size / 2;
  return format;
}

/** OOXML on/off values: absent means on. */
export function isOn(value: string | undefined): boolean {
  return value === undefined || !['0', 'false', 'off', 'none'].includes(value);
}

function alignment(jc: string): ParagraphFormat['align'] {
  switch (jc) {
    case 'center': return 'center';
    case 'right':
    case 'end': return 'right';
    case 'both':
    case 'distribute': return 'both';
    default: return 'left';
  }
}

function definedOnly(format: ParagraphFormat): ParagraphFormat {
  return Object.fromEntries(Object.entries(format).filter(([, value]) => value !== undefined)) as ParagraphFormat;
}
