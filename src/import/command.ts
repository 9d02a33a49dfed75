/**
 * `report import FILE [--out DIR]`: turn last period's report into a new project folder. The
 * project appears whole or not at all: its files are written (through the atomic writer) into a
 * hidden staging folder beside the target, which is renamed into place last. An existing
 * non-empty folder is never written into.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, renameSync, rmdirSync, rmSync, statSync, mkdirSync } from 'node:fs';
import { basename, dirname, extname, join, posix, resolve } from 'node:path';
import { inputError } from '../diagnostic.js';
import { t } from '../i18n/lang.js';
import { localize } from '../i18n/localize.js';
import { importDocument, type ProjectFile } from './index.js';
import { describeFsError, displayPath } from '../project/source-file.js';
import { makeDirectory, writeOutputsAtomically } from '../io/atomic-write.js';

const STAGING_PREFIX = '.report-import-';
/** An import takes seconds; a staging folder this old belongs to one that died. */
const ABANDONED_AFTER_MS = 60 * 60 * 1000;

export async function importCommand(file: string, options: { out?: string }, log: (line: string) => void): Promise<number> {
  const cwd = process.cwd();
  const source = resolve(cwd, file);
  const shownAs = displayPath(source, cwd);
  const target = resolve(cwd, options.out ?? basename(file, extname(file)));
  const targetShown = displayPath(target, cwd);
  refuseOccupiedTarget(target, targetShown, options.out === undefined);
  const result = await importDocument(source, shownAs);
  writeNewProject(target, targetShown, result.files);
  const s = result.summary;
  log(t(`imported ${shownAs} → ${targetShown}: ${s.sections} section file(s), ${s.headings} headings, ${s.paragraphs} paragraphs, ${s.tables} tables, ${s.images} images`,
    `已导入 ${shownAs} → ${targetShown}：${s.sections} 个章节文件，${s.headings} 个标题，${s.paragraphs} 个段落，${s.tables} 个表格，${s.images} 张图片`));
  for (const note of result.notes) log(t(`${shownAs}: note: ${note}`, `${shownAs}：注意：${localize(note)}`));
  log(t(`next: report extract ${targetShown} (figures → indicators.yaml), then report build ${targetShown}`,
    `下一步：运行 report extract ${targetShown}（把数字移到 indicators.yaml），再运行 report build ${targetShown}`));
  return 0;
}

function refuseOccupiedTarget(target: string, shown: string, defaulted: boolean): void {
  if (!existsSync(target)) return;
  const hint = defaulted ? '; name another folder with --out DIR' : '; choose a new or empty folder';
  if (!statSync(target).isDirectory()) throw inputError(shown, `is a file, not a folder for the project${hint}`, undefined, 'usage');
  if (readdirSync(target).length > 0) throw inputError(shown, `folder is not empty; import never writes into an existing project${hint}`, undefined, 'usage');
}

/** Write `files` into a staging folder beside `target`, then rename it into place. */
function writeNewProject(target: string, shown: string, files: ProjectFile[]): void {
  const parent = dirname(target);
  const createdParents = missingAncestors(parent);
  const staging = join(parent, `${STAGING_PREFIX}${process.pid}-${randomBytes(6).toString('hex')}`);
  try {
    makeDirectory(parent);
    removeAbandonedStaging(parent);
    mkdirSync(staging);
    const byFolder = new Map<string, Array<{ name: string; data: Buffer }>>();
    for (const file of files) {
      const folder = posix.dirname(file.path);
      const list = byFolder.get(folder) ?? [];
      list.push({ name: posix.basename(file.path), data: file.data });
      byFolder.set(folder, list);
    }
    for (const [folder, list] of byFolder) writeOutputsAtomically(join(staging, ...folder.split('/').filter((p) => p !== '.')), list);
    // An empty folder given as --out is replaced by the complete project.
    if (existsSync(target)) rmdirSync(target);
    renameSync(staging, target);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    for (const dir of createdParents.reverse()) {
      try { rmdirSync(dir); } catch { /* not empty or gone: leave it */ }
    }
    if ((error as Error).name === 'InputError') throw error;
    throw inputError(shown, describeFsError(error as NodeJS.ErrnoException, 'cannot write the project'), undefined, 'output');
  }
}

function missingAncestors(dir: string): string[] {
  const missing: string[] = [];
  for (let current = resolve(dir); !existsSync(current) && dirname(current) !== current; current = dirname(current)) missing.unshift(current);
  return missing;
}

/**
 * Staging folders left by an import that died (kill -9, power loss) are removed once they are
 * older than any import takes.
 */
function removeAbandonedStaging(parent: string): void {
  for (const name of readdirSync(parent)) {
    if (!name.startsWith(STAGING_PREFIX)) continue;
    try {
      if (Date.now() - statSync(join(parent, name)).mtimeMs > ABANDONED_AFTER_MS) rmSync(join(parent, name), { recursive: true, force: true });
    } catch {
      // gone meanwhile, or not ours to remove: leave it
    }
  }
}
