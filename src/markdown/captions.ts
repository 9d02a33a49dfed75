/**
 * Captions and references: `表：标题 {#key}` right above a table and `图：标题 {#key}` right below
 * an image (a chart takes its fence's `title:` and `id:`) become the block's caption; tables and
 * figures are numbered 表1, 表2 … and 图1, 图2 … in document order, across section files; a link
 * `[表](#key)`, `[图](#key)` or `[](#key)` prints the number. Like heading numbers, the numbers
 * are decided here once, so every writer prints the same ones.
 */
import { inputError } from '../diagnostic.js';
import { inlineText, type Block, type Caption, type Inline, type SourcePosition } from '../model/document.js';
import { didYouMean } from '../text/did-you-mean.js';

/** `表：标题`, `图: 标题 {#key}`: the whole paragraph is the caption line. */
const CAPTION_LINE = /^(表|图)[ \t\u3000]*[：:][ \t\u3000]*/u;
const CAPTION_KEY = /[ \t\u3000]*\{#([\p{L}\p{N}_:.-]+)\}[ \t\u3000]*$/u;

type Figure = Extract<Block, { kind: 'image' | 'chart' }>;
const isFigure = (block: Block | undefined): block is Figure => block?.kind === 'image' || block?.kind === 'chart';

/** A reference link as the reader found it; printed once every caption is numbered. */
interface Reference { key: string; written: string; source?: SourcePosition }

/** Stand-in for a reference in text runs until the numbers are known (noncharacters, never in text). */
const OPEN = '\u{10FFFE}';
const CLOSE = '\u{10FFFF}';
const STAND_IN = /\u{10FFFE}(\d+)\u{10FFFF}/gu;

export class CaptionRegistry {
  private readonly references: Reference[] = [];

  /** The text run for `[written](#key)`. */
  reference(key: string, written: string, source?: SourcePosition): string {
    this.references.push({ key, written: written.trim(), source });
    return `${OPEN}${this.references.length - 1}${CLOSE}`;
  }

  /** Number every caption in document order and print every reference; errors at their place. */
  finish(blocks: Block[]): void {
    const labels = new Map<string, { label: string; source?: SourcePosition }>();
    const counts = { 表: 0, 图: 0 };
    walkBlocks(blocks, (block) => {
      if ((block.kind !== 'table' && !isFigure(block)) || !block.caption) return;
      const kind = block.kind === 'table' ? '表' : '图';
      block.caption.label = `${kind}${++counts[kind]}`;
      const key = block.caption.key;
      if (key === undefined) return;
      const earlier = labels.get(key);
      if (earlier) throw positioned(block.caption.source, `caption key "${key}" is used twice (${earlier.label} and ${block.caption.label}); keys name one table or figure`);
      labels.set(key, { label: block.caption.label, source: block.caption.source });
    });
    const printed = this.references.map((ref) => {
      const target = labels.get(ref.key);
      if (!target) {
        const hint = didYouMean(ref.key, [...labels.keys()]);
        throw positioned(ref.source, `reference to "#${ref.key}": no table or figure has that key${hint ? `; did you mean "#${hint}"?` : ' (give one with {#key} after its caption, or id: in a chart)'}`);
      }
      if (ref.written && ref.written !== target.label[0]) {
        throw positioned(ref.source, `reference [${ref.written}](#${ref.key}): write [${target.label[0]}](#${ref.key}) or [](#${ref.key}); it prints ${target.label}`);
      }
      return target.label;
    });
    if (printed.length === 0) return;
    const fill = (content: Inline[]): void => {
      for (const run of content) if (run.kind === 'text' && run.text.includes(OPEN)) run.text = run.text.replace(STAND_IN, (_, n: string) => printed[Number(n)]);
    };
    walkBlocks(blocks, (block) => {
      if (block.kind === 'paragraph' || block.kind === 'heading') fill(block.content);
      if (block.kind === 'table') block.rows.forEach((row) => row.forEach((cell) => fill(cell.content)));
      if ((block.kind === 'table' || isFigure(block)) && block.caption) fill(block.caption.content);
    });
  }
}

/**
 * Caption lines among sibling blocks join their table (the next block) or figure (the block
 * before, else the next: an image and the line under it are one Markdown paragraph).
 */
export function attachCaptions(blocks: Block[]): Block[] {
  const out: Block[] = [];
  const pending: Array<{ index: number; caption: Caption; kind: '表' | '图' }> = [];
  blocks.forEach((block) => {
    const line = block.kind === 'paragraph' ? captionLine(block.content, block.source) : undefined;
    if (line) pending.push({ index: out.length, ...line });
    out.push(block);
  });
  const drop = new Set<number>();
  for (const { index, caption, kind } of pending) {
    const before = out[index - 1];
    const after = out[index + 1];
    let target: Block | undefined;
    if (kind === '表') target = after?.kind === 'table' && !after.caption ? after : undefined;
    else target = isFigure(before) && !before.caption ? before : isFigure(after) && !after.caption ? after : undefined;
    if (!target) {
      throw positioned(caption.source, kind === '表'
        ? 'a 表： caption line must stand right above its table'
        : 'a 图： caption line must stand right below its image or chart (which has no caption yet)');
    }
    (target as { caption?: Caption }).caption = caption;
    drop.add(index);
  }
  return out.filter((_, i) => !drop.has(i));
}

function captionLine(content: Inline[], source?: SourcePosition): { caption: Caption; kind: '表' | '图' } | undefined {
  const text = inlineText(content);
  const head = CAPTION_LINE.exec(text);
  if (!head || text.includes('\n')) return undefined;
  const keyMatch = CAPTION_KEY.exec(text);
  const end = keyMatch ? keyMatch.index : text.replace(/[ \t\u3000]+$/u, '').length;
  const body = sliceInlines(content, head[0].length, end);
  return { kind: head[1] as '表' | '图', caption: { label: '', content: body, ...(keyMatch ? { key: keyMatch[1] } : {}), source } };
}

/** The runs of `content` between two offsets of its text, styles kept. */
function sliceInlines(content: Inline[], from: number, to: number): Inline[] {
  const out: Inline[] = [];
  let at = 0;
  for (const run of content) {
    const length = run.kind === 'text' ? run.text.length : 1;
    const start = Math.max(from - at, 0);
    const end = Math.min(to - at, length);
    if (run.kind === 'text' && end > start) out.push({ ...run, text: run.text.slice(start, end) });
    at += length;
  }
  return out;
}

function walkBlocks(blocks: Block[], visit: (block: Block) => void): void {
  for (const block of blocks) {
    visit(block);
    if (block.kind === 'list') block.items.forEach((item) => walkBlocks(item, visit));
    else if (block.kind === 'quote') walkBlocks(block.blocks, visit);
  }
}

function positioned(source: SourcePosition | undefined, message: string) {
  return inputError(source?.file ?? '(document)', message, source ? { line: source.line, column: source.column } : undefined, 'caption');
}
