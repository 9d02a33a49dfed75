/**
 * What the DOCX and text readers hand to the 公文 recogniser: the document's paragraphs, tables,
 * images and blank lines in reading order, with the few layout facts that tell a title from a
 * 署名 (alignment, type size). Text is exactly as written; nothing is fixed or normalised here.
 */

export interface TextPiece {
  /** `\n` stands for a line break inside the paragraph. */
  text: string;
  bold?: boolean;
}

export interface SourceParagraph {
  kind: 'paragraph';
  pieces: TextPiece[];
  /** The number Word's automatic numbering prints before the text (`一、`, `（二）`), if any. */
  autoNumber?: string;
  align?: 'left' | 'center' | 'right' | 'both';
  /** Largest type size in the paragraph, in points. */
  sizePt?: number;
  /** Word's style name (`Title`, `标题`, `Heading 1`). */
  styleName?: string;
}

export interface SourceTable {
  kind: 'table';
  /** Cell texts, row by row; merged cells leave empty cells so every row has its columns. */
  rows: string[][];
}

export interface SourceImage {
  kind: 'image';
  /** File name to save it under in images/ (`image1.png`). */
  fileName: string;
  data: Buffer;
  format: 'png' | 'jpeg' | 'other';
  alt: string;
}

/** An empty paragraph or line: it separates a title from the text in plain-text files. */
export interface BlankLine {
  kind: 'blank';
}

export type SourceBlock = SourceParagraph | SourceTable | SourceImage | BlankLine;

/** A document as read: its blocks, and notes about what could not be carried over. */
export interface ReadDocument {
  blocks: SourceBlock[];
  notes: string[];
}

/** The paragraph as a reader sees it: the automatic number, then the text. */
export function paragraphText(paragraph: SourceParagraph): string {
  return (paragraph.autoNumber ?? '') + paragraph.pieces.map((piece) => piece.text).join('');
}

export function textParagraph(text: string): SourceParagraph {
  return { kind: 'paragraph', pieces: [{ text }] };
}
