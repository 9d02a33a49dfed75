/**
 * Batch builds: many projects in one process, on worker threads up to the CPU count. Each worker
 * keeps one BuildSession, so it loads the fonts once and every later project reuses them. A
 * project that fails is reported and the others go on; the batch's exit code is the worst one
 * (0 all written, 1 some stopped by findings, 2 some with input errors).
 */
import { availableParallelism } from 'node:os';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { BuildOptions } from '../build/index.js';
import { inputError } from '../diagnostic.js';
import { t } from '../i18n/lang.js';
import { globFiles, hasGlobMagic } from '../project/glob.js';
import type { BatchJob, BatchReply } from './worker.js';

export type BatchBuildOptions = Omit<BuildOptions, 'session'>;

export interface ProjectOutcome {
  /** The project folder as given (or as a glob matched it). */
  dir: string;
  exitCode: number;
  /** What the build printed: findings, notes, `wrote …` lines, or the one-line error. */
  lines: string[];
  ms: number;
  written: number;
}

export interface BatchProgress {
  done: number;
  total: number;
  /** The project that just finished. */
  outcome: ProjectOutcome;
}

export interface BatchResult {
  outcomes: ProjectOutcome[];
  exitCode: number;
  workers: number;
  ms: number;
}

/**
 * Project folders from the command line: folders as given, and globs (`offices/*`) expanded to
 * the folders they match that hold a report.yaml. In `cwd`.
 */
export function expandProjectArguments(args: string[], cwd: string): string[] {
  const dirs: string[] = [];
  for (const arg of args) {
    if (!hasGlobMagic(arg)) {
      dirs.push(arg);
      continue;
    }
    const [root, pattern] = isAbsolute(arg) ? ['/', arg.slice(1)] : [cwd, arg];
    const matches = globFiles(root, `${pattern.replace(/\/+$/, '')}/report.yaml`).map((file) => dirname(isAbsolute(arg) ? `/${file}` : file));
    if (matches.length === 0) throw inputError(arg, 'matches no folder holding report.yaml', undefined, 'usage');
    dirs.push(...matches);
  }
  return [...new Set(dirs)];
}

/**
 * Builds every project; `progress` hears about each as it finishes. With `options.out`, each
 * project writes into its own folder under it, named after the project folder.
 */
export async function buildMany(dirs: string[], options: BatchBuildOptions & { jobs?: number; progress?: (p: BatchProgress) => void }): Promise<BatchResult> {
  const started = performance.now();
  const { jobs, progress, ...buildOptions } = options;
  const cwd = buildOptions.cwd ?? process.cwd();
  const queue: BatchJob[] = dirs.map((dir, id) => ({ id, dir, options: { ...buildOptions, cwd, out: outFor(dir, dirs, buildOptions.out) } }));
  const outcomes: ProjectOutcome[] = new Array(dirs.length);
  const workers = Math.max(1, Math.min(jobs ?? availableParallelism(), dirs.length));
  let done = 0;
  const finish = (outcome: ProjectOutcome, id: number): void => {
    outcomes[id] = outcome;
    done++;
    progress?.({ done, total: dirs.length, outcome });
  };
  await Promise.all(Array.from({ length: workers }, () => runWorker(queue, finish)));
  const exitCode = outcomes.reduce((worst, o) => Math.max(worst, o.exitCode), 0);
  return { outcomes, exitCode, workers, ms: Math.round(performance.now() - started) };
}

/** One worker thread taking jobs from the shared queue until it is empty; a crash fails its job only. */
function runWorker(queue: BatchJob[], finish: (outcome: ProjectOutcome, id: number) => void): Promise<void> {
  return new Promise((settle) => {
    let worker: Worker | undefined;
    let current: BatchJob | undefined;
    const next = (): void => {
      current = queue.shift();
      if (!current) {
        void worker?.terminate();
        settle();
        return;
      }
      worker ??= start();
      worker.postMessage(current);
    };
    const start = (): Worker => {
      const thread = new Worker(new URL('./worker.js', import.meta.url));
      let failure = t('the worker stopped', '工作线程意外退出');
      thread.on('message', (reply: BatchReply) => {
        const job = current!;
        current = undefined;
        finish({ dir: job.dir, exitCode: reply.exitCode, lines: reply.lines, ms: reply.ms, written: reply.written }, job.id);
        next();
      });
      thread.on('error', (error) => {
        failure = error.message;
      });
      thread.on('exit', () => {
        if (worker !== thread || !current) return; // terminated after its last job
        // the thread is gone (out of memory, a native crash): its project failed, the rest go on
        finish({ dir: current.dir, exitCode: 2, lines: [t(`report: internal error: ${failure}`, `report：内部错误：${failure}`)], ms: 0, written: 0 }, current.id);
        worker = undefined;
        next();
      });
      return thread;
    };
    next();
  });
}

/** `--out DIR` with several projects: DIR/<project folder name>, so their outputs never meet. */
function outFor(dir: string, dirs: string[], out: string | undefined): string | undefined {
  if (out === undefined) return undefined;
  if (dirs.length === 1) return out;
  const name = basename(resolve(dir));
  const same = dirs.filter((d) => basename(resolve(d)) === name);
  if (same.length > 1) throw inputError('--out', `two projects are named "${name}" (${same.join(', ')}); their outputs would meet in ${join(out, name)}`, undefined, 'usage');
  return join(out, name);
}
