/**
 * The text side of the consistency rules: which figure each substitution in the rendered text
 * printed (and in what form: with its unit, bare, or scaled), which rendered characters the author
 * typed by hand (outside every substitution), where those characters are in the section source,
 * and the units a report writes after a number.
 */
import type { RenderedText, Substitution } from '../../template/render.js';
import type { Finding, LintInput, MarkdownInput, ProjectInput, RuleMeta } from '../rule.js';
import { figureAt, type Figure } from './consistency-figures.js';

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

/** Units written after numbers in reports, longest first so 万千瓦时 is not read as 万. */
export const UNITS = [
  '亿千瓦时', '万千瓦时', '千瓦时', '万平方米', '平方米', '亿美元', '万美元', '美元', '万人次', '人次', '万公斤', '公斤',
  '亿元', '万元', '千元', '元', '万人', '人', '万亩', '亩', '万吨', '吨', '万户', '户', '公里', '个百分点', '%', '％', '家', '个', '项',
];
/** One-character units are units only when no Han character follows (742人，  not 742人均). */
const UNIT_PATTERN = new RegExp(`^(?:${UNITS.filter((u) => [...u].length > 1).join('|')}|[%％]|[元人亩吨户家个项](?![\\u3400-\\u9fff]))`);

/** The unit written at `offset` of `text`, or undefined. */
export function unitAt(text: string, offset: number): string | undefined {
  return UNIT_PATTERN.exec(text.slice(offset, offset + 8))?.[0];
}

/** Units of one quantity (亿元, 万元, 元): writing one for another is a factor-of-10⁴ error. */
const DIMENSIONS: string[][] = [
  ['元', '千元', '万元', '亿元'], ['美元', '万美元', '亿美元'], ['千瓦时', '万千瓦时', '亿千瓦时'], ['人', '万人'], ['人次', '万人次'],
  ['亩', '万亩'], ['吨', '万吨'], ['公斤', '万公斤'], ['户', '万户'], ['平方米', '万平方米'], ['%', '％'],
];

export function sameDimension(a: string, b: string): boolean {
  return DIMENSIONS.some((d) => d.includes(a) && d.includes(b));
}

/** `%` and `％` are one unit. */
export function sameUnit(a: string, b: string): boolean {
  return a === b || (/^[%％]$/.test(a) && /^[%％]$/.test(b));
}

const PRINTING_HELPER = /^\{\{~?\s*(num|scale)\s+([\s\S]*?)~?\}\}$/;

/** The figure a substitution printed, or undefined (derived text such as {{change …}}, non-figures). */
export function printedFigure(project: ProjectInput, rendered: RenderedText, sub: Substitution): PrintedFigure | undefined {
  const args = project.references.filter((r) => r.file === rendered.source.displayPath && r.start >= sub.sourceStart && r.end <= sub.sourceEnd);
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
  if (helper[1] === 'num') return { figure, sub, form: 'bare', unit: figure.unit };
  // {{scale 工业用电量 "亿千瓦时" 2}} (typed: target unit first) or {{scale 产值 "万元" "亿元"}} (from, to).
  const strings = [...helper[2].matchAll(/"([^"]*)"|'([^']*)'/g)].map((m) => m[1] ?? m[2]);
  const unit = figure.kind === 'typed' && args[0].path.length === figure.path.length ? strings[0] : strings[1];
  return unit ? { figure, sub, form: 'scaled', unit } : undefined;
}

/** The sections as rendered, paired with their sources and the figures they print. */
export function sectionTexts(input: LintInput): SectionText[] {
  const project = input.project;
  if (!project) return [];
  const out: SectionText[] = [];
  for (const rendered of project.rendered) {
    const md = input.markdown.find((m) => m.file.displayPath === rendered.source.displayPath);
    if (!md) continue;
    const printed = rendered.substitutions.map((sub) => printedFigure(project, rendered, sub)).filter((p): p is PrintedFigure => p !== undefined);
    out.push({ rendered, md, printed });
  }
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
  const from = md.index.position(at);
  const to = md.index.position(at + (end - start));
  return {
    file: md.file.displayPath, line: from.line, column: from.column, endLine: to.line, endColumn: to.column,
    rule: meta.id, severity: meta.defaultSeverity, message, text: md.file.text.slice(at, at + (end - start)),
    context: md.index.context(at, at + (end - start)),
  };
}

/** `file:line:col` of an indicator's key in the YAML, for messages ("" when it came from --set). */
export function dataLocation(project: ProjectInput, path: string[]): string {
  const at = project.locateIndicator(path);
  return at ? ` (${at.file}:${at.line}:${at.column})` : '';
}
