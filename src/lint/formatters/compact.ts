/**
 * ESLint's `compact` format, one finding a line — `path: line N, col M, Error - message (rule)` —
 * the shape CI problem matchers (GitHub's eslint-compact matcher among them) read. The severity
 * words stay English in both languages because matchers match them; the message follows the language.
 */
import { oneLine } from '../../diagnostic.js';
import { t } from '../../i18n/lang.js';
import { localize } from '../../i18n/localize.js';
import type { Finding } from '../rule.js';
import type { FormatContext } from './index.js';

const WORD = { error: 'Error', warning: 'Warning', info: 'Info' } as const;

export function formatCompact(findings: Finding[], _context: FormatContext): string {
  if (findings.length === 0) return '';
  const lines = findings.map((f) => {
    const where = `line ${f.line ?? 0}, col ${f.column ?? 0}`;
    return `${oneLine(f.file)}: ${where}, ${WORD[f.severity]} - ${oneLine(localize(f.message))} (${f.rule})`;
  });
  const n = findings.length;
  return `${lines.join('\n')}\n\n${t(`${n} problem${n === 1 ? '' : 's'}`, `${n} 个问题`)}\n`;
}
