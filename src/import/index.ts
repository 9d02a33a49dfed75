/**
 * `report import`: last period's report (DOCX or plain text) → the files of a working project.
 * Reads, recognises the 公文 parts and the heading outline, and returns the files; writing them
 * (all or nothing) is the CLI's job, as for every other command.
 */
import { basename, extname } from 'node:path';
import { inputError } from '../diagnostic.js';
import { MAX_TITLE_CHARS } from '../model/title-lines.js';
import { findReportParts } from './closing-and-head.js';
import { outlineBody } from './outline.js';
import { projectFiles, type ImportSummary, type ProjectFile } from './project-files.js';
import { readInputDocument, type InputKind } from './read-input.js';

export type { ProjectFile, ImportSummary };

export interface ImportResult {
  kind: InputKind;
  files: ProjectFile[];
  summary: ImportSummary;
  title: string;
  /** Things the user should know: what was left out, what was guessed. One line each. */
  notes: string[];
}

export async function importDocument(path: string, shownAs: string): Promise<ImportResult> {
  const document = await readInputDocument(path, shownAs);
  const parts = findReportParts(document.blocks, document.kind === 'docx');
  const outline = outlineBody(parts.body);
  if (outline.length === 0 && !parts.title) throw inputError(shownAs, 'no text found; there is nothing to import', undefined, 'import');
  const notes = [...document.notes, ...parts.notes];
  const stem = basename(path, extname(path));
  let title = parts.title ?? '';
  if (!title) {
    title = stem;
    notes.push(`no title recognised; report.yaml uses the file name "${stem}" — edit \`title\``);
  }
  if ([...title].length > MAX_TITLE_CHARS) title = [...title].slice(0, MAX_TITLE_CHARS).join('');
  if (parts.afterDate.length > 0) notes.push(`${parts.afterDate.length} block(s) after the 成文日期 that are no 附注, 附件 page or 版记 saved to appendix/after-date.md; the build does not print them`);
  const outputName = stem.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '') || 'report';
  const { files, summary } = projectFiles(parts, outline, title, outputName);
  return { kind: document.kind, files, summary, title, notes };
}
