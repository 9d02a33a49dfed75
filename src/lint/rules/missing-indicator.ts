/**
 * missing-indicator: a Handlebars reference with no data behind it ({{规上工业产值.本期}} when the
 * YAML has no such key, or leaves it empty). Reported at the reference in the file the author
 * edits, with the closest existing key as a suggestion. Conditions ({{#if 备注}}) may be absent.
 * The series of a ```chart fence are references too (`report lint` lists them; a build stops at
 * the chart itself).
 */
import { knownPaths } from '../../chart/data.js';
import { ABSENT, isPlainObject, lookup } from '../../indicators/lookup.js';
import { didYouMean } from '../../text/did-you-mean.js';
import { referenceFinding } from '../reference-finding.js';
import type { Finding, LintInput, Rule, RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'missing-indicator',
  description: 'a template references an indicator that the data does not define (or leaves empty)',
  defaultSeverity: 'error',
  fixable: false,
  build: true,
};

export function check(input: LintInput): Finding[] {
  const project = input.project;
  if (!project) return [];
  const findings: Finding[] = [];
  for (const ref of project.building ? [] : project.chartReferences ?? []) {
    if (lookup(project.indicators, ref.path) !== ABSENT) continue;
    const guess = didYouMean(ref.original, knownPaths(project.indicators));
    // the words of the build's own chart error (src/chart/data.ts), so both read the same
    findings.push(referenceFinding(input, meta, ref, `chart names missing indicator "${ref.original}"${guess ? `; did you mean "${guess}"?` : ''}`));
  }
  for (const ref of project.references) {
    if (ref.scoped || ref.conditional) continue;
    const value = lookup(project.indicators, ref.path);
    if (value === ABSENT) {
      let parent: unknown = project.indicators;
      let i = 0;
      for (; i < ref.path.length - 1; i++) {
        const next = lookup(parent, [ref.path[i]]);
        if (!isPlainObject(next)) break;
        parent = next;
      }
      const keys = isPlainObject(parent) ? Object.keys(parent) : [];
      const guess = didYouMean(ref.path[i], keys);
      findings.push(referenceFinding(input, meta, ref, `missing indicator "${ref.original}" (no such key in the indicators)${guess ? `; did you mean "${[...ref.path.slice(0, i), guess].join('.')}"?` : ''}`));
    } else if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) {
      const at = project.locateIndicator(ref.path);
      findings.push(referenceFinding(input, meta, ref, `indicator "${ref.original}" has no value${at ? ` (${at.file}:${at.line}:${at.column})` : ''}`));
    }
  }
  return findings;
}

export const missingIndicatorRule: Rule = { meta, check };
