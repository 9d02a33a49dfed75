/**
 * Figures the author typed by hand after the indicator's own name — `全镇工业总产值55.5亿元` —
 * read the way the consistency rules read printed ones, so that a 同比增长12% after them is
 * checked against the data too, not only what `{{…}}` printed. A typed number counts as the
 * figure only when it is the data's value at the precision written and in the data's unit;
 * otherwise it is another figure (a goal, last year's, a month's) and is left alone.
 */
import { allFigures, type Figure } from '../../indicators/figures.js';
import { sameUnit, unitAt } from '../../text/units.js';
import { agreesWhenRounded } from './numbers-as-written.js';
import { handTyped, type SectionText } from './printed-figures.js';

/** Names too general to identify one indicator when they stand alone (招商引资.数量 → 数量). */
export const GENERIC_NAMES = new Set(['本期', '数量', '总量', '总额', '合计', '总计', '金额', '收入', '支出', '人数', '个数', '面积', '产量', '规模', '目标', '完成率', '增速', '总收入', '总产量', '总面积']);
/** A figure of a wider scope than the report's own (全市规上工业产值). */
export const OTHER_SCOPE = /(?:全[市省国县区]|[市省县区]级)$/;
/** What may stand between a name and its number: 规上工业产值 [累计][完成] 48.26. */
export const AFTER_NAME = /^(?:累计|共|合计|总计)?(?:完成|实现|达到|达|为|是)?[ \t]*[*_]{0,2}(\d[\d,]*(?:\.\d+)?)[*_]{0,2}[ \t]*/d;

export interface TypedFigure {
  figure: Figure;
  /** Offsets in the rendered text of the number and of the end of its unit. */
  numberStart: number;
  end: number;
}

const figureCache = new WeakMap<Record<string, unknown>, Figure[]>();

/** The figures of the data whose names can be looked for in the text (computed once per data). */
function nameableFigures(indicators: Record<string, unknown>): Figure[] {
  let figures = figureCache.get(indicators);
  if (!figures) {
    figures = allFigures(indicators).filter((f) => [...f.name].length >= 2 && !GENERIC_NAMES.has(f.name));
    figureCache.set(indicators, figures);
  }
  return figures;
}

/** Hand-typed occurrences, in `section`, of the figures of the data that have something to check. */
export function typedFigures(section: SectionText, indicators: Record<string, unknown>): TypedFigure[] {
  const text = section.rendered.text;
  const out: TypedFigure[] = [];
  for (const figure of nameableFigures(indicators)) {
    const name = figure.name;
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
      if (!handTyped(section.rendered, at, at + name.length) || OTHER_SCOPE.test(text.slice(Math.max(0, at - 2), at))) continue;
      const after = at + name.length;
      const m = AFTER_NAME.exec(text.slice(after, after + 40));
      if (!m) continue;
      const numberStart = after + m.indices![1]![0];
      const numberEnd = after + m.indices![1]![1];
      const unit = unitAt(text, after + m[0].length);
      const digits = m[1].replace(/,/g, '');
      if (!handTyped(section.rendered, numberStart, numberEnd) || !agreesWhenRounded(Number(digits), digits, figure.value)) continue;
      if (figure.unit && (!unit || !sameUnit(unit, figure.unit))) continue;
      out.push({ figure, numberStart, end: numberEnd });
    }
  }
  return out;
}
