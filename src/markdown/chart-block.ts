/**
 * A ```chart fence in a section → a chart block with its data resolved (src/chart reads the fence
 * and the indicators). A problem is reported at its line in the section file:
 * `sections/02.md:14:11: chart names missing indicator "规上产值"; did you mean "规上工业产值"?`
 */
import type { Code } from 'mdast';
import { inputError } from '../diagnostic.js';
import { resolveChartData } from '../chart/data.js';
import { ChartProblem, parseChartFence } from '../chart/fence.js';
import type { Chart, SourcePosition } from '../model/document.js';
import { sourcePosition, type RenderedText } from '../template/render.js';
import { restoreCode } from './literal-text.js';

export interface ChartContext {
  indicators: Record<string, unknown>;
  isBlank?: (text: string) => boolean;
}

export function isChartFence(node: Code): boolean {
  return (node.lang ?? '').trim().toLowerCase() === 'chart';
}

export function chartBlock(node: Code, section: RenderedText, context: ChartContext | undefined, where: SourcePosition | undefined): Chart {
  const file = section.source.displayPath;
  // a fence keeps its text as typed: the stars that the section's reading took for emphasis too
  const text = restoreCode(node.value);
  if (!context) throw inputError(file, 'chart: no indicator data to draw from', where, 'chart');
  try {
    const request = parseChartFence(text);
    const data = resolveChartData(request, context.indicators, { isBlank: context.isBlank });
    // the caption carries the unit: 图1　主要经济指标（单位：亿元）
    const title = `${request.title ?? ''}${data.unit ? `（单位：${data.unit}）` : ''}`;
    const caption = request.title !== undefined || request.key !== undefined
      ? { label: '', content: title ? [{ kind: 'text' as const, text: title }] : [], ...(request.key ? { key: request.key } : {}), source: where }
      : undefined;
    return { kind: 'chart', ...data, ...(caption ? { caption } : {}), source: where };
  } catch (error) {
    if (!(error instanceof ChartProblem)) throw error;
    throw inputError(file, error.message, positionInFence(node, section, text, error.offset) ?? where, 'chart');
  }
}

/** Where `offset` of the fence's content lies in the section file (the content starts a line below the fence). */
function positionInFence(node: Code, section: RenderedText, content: string, offset: number): { line: number; column: number } | undefined {
  const start = node.position?.start.offset;
  if (start === undefined) return undefined;
  const indent = (node.position?.start.column ?? 1) - 1;
  const before = content.slice(0, offset);
  const line = before.split('\n').length - 1;
  const column = offset - (before.lastIndexOf('\n') + 1);
  let at = start;
  for (let n = 0; n <= line; n++) {
    const next = section.text.indexOf('\n', at);
    if (next < 0) return undefined;
    at = next + 1;
  }
  const lineText = section.text.slice(at, section.text.indexOf('\n', at) < 0 ? undefined : section.text.indexOf('\n', at));
  const leading = Math.min(indent, lineText.length - lineText.trimStart().length);
  return sourcePosition(section, at + leading + column);
}
