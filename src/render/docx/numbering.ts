/**
 * word/numbering.xml: the 公文 heading hierarchy 一、 （一） 1. （1） as real Word numbering, so a
 * user who inserts a heading in Word gets the following ones renumbered. One abstract list with
 * four levels, each linked to its heading style; every heading shares one w:num, so numbering runs
 * across the whole document and a level restarts under its parent (Word's default lvlRestart).
 */
import type { Heading } from '../../model/document.js';
import { headingNumber } from '../../model/numbering.js';
import type { StyleSpec } from '../../style/spec.js';
import { charsToTwips, docxGeometry } from './geometry.js';
import { HEADING_NUM_ID, STYLES } from './styles.js';
import { W_NS, XML_DECLARATION } from './xml.js';

/** Level formats: full-width brackets, no space after the number (suff nothing). */
export const HEADING_LEVELS = [
  { numFmt: 'chineseCounting', lvlText: '%1、', style: STYLES.heading1.id },
  { numFmt: 'chineseCounting', lvlText: '（%2）', style: STYLES.heading2.id },
  { numFmt: 'decimal', lvlText: '%3.', style: STYLES.heading3.id },
  { numFmt: 'decimal', lvlText: '（%4）', style: STYLES.heading4.id },
] as const;

/** A fixed list id (w:nsid), so two builds write the same bytes. */
const NSID = '4F574E31';

export function numberingXml(spec: StyleSpec): string {
  const geometry = docxGeometry(spec);
  const levels = HEADING_LEVELS.map((level, ilvl) => {
    const element = spec.elements[`heading${ilvl + 1}` as 'heading1'];
    const chars = element.firstLineChars ?? 0;
    // The level's indent repeats the style's: Word applies numbering indents over the style's.
    const ind = `<w:ind w:left="0" w:firstLine="${charsToTwips(geometry, chars)}" w:firstLineChars="${Math.round(chars * 100)}"/>`;
    return `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${level.numFmt}"/><w:pStyle w:val="${level.style}"/>` +
      `<w:suff w:val="nothing"/><w:lvlText w:val="${level.lvlText}"/><w:lvlJc w:val="left"/><w:pPr>${ind}</w:pPr>` +
      '<w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr></w:lvl>';
  }).join('');
  return `${XML_DECLARATION}<w:numbering xmlns:w="${W_NS}">` +
    `<w:abstractNum w:abstractNumId="0"><w:nsid w:val="${NSID}"/><w:multiLevelType w:val="multilevel"/>${levels}</w:abstractNum>` +
    `<w:num w:numId="${HEADING_NUM_ID}"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
}

/**
 * For each heading, whether Word's numbering prints exactly the model's number. Word counts the
 * headings itself; where the model says otherwise (a number the author fixed, an odd restart),
 * the writer prints the model's text literally instead, so the DOCX never disagrees with the PDF.
 */
export function wordNumberingMatches(headings: Heading[]): boolean[] {
  let counters = [0, 0, 0, 0];
  return headings.map((heading) => {
    const index = heading.level - 1;
    const next = counters.map((count, level) => (level < index ? count : level === index ? count + 1 : 0));
    const matches = next[index] === heading.ordinal && heading.number === headingNumber(heading.level, heading.ordinal);
    // A heading printed literally carries no w:numPr, so Word does not count it either.
    if (matches) counters = next;
    return matches;
  });
}

/**
 * Repeat the heading style's numbering on each numbered heading paragraph, as Word does once a
 * user touches the list: readers that do not resolve style-linked numbering (and some converters)
 * still see w:numPr on the heading itself. Headings that print a literal number (numId 0) keep it.
 */
export function linkHeadingNumbering(documentXml: string): string {
  return documentXml.replace(
    /(<w:pPr><w:pStyle w:val="GwHeading([1-4])"\/>(?:<w:keepNext\/>|<w:keepLines\/>|<w:pageBreakBefore\/>|<w:widowControl\/>)*)(?!<w:numPr>)/g,
    (match, head: string, level: string) => `${head}<w:numPr><w:ilvl w:val="${Number(level) - 1}"/><w:numId w:val="${HEADING_NUM_ID}"/></w:numPr>`,
  );
}
