/** Chinese numerals as 公文 write them: 三, 十二, 二十, 一百零五. */
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
