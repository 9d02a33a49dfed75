/**
 * Runs the rules over a project (report.yaml → sections, indicators, rendered text) or over plain
 * Markdown files: prepares each input once (masking, line index, YAML positions, template
 * references), collects raw findings from every rule, and hands them to apply-settings.ts.
 * It renders templates leniently to see the text a reader would get, but never builds a document.
 */
import { InputError, type Diagnostic } from '../diagnostic.js';
import type { Project } from '../project/load.js';
import type { SourceFile } from '../project/source-file.js';
import { renderTemplate, type RenderedText } from '../template/render.js';
import { applySettings } from './apply-settings.js';
import { DEFAULT_SETTINGS, readLintSettings, type LintSettings } from './config.js';
import { markdownDirectives, yamlDirectives, type DirectiveSet } from './directives.js';
import { chartFences, chartReferences } from './chart-fences.js';
import { collectReferences, type HandlebarsReference } from './handlebars-references.js';
import { excludedRanges, maskText } from './markdown-regions.js';
import type { Finding, LintInput, MarkdownInput, Rule, YamlInput } from './rule.js';
import { RULE_IDS, RULES } from './rules/index.js';
import { isUnfilledValue } from './rules/placeholder.js';
import { LineIndex } from '../text/position.js';
import { yamlStrings } from './yaml-scalars.js';

export interface LintOptions {
  /** `--strict`: warnings of the consistency rules (RuleMeta.strict) count as errors. */
  strict?: boolean;
  /** Run only these rules (the build runs placeholder and missing-indicator). */
  rules?: string[];
}

export interface LintResult {
  findings: Finding[];
  /** The Markdown files linted (what `--fix` may rewrite). */
  files: SourceFile[];
}

export function prepareMarkdown(file: SourceFile): MarkdownInput {
  const excluded = excludedRanges(file.text, { mustaches: true });
  const index = new LineIndex(file.text);
  return { file, index, excluded, masked: maskText(file.text, excluded), chartFences: chartFences(index) };
}

export function lintMarkdownFiles(files: SourceFile[], settings: LintSettings = DEFAULT_SETTINGS, options: LintOptions = {}): LintResult {
  const input: LintInput = { markdown: files.map(prepareMarkdown), yaml: [], settings };
  const directives = new Map<string, DirectiveSet>(files.map((f) => [f.displayPath, markdownDirectives(f.text)]));
  return { findings: run(input, directives, options), files };
}

/** Settings from report.yaml `lint:`; an InputError (exit 2) at the offending key when they are wrong. */
export function projectLintSettings(project: Project): LintSettings {
  return readLintSettings(project.config.lint, RULE_IDS, project.configSource, RULES.filter((r) => r.meta.fixable).map((r) => r.meta.id));
}

/**
 * Lint a loaded project. `rendered`, from a build, is what it rendered of project.sections and then
 * project.attachments; without it the templates are rendered here, leniently.
 */
export function lintProject(project: Project, options: LintOptions = {}, rendered?: RenderedText[]): LintResult {
  const settings = projectLintSettings(project);
  const renderFindings: Finding[] = [];
  const report = (problem: InputError) => renderFindings.push(...problem.diagnostics.map((d: Diagnostic) => ({ ...d, severity: 'error' as const })));
  // A blank a helper cannot read prints as written (the placeholder rule reports it at its YAML
  // line); other text it cannot read is an error at the call, as the build says.
  const tolerate = (text: string) => isUnfilledValue(text, settings.placeholder);
  const renderLeniently = (section: SourceFile): RenderedText[] => {
    try {
      return [renderTemplate(section, project.indicators, { strict: false, tolerate, report })];
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      renderFindings.push(...error.diagnostics.map((d: Diagnostic) => ({ ...d, severity: 'error' as const })));
      return [];
    }
  };
  // Attachment pages are printed like sections: their blanks must stop a build just the same.
  // `rendered` (from a build) holds the sections then the attachments, as `files` lists them.
  const files = [...project.sections, ...project.attachments];
  const texts = rendered ?? files.flatMap(renderLeniently);
  const markdown = files.map(prepareMarkdown);
  const yaml: YamlInput[] = [
    ...project.indicatorSources.map((s) => ({ file: s.file, index: new LineIndex(s.file.text), document: s.document, role: 'indicators' as const })),
    { file: project.configFile, index: new LineIndex(project.configFile.text), document: project.configSource.document, role: 'config' as const },
  ];
  const references: HandlebarsReference[] = markdown.flatMap((md) => collectReferences(md.file.displayPath, md.file.text, md.index));
  const config = yaml[yaml.length - 1];
  for (const scalar of yamlStrings(config.document, config.file.text)) {
    if (!['title', 'recipient', 'signature', 'attachments', 'output'].includes(scalar.path[0])) continue;
    if (scalar.path[0] === 'output' && scalar.path[1] !== 'name') continue;
    references.push(...collectReferences(config.file.displayPath, scalar.value, config.index, scalar.start));
  }
  const input: LintInput = {
    markdown, yaml, settings,
    project: {
      indicators: project.indicators, locateIndicator: (p) => project.locateIndicator(p), rendered: texts, references,
      chartReferences: markdown.flatMap((md) => chartReferences(md.file.displayPath, md.chartFences ?? [], md.index, project.indicators)),
      building: rendered !== undefined,
    },
  };
  const directives = new Map<string, DirectiveSet>([
    ...files.map((f) => [f.displayPath, markdownDirectives(f.text)] as const),
    ...yaml.map((y) => [y.file.displayPath, yamlDirectives(y.file.text)] as const),
  ]);
  return { findings: run(input, directives, options, renderFindings), files };
}

function run(input: LintInput, directives: Map<string, DirectiveSet>, options: LintOptions, extra: Finding[] = []): Finding[] {
  const rules: Rule[] = options.rules ? RULES.filter((r) => options.rules!.includes(r.meta.id)) : RULES;
  const raw = [...extra, ...rules.flatMap((rule) => rule.check(input))];
  return applySettings(raw, RULES.map((r) => r.meta), input.settings, directives, { strict: options.strict });
}
