/**
 * `report extract [dir] [--dry-run]`: plan the extraction, then either print it as a unified
 * diff (stdout) or write it. Writing edits the user's own files with the in-place writer (links,
 * mode and owner kept; a file changed meanwhile is refused); the indicator file goes first, and
 * if a later file cannot be written, the files already written get their previous bytes back.
 */
import { rmSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { t } from '../i18n/lang.js';
import { writeOutputsAtomically } from '../io/atomic-write.js';
import { rewriteFileInPlace } from '../io/rewrite-in-place.js';
import { unifiedDiff } from './diff.js';
import { extractProject, type ExtractResult, type FileEdit } from './index.js';

export function extractCommand(dir: string, options: { dryRun?: boolean }, log: (line: string) => void, stdout: (text: string) => void = (text) => process.stdout.write(text)): number {
  const result = extractProject(dir);
  if (result.edits.length === 0) {
    log(t(`nothing to extract: no figure with a unit is typed in the sections of ${dir} (figures already referenced are left as they are)`,
      `没有可提取的内容：${dir} 的章节中没有手写的带单位数字（已经引用指标的数字保持不变）`));
    return 0;
  }
  if (options.dryRun) {
    for (const edit of result.edits) stdout(unifiedDiff(edit.shownAs, edit.before?.toString('utf8') ?? '', edit.after.toString('utf8')));
    log(t(`${summary(result)} (dry run: nothing written)`, `${summary(result)}（试运行：什么都没写）`));
    return 0;
  }
  writeEdits(result.edits);
  log(summary(result));
  for (const edit of result.edits) log(t(`wrote ${edit.shownAs}`, `已写入 ${edit.shownAs}`));
  return 0;
}

function summary(result: ExtractResult): string {
  const figures = result.found.reduce((n, f) => n + f.figures.length, 0);
  const sections = result.found.filter((f) => f.figures.length).length;
  const parts = [t(`extracted ${figures} figure(s) from ${sections} section file(s) into ${result.indicators.length} indicator(s) in ${result.indicatorFile}`,
    `已从 ${sections} 个章节文件中提取 ${figures} 个数字，写成 ${result.indicatorFile} 中的 ${result.indicators.length} 个指标`)];
  if (result.blanks > 0) parts.push(t(`${result.blanks} value(s) are blanks (XX) to fill before the build passes`, `其中 ${result.blanks} 个值是空白（XX），填好后才能生成`));
  if (result.renamed > 0) parts.push(t(`${result.renamed} reference(s) follow keys renamed in the YAML`, `${result.renamed} 处引用已跟着 YAML 中改过的键名更新`));
  return parts.join(t('; ', '；'));
}

/** All edits or none: on a failure the files already written are put back. */
export function writeEdits(edits: FileEdit[]): void {
  const done: FileEdit[] = [];
  try {
    for (const edit of edits) {
      if (edit.before) rewriteFileInPlace(edit.path, edit.before, edit.after, edit.shownAs);
      else writeOutputsAtomically(dirname(edit.path), [{ name: basename(edit.path), data: edit.after }]);
      done.push(edit);
    }
  } catch (error) {
    for (const edit of done.reverse()) {
      try {
        if (edit.before) rewriteFileInPlace(edit.path, edit.after, edit.before, edit.shownAs);
        else rmSync(edit.path, { force: true });
      } catch {
        // Best effort: the error below names the file that failed.
      }
    }
    throw error;
  }
}
