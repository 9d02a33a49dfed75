/**
 * `report init [dir]`: copy the starter project of the gongwen template into a new folder. Its
 * sections hold instructions (`一是……（在此填写）`) that are blanks: `report build --draft` shows the
 * layout at once, and `report build` passes only once they are written. Never overwrites: an
 * existing non-empty folder is refused.
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
  // The starter's （在此填写） are blanks: built unchanged it must not pass as a finished report.
  log(`next: replace every （在此填写） and the figures, then report build ${displayPath(target)} (report build --draft previews it as it is)`);
  return 0;
}
