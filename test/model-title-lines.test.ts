import { describe, expect, it } from 'vitest';
import { breakTitle, titleWidth } from '../src/model/title-lines.js';

describe('title wrapping (GB/T 9704 §7.3.1: words whole, symmetric)', () => {
  it('keeps a short title on one line', () => {
    expect(breakTitle('云溪镇2024年工作总结', 17)).toEqual(['云溪镇2024年工作总结']);
  });

  it('breaks at a word boundary near the middle instead of filling the first line', () => {
    const cases = ['云溪镇2024年上半年工作总结和下半年工作思路', '关于进一步加强全镇安全生产隐患排查整治工作的通知', '青石镇人民政府关于2024年度重点工作推进情况的报告'];
    for (const title of cases) {
      const lines = breakTitle(title, 17);
      expect(lines.join('')).toBe(title);
      expect(lines).toHaveLength(2);
      const [first, second] = lines.map((l) => [...l].length);
      expect(Math.abs(first - second), lines.join(' / ')).toBeLessThanOrEqual(6);
      for (const word of ['工作', '总结', '思路', '安全', '生产', '隐患', '整治', '人民', '政府', '重点', '推进', '情况', '报告', '通知']) {
        const boundary = lines[0].endsWith(word[0]) && lines[1].startsWith(word[1]);
        expect(boundary, `${lines.join(' / ')} splits ${word}`).toBe(false);
      }
    }
  });

  it('keeps words no list names whole, by the word boundaries of the zh dictionary (秋冬季, not 秋冬 / 季)', () => {
    expect(breakTitle('关于做好2024年秋冬季安全生产工作的通知', 16.5)).toEqual(['关于做好2024年秋冬季', '安全生产工作的通知']);
  });

  it('never splits a number from its unit or starts a line with closing punctuation', () => {
    for (const line of breakTitle('青石镇关于2024年1-5月主要经济指标完成情况的报告', 12)) {
      expect(line).not.toMatch(/^[年月日，。、）》]/);
    }
    expect(breakTitle('青石镇关于2024年1-5月主要经济指标完成情况的报告', 12).join('')).toBe('青石镇关于2024年1-5月主要经济指标完成情况的报告');
  });

  it('takes the author\'s own line breaks as written', () => {
    expect(breakTitle('云溪镇2024年上半年工作总结\n和下半年工作思路', 30)).toEqual(['云溪镇2024年上半年工作总结', '和下半年工作思路']);
  });

  it('leaves no line shorter than half the longest, however the words fall (no stub like "…报 / 告")', () => {
    const titles = [
      '南溪县人民政府关于2024年上半年政府工作总结报告', // just over one line
      '关于进一步做好2024年度全县安全生产隐患排查整治和应急管理工作的通知',
      '青禾镇2024年1—9月国民经济和社会发展主要指标运行情况及第四季度重点工作安排的报告',
      'ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJ',
    ];
    for (const title of titles) {
      const lines = breakTitle(title, 17);
      expect(lines.join('')).toBe(title);
      const widths = lines.map(titleWidth);
      for (const width of widths) expect(width, lines.join(' / ')).toBeGreaterThanOrEqual(Math.max(...widths) / 2);
      for (const width of widths) expect(width, lines.join(' / ')).toBeLessThanOrEqual(17);
    }
  });

  it('breaks a long title in time linear in its length (1 000 characters: was over 120 s)', () => {
    const long = '关于进一步加强全镇安全生产隐患排查整治工作'.repeat(48);
    const started = performance.now();
    const lines = breakTitle(long, 17);
    expect(performance.now() - started).toBeLessThan(5000); // was over 120 s (n⁴)
    expect(lines.join('')).toBe(long);
  });
});
