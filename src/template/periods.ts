/**
 * Report periods as Chinese reports write them: `2024-05` → `2024年1-5月` (累计, the usual
 * monthly report period) or `5月份`. The period comes from the data file's `period` key, or from
 * its name (`data/2024-05.yaml`).
 */
import { HelperError } from './helpers.js';

export interface Period {
  year: number;
  month: number;
}

export function parsePeriod(value: unknown, helper = 'period'): Period {
  const text = String(value ?? '');
  const match = /^(\d{4})[-/.年]?(\d{1,2})月?$/.exec(text.trim());
  const month = match ? Number(match[2]) : NaN;
  if (!match || month < 1 || month > 12) throw new HelperError(`${helper}: expected a period like "2024-05", got ${JSON.stringify(value)}`);
  return { year: Number(match[1]), month };
}

/** {{ytd period}} → 2024年1-5月 (2024年1月 for January). */
export function periodText(value: unknown): string {
  const { year, month } = parsePeriod(value, 'ytd');
  return month === 1 ? `${year}年1月` : `${year}年1-${month}月`;
}

/** {{month period}} → 5月份. */
export function month(value: unknown): string {
  return `${parsePeriod(value, 'month').month}月份`;
}

/** `data/2024-05.yaml` → `2024-05`, or undefined when the name is not a period. */
export function periodFromFileName(name: string): string | undefined {
  const match = /(\d{4})-(\d{2})(?:\.[a-z]+)?$/i.exec(name.replace(/\.ya?ml$/i, ''));
  return match ? `${match[1]}-${match[2]}` : undefined;
}
