/**
 * The plain-text writer: the report as reviewers diff it between months and paste it into OA
 * systems. One paragraph per line (never hard-wrapped, so a changed figure is a one-line diff),
 * indented two ideographic spaces as 公文 paragraphs are; headings with their generated numbers
 * (一、（一）1.（1））; table rows as tab-separated cells (they paste into a spreadsheet or an OA
 * table); then 附件说明, 署名 and 成文日期 as the closing block decided them; the 版头, 附注, 附件
 * pages and 版记 where a 公文 has them (gongwen-parts.ts).
 */
import { closingBlock } from '../../model/closing.js';
import { inlineText, type Block, type Caption, type Chart, type Document } from '../../model/document.js';
import { captionInlines } from '../../model/caption.js';
import { formatChartValue } from '../../chart/geometry.js';
import type { WriterInput, WriterOutput } from '../index.js';
import { mastheadLines, noteLines, tailLines } from './gongwen-parts.js';

const INDENT = '\u3000\u3000';

export async function write({ document, spec }: WriterInput): Promise<WriterOutput> {
  return { bytes: Buffer.from(documentText(document, spec), 'utf8'), diagnostics: [] };
}

export function documentText(doc: Document, spec: WriterInput['spec']): string {
  const lines: string[] = [...mastheadLines(doc, spec)];
  if (doc.title) lines.push(doc.title, '');
  if (doc.recipient) lines.push(doc.recipient);
  lines.push(...blockLines(doc.body, INDENT));
  const closing = closingBlock(doc, spec);
  if (closing.attachments.length > 0) {
    lines.push('');
    // wrapped names line up under the first name: 附件： is three ideographic cells wide
    closing.attachments.forEach((line, i) => lines.push(`${INDENT}${i === 0 ? '' : '\u3000'.repeat(3)}${line.text}`));
  }
  if (closing.signature.length > 0 || closing.date) {
    lines.push('');
    lines.push(...closing.signature.map((line) => line.text));
    if (closing.date) lines.push(closing.date.text);
  }
  lines.push(...noteLines(closing), ...tailLines(doc, spec, (blocks) => blockLines(blocks, INDENT)));
  return `${lines.join('\n')}\n`;
}

function blockLines(blocks: Block[], indent: string): string[] {
  const out: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'heading':
        out.push(`${indent}${block.number}${oneLine(inlineText(block.content))}`);
        break;
      case 'paragraph':
        out.push(`${indent}${oneLine(inlineText(block.content))}`);
        break;
      case 'list':
        block.items.forEach((item, i) => {
          const marker = block.ordered ? `${block.start + i}.` : '•';
          const [first, ...rest] = blockLines(item, '');
          out.push(`${indent}${marker}${first ?? ''}`, ...rest.map((line) => `${indent}\u3000${line}`));
        });
        break;
      case 'quote':
        out.push(...blockLines(block.blocks, indent));
        break;
      case 'table':
        if (block.caption) out.push(captionLine(block.caption));
        for (const row of block.rows) out.push(row.map((cell) => oneLine(inlineText(cell.content))).join('\t'));
        break;
      case 'image':
        out.push(`${indent}[图：${block.alt}]`);
        if (block.caption) out.push(captionLine(block.caption));
        break;
      case 'chart':
        out.push(...chartLines(block));
        if (block.caption) out.push(captionLine(block.caption));
        break;
      case 'thematicBreak':
        out.push('');
        break;
    }
  }
  return out;
}

function captionLine(caption: Caption): string {
  return oneLine(inlineText(captionInlines(caption)));
}

/** A chart as the table of its values: a head row of series names, then one row per category. */
function chartLines(chart: Chart): string[] {
  const head = ['', ...chart.series.map((s) => s.name)].join('\t');
  const rows = chart.categories.map((category, k) => [oneLine(category), ...chart.series.map((s) => {
    const value = s.values[k];
    return value === null ? '' : formatChartValue(value, s.decimals[k]);
  })].join('\t'));
  return [head, ...rows];
}

/** A hard line break inside a paragraph stays inside its line, as a space would in OA text. */
function oneLine(text: string): string {
  return text.replace(/\n/g, ' ');
}
