/**
 * Heading numbers of the 公文 hierarchy: 一、 → （一） → 1. → （1）. Lives in the model so both
 * writers (and lint) agree on the printed number.
 */
import { chineseNumeral } from '../text/chinese-numeral.js';

export function headingNumber(level: 1 | 2 | 3 | 4, ordinal: number): string {
  switch (level) {
    case 1:
      return `${chineseNumeral(ordinal)}、`;
    case 2:
      return `（${chineseNumeral(ordinal)}）`;
    case 3:
      return `${ordinal}.`;
    case 4:
      return `（${ordinal}）`;
  }
}

/**
 * A number of the given level written by hand at the start of a heading or line (group 1 holds
 * the number). The one definition shared by the model (which does not print it twice) and lint
 * (which checks it). `1.` must not be followed by a digit: `2.5万亩` is a figure, not a number.
 */
export const WRITTEN_NUMBER: Record<1 | 2 | 3 | 4, RegExp> = {
  1: /^([一二三四五六七八九十]{1,3})、/u,
  2: /^[（(]([一二三四五六七八九十]{1,3})[）)]/u,
  3: /^(\d{1,3})(?:[.．](?!\d)|、)/u,
  4: /^[（(](\d{1,3})[）)]/u,
};
