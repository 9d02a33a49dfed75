/**
 * Offsets ↔ 1-based line and code-point column: the one position index of the tool. Loader,
 * template and lint problems all report `file:line:col` through it, so a column means the same
 * thing in every message. One index per text, built once, so a file with thousands of findings
 * stays linear. Never imports anything: positions are plain data.
 */

export interface LineColumn {
  line: number;
  column: number;
}

export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 0-based line number of an offset. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  lineStart(line0: number): number {
    return this.starts[line0];
  }

  lineEnd(line0: number): number {
    return line0 + 1 < this.starts.length ? this.starts[line0 + 1] - 1 : this.text.length;
  }

  lineText(line0: number): string {
    return this.text.slice(this.lineStart(line0), this.lineEnd(line0));
  }

  /** 1-based line and column of an offset (clamped to the text), the column in code points. */
  position(offset: number): LineColumn {
    const end = Math.max(0, Math.min(offset, this.text.length));
    const line0 = this.lineOf(end);
    return { line: line0 + 1, column: codePointLength(this.text, this.starts[line0], end) + 1 };
  }

  /** Offset of a parser location: 1-based line, 0-based column in UTF-16 units (Handlebars' `loc`). */
  offsetOfParserLocation(line: number, unitColumn: number): number {
    return (this.starts[line - 1] ?? this.text.length) + unitColumn;
  }

  /** Offset of a 1-based line and code-point column. */
  offsetOf(line: number, column: number): number {
    let offset = this.starts[Math.min(line, this.starts.length) - 1] ?? 0;
    for (let c = 1; c < column && offset < this.text.length; c++) {
      const code = this.text.charCodeAt(offset);
      offset += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
    }
    return offset;
  }

  /** Up to `radius` characters either side of [start, end) on the same line, with ellipses. */
  context(start: number, end: number, radius = 12): string {
    const line0 = this.lineOf(start);
    const from = Math.max(this.starts[line0], start - radius);
    const to = Math.min(this.lineEnd(line0), Math.max(end, start) + radius);
    const before = this.text.slice(from, start);
    const after = this.text.slice(Math.min(end, to), to);
    return `${from > this.starts[line0] ? '…' : ''}${before}${this.text.slice(start, Math.min(end, to))}${after}${to < this.lineEnd(line0) ? '…' : ''}`.replace(/\s+/g, ' ').trim();
  }
}

/**
 * Code points in text[from, to), counted as `[...text.slice(from, to)]` counts them: a surrogate
 * pair is one, a lone surrogate (or half a pair cut by the range) is one too.
 */
export function codePointLength(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    const pairedLow = code >= 0xdc00 && code <= 0xdfff && i > from && isHighSurrogate(text.charCodeAt(i - 1));
    if (!pairedLow) n++;
  }
  return n;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Indexes of the texts last asked about: callers ask for many offsets in a few texts in turn. */
const recentIndexes = new Map<string, LineIndex>();

/** The index of `text`, reused while the same few texts are asked about. */
export function lineIndexOf(text: string): LineIndex {
  let index = recentIndexes.get(text);
  if (!index) {
    // Building an index per call made big sections quadratic (minutes for a few MB).
    if (recentIndexes.size >= 16) recentIndexes.clear();
    index = new LineIndex(text);
    recentIndexes.set(text, index);
  }
  return index;
}

/** 1-based line and code-point column of a UTF-16 offset in `text`. */
export function positionAt(text: string, offset: number): LineColumn {
  return lineIndexOf(text).position(offset);
}
