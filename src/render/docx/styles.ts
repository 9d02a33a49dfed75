/**
 * word/styles.xml: one named paragraph style per 公文 element, so a user can restyle the document
 * in Word or WPS (标题, 正文, 一级标题 …). Every number comes from the style spec; the paragraphs in
 * document.xml only name their style, so the style is where a user changes a font or an indent.
 * Fonts sit here, all four rFonts slots, as zh-CN Word keeps them; runs carry only the hint.
 */
import type { ElementKind, ElementStyle, FontRole, StyleSpec } from '../../style/spec.js';
import { charsToTwips, docxGeometry, gridTracking, rowsPerLine, type DocxGeometry } from './geometry.js';
import { attributes, escapeXml, runFontsXml, W_NS, XML_DECLARATION } from './xml.js';

/** Style ids (ASCII, stable) and the Chinese names a user sees in Word's style gallery. */
export const STYLES = {
  normal: { id: 'Normal', name: 'Normal' },
  title: { id: 'GwTitle', name: '标题' },
  recipient: { id: 'GwRecipient', name: '主送机关' },
  body: { id: 'GwBody', name: '正文' },
  heading1: { id: 'GwHeading1', name: '一级标题' },
  heading2: { id: 'GwHeading2', name: '二级标题' },
  heading3: { id: 'GwHeading3', name: '三级标题' },
  heading4: { id: 'GwHeading4', name: '四级标题' },
  attachment: { id: 'GwAttachment', name: '附件说明' },
  signature: { id: 'GwSignature', name: '署名' },
  date: { id: 'GwDate', name: '成文日期' },
  quote: { id: 'GwQuote', name: '引文' },
  list: { id: 'GwList', name: '列表' },
  table: { id: 'GwTableText', name: '表格文字' },
  tableHeader: { id: 'GwTableHeader', name: '表头' },
  image: { id: 'GwImage', name: '图片' },
  caption: { id: 'GwCaption', name: '题注' },
  pageNumber: { id: 'GwPageNumber', name: '页码' },
} as const;
export type StyleKey = keyof typeof STYLES;

export const TABLE_STYLE = { id: 'GwTable', name: '公文表格' };
/** The one list all headings share, so numbering runs across the whole document. */
export const HEADING_NUM_ID = 1;

/**
 * The table text style for a planned type size: 表格文字/表头 at `elements.table.sizePt`, and one
 * variant per smaller size (表格文字 12pt …) based on it, so a table the plan set smaller is still
 * restyled in one place.
 */
export function tableTextStyle(spec: StyleSpec, sizePt: number, header: boolean): { id: string; name: string } {
  const base = header ? STYLES.tableHeader : STYLES.table;
  if (sizePt === spec.elements.table.sizePt) return base;
  return { id: `${base.id}${String(sizePt).replace('.', '_')}`, name: `${base.name} ${sizePt}pt` };
}

/** The smaller-size table text styles: only the size differs from the style they are based on. */
function smallerTableTextStyles(spec: StyleSpec): string[] {
  return spec.table.smallerSizesPt.flatMap((size) => [false, true].map((header) => {
    const style = tableTextStyle(spec, size, header);
    const base = header ? STYLES.tableHeader : STYLES.table;
    const half = Math.round(size * 2);
    return `<w:style w:type="paragraph" w:styleId="${style.id}"><w:name w:val="${escapeXml(style.name)}"/><w:basedOn w:val="${base.id}"/>` +
      `<w:next w:val="${style.id}"/><w:qFormat/><w:rPr><w:sz w:val="${half}"/><w:szCs w:val="${half}"/></w:rPr></w:style>`;
  }));
}

/**
 * Punctuation stays inside the text area (no 标点溢出边界). ECMA-376 §17.3.1.21 spells that
 * `w:overflowPunct w:val="0"`, but LibreOffice's importer reads the element inverted
 * (writerfilter DomainMapper: ParaIsHangingPunctuation = (overflowPunct == 0)): measured here with
 * LibreOffice 7.4, val="0" hangs 。，、 past the margin and sometimes drops them from the page, and
 * val="1" keeps them inside. LibreOffice is the renderer this project can check, so the writer
 * writes "1"; Word and WPS read that as "allowed to overflow" (their default). Flip this one
 * constant when the DOCX is judged in Word rather than LibreOffice.
 */
export const OVERFLOW_PUNCT_VAL = '1';

const JC = { left: 'left', center: 'center', right: 'right', justify: 'both' } as const;

export interface ParagraphProps {
  keepNext?: boolean;
  numPr?: { ilvl: number; numId: number };
  /** Kinsoku on and punctuation kept inside the margin (on Normal; every style inherits it). */
  noHanging?: boolean;
  snapToGrid?: boolean;
  /** Exact line height in twips. */
  exactLine?: number;
  /** Single line spacing on the grid (pictures: a line as tall as the picture, in whole rows). */
  autoLine?: boolean;
  left?: number;
  right?: number;
  firstLine?: number;
  firstLineChars?: number;
  jc?: 'left' | 'center' | 'right' | 'both';
  outlineLvl?: number;
}

/** CT_PPr children, in the order the schema demands (Word rejects other orders). */
export function paragraphPropsXml(p: ParagraphProps): string {
  let xml = '';
  if (p.keepNext) xml += '<w:keepNext/>';
  if (p.numPr) xml += `<w:numPr><w:ilvl w:val="${p.numPr.ilvl}"/><w:numId w:val="${p.numPr.numId}"/></w:numPr>`;
  if (p.noHanging) xml += `<w:kinsoku/><w:overflowPunct w:val="${OVERFLOW_PUNCT_VAL}"/>`;
  if (p.snapToGrid !== undefined) xml += `<w:snapToGrid w:val="${p.snapToGrid ? 1 : 0}"/>`;
  if (p.exactLine !== undefined) xml += `<w:spacing w:before="0" w:after="0" w:line="${p.exactLine}" w:lineRule="exact"/>`;
  else if (p.autoLine) xml += '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>';
  if (p.left !== undefined || p.right !== undefined || p.firstLine !== undefined) {
    xml += `<w:ind${attributes({ 'w:left': p.left, 'w:right': p.right, 'w:firstLine': p.firstLine, 'w:firstLineChars': p.firstLineChars })}/>`;
  }
  if (p.jc) xml += `<w:jc w:val="${p.jc}"/>`;
  if (p.outlineLvl !== undefined) xml += `<w:outlineLvl w:val="${p.outlineLvl}"/>`;
  return xml ? `<w:pPr>${xml}</w:pPr>` : '';
}

function elementParagraphProps(geometry: DocxGeometry, element: ElementStyle): ParagraphProps {
  return {
    keepNext: element.keepWithNext,
    exactLine: element.rowsPerLine !== undefined || element.lineTightenPt ? exactLineHeight(geometry, element) : undefined,
    left: element.leftChars ? charsToTwips(geometry, element.leftChars) : element.firstLineChars ? 0 : undefined,
    right: element.rightChars ? charsToTwips(geometry, element.rightChars) : undefined,
    // firstLineChars is what Word and WPS read; LibreOffice reads only the twips beside it.
    firstLine: element.firstLineChars ? charsToTwips(geometry, element.firstLineChars) : undefined,
    firstLineChars: element.firstLineChars ? Math.round(element.firstLineChars * 100) : undefined,
    jc: JC[element.align],
  };
}

/**
 * Exact line height of a paragraph kind, in twips: its rows of the grid, less `lineTightenPt`
 * (the title gives that back after its last line, see frame.ts).
 */
export function exactLineHeight(geometry: DocxGeometry, element: ElementStyle): number {
  return rowsPerLine(element) * geometry.linePitch - Math.round((element.lineTightenPt ?? 0) * 20);
}

function runPropsXml(spec: StyleSpec, element: ElementStyle, tracking: number): string {
  const half = Math.round(element.sizePt * 2);
  const spacing = tracking ? `<w:spacing w:val="${tracking}"/>` : '';
  return `<w:rPr>${runFontsXml(spec, element.font)}${spacing}<w:sz w:val="${half}"/><w:szCs w:val="${half}"/></w:rPr>`;
}

function paragraphStyle(key: StyleKey, basedOn: string | undefined, pPr: string, rPr: string, extra = ''): string {
  const style = STYLES[key];
  const isDefault = key === 'normal' ? ' w:default="1"' : '';
  return `<w:style w:type="paragraph"${isDefault} w:styleId="${style.id}"><w:name w:val="${escapeXml(style.name)}"/>` +
    (basedOn ? `<w:basedOn w:val="${basedOn}"/>` : '') + `<w:next w:val="${key === 'title' || key === 'recipient' || key.startsWith('heading') ? STYLES.body.id : style.id}"/>` +
    `${extra}<w:qFormat/>${pPr}${rPr}</w:style>`;
}

/** Which spec element each style renders, and whether its characters sit on the 28-character grid. */
const ELEMENT_OF: Array<[StyleKey, ElementKind, boolean, FontRole?]> = [
  ['title', 'title', false],
  ['recipient', 'recipient', true],
  ['body', 'body', true],
  ['heading1', 'heading1', true],
  ['heading2', 'heading2', true],
  ['heading3', 'heading3', true],
  ['heading4', 'heading4', true],
  ['attachment', 'attachment', true],
  ['signature', 'signature', true],
  ['date', 'date', true],
  ['quote', 'quote', true],
  ['list', 'body', true],
  ['table', 'table', false],
  // Header cells in the level-1 heading face (黑体), the usual 公文 table head; a face, not bold.
  ['tableHeader', 'table', false, 'heading1'],
  ['caption', 'caption', false],
];

export function elementOf(spec: StyleSpec, kind: ElementKind): ElementStyle {
  return spec.elements[kind] ?? spec.elements.body;
}

/** `extra`: further w:style elements (the 公文 parts a document has, gongwen-styles.ts). */
export function stylesXml(spec: StyleSpec, extra: string[] = []): string {
  const geometry = docxGeometry(spec);
  const body = spec.elements.body;
  const bodyHalf = Math.round(body.sizePt * 2);
  const defaults = `<w:docDefaults><w:rPrDefault><w:rPr>${runFontsXml(spec, body.font)}<w:sz w:val="${bodyHalf}"/><w:szCs w:val="${bodyHalf}"/>` +
    '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>' +
    // Kinsoku on, punctuation inside the text area (GB/T 15834, clreq); see OVERFLOW_PUNCT_VAL.
    `<w:pPrDefault><w:pPr><w:kinsoku/><w:overflowPunct w:val="${OVERFLOW_PUNCT_VAL}"/></w:pPr></w:pPrDefault></w:docDefaults>`;
  const styles: string[] = [
    paragraphStyle('normal', undefined, paragraphPropsXml({ noHanging: true, snapToGrid: false, exactLine: geometry.linePitch, jc: 'both' }), runPropsXml(spec, body, 0)),
  ];
  for (const [key, kind, onGrid, font] of ELEMENT_OF) {
    const element = font ? { ...elementOf(spec, kind), font } : elementOf(spec, kind);
    const props = elementParagraphProps(geometry, element);
    const level = key.startsWith('heading') ? Number(key.slice(-1)) : 0;
    if (level) {
      props.numPr = { ilvl: level - 1, numId: HEADING_NUM_ID };
      props.outlineLvl = level - 1;
    }
    if (key === 'table' || key === 'tableHeader') props.exactLine = geometry.linePitch; // one grid row per line inside cells
    const tracking = onGrid ? gridTracking(spec, element.sizePt) : 0;
    styles.push(paragraphStyle(key, STYLES.normal.id, paragraphPropsXml(props), runPropsXml(spec, element, tracking)));
  }
  styles.push(paragraphStyle('image', STYLES.normal.id, paragraphPropsXml({ snapToGrid: true, autoLine: true, jc: 'center', left: 0, firstLine: 0 }), ''));
  const pageNumber = spec.pageNumber;
  const pnHalf = Math.round(pageNumber.sizePt * 2);
  styles.push(paragraphStyle('pageNumber', STYLES.normal.id,
    paragraphPropsXml({ snapToGrid: false, exactLine: Math.round(pageNumber.sizePt * 20) }),
    `<w:rPr>${runFontsXml(spec, pageNumber.font)}<w:sz w:val="${pnHalf}"/><w:szCs w:val="${pnHalf}"/></w:rPr>`));
  styles.push(...smallerTableTextStyles(spec));
  // Rules as wide as the PDF's (w:sz in eighths of a point); cell padding the PDF's, none above or below.
  const border = `w:val="single" w:sz="${Math.round(spec.typography.tableRuleWidthPt * 8)}" w:space="0" w:color="000000"`;
  const padding = charsToTwips(geometry, spec.typography.tableCellPaddingChars);
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} ${border}/>`).join('');
  styles.push(
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>',
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>' +
      '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>',
    `<w:style w:type="table" w:styleId="${TABLE_STYLE.id}"><w:name w:val="${TABLE_STYLE.name}"/><w:basedOn w:val="TableNormal"/><w:qFormat/>` +
      `<w:tblPr><w:jc w:val="center"/><w:tblBorders>${borders}</w:tblBorders><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="${padding}" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="${padding}" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`,
    '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>',
  );
  styles.push(...extra);
  return `${XML_DECLARATION}<w:styles xmlns:w="${W_NS}">${defaults}${styles.join('')}</w:styles>`;
}
