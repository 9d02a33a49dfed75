import { describe, expect, it } from 'vitest';
import { change, cn, date, num, pct } from '../src/template/helpers.js';

describe('template helpers (spec/product.md table)', () => {
  it('num fixes decimals without a thousands separator unless asked', () => {
    expect(num(12345.678, 2)).toBe('12345.68');
    expect(num(1.005, 2)).toBe('1.01');
    expect(num(48.6, 2)).toBe('48.60');
    expect(num(12345.678, 2, { hash: { sep: true }, data: {} } as never)).toBe('12,345.68');
    expect(num('7.25', 1)).toBe('7.3');
    expect(num(-0.001, 2)).toBe('0.00');
  });

  it('pct appends a percent sign with one decimal by default', () => {
    expect(pct(8.2)).toBe('8.2%');
    expect(pct(8)).toBe('8.0%');
    expect(pct(8.25, 2)).toBe('8.25%');
  });

  it('change says 增长, 下降 or 持平', () => {
    expect(change(8.2)).toBe('增长8.2%');
    expect(change(-1.3)).toBe('下降1.3%');
    expect(change(0)).toBe('持平');
    expect(change(0.04)).toBe('持平');
    expect(change(-0.05)).toBe('下降0.1%');
  });

  it('cn writes Chinese numerals', () => {
    expect(cn(3)).toBe('三');
    expect(cn(12)).toBe('十二');
    expect(cn(20)).toBe('二十');
    expect(cn(105)).toBe('一百零五');
    expect(cn(110)).toBe('一百一十');
    expect(cn(2024)).toBe('二千零二十四');
    expect(cn(10010)).toBe('一万零一十');
  });

  it('date writes 2023年6月20日 without zero padding', () => {
    expect(date('2023-06-20')).toBe('2023年6月20日');
    expect(date('2024-01-05')).toBe('2024年1月5日');
    expect(date(new Date(Date.UTC(2012, 6, 1)))).toBe('2012年7月1日');
  });

  it('helpers refuse values that are not numbers or dates', () => {
    expect(() => pct('XX')).toThrow(/pct: expected a number, got "XX"/);
    expect(() => cn(1.5)).toThrow(/whole number/);
    expect(() => date('2023-02-30')).toThrow(/not a real date/);
    expect(() => num(undefined)).toThrow(/missing/);
  });
});
