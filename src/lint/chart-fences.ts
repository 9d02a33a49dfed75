/**
 * The ```chart fences of a Markdown file, read by the chart reader the build uses, with a map from
 * a place in a fence back to the file: the text a chart prints (title, unit, renamed series) is
 * searched for blanks as prose is, and the indicators it draws are uses of them (unused-indicator).
 * A fence the reader refuses yields nothing here; the build reports it at its place.
 */
import type { Code } from 'mdast';
import { indicatorPath } from '../chart/data.js';
import { ChartProblem, parseChartFence, type ChartRequest } from '../chart/fence.js';
import { isChartFence } from '../markdown/chart-block.js';
import { parseMarkdown } from '../markdown/parse.js';
import type { LineIndex } from '../text/position.js';
import type { HandlebarsReference } from './handlebars-references.js';

export interface ChartFence {
  request: ChartRequest;
  /** The fence's content, as the chart reader saw it. */
  content: string;
  /** Offset in the file of an offset in `content`. */
  offsetInFile(offset: number): number;
}

/** A fence opening with the `chart` info string, possibly inside a list or quote: worth parsing for. */
const CHART_FENCE = /^[ \t>*+\-\d.)]*(?:`{3,}|~{3,})[ \t]*chart\b/im;

export function chartFences(index: LineIndex): ChartFence[] {
  if (!CHART_FENCE.test(index.text)) return [];
  const out: ChartFence[] = [];
  const visit = (node: { type: string; children?: unknown[] }) => {
    if (node.type === 'code' && isChartFence(node as Code)) {
      const fence = readFence(index, node as Code);
      if (fence) out.push(fence);
    }
    for (const child of node.children ?? []) visit(child as { type: string; children?: unknown[] });
  };
  visit(parseMarkdown(index.text));
  return out;
}

function readFence(index: LineIndex, node: Code): ChartFence | undefined {
  let request: ChartRequest;
  try {
    request = parseChartFence(node.value);
  } catch (error) {
    if (error instanceof ChartProblem) return undefined;
    throw error;
  }
  const fenceLine0 = (node.position?.start.line ?? 1) - 1;
  return { request, content: node.value, offsetInFile: (offset) => sourceOffset(index, node.value, fenceLine0, offset) };
}

/** The indicators the fences draw, as references at their series entries. */
export function chartReferences(file: string, fences: ChartFence[], index: LineIndex, indicators: Record<string, unknown>): HandlebarsReference[] {
  return fences.flatMap((fence) => fence.request.series.map((entry) => {
    const start = fence.offsetInFile(entry.offset);
    return {
      file, path: indicatorPath(entry.name, indicators), original: entry.name, ...index.position(start), start, end: start + entry.name.length,
      conditional: false, scoped: false,
    };
  }));
}

/** A content line of a fence is the end of its source line (container markers and indent precede it). */
function sourceOffset(index: LineIndex, content: string, fenceLine0: number, offset: number): number {
  const before = content.slice(0, offset);
  const n = before.split('\n').length - 1;
  const lineStart = before.lastIndexOf('\n') + 1;
  const lineEnd = content.indexOf('\n', offset);
  const contentLine = content.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
  const line0 = Math.min(fenceLine0 + 1 + n, index.lineCount - 1);
  return Math.max(index.lineStart(line0), index.lineEnd(line0) - contentLine.length) + (offset - lineStart);
}
