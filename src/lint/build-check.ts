/**
 * What `report build` checks before writing anything: the rules whose meta says `build: true` —
 * unfilled blanks, missing indicators and data that contradicts itself (errors), and the
 * text-against-data consistency rules (warnings, errors with `strict`) — with report.yaml `lint:`
 * severities and inline disable comments applied. The build fails on any error unless --draft.
 */
import type { Diagnostic } from '../diagnostic.js';
import type { Project } from '../project/load.js';
import type { RenderedText } from '../template/render.js';
import { lintProject } from './engine.js';
import { RULES } from './rules/index.js';

/** Ids of the rules a build runs, in registry order. */
export const BUILD_RULE_IDS = RULES.filter((rule) => rule.meta.build).map((rule) => rule.meta.id);

export function checkProjectForBuild(project: Project, renderedSections: RenderedText[], options: { strict?: boolean } = {}): Diagnostic[] {
  const { findings } = lintProject(project, { rules: BUILD_RULE_IDS, strict: options.strict }, renderedSections);
  return findings.map(({ fix: _fix, ...diagnostic }) => diagnostic);
}
