/**
 * The writer registry: one entry per output format. The CLI's `--format` choices, report.yaml's
 * `output.formats`, the `--json` summary and the build's messages all derive from this list.
 *
 * Adding a format is a folder `src/render/<name>/index.ts` exporting `write` plus one line here.
 * A writer reads the document model and the style spec; one that prints pages (`needs: 'layout'`)
 * also receives the laid-out pages and the faces they use, which the build pipeline computes once.
 * Writers are imported only when chosen, so a DOCX-only build never loads pdfkit.
 */
import type { Diagnostic } from '../diagnostic.js';
import type { Face } from '../fonts/face.js';
import type { LayoutResult } from '../layout/types.js';
import type { Document } from '../model/document.js';
import type { StyleSpec } from '../style/spec.js';

export interface WriterInput {
  document: Document;
  spec: StyleSpec;
  /** Present for writers that need layout. */
  layout?: LayoutResult;
  /** Every face the layout placed glyphs from, by id (present with `layout`). */
  faces?: Map<string, Face>;
}

export interface WriterOutput {
  bytes: Buffer;
  diagnostics: Diagnostic[];
}

export interface WriterModule {
  write(input: WriterInput): Promise<WriterOutput>;
}

export interface OutputFormat {
  name: string;
  /** File extension without the dot. */
  extension: string;
  description: string;
  /** 'layout': the pipeline resolves fonts and lays out pages before calling the writer. */
  needs: 'model' | 'layout';
  /** Built when report.yaml names no `output.formats`. */
  byDefault: boolean;
  load(): Promise<WriterModule>;
}

export const OUTPUT_FORMATS: readonly OutputFormat[] = [
  // layout: where the PDF's pagination moved the body's end down with the closing block, the DOCX
  // asks for the same break
  { name: 'docx', extension: 'docx', description: 'Word document for Word, WPS and LibreOffice', needs: 'layout', byDefault: true, load: () => import('./docx/index.js') },
  { name: 'pdf', extension: 'pdf', description: 'PDF on the GB/T 9704 grid, fonts embedded', needs: 'layout', byDefault: true, load: () => import('./pdf/index.js') },
  { name: 'txt', extension: 'txt', description: 'plain text with generated numbering, for diffs and OA systems', needs: 'model', byDefault: false, load: () => import('./txt/index.js') },
];

export const FORMAT_NAMES = OUTPUT_FORMATS.map((format) => format.name);

export function outputFormat(name: string): OutputFormat | undefined {
  return OUTPUT_FORMATS.find((format) => format.name === name);
}

/** "docx, pdf or txt" — for messages. */
export function formatChoices(): string {
  return FORMAT_NAMES.length > 1 ? `${FORMAT_NAMES.slice(0, -1).join(', ')} or ${FORMAT_NAMES.at(-1)}` : FORMAT_NAMES[0];
}
