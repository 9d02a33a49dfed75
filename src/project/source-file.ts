/**
 * Reading the files a user edits. Everything downstream sees LF line endings and no BOM, so that
 * positions (line:col) agree with what the user's editor shows; a file that is not UTF-8 is an
 * input error naming the byte offset, never mojibake in a report.
 */
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, type Stats } from 'node:fs';
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

/**
 * Biggest font file we read: pan-CJK collections run to ~120 MB (Source Han Sans, all weights);
 * the limit only stops a device or a runaway file from being loaded whole.
 */
export const MAX_FONT_BYTES = 256 * 1024 * 1024;

export function displayPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : path;
}

/**
 * Who refers to a file: errors about the file as a whole (missing, a folder, a FIFO or device)
 * are reported where it is named — `report.yaml:3:5: section file "x.md" is a FIFO, not a file`.
 */
export interface FileReference {
  /** The referencing file, as shown in diagnostics. */
  file: string;
  position?: { line: number; column: number };
  /** What the file is to the referrer: `section file`, `previous period file`, `image` … */
  what: string;
  /** The file as the referrer wrote it. */
  name: string;
}

/** Digest of the bytes each source file had when it was read (see `digestWhenRead`). */
const digests = new Map<string, string>();

export function readSourceFile(path: string, shownAs = displayPath(path), reference?: FileReference): SourceFile {
  const bytes = readRegularFile(path, { maxBytes: MAX_SOURCE_BYTES, shownAs, reference, limitName: 'per source file' });
  digests.set(path, sha256(bytes));
  return { path, displayPath: shownAs, text: decodeUtf8(bytes, shownAs) };
}

/**
 * sha256 of the bytes `readSourceFile` returned for `path` (absolute, as it was read) in this
 * process, so a writer (`lint --fix`) can refuse to apply edits to a file that changed since.
 */
export function digestWhenRead(path: string): string | undefined {
  return digests.get(path);
}

export function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface ReadLimits {
  /** Refuse files bigger than this (checked before reading, and again while reading). */
  maxBytes: number;
  /** The file as shown in diagnostics about its size. */
  shownAs: string;
  /** Where the file is named: errors about what it is are reported there. */
  reference?: FileReference;
  /** How the limit is described: `per source file`, `per image` … */
  limitName?: string;
  /**
   * Report a file over the limit where it is referenced (an image: nothing in the file itself to
   * point at) rather than as the file itself (a source file, which the user shortens).
   */
  sizeAtReference?: boolean;
}

/**
 * Read a regular file of at most `maxBytes`. A directory, FIFO, socket or device (`/dev/zero`)
 * is refused from its type, never read: the open does not block (O_NONBLOCK, so a FIFO without
 * a writer cannot hang the build) and the type comes from fstat of the opened file, so a path
 * swapped after a check is still caught. A file that grows past the limit while it is read is
 * refused too.
 */
export function readRegularFile(path: string, limits: ReadLimits): Buffer {
  const fd = openRegularFile(path, limits);
  try {
    const size = fstatSync(fd).size;
    checkSize(size, limits);
    const chunks: Buffer[] = [];
    let total = 0;
    // Read at most one byte past the limit: a file that is still growing stops here.
    for (;;) {
      const room = limits.maxBytes + 1 - total;
      if (room <= 0) break;
      const buffer = Buffer.allocUnsafe(Math.min(Math.max(size - total, 0) + 1, room, 1 << 20));
      const got = readSync(fd, buffer, 0, buffer.length, null);
      if (got === 0) break;
      chunks.push(got === buffer.length ? buffer : buffer.subarray(0, got));
      total += got;
    }
    checkSize(total, limits);
    return Buffer.concat(chunks, total);
  } catch (error) {
    throw asInputError(error, limits, 'cannot read file');
  } finally {
    closeSync(fd);
  }
}

/**
 * Open `path` for reading and make sure it is a regular file within `limits.maxBytes`; the
 * caller reads from the descriptor (image headers, font tables) and closes it.
 */
export function openRegularFile(path: string, limits: ReadLimits): number {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw asInputError(error, limits, 'cannot read file');
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw notAFile(stat, limits);
    checkSize(stat.size, limits);
    return fd;
  } catch (error) {
    closeSync(fd);
    throw asInputError(error, limits, 'cannot read file');
  }
}

function notAFile(stat: Stats, limits: ReadLimits): Error {
  const kind = stat.isDirectory() ? 'a directory' : stat.isFIFO() ? 'a FIFO (named pipe)' : stat.isSocket() ? 'a socket' : stat.isCharacterDevice() || stat.isBlockDevice() ? 'a device' : 'not a regular file';
  const { reference } = limits;
  if (reference) return inputError(reference.file, `${reference.what} "${reference.name}" is ${kind}, expected a file`, reference.position, 'read-error');
  return inputError(limits.shownAs, `is ${kind}, expected a file`, undefined, 'read-error');
}

function checkSize(size: number, limits: ReadLimits): void {
  if (size <= limits.maxBytes) return;
  const { reference } = limits;
  if (reference && limits.sizeAtReference) {
    throw inputError(reference.file, `${reference.what} "${reference.name}" is ${formatSize(size)}; the limit is ${formatLimit(limits)}`, reference.position, 'too-large');
  }
  throw inputError(limits.shownAs, `file is ${formatSize(size)}; the limit is ${formatLimit(limits)}`, undefined, 'too-large');
}

function formatSize(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GB` : `${(bytes / 1048576).toFixed(1)} MB`;
}

function formatLimit(limits: ReadLimits): string {
  return `${+(limits.maxBytes / 1048576).toFixed(2)} MB ${limits.limitName ?? 'per file'}`;
}

function asInputError(error: unknown, limits: ReadLimits, what: string): Error {
  if ((error as Error).name === 'InputError') return error as Error;
  const code = (error as NodeJS.ErrnoException).code;
  const { reference } = limits;
  if (reference && (code === 'ENOENT' || code === 'ENOTDIR')) {
    return inputError(reference.file, `${reference.what} "${reference.name}" not found`, reference.position, 'missing-file');
  }
  if (reference) return inputError(reference.file, describeFsError(error as NodeJS.ErrnoException, `${reference.what} "${reference.name}": ${what}`), reference.position, 'read-error');
  return inputError(limits.shownAs, describeFsError(error as NodeJS.ErrnoException, what), undefined, 'read-error');
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
