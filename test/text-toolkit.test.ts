import { describe, expect, it } from 'vitest';
import { charAt, charBefore, isChinese, isCjkPunct, isHan, isIdeograph, NO_ROW_END, NO_ROW_START, normalizeWidth } from '../src/text/chars.js';
import { chineseNumeral, parseChineseNumber } from '../src/text/chinese-numeral.js';
import { didYouMean } from '../src/text/did-you-mean.js';
import { codePointLength, LineIndex, positionAt } from '../src/text/position.js';
import { sameDimension, sameUnit, SCALABLE_UNITS, unitAt, unitNamed, UNITS } from '../src/text/units.js';
import { displayWidth, gridWidth, isFullWidth } from '../src/text/width.js';
import { lineColumn } from './helpers/line-column.js';

describe('one position index', () => {
  it('counts lines at \\n and columns in code points', () => {
    const text = '第一行\n𠀀甲乙\n';
    expect(positionAt(text, 0)).toEqual({ line: 1, column: 1 });
    expect(positionAt(text, 4)).toEqual({ line: 2, column: 1 });
    expect(positionAt(text, 6)).toEqual({ line: 2, column: 2 }); // after a surrogate pair
    expect(positionAt(text, text.length)).toEqual({ line: 3, column: 1 });
  });

  it('clamps offsets past either end and counts a lone surrogate as one character', () => {
    const text = 'a\udc00b';
    expect(positionAt(text, 99)).toEqual({ line: 1, column: 4 });
    expect(positionAt(text, -5)).toEqual({ line: 1, column: 1 });
    expect(codePointLength(text, 0, 3)).toBe(3);
    expect(codePointLength('\ud840\udc00', 1, 2)).toBe(1); // half a pair cut by the range
    for (const t of ['a\udc00b', '\ud840x\udc00', '甲\n\ud840\udc00乙']) {
      for (let offset = 0; offset <= t.length; offset++) expect(positionAt(t, offset)).toEqual(lineColumn(t, offset));
    }
  });

  it('maps a line and column back to the offset, and a parser location to its offset', () => {
    const index = new LineIndex('规上\n𠀀产值 48.62');
    expect(index.offsetOf(2, 2)).toBe(5);
    expect(index.position(index.offsetOf(2, 4))).toEqual({ line: 2, column: 4 });
    expect(index.offsetOfParserLocation(2, 2)).toBe(5); // Handlebars: 1-based line, UTF-16 column
    expect(index.lineText(1)).toBe('𠀀产值 48.62');
  });

  it('gives a one-line context around a place, with ellipses where it is cut', () => {
    const index = new LineIndex('全年实施重点项目XX个，完成投资26.4亿元，同比增长8.2%。\n下一行');
    const start = index.text.indexOf('XX');
    expect(index.context(start, start + 2, 4)).toBe('…重点项目XX个，完成…');
  });
});

describe('one character-class table', () => {
  it('knows Han ideographs, including 〇 and supplementary-plane ones, and not kana or punctuation', () => {
    expect(['产', '〇', '𠀀', '㐀', '丽'].map(isHan)).toEqual([true, true, true, true, true]);
    expect(['か', '，', 'a', undefined, ''].map(isHan)).toEqual([false, false, false, false, false]);
    expect(isIdeograph('か')).toBe(true);
  });

  it('tells CJK punctuation from the ideographic zero', () => {
    expect([...'，。、；：？！“”‘’（）《》【】…—·'].every(isCjkPunct)).toBe(true);
    expect(isCjkPunct('〇')).toBe(false);
    expect(isChinese('〇')).toBe(true);
    expect(isChinese(',')).toBe(false);
  });

  it('keeps closing marks off a row start and opening marks off a row end', () => {
    for (const ch of '，。）》”,.%') expect(NO_ROW_START.has(ch)).toBe(true);
    for (const ch of '（《“([') expect(NO_ROW_END.has(ch)).toBe(true);
    expect(NO_ROW_START.has('（')).toBe(false);
  });

  it('reads whole characters either side of an offset', () => {
    const text = '甲𠀀乙';
    expect(charAt(text, 1)).toBe('𠀀');
    expect(charBefore(text, 3)).toBe('𠀀');
    expect(charAt(text, 9)).toBeUndefined();
  });

  it('maps full-width letters, digits, ．and ％ to half width without moving offsets', () => {
    expect(normalizeWidth('ＸＸ亿元１２．５％')).toBe('XX亿元12.5%');
    expect(normalizeWidth('ＸＸ亿元').length).toBe(4);
  });
});

describe('widths', () => {
  it('counts a signature as GB/T 9704 does: ASCII half a character, the rest one', () => {
    expect(gridWidth('2024年6月20日')).toBe(6.5);
    expect(gridWidth('·')).toBe(1);
  });

  it('gives CJK two terminal columns and puts ℃ and circled numbers in one grid cell', () => {
    expect(displayWidth('规上a')).toBe(5);
    expect(isFullWidth('℃'.codePointAt(0)!)).toBe(true);
    expect(isFullWidth('①'.codePointAt(0)!)).toBe(true);
    expect(isFullWidth('a'.codePointAt(0)!)).toBe(false);
  });
});

describe('one units table', () => {
  it('reads the longest unit after a number, and a one-character unit only before non-Han text', () => {
    expect(unitAt('用电量1.2万千瓦时，', 6)).toBe('万千瓦时');
    expect(unitAt('742人，', 3)).toBe('人');
    expect(unitAt('742人均', 3)).toBeUndefined();
    expect(unitAt('8.2%以上', 3)).toBe('%');
    expect(unitAt('3万', 1)).toBeUndefined(); // a bare multiplier is no unit
  });

  it('knows which units measure one quantity', () => {
    expect(sameDimension('亿元', '万元')).toBe(true);
    expect(sameDimension('万人', '人次')).toBe(false);
    expect(sameDimension('个', '万')).toBe(false);
    expect(sameUnit('%', '％')).toBe(true);
    expect(sameUnit('万元', '亿元')).toBe(false);
  });

  it('gives every unit a factor, and scale the units it always converted, in its listing order', () => {
    expect(unitNamed('亿元')?.factor).toBe(1e8);
    expect(UNITS.every((u) => u.factor > 0)).toBe(true);
    expect(SCALABLE_UNITS.map((u) => u.text).join(' ')).toBe('元 万元 亿元 千元 个 万 亿 人 万人 亩 万亩 公斤 万公斤 吨 万吨 人次 万人次 千瓦时 万千瓦时 亿千瓦时');
  });
});

describe('did-you-mean and Chinese numerals', () => {
  it('suggests the closest word within a small distance, and nothing for a far one', () => {
    expect(didYouMean('titl', ['title', 'sections'])).toBe('title');
    expect(didYouMean('titel', ['title', 'sections'])).toBeUndefined(); // a swap is two edits, too many for five letters
    expect(didYouMean('Sections', ['title', 'sections'])).toBe('sections');
    expect(didYouMean('xyz', ['title', 'sections'])).toBeUndefined();
  });

  it('writes and reads Chinese numerals', () => {
    expect([3, 12, 20, 105, 10010, 100000000].map(chineseNumeral)).toEqual(['三', '十二', '二十', '一百零五', '一万零一十', '一亿']);
    expect(['一', '十', '十二', '二十三', '7', '二二', '零'].map(parseChineseNumber)).toEqual([1, 10, 12, 23, 7, NaN, NaN]);
  });
});
