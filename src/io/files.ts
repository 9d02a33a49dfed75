/**
 * The low-level file steps the safe writers share: exclusive creation (never through a planted
 * symlink), whole writes and reads, fsync of files and folders, journals, quiet removal.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, constants, fsyncSync, lstatSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { sha256 } from '../project/source-file.js';

export interface JournalEntry {
  /** Names inside the folder. */
  final: string;
  staged: string;
  /** The previous version kept aside, or null when there was none. */
  backup: string | null;
  sha256: string;
}

export interface Journal {
  kind: 'commit';
  /** `commit` until a rename fails; `rollback` while the previous versions are put back. */
  state: 'commit' | 'rollback';
  entries: JournalEntry[];
}

export interface InPlaceJournal {
  kind: 'in-place';
  /** The file rewritten in place and the copy of its previous bytes (names in the same folder). */
  target: string;
  backup: string;
  sha256: string;
}


let durable = true;

/**
 * Runs `work` (synchronous) without fsync: the writes keep their order and atomic renames, so a
 * killed process still leaves the old set or the new one, but a power cut may lose the last
 * seconds. For watch mode, which rewrites the outputs on every save of a section.
 */
export function withoutFsync<T>(work: () => T): T {
  const before = durable;
  durable = false;
  try {
    return work();
  } finally {
    durable = before;
  }
}

/** fsync, unless inside withoutFsync. */
export function syncFile(fd: number): void {
  if (durable) fsyncSync(fd);
}

export function newTransaction(): string {
  return `.report-${process.pid}-${randomBytes(8).toString('hex')}`;
}

/** Create `path` exclusively (never through a symlink or over a file), write all of `data`, fsync. */
export function writeExclusive(path: string, data: Buffer, mode: number): void {
  const fd = openSync(path, 'wx', mode);
  try {
    writeAllAt(fd, data);
    syncFile(fd);
  } finally {
    closeSync(fd);
  }
}

export function writeJournal(path: string, journal: Journal | InPlaceJournal): void {
  const temp = `${path}.tmp`;
  removeQuietly(temp);
  writeExclusive(temp, Buffer.from(JSON.stringify(journal)), 0o600);
  renameSync(temp, path);
  syncDirectory(dirname(path));
}

export function writeAllAt(fd: number, data: Buffer): void {
  let offset = 0;
  while (offset < data.length) offset += writeSync(fd, data, offset, data.length - offset, offset);
}

export function readUpTo(fd: number, limit: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < limit) {
    const buffer = Buffer.allocUnsafe(Math.min(1 << 16, limit - total));
    const got = readSync(fd, buffer, 0, buffer.length, total);
    if (got === 0) break;
    chunks.push(buffer.subarray(0, got));
    total += got;
  }
  return Buffer.concat(chunks, total);
}

export function fileDigest(path: string): string | undefined {
  try {
    const stat = statSync(path);
    return stat.isFile() ? sha256(readFileSync(path)) : undefined;
  } catch {
    return undefined;
  }
}

export function syncDirectory(dir: string): void {
  if (!durable) return;
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Not every platform can fsync a folder (Windows); the renames are still in order.
  }
}

export function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

export function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // nothing more to do
  }
}

export function isPlainName(name: unknown): name is string {
  return typeof name === 'string' && name !== '' && name !== '.' && name !== '..' && !/[/\\\0]/.test(name);
}

export function isRegularFile(path: string): boolean {
  try {
    return lstatSync(path).isFile();
  } catch {
    return false;
  }
}
