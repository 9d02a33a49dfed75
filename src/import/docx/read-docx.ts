/**
 * The body of a DOCX as blocks: paragraphs with their text as Word shows it (inserted text
 * counted, deleted text and hidden runs not, field results but not field codes, the number Word's
 * numbering prints), tables as rows of cell texts, images as files. Only WordprocessingML the
 * recogniser needs is read; text boxes, comments and footnotes are left out, with a note.
 */
import { posix } from 'node:path';
import { MAX_IMAGE_BYTES } from '../../markdown/image-size.js';
import type { ReadDocument, SourceBlock, SourceImage, SourceParagraph, TextPiece } from '../blocks.js';
import { paragraphText } from '../blocks.js';
import { childElements, findDescendant, firstChild, type XmlElement } from '../xml.js';
import { NumberingCounter } from './numbering.js';
import { openDocxPackage, type DocxPackage } from './package.js';
import { isOn, paragraphFormat, readStyles, runFormat, type StyleSheet } from './styles.js';

/** Containers whose children are read as if they stood in their place. */
const TRANSPARENT_RUN_CONTAINERS = new Set(['w:hyperlink', 'w:ins', 'w:smartTag', 'w:fldSimple', 'w:customXml', 'w:moveTo', 'w:dir', 'w:bdo']);
/** Run elements that stand for one character. */
const CHARACTER_ELEMENTS = new Map([['w:tab', '\t'], ['w:noBreakHyphen', '-'], ['w:softHyphen', '']]);
const IMAGE_CONTAINERS = new Set(['w:drawing', 'w:pict', 'mc:AlternateContent']);

interface ImageReference {
  relationshipId: string;
  alt: string;
}

interface Context {
  styles: StyleSheet;
  numbering: NumberingCounter;
  notes: Set<string>;
}

export async function readDocx(bytes: Buffer, shownAs: string): Promise<ReadDocument> {
  const pkg = await openDocxPackage(bytes, shownAs);
  const context: Context = { styles: readStyles(pkg.styles), numbering: new NumberingCounter(pkg.numbering), notes: new Set() };
  const body = firstChild(pkg.document, 'w:body');
  const pending: Array<SourceBlock | ImageReference> = [];
  walkBody(body, context, pending);
  const blocks = await resolveImages(pending, pkg, context.notes);
  return { blocks, notes: [...context.notes] };
}

function walkBody(container: XmlElement | undefined, context: Context, out: Array<SourceBlock | ImageReference>): void {
  for (const element of childElements(container)) {
    switch (element.name) {
      case 'w:p': {
        const read = readParagraph(element, context);
        const [first] = read;
        const last = out[out.length - 1];
        const previous = last && 'kind' in last && last.kind === 'paragraph' ? last : undefined;
        if (previous && first && 'kind' in first && first.kind === 'paragraph' && continuesPrevious(element, previous)) {
          previous.pieces = mergePieces([...previous.pieces, ...first.pieces]);
          out.push(...read.slice(1));
        } else {
          out.push(...read);
        }
        break;
      }
      case 'w:tbl': {
        const images: ImageReference[] = [];
        out.push({ kind: 'table', rows: readTable(element, context, images) });
        out.push(...images);
        break;
      }
      case 'w:sdt':
        walkBody(firstChild(element, 'w:sdtContent'), context, out);
        break;
      case 'w:customXml':
        walkBody(element, context, out);
        break;
      default:
        break; // w:sectPr, bookmarks, w:altChunk …
    }
  }
}

/** Paragraphs whose row was set justified to the full width (w:jc distribute): split ones end so. */
const distributed = new WeakSet<SourceParagraph>();

/**
 * A paragraph split across a page break by its writer (report build does this so the closing
 * block never stands alone): the first part set distributed to the full row, the rest without a
 * first-line indent, and no sentence end between them. Read as the one paragraph it is.
 */
function continuesPrevious(p: XmlElement, previous: SourceParagraph): boolean {
  if (!distributed.has(previous) || /[。！？!?；;：:”」』）)]\s*$/u.test(paragraphText(previous))) return false;
  const ind = firstChild(firstChild(p, 'w:pPr'), 'w:ind');
  return ind?.attributes['w:firstLine'] === '0' || ind?.attributes['w:firstLineChars'] === '0';
}

/** A paragraph, and the images anchored in it (after it, in order). */
function readParagraph(p: XmlElement, context: Context): Array<SourceBlock | ImageReference> {
  const pPr = firstChild(p, 'w:pPr');
  const own = paragraphFormat(pPr);
  const style = context.styles.paragraphStyle(firstChild(pPr, 'w:pStyle')?.attributes['w:val']);
  const numbering = own.numbering ?? style.numbering;
  const pieces: TextPiece[] = [];
  const images: ImageReference[] = [];
  const sizes: number[] = style.sizePt ? [style.sizePt] : [];
  readRuns(p, context, { bold: style.bold ?? false }, pieces, images, sizes);
  const paragraph: SourceParagraph = {
    kind: 'paragraph',
    pieces: mergePieces(pieces),
    autoNumber: numbering ? context.numbering.next(numbering.numId, numbering.level) : undefined,
    align: own.align ?? style.align,
    sizePt: sizes.length ? Math.max(...sizes) : undefined,
    styleName: style.name,
  };
  if (firstChild(pPr, 'w:jc')?.attributes['w:val'] === 'distribute') distributed.add(paragraph);
  const hasText = paragraphText(paragraph).trim() !== '';
  if (!hasText && images.length === 0) return [{ kind: 'blank' }];
  return hasText ? [paragraph, ...images] : images;
}

function readRuns(container: XmlElement, context: Context, inherited: { bold: boolean }, pieces: TextPiece[], images: ImageReference[], sizes: number[]): void {
  for (const element of childElements(container)) {
    if (element.name === 'w:r') readRun(element, context, inherited, pieces, images, sizes);
    else if (TRANSPARENT_RUN_CONTAINERS.has(element.name)) readRuns(element, context, inherited, pieces, images, sizes);
    else if (element.name === 'w:sdt') readRuns(firstChild(element, 'w:sdtContent') ?? element, context, inherited, pieces, images, sizes);
    // w:del and w:moveFrom (deleted text) are not read, nor anything else.
  }
}

function readRun(run: XmlElement, context: Context, inherited: { bold: boolean }, pieces: TextPiece[], images: ImageReference[], sizes: number[]): void {
  const rPr = firstChild(run, 'w:rPr');
  if (rPr && firstChild(rPr, 'w:vanish') && isOn(firstChild(rPr, 'w:vanish')!.attributes['w:val'])) return; // hidden text
  const format = runFormat(rPr);
  const characterStyleBold = context.styles.characterBold(firstChild(rPr, 'w:rStyle')?.attributes['w:val']);
  const bold = format.bold ?? characterStyleBold ?? inherited.bold;
  if (format.sizePt) sizes.push(format.sizePt);
  for (const child of childElements(run)) {
    if (child.name === 'w:t') {
      pieces.push({ text: child.children.filter((c): c is string => typeof c === 'string').join(''), bold });
    } else if (CHARACTER_ELEMENTS.has(child.name)) {
      pieces.push({ text: CHARACTER_ELEMENTS.get(child.name)!, bold });
    } else if (child.name === 'w:br' || child.name === 'w:cr') {
      // A page break before or after text is layout; a line break is kept inside the paragraph.
      if (child.attributes['w:type'] !== 'page' && child.attributes['w:type'] !== 'column') pieces.push({ text: '\n', bold });
    } else if (IMAGE_CONTAINERS.has(child.name)) {
      collectImages(child, images, context.notes);
    }
    // Anything else is no text: w:instrText (field codes), w:delText, w:fldChar, footnote marks …
  }
}

/** Pictures in a drawing (DrawingML or legacy VML); text boxes are noted, not read. */
function collectImages(element: XmlElement, images: ImageReference[], notes: Set<string>): void {
  const choice = element.name === 'mc:AlternateContent' ? firstChild(element, 'mc:Choice') ?? firstChild(element, 'mc:Fallback') : element;
  if (!choice) return;
  if (findDescendant(choice, 'w:txbxContent')) notes.add('text boxes are not imported (their text is not part of the body)');
  const blip = findDescendant(choice, 'a:blip');
  const docPr = findDescendant(choice, 'wp:docPr');
  const alt = docPr?.attributes.descr || docPr?.attributes.title || '';
  if (blip?.attributes['r:embed']) {
    images.push({ relationshipId: blip.attributes['r:embed'], alt });
    return;
  }
  const imageData = findDescendant(choice, 'v:imagedata');
  if (imageData?.attributes['r:id']) images.push({ relationshipId: imageData.attributes['r:id'], alt: imageData.attributes['o:title'] ?? alt });
}

function readTable(table: XmlElement, context: Context, images: ImageReference[]): string[][] {
  const rows: string[][] = [];
  for (const row of childElements(table, 'w:tr')) {
    const cells: string[] = [];
    for (const cell of childElements(row, 'w:tc')) {
      cells.push(cellText(cell, context, images));
      const span = Number(firstChild(firstChild(cell, 'w:tcPr'), 'w:gridSpan')?.attributes['w:val'] ?? 1);
      for (let extra = 1; extra < Math.min(span, 64); extra++) cells.push('');
    }
    rows.push(cells);
  }
  return rows;
}

/** A cell's paragraphs joined (a wrapped label is one label); nested tables read as text. */
function cellText(cell: XmlElement, context: Context, images: ImageReference[]): string {
  const parts: string[] = [];
  const visit = (container: XmlElement) => {
    for (const element of childElements(container)) {
      if (element.name === 'w:p') {
        for (const block of readParagraph(element, context)) {
          if ('relationshipId' in block) images.push(block);
          else if (block.kind === 'paragraph') parts.push(paragraphText(block).replace(/\s*\n\s*/g, ''));
        }
      } else if (element.name === 'w:tbl' || element.name === 'w:tr' || element.name === 'w:tc' || element.name === 'w:sdt' || element.name === 'w:sdtContent') {
        visit(element);
      }
    }
  };
  visit(cell);
  return parts.join('').trim();
}

function mergePieces(pieces: TextPiece[]): TextPiece[] {
  const out: TextPiece[] = [];
  for (const piece of pieces) {
    const last = out[out.length - 1];
    if (last && !!last.bold === !!piece.bold) last.text += piece.text;
    else if (piece.text) out.push({ ...piece });
  }
  return out;
}

/** Read each referenced image once; PNG and JPEG become files, others are noted and left out. */
async function resolveImages(pending: Array<SourceBlock | ImageReference>, pkg: DocxPackage, notes: Set<string>): Promise<SourceBlock[]> {
  const blocks: SourceBlock[] = [];
  const read = new Map<string, SourceImage | undefined>();
  const usedNames = new Set<string>();
  for (const item of pending) {
    if (!('relationshipId' in item)) {
      blocks.push(item);
      continue;
    }
    const relationship = pkg.relationships.get(item.relationshipId);
    if (!relationship || relationship.external) {
      notes.add('linked (not embedded) images are not imported');
      continue;
    }
    if (!read.has(relationship.target)) {
      const data = await pkg.readPart(relationship.target, MAX_IMAGE_BYTES);
      read.set(relationship.target, data ? toImage(relationship.target, data, usedNames, notes) : undefined);
      if (!data) notes.add(`image ${posix.basename(relationship.target)} is missing, damaged or over ${MAX_IMAGE_BYTES / 1048576} MB; left out`);
    }
    const image = read.get(relationship.target);
    if (image) blocks.push({ ...image, alt: item.alt });
  }
  return blocks;
}

function toImage(target: string, data: Buffer, usedNames: Set<string>, notes: Set<string>): SourceImage | undefined {
  const format = data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) ? 'png'
    : data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff ? 'jpeg' : 'other';
  const stem = posix.basename(target).replace(/\.[^.]*$/, '').replace(/[^\w.-]+/g, '_') || 'image';
  if (format === 'other') {
    notes.add(`image ${posix.basename(target)} is neither PNG nor JPEG (report build prints only those); left out`);
    return undefined;
  }
  let fileName = `${stem}.${format === 'png' ? 'png' : 'jpg'}`;
  for (let n = 2; usedNames.has(fileName); n++) fileName = `${stem}-${n}.${format === 'png' ? 'png' : 'jpg'}`;
  usedNames.add(fileName);
  return { kind: 'image', fileName, data, format, alt: '' };
}
