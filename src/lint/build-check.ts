/**
 * What `report build` checks before writing anything: the rules whose meta says `build: true` —
 * unfilled blanks, missing indicators and data that contradicts itself (errors), and the
 * text-against-data consistency rules (warnings, errors with `strict`) — with report.yaml `lint:`
 * severities and inline disable comments applied. The build fails on any error unless --draft.
 *
 * The other rules run too, so that the build can say in one line per rule what `report lint`
 * would find (`189 × half-width punctuation in Chinese text`), and so that `lint.fixInOutput`
 * can print their fixes into the outputs (the sources stay as written).
 */
import type { Diagnostic } from '../diagnostic.js';
import type { Project } from '../project/load.js';
import type { RenderedText } from '../template/render.js';
import { lintProject, projectLintSettings } from './engine.js';
import type { Fix } from './rule.js';
import { RULES } from './rules/index.js';

/** Ids of the rules a build runs, in registry order. */
export const BUILD_RULE_IDS = RULES.filter((rule) => rule.meta.build).map((rule) => rule.meta.id);

/** One line of the build's lint summary: how many findings of a rule `report lint` would list. */
export interface RuleSummary {
  rule: string;
  count: number;
  /** What the rule finds, as a noun phrase (`half-width punctuation in Chinese text`). */
  label: string;
  /** `report lint --fix` repairs them. */
  fixable: boolean;
  /** Repaired in this build's outputs (report.yaml `lint.fixInOutput`); the sources are unchanged. */
  fixedInOutput: boolean;
}

export interface BuildLint {
  /** Findings of the build rules: these decide whether the build may write. */
  diagnostics: Diagnostic[];
  /** The other rules' warnings and errors, counted per rule. */
  summary: RuleSummary[];
  /** Fixes to print into the outputs, by section or attachment path (from `lint.fixInOutput`). */
  outputFixes: Map<string, Fix[]>;
}

/** `rendered`: the build's rendered project.sections, then project.attachments. */
export function lintForBuild(project: Project, rendered: RenderedText[], options: { strict?: boolean } = {}): BuildLint {
  const { findings } = lintProject(project, { strict: options.strict }, rendered);
  const fixInOutput = new Set(projectLintSettings(project).fixInOutput);
  const diagnostics: Diagnostic[] = [];
  const counts = new Map<string, number>();
  const outputFixes = new Map<string, Fix[]>();
  for (const { fix, ...diagnostic } of findings) {
    if (BUILD_RULE_IDS.includes(diagnostic.rule)) diagnostics.push(diagnostic);
    else if (diagnostic.severity !== 'info') counts.set(diagnostic.rule, (counts.get(diagnostic.rule) ?? 0) + 1);
    if (fix && fixInOutput.has(diagnostic.rule)) outputFixes.set(fix.path, [...(outputFixes.get(fix.path) ?? []), fix]);
  }
  const summary = RULES.filter((rule) => counts.has(rule.meta.id)).map(({ meta }) => ({
    rule: meta.id, count: counts.get(meta.id)!, label: meta.summary ?? meta.id, fixable: meta.fixable, fixedInOutput: fixInOutput.has(meta.id),
  }));
  return { diagnostics, summary, outputFixes };
}

export function checkProjectForBuild(project: Project, rendered: RenderedText[], options: { strict?: boolean } = {}): Diagnostic[] {
  return lintForBuild(project, rendered, options).diagnostics;
}
