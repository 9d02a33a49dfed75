/**
 * duplicate-value: an indicator the report prints from data (规上工业产值{{规上工业产值}} → 48.62亿元)
 * and that the author also typed by hand elsewhere with another number — 规上工业产值48.26亿元, or
 * 48.6亿元 where the data prints 48.62. Built to stay quiet rather than guess:
 *   - the hand-typed number must follow the indicator's own name directly (规上工业产值 [累计][达到]
 *     48.26亿元), in the same unit as the printed one, outside every substitution;
 *   - it must look like the same figure written wrongly — the printed number rounded differently,
 *     or one digit changed or two neighbours swapped (at least three digits) — not a different
 *     figure (a goal, last year's value, a month's value);
 *   - sentences that speak of another period or a goal (去年, 同期, 上月, 目标, 力争, 全年 …) and
 *     other scopes (全市规上工业产值) are skipped, as are the figure's own previous and target values.
 */
import type { Figure } from '../../indicators/figures.js';
import { roundHalfAway } from '../../indicators/numbers.js';
import { sameUnit, unitAt } from '../../text/units.js';
import { decimalsOf } from '../consistency/numbers-as-written.js';
import { handTyped, sectionTexts, textFinding, type PrintedFigure, type SectionText } from '../consistency/printed-figures.js';
import { AFTER_NAME, GENERIC_NAMES, OTHER_SCOPE } from '../consistency/typed-figures.js';
import type { Finding, LintInput, Rule, RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'duplicate-value',
  description: 'an indicator printed from data in one place and typed by hand with a different number (same name, same unit) in another',
  defaultSeverity: 'warning',
  fixable: false,
  build: true,
  strict: true,
};

interface PrintedForm {
  figure: Figure;
  digits: string;
  value: number;
  unit: string;
  where: string;
}

/** A sentence that names another period, a goal or an estimate is about another figure. */
const OTHER_FIGURE = /去年|上年|同期|上月|上期|当月|单月|月份|季度|环比|目标|力争|预计|计划|争取|确保|年底|全年|突破|预期/;
const NOT_EXACT = /^(?:以上|左右|以内|之间|上下|多)/;

function printedForm(section: SectionText, printed: PrintedFigure): PrintedForm | undefined {
  const { text } = section.rendered;
  const shown = text.slice(printed.sub.start, printed.sub.end);
  let digits = shown;
  let unit: string | undefined;
  if (printed.form === 'with-unit') {
    if (!printed.unit || !shown.endsWith(printed.unit)) return undefined;
    digits = shown.slice(0, -printed.unit.length);
    unit = printed.unit;
  } else {
    unit = unitAt(text, printed.sub.end);
    if (!unit || (printed.unit && !sameUnit(unit, printed.unit))) return undefined; // unit-mismatch's business
  }
  if (unit === '个百分点' || !/^-?\d[\d,]*(?:\.\d+)?$/.test(digits)) return undefined;
  const name = printed.figure.name;
  const length = [...name].length;
  if (length < 2 || (printed.figure.kind === 'plain' && (length < 3 || GENERIC_NAMES.has(name)))) return undefined;
  const where = `${section.rendered.source.displayPath}:${printed.sub.line}:${printed.sub.column}`;
  return { figure: printed.figure, digits: digits.replace(/,/g, ''), value: Number(digits.replace(/,/g, '')), unit, where };
}

/** How a hand-typed number could be the printed one written wrongly, or undefined when it is another figure. */
export function nearMiss(typed: string, printed: string): 'rounded' | 'digits' | undefined {
  const a = Number(typed);
  const b = Number(printed);
  if (a === b) return undefined;
  const da = decimalsOf(typed);
  const db = decimalsOf(printed);
  // Rounded to a whole number (规上工业产值49亿元) reads as a deliberate round figure: left alone.
  if ((da < db && da > 0 && roundHalfAway(b, da) === a) || (db < da && db > 0 && roundHalfAway(a, db) === b)) return 'rounded';
  const x = typed.replace('.', '');
  const y = printed.replace('.', '');
  if (da !== db || x.length !== y.length || x.length < 3) return undefined;
  const differ = [...x].map((c, i) => (c === y[i] ? -1 : i)).filter((i) => i >= 0);
  if (differ.length === 1) return 'digits';
  if (differ.length === 2 && differ[1] === differ[0] + 1 && x[differ[0]] === y[differ[1]] && x[differ[1]] === y[differ[0]]) return 'digits';
  return undefined;
}

export function check(input: LintInput): Finding[] {
  if (!input.project) return [];
  const sections = sectionTexts(input);
  const forms = new Map<string, PrintedForm[]>();
  for (const section of sections) {
    for (const printed of section.printed) {
      const form = printedForm(section, printed);
      if (form) forms.set(form.figure.name, [...(forms.get(form.figure.name) ?? []), form]);
    }
  }
  const findings: Finding[] = [];
  for (const section of sections) {
    const { text } = section.rendered;
    for (const [name, list] of forms) {
      for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + name.length)) {
        const finding = checkOccurrence(section, name, i, list);
        if (finding) findings.push(finding);
      }
    }
  }
  return findings;
}

function checkOccurrence(section: SectionText, name: string, at: number, forms: PrintedForm[]): Finding | undefined {
  const { rendered } = section;
  const text = rendered.text;
  if (!handTyped(rendered, at, at + name.length) || OTHER_SCOPE.test(text.slice(Math.max(0, at - 2), at))) return undefined;
  const sentenceStart = Math.max(...['。', '；', '！', '？', '\n'].map((p) => text.lastIndexOf(p, at - 1))) + 1;
  if (OTHER_FIGURE.test(text.slice(sentenceStart, at))) return undefined;
  const after = at + name.length;
  const m = AFTER_NAME.exec(text.slice(after, after + 40));
  if (!m) return undefined;
  const numberStart = after + m.indices![1]![0];
  const unit = unitAt(text, after + m[0].length);
  if (!unit) return undefined;
  const end = after + m[0].length + unit.length;
  if (NOT_EXACT.test(text.slice(end, end + 2)) || !handTyped(rendered, numberStart, end)) return undefined;
  const digits = m[1].replace(/,/g, '');
  const value = Number(digits);
  const same = forms.filter((f) => sameUnit(f.unit, unit));
  if (same.length === 0 || same.some((f) => f.value === value || f.figure.previous === value || f.figure.target === value)) return undefined;
  for (const form of same) {
    const miss = nearMiss(digits, form.digits);
    if (!miss) continue;
    const how = miss === 'rounded' ? 'rounded differently' : 'digits differ';
    return textFinding(meta, section, numberStart, end,
      `${name} is printed as ${form.digits}${form.unit} from the data (${form.where}) but typed here as ${digits}${unit} (${how}); print it with the reference instead`);
  }
  return undefined;
}

export const duplicateValueRule: Rule = { meta, check };
