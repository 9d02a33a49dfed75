/**
 * The reader's last step: a loaded project and its rendered sections become one Document
 * (title, 主送, body, 附件说明, 署名, 成文日期, metadata). Metadata never carries the build time:
 * the creation date comes from `date`, else SOURCE_DATE_EPOCH, else a fixed epoch, so two builds
 * of the same input are byte-identical.
 */
import { inputError } from '../diagnostic.js';
import type { Document } from '../model/document.js';
import { MAX_TITLE_CHARS } from '../model/title-lines.js';
import type { Project } from '../project/load.js';
import { positionOf } from '../project/yaml-source.js';
import { formatChineseDate, HelperError } from '../template/helpers.js';
import { renderInline, type RenderedText } from '../template/render.js';
import type { ReadStars } from './literal-text.js';
import { attachmentNames, gongwenParts } from './gongwen-parts.js';
import { sectionsToBlocks } from './to-model.js';

/** Used when neither `date` nor SOURCE_DATE_EPOCH is given. */
const FALLBACK_EPOCH = Date.UTC(2000, 0, 1);

export interface AssembleOptions {
  /** Which stars are blanks (printed as typed; a --draft build marks them) and which are emphasis. */
  stars?: ReadStars;
  /** A data value the build reports as an unfilled blank: a --draft build's chart draws a gap. */
  isBlank?: (text: string) => boolean;
  /** project.attachments rendered as the sections are, in order (needed when the project has any). */
  attachments?: RenderedText[];
}

export function assembleDocument(project: Project, sections: RenderedText[], options: AssembleOptions = {}): Document {
  const { config } = project;
  const file = project.configFile.displayPath;
  const yaml = parseConfigPositions(project);
  const inline = (text: string, path: Array<string | number>) => renderInline(text, project.indicators, file, yaml(path)).trim();

  const title = inline(config.title, ['title']);
  if ([...title].length > MAX_TITLE_CHARS) {
    throw inputError(file, `the title is ${[...title].length} characters long; a title may have at most ${MAX_TITLE_CHARS} (put the rest in the body)`, yaml(['title']), 'config');
  }
  const signature = config.signature.map((line, i) => inline(line, config.signature.length > 1 ? ['signature', i] : ['signature'])).filter(Boolean);
  let date: string | undefined;
  if (config.date) {
    try {
      date = formatChineseDate(config.date, 'date');
    } catch (error) {
      if (error instanceof HelperError) throw inputError(file, error.message.replace(/^date: /, '`date`: '), yaml(['date']), 'config');
      throw error;
    }
  }
  const attachments = attachmentNames(project, inline);
  return {
    title,
    // 主送机关 ends with a full-width colon (§7.3.2), whether or not the author typed one.
    recipient: config.recipient ? `${inline(config.recipient, ['recipient']).replace(/[:：]\s*$/u, '')}：` : undefined,
    body: sectionsToBlocks(sections, { projectDir: project.dir, stars: options.stars, indicators: project.indicators, isBlank: options.isBlank }),
    attachments,
    signature,
    date,
    ...gongwenParts(project, inline, attachments, { stars: options.stars, isBlank: options.isBlank, rendered: options.attachments }),
    metadata: { title, author: signature[0], created: creationDate(config.date), language: 'zh-CN' },
  };
}

export function creationDate(isoDate: string | undefined, env: NodeJS.ProcessEnv = process.env): Date {
  if (isoDate) {
    const [y, m, d] = isoDate.split('-').map(Number);
    return new Date(Date.UTC(y, m - 1, d));
  }
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  if (env.SOURCE_DATE_EPOCH && Number.isFinite(epoch)) return new Date(epoch * 1000);
  return new Date(FALLBACK_EPOCH);
}

function parseConfigPositions(project: Project): (path: Array<string | number>) => { line: number; column: number } | undefined {
  return (path) => positionOf(project.configSource, path);
}
