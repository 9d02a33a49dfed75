/**
 * Machine-readable findings: a JSON array of Diagnostic objects (file, line, column, endLine,
 * endColumn, rule, severity, message, text, context, fixable) in file/line/column order.
 * `message` is in the reader's language like every printed message; `rule` is the stable key.
 */
import { localize } from '../../i18n/localize.js';
import type { Finding } from '../rule.js';
import type { FormatContext } from './index.js';

export function formatJson(findings: Finding[], _context: FormatContext): string {
  const out = findings.map((f) => ({
    file: f.file,
    line: f.line ?? null,
    column: f.column ?? null,
    endLine: f.endLine ?? null,
    endColumn: f.endColumn ?? null,
    rule: f.rule,
    severity: f.severity,
    message: localize(f.message),
    text: f.text ?? null,
    context: f.context ?? null,
    fixable: Boolean(f.fix),
  }));
  return `${JSON.stringify(out, null, 2)}\n`;
}
