/** Chinese numerals as 公文 write them (三, 十二, 二十, 一百零五), and read back (一 → 1, 二十三 → 23). */
const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const UNITS = ['', '十', '百', '千'];

export function chineseNumeral(value: number): string {
  if (!Number.isInteger(value)) throw new RangeError(`cn: ${value} is not a whole number`);
  if (value < 0) return `负${chineseNumeral(-value)}`;
  if (value === 0) return DIGITS[0];
  if (value >= 1e8) {
    const high = Math.floor(value / 1e8);
    const rest = value % 1e8;
    return `${chineseNumeral(high)}亿${rest === 0 ? '' : (rest < 1e7 ? '零' : '') + chineseNumeral(rest)}`;
  }
  if (value >= 1e4) {
    const high = Math.floor(value / 1e4);
    const rest = value % 1e4;
    return `${chineseNumeral(high)}万${rest === 0 ? '' : (rest < 1000 ? '零' : '') + belowTenThousand(rest, true)}`;
  }
  return belowTenThousand(value, false);
}

function belowTenThousand(value: number, inner: boolean): string {
  const digits = String(value).padStart(4, '0').split('').map(Number);
  let out = '';
  let pendingZero = false;
  digits.forEach((digit, i) => {
    const unit = UNITS[3 - i];
    if (digit === 0) {
      if (out) pendingZero = true;
      return;
    }
    if (pendingZero) out += DIGITS[0];
    pendingZero = false;
    // 十二, not 一十二, when the number starts at the tens (but 一百一十二 inside larger numbers).
    if (digit === 1 && unit === '十' && !out && !inner) out += unit;
    else out += DIGITS[digit] + unit;
  });
  return out;
}

const DIGIT_VALUES: Record<string, number> = Object.fromEntries(DIGITS.map((digit, value) => [digit, value]));

/** 一 → 1, 十二 → 12, 二十三 → 23 (and ASCII digits as they are); NaN for anything else. */
export function parseChineseNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!m || text === '') return NaN;
  if (!m[2]) return m[1] && !m[3] ? DIGIT_VALUES[m[1]] : NaN;
  return (m[1] ? DIGIT_VALUES[m[1]] : 1) * 10 + (m[3] ? DIGIT_VALUES[m[3]] : 0);
}

/**
 * `一、二月份`, `一、二季度`, `二、三产业`: numerals listed with 、 before what they count — a
 * series (January and February), which reads like a 一、 heading number but is none.
 */
export function isNumeralSeries(text: string): boolean {
  return /^[一二三四五六七八九十]{1,3}、(?:[一二三四五六七八九十]{1,3}、)*[一二三四五六七八九十]{1,3}(?:月|季|产|类|级|等|批|期|号|线|档|轮|次|星|孩|胎)/u.test(text);
}
