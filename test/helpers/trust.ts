/**
 * Shared by the trust-* suites (issue 16): run `report build` and `report lint` in-process on a
 * throw-away project and get what a user sees — the exit code and the lines printed.
 */
import { buildCommand, type BuildCommandOptions, type BuildSummary } from '../../src/cli/build-command.js';
import { runLint, type LintCommandOptions } from '../../src/cli/lint-command.js';
import { formatDiagnosticLine, InputError } from '../../src/diagnostic.js';
import { makeProject } from './project.js';

export const REPORT_YAML = 'title: 测试报告\nindicators: indicators.yaml\nsections: [sections/*.md]\noutput: {formats: [txt]}\n';

/** A project with report.yaml (txt output unless given), indicators.yaml and one section. */
export function project(section: string, indicators = '镇名: 云溪镇\n', extra: Record<string, string> = {}): string {
  return makeProject({ 'report.yaml': REPORT_YAML, 'indicators.yaml': indicators, 'sections/01.md': section, ...extra });
}

export interface BuildRun { code: number; lines: string[]; summary?: BuildSummary }

/** `report build DIR …` as the CLI runs it: exit 2 and one line per error for input errors. */
export async function buildIn(dir: string, options: BuildCommandOptions = {}, cwd = dir): Promise<BuildRun> {
  const lines: string[] = [];
  const previous = process.cwd();
  process.chdir(cwd);
  try {
    const { exitCode, summary } = await buildCommand(dir === cwd ? '.' : dir, options, (line) => lines.push(line));
    return { code: exitCode, lines, summary };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { code: 2, lines: error.diagnostics.map(formatDiagnosticLine) };
  } finally {
    process.chdir(previous);
  }
}

export interface JsonFinding { file: string; line: number; column: number; rule: string; severity: string; message: string; text: string | null; context: string | null }

/** `report lint PATHS --format json` in `cwd`. */
export async function lintIn(cwd: string, paths: string[] = ['.'], options: LintCommandOptions = {}): Promise<{ code: number; findings: JsonFinding[]; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runLint(paths, { format: 'json', cwd, stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, ...options });
  const json = (options.format ?? 'json') === 'json' && stdout !== '';
  return { code, findings: json ? (JSON.parse(stdout) as JsonFinding[]) : [], stdout, stderr };
}

/** `file:line:col rule` of each finding, for compact expectations. */
export const where = (findings: JsonFinding[], rule?: string): string[] =>
  findings.filter((f) => !rule || f.rule === rule).map((f) => `${f.file}:${f.line}:${f.column}`);
