/**
 * Which project a path belongs to, found the way ESLint and git find theirs: the nearest folder,
 * from the path's own upwards, that holds report.yaml. `report lint sections/01.md` (as
 * lint-staged or an editor runs it) then reads the project's data and settings, and `report
 * build` works from any subfolder.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE } from './load.js';

/** The nearest folder at or above `path` (a file or a folder) holding report.yaml, or undefined. */
export function findProjectDir(path: string): string | undefined {
  let dir = resolve(path);
  if (existsSync(dir) && !statSync(dir).isDirectory()) dir = dirname(dir);
  for (;;) {
    if (existsSync(join(dir, CONFIG_FILE))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
