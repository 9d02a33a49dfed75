/**
 * The imported report as the files of a project: report.yaml (title, 主送, 署名, 日期, 附件说明,
 * and where the document has them 版头, 附注 and 版记), an indicators.yaml waiting for `report
 * extract`, one section file per 一、 heading (the text before the first one goes with it, as in
 * the example project), attachments/附件N.md for 附件 pages, images/ and, for text after the
 * 成文日期 that is none of these, appendix/after-date.md (not printed by the build).
 */
import { stringify } from 'yaml';
import type { SourceBlock } from './blocks.js';
import { markdownLine, escapeMarkdown } from './markdown-text.js';
import type { OutlineBlock } from './outline.js';
import type { ReportParts } from './closing-and-head.js';
import type { AttachmentPage } from './gongwen-extras.js';

export interface ProjectFile {
  /** Relative path with forward slashes. */
  path: string;
  data: Buffer;
}

export interface ImportSummary {
  sections: number;
  headings: number;
  paragraphs: number;
  tables: number;
  images: number;
}

export const INDICATORS_FILE = 'indicators.yaml';
const MAX_SLUG_CHARS = 12;

const INDICATORS_STUB = `# The report's figures. \`report extract\` moves the figures typed in sections/*.md here
# (as typed indicators: value, unit, 增速 …) and puts {{references}} in their place.
`;

export function projectFiles(parts: ReportParts, outline: OutlineBlock[], title: string, outputName: string): { files: ProjectFile[]; summary: ImportSummary } {
  const files: ProjectFile[] = [];
  const summary: ImportSummary = { sections: 0, headings: 0, paragraphs: 0, tables: 0, images: 0 };
  const imageFiles = new Map<string, Buffer>();

  const chunks = splitAtLevelOne(outline);
  const width = Math.max(2, String(chunks.length).length);
  chunks.forEach((chunk, i) => {
    const firstHeading = chunk.find((b) => b.kind === 'heading' && b.level === 1);
    const slug = slugOf(firstHeading?.kind === 'heading' ? firstHeading.text : '正文');
    const markdown = chunk.map((block) => {
      if (block.kind === 'heading') summary.headings++;
      if (block.kind === 'paragraph') summary.paragraphs++;
      if (block.kind === 'table') summary.tables++;
      if (block.kind === 'image') {
        summary.images++;
        imageFiles.set(block.fileName, block.data);
      }
      return blockMarkdown(block);
    }).join('\n\n');
    files.push({ path: `sections/${String(i + 1).padStart(width, '0')}-${slug}.md`, data: Buffer.from(`${markdown}\n`) });
  });
  summary.sections = chunks.length;
  const attachments = attachmentEntries(parts);
  for (const { file, page } of attachments) {
    if (!file || !page) continue;
    for (const block of page.blocks) if (block.kind === 'image') imageFiles.set(block.fileName, block.data);
    files.push({ path: file, data: Buffer.from(`${page.blocks.map(blockMarkdown).join('\n\n')}\n`) });
  }
  if (parts.afterDate.length > 0) {
    for (const block of parts.afterDate) if (block.kind === 'image') imageFiles.set(block.fileName, block.data);
    const text = parts.afterDate.map(blockMarkdown).join('\n\n');
    files.push({ path: 'appendix/after-date.md', data: Buffer.from(`<!-- Text that followed the 成文日期 (附件 pages, 附注, 版记); the build does not print it. -->\n\n${text}\n`) });
  }
  for (const [name, data] of imageFiles) files.push({ path: `images/${name}`, data });
  files.push({ path: 'report.yaml', data: Buffer.from(reportYaml(parts, attachments, title, outputName)) });
  files.push({ path: INDICATORS_FILE, data: Buffer.from(INDICATORS_STUB) });
  return { files, summary };
}

/** Sections: a new file at each 一、 heading once the current file has one. */
function splitAtLevelOne(outline: OutlineBlock[]): OutlineBlock[][] {
  const chunks: OutlineBlock[][] = [[]];
  let current = chunks[0];
  let hasLevelOne = false;
  for (const block of outline) {
    if (block.kind === 'heading' && block.level === 1) {
      if (hasLevelOne) {
        current = [];
        chunks.push(current);
      }
      hasLevelOne = true;
    }
    current.push(block);
  }
  return chunks.filter((chunk) => chunk.length > 0).length ? chunks.filter((chunk) => chunk.length > 0) : [[]];
}

function blockMarkdown(block: OutlineBlock | SourceBlock): string {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(block.level)} ${escapeMarkdown(block.text)}`;
    case 'paragraph':
      return markdownLine(block.pieces.map((piece, i) => (i === 0 ? { ...piece, text: (block.autoNumber ?? '') + piece.text.replace(/^[\s\u3000]+/u, '') } : piece)));
    case 'table':
      return tableMarkdown(block.rows);
    case 'image':
      return `![${escapeMarkdown(block.alt)}](../images/${block.fileName})`;
    case 'blank':
      return '';
  }
}

/** A GFM table: the first row is the header row; rows padded to the widest. */
function tableMarkdown(rows: string[][]): string {
  const columns = Math.max(1, ...rows.map((row) => row.length));
  const line = (cells: string[]) => `| ${Array.from({ length: columns }, (_, i) => escapeMarkdown(cells[i] ?? '').replace(/\n/g, ' ')).join(' | ')} |`;
  const [head = [], ...body] = rows;
  return [line(head), `|${' --- |'.repeat(columns)}`, ...body.map(line)].join('\n');
}

function slugOf(text: string): string {
  const words = text.split(/[，,。；;：:、（）()“”"《》\s]/u)[0] || text;
  const slug = [...words.replace(/[^\p{L}\p{N}-]/gu, '')].slice(0, MAX_SLUG_CHARS).join('');
  return slug || 'section';
}

interface AttachmentEntry {
  title: string;
  file?: string;
  page?: AttachmentPage;
}

/** 附件说明 names, each with its 附件 page when the document has one (附件2 → the second name). */
function attachmentEntries(parts: ReportParts): AttachmentEntry[] {
  const entries: AttachmentEntry[] = parts.attachments.map((title) => ({ title }));
  for (const page of parts.pages) {
    const index = parts.attachments.length === 1 && parts.pages.length === 1 ? 0 : page.index - 1;
    const file = `attachments/附件${index + 1}.md`;
    if (entries[index] && !entries[index].page) Object.assign(entries[index], { file, page });
    else entries.push({ title: page.title, file: `attachments/附件${entries.length + 1}.md`, page });
  }
  return entries;
}

function reportYaml(parts: ReportParts, attachments: AttachmentEntry[], title: string, outputName: string): string {
  // Values are printed through Handlebars by the build: a literal {{ must stay literal.
  const literal = (text: string) => text.replace(/\{\{/g, '\\{{');
  const config: Record<string, unknown> = { title: literal(title) };
  if (parts.header) config.header = definedOnly({ ...parts.header, signer: parts.header.signer.length ? parts.header.signer : undefined });
  if (parts.recipient) config.recipient = literal(parts.recipient);
  if (parts.signature.length === 1) config.signature = literal(parts.signature[0]);
  else if (parts.signature.length > 1) config.signature = parts.signature.map(literal);
  if (parts.date) config.date = parts.date;
  if (parts.note) config.note = literal(parts.note);
  config.indicators = INDICATORS_FILE;
  config.sections = ['sections/*.md'];
  if (attachments.length) config.attachments = attachments.map((a) => (a.file ? { title: literal(a.title), file: a.file } : literal(a.title)));
  if (parts.footer) config.footer = definedOnly({ cc: parts.footer.cc.length ? parts.footer.cc : undefined, printedBy: parts.footer.printedBy, printedOn: parts.footer.printedOn });
  config.output = { dir: 'out', name: outputName, formats: ['docx', 'pdf'] };
  return `# Imported by \`report import\`. Next: \`report extract\` moves the figures into ${INDICATORS_FILE}.\n${stringify(config, { lineWidth: 0 })}`;
}

function definedOnly(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}
