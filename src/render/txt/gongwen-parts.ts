/**
 * The 公文 parts around the body as plain text: the 版头 (份号, 密级, 紧急程度, 标志, 发文字号 and
 * 签发人), the 附注, each 附件 page (附件N, its title, its text) and the 版记 (抄送, 印发), in the
 * order they are printed, one element a line.
 */
import { attachmentLabel, attachmentPageSpec } from '../../model/attachment-page.js';
import type { ClosingBlock } from '../../model/closing.js';
import { planColophon } from '../../model/colophon.js';
import type { Block, Document } from '../../model/document.js';
import { planMasthead } from '../../model/masthead.js';
import type { StyleSpec } from '../../style/spec.js';

export function mastheadLines(doc: Document, spec: StyleSpec): string[] {
  if (!doc.masthead) return [];
  const plan = planMasthead(doc.masthead, spec);
  const rows = new Map<number, string[]>();
  // left to right: left-aligned elements by column, then centred and right-aligned ones
  const order = (line: (typeof plan.lines)[number]) => (line.align === 'left' ? line.startChars : 1000 - line.startChars);
  for (const line of [...plan.lines].sort((x, y) => order(x) - order(y))) rows.set(line.row, [...(rows.get(line.row) ?? []), line.segments.map((s) => s.text).join('').trimEnd()]);
  if (plan.mark) rows.set(plan.mark.firstRow, [plan.mark.text, ...(rows.get(plan.mark.firstRow) ?? [])]);
  // elements on one row (发文字号 and 签发人) stay on one line, apart as printed
  return [...[...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, texts]) => texts.join('\u3000\u3000')), ''];
}

export function noteLines(closing: ClosingBlock): string[] {
  return closing.note ? [`\u3000\u3000${closing.note.text}`] : [];
}

export function tailLines(doc: Document, spec: StyleSpec, blockLines: (blocks: Block[]) => string[]): string[] {
  const lines: string[] = [];
  for (const page of doc.attachmentPages ?? []) lines.push('', attachmentLabel(doc, page, attachmentPageSpec(spec)), '', page.title, '', ...blockLines(page.body));
  const colophon = doc.colophon ? planColophon(doc.colophon, spec) : undefined;
  if (colophon) {
    lines.push('');
    if (colophon.cc) lines.push(colophon.cc.lines.join(''));
    if (colophon.printed) lines.push([colophon.printed.left, colophon.printed.right].filter(Boolean).join('\u3000\u3000'));
  }
  return lines;
}
