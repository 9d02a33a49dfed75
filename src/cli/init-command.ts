/**
 * `report init [dir]`: copy the starter project of the gongwen template into a new folder, so
 * a first `report build` works at once. Never overwrites: an existing non-empty folder is refused.
 */
import { cpSync, existsSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inputError } from '../diagnostic.js';
import { displayPath } from '../project/source-file.js';

const STARTER = resolve(dirname(fileURLToPath(import.meta.url)), '../../templates/gongwen/starter');

export function initCommand(dir: string, log: (line: string) => void): number {
  const target = resolve(process.cwd(), dir);
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw inputError(dir, 'directory is not empty; choose a new folder for the project', undefined, 'usage');
  }
  cpSync(STARTER, target, { recursive: true });
  log(`created ${displayPath(target)}: report.yaml, indicators.yaml, sections/01-summary.md`);
  log(`next: report build ${displayPath(target)}`);
  return 0;
}
