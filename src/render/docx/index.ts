/**
 * The DOCX writer: document model + style spec → a GB/T 9704 公文 as .docx bytes.
 * It reads nothing else (no mdast, no YAML, no clock): the same model gives the same bytes.
 *
 * The docx package writes the document body, tables, images, footers and the package; this
 * writer supplies the parts docx cannot express (styles.ts, numbering.ts, settings.ts) and
 * makes the zip deterministic (package.ts). Grid construction: see geometry.ts.
 */
import { Document as DocxDocument, DocumentGridType, Footer, Packer, Paragraph, SectionType } from 'docx';
import { splitAttendance } from '../../model/attendance.js';
import { closingBlock } from '../../model/closing.js';
import type { Document } from '../../model/document.js';
import type { LayoutResult } from '../../layout/types.js';
import type { StyleSpec } from '../../style/spec.js';
import type { WriterInput, WriterOutput } from '../index.js';
import { bodyBlocks, bodyContext } from './blocks.js';
import { chartParts, numberCharts } from './chart.js';
import { colophonParagraphs } from './colophon.js';
import { attachmentPageParagraphs, attachmentParagraphs, attendanceParagraphs, closingParagraphs, footerDistance, noteParagraphs, openingParagraphs, pageNumberFooter } from './frame.js';
import { gongwenStylesXml } from './gongwen-styles.js';
import { mastheadParagraphs } from './masthead.js';
import { docxGeometry } from './geometry.js';
import { numberingXml } from './numbering.js';
import { finishPackage } from './package.js';
import { corePropertiesXml, fontTableXml, settingsXml } from './settings.js';
import { STYLES, stylesXml } from './styles.js';


/**
 * `layout`, when given, is the PDF's pagination: where it moved the body's end down with the
 * closing block, the DOCX asks Word/WPS/LibreOffice for the same break.
 */
export async function writeDocx(doc: Document, spec: StyleSpec, layout?: LayoutResult): Promise<Buffer> {
  const geometry = docxGeometry(spec);
  const footer = footerDistance(spec);
  const block = closingBlock(doc, spec);
  // 纪要: 出席/请假/列席 leave the body and follow the 附件说明
  const split = splitAttendance(doc.body, spec);
  const closing = [
    ...attachmentParagraphs(doc, spec, geometry, block), ...attendanceParagraphs(split, spec, geometry),
    ...closingParagraphs(spec, geometry, block), ...noteParagraphs(spec, geometry, block),
  ];
  const masthead = mastheadParagraphs(doc, spec, geometry);
  const colophon = colophonParagraphs(doc, spec, geometry, layout);
  const body = bodyContext(doc.body, geometry, spec);
  const charts = numberCharts(doc, layout?.closingKeep);
  const children = [
    ...masthead.paragraphs,
    ...openingParagraphs(doc, spec, geometry),
    ...bodyBlocks(split.body, body, undefined, { closing: closing.length > 0, keep: layout?.closingKeep }),
    ...closing,
    ...attachmentPageParagraphs(doc, spec, geometry),
    ...colophon.paragraphs,
  ];
  const page = {
    size: { width: geometry.pageWidth, height: geometry.pageHeight },
    margin: {
      top: geometry.marginTop, bottom: geometry.marginBottom, left: geometry.marginLeft, right: geometry.marginRight,
      header: footer, footer, gutter: 0,
    },
  };
  // A line grid only: LibreOffice splits a 16 pt character over two cells of a character
  // grid; run tracking (styles.ts) gives the 28 characters a row instead.
  const grid = { type: DocumentGridType.LINES, linePitch: geometry.linePitch };
  const numbers = { default: pageNumberFooter(spec, 'odd'), even: pageNumberFooter(spec, 'even') };
  const none = () => new Footer({ children: [new Paragraph({ style: STYLES.pageNumber.id })] });
  const docx = new DocxDocument({
    title: doc.metadata.title,
    creator: doc.metadata.author ?? '',
    evenAndOddHeaderAndFooters: true,
    sections: [
      {
        // 信函格式: page 1 has a footer of its own, without the page number
        properties: { page, grid, ...(masthead.pageNumberOnFirstPage ? {} : { titlePage: true }) },
        footers: masthead.pageNumberOnFirstPage ? numbers : { ...numbers, first: none() },
        children,
      },
      // a blank page before the 版记 page: both without page numbers (§7.5)
      ...(colophon.section ? [{ properties: { page, grid, type: SectionType.NEXT_PAGE }, footers: { default: none(), even: none() }, children: colophon.section }] : []),
    ],
  });
  // the parts unzipped: finishPackage replaces some and zips the package once
  const compiled = (Packer as unknown as PackerInternals).compiler.compile(docx, undefined, []);
  return finishPackage(compiled, {
    'word/styles.xml': stylesXml(spec, gongwenStylesXml(doc, spec)),
    'word/numbering.xml': numberingXml(spec),
    'word/settings.xml': settingsXml(spec),
    'word/fontTable.xml': fontTableXml(spec),
    'docProps/core.xml': corePropertiesXml(doc.metadata),
  }, doc.metadata.created, await chartParts(charts, spec, doc.metadata.created));
}

/** docx 9's Packer zips what its compiler gives; report zips once, after its own parts are in. */
interface PackerInternals {
  compiler: { compile(file: DocxDocument, prettify: undefined, overrides: []): Map<string, string | Uint8Array> };
}

/** The registry's entry point (src/render/index.ts). */
export async function write({ document, spec, layout }: WriterInput): Promise<WriterOutput> {
  return { bytes: await writeDocx(document, spec, layout), diagnostics: [] };
}
