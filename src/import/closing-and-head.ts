/**
 * The 公文 elements around the body, found where GB/T 9704 puts them and by their wording:
 *   head   版头 lines (份号, 密级, 紧急程度, 发文机关标志, 发文字号, 签发人) — noted, not imported;
 *          标题: the first lines, centred (DOCX) or set apart by an empty line (text), never ending
 *          in sentence punctuation; 主送机关: the next short line ending with a colon.
 *          (版头 lines become report.yaml's `header`, see gongwen-extras.ts.)
 *   tail   成文日期: the last line that is only a date (2024年7月5日, 二〇二四年七月五日);
 *          署名: up to three short lines right above it; 附件说明: `附件：` (with `2.…` lines)
 *          right above the 署名; what follows the date is read as 附注, 附件 pages and 版记.
 */
import type { FooterConfig } from '../project/gongwen-config.js';
import { parseChineseNumber } from '../text/chinese-numeral.js';
import type { SourceBlock, SourceParagraph } from './blocks.js';
import { paragraphText } from './blocks.js';
import { isHeaderLine, readAfterDate, readHeader, type AttachmentPage, type HeaderParts } from './gongwen-extras.js';
import { writtenHeadingNumber } from './outline.js';

export interface ReportParts {
  title?: string;
  /** Without its colon (the build adds it). */
  recipient?: string;
  signature: string[];
  /** ISO `2024-07-05`. */
  date?: string;
  attachments: string[];
  body: SourceBlock[];
  header?: HeaderParts;
  note?: string;
  /** 附件 pages printed after the 成文日期. */
  pages: AttachmentPage[];
  footer?: FooterConfig;
  /** Blocks after the 成文日期 that are no 附注, 附件 page or 版记. */
  afterDate: SourceBlock[];
  notes: string[];
}

const SENTENCE_END = /[。；;，,、：:！!？?]$/u;
/** 版记 lines, for documents without a 成文日期. */
const FOOTER_LINE = /^(?:抄送[：:]|.{2,30}\d{4}年\d{1,2}月\d{1,2}日印发$)/u;
const YEAR_DIGITS: Record<string, string> = { 〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
const DATE_LINE = /^([0-9]{4}|[〇零一二三四五六七八九]{4})\s*年\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*日$/u;
const ATTACHMENT_LINE = /^附件[：:]\s*(.*)$/u;
const NUMBERED_NAME = /^(\d{1,2})[.．、]\s*(.+)$/u;
const ORGAN_SUFFIX = /(?:委员会|人民政府|政府|办公室|办事处|局|委|厅|部|院|中心|公司|街道|镇|乡|处|所|会)$/u;

export function findReportParts(blocks: SourceBlock[], fromDocx: boolean): ReportParts {
  const notes: string[] = [];
  const text = (i: number) => (blocks[i]?.kind === 'paragraph' ? paragraphText(blocks[i] as SourceParagraph).trim() : '');
  const isBlank = (i: number) => blocks[i]?.kind === 'blank';
  const nextFilled = (i: number) => { while (i < blocks.length && isBlank(i)) i++; return i; };
  const previousFilled = (i: number) => { while (i >= 0 && isBlank(i)) i--; return i; };

  // ---- head
  let start = nextFilled(0);
  const header: string[] = [];
  while (start < blocks.length && blocks[start].kind === 'paragraph' && isHeaderLine(text(start))) {
    header.push(text(start));
    start = nextFilled(start + 1);
  }

  const titleLines: string[] = [];
  while (start < blocks.length && titleLines.length < 3 && isTitleLine(blocks, start, fromDocx, titleLines.length > 0)) {
    // A line break typed into a title is layout: the build breaks title lines itself.
    titleLines.push(text(start).replace(/\s*\n\s*/gu, ''));
    const next = start + 1;
    start = nextFilled(next);
    if (!fromDocx && isBlank(next)) break; // in text, an empty line ends the title
  }
  let recipient: string | undefined;
  if (isRecipientLine(text(start), blocks[start])) {
    recipient = text(start).replace(/[：:]$/u, '').trim();
    start = nextFilled(start + 1);
  }

  // ---- tail
  let end = previousFilled(blocks.length - 1);
  const dateAt = findDateLine(blocks, start, end, text);
  let date: string | undefined;
  let afterDate: SourceBlock[] = [];
  if (dateAt !== undefined) {
    date = isoDate(text(dateAt));
    afterDate = blocks.slice(dateAt + 1).filter((b) => b.kind !== 'blank');
    end = previousFilled(dateAt - 1);
  } else {
    const footerStart = trailingFooter(blocks, start, end, text);
    if (footerStart <= end) {
      afterDate = blocks.slice(footerStart, end + 1).filter((b) => b.kind !== 'blank');
      end = previousFilled(footerStart - 1);
    }
  }
  const signature: string[] = [];
  while (end >= start && signature.length < 3 && isSignatureLine(blocks[end], text(end), dateAt !== undefined, fromDocx)) {
    signature.unshift(text(end));
    end = previousFilled(end - 1);
  }
  const attachments = attachmentNames(blocks, start, end, text);
  if (attachments) end = previousFilled(attachments.from - 1);
  const after = readAfterDate(afterDate);

  return {
    title: titleLines.length ? titleLines.join('') : undefined,
    recipient,
    signature,
    date,
    attachments: attachments?.names ?? [],
    body: blocks.slice(start, end + 1).filter((b) => b.kind !== 'blank'),
    header: readHeader(header, notes),
    note: after.note,
    pages: after.pages,
    footer: after.footer,
    afterDate: after.rest,
    notes,
  };
}

function isTitleLine(blocks: SourceBlock[], i: number, fromDocx: boolean, continuing: boolean): boolean {
  const block = blocks[i];
  if (block?.kind !== 'paragraph') return false;
  const line = paragraphText(block).trim();
  if (!line || [...line].length > 80 || SENTENCE_END.test(line) || writtenHeadingNumber(line) || DATE_LINE.test(line)) return false;
  if (fromDocx) {
    const looksLikeTitle = block.align === 'center' || /^(?:title|标题)/iu.test(block.styleName ?? '') || (block.sizePt ?? 0) >= 18;
    return looksLikeTitle;
  }
  if (continuing) return true;
  // Plain text has no layout: a title is set apart by an empty line or followed by the 主送机关.
  const next = blocks[i + 1];
  if (next?.kind === 'blank') return true;
  if (next?.kind === 'paragraph') return isRecipientLine(paragraphText(next).trim(), next);
  return false;
}

function isRecipientLine(line: string, block: SourceBlock | undefined): boolean {
  if (block?.kind !== 'paragraph' || !/[：:]$/u.test(line)) return false;
  const name = line.slice(0, -1);
  return [...name].length >= 2 && [...name].length <= 60 && !/[。；;！？]/u.test(name) && !writtenHeadingNumber(line) && !/^附件/u.test(line);
}

/** The last paragraph that is only a date, after the head; undefined when there is none. */
function findDateLine(blocks: SourceBlock[], start: number, end: number, text: (i: number) => string): number | undefined {
  for (let i = end; i >= start; i--) {
    if (blocks[i].kind === 'paragraph' && isoDate(text(i))) return i;
  }
  return undefined;
}

/** Where a trailing 版记 (抄送, 印发) begins, for documents without a 成文日期. */
function trailingFooter(blocks: SourceBlock[], start: number, end: number, text: (i: number) => string): number {
  let at = end + 1;
  for (let i = end; i >= start; i--) {
    if (blocks[i].kind === 'blank') continue;
    if (blocks[i].kind === 'paragraph' && FOOTER_LINE.test(text(i))) at = i;
    else break;
  }
  return at;
}

function isSignatureLine(block: SourceBlock, line: string, beforeDate: boolean, fromDocx: boolean): boolean {
  if (block?.kind !== 'paragraph' || !line) return false;
  if ([...line].length > 30 || SENTENCE_END.test(line) || /^附件/u.test(line) || writtenHeadingNumber(line)) return false;
  if (beforeDate) return true;
  // Without a date, only an organ's name set to the right (or, in text, named like an organ).
  return fromDocx ? block.align === 'right' && ORGAN_SUFFIX.test(line) : ORGAN_SUFFIX.test(line) && !/[，。、]/u.test(line);
}

function attachmentNames(blocks: SourceBlock[], start: number, end: number, text: (i: number) => string): { from: number; names: string[] } | undefined {
  // 附件说明 is at most a handful of lines right above the 署名.
  for (let i = end; i >= Math.max(start, end - 12); i--) {
    const match = ATTACHMENT_LINE.exec(text(i));
    if (!match) continue;
    const lines = [match[1], ...range(i + 1, end).map(text).filter(Boolean)];
    const names: string[] = [];
    for (const line of lines) {
      const numbered = NUMBERED_NAME.exec(line);
      if (numbered) names.push(numbered[2].trim());
      else if (names.length === 0) names.push(line.trim());
      else names[names.length - 1] += line.trim(); // a long name wrapped onto the next line
    }
    const filtered = names.filter(Boolean);
    return filtered.length ? { from: i, names: filtered } : undefined;
  }
  return undefined;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, k) => from + k);
}

/** `2024年7月5日` or `二〇二四年七月五日` → `2024-07-05`. */
export function isoDate(line: string): string | undefined {
  const match = DATE_LINE.exec(line.trim());
  if (!match) return undefined;
  const year = Number([...match[1]].map((ch) => YEAR_DIGITS[ch] ?? ch).join(''));
  const month = parseChineseNumber(match[2]);
  const day = parseChineseNumber(match[3]);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
