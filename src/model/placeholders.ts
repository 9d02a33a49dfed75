/**
 * --draft support: split text runs so that every unfilled blank is its own run flagged
 * `placeholder`, which both writers make visible (yellow highlight). The detector is passed in,
 * so the model does not depend on lint.
 */
import type { Block, Caption, Document, Inline } from './document.js';

export type BlankFinder = (text: string) => Array<{ start: number; end: number }>;

export function markPlaceholders(document: Document, find: BlankFinder): Document {
  // Blanks are found on the whole paragraph text, so a run boundary (bold, a line break) cannot
  // hide the context a blank needs (`X` + `光` is a word, not a blank).
  const inlines = (content: Inline[]): Inline[] => {
    const text = content.map((run) => (run.kind === 'text' ? run.text : '\n')).join('');
    const blanks = find(text);
    if (blanks.length === 0) return content;
    const out: Inline[] = [];
    let offset = 0;
    for (const run of content) {
      const length = run.kind === 'text' ? run.text.length : 1;
      const start = offset;
      offset += length;
      if (run.kind !== 'text' || run.placeholder) { out.push(run); continue; }
      let at = 0;
      for (const blank of blanks) {
        const from = Math.max(blank.start - start, 0);
        const to = Math.min(blank.end - start, length);
        if (to <= from || to <= at) continue;
        if (from > at) out.push({ ...run, text: run.text.slice(at, from) });
        out.push({ ...run, text: run.text.slice(Math.max(from, at), to), placeholder: true });
        at = to;
      }
      if (at < length) out.push({ ...run, text: run.text.slice(at) });
    }
    return out;
  };
  // captions (表N/图N titles) are printed text like the body's
  const caption = (c: Caption | undefined) => (c ? { caption: { ...c, content: inlines(c.content) } } : {});
  const block = (b: Block): Block => {
    switch (b.kind) {
      case 'heading':
      case 'paragraph':
        return { ...b, content: inlines(b.content) };
      case 'table':
        return { ...b, rows: b.rows.map((row) => row.map((cell) => ({ content: inlines(cell.content) }))), ...caption(b.caption) };
      case 'image':
      case 'chart':
        return { ...b, ...caption(b.caption) };
      case 'list':
        return { ...b, items: b.items.map((item) => item.map(block)) };
      case 'quote':
        return { ...b, blocks: b.blocks.map(block) };
      default:
        return b;
    }
  };
  const pages = document.attachmentPages?.map((page) => ({ ...page, body: page.body.map(block) }));
  return { ...document, body: document.body.map(block), ...(pages ? { attachmentPages: pages } : {}) };
}
