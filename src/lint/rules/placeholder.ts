/**
 * placeholder: unfilled blanks (XX亿元, ××, 20**年, 【待补充】, {{…}} left in output) in the section
 * sources, in indicator and report.yaml values, and in the rendered text. A blank that arrives
 * through data is reported once, at the YAML line it came from — not again at every section
 * that prints it.
 */
import { findPlaceholders, type PlaceholderMatch, type PlaceholderOptions } from '../placeholder-detector.js';
import { PENDING_VALUES } from '../placeholder-vocabulary.js';
import { excludedRanges, maskText } from '../markdown-regions.js';
import { LineIndex } from '../../text/position.js';
import { offsetInSource, yamlStrings } from '../yaml-scalars.js';
import { findingAt, type Finding, type LintInput, type ProjectInput, type Rule, type RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'placeholder',
  description: 'unfilled blanks (XX, ××, 20**年, □□, 【待补充】, TODO, leftover {{…}}) in sections, indicators and the rendered report',
  defaultSeverity: 'error',
  fixable: false,
  build: true,
};

/** report.yaml keys whose values are paths, file names, formats or lint settings, not report text. */
const CONFIG_KEYS_NOT_TEXT = new Set(['lint', 'sections', 'indicators', 'template', 'fonts', 'schema', 'date', 'output']);

function describe(match: PlaceholderMatch): string {
  return match.kind === 'braces' ? `template braces left in the text: "${match.text}"` : `unfilled blank "${match.text}"`;
}

export function check(input: LintInput): Finding[] {
  const options: PlaceholderOptions = { extraPatterns: input.settings.placeholder.extraPatterns, allow: input.settings.placeholder.allow };
  const findings: Finding[] = [];

  for (const md of input.markdown) {
    for (const m of findPlaceholders(md.masked, options)) findings.push(findingAt(meta, md.file, md.index, m.start, m.end, describe(m)));
    // what a ```chart fence prints (its caption's title, unit, series names) is report text too
    for (const fence of md.chartFences ?? []) {
      for (const [from, to] of fence.request.printed) {
        for (const m of findPlaceholders(fence.content.slice(from, to), { ...options, markdownEmphasis: false })) {
          const start = fence.offsetInFile(from + m.start);
          findings.push(findingAt(meta, md.file, md.index, start, start + (m.end - m.start), describe(m)));
        }
      }
    }
  }

  const flaggedIndicators = new Set<string>();
  for (const yaml of input.yaml) {
    for (const scalar of yamlStrings(yaml.document, yaml.file.text)) {
      if (yaml.role === 'config' && CONFIG_KEYS_NOT_TEXT.has(scalar.path[0])) continue;
      const name = scalar.path.join('.');
      const where = yaml.role === 'indicators' ? ` in indicator ${name}` : ` in ${name}`;
      const mark = () => { if (yaml.role === 'indicators') flaggedIndicators.add(scalar.path.join('\0')); };
      const used = yaml.role === 'indicators' && input.project ? usedAt(input.project, scalar.path) : '';
      if (PENDING_VALUES.test(scalar.value)) {
        const start = offsetInSource(yaml.file.text, scalar, 0, scalar.value.length);
        findings.push(findingAt(meta, yaml.file, yaml.index, start, start + scalar.value.length, `unfilled blank "${scalar.value.trim()}"${where} (not filled in)${used}`));
        mark();
        continue;
      }
      const value = yaml.role === 'config' ? maskText(scalar.value, excludedRanges(scalar.value, { mustaches: true })) : scalar.value;
      for (const m of findPlaceholders(value, { ...options, markdownEmphasis: false })) {
        const start = offsetInSource(yaml.file.text, scalar, m.start, m.end - m.start);
        findings.push(findingAt(meta, yaml.file, yaml.index, start, start + (m.end - m.start), `${describe(m)}${where}${used}`));
        mark();
      }
    }
  }

  const project = input.project;
  if (project) {
    const sources = new Map(input.markdown.map((md) => [md.file.displayPath, md]));
    for (const rendered of project.rendered) {
      const source = sources.get(rendered.source.displayPath);
      if (!source || rendered.substitutions.length === 0) continue;
      const renderedIndex = new LineIndex(rendered.text);
      const masked = maskText(rendered.text, excludedRanges(rendered.text, { mustaches: false }));
      for (const m of findPlaceholders(masked, options)) {
        const sub = rendered.substitutions.find((s) => s.start < m.end && m.start < s.end);
        if (!sub) continue; // written in the section itself: reported from the source above
        const context = renderedIndex.context(m.start, m.end);
        const shownAt = `${rendered.source.displayPath}:${sub.line}:${sub.column}`;
        if (sub.path) {
          if (flaggedIndicators.has(sub.path.join('\0'))) continue;
          const location = project.locateIndicator(sub.path);
          if (location) {
            findings.push({
              file: location.file, line: location.line, column: location.column, rule: meta.id, severity: meta.defaultSeverity,
              message: `unfilled blank "${m.text}" in the report text from indicator ${sub.path.join('.')} (printed at ${shownAt})`, text: m.text, context,
            });
            continue;
          }
        } else {
          const args = project.references.filter((r) => r.file === rendered.source.displayPath && r.start >= sub.sourceStart && r.end <= sub.sourceEnd);
          if (args.some((r) => flaggedIndicators.has(r.path.join('\0')))) continue;
        }
        const start = sub.sourceStart;
        findings.push(findingAt(meta, source.file, source.index, start, Math.max(start, sub.sourceEnd), `unfilled blank "${m.text}" in the report text printed here`, { text: m.text, context }));
      }
    }
  }
  return findings;
}

/**
 * Whether a value from the data is an unfilled blank (`XX`, `待定`): the build prints such a value
 * as written where a helper cannot read it, so that it is reported here, at its YAML line.
 */
export function isUnfilledValue(value: string, options: PlaceholderOptions = {}): boolean {
  return PENDING_VALUES.test(value) || findPlaceholders(value, { ...options, markdownEmphasis: false }).length > 0;
}

/** `, used at sections/01.md:5:4 by {{pct 化解率}}`: the first reference that prints the indicator at `path`. */
function usedAt(project: ProjectInput, path: string[]): string {
  const key = path.join('\0');
  const ref = project.references.find((r) => !r.scoped && (r.path.join('\0') === key || key.startsWith(`${r.path.join('\0')}\0`)));
  if (!ref) return '';
  const rendered = project.rendered.find((r) => r.source.displayPath === ref.file);
  const sub = rendered?.substitutions.find((s) => s.sourceStart <= ref.start && ref.end <= s.sourceEnd);
  const mustache = sub && rendered ? rendered.source.text.slice(sub.sourceStart, sub.sourceEnd) : `{{${ref.original}}}`;
  const where = sub ?? ref;
  return `, used at ${ref.file}:${where.line}:${where.column} by ${mustache}`;
}

export const placeholderRule: Rule = { meta, check };
