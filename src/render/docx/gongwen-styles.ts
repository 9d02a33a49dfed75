/**
 * Named paragraph styles for the 公文 parts around the body — 版头要素 (份号, 密级, 紧急程度),
 * 发文机关标志, 发文字号, 签发人, 附注, 附件标识, 版记 — so a user restyles them in Word or WPS in
 * one place. Written only for the parts the document has: a report without them gets the same
 * styles.xml as before.
 */
import type { Document } from '../../model/document.js';
import type { FontRole, StyleSpec } from '../../style/spec.js';
import { charsToTwips, docxGeometry, gridTracking } from './geometry.js';
import { paragraphPropsXml, type ParagraphProps } from './styles.js';
import { escapeXml, runFontsXml } from './xml.js';

export const GONGWEN_STYLES = {
  flag: { id: 'GwFlag', name: '版头要素' },
  mark: { id: 'GwMark', name: '发文机关标志' },
  number: { id: 'GwDocNumber', name: '发文字号' },
  signer: { id: 'GwSigner', name: '签发人' },
  note: { id: 'GwNote', name: '附注' },
  attachmentLabel: { id: 'GwAttachmentLabel', name: '附件标识' },
  colophon: { id: 'GwColophon', name: '版记' },
} as const;

interface StyleParts { font: FontRole; sizePt: number; color?: string; onGrid: boolean; props: ParagraphProps }

function styleXml(spec: StyleSpec, style: { id: string; name: string }, parts: StyleParts): string {
  const half = Math.round(parts.sizePt * 2);
  const tracking = parts.onGrid ? gridTracking(spec, parts.sizePt) : 0;
  const rPr = `<w:rPr>${runFontsXml(spec, parts.font)}${parts.color ? `<w:color w:val="${parts.color.replace('#', '').toUpperCase()}"/>` : ''}` +
    `${tracking ? `<w:spacing w:val="${tracking}"/>` : ''}<w:sz w:val="${half}"/><w:szCs w:val="${half}"/></w:rPr>`;
  return `<w:style w:type="paragraph" w:styleId="${style.id}"><w:name w:val="${escapeXml(style.name)}"/><w:basedOn w:val="Normal"/>` +
    `<w:next w:val="${style.id}"/><w:qFormat/>${paragraphPropsXml(parts.props)}${rPr}</w:style>`;
}

/** The styles of the parts `doc` has, as w:style elements for styles.xml. */
export function gongwenStylesXml(doc: Document, spec: StyleSpec): string[] {
  const geometry = docxGeometry(spec);
  const pitch = geometry.linePitch;
  const flush = { left: 0, firstLine: 0 };
  const out: string[] = [];
  if (doc.masthead && spec.masthead) {
    const m = spec.masthead;
    out.push(
      styleXml(spec, GONGWEN_STYLES.flag, { font: m.flags.font, sizePt: m.flags.sizePt, onGrid: true, props: { ...flush, exactLine: pitch, jc: 'left' } }),
      // the 标志's line height is set on its paragraph (it spans rows, see masthead.ts)
      styleXml(spec, GONGWEN_STYLES.mark, { font: m.mark.font, sizePt: m.mark.sizePt, color: m.mark.color, onGrid: false, props: { ...flush, jc: 'center' } }),
      styleXml(spec, GONGWEN_STYLES.number, { font: m.number.font, sizePt: m.number.sizePt, onGrid: true, props: { ...flush, exactLine: pitch, jc: m.number.align } }),
      styleXml(spec, GONGWEN_STYLES.signer, { font: m.signer.font, sizePt: m.number.sizePt, onGrid: true, props: { ...flush, exactLine: pitch, jc: 'left' } }),
    );
  }
  if (doc.note && spec.note) {
    out.push(styleXml(spec, GONGWEN_STYLES.note, { font: spec.note.font, sizePt: spec.note.sizePt, onGrid: true, props: { left: 0, firstLine: charsToTwips(geometry, spec.note.leftChars), firstLineChars: Math.round(spec.note.leftChars * 100), exactLine: pitch, jc: 'both' } }));
  }
  if (doc.attachmentPages?.length && spec.attachmentPage) {
    const label = spec.attachmentPage.label;
    out.push(styleXml(spec, GONGWEN_STYLES.attachmentLabel, { font: label.font, sizePt: label.sizePt, onGrid: true, props: { ...flush, exactLine: pitch, jc: 'left' } }));
  }
  if (doc.colophon && spec.colophon) {
    out.push(styleXml(spec, GONGWEN_STYLES.colophon, { font: spec.colophon.font, sizePt: spec.colophon.sizePt, onGrid: true, props: { ...flush, exactLine: pitch, jc: 'left' } }));
  }
  return out;
}
