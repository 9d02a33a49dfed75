/// <reference path="../types/vendor.d.ts" preserve="true" />
/**
 * The public API of gongwen-report (`import { build, lint } from "gongwen-report"`), a thin layer
 * over the libraries the CLI uses, so a script or an editor extension gets what `report build`
 * and `report lint` would, as values instead of printed lines and exit codes.
 *
 * Input errors (a broken report.yaml, a missing file) are thrown as `InputError`, whose
 * `diagnostics` hold the same `file:line:col` findings the CLI prints (exit 2 there).
 */
import { build as buildProject, type BuildOptions as PipelineOptions, type BuildResult as PipelineResult } from './build/index.js';
import { outputFiles } from './build/report-lines.js';
import type { Diagnostic } from './diagnostic.js';
import { writeOutputsAtomically } from './io/atomic-write.js';
import type { LintResult } from './lint/engine.js';
import { lintPaths, type LintPathsOptions } from './lint/paths.js';
import type { Finding } from './lint/rule.js';

export { InputError, formatDiagnosticLine, type Diagnostic, type Severity } from './diagnostic.js';
export type { BuildOutput } from './build/index.js';
export type { Finding, Fix } from './lint/rule.js';
export type { LintResult } from './lint/engine.js';

export interface BuildOptions extends Omit<PipelineOptions, 'session'> {
  /**
   * Commit the outputs to their paths (all or nothing, as `report build` does). Default false:
   * the outputs are returned as bytes only. Nothing is written when `ok` is false.
   */
  write?: boolean;
}

export interface BuildResult extends PipelineResult {
  /** The files written (absolute paths); empty unless `write` and `ok`. */
  written: string[];
}

/** Build the project in `dir` (a folder holding report.yaml): outputs as bytes, diagnostics, timings. */
export async function build(dir: string, options: BuildOptions = {}): Promise<BuildResult> {
  const { write, ...pipeline } = options;
  const result = await buildProject(dir, pipeline);
  if (!write || !result.ok) return { ...result, written: [] };
  writeOutputsAtomically(result.outDir, outputFiles(result));
  return { ...result, written: result.outputs.map((o) => o.path) };
}

export type LintOptions = LintPathsOptions;

export interface LintReport {
  /** One result per project or group of loose Markdown files linted. */
  results: LintResult[];
  /** Every finding of every result, with severities as configured. */
  diagnostics: Finding[];
  errorCount: number;
  warningCount: number;
}

/**
 * Lint projects, files of a project (linted with its data and settings, found upwards) or plain
 * Markdown files, as `report lint` does. Fixes are returned (`diagnostics[i].fix`), not applied.
 */
export function lint(paths: string | string[], options: LintOptions = {}): LintReport {
  const list = typeof paths === 'string' ? [paths] : paths.length ? paths : ['.'];
  const results = lintPaths(list, options);
  const diagnostics = results.flatMap((r) => r.findings);
  const count = (severity: Diagnostic['severity']) => diagnostics.filter((d) => d.severity === severity).length;
  return { results, diagnostics, errorCount: count('error'), warningCount: count('warning') };
}
