/**
 * Writing files so that nothing is lost and nothing is written outside its place.
 *
 * Build outputs are committed as a set (`writeOutputsAtomically`):
 *  1. every file is staged under an unpredictable name in the output folder, created exclusively
 *     (O_CREAT|O_EXCL: a symlink planted there is never followed) and fsynced;
 *  2. under a short commit lock, the previous version of each output is kept aside as a hard
 *     link (a backup), and a journal naming every staged file, target and backup is written;
 *  3. each staged file is renamed over its target, the manifest (if any) last;
 *  4. backups and journal are removed.
 * If a rename fails (the target is a folder, an immutable file …) the targets already renamed
 * get their previous versions back and the build fails with one line: all or nothing. If the
 * process dies between renames (kill -9, power loss), the next writer into the folder finds the
 * journal of the dead process and completes the commit from the staged files, which are whole.
 *
 * Staging files, backups and journals are named `.report-PID-RANDOM.…`; the ones left by a
 * process that no longer runs are cleaned (or their commit completed) by the next writer.
 *
 * `rewriteFileInPlace` (rewrite-in-place.ts) is the same care for `lint --fix`.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync, constants, copyFileSync, fstatSync, ftruncateSync, linkSync, lstatSync, mkdirSync,
  openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync, type Stats,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { inputError } from '../diagnostic.js';
import { describeFsError, displayPath, MAX_SOURCE_BYTES, sha256 } from '../project/source-file.js';
import {
  exists, fileDigest, isPlainName, isRegularFile, newTransaction, readUpTo, removeQuietly, syncDirectory, syncFile, withoutFsync, writeAllAt, writeExclusive, writeJournal,
  type InPlaceJournal, type Journal, type JournalEntry,
} from './files.js';

export interface OutputFile {
  name: string;
  data: Buffer;
}

export interface WriteOptions {
  /**
   * Also commit a manifest named `name`, last: JSON listing each output file with its size and
   * sha256 (plus `extra`), so a reader can tell whether the files in the folder belong together.
   */
  manifest?: { name: string; extra?: Record<string, unknown> };
  /** false: no fsync (see withoutFsync in files.ts); watch mode. Default true. */
  durable?: boolean;
}

/** What the manifest says about each output. */
export interface ManifestEntry {
  file: string;
  bytes: number;
  sha256: string;
}

/** `.report-PID-RANDOM.N.tmp` (staged), `.N.bak` (previous version), `.journal`, `.journal.tmp`. */
const OWN_FILE = /^\.report-(\d+)-([0-9a-f]{16})\.(?:\d+\.(?:tmp|bak)|journal(?:\.tmp)?)$/;
const LOCK_FILE = '.report-commit.lock';
/** Leftovers older than this are stale whoever wrote them (a recycled PID, another machine). */
const STALE_AFTER_MS = 24 * 60 * 60 * 1000;
/** A commit (links, a journal, renames) takes milliseconds; a lock this old is abandoned. */
const LOCK_STALE_MS = 2 * 60 * 1000;
const LOCK_WAIT_MS = 60 * 1000;

export function writeOutputsAtomically(dir: string, files: OutputFile[], options: WriteOptions = {}): string[] {
  if (options.durable === false) return withoutFsync(() => writeOutputsAtomically(dir, files, { ...options, durable: true }));
  prepareDirectory(dir);
  const all = [...files];
  if (options.manifest) all.push({ name: options.manifest.name, data: manifestData(files, options.manifest.extra) });
  const txn = newTransaction();
  const entries: JournalEntry[] = [];
  try {
    all.forEach((file, i) => {
      const entry = { final: file.name, staged: `${txn}.${i}.tmp`, backup: null, sha256: sha256(file.data) };
      writeExclusive(join(dir, entry.staged), file.data, 0o644);
      entries.push(entry);
    });
  } catch (error) {
    cleanUp(dir, txn);
    const failed = all[entries.length]?.name;
    throw inputError(displayPath(failed ? join(dir, failed) : dir), describeFsError(error as NodeJS.ErrnoException, 'cannot write output'), undefined, 'output');
  }
  const unlock = lockFolder(dir);
  try {
    recover(dir, txn, all.map((file) => file.name));
    commit(dir, txn, entries);
  } finally {
    unlock();
  }
  return files.map((file) => join(dir, file.name));
}

/** The manifest for `files`: pretty JSON with a trailing newline. */
export function manifestData(files: OutputFile[], extra: Record<string, unknown> = {}): Buffer {
  const list: ManifestEntry[] = files.map((f) => ({ file: f.name, bytes: f.data.length, sha256: sha256(f.data) }));
  return Buffer.from(`${JSON.stringify({ ...extra, files: list }, null, 2)}\n`);
}

/**
 * Finish or undo what dead writers left in `dir` (see the file comment): journals of a dead
 * process are completed (or, when they were rolling back, undone); its staged files and backups
 * are removed, and so are `.NAME.PID.tmp` files of earlier versions of this tool for the `names`
 * about to be written, and an abandoned commit lock. Builds call it before committing; call it
 * to tidy a folder without building. Best effort: a leftover that cannot be handled stays for
 * the next run.
 */
export function recoverFolder(dir: string, names: string[] = []): void {
  recover(dir, undefined, names);
  const lock = join(dir, LOCK_FILE);
  if (exists(lock) && lockIsAbandoned(lock)) removeQuietly(lock);
}

/** Complete or clean the commits of dead processes in `dir` (not `active`, this process's own). */
export function recover(dir: string, active: string | undefined, names: string[]): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  const groups = new Map<string, string[]>();
  for (const name of entries) {
    const legacy = /^\.(.+)\.(\d+)\.tmp$/.exec(name);
    if (legacy && names.includes(legacy[1]) && isStale(Number(legacy[2]), [join(dir, name)])) removeQuietly(join(dir, name));
    const match = OWN_FILE.exec(name);
    if (!match) continue;
    const key = `.report-${match[1]}-${match[2]}`;
    const members = groups.get(key);
    if (members) members.push(name);
    else groups.set(key, [name]);
  }
  for (const [prefix, members] of groups) {
    if (prefix === active) continue;
    const pid = Number(/^\.report-(\d+)-/.exec(prefix)![1]);
    if (!isStale(pid, members.map((m) => join(dir, m)))) continue;
    if (members.includes(`${prefix}.journal`)) {
      try {
        const journal = JSON.parse(readFileSync(join(dir, `${prefix}.journal`), 'utf8')) as Journal | InPlaceJournal;
        if (journal.kind === 'commit') recoverCommit(dir, prefix, journal);
        else if (journal.kind === 'in-place') recoverInPlace(dir, prefix, journal);
      } catch {
        // An unreadable journal never got as far as a rename (it is renamed into place whole).
      }
    }
    for (const member of members) removeQuietly(join(dir, member));
  }
}

function commit(dir: string, txn: string, entries: JournalEntry[]): void {
  const journalPath = join(dir, `${txn}.journal`);
  const journal: Journal = { kind: 'commit', state: 'commit', entries };
  let renamed = 0;
  let failed: JournalEntry | undefined;
  try {
    entries.forEach((entry, i) => {
      failed = entry;
      keepPrevious(dir, entry, `${txn}.${i}.bak`);
    });
    failed = undefined;
    writeJournal(journalPath, journal);
    for (const entry of entries) {
      failed = entry;
      renameSync(join(dir, entry.staged), join(dir, entry.final));
      renamed++;
    }
  } catch (error) {
    const where = failed ? join(dir, failed.final) : dir;
    let undone = renamed === 0;
    if (!undone) {
      try {
        journal.state = 'rollback';
        writeJournal(journalPath, journal);
        rollBack(dir, entries.slice(0, renamed));
        undone = true;
      } catch {
        // Leave journal and backups: the next writer into this folder finishes the roll-back.
      }
    }
    if (undone) cleanUp(dir, txn);
    throw inputError(displayPath(where), describeFsError(error as NodeJS.ErrnoException, 'cannot move output into place'), undefined, 'output');
  }
  syncDirectory(dir);
  cleanUp(dir, txn);
}

/** Keep the previous version of the target aside (hard link; a copy where links are refused). */
function keepPrevious(dir: string, entry: JournalEntry, backup: string): void {
  const target = join(dir, entry.final);
  let stat: Stats;
  try {
    stat = lstatSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  try {
    linkSync(target, join(dir, backup));
  } catch {
    // File systems without hard links, or an immutable target (its rename fails below, undone).
    if (stat.isSymbolicLink()) throw Object.assign(new Error('cannot keep the previous version'), { code: 'EPERM' });
    copyFileSync(target, join(dir, backup), constants.COPYFILE_EXCL);
  }
  entry.backup = backup;
}

function rollBack(dir: string, renamed: JournalEntry[]): void {
  for (const entry of [...renamed].reverse()) {
    if (entry.backup) renameSync(join(dir, entry.backup), join(dir, entry.final));
    else removeQuietly(join(dir, entry.final));
  }
  syncDirectory(dir);
}

/** Remove every file of transaction `txn` (staged files, backups, journal): the commit is over. */
function cleanUp(dir: string, txn: string): void {
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    // nothing to list: nothing to remove
  }
  for (const name of names) if (name.startsWith(`${txn}.`)) removeQuietly(join(dir, name));
  syncDirectory(dir);
}

/*
 * A journal is read from the folder, which a pull request can fill: it is trusted only as far as
 * it names files of its own transaction (regular files, not links) and plain names in the same
 * folder. Anything else is ignored, so a planted journal cannot move or copy a file elsewhere.
 */
function recoverCommit(dir: string, prefix: string, journal: Journal): void {
  const entries = Array.isArray(journal.entries) ? journal.entries : [];
  const valid = entries.every((entry, i) => isPlainName(entry.final) && entry.staged === `${prefix}.${i}.tmp` && (entry.backup === null || entry.backup === `${prefix}.${i}.bak`));
  if (!valid) return;
  if (journal.state === 'commit') {
    try {
      // The staged files are whole (fsynced before the journal was written): finish the commit.
      for (const entry of entries) {
        if (isRegularFile(join(dir, entry.staged))) renameSync(join(dir, entry.staged), join(dir, entry.final));
      }
      syncDirectory(dir);
      return;
    } catch {
      // Cannot finish: put the previous versions back instead.
    }
  }
  for (const entry of entries) {
    if (entry.backup) {
      if (isRegularFile(join(dir, entry.backup))) renameSync(join(dir, entry.backup), join(dir, entry.final));
    } else if (!exists(join(dir, entry.staged)) && fileDigest(join(dir, entry.final)) === entry.sha256) {
      removeQuietly(join(dir, entry.final));
    }
  }
  syncDirectory(dir);
}

function recoverInPlace(dir: string, prefix: string, journal: InPlaceJournal): void {
  if (!isPlainName(journal.target) || journal.backup !== `${prefix}.0.bak`) return;
  const target = join(dir, journal.target);
  if (!isRegularFile(target) || fileDigest(target) === journal.sha256) return; // the rewrite finished
  const backupFd = openSync(join(dir, journal.backup), constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  let previous: Buffer;
  try {
    if (!fstatSync(backupFd).isFile()) return;
    previous = readUpTo(backupFd, MAX_SOURCE_BYTES + 1);
  } finally {
    closeSync(backupFd);
  }
  const fd = openSync(target, constants.O_WRONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  try {
    if (!fstatSync(fd).isFile()) return;
    writeAllAt(fd, previous);
    ftruncateSync(fd, previous.length);
    syncFile(fd);
  } finally {
    closeSync(fd);
  }
}



/** Create `dir` if needed (another build creating it at the same moment is fine) and check it is a folder. */
function prepareDirectory(dir: string): void {
  try {
    makeDirectory(dir);
  } catch (error) {
    throw inputError(displayPath(dir), describeFsError(error as NodeJS.ErrnoException, 'cannot create the output directory'), undefined, 'output');
  }
  let isDirectory = false;
  try {
    isDirectory = statSync(dir).isDirectory();
  } catch (error) {
    throw inputError(displayPath(dir), describeFsError(error as NodeJS.ErrnoException, 'cannot create the output directory'), undefined, 'output');
  }
  if (!isDirectory) throw inputError(displayPath(dir), 'output path is not a directory', undefined, 'output');
}

/**
 * mkdir -p, one level at a time: Node's own recursive mkdir spins forever on some paths it
 * cannot create (seen with /proc/x on Linux), which would hang a CI job instead of failing it.
 * A level that appears meanwhile (a parallel build creating the same out/) is success.
 */
export function makeDirectory(dir: string): void {
  const missing: string[] = [];
  for (let current = resolve(dir); !exists(current); current = dirname(current)) {
    missing.unshift(current);
    if (dirname(current) === current) break;
  }
  for (const path of missing) {
    try {
      mkdirSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !isDirectoryPath(path)) throw error;
    }
  }
}

function isDirectoryPath(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}








/** Leftovers of `pid` are stale when it no longer runs, is this very process (a recycled PID), or they are old. */
function isStale(pid: number, paths: string[]): boolean {
  if (pid === process.pid || !isRunning(pid)) return true;
  return paths.every((path) => {
    try {
      return Date.now() - lstatSync(path).mtimeMs > STALE_AFTER_MS;
    } catch {
      return true;
    }
  });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One commit at a time per folder, so two builds finishing together cannot leave one's DOCX
 * beside the other's PDF. The lock file is created exclusively and holds the owner's PID; one
 * whose owner is gone (or that is older than a commit can take) is taken over.
 */
function lockFolder(dir: string): () => void {
  const path = join(dir, LOCK_FILE);
  const token = `${process.pid} ${randomBytes(8).toString('hex')}`;
  const started = Date.now();
  for (;;) {
    try {
      const fd = openSync(path, 'wx', 0o644);
      try {
        writeSync(fd, token);
      } finally {
        closeSync(fd);
      }
      return () => {
        try {
          if (readFileSync(path, 'utf8') === token) unlinkSync(path);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw inputError(displayPath(dir), describeFsError(error as NodeJS.ErrnoException, 'cannot write output'), undefined, 'output');
      }
    }
    if (lockIsAbandoned(path)) {
      removeQuietly(path);
      continue;
    }
    if (Date.now() - started > LOCK_WAIT_MS) {
      throw inputError(displayPath(path), `another build has been writing this folder for over ${LOCK_WAIT_MS / 1000} s; remove ${basename(path)} if no build is running`, undefined, 'output');
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 25);
  }
}

function lockIsAbandoned(path: string): boolean {
  try {
    const stat = lstatSync(path);
    if (!stat.isFile() || Date.now() - stat.mtimeMs > LOCK_STALE_MS) return true;
    const pid = Number(readFileSync(path, 'utf8').split(' ')[0]);
    // Our own PID on a lock we do not hold: left by an earlier process that had the same PID.
    return !Number.isInteger(pid) || pid <= 0 || pid === process.pid || !isRunning(pid);
  } catch {
    return false; // vanished: try again
  }
}


