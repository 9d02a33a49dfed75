/**
 * The default, human format: findings grouped by file, `line:col  severity  message  rule`, a
 * context snippet, and a summary line, in the reader's language. Colour via picocolors, decided
 * by colorWanted (--no-color, NO_COLOR, FORCE_COLOR=0 and a non-terminal turn it off).
 */
import { oneLine } from '../../diagnostic.js';
import { t } from '../../i18n/lang.js';
import { localize } from '../../i18n/localize.js';
import { displayWidth } from '../../text/width.js';
import pc from 'picocolors';
import type { Finding } from '../rule.js';
import type { FormatContext } from './index.js';
import { colorWanted } from './color.js';

export function formatStylish(findings: Finding[], context: FormatContext): string {
  const c = pc.createColors(colorWanted(context.color));
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
      const severity = f.severity === 'error' ? c.red(t('error  ', '错误')) : f.severity === 'warning' ? c.yellow(t('warning', '警告')) : c.blue(t('info   ', '提示'));
      const message = messageOf(f);
      const pad = ' '.repeat(Math.max(0, messageWidth - displayWidth(message)));
      lines.push(`  ${c.dim(where[i].padEnd(whereWidth))}  ${severity}  ${message}${pad}  ${c.dim(f.rule)}`);
      if (f.context) lines.push(`  ${' '.repeat(whereWidth)}  ${' '.repeat(displayWidth(t('warning', '警告')))}  ${c.dim(oneLine(f.context))}`);
    });
    lines.push('');
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const infos = findings.length - errors - warnings;
  const fixable = findings.filter((f) => f.fix).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const summary = t(`✖ ${plural(findings.length, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}${infos ? `, ${infos} info` : ''})`,
    `✖ ${findings.length} 个问题（${errors} 个错误，${warnings} 个警告${infos ? `，${infos} 个提示` : ''}）`);
  lines.push((errors ? c.red : c.yellow)(c.bold(summary)));
  if (fixable) lines.push(c.dim(t(`  ${plural(fixable, 'problem')} fixable with \`report lint --fix\``, `  其中 ${fixable} 个可以用 \`report lint --fix\` 自动修正`)));
  return `${lines.join('\n')}\n`;
}

function messageOf(f: Finding): string {
  return oneLine(localize(f.message));
}
