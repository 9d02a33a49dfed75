/**
 * `lint --fix` edits the user's own files: the same care as build outputs (nothing half
 * written, nothing written through a planted link), and what the user set up around the file
 * (links, mode, owner) kept.
 */
import { closeSync, constants, fchmodSync, fchownSync, fstatSync, fsyncSync, ftruncateSync, openSync, realpathSync, renameSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { inputError } from '../diagnostic.js';
import { describeFsError, displayPath, MAX_SOURCE_BYTES, sha256 } from '../project/source-file.js';
import { recover } from './atomic-write.js';
import { newTransaction, readUpTo, removeQuietly, syncDirectory, writeAllAt, writeExclusive, writeJournal, type InPlaceJournal } from './files.js';

/**
 * Rewrite the user's file `path` from `expected` to `replacement` (lint --fix), keeping what the
 * user set up around it:
 *  - a symlink is followed and its target rewritten (the link stays a link);
 *  - mode, owner and group stay as they were;
 *  - a file with several hard links is rewritten in place, in the same inode, so every name sees
 *    the fix — after its previous bytes are saved beside it with a journal, so a crash midway is
 *    undone by the next writer into that folder; a file with one link gets a staged copy with its
 *    mode and owner, renamed over it (a crash leaves the old or the new file, never half);
 *  - the file is read again right before writing and must still hold `expected`; otherwise
 *    nothing is written and the run fails (exit 2): the fixes were computed for other text.
 */
export function rewriteFileInPlace(path: string, expected: Buffer, replacement: Buffer, shownAs = displayPath(path)): void {
  const fail = (error: unknown, what: string): never => {
    if ((error as Error).name === 'InputError') throw error;
    throw inputError(shownAs, describeFsError(error as NodeJS.ErrnoException, what), undefined, 'write-error');
  };
  let real: string;
  let fd: number;
  try {
    real = realpathSync(path);
    fd = openSync(real, constants.O_RDWR | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return fail(error, 'cannot write file');
  }
  const dir = dirname(real);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw inputError(shownAs, 'is not a regular file; nothing written', undefined, 'write-error');
    const unchanged = (): void => {
      if (!readUpTo(fd, MAX_SOURCE_BYTES + 1).equals(expected)) {
        throw inputError(shownAs, 'file changed while lint --fix was running; nothing written (run lint --fix again)', undefined, 'changed');
      }
    };
    unchanged();
    recover(dir, undefined, []);
    if (stat.nlink === 1 && replaceByRename(real, stat, replacement, unchanged)) return;
    rewriteSameInode(fd, real, expected, replacement, unchanged);
  } catch (error) {
    fail(error, 'cannot write file');
  } finally {
    closeSync(fd);
  }
}

/** Stage a copy with the file's mode and owner and rename it over the file; false if that cannot keep them. */
function replaceByRename(real: string, stat: Stats, replacement: Buffer, unchanged: () => void): boolean {
  const dir = dirname(real);
  const staged = join(dir, `${newTransaction()}.0.tmp`);
  let out: number;
  try {
    out = openSync(staged, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), stat.mode & 0o7777);
  } catch {
    return false; // e.g. a folder we may not create files in: the file itself may still be writable
  }
  let done = false;
  try {
    fchmodSync(out, stat.mode & 0o7777); // the umask narrowed it at creation
    const made = fstatSync(out);
    if (made.uid !== stat.uid || made.gid !== stat.gid) {
      try {
        fchownSync(out, stat.uid, stat.gid);
      } catch {
        return false; // only root gives a file away: rewrite in place, which keeps the owner
      }
      fchmodSync(out, stat.mode & 0o7777); // chown clears set-id bits
    }
    writeAllAt(out, replacement);
    fsyncSync(out);
    unchanged();
    renameSync(staged, real);
    done = true;
    syncDirectory(dir);
    return true;
  } finally {
    closeSync(out);
    if (!done) removeQuietly(staged);
  }
}

/** Write into the same inode (hard links keep seeing the file), with the previous bytes kept aside. */
function rewriteSameInode(fd: number, real: string, expected: Buffer, replacement: Buffer, unchanged: () => void): void {
  const dir = dirname(real);
  const txn = newTransaction();
  const backup = `${txn}.0.bak`;
  const journalPath = join(dir, `${txn}.journal`);
  let saved = false;
  try {
    try {
      writeExclusive(join(dir, backup), expected, 0o600);
      writeJournal(journalPath, { kind: 'in-place', target: basename(real), backup, sha256: sha256(replacement) } satisfies InPlaceJournal);
      saved = true;
    } catch {
      // No room beside the file: write in place without the safety copy.
      removeQuietly(join(dir, backup));
    }
    unchanged();
    writeAllAt(fd, replacement);
    ftruncateSync(fd, replacement.length);
    fsyncSync(fd);
  } finally {
    if (saved) {
      removeQuietly(journalPath);
      removeQuietly(join(dir, backup));
    }
  }
}

