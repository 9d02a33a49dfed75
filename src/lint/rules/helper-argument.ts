/**
 * helper-argument: a helper given a figure of the wrong kind — {{pct 财政收入}} of an amount in
 * 万元, {{pp 财政收入}} of a figure that is not a rate, {{change 固定资产投资}} of a bare number with
 * no previous value. The judgement is the renderer's own (template/argument-kinds.ts), so lint
 * says here what the build refuses; reported at the reference.
 */
import { argumentProblem } from '../../template/argument-kinds.js';
import { referenceFinding } from '../reference-finding.js';
import type { Finding, LintInput, Rule, RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'helper-argument',
  description: 'a helper given a figure of the wrong kind ({{pct}} of an amount in 万元, {{pp}} of a figure that is not a rate, {{change}} of a bare number with no previous value)',
  defaultSeverity: 'error',
  fixable: false,
  summary: 'helpers given the wrong kind of figure',
};

export function check(input: LintInput): Finding[] {
  const project = input.project;
  if (!project) return [];
  const findings: Finding[] = [];
  for (const ref of project.references) {
    if (!ref.helper || ref.scoped || ref.conditional) continue;
    const problem = argumentProblem(project.indicators, ref.helper.name, ref.helper.index, ref.helper.parameters, ref.path);
    if (problem) findings.push(referenceFinding(input, meta, ref, problem));
  }
  return findings;
}

export const helperArgumentRule: Rule = { meta, check };
