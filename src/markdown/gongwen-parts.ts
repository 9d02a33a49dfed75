/**
 * The 公文 parts of the document around the body: 文种, 版头 (`header:`), 附注 (`note:`), 附件 pages
 * (attachments with a `file`) and 版记 (`footer:`), from report.yaml with `{{…}}` rendered in every
 * value. A project without these keys gets none of them, so it builds as before.
 *
 * 附件 pages (GB/T 9704 §7.3.7): each attachment file is Markdown + Handlebars like a section; the
 * loader reads it (project.attachments), the build renders it as it renders sections (blanks,
 * lint.fixInOutput), and here its rendered text becomes its own blocks (headings numbered from 一、
 * again).
 */
import { inputError } from '../diagnostic.js';
import type { AttachmentPage, Document } from '../model/document.js';
import { attachmentEntryPath, documentNumberProblem } from '../project/gongwen-config.js';
import type { Project } from '../project/load.js';
import { positionOf } from '../project/yaml-source.js';
import { formatChineseDate } from '../template/helpers.js';
import type { RenderedText } from '../template/render.js';
import type { ReadStars } from './literal-text.js';
import { sectionsToBlocks } from './to-model.js';

/** How attachment files are read: as sections are (stars, and the data their ```chart fences draw). */
export interface AttachmentReading {
  stars?: ReadStars;
  isBlank?: (text: string) => boolean;
  /** project.attachments rendered, in the same order (the build renders them with the sections). */
  rendered?: RenderedText[];
}

export type InlineRender = (text: string, path: Array<string | number>) => string;
type Path = Array<string | number>;

/** Where `attachments[i]` (or its `title`/`file`) is written: report.yaml allows one entry unlisted. */
function attachmentPath(project: Project, i: number, key?: 'title' | 'file'): Path {
  return attachmentEntryPath(project.configSource, project.config.attachmentFiles, i, key);
}

/** 附件说明 names as printed. */
export function attachmentNames(project: Project, inline: InlineRender): string[] {
  return project.config.attachments.map((name, i) => inline(name, attachmentPath(project, i, 'title')));
}

export function gongwenParts(project: Project, inline: InlineRender, attachments: string[], reading: AttachmentReading = {}): Partial<Document> {
  const { config } = project;
  const file = project.configFile.displayPath;
  const parts: Partial<Document> = {};
  if (config.kind) parts.kind = config.kind;
  const optional = (value: string | undefined, path: Path) => (value === undefined ? undefined : inline(value, path) || undefined);
  const list = (values: string[], path: string[]) => {
    const listed = Array.isArray(path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], project.configSource.data));
    return values.map((value, i) => inline(value, listed ? [...path, i] : path)).filter(Boolean);
  };
  if (config.header) {
    const h = config.header;
    const number = optional(h.number, ['header', 'number']);
    // a number built from {{…}} is checked as printed
    const problem = number !== undefined && h.number?.includes('{{') ? documentNumberProblem(number) : undefined;
    if (problem) throw inputError(file, problem, positionOf(project.configSource, ['header', 'number']), 'config');
    parts.masthead = {
      copy: h.copy, secret: optional(h.secret, ['header', 'secret']), urgency: optional(h.urgency, ['header', 'urgency']),
      issuer: optional(h.issuer, ['header', 'issuer']), mark: optional(h.mark, ['header', 'mark']), number,
      signers: list(h.signer, ['header', 'signer']),
    };
  }
  const note = optional(config.note, ['note']);
  if (note) parts.note = note;
  const pages = attachmentPages(project, attachments, reading);
  if (pages.length > 0) parts.attachmentPages = pages;
  if (config.footer) {
    const f = config.footer;
    parts.colophon = {
      cc: list(f.cc, ['footer', 'cc']),
      printedBy: optional(f.printedBy, ['footer', 'printedBy']),
      printedOn: f.printedOn ? formatChineseDate(f.printedOn, 'footer.printedOn') : undefined,
    };
  }
  return parts;
}

function attachmentPages(project: Project, titles: string[], reading: AttachmentReading): AttachmentPage[] {
  const rendered = reading.rendered ?? [];
  if (rendered.length !== project.attachments.length) {
    throw new Error('the document needs every attachment file rendered (project.attachments)');
  }
  const pages: AttachmentPage[] = [];
  let next = 0;
  project.config.attachmentFiles.forEach((relative, i) => {
    if (relative === undefined) return;
    // ```chart fences draw from the indicators here too
    const body = sectionsToBlocks([rendered[next++]], { projectDir: project.dir, stars: reading.stars, indicators: project.indicators, isBlank: reading.isBlank });
    pages.push({ number: i + 1, title: titles[i], body });
  });
  return pages;
}
