/**
 * Rendered sections (Markdown after Handlebars) → the document model. Heading numbers are
 * generated here (一、（一）1.（1）), restarting under their parent and running across section
 * files; a number the author already wrote at the start of a heading is not printed twice.
 * Nothing downstream of this module sees mdast.
 */
import { existsSync } from 'node:fs';
import { dirname, extname } from 'node:path';
import type { Nodes, PhrasingContent, Root, RootContent } from 'mdast';
import { inputError } from '../diagnostic.js';
import type { Block, Heading, Inline, ListBlock, SourcePosition, TableCell, TextRun } from '../model/document.js';
import { headingNumber, WRITTEN_NUMBER } from '../model/numbering.js';
import { confinedPath } from '../project/source-file.js';
import { sourcePosition, type RenderedText } from '../template/render.js';
import { MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE, readImageInfo } from './image-size.js';
import { applyEmphasis, literalMarkdown, restoreCode, restoreLiterals, type ReadStars } from './literal-text.js';
import { parseMarkdown } from './parse.js';
import { splitPastedLines } from './pasted-lines.js';
import { attachCaptions, CaptionRegistry } from './captions.js';
import { chartBlock, isChartFence } from './chart-block.js';

/** Deeper nesting than this (lists in quotes in lists …) is refused rather than recursed into. */
export const MAX_NESTING = 50;
const IMAGE_TYPES = new Set(['.png', '.jpg', '.jpeg']);
/**
 * Limits on the report body (all sections after templates), checked before Markdown parsing,
 * so that any accepted input stays under ~1.5 GB. Measured on 2 cores: 3 MB of prose is a
 * 1 800-page report (0.8 GB); tables cost most per line (a 14 000-row table: 1.0 GB, 16 000
 * rows: 1.65 GB). A real 1 000-page report is ~1.7 MB and ~6 000 lines.
 */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;
export const MAX_BODY_LINES = 14_000;
/** Emphasis marks (runs of * _ ~) in one paragraph: the parser pairs them in quadratic time. */
export const MAX_EMPHASIS_MARKS = 10_000;
/** Quote and list markers opening a line (`> > - 1. `): their count is the line's nesting depth. */
const CONTAINER_MARKERS = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))+/;
const TABLE_DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

export interface BodyOptions {
  projectDir: string;
  /** Which stars are blanks (kept as typed) and which are emphasis: the reading lint uses. */
  stars?: ReadStars;
  /** The indicator data ```chart fences draw from, and which data values are unfilled blanks. */
  indicators?: Record<string, unknown>;
  isBlank?: (text: string) => boolean;
}

/** Convert every rendered section, in order, into body blocks with one running heading count. */
export function sectionsToBlocks(sections: RenderedText[], options: BodyOptions): Block[] {
  const counters = [0, 0, 0, 0];
  const blocks: Block[] = [];
  const budget = { bytes: 0, lines: 0 };
  const captions = new CaptionRegistry();
  for (const section of sections) {
    checkBodySize(section, budget);
    const tree = parseMarkdown(literalMarkdown(section, options.stars));
    const converter = new SectionConverter(section, options, counters, captions);
    blocks.push(...converter.blocks(tree));
  }
  captions.finish(blocks); // 表N/图N in document order, and the references that print them
  return blocks;
}

function checkBodySize(section: RenderedText, budget: { bytes: number; lines: number }): void {
  const { text } = section;
  const refuse = (offset: number, message: string): never => {
    throw inputError(section.source.displayPath, message, sourcePosition(section, offset), 'too-large');
  };
  let blockLine = 0; // lines since the last blank line
  let blockMarks = 0;
  let inTable = false;
  for (let start = 0; start < text.length || start === 0;) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline + 1;
    const line = text.slice(start, end);
    budget.lines += 1;
    budget.bytes += Buffer.byteLength(line);
    if (budget.lines > MAX_BODY_LINES || budget.bytes > MAX_BODY_BYTES) {
      const what = budget.lines > MAX_BODY_LINES ? `more than ${MAX_BODY_LINES} lines` : `more than ${MAX_BODY_BYTES / 1024} KB`;
      refuse(start, `the report body (all sections after templates) has ${what} from here on; the limit keeps builds within memory (split the report or shorten its tables)`);
    }
    // The parser and remark's transforms recurse per level: 20 000 `>` overflowed the stack and
    // 20 000 `- ` on one line never finished. Count them before parsing.
    const prefix = CONTAINER_MARKERS.exec(line)?.[0] ?? '';
    const markers = prefix.match(/>|[-*+]|\d{1,9}[.)]/g)?.length ?? 0;
    if (markers > MAX_NESTING) refuse(start, `content is nested more than ${MAX_NESTING} levels deep (lists or quotes inside each other)`);
    if (!line.trim()) {
      blockLine = 0;
      blockMarks = 0;
      inTable = false;
    } else {
      blockLine += 1;
      if (blockLine === 2 && TABLE_DELIMITER_ROW.test(line)) inTable = true;
      const marks = line.slice(prefix.length).match(/[*_~]+/g)?.length ?? 0; // a `* ` list marker is no emphasis
      // Table cells are parsed one by one, so there the count is per row.
      blockMarks = inTable ? marks : blockMarks + marks;
      if (blockMarks > MAX_EMPHASIS_MARKS) refuse(start, `this paragraph has more than ${MAX_EMPHASIS_MARKS} emphasis marks (*, _ or ~); split it into shorter paragraphs`);
    }
    if (newline < 0) break;
    start = end;
  }
}

class SectionConverter {
  constructor(
    private readonly section: RenderedText,
    private readonly options: BodyOptions,
    private readonly counters: number[],
    private readonly captions = new CaptionRegistry(),
  ) {}

  blocks(root: Root): Block[] {
    return this.blockList(root.children, 0);
  }

  private where(node: Nodes): SourcePosition | undefined {
    const offset = node.position?.start.offset;
    if (offset === undefined) return undefined;
    return { file: this.section.source.displayPath, ...sourcePosition(this.section, offset) };
  }

  private blockList(nodes: RootContent[], depth: number): Block[] {
    if (depth > MAX_NESTING) {
      const where = this.where(nodes[0]);
      throw inputError(this.section.source.displayPath, `content is nested more than ${MAX_NESTING} levels deep (lists or quotes inside each other)`, where, 'too-deep');
    }
    const out: Block[] = [];
    for (const node of nodes) out.push(...this.block(node, depth));
    return attachCaptions(out);
  }

  private block(node: RootContent, depth: number): Block[] {
    switch (node.type) {
      case 'heading':
        return [this.heading(node.depth, node.children, node)];
      case 'paragraph': {
        const images = node.children.filter((c) => c.type === 'image');
        const rest = node.children.filter((c) => c.type !== 'image' && !(c.type === 'text' && !c.value.trim()));
        const blocks: Block[] = [];
        if (rest.length > 0) {
          // Pasted text: a line that ends a sentence, or a typed 一、/（一） line, is its own paragraph.
          const content = applyEmphasis(this.inlines(node.children.filter((c) => c.type !== 'image'), {}, 'keep'));
          for (const part of splitPastedLines(content)) {
            const source = this.lineSource(node, part.firstLine);
            const merged = mergeRuns(part.content);
            if (part.heading && depth === 0) blocks.push(this.numberedHeading(part.heading, merged, source));
            else blocks.push({ kind: 'paragraph', content: merged, source });
          }
        }
        for (const image of images) blocks.push(this.image(restoreCode(image.url), restoreCode(image.alt ?? ''), image));
        return blocks;
      }
      case 'blockquote':
        return [{ kind: 'quote', blocks: this.blockList(node.children, depth + 1), source: this.where(node) }];
      case 'list': {
        const list: ListBlock = {
          kind: 'list',
          ordered: node.ordered === true,
          start: node.start ?? 1,
          items: node.children.map((item) => this.blockList(item.children, depth + 1)),
          source: this.where(node),
        };
        return [list];
      }
      case 'table': {
        const rows: TableCell[][] = node.children.map((row) => row.children.map((cell) => ({ content: applyEmphasis(this.inlines(cell.children)) })));
        return [{ kind: 'table', rows, header: true, align: (node.align ?? []).map((a) => a ?? null), source: this.where(node) }];
      }
      case 'code':
        if (isChartFence(node)) {
          const data = this.options.indicators ? { indicators: this.options.indicators, isBlank: this.options.isBlank } : undefined;
          return [chartBlock(node, this.section, data, this.where(node))];
        }
        return [{ kind: 'paragraph', content: [{ kind: 'text', text: restoreCode(node.value), code: true }], source: this.where(node) }];
      case 'thematicBreak':
        return [{ kind: 'thematicBreak' }];
      case 'html':
      case 'definition':
      case 'footnoteDefinition':
      case 'yaml':
        return [];
      default:
        return [];
    }
  }

  private heading(depth: number, children: PhrasingContent[], node: Nodes): Heading {
    const level = Math.min(Math.max(depth, 1), 4) as 1 | 2 | 3 | 4;
    return this.numberedHeading(level, applyEmphasis(this.inlines(children)), this.where(node));
  }

  /** A heading numbered in the running count; a number the author typed is not printed twice. */
  private numberedHeading(level: 1 | 2 | 3 | 4, content: Inline[], source: SourcePosition | undefined): Heading {
    this.counters[level - 1] += 1;
    for (let deeper = level; deeper < this.counters.length; deeper++) this.counters[deeper] = 0;
    const ordinal = this.counters[level - 1];
    return { kind: 'heading', level, ordinal, number: headingNumber(level, ordinal), content: stripWrittenNumber(content, level), source };
  }

  /** Where line `k` of a paragraph starts in the section file (its k-th line break, counted in the rendered text). */
  private lineSource(node: Nodes, k: number): SourcePosition | undefined {
    const start = node.position?.start.offset;
    if (k === 0 || start === undefined) return this.where(node);
    let offset = start;
    for (let n = 0; n < k && offset >= 0; n++) offset = this.section.text.indexOf('\n', offset) + 1;
    return offset > 0 ? { file: this.section.source.displayPath, ...sourcePosition(this.section, offset) } : this.where(node);
  }

  private image(url: string, alt: string, node: Nodes): Block {
    const file = this.section.source.displayPath;
    const where = this.where(node);
    if (/^[a-z][a-z0-9+.-]*:/i.test(url)) throw inputError(file, `image "${url}" is not a local file; put the image in the project folder`, where, 'image');
    const path = confinedPath(this.options.projectDir, dirname(this.section.source.path), decodePath(url), 'image', file, where);
    if (!existsSync(path)) throw inputError(file, `image "${url}" not found`, where, 'missing-file');
    if (!IMAGE_TYPES.has(extname(path).toLowerCase())) throw inputError(file, `image "${url}" must be PNG or JPEG`, where, 'image');
    const info = readImageInfo(path, { file, where, url });
    if (!info) throw inputError(file, `image "${url}" is not a readable PNG or JPEG file`, where, 'image');
    if (info.width > MAX_IMAGE_SIDE || info.height > MAX_IMAGE_SIDE || info.width === 0 || info.height === 0) {
      throw inputError(file, `image "${url}" is ${info.width} × ${info.height} pixels; the limit is ${MAX_IMAGE_SIDE} pixels a side (export a smaller image)`, where, 'image');
    }
    if (info.width * info.height > MAX_IMAGE_PIXELS) {
      throw inputError(file, `image "${url}" is ${info.width} × ${info.height} pixels; the limit is ${MAX_IMAGE_PIXELS / 1_000_000} million pixels (export a smaller image)`, where, 'image');
    }
    return { kind: 'image', path, alt, format: info.format, widthPx: info.width, heightPx: info.height, source: where };
  }

  /** `softBreaks: 'keep'` leaves line breaks in the text for splitPastedLines to decide. */
  private inlines(nodes: PhrasingContent[], style: Omit<TextRun, 'kind' | 'text'> = {}, softBreaks: 'join' | 'keep' = 'join'): Inline[] {
    const out: Inline[] = [];
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          pushText(out, softBreaks === 'keep' ? node.value : joinSoftBreaks(node.value), style);
          break;
        case 'strong':
          out.push(...this.inlines(node.children, { ...style, bold: true }, softBreaks));
          break;
        case 'emphasis':
          out.push(...this.inlines(node.children, { ...style, italic: true }, softBreaks));
          break;
        case 'link':
          // [表](#key): printed as 表N once every caption is numbered (captions.ts)
          if (node.url.startsWith('#')) {
            const written = this.inlines(node.children).map((run) => (run.kind === 'text' ? run.text : '')).join('');
            pushText(out, this.captions.reference(node.url.slice(1), written, this.where(node)), style);
          } else out.push(...this.inlines(node.children, style, softBreaks));
          break;
        case 'delete':
        case 'linkReference':
          out.push(...this.inlines(node.children, style, softBreaks));
          break;
        case 'inlineCode':
          pushText(out, restoreCode(node.value), { ...style, code: true });
          break;
        case 'break':
          out.push({ kind: 'break' });
          break;
        default:
          break; // html comments, footnote references, inline images (handled by the paragraph)
      }
    }
    return mergeRuns(out);
  }
}

/** `%E5%9B%BE.png` names 图.png; a `%` that is no escape (`100%.png`) is part of the name. */
function decodePath(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

const WIDE = /[\u2E80-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF\u3000-\u303F“”‘’—…]/u;

/** A line break inside a Chinese paragraph is not a space: join CJK lines directly. */
function joinSoftBreaks(text: string): string {
  return text.replace(/[ \t]*\n[ \t]*/g, (match, offset: number) => {
    const before = text[offset - 1] ?? '';
    const after = text[offset + match.length] ?? '';
    return WIDE.test(before) || WIDE.test(after) ? '' : ' ';
  });
}

function pushText(out: Inline[], text: string, style: Omit<TextRun, 'kind' | 'text'>): void {
  if (text) out.push({ kind: 'text', text: restoreLiterals(text), ...style });
}

function sameStyle(a: TextRun, b: TextRun): boolean {
  return !!a.bold === !!b.bold && !!a.italic === !!b.italic && !!a.code === !!b.code && !!a.placeholder === !!b.placeholder;
}

export function mergeRuns(runs: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const run of runs) {
    const last = out[out.length - 1];
    if (run.kind === 'text' && last?.kind === 'text' && sameStyle(last, run)) out[out.length - 1] = { ...last, text: last.text + run.text };
    else out.push(run);
  }
  return out;
}

function stripWrittenNumber(content: Inline[], level: 1 | 2 | 3 | 4): Inline[] {
  const first = content[0];
  if (first?.kind !== 'text') return content;
  const match = WRITTEN_NUMBER[level].exec(first.text);
  if (!match) return content;
  const rest = first.text.slice(match[0].length).replace(/^\s+/u, '');
  return rest ? [{ ...first, text: rest }, ...content.slice(1)] : content.slice(1);
}
