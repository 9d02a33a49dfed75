/**
 * `report build --watch`: build, then build again whenever a file of the project changes (a
 * section, the data, report.yaml, an image, a font in fonts/), reusing the loaded fonts and the
 * rendered sections that did not change (one BuildSession for the whole watch). Each build prints
 * its findings; a failed one prints its one-line error and the watch goes on. Outputs are
 * committed as a set, as `report build` does, so a reader never sees half a rebuild.
 */
import { watch, type FSWatcher } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { buildAndCommit } from '../batch/build-one.js';
import { BuildSession, type BuildOptions } from '../build/index.js';
import { t } from '../i18n/lang.js';

export interface WatchOptions extends Omit<BuildOptions, 'session'> {
  /** Where each line goes (stderr for the CLI). */
  log: (line: string) => void;
  /** Quiet time after the last change before rebuilding, so one save is one build. */
  debounceMs?: number;
  /** Stops the watch; the returned promise settles once it has stopped. */
  signal?: AbortSignal;
  /** `--quiet`: a build that succeeds prints nothing; a failed one prints all it said. */
  quiet?: boolean;
  /** Called after every build attempt (tests, editors). */
  onBuild?: (outcome: WatchOutcome) => void;
}

export interface WatchOutcome {
  /** 0 written, 1 findings stopped it, 2 an input error. */
  exitCode: number;
  ms: number;
  /** Sections rendered afresh and reused from the previous build. */
  sectionsRendered: number;
  sectionsReused: number;
}

/** Folders whose changes never call for a build: version control, dependencies. */
const IGNORED = new Set(['.git', 'node_modules']);

export async function watchProject(projectDir: string, options: WatchOptions): Promise<void> {
  const { log, signal, onBuild, quiet, debounceMs = 60, ...buildOptions } = options;
  const cwd = buildOptions.cwd ?? process.cwd();
  const dir = resolve(cwd, projectDir);
  const session = new BuildSession();
  let outDir: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;

  const rebuild = async (): Promise<void> => {
    const started = performance.now();
    const said: string[] = [];
    const outcome = await buildAndCommit(dir, { ...buildOptions, cwd, session }, quiet ? (line) => said.push(line) : log, { durable: false });
    outDir = outcome.outDir ?? outDir;
    const ms = Math.round(performance.now() - started);
    if (quiet && outcome.exitCode === 0) {
      onBuild?.({ exitCode: 0, ms, sectionsRendered: session.stats.sectionsRendered, sectionsReused: session.stats.sectionsReused });
      return;
    }
    for (const line of said) log(line);
    log(t(`report: ${outcome.exitCode === 0 ? 'built' : 'not built'} in ${ms} ms (${session.stats.sectionsRendered} section(s) rendered, ${session.stats.sectionsReused} reused); watching for changes (Ctrl-C stops)`,
      `report：${outcome.exitCode === 0 ? '已生成' : '未生成'}，用时 ${ms} 毫秒（重新渲染 ${session.stats.sectionsRendered} 个章节，沿用 ${session.stats.sectionsReused} 个）；正在监视改动（按 Ctrl-C 停止）`));
    onBuild?.({ exitCode: outcome.exitCode, ms, sectionsRendered: session.stats.sectionsRendered, sectionsReused: session.stats.sectionsReused });
  };
  // One build at a time; changes during a build make one more build after it.
  const schedule = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = rebuild().finally(() => {
      running = undefined;
      if (again && !signal?.aborted) {
        again = false;
        schedule();
      }
    });
  };
  const changed = (file: string): void => {
    if (!isInput(file, dir, outDir)) return;
    if (relative(dir, file).split(sep)[0] === 'fonts') session.forgetFonts();
    clearTimeout(timer);
    timer = setTimeout(schedule, debounceMs);
  };

  const watchers = watchInputs(dir, buildOptions.data ? resolve(cwd, buildOptions.data) : undefined, changed);
  // a watched folder removed or unreadable: say so once; the other watchers go on
  for (const watcher of watchers) watcher.on('error', (error) => log(t(`report: stopped watching a folder: ${error.message}`, `report：停止监视一个文件夹：${error.message}`)));
  schedule();
  await new Promise<void>((done) => {
    if (signal?.aborted) done();
    signal?.addEventListener('abort', () => done(), { once: true });
  });
  clearTimeout(timer);
  for (const watcher of watchers) watcher.close();
  await running;
}

/** The project folder (recursively), and the data file's folder when it lies outside. */
function watchInputs(dir: string, dataFile: string | undefined, changed: (file: string) => void): FSWatcher[] {
  const watchers = [watch(dir, { recursive: true }, (_event, name) => changed(name ? join(dir, name.toString()) : dir))];
  if (dataFile && relative(dir, dataFile).startsWith('..')) {
    const folder = dirname(dataFile);
    watchers.push(watch(folder, (_event, name) => changed(name ? join(folder, name.toString()) : dataFile)));
  }
  return watchers;
}

/** Not our own outputs or their staging files (a build would trigger the next), not .git. */
function isInput(file: string, dir: string, outDir: string | undefined): boolean {
  if (outDir && (file === outDir || !relative(outDir, file).startsWith('..'))) return false;
  const parts = relative(dir, file).split(sep);
  if (parts.some((part) => IGNORED.has(part))) return false;
  const name = parts.at(-1) ?? '';
  return !name.startsWith('.report-') && !name.endsWith('~') && !/^\.#|\.sw[a-p]$/.test(name);
}
