/**
 * What may follow a number for it to be a figure worth an indicator: the units of the shared
 * table (src/text/units.ts: 亿元, 万亩, 人次, %, 个百分点 …) and the measure words reports count
 * with (名, 件, 场次, 处 …), optionally with 万/亿 and an approximation (余, 多) between:
 * `2200穴`, `50余条`, `27.6万余人次`, `18余万`. Dates and periods (2023年, 6月29日, 1-5月) are
 * not figures: 年, 月, 日 are no units here.
 */
import { UNITS } from '../text/units.js';

/** Measure words not in the shared table, counted the same way. */
const MEASURE_WORDS = [
  '名', '件', '场次', '场', '次', '处', '条', '穴', '所', '座', '台', '辆', '套', '批', '篇', '期', '届', '支', '只', '头',
  '棵', '株', '间', '栋', '幢', '艘', '架', '块', '口', '位', '款', '类', '种', '起', '宗', '笔', '份', '本', '册', '倍',
  '家次', '户次', '千米', '米', '平方公里', '公顷', '立方米', '千克', '克', '小时', '千瓦', '兆瓦', '万千瓦', '‰', '元/人', '元/吨',
];

/** Words that count things: a noun after them says what (`3家企业`). */
export const COUNT_WORDS = new Set(['个', '家', '项', '名', '件', '场', '场次', '次', '处', '条', '穴', '所', '座', '台', '辆', '套', '批', '篇', '期', '届', '支', '只', '头', '棵', '株', '户', '间', '栋', '幢', '艘', '架', '块', '口', '位', '款', '类', '种', '起', '宗', '笔', '份', '本', '册', '人']);

const MULTIPLIERS = ['万', '亿', '千'];
const APPROXIMATIONS = ['余', '多'];

/** Base units, longest first (万千瓦时 before 千瓦时 before 千瓦). */
const BASE_UNITS = [...new Set([...UNITS.filter((u) => !u.multiplierOnly).map((u) => u.text), ...MEASURE_WORDS])].sort((a, b) => b.length - a.length);

export type UnitKind = 'percent' | 'points' | 'amount';

export interface UnitMatch {
  /** The unit as an indicator records it: `亿元`, `万人次`, `%`, `万` (money left implied). */
  unit: string;
  /** Characters from the number's end to the unit's end, as written (`亿元`, `余条`, `万余人次`). */
  written: string;
  /** 余/多 written between the number and its unit: the number is printed alone then. */
  approximate: boolean;
  kind: UnitKind;
}

/** The unit written at `offset` (right after a number), or undefined. */
export function unitAfter(text: string, offset: number): UnitMatch | undefined {
  let at = offset;
  let approximate = false;
  let multiplier = '';
  const take = (words: string[]): string => {
    const word = words.find((w) => text.startsWith(w, at));
    if (word) at += word.length;
    return word ?? '';
  };
  if (take(APPROXIMATIONS)) approximate = true;
  // 万元 and 万人次 are units of their own; 万 + 余 + 人次 is the same unit, written around 余.
  const base = BASE_UNITS.find((unit) => text.startsWith(unit, at));
  if (base && !(base === '个' && text.startsWith('个月', at))) {
    at += base.length;
  } else {
    multiplier = take(MULTIPLIERS);
    if (!multiplier) return undefined;
    if (take(APPROXIMATIONS)) approximate = true;
    const after = BASE_UNITS.find((unit) => text.startsWith(unit, at) && !MULTIPLIERS.some((m) => unit.startsWith(m)));
    if (after) at += after.length;
    else if (isTimeWord(text, at)) return undefined; // 3万年, 5千年: not figures here
  }
  const written = text.slice(offset, at);
  const unit = written.replace(/[余多]/gu, '');
  if (!unit) return undefined;
  const kind: UnitKind = unit === '%' || unit === '％' || unit === '‰' ? 'percent' : unit === '个百分点' ? 'points' : 'amount';
  return { unit, written, approximate, kind };
}

function isTimeWord(text: string, at: number): boolean {
  return /^[年月日天时]/u.test(text.slice(at, at + 1));
}
