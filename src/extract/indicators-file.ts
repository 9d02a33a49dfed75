/**
 * The indicator file extract writes to, edited as text so the user's comments and layout stay:
 * new indicators are appended, one typed indicator a line, each with a comment naming the key it
 * was extracted as and the words it came from:
 *
 *   规上工业总产值: {value: 48.62, unit: 亿元, 增速: 7.4}  # extracted as 规上工业总产值: “…累计48.62亿元”
 *
 * The comment travels with the line when the user renames the key, so a later run knows that
 * `{{规上工业总产值}}` in a section now means the renamed indicator (see renames.ts).
 */
import { isMap, isScalar, parseDocument } from 'yaml';
import type { YamlSource } from '../project/yaml-source.js';
import type { FigureValue, PlannedIndicator } from './plan.js';

const ORIGIN = /#\s*extracted as ([^\s:：]+)[:：]/u;

/** Top-level keys of an indicator file and, where its line says so, the key each was extracted as. */
export function extractedOrigins(source: YamlSource): Map<string, string> {
  const origins = new Map<string, string>();
  const contents = source.document.contents;
  if (!isMap(contents)) return origins;
  for (const pair of contents.items) {
    if (!isScalar(pair.key) || !pair.key.range) continue;
    const lineStart = source.file.text.lastIndexOf('\n', pair.key.range[0]) + 1;
    const lineEnd = source.file.text.indexOf('\n', pair.key.range[0]);
    const line = source.file.text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
    const origin = ORIGIN.exec(line)?.[1];
    if (origin) origins.set(origin, String(pair.key.value));
  }
  return origins;
}

/** `text` with the indicators appended; undefined when the result would not be a YAML mapping. */
export function appendIndicators(text: string, indicators: PlannedIndicator[], sectionName: string): string | undefined {
  if (indicators.length === 0) return text;
  const lines = indicators.map(indicatorLine);
  const head = text === '' || text.endsWith('\n') ? text : `${text}\n`;
  const result = `${head}${head.trim() ? '\n' : ''}# report extract: figures of ${sectionName}\n${lines.join('\n')}\n`;
  const document = parseDocument(result, { uniqueKeys: true });
  return document.errors.length === 0 && isMap(document.contents) ? result : undefined;
}

function indicatorLine(indicator: PlannedIndicator): string {
  const fields: string[] = [`value: ${scalar(indicator.value)}`, `unit: ${scalar(indicator.unit)}`];
  if (indicator.decimals !== undefined) fields.push(`decimals: ${indicator.decimals}`);
  if (indicator.growth) fields.push(`增速: ${scalar(indicator.growth.value)}`);
  if (indicator.completion) fields.push(`完成率: ${scalar(indicator.completion.value)}`);
  const context = indicator.context.replace(/[\n\r]/gu, ' ');
  return `${indicator.key}: {${fields.join(', ')}}  # extracted as ${indicator.key}: “${context}”`;
}

/** A flow-mapping scalar: plain when safe (48.62, 亿元, XX), else double-quoted ("%"). */
function scalar(value: FigureValue): string {
  if (typeof value === 'number') return String(value);
  return /^[\p{L}\p{N}._-]+$/u.test(value) && !/^[-.]|^(?:true|false|null|yes|no|on|off|~)$/iu.test(value) ? value : JSON.stringify(value);
}
