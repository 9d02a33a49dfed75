/**
 * word/settings.xml, word/fontTable.xml and docProps/core.xml, written here rather than by the
 * docx package: settings need odd/even footers, no punctuation compression (each mark keeps its
 * grid cell) and Word's zh-CN kinsoku lists; core properties must carry the document's own date,
 * never the build time, so two builds are byte-identical.
 */
import type { DocumentMetadata } from '../../model/document.js';
import type { StyleSpec } from '../../style/spec.js';
import { charsToTwips, docxGeometry } from './geometry.js';
import { attributes, escapeXml, W_NS, XML_DECLARATION } from './xml.js';

/** Word's zh-CN kinsoku lists (ISO 29500 §17.15.1.58/59), as zh-CN Word serialises them. */
export const KINSOKU_ZH_CN = {
  /** May not end a line. */
  noLineBreaksAfter: '$([{£¥·‘“〈《「『【〔〖〝﹙﹛﹝＄（．［｛￡￥',
  /** May not begin a line. */
  noLineBreaksBefore: '!%),.:;>?]}¢¨°·ˇˉ―‖’”…‰′″›℃∶、。〃〉》」』】〕〗〞︶︺︾﹀﹄﹚﹜﹞！＂％＇），．：；？］｀｜｝～￠',
};

export function settingsXml(spec: StyleSpec): string {
  const geometry = docxGeometry(spec);
  return `${XML_DECLARATION}<w:settings xmlns:w="${W_NS}">` +
    '<w:zoom w:percent="100"/>' +
    `<w:defaultTabStop w:val="${charsToTwips(geometry, 2)}"/>` +
    // §7.5: odd pages number on the right, even pages on the left.
    '<w:evenAndOddHeaders/>' +
    '<w:characterSpacingControl w:val="doNotCompress"/>' +
    `<w:noLineBreaksAfter${attributes({ 'w:lang': 'zh-CN', 'w:val': KINSOKU_ZH_CN.noLineBreaksAfter })}/>` +
    `<w:noLineBreaksBefore${attributes({ 'w:lang': 'zh-CN', 'w:val': KINSOKU_ZH_CN.noLineBreaksBefore })}/>` +
    '<w:compat><w:useFELayout/><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
    '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/><w:decimalSymbol w:val="."/><w:listSeparator w:val=","/>' +
    '</w:settings>';
}

/** Every face the styles name; GB2312 charset (86) for the Chinese ones so Word substitutes sensibly. */
export function fontTableXml(spec: StyleSpec): string {
  const seen = new Map<string, string | undefined>();
  for (const font of Object.values(spec.fonts)) {
    if (!seen.has(font.family)) seen.set(font.family, font.alternatives.find((name) => /^[\x20-\x7e]+$/.test(name)));
  }
  const latin = [...new Set(Object.values(spec.fonts).map((font) => font.latin))].filter((name) => !seen.has(name));
  const fonts = [...seen].map(([name, alt]) =>
    `<w:font w:name="${escapeXml(name)}">${alt ? `<w:altName w:val="${escapeXml(alt)}"/>` : ''}<w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>`);
  for (const name of latin) fonts.push(`<w:font w:name="${escapeXml(name)}"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>`);
  return `${XML_DECLARATION}<w:fonts xmlns:w="${W_NS}">${fonts.join('')}</w:fonts>`;
}

/** W3CDTF without milliseconds, as Word writes it. */
export function w3cdtf(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function corePropertiesXml(metadata: DocumentMetadata): string {
  const when = w3cdtf(metadata.created);
  const author = metadata.author ? escapeXml(metadata.author) : '';
  return `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(metadata.title)}</dc:title><dc:creator>${author}</dc:creator><cp:lastModifiedBy>${author}</cp:lastModifiedBy>` +
    `<cp:revision>1</cp:revision><dc:language>${metadata.language}</dc:language>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>';
}
