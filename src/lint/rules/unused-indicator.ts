/**
 * unused-indicator: data that no section (and no report.yaml string) prints or charts — the inventory a CI
 * owner needs to spot a figure that was updated for nothing, or a reference with a typo.
 * Reported at the key in the YAML file that sets the value.
 */
import { leafPaths } from '../../indicators/lookup.js';
import { keyNodeAt } from '../../project/yaml-source.js';
import type { Finding, LintInput, Rule, RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'unused-indicator',
  description: 'an indicator that no section, chart or report.yaml string uses',
  defaultSeverity: 'warning',
  fixable: false,
  summary: 'indicators no section uses',
};

export function check(input: LintInput): Finding[] {
  const project = input.project;
  if (!project) return [];
  // A path is used when a reference names it, one of its parents (a whole group), or a child.
  const named = new Set<string>();
  const parents = new Set<string>();
  for (const ref of [...project.references, ...(project.chartReferences ?? [])]) {
    if (ref.scoped) continue;
    named.add(ref.path.join('\0'));
    for (let i = 1; i < ref.path.length; i++) parents.add(ref.path.slice(0, i).join('\0'));
  }
  const findings: Finding[] = [];
  const indicatorFiles = input.yaml.filter((y) => y.role === 'indicators');
  for (const path of leafPaths(project.indicators)) {
    if (parents.has(path.join('\0')) || path.some((_, i) => named.has(path.slice(0, i + 1).join('\0')))) continue;
    for (let f = indicatorFiles.length - 1; f >= 0; f--) {
      const yaml = indicatorFiles[f];
      const node = keyNodeAt(yaml, path);
      if (!node?.range) continue;
      const from = yaml.index.position(node.range[0]);
      findings.push({
        file: yaml.file.displayPath, ...from, rule: meta.id, severity: meta.defaultSeverity,
        message: `indicator "${path.join('.')}" is not used by any section`, text: path[path.length - 1],
        context: yaml.index.context(node.range[0], node.range[1]),
      });
      break;
    }
  }
  return findings;
}

export const unusedIndicatorRule: Rule = { meta, check };
