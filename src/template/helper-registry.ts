/** Every helper a template may call, by name (English names and the Chinese alias 完成率). */
import { change, cn, date, num, pct } from './helpers.js';
import { completion, growth, minus, percentagePoints, scale } from './indicators.js';
import { month, periodText } from './periods.js';

type Helper = (...args: unknown[]) => string;

export const HELPERS: Record<string, Helper> = {
  num: num as Helper,
  pct: pct as Helper,
  change: change as Helper,
  cn: cn as Helper,
  date: date as Helper,
  growth: growth as Helper,
  completion: completion as Helper,
  完成率: completion as Helper,
  pp: percentagePoints as Helper,
  scale: scale as Helper,
  minus: minus as unknown as Helper,
  ytd: periodText as Helper,
  month: month as Helper,
};
