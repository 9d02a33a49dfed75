/**
 * `report build`: calls the build library, prints its findings, commits the outputs atomically
 * and maps the outcome to an exit code (0 written, 1 blanks or other errors found, 2 input
 * errors, thrown as InputError and printed by main.ts).
 */
import { existsSync } from 'node:fs';
import { inputError } from '../diagnostic.js';
import { hasGlobMagic } from '../project/glob.js';
import { build, displayPath, type BuildResult } from '../build/index.js';
import type { RuleSummary } from '../lint/build-check.js';
import { findingLines, noteLines, outputFiles, refusalLine, wroteLines } from '../build/report-lines.js';
import { findProjectDir } from '../project/discovery.js';
import { writeOutputsAtomically } from '../io/atomic-write.js';

export interface BuildCommandOptions {
  out?: string;
  format?: string;
  data?: string;
  set?: string[];
  draft?: boolean;
  json?: boolean;
  strictFonts?: boolean;
  /** Consistency warnings (text vs data) fail the build too. */
  strict?: boolean;
  /** Build again on every change of an input (one project). */
  watch?: boolean;
  /** Print only what a failure needs (batch: the failed projects; watch: a failed build's lines). */
  quiet?: boolean;
  /** Batch: projects built at once (default: the CPU count). */
  jobs?: number;
}

export interface BuildSummary {
  ok: boolean;
  project: string;
  inputs: Array<{ file: string; sha256: string }>;
  outputs: Array<{ file: string; format: string; bytes: number; sha256: string }>;
  indicators: number;
  diagnostics: BuildResult['diagnostics'];
  /** What `report lint` would list beyond the build's checks, per rule. */
  lint: RuleSummary[];
  timings: Record<string, number>;
}

/**
 * `report build [dirs…]`: one project → buildCommand (with --watch, a watch); several folders
 * or a glob → a batch on worker threads. Returns the exit code.
 */
export async function runBuild(dirs: string[], options: BuildCommandOptions, log: (line: string) => void): Promise<number> {
  const buildOptions = { out: options.out, formats: options.format?.split(','), data: options.data, set: options.set, draft: options.draft, strict: options.strict, strictFonts: options.strictFonts };
  // parseInt('abc') is NaN: no worker would start and the batch would report success
  if (options.jobs !== undefined && !(Number.isInteger(options.jobs) && options.jobs >= 1)) {
    throw inputError('--jobs', 'expected a whole number of projects built at once (1 or more)', undefined, 'usage');
  }
  const single = dirs.length === 1 && !hasGlobMagic(dirs[0]);
  if (options.watch) {
    if (!single) throw inputError('--watch', 'watches one project; give one folder', undefined, 'usage');
    const { watchProject } = await import('../watch/index.js');
    const stop = new AbortController();
    process.once('SIGINT', () => stop.abort());
    process.once('SIGTERM', () => stop.abort());
    await watchProject(projectFolder(dirs[0]), { ...buildOptions, log, quiet: options.quiet, signal: stop.signal });
    return 0;
  }
  if (single) {
    const { exitCode, summary } = await buildCommand(dirs[0], options, log);
    if (options.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    return exitCode;
  }
  const { buildMany, expandProjectArguments } = await import('../batch/index.js');
  const { batchDisplay } = await import('../batch/progress.js');
  const projects = expandProjectArguments(dirs, process.cwd());
  const display = batchDisplay((text) => process.stderr.write(text), Boolean(process.stderr.isTTY) && !options.json, projects.length, options.quiet);
  const result = await buildMany(projects, { ...buildOptions, jobs: options.jobs, progress: (p) => display.progress(p) });
  display.summary(result);
  if (options.json) process.stdout.write(`${JSON.stringify({ ok: result.exitCode === 0, ms: result.ms, workers: result.workers, projects: result.outcomes }, null, 2)}\n`);
  return result.exitCode;
}

/** From a subfolder (or naming one), the project is the nearest folder above holding report.yaml. */
function projectFolder(dir: string): string {
  return existsSync(dir) ? findProjectDir(dir) ?? dir : dir;
}

export async function buildCommand(dir: string, options: BuildCommandOptions, log: (line: string) => void): Promise<{ exitCode: number; summary: BuildSummary }> {
  const result = await build(projectFolder(dir), {
    out: options.out,
    formats: options.format?.split(','),
    data: options.data,
    set: options.set,
    draft: options.draft,
    strict: options.strict,
    strictFonts: options.strictFonts,
  });
  const summary = summarize(result);
  for (const line of findingLines(result, options.draft)) log(line);
  if (!result.ok) {
    log(refusalLine(result));
    return { exitCode: 1, summary };
  }
  const started = performance.now();
  writeOutputsAtomically(result.outDir, outputFiles(result));
  summary.timings.write = Math.round(performance.now() - started);
  if (!options.json) for (const line of [...noteLines(result), ...wroteLines(result)]) log(line);
  return { exitCode: 0, summary };
}

function summarize(result: BuildResult): BuildSummary {
  return {
    ok: result.ok,
    project: displayPath(result.project.dir),
    inputs: result.inputs,
    outputs: result.outputs.map((o) => ({ file: displayPath(o.path), format: o.format, bytes: o.bytes.length, sha256: o.sha256 })),
    indicators: Object.keys(result.project.indicators).length,
    diagnostics: result.diagnostics,
    lint: result.lintSummary,
    timings: result.timings,
  };
}
