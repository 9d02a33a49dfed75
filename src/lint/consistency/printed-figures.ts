/**
 * The text side of the consistency rules (stated-change, completion-rate, duplicate-value,
 * unit-mismatch): which figure each substitution in the rendered text printed (and in what form:
 * with its unit, bare, or scaled), which rendered characters the author typed by hand (outside
 * every substitution), and where those characters are in the section source.
 */
import { figureAt, type Figure } from '../../indicators/figures.js';
import { helpersPrinting } from '../../template/helper-registry.js';
import type { RenderedText, Substitution } from '../../template/render.js';
import type { HandlebarsReference } from '../handlebars-references.js';
import { findingAt, type Finding, type LintInput, type MarkdownInput, type ProjectInput, type RuleMeta } from '../rule.js';

export interface PrintedFigure {
  figure: Figure;
  sub: Substitution;
  /**
   * with-unit: `{{规上工业产值}}` prints 48.62亿元; bare: `{{规上工业产值.value}}`, `{{num 规上工业产值 2}}`
   * or a free-form/plain number print digits only; scaled: `{{scale 工业用电量 "亿千瓦时"}}` prints
   * digits in `unit`.
   */
  form: 'with-unit' | 'bare' | 'scaled';
  /** The unit the printed digits are in, when the data says (typed unit, or the scale target). */
  unit?: string;
}

/** One section's rendered text with what the consistency rules need to read it. */
export interface SectionText {
  rendered: RenderedText;
  md: MarkdownInput;
  printed: PrintedFigure[];
}

const FIGURE_HELPERS = helpersPrinting('figure');
const SCALING_HELPERS = helpersPrinting('scaled-figure');
/** `{{num 规上工业产值 2}}`, `{{scale 工业用电量 "亿千瓦时"}}`: a helper that prints a figure's digits, and its arguments. */
const PRINTING_HELPER = new RegExp(`^\\{\\{~?\\s*(${[...FIGURE_HELPERS, ...SCALING_HELPERS].map(escapeRegExp).join('|')})\\s+([\\s\\S]*?)~?\\}\\}$`);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The figure a substitution printed, or undefined (derived text such as {{change …}}, non-figures). */
export function printedFigure(project: ProjectInput, rendered: RenderedText, sub: Substitution, fileReferences?: HandlebarsReference[]): PrintedFigure | undefined {
  const args = (fileReferences ?? project.references).filter((r) => r.file === rendered.source.displayPath && r.start >= sub.sourceStart && r.end <= sub.sourceEnd);
  // Inside {{#each}} / {{#with}} a path names a field of another object, not a top-level indicator.
  if (args.some((r) => r.scoped)) return undefined;
  if (sub.path) {
    const figure = figureAt(project.indicators, sub.path);
    if (!figure) return undefined;
    const whole = figure.kind === 'typed' && sub.path.length === figure.path.length;
    return whole && figure.unit ? { figure, sub, form: 'with-unit', unit: figure.unit } : { figure, sub, form: 'bare', unit: figure.unit };
  }
  const mustache = rendered.source.text.slice(sub.sourceStart, sub.sourceEnd);
  const helper = PRINTING_HELPER.exec(mustache);
  if (!helper || /^[("'\d-]/.test(helper[2]) || args.length !== 1) return undefined;
  const figure = figureAt(project.indicators, args[0].path);
  if (!figure) return undefined;
  if (FIGURE_HELPERS.includes(helper[1])) return { figure, sub, form: 'bare', unit: figure.unit };
  // {{scale 工业用电量 "亿千瓦时" 2}} (typed: target unit first) or {{scale 产值 "万元" "亿元"}} (from, to).
  const strings = [...helper[2].matchAll(/"([^"]*)"|'([^']*)'/g)].map((m) => m[1] ?? m[2]);
  const unit = figure.kind === 'typed' && args[0].path.length === figure.path.length ? strings[0] : strings[1];
  return unit ? { figure, sub, form: 'scaled', unit } : undefined;
}

/** Computed once per lint run: four rules read the same sections. */
const sectionCache = new WeakMap<LintInput, SectionText[]>();

/** The sections as rendered, paired with their sources and the figures they print. */
export function sectionTexts(input: LintInput): SectionText[] {
  const project = input.project;
  if (!project) return [];
  const cached = sectionCache.get(input);
  if (cached) return cached;
  const byFile = new Map<string, HandlebarsReference[]>();
  for (const ref of project.references) byFile.set(ref.file, [...(byFile.get(ref.file) ?? []), ref]);
  const out: SectionText[] = [];
  for (const rendered of project.rendered) {
    const md = input.markdown.find((m) => m.file.displayPath === rendered.source.displayPath);
    if (!md) continue;
    const refs = byFile.get(rendered.source.displayPath) ?? [];
    const printed = rendered.substitutions.map((sub) => printedFigure(project, rendered, sub, refs)).filter((p): p is PrintedFigure => p !== undefined);
    out.push({ rendered, md, printed });
  }
  sectionCache.set(input, out);
  return out;
}

/** Whether [start, end) of the rendered text was typed by the author (touches no substitution). */
export function handTyped(rendered: RenderedText, start: number, end: number): boolean {
  return !rendered.substitutions.some((s) => s.start < end && start < s.end && s.end > s.start);
}

/**
 * Where hand-typed rendered text [start, end) is in the section source: counted from the closest
 * substitution before it, then confirmed (text after block tags such as {{#if}} is shifted, so the
 * nearest identical occurrence is used). Undefined when it cannot be confirmed or lies in syntax
 * the rules do not read (comments, code).
 */
export function sourceOffset(section: SectionText, start: number, end: number): number | undefined {
  const { rendered, md } = section;
  const wanted = rendered.text.slice(start, end);
  let estimate = start;
  for (const s of rendered.substitutions) if (s.end <= start) estimate = s.sourceEnd + (start - s.end);
  const source = md.file.text;
  let found: number | undefined;
  if (source.startsWith(wanted, estimate)) found = estimate;
  else {
    for (let i = source.indexOf(wanted, Math.max(0, estimate - 2000)); i >= 0 && i <= estimate + 2000; i = source.indexOf(wanted, i + 1)) {
      if (found === undefined || Math.abs(i - estimate) < Math.abs(found - estimate)) found = i;
    }
  }
  if (found === undefined) return undefined;
  const at = found;
  if (md.excluded.some(([from, to]) => at < to && from < at + wanted.length)) return undefined;
  return at;
}

/** A finding at hand-typed rendered text, positioned in the section source. */
export function textFinding(meta: RuleMeta, section: SectionText, start: number, end: number, message: string): Finding | undefined {
  const at = sourceOffset(section, start, end);
  if (at === undefined) return undefined;
  const { md } = section;
  return findingAt(meta, md.file, md.index, at, at + (end - start), message);
}

/** ` (data: file:line:col)` of an indicator's key in the YAML, for messages; "" when it came from --set. */
export function dataNote(project: ProjectInput, path: string[]): string {
  const at = project.locateIndicator(path);
  return at ? ` (data: ${at.file}:${at.line}:${at.column})` : '';
}
