/**
 * The indicators ```chart fences draw, as references at their series entries: a figure shown
 * only in a chart is used (unused-indicator). The fence is read by the chart reader the build
 * uses; a fence it refuses names nothing here, since the build reports that at its place.
 */
import type { Code } from 'mdast';
import { ChartProblem, parseChartFence } from '../chart/fence.js';
import { indicatorPath } from '../chart/data.js';
import { isChartFence } from '../markdown/chart-block.js';
import { parseMarkdown } from '../markdown/parse.js';
import type { LineIndex } from '../text/position.js';
import type { HandlebarsReference } from './handlebars-references.js';

/** A fence opening with the `chart` info string, possibly inside a list or quote: worth parsing for. */
const CHART_FENCE = /^[ \t>*+\-\d.)]*(?:`{3,}|~{3,})[ \t]*chart\b/im;

export function chartReferences(file: string, index: LineIndex, indicators: Record<string, unknown>): HandlebarsReference[] {
  if (!CHART_FENCE.test(index.text)) return [];
  const out: HandlebarsReference[] = [];
  const visit = (node: { type: string; children?: unknown[] }) => {
    if (node.type === 'code' && isChartFence(node as Code)) out.push(...fenceReferences(file, index, node as Code, indicators));
    for (const child of node.children ?? []) visit(child as { type: string; children?: unknown[] });
  };
  visit(parseMarkdown(index.text));
  return out;
}

function fenceReferences(file: string, index: LineIndex, node: Code, indicators: Record<string, unknown>): HandlebarsReference[] {
  let series;
  try {
    series = parseChartFence(node.value).series;
  } catch (error) {
    if (error instanceof ChartProblem) return [];
    throw error;
  }
  const fenceLine0 = (node.position?.start.line ?? 1) - 1;
  return series.map((entry) => {
    const start = sourceOffset(index, node.value, fenceLine0, entry.offset);
    const end = start + entry.name.length;
    return {
      file, path: indicatorPath(entry.name, indicators), original: entry.name, ...index.position(start), start, end,
      conditional: false, scoped: false,
    };
  });
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
