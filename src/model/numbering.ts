/**
 * Heading numbers of the 公文 hierarchy: 一、 → （一） → 1. → （1）. Lives in the model so both
 * writers (and lint) agree on the printed number.
 */
import { chineseNumeral } from './chinese-numeral.js';

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

/** Matches a number of the given level written by hand at the start of a heading. */
export const WRITTEN_NUMBER: Record<1 | 2 | 3 | 4, RegExp> = {
  1: /^([一二三四五六七八九十百零〇]+)[、，,]\s*/u,
  2: /^[（(]([一二三四五六七八九十百零〇]+)[）)]\s*/u,
  3: /^(\d+)[.．、]\s*/u,
  4: /^[（(](\d+)[）)]\s*/u,
};
