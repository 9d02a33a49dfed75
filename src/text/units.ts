/**
 * The units Chinese reports write after a number, as data: which quantity each measures (its
 * base unit), how many base units it is, whether the {{scale}} helper converts it, and whether it
 * is read as a unit after a number. The template helpers and the lint rules both read this table;
 * a new unit is one row here.
 */
import { charAt, isHan } from './chars.js';

export interface Unit {
  /** As written: 亿元, 万千瓦时, %. */
  text: string;
  /** The quantity's smallest unit here (亿元 → 元). Units of one base are one quantity; 个, 万, 亿 have none. */
  base?: string;
  /** How many base units one of it is (万元 → 10 000); for {{scale}}, how many ones. */
  factor: number;
  /** {{scale}} converts from and to it. */
  scalable?: true;
  /** A bare multiplier (万, 亿): scaled by {{scale}}, never read as the unit of a number in the text. */
  multiplierOnly?: true;
}

const TEN_THOUSAND = 1e4;
const HUNDRED_MILLION = 1e8;

/** In {{scale}}'s listing order: the helper's error message names the scalable ones in this order. */
export const UNITS: readonly Unit[] = [
  { text: '元', base: '元', factor: 1, scalable: true },
  { text: '万元', base: '元', factor: TEN_THOUSAND, scalable: true },
  { text: '亿元', base: '元', factor: HUNDRED_MILLION, scalable: true },
  { text: '千元', base: '元', factor: 1e3, scalable: true },
  { text: '个', factor: 1, scalable: true },
  { text: '万', factor: TEN_THOUSAND, scalable: true, multiplierOnly: true },
  { text: '亿', factor: HUNDRED_MILLION, scalable: true, multiplierOnly: true },
  { text: '人', base: '人', factor: 1, scalable: true },
  { text: '万人', base: '人', factor: TEN_THOUSAND, scalable: true },
  { text: '亩', base: '亩', factor: 1, scalable: true },
  { text: '万亩', base: '亩', factor: TEN_THOUSAND, scalable: true },
  { text: '公斤', base: '公斤', factor: 1, scalable: true },
  { text: '万公斤', base: '公斤', factor: TEN_THOUSAND, scalable: true },
  { text: '吨', base: '吨', factor: 1, scalable: true },
  { text: '万吨', base: '吨', factor: TEN_THOUSAND, scalable: true },
  { text: '人次', base: '人次', factor: 1, scalable: true },
  { text: '万人次', base: '人次', factor: TEN_THOUSAND, scalable: true },
  { text: '千瓦时', base: '千瓦时', factor: 1, scalable: true },
  { text: '万千瓦时', base: '千瓦时', factor: TEN_THOUSAND, scalable: true },
  { text: '亿千瓦时', base: '千瓦时', factor: HUNDRED_MILLION, scalable: true },
  { text: '美元', base: '美元', factor: 1 },
  { text: '万美元', base: '美元', factor: TEN_THOUSAND },
  { text: '亿美元', base: '美元', factor: HUNDRED_MILLION },
  { text: '平方米', base: '平方米', factor: 1 },
  { text: '万平方米', base: '平方米', factor: TEN_THOUSAND },
  { text: '户', base: '户', factor: 1 },
  { text: '万户', base: '户', factor: TEN_THOUSAND },
  { text: '公里', factor: 1 },
  { text: '个百分点', factor: 1 },
  { text: '%', base: '%', factor: 1 },
  { text: '％', base: '%', factor: 1 },
  { text: '家', factor: 1 },
  { text: '项', factor: 1 },
];

const BY_TEXT = new Map(UNITS.map((unit) => [unit.text, unit]));

export function unitNamed(text: string): Unit | undefined {
  return BY_TEXT.get(text);
}

/** The units {{scale}} converts, with their factors. */
export const SCALABLE_UNITS = UNITS.filter((unit) => unit.scalable);

/** `%` and `％` are one unit. */
export function sameUnit(a: string, b: string): boolean {
  if (a === b) return true;
  const x = BY_TEXT.get(a);
  const y = BY_TEXT.get(b);
  return x?.base === '%' && y?.base === '%';
}

/** Units of one quantity (亿元, 万元, 元): writing one for another is a factor-of-10⁴ error. */
export function sameDimension(a: string, b: string): boolean {
  const base = BY_TEXT.get(a)?.base;
  return base !== undefined && base === BY_TEXT.get(b)?.base;
}

/** Units read after a number, longest first so 万千瓦时 is not read as 万. */
const WRITTEN_UNITS = UNITS.filter((unit) => !unit.multiplierOnly).map((unit) => unit.text).sort((a, b) => b.length - a.length);

/**
 * The unit written at `offset` of `text`, or undefined. A one-character unit other than % is a
 * unit only when no Han character follows (742人，  not 742人均).
 */
export function unitAt(text: string, offset: number): string | undefined {
  for (const unit of WRITTEN_UNITS) {
    if (!text.startsWith(unit, offset)) continue;
    if (unit.length === 1 && BY_TEXT.get(unit)!.base !== '%' && isHan(charAt(text, offset + 1))) continue;
    return unit;
  }
  return undefined;
}

/**
 * Characters of the units and measure words written right after a number (48.62亿元, 3家, 1-5月,
 * 12岁). Layout keeps them on the number's row; lint reads a blank next to one as a figure's blank.
 */
export const MEASURE_CHARS = '亿万千百元角分年月日时秒个位家户人次吨亩米克斤台辆件项倍名所座条只套张批余多度期届周岁公里';
