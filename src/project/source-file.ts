/**
 * Reading the files a user edits. Everything downstream sees LF line endings and no BOM, so that
 * positions (line:col) agree with what the user's editor shows; a file that is not UTF-8 is an
 * input error naming the byte offset, never mojibake in a report.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { inputError } from '../diagnostic.js';

export interface SourceFile {
  /** Absolute path. */
  path: string;
  /** Path as shown in diagnostics: relative to the working directory when inside it. */
  displayPath: string;
  /** Contents with a leading BOM removed and CRLF/CR turned into LF. */
  text: string;
}

/**
 * Biggest source file we accept (a real report is ~15 KB); larger inputs are refused before they
 * are read. The body after templates has its own, lower limit (markdown/to-model.ts).
 */
export const MAX_SOURCE_BYTES = 1024 * 1024;

export function displayPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : path;
}

export function readSourceFile(path: string, shownAs = displayPath(path)): SourceFile {
  let bytes: Buffer;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw inputError(shownAs, 'is a directory, expected a file', undefined, 'read-error');
    if (stat.size > MAX_SOURCE_BYTES) {
      throw inputError(shownAs, `file is ${(stat.size / 1048576).toFixed(1)} MB; the limit is ${MAX_SOURCE_BYTES / 1048576} MB per source file`, undefined, 'too-large');
    }
    bytes = readFileSync(path);
  } catch (error) {
    if ((error as Error).name === 'InputError') throw error;
    throw inputError(shownAs, describeFsError(error as NodeJS.ErrnoException, 'cannot read file'), undefined, 'read-error');
  }
  return { path, displayPath: shownAs, text: decodeUtf8(bytes, shownAs) };
}

export function decodeUtf8(bytes: Buffer, shownAs: string): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8Byte(bytes);
    const { line, column } = lineOfByte(bytes, offset);
    throw inputError(shownAs, `file is not valid UTF-8 (byte offset ${offset}); save it as UTF-8 (GBK/GB18030 files must be converted)`, { line, column }, 'encoding');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.replace(/\r\n?/g, '\n');
}

function firstInvalidUtf8Byte(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return Math.max(0, bytes.length - 1);
}

function lineOfByte(bytes: Buffer, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) { line++; start = i + 1; }
  const column = new TextDecoder('utf-8').decode(bytes.subarray(start, offset)).length + 1;
  return { line, column };
}

export function describeFsError(error: NodeJS.ErrnoException, what: string): string {
  switch (error.code) {
    case 'ENOENT': return `${what}: no such file or directory`;
    case 'EACCES':
    case 'EPERM': return `${what}: permission denied`;
    case 'EISDIR': return `${what}: is a directory`;
    case 'ENOSPC': return `${what}: no space left on device`;
    case 'EROFS': return `${what}: read-only file system`;
    case 'ENOTDIR': return `${what}: a component of the path is not a directory`;
    default: return `${what}: ${error.code ?? error.message}`;
  }
}

/**
 * Resolve `target` (relative to `base`) and require it to stay inside `root`, following
 * symlinks: section globs, images, fonts and outputs may not reach outside the project.
 */
export function confinedPath(root: string, base: string, target: string, what: string, reportedIn: string, position?: { line: number; column: number }): string {
  if (isAbsolute(target)) throw inputError(reportedIn, `${what} "${target}" is an absolute path; use a path inside the project`, position, 'outside-project');
  const full = resolve(base, target);
  let real = full;
  try {
    real = realpathSync(full);
  } catch {
    // Not existing yet is fine here; the caller reports a missing file in its own words.
  }
  let realRoot = root;
  try { realRoot = realpathSync(root); } catch { /* root checked by the loader */ }
  if (!isInside(resolve(root), full) || !isInside(realRoot, real)) {
    throw inputError(reportedIn, `${what} "${target}" is outside the project directory`, position, 'outside-project');
  }
  return full;
}

export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
