/**
 * --draft support: split text runs so that every unfilled blank is its own run flagged
 * `placeholder`, which both writers make visible (yellow highlight). The detector is passed in,
 * so the model does not depend on lint.
 */
import type { Block, Document, Inline } from './document.js';

export type BlankFinder = (text: string) => Array<{ start: number; end: number }>;

export function markPlaceholders(document: Document, find: BlankFinder): Document {
  const inlines = (content: Inline[]): Inline[] => content.flatMap((run) => {
    if (run.kind !== 'text' || run.placeholder) return [run];
    const blanks = find(run.text);
    if (blanks.length === 0) return [run];
    const out: Inline[] = [];
    let at = 0;
    for (const blank of blanks) {
      if (blank.start > at) out.push({ ...run, text: run.text.slice(at, blank.start) });
      out.push({ ...run, text: run.text.slice(blank.start, blank.end), placeholder: true });
      at = blank.end;
    }
    if (at < run.text.length) out.push({ ...run, text: run.text.slice(at) });
    return out;
  });
  const block = (b: Block): Block => {
    switch (b.kind) {
      case 'heading':
      case 'paragraph':
        return { ...b, content: inlines(b.content) };
      case 'table':
        return { ...b, rows: b.rows.map((row) => row.map((cell) => ({ content: inlines(cell.content) }))) };
      case 'list':
        return { ...b, items: b.items.map((item) => item.map(block)) };
      case 'quote':
        return { ...b, blocks: b.blocks.map(block) };
      default:
        return b;
    }
  };
  return { ...document, body: document.body.map(block) };
}
