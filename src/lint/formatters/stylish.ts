/**
 * The default, human format: findings grouped by file, `line:col  severity  message  rule`, a
 * context snippet, and a summary line. Colour via picocolors; NO_COLOR (and a non-terminal)
 * turn it off.
 */
import { oneLine } from '../../diagnostic.js';
import { displayWidth } from '../../text/width.js';
import pc from 'picocolors';
import type { Finding } from '../rule.js';
import type { FormatContext } from './index.js';

export function formatStylish(findings: Finding[], context: FormatContext): string {
  const c = pc.createColors(context.color ?? pc.isColorSupported);
  if (findings.length === 0) return '';
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const lines: string[] = [];
  for (const [file, list] of byFile) {
    lines.push(c.underline(oneLine(file)));
    const where = list.map((f) => (f.line ? `${f.line}:${f.column ?? 1}` : '-'));
    const whereWidth = Math.max(...where.map((w) => w.length));
    const messageWidth = Math.min(60, Math.max(...list.map((f) => displayWidth(messageOf(f)))));
    list.forEach((f, i) => {
      const severity = f.severity === 'error' ? c.red('error  ') : f.severity === 'warning' ? c.yellow('warning') : c.blue('info   ');
      const message = messageOf(f);
      const pad = ' '.repeat(Math.max(0, messageWidth - displayWidth(message)));
      lines.push(`  ${c.dim(where[i].padEnd(whereWidth))}  ${severity}  ${message}${pad}  ${c.dim(f.rule)}`);
      if (f.context) lines.push(`  ${' '.repeat(whereWidth)}           ${c.dim(oneLine(f.context))}`);
    });
    lines.push('');
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const infos = findings.length - errors - warnings;
  const fixable = findings.filter((f) => f.fix).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const summary = `✖ ${plural(findings.length, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}${infos ? `, ${infos} info` : ''})`;
  lines.push((errors ? c.red : c.yellow)(c.bold(summary)));
  if (fixable) lines.push(c.dim(`  ${plural(fixable, 'problem')} fixable with \`report lint --fix\``));
  return `${lines.join('\n')}\n`;
}

function messageOf(f: Finding): string {
  return oneLine(f.message);
}
