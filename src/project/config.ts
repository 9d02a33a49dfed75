/**
 * report.yaml: the input contract of spec/product.md. Its shape (keys, types, date formats) is
 * checked against schema/report.schema.json (config-schema.ts); what a schema cannot say (an empty
 * title, the kinds the templates offer, 发文字号 rules) is checked here. Either way a problem is one
 * line at its position (with a did-you-mean), not a surprise later.
 */
import { inputError } from '../diagnostic.js';
import type { FontRole } from '../style/spec.js';
import { didYouMean } from '../text/did-you-mean.js';
import { keyNodeAt, positionOf, positionOfNode, type YamlSource } from './yaml-source.js';
import { checkConfigShape } from './config-schema.js';
import { readGongwenKeys, type FooterConfig, type HeaderConfig } from './gongwen-config.js';


export interface ReportConfig {
  title: string;
  recipient?: string;
  signature: string[];
  /** ISO date `2023-06-20` as written. */
  date?: string;
  indicators: string[];
  sections: string[];
  attachments: string[];
  template: string;
  /** `formats` is checked against the writer registry by the build (unset: the registry's defaults). */
  output: { dir: string; name: string; formats?: string[] };
  fonts: Partial<Record<FontRole, string>>;
  lint?: unknown;
  schema?: string;
  /** 文种 (`kind:`); it picks the template when `template` is not given. */
  kind?: string;
  /** 版头 (`header:`). */
  header?: HeaderConfig;
  /** 附注. */
  note?: string;
  /** The Markdown file of each attachment printed after the body, by its index in `attachments`. */
  attachmentFiles: Array<string | undefined>;
  /** 版记 (`footer:`). */
  footer?: FooterConfig;
}


export function readConfig(source: YamlSource): ReportConfig {
  const file = source.file.displayPath;
  const data = source.data;
  if (data === null || data === undefined) throw inputError(file, 'report.yaml is empty; it needs at least `title` and `sections`', undefined, 'config');
  if (typeof data !== 'object' || Array.isArray(data)) throw inputError(file, 'report.yaml must be a mapping of keys (title, sections, …)', { line: 1, column: 1 }, 'config');
  const written = data as Record<string, unknown>;
  const at = (path: Array<string | number>) => positionOf(source, path) ?? { line: 1, column: 1 };
  const fail = (path: Array<string | number>, message: string): never => { throw inputError(file, message, at(path), 'config'); };

  // what the schema checked: an empty key (`formats:`) reads as absent, never as null
  const raw = checkConfigShape(source, written);
  // The schema has checked the types: YAML numbers (a 份号, a year) are read as text.
  const str = (_key: string, value: unknown): string | undefined => (value === undefined || value === null ? undefined : String(value));
  const list = (_key: string, value: unknown, _item?: string): string[] => (Array.isArray(value) ? value.map(String) : []);
  const stringOrList = (key: string, value: unknown, item: string): string[] =>
    typeof value === 'string' || typeof value === 'number' ? [String(value)] : list(key, value, item);

  const title = str('title', raw.title);
  if (!title || !title.trim()) throw inputError(file, 'report.yaml needs a `title`', written.title === undefined ? { line: 1, column: 1 } : at(['title']), 'config');
  if (raw.sections === undefined) throw inputError(file, 'report.yaml needs `sections`: a list of section files or globs', { line: 1, column: 1 }, 'config');
  const sections = list('sections', raw.sections, 'section files or globs (e.g. `- sections/*.md`)');
  if (sections.length === 0) fail(['sections'], '`sections` is empty; list at least one section file or glob');

  const date = str('date', raw.date);

  const gongwen = readGongwenKeys(source, raw, fail, checkKeys);
  const template = str('template', raw.template) ?? gongwen.kindTemplate ?? 'gongwen';
  const output = readOutput(raw.output);
  const fonts = { ...(raw.fonts as Partial<Record<FontRole, string>> | undefined) };
  return {
    title,
    recipient: str('recipient', raw.recipient),
    signature: stringOrList('signature', raw.signature, 'organ names'),
    date,
    indicators: stringOrList('indicators', raw.indicators, 'indicator files'),
    sections,
    attachments: gongwen.attachments,
    attachmentFiles: gongwen.attachmentFiles,
    template,
    output,
    fonts,
    lint: raw.lint,
    schema: str('schema', raw.schema),
    kind: gongwen.kind,
    header: gongwen.header,
    note: gongwen.note,
    footer: gongwen.footer,
  };
}

function readOutput(value: unknown): ReportConfig['output'] {
  const raw = (value ?? {}) as { dir?: string; name?: string; formats?: string | string[] };
  const output: ReportConfig['output'] = { dir: raw.dir ?? 'out', name: raw.name ?? 'report' };
  if (raw.formats !== undefined) {
    const formats = typeof raw.formats === 'string' ? raw.formats.split(',') : raw.formats;
    output.formats = formats.map((format) => format.trim().toLowerCase());
  }
  return output;
}

function checkKeys(source: YamlSource, raw: Record<string, unknown>, known: string[], path: string[]): void {
  for (const key of Object.keys(raw)) {
    if (known.includes(key)) continue;
    const where = positionOfNode(source, keyNodeAt(source, [...path, key])) ?? { line: 1, column: 1 };
    const guess = didYouMean(key, known);
    const scope = path.length ? `in \`${path.join('.')}\`` : 'in report.yaml';
    throw inputError(source.file.displayPath, `unknown key "${key}" ${scope}${guess ? `; did you mean "${guess}"?` : ` (known keys: ${known.join(', ')})`}`, where, 'config');
  }
}
