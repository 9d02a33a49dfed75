/**
 * Offsets → 1-based line and code-point column, plus the short context snippet every finding
 * carries. One index per file, built once, so a file with thousands of findings stays linear.
 */

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

  /** 1-based line and column, the column counted in Unicode code points. */
  position(offset: number): { line: number; column: number } {
    const line0 = this.lineOf(offset);
    return { line: line0 + 1, column: codePointLength(this.text, this.starts[line0], offset) + 1 };
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

export function codePointLength(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (!(code >= 0xdc00 && code <= 0xdfff)) n++;
  }
  return n;
}
