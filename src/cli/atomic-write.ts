/**
 * Outputs are written all-or-nothing: every file goes to a temporary name in the output
 * directory and is renamed into place only when all of them were written completely. On any
 * failure the previous outputs stay as they were and no temporary file is left behind.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { inputError } from '../diagnostic.js';
import { describeFsError, displayPath } from '../project/source-file.js';

export interface OutputFile {
  name: string;
  data: Buffer;
}

export function writeOutputsAtomically(dir: string, files: OutputFile[]): string[] {
  try {
    makeDirectory(dir);
  } catch (error) {
    throw inputError(displayPath(dir), describeFsError(error as NodeJS.ErrnoException, 'cannot create the output directory'), undefined, 'output');
  }
  if (!statSync(dir).isDirectory()) throw inputError(displayPath(dir), 'output path is not a directory', undefined, 'output');
  const written: Array<{ temp: string; final: string }> = [];
  try {
    for (const file of files) {
      const final = join(dir, file.name);
      const temp = join(dir, `.${file.name}.${process.pid}.tmp`);
      written.push({ temp, final });
      writeFully(temp, file.data);
    }
  } catch (error) {
    for (const { temp } of written) rmSync(temp, { force: true });
    const failed = written[written.length - 1]?.final ?? dir;
    throw inputError(displayPath(failed), describeFsError(error as NodeJS.ErrnoException, 'cannot write output'), undefined, 'output');
  }
  const done: string[] = [];
  try {
    for (const { temp, final } of written) {
      renameSync(temp, final);
      done.push(final);
    }
  } catch (error) {
    for (const { temp } of written) rmSync(temp, { force: true });
    throw inputError(displayPath(dir), describeFsError(error as NodeJS.ErrnoException, 'cannot move output into place'), undefined, 'output');
  }
  return done;
}

/**
 * mkdir -p, one level at a time: Node's own recursive mkdir spins forever on some paths it
 * cannot create (seen with /proc/x on Linux), which would hang a CI job instead of failing it.
 */
function makeDirectory(dir: string): void {
  const missing: string[] = [];
  for (let current = resolve(dir); !existsSync(current); current = dirname(current)) {
    missing.unshift(current);
    if (dirname(current) === current) break;
  }
  for (const path of missing) mkdirSync(path);
}

function writeFully(path: string, data: Buffer): void {
  const fd = openSync(path, 'w', 0o644);
  try {
    let offset = 0;
    while (offset < data.length) offset += writeSync(fd, data, offset, data.length - offset);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
