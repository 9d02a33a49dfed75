/**
 * `report build`: calls the build library, prints its findings, commits the outputs atomically
 * and maps the outcome to an exit code (0 written, 1 blanks or other errors found, 2 input
 * errors, thrown as InputError and printed by main.ts).
 */
import { formatDiagnosticLine } from '../diagnostic.js';
import { existsSync } from 'node:fs';
import { build, displayPath, type BuildResult } from '../build/index.js';
import type { RuleSummary } from '../lint/build-check.js';
import { findProjectDir } from './project-discovery.js';
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

export async function buildCommand(dir: string, options: BuildCommandOptions, log: (line: string) => void): Promise<{ exitCode: number; summary: BuildSummary }> {
  // From a subfolder (or naming one), the project is the nearest folder above holding report.yaml.
  const projectDir = existsSync(dir) ? findProjectDir(dir) ?? dir : dir;
  const result = await build(projectDir, {
    out: options.out,
    formats: options.format?.split(','),
    data: options.data,
    set: options.set,
    draft: options.draft,
    strict: options.strict,
    strictFonts: options.strictFonts,
  });
  const summary = summarize(result);
  // Font substitutes are normal on machines without the licensed 公文 faces: one line, not five,
  // and only once the build has succeeded (an error stays the only line of a failed build).
  const fontNotes = result.diagnostics.filter((d) => d.rule === 'font-substitute').length;
  for (const d of result.diagnostics) {
    if (d.severity === 'info') continue;
    log(`${formatDiagnosticLine(d)}${d.severity === 'error' && !options.draft ? '' : ` (${d.severity})`}`);
  }
  if (!result.ok) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
    log(`report: ${errors} problem(s) must be fixed first (blanks, missing indicators or contradictory figures); nothing written (--draft builds anyway, with blanks highlighted)`);
    return { exitCode: 1, summary };
  }
  const started = performance.now();
  writeOutputsAtomically(result.outDir, result.outputs.map((o) => ({ name: o.path.slice(result.outDir.length + 1), data: o.bytes })));
  summary.timings.write = Math.round(performance.now() - started);
  if (fontNotes > 0 && !options.json) log(`report: ${fontNotes} font role(s) printed in stand-in fonts (run \`report fonts\` for details; --strict-fonts refuses them)`);
  if (!options.json) for (const line of lintSummaryLines(result.lintSummary)) log(line);
  if (!options.json) for (const output of summary.outputs) log(`wrote ${output.file} (${formatSize(output.bytes)})`);
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

/** `report: 189 × half-width punctuation in Chinese text — report lint --fix rewrites them`, one line a rule. */
export function lintSummaryLines(summary: RuleSummary[]): string[] {
  return summary.map((s) => `report: ${s.count} × ${s.label} — ${s.fixedInOutput ? 'fixed in the outputs (lint.fixInOutput); the sources still hold them'
    : s.fixable ? 'report lint --fix rewrites them' : 'report lint lists them'}`);
}

function formatSize(bytes: number): string {
  return bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
