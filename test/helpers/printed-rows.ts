/**
 * The rows of a PDF as a reader sees them (pdftotext -bbox words grouped by their bottom edge,
 * the way gbt9704-check groups them), and the expected text of a document whose tables repeat
 * their header row on each page they continue on (续表).
 */
import { execFileSync } from 'node:child_process';
import type { Document, Block } from '../../src/model/document.js';

export interface PrintedRow {
  y: number;
  text: string;
  words: Array<{ x0: number; x1: number; text: string }>;
}

/** Per page, the rows of words (left to right), top to bottom. */
export function printedRows(pdf: string): PrintedRow[][] {
  const xml = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return xml.split('<page ').slice(1).map((page) => {
    const words = [...page.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
      .map((m) => ({ x0: Number(m[1]), x1: Number(m[2]), y: Number(m[3]), text: unescape(m[4]) }))
      .sort((a, b) => a.y - b.y || a.x0 - b.x0);
    const rows: PrintedRow[] = [];
    for (const word of words) {
      const row = rows[rows.length - 1];
      if (row && Math.abs(row.y - word.y) < 2) row.words.push(word);
      else rows.push({ y: word.y, text: '', words: [word] });
    }
    for (const row of rows) {
      row.words.sort((a, b) => a.x0 - b.x0);
      row.text = row.words.map((w) => w.text).join('');
    }
    return rows;
  });
}

function unescape(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** Header rows of the document's tables, as printed on one line. */
export function tableHeaders(doc: Document): string[] {
  const out: string[] = [];
  const walk = (blocks: Block[]): void => {
    for (const block of blocks) {
      if (block.kind === 'table' && block.header) out.push(block.rows[0].map((cell) => cell.content.map((r) => (r.kind === 'text' ? r.text : '')).join('')).join(''));
      else if (block.kind === 'quote') walk(block.blocks);
      else if (block.kind === 'list') block.items.forEach(walk);
    }
  };
  walk(doc.body);
  return out;
}

/**
 * `expected` with a table's header row inserted wherever a printed page after the first opens
 * with that header: the rest of the text must still match the model exactly.
 */
export function withRepeatedHeaders(expected: string, pages: PrintedRow[][], headers: string[]): string {
  const squash = (t: string): string => t.replace(/\s+/g, '');
  const known = new Set(headers.map(squash));
  let out = expected;
  let from = 0;
  for (const rows of pages.slice(1)) {
    const [first, next] = rows.map((row) => squash(row.text));
    if (!first || !next || !known.has(first)) continue;
    const at = out.indexOf(`\n${next}`, from);
    if (at < 0) continue;
    out = `${out.slice(0, at)}\n${first}${out.slice(at)}`;
    from = at + first.length + 1;
  }
  return out;
}
