/**
 * What a lint rule is (the ESLint shape): a module with `meta` — id, one-line description,
 * default severity, whether `--fix` can repair it — and a `check` over the prepared inputs that
 * returns findings. Rules never decide final severities or honour disable comments; that happens
 * once, in apply-settings.ts.
 */
import type { Document } from 'yaml';
import type { Diagnostic, Severity } from '../diagnostic.js';
import type { SourceFile } from '../project/source-file.js';
import type { RenderedText } from '../template/render.js';
import type { LintSettings } from './config.js';
import type { Range } from './markdown-regions.js';
import type { ChartFence } from './chart-fences.js';
import type { HandlebarsReference } from './handlebars-references.js';
import type { LineIndex } from '../text/position.js';

export interface RuleMeta {
  id: string;
  description: string;
  defaultSeverity: Severity;
  fixable: boolean;
  /** `report lint --strict` turns this rule's warnings into errors (the consistency checks). */
  strict?: boolean;
  /** `report build` runs this rule before writing (blanks, missing data, text against data). */
  build?: true;
  /** What a finding is, as a countable noun phrase for the build's summary (`half-width punctuation in Chinese text`). */
  summary?: string;
}

/** A text edit in a source file: replace [start, end) (UTF-16 offsets) with `replacement`. */
export interface Fix {
  path: string;
  start: number;
  end: number;
  replacement: string;
}

export interface Finding extends Diagnostic {
  fix?: Fix;
}

export interface MarkdownInput {
  file: SourceFile;
  index: LineIndex;
  /** Syntax the rules must not look at (code, comments, URLs, mustaches, front matter). */
  excluded: Range[];
  /** The text with `excluded` blanked out, same length. */
  masked: string;
  /** The ```chart fences (masked above, though a chart prints its title, unit and series names). */
  chartFences?: ChartFence[];
}

export interface YamlInput {
  file: SourceFile;
  index: LineIndex;
  document: Document.Parsed;
  role: 'indicators' | 'config';
}

export interface ProjectInput {
  indicators: Record<string, unknown>;
  /** Where an indicator's effective value is written; undefined for `--set` values. */
  locateIndicator(path: string[]): { file: string; line: number; column: number } | undefined;
  /** Sections rendered leniently (a missing indicator renders empty; missing-indicator reports it). */
  rendered: RenderedText[];
  /** Every Handlebars reference in the sections and in report.yaml strings. */
  references: HandlebarsReference[];
  /** The indicators ```chart fences draw (sections and attachment files), at their series entries. */
  chartReferences?: HandlebarsReference[];
  /**
   * True when a build runs the rules: it reports a chart naming a missing indicator itself, at the
   * chart (exit 2, as for a {{reference}}), so missing-indicator leaves charts to it then.
   */
  building?: boolean;
}

export interface LintInput {
  markdown: MarkdownInput[];
  yaml: YamlInput[];
  project?: ProjectInput;
  settings: LintSettings;
}

export interface Rule {
  meta: RuleMeta;
  check(input: LintInput): Finding[];
}

/** A finding at [start, end) of a text with a line index: positions, text and context filled in. */
export function findingAt(
  rule: RuleMeta, file: SourceFile, index: LineIndex, start: number, end: number, message: string, extra: Partial<Finding> = {},
): Finding {
  const from = index.position(start);
  const to = index.position(end);
  return {
    file: file.displayPath,
    line: from.line,
    column: from.column,
    endLine: to.line,
    endColumn: to.column,
    rule: rule.id,
    severity: rule.defaultSeverity,
    message,
    text: index.text.slice(start, end),
    context: index.context(start, end),
    ...extra,
  };
}
