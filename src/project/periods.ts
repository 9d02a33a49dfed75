/**
 * Period files: a monthly data file may name the files it is compared with, so 同比 and 环比
 * figures come from data rather than being typed by hand.
 *
 *   period: 2024-05              # optional; else taken from the file name (2024-05.yaml)
 *   previous: 2024-04.yaml       # 上期 (环比): available as {{上期.…}}
 *   lastYear: 2023-05.yaml       # 去年同期 (同比): available as {{去年同期.…}}; fills `previous`
 *                                # of every typed indicator that does not state one
 *
 * Without `previous`/`lastYear`, files named by convention next to the data file are used when
 * they exist (2024-04.yaml, 2023-05.yaml).
 */
import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { inputError } from '../diagnostic.js';
import { LAST_YEAR_KEY, periodFromFileName, PREVIOUS_KEY } from '../indicators/periods.js';
import { isTypedIndicator } from '../indicators/typed.js';
import { confinedPath, displayPath, readSourceFile } from './source-file.js';
import { parseYamlSource, positionOf, type YamlSource } from './yaml-source.js';

/**
 * `root`: the folder linked files must stay in (the project directory). A link is resolved from
 * the data file's folder and must land inside `root` after following symlinks, or the build stops
 * at the `previous:`/`lastYear:` line — a data file must not be able to print other files.
 */
export function linkPeriods(indicators: Record<string, unknown>, main: YamlSource | undefined, cwd: string, root = main ? dirname(main.file.path) : cwd): YamlSource[] {
  if (!main) return [];
  const linked: YamlSource[] = [];
  const period = typeof indicators.period === 'string' || typeof indicators.period === 'number' ? String(indicators.period) : periodFromFileName(basename(main.file.path));
  if (period !== undefined && indicators.period === undefined) indicators.period = period;

  const load = (key: 'previous' | 'lastYear', conventional: string | undefined): Record<string, unknown> | undefined => {
    const stated = indicators[key];
    const dir = dirname(main.file.path);
    const what = `${key} period file`;
    let path: string | undefined;
    let name: string;
    let at: { line: number; column: number } | undefined;
    if (typeof stated === 'string') {
      name = stated;
      at = positionOf(main, [key]);
      path = confinedPath(root, dir, stated, what, main.file.displayPath, at);
      if (!existsSync(path)) throw inputError(main.file.displayPath, `${what} "${stated}" not found`, at, 'missing-file');
    } else if (conventional && existsSync(resolve(dir, conventional))) {
      // Found by its name: there is no line to point at, so the data file itself is named.
      name = conventional;
      path = confinedPath(root, dir, conventional, what, main.file.displayPath);
    } else {
      return undefined;
    }
    const source = parseYamlSource(readSourceFile(path, displayPath(path, cwd), { file: main.file.displayPath, position: at, what, name }));
    linked.push(source);
    const data = source.data;
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  };

  const [year, month] = period && /^\d{4}-\d{2}$/.test(period) ? period.split('-').map(Number) : [NaN, NaN];
  const pad = (n: number) => String(n).padStart(2, '0');
  const previousName = Number.isFinite(month) ? (month === 1 ? `${year - 1}-12.yaml` : `${year}-${pad(month - 1)}.yaml`) : undefined;
  const lastYearName = Number.isFinite(month) ? `${year - 1}-${pad(month)}.yaml` : undefined;

  const previous = load('previous', previousName);
  const lastYear = load('lastYear', lastYearName);
  delete indicators.previous;
  delete indicators.lastYear;
  if (previous) indicators[PREVIOUS_KEY] = previous;
  if (lastYear) {
    indicators[LAST_YEAR_KEY] = lastYear;
    fillPrevious(indicators, lastYear);
  }
  return linked;
}

/** Give every typed indicator without `previous` the value of the same indicator a year earlier. */
function fillPrevious(current: Record<string, unknown>, earlier: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(current)) {
    if (key === PREVIOUS_KEY || key === LAST_YEAR_KEY) continue;
    const before = earlier[key];
    if (isTypedIndicator(value)) {
      if ((value.previous === undefined || value.previous === null) && before !== undefined) {
        const old = isTypedIndicator(before) ? before.value : before;
        if (typeof old === 'number') value.previous = old;
      }
    } else if (value && typeof value === 'object' && !Array.isArray(value) && before && typeof before === 'object') {
      fillPrevious(value as Record<string, unknown>, before as Record<string, unknown>);
    }
  }
}
