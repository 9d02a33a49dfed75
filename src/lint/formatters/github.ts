/**
 * GitHub Actions workflow commands: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
 * Escaping follows the runner: in the message `%`, CR and LF are percent-encoded; in properties
 * `:` and `,` are as well. Other control characters (ESC, BEL, RLO …) are shown as `\u001B`.
 */
import { printable } from '../../diagnostic.js';
import { localize } from '../../i18n/localize.js';
import type { Finding } from '../rule.js';
import type { FormatContext } from './index.js';

export function escapeData(value: string): string {
  // Control characters from the sources would reach the log viewer and the terminal raw.
  return printable(value).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(findings: Finding[], _context: FormatContext): string {
  return findings.map((f) => {
    const command = f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice';
    const props = [`file=${escapeProperty(f.file)}`];
    if (f.line) {
      props.push(`line=${f.line}`, `col=${f.column ?? 1}`);
      if (f.endLine) props.push(`endLine=${f.endLine}`, `endColumn=${f.endColumn ?? 1}`);
    }
    props.push(`title=${escapeProperty(`report lint (${f.rule})`)}`);
    const message = f.context ? `${localize(f.message)} — ${f.context}` : localize(f.message);
    return `::${command} ${props.join(',')}::${escapeData(message)}\n`;
  }).join('');
}
