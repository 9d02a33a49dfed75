/**
 * The `lint:` section of report.yaml: rule severities (error | warning | info | off), extra
 * placeholder patterns and allowed phrases. Checked key by key so a typo is one line at its
 * position (exit 2), never silently ignored.
 *
 *   lint:
 *     rules: { unused-indicator: off, punctuation: error }
 *     placeholders:
 *       patterns: ['待核[实查]', '/^\s*xx\s*$/i']
 *       allow: ['XX公司']
 *     fixInOutput: [punctuation]     # the build prints these rules' fixes; sources stay as written
 */
import { inputError } from '../diagnostic.js';
import { didYouMean } from '../text/did-you-mean.js';
import { keyNodeAt, positionOf, positionOfNode, type YamlSource } from '../project/yaml-source.js';
import { compilePattern } from './placeholder-detector.js';
import type { Severity } from '../diagnostic.js';

export type RuleSeverity = Severity | 'off';

export interface LintSettings {
  /** Severity per rule id, overriding the rule's default. */
  severities: Record<string, RuleSeverity>;
  placeholder: { extraPatterns: string[]; allow: string[] };
  /** Fixable rules whose fixes `report build` prints into the outputs (the sources stay as written). */
  fixInOutput: string[];
}

export const DEFAULT_SETTINGS: LintSettings = { severities: {}, placeholder: { extraPatterns: [], allow: [] }, fixInOutput: [] };

const LINT_KEYS = ['rules', 'placeholders', 'fixInOutput'];

const SEVERITIES: RuleSeverity[] = ['error', 'warning', 'info', 'off'];
const SEVERITY_ALIASES: Record<string, RuleSeverity> = { warn: 'warning', '0': 'off', '1': 'warning', '2': 'error', false: 'off', note: 'info' };

/**
 * Read `lint:`; `source` (report.yaml parsed with positions) makes every complaint point at its
 * line. `ruleIds` are the known rules, for "unknown rule" messages.
 */
export function readLintSettings(raw: unknown, ruleIds: string[], source?: YamlSource, fixableIds: string[] = ruleIds): LintSettings {
  const file = source?.file.displayPath ?? 'report.yaml';
  const at = (path: Array<string | number>) => (source ? positionOf(source, ['lint', ...path]) : undefined);
  const keyAt = (path: string[]) => (source ? positionOfNode(source, keyNodeAt(source, ['lint', ...path])) : undefined);
  const fail = (path: Array<string | number>, message: string): never => { throw inputError(file, message, at(path), 'config'); };
  const settings: LintSettings = { severities: {}, placeholder: { extraPatterns: [], allow: [] }, fixInOutput: [] };
  if (raw === undefined || raw === null) return settings;
  if (typeof raw !== 'object' || Array.isArray(raw)) return fail([], '`lint` must be a mapping with `rules`, `placeholders` and/or `fixInOutput`');
  const lint = raw as Record<string, unknown>;
  for (const key of Object.keys(lint)) {
    if (LINT_KEYS.includes(key)) continue;
    const guess = didYouMean(key, [...LINT_KEYS, ...ruleIds]);
    throw inputError(file, `unknown key "${key}" in \`lint\`${guess ? `; did you mean "${guess}"?` : ` (known keys: ${LINT_KEYS.join(', ')})`}`, keyAt([key]), 'config');
  }
  if (lint.fixInOutput !== undefined && lint.fixInOutput !== null) {
    const ids = typeof lint.fixInOutput === 'string' ? [lint.fixInOutput] : lint.fixInOutput;
    if (!Array.isArray(ids)) fail(['fixInOutput'], `\`lint.fixInOutput\` must be a list of fixable rules (${fixableIds.join(', ')})`);
    settings.fixInOutput = (ids as unknown[]).map((id, i) => {
      if (typeof id !== 'string' || !fixableIds.includes(id)) fail(['fixInOutput', i], `\`lint.fixInOutput\` lists rules whose fixes the build prints; "${String(id)}" is not one (fixable rules: ${fixableIds.join(', ')})`);
      return id as string;
    });
  }
  if (lint.rules !== undefined && lint.rules !== null) {
    if (typeof lint.rules !== 'object' || Array.isArray(lint.rules)) fail(['rules'], '`lint.rules` must map rule ids to error, warning, info or off');
    for (const [id, value] of Object.entries(lint.rules as Record<string, unknown>)) {
      if (!ruleIds.includes(id)) {
        const guess = didYouMean(id, ruleIds);
        throw inputError(file, `unknown rule "${id}" in \`lint.rules\`${guess ? `; did you mean "${guess}"?` : ` (rules: ${ruleIds.join(', ')})`}`, keyAt(['rules', id]), 'config');
      }
      const text = String(value).toLowerCase();
      const severity = (SEVERITIES as string[]).includes(text) ? (text as RuleSeverity) : SEVERITY_ALIASES[text];
      if (!severity) fail(['rules', id], `\`lint.rules.${id}\` must be error, warning, info or off (got "${String(value)}")`);
      settings.severities[id] = severity;
    }
  }
  if (lint.placeholders !== undefined && lint.placeholders !== null) {
    if (typeof lint.placeholders !== 'object' || Array.isArray(lint.placeholders)) fail(['placeholders'], '`lint.placeholders` must be a mapping with `patterns` and/or `allow`');
    const placeholders = lint.placeholders as Record<string, unknown>;
    for (const key of Object.keys(placeholders)) {
      if (key === 'patterns' || key === 'allow') continue;
      const guess = didYouMean(key, ['patterns', 'allow']);
      throw inputError(file, `unknown key "${key}" in \`lint.placeholders\`${guess ? `; did you mean "${guess}"?` : ' (known keys: patterns, allow)'}`, keyAt(['placeholders', key]), 'config');
    }
    const list = (key: 'patterns' | 'allow'): string[] => {
      const value = placeholders[key];
      if (value === undefined || value === null) return [];
      const items = typeof value === 'string' ? [value] : value;
      if (!Array.isArray(items)) return fail(['placeholders', key], `\`lint.placeholders.${key}\` must be a list of strings`);
      return items.map((item, i) => {
        if (typeof item !== 'string' && typeof item !== 'number') fail(['placeholders', key, i], `\`lint.placeholders.${key}[${i}]\` must be a string`);
        return String(item);
      });
    };
    settings.placeholder.extraPatterns = list('patterns');
    settings.placeholder.allow = list('allow').filter((phrase) => phrase.length > 0);
    settings.placeholder.extraPatterns.forEach((pattern, i) => {
      try {
        const re = compilePattern(pattern);
        if (re.test('')) fail(['placeholders', 'patterns', i], `placeholder pattern "${pattern}" matches empty text`);
        re.lastIndex = 0;
      } catch (error) {
        if ((error as Error).name === 'InputError') throw error;
        fail(['placeholders', 'patterns', i], `placeholder pattern "${pattern}" is not a valid regular expression: ${(error as Error).message}`);
      }
    });
  }
  return settings;
}
