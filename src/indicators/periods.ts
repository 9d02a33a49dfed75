/**
 * Report periods as Chinese reports write them: `2024-05` → `2024年1-5月` (累计, the usual
 * monthly report period) or `5月份`. The period comes from the data file's `period` key, or from
 * its name (`data/2024-05.yaml`); the files of the month before and of the same month a year
 * earlier are named from it. Pure: reading those files is src/project's job.
 */
import { HelperError } from './numbers.js';

/** Where the linked period files' data appears in the indicators: {{上期.…}} (环比), {{去年同期.…}} (同比). */
export const PREVIOUS_KEY = '上期';
export const LAST_YEAR_KEY = '去年同期';

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
export function ytdText(value: unknown): string {
  const { year, month } = parsePeriod(value, 'ytd');
  return month === 1 ? `${year}年1月` : `${year}年1-${month}月`;
}

/** {{month period}} → 5月份. */
export function monthText(value: unknown): string {
  return `${parsePeriod(value, 'month').month}月份`;
}

/** `data/2024-05.yaml` → `2024-05`, or undefined when the name is not a period. */
export function periodFromFileName(name: string): string | undefined {
  const match = /(\d{4})-(\d{2})(?:\.[a-z]+)?$/i.exec(name.replace(/\.ya?ml$/i, ''));
  return match ? `${match[1]}-${match[2]}` : undefined;
}
