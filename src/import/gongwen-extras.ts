/**
 * The 公文 elements report.yaml holds besides title and closing (spec "公文 elements"), read from
 * where GB/T 9704 puts them:
 *   版头, above the title: 份号 (six digits), 密级, 紧急程度, 发文机关标志 (…文件), 发文字号
 *   (青政发〔2024〕12号, with 签发人 on its line in 上行文);
 *   after the 成文日期: 附注 (a bracketed line: （此件公开发布）), 附件 pages (a line `附件2`, the
 *   attachment's title, its text), and 版记 at the very end (抄送：…, …2024年7月5日印发).
 * What fits none of these stays apart in appendix/after-date.md.
 */
import { documentNumberProblem, type FooterConfig, type HeaderConfig } from '../project/gongwen-config.js';
import type { SourceBlock } from './blocks.js';
import { paragraphText } from './blocks.js';

/** report.yaml's `header` as the document shows it (an issuer is only ever seen as its 标志, `mark`). */
export type HeaderParts = Omit<HeaderConfig, 'issuer'>;

export interface AttachmentPage {
  /** The number after 附件 (1 when the page says only 附件). */
  index: number;
  title: string;
  blocks: SourceBlock[];
}

export interface AfterDateParts {
  note?: string;
  pages: AttachmentPage[];
  footer?: FooterConfig;
  /** Blocks that fit nothing above. */
  rest: SourceBlock[];
}

const COPY = /^\d{6}$/u;
const SECRET = /^(?:绝密|机密|秘密)(?:★.*)?$/u;
const URGENCY = /^(?:特急|加急)$/u;
const MARK = /^.{2,30}文件$/u;
/** 发文字号 as offices type it (〔2024〕, [2024], （2024）, 第012号): the build's own check decides. */
const NUMBER = /^(.{1,20}?[〔[［(（【]\d{2,4}[〕\]］)）】]\s*第?\s*\d+\s*号)\s*(?:签发人[：:]\s*(.+))?$/u;
const SIGNER = /^签发人[：:]\s*(.+)$/u;
const NOTE = /^[（(][^（）()]{2,60}[）)]$/u;
const PAGE_LABEL = /^附件\s*(\d{0,2})$/u;
const CC = /^抄送[：:]\s*(.+?)[。.]?$/u;
const PRINTED = /^(.{2,30}?)\s+(\d{4})年(\d{1,2})月(\d{1,2})日印发$/u;

/** Whether a line above the title belongs to the 版头. */
export function isHeaderLine(line: string): boolean {
  return [COPY, SECRET, URGENCY, MARK, NUMBER, SIGNER].some((pattern) => pattern.test(line));
}

/** The 版头 lines as report.yaml's `header`; a 发文字号 the build would refuse is left to a note. */
export function readHeader(lines: string[], notes: string[]): HeaderParts | undefined {
  const header: HeaderParts = { signer: [] };
  const names = (text: string) => text.split(/[\s、，,]+/u).filter(Boolean);
  for (const line of lines) {
    if (COPY.test(line)) header.copy = line;
    else if (SECRET.test(line)) header.secret = line;
    else if (URGENCY.test(line)) header.urgency = line;
    else if (MARK.test(line)) header.mark = line;
    else if (SIGNER.test(line)) header.signer.push(...names(SIGNER.exec(line)![1]));
    else {
      const match = NUMBER.exec(line);
      if (!match) continue;
      const number = match[1].replace(/\s+/gu, '');
      const problem = documentNumberProblem(number);
      if (problem) notes.push(`发文字号 "${number}" left out: ${problem}`);
      else header.number = number;
      if (match[2]) header.signer.push(...names(match[2]));
    }
  }
  const found = Object.entries(header).some(([key, value]) => (key === 'signer' ? (value as string[]).length > 0 : value !== undefined));
  return found ? header : undefined;
}

export function readAfterDate(blocks: SourceBlock[]): AfterDateParts {
  const text = (block: SourceBlock | undefined) => (block?.kind === 'paragraph' ? paragraphText(block).trim() : '');
  const parts: AfterDateParts = { pages: [], rest: [] };
  let end = blocks.length;
  // 版记 closes the document: 抄送 and 印发 lines at its very end.
  const footer: FooterConfig = { cc: [] };
  while (end > 0) {
    const line = text(blocks[end - 1]);
    const printed = PRINTED.exec(line);
    const cc = CC.exec(line);
    if (printed) {
      footer.printedBy = printed[1].trim();
      footer.printedOn = `${printed[2]}-${printed[3].padStart(2, '0')}-${printed[4].padStart(2, '0')}`;
    } else if (cc) {
      footer.cc.unshift(...cc[1].split(/[，,、]/u).map((name) => name.trim()).filter(Boolean));
    } else {
      break;
    }
    end--;
  }
  if (footer.printedBy || footer.cc.length) parts.footer = footer;

  let i = 0;
  if (NOTE.test(text(blocks[0]))) {
    parts.note = text(blocks[0]);
    i = 1;
  }
  let page: AttachmentPage | undefined;
  for (; i < end; i++) {
    const label = PAGE_LABEL.exec(text(blocks[i]));
    if (label && blocks[i + 1]?.kind === 'paragraph') {
      page = { index: Number(label[1] || 1), title: text(blocks[i + 1]), blocks: [] };
      parts.pages.push(page);
      i++;
    } else if (page) {
      page.blocks.push(blocks[i]);
    } else {
      parts.rest.push(blocks[i]);
    }
  }
  return parts;
}
