/**
 * The one place that turns raw rule findings into what the user sees: severities from
 * report.yaml (`off` drops a rule), inline disable comments, `--strict` (consistency warnings
 * become errors), duplicates removed, and a stable order (file, line, column, rule) so two runs
 * print the same thing.
 */
import type { Severity } from '../diagnostic.js';
import type { LintSettings } from './config.js';
import type { DirectiveSet } from './directives.js';
import type { Finding, RuleMeta } from './rule.js';

export interface ApplyOptions {
  /** `--strict`: warnings of the rules marked `strict` (the consistency checks) count as errors. */
  strict?: boolean;
}

export function applySettings(
  findings: Finding[], metas: RuleMeta[], settings: LintSettings, directives: Map<string, DirectiveSet>, options: ApplyOptions = {},
): Finding[] {
  const defaults = new Map(metas.map((m) => [m.id, m.defaultSeverity]));
  const escalated = new Set(metas.filter((m) => m.strict).map((m) => m.id));
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const finding of findings) {
    const configured = settings.severities[finding.rule];
    if (configured === 'off') continue;
    const known = defaults.has(finding.rule);
    let severity: Severity = configured ?? (known ? defaults.get(finding.rule)! : finding.severity);
    if (options.strict && severity === 'warning' && escalated.has(finding.rule)) severity = 'error';
    if (finding.line !== undefined && directives.get(finding.file)?.isDisabled(finding.rule, finding.line)) continue;
    const key = `${finding.file}\0${finding.line}\0${finding.column}\0${finding.rule}\0${finding.text ?? finding.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ...finding, severity });
  }
  return out.sort(compareFindings);
}

export function compareFindings(a: Finding, b: Finding): number {
  return (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}
