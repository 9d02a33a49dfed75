/**
 * word/numbering.xml: the numbers Word prints before numbered paragraphs. A heading numbered by
 * Word (`一、` from chineseCounting and `%1、`) has no number in its text; we print it as Word
 * would, counting as Word counts (per list, a level restarting after a higher one), so the
 * recogniser sees the same `一、` or `（二）` that a hand-typed heading has.
 */
import { chineseNumeral } from '../../text/chinese-numeral.js';
import { childElements, firstChild, type XmlElement } from '../xml.js';

interface LevelFormat {
  format: string;
  text: string;
  start: number;
}

interface ListInstance {
  abstractId: string;
  startOverrides: Map<number, number>;
}

export class NumberingCounter {
  private readonly abstracts = new Map<string, Map<number, LevelFormat>>();
  private readonly instances = new Map<string, ListInstance>();
  /** Counters per abstract list (Word continues a list across w:num instances of one abstract). */
  private readonly counters = new Map<string, number[]>();
  private readonly overridden = new Set<string>();

  constructor(numbering: XmlElement | undefined) {
    for (const abstract of childElements(numbering, 'w:abstractNum')) {
      const levels = new Map<number, LevelFormat>();
      for (const level of childElements(abstract, 'w:lvl')) levels.set(Number(level.attributes['w:ilvl'] ?? 0), levelFormat(level));
      this.abstracts.set(abstract.attributes['w:abstractNumId'] ?? '', levels);
    }
    for (const num of childElements(numbering, 'w:num')) {
      const startOverrides = new Map<number, number>();
      for (const override of childElements(num, 'w:lvlOverride')) {
        const start = firstChild(override, 'w:startOverride')?.attributes['w:val'];
        if (start !== undefined) startOverrides.set(Number(override.attributes['w:ilvl'] ?? 0), Number(start) || 0);
      }
      this.instances.set(num.attributes['w:numId'] ?? '', { abstractId: firstChild(num, 'w:abstractNumId')?.attributes['w:val'] ?? '', startOverrides });
    }
  }

  /** The number printed before the next paragraph of list `numId` at `level`, or undefined. */
  next(numId: string, level: number): string | undefined {
    if (numId === '0' || level < 0 || level > 8) return undefined; // numId 0 switches numbering off
    const instance = this.instances.get(numId);
    const levels = instance && this.abstracts.get(instance.abstractId);
    const format = levels?.get(level);
    if (!instance || !levels || !format) return undefined;
    let counters = this.counters.get(instance.abstractId);
    if (!counters) {
      counters = Array.from({ length: 9 }, (_, i) => (levels.get(i)?.start ?? 1) - 1);
      this.counters.set(instance.abstractId, counters);
    }
    // A w:num with a start override restarts the list the first time it is used.
    if (instance.startOverrides.size > 0 && !this.overridden.has(numId)) {
      this.overridden.add(numId);
      for (const [overridden, start] of instance.startOverrides) counters[overridden] = start - 1;
    }
    counters[level] += 1;
    for (let deeper = level + 1; deeper < counters.length; deeper++) counters[deeper] = (levels.get(deeper)?.start ?? 1) - 1;
    if (format.format === 'bullet') return undefined;
    return format.text.replace(/%([1-9])/g, (_, n: string) => {
      const at = Number(n) - 1;
      return formatCounter(counters![at], levels.get(at)?.format ?? 'decimal');
    });
  }
}

function levelFormat(level: XmlElement): LevelFormat {
  return {
    format: firstChild(level, 'w:numFmt')?.attributes['w:val'] ?? 'decimal',
    text: firstChild(level, 'w:lvlText')?.attributes['w:val'] ?? '',
    start: Number(firstChild(level, 'w:start')?.attributes['w:val'] ?? 1) || 0,
  };
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';

/** A counter value in one of Word's number formats (the ones Chinese documents use, and Latin). */
export function formatCounter(value: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
      return value > 0 ? chineseNumeral(value) : String(value);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return CIRCLED[value - 1] ?? String(value);
    case 'ideographTraditional':
      return HEAVENLY_STEMS[value - 1] ?? String(value);
    case 'decimalFullWidth':
      return [...String(value)].map((d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).join('');
    case 'upperLetter':
    case 'lowerLetter': {
      const letter = String.fromCharCode(65 + ((value - 1) % 26)).repeat(Math.floor((value - 1) / 26) + 1);
      return format === 'upperLetter' ? letter : letter.toLowerCase();
    }
    case 'upperRoman':
    case 'lowerRoman': {
      const roman = toRoman(value);
      return format === 'upperRoman' ? roman : roman.toLowerCase();
    }
    case 'none':
      return '';
    default:
      return String(value);
  }
}

function toRoman(value: number): string {
  const table: Array<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let rest = value;
  let out = '';
  for (const [amount, letters] of table) while (rest >= amount) { out += letters; rest -= amount; }
  return out || String(value);
}
