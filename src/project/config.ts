/**
 * report.yaml: the input contract of spec/product.md, checked key by key so that a typo or a
 * wrong type is one line at its position (with a did-you-mean), not a surprise later.
 */
import { inputError } from '../diagnostic.js';
import type { FontRole } from '../style/spec.js';
import { didYouMean } from '../text/did-you-mean.js';
import { keyNodeAt, positionOf, positionOfNode, type YamlSource } from './yaml-source.js';
import { GONGWEN_KEYS, readGongwenKeys, type FooterConfig, type HeaderConfig } from './gongwen-config.js';


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

const TOP_KEYS = ['title', 'recipient', 'signature', 'date', 'indicators', 'sections', 'attachments', 'template', 'output', 'fonts', 'lint', 'schema', ...GONGWEN_KEYS];
const OUTPUT_KEYS = ['dir', 'name', 'formats'];
const FONT_KEYS: FontRole[] = ['title', 'body', 'heading1', 'heading2', 'pageNumber'];

export function readConfig(source: YamlSource): ReportConfig {
  const file = source.file.displayPath;
  const data = source.data;
  if (data === null || data === undefined) throw inputError(file, 'report.yaml is empty; it needs at least `title` and `sections`', undefined, 'config');
  if (typeof data !== 'object' || Array.isArray(data)) throw inputError(file, 'report.yaml must be a mapping of keys (title, sections, …)', { line: 1, column: 1 }, 'config');
  const raw = data as Record<string, unknown>;
  const at = (path: Array<string | number>) => positionOf(source, path) ?? { line: 1, column: 1 };
  const fail = (path: Array<string | number>, message: string): never => { throw inputError(file, message, at(path), 'config'); };

  checkKeys(source, raw, TOP_KEYS, []);
  const str = (key: string, value: unknown): string | undefined => {
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return fail([key], `\`${key}\` must be a string`);
  };
  const list = (key: string, value: unknown, item: string): string[] => {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) return fail([key], `\`${key}\` must be a list of ${item}`);
    return value.map((entry, i) => {
      if (typeof entry !== 'string' && typeof entry !== 'number') fail([key, i], `\`${key}[${i}]\` must be a string`);
      return String(entry);
    });
  };
  const stringOrList = (key: string, value: unknown, item: string): string[] =>
    typeof value === 'string' ? [value] : list(key, value, item);

  const title = str('title', raw.title);
  if (!title || !title.trim()) throw inputError(file, 'report.yaml needs a `title`', raw.title === undefined ? { line: 1, column: 1 } : at(['title']), 'config');
  if (raw.sections === undefined) throw inputError(file, 'report.yaml needs `sections`: a list of section files or globs', { line: 1, column: 1 }, 'config');
  const sections = list('sections', raw.sections, 'section files or globs (e.g. `- sections/*.md`)');
  if (sections.length === 0) fail(['sections'], '`sections` is empty; list at least one section file or glob');

  const date = str('date', raw.date);
  if (date !== undefined && !/^\d{4}-\d{1,2}-\d{1,2}$/.test(date)) fail(['date'], `\`date\` must be written as YYYY-MM-DD (got "${date}")`);

  const gongwen = readGongwenKeys(source, raw, fail, checkKeys);
  const template = str('template', raw.template) ?? gongwen.kindTemplate ?? 'gongwen';
  const output = readOutput(source, raw.output, fail);
  const fonts: Partial<Record<FontRole, string>> = {};
  if (raw.fonts !== undefined && raw.fonts !== null) {
    if (typeof raw.fonts !== 'object' || Array.isArray(raw.fonts)) fail(['fonts'], '`fonts` must map roles (title, body, heading1, heading2, pageNumber) to font files');
    checkKeys(source, raw.fonts as Record<string, unknown>, FONT_KEYS, ['fonts']);
    for (const [role, path] of Object.entries(raw.fonts as Record<string, unknown>)) {
      if (typeof path !== 'string') fail(['fonts', role], `\`fonts.${role}\` must be a font file path`);
      fonts[role as FontRole] = path as string;
    }
  }
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

function readOutput(source: YamlSource, value: unknown, fail: (path: Array<string | number>, message: string) => never): ReportConfig['output'] {
  const output: ReportConfig['output'] = { dir: 'out', name: 'report' };
  if (value === undefined || value === null) return output;
  if (typeof value !== 'object' || Array.isArray(value)) return fail(['output'], '`output` must be a mapping with dir, name and formats');
  const raw = value as Record<string, unknown>;
  checkKeys(source, raw, OUTPUT_KEYS, ['output']);
  if (raw.dir !== undefined) {
    if (typeof raw.dir !== 'string' || !raw.dir) fail(['output', 'dir'], '`output.dir` must be a folder name');
    output.dir = raw.dir as string;
  }
  if (raw.name !== undefined) {
    if (typeof raw.name !== 'string' || !raw.name.trim()) fail(['output', 'name'], '`output.name` must be a file name without extension');
    output.name = raw.name as string;
  }
  if (raw.formats !== undefined) {
    const formats = typeof raw.formats === 'string' ? raw.formats.split(',').map((f) => f.trim()) : raw.formats;
    if (!Array.isArray(formats) || formats.length === 0) fail(['output', 'formats'], '`output.formats` must be a list of output formats, e.g. [docx, pdf]');
    output.formats = (formats as unknown[]).map((format, i) => {
      if (typeof format !== 'string' || !format.trim()) fail(['output', 'formats', i], '`output.formats` must be a list of output formats, e.g. [docx, pdf]');
      return (format as string).trim().toLowerCase();
    });
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
