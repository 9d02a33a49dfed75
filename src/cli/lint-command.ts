/**
 * `report lint [paths…]`: lint a project (a directory with report.yaml, or report.yaml itself),
 * files of a project (found upwards, like ESLint: `report lint sections/01.md` uses the project's
 * data and settings) or plain Markdown files, print the findings in the chosen format, optionally `--fix` what can be
 * fixed. Exit codes: 0 clean (warnings allowed unless --max-warnings), 1 errors found or too
 * many warnings, 2 usage or input error. Also the check `report build` runs before writing.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { rewriteFileInPlace } from '../io/rewrite-in-place.js';
import { formatDiagnosticLine, InputError, inputError } from '../diagnostic.js';
import { CONFIG_FILE, loadProject } from '../project/load.js';
import { digestWhenRead, displayPath, MAX_SOURCE_BYTES, readRegularFile, readSourceFile, sha256, type SourceFile } from '../project/source-file.js';
import { DEFAULT_SETTINGS } from '../lint/config.js';
import { lintMarkdownFiles, lintProject, projectLintSettings, type LintResult } from '../lint/engine.js';
import { fixFileText } from '../lint/fix.js';
import { FORMATTERS, FORMAT_NAMES } from '../lint/formatters/index.js';
import type { Finding } from '../lint/rule.js';
import { RULES } from '../lint/rules/index.js';
import { findProjectDir } from './project-discovery.js';

export interface LintCommandOptions {
  format?: string;
  fix?: boolean;
  maxWarnings?: number;
  data?: string;
  set?: string[];
  strict?: boolean;
  /** Where output goes (tests); default process.stdout / process.stderr. */
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
  cwd?: string;
  color?: boolean;
}

const IGNORED_DIRS = new Set(['node_modules', '.git', 'out', 'dist']);

export async function runLint(paths: string[], options: LintCommandOptions = {}): Promise<number> {
  const stdout = options.stdout ?? ((t: string) => { process.stdout.write(t); });
  const stderr = options.stderr ?? ((t: string) => { process.stderr.write(t); });
  try {
    const format = options.format ?? 'stylish';
    const formatter = FORMATTERS[format];
    if (!formatter) throw inputError('--format', `unknown format "${format}" (use ${FORMAT_NAMES.join(', ')})`, undefined, 'usage');
    if (options.maxWarnings !== undefined && !(Number.isInteger(options.maxWarnings) && options.maxWarnings >= 0)) {
      throw inputError('--max-warnings', 'expected a whole number of warnings (0 or more)', undefined, 'usage');
    }
    let results = lintPaths(paths.length ? paths : ['.'], options);
    if (options.fix) {
      const changed = writeFixes(results.flatMap((r) => r.findings));
      if (changed > 0) results = lintPaths(paths.length ? paths : ['.'], options);
    }
    const findings = results.flatMap((r) => r.findings);
    const output = formatter(findings, { rules: RULES.map((r) => r.meta), color: options.color, version: packageVersion() });
    if (output) stdout(output);
    const errors = findings.filter((f) => f.severity === 'error').length;
    const warnings = findings.filter((f) => f.severity === 'warning').length;
    if (errors > 0) return 1;
    if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
      stderr(`report lint: ${warnings} warnings, more than --max-warnings ${options.maxWarnings}\n`);
      return 1;
    }
    return 0;
  } catch (error) {
    if (error instanceof InputError) {
      for (const d of error.diagnostics) stderr(`${formatDiagnosticLine(d)}\n`);
      return 2;
    }
    throw error;
  }
}

function lintPaths(paths: string[], options: LintCommandOptions): LintResult[] {
  const cwd = options.cwd ?? process.cwd();
  const results: LintResult[] = [];
  const loose: SourceFile[] = [];
  // Paths inside a project, by project folder: the folder itself means the whole project.
  const named = new Map<string, string[]>();
  for (const path of paths) {
    const full = resolve(cwd, path);
    if (!existsSync(full)) throw inputError(path, 'no such file or directory', undefined, 'missing-file');
    const isDir = statSync(full).isDirectory();
    if (!isDir && !/\.(md|markdown|txt|ya?ml)$/i.test(full)) throw inputError(path, 'expected a project directory, report.yaml or a Markdown file', undefined, 'usage');
    const projectDir = findProjectDir(full);
    if (projectDir) {
      const whole = full === projectDir || full === join(projectDir, CONFIG_FILE);
      named.set(projectDir, [...(named.get(projectDir) ?? []), whole ? projectDir : full]);
    } else if (isDir) {
      const files = markdownFilesUnder(full);
      if (files.length === 0) throw inputError(path, 'no report.yaml and no Markdown files here', undefined, 'no-project');
      loose.push(...files.map((f) => readSourceFile(f, displayPath(f, cwd))));
    } else {
      if (/\.ya?ml$/i.test(full)) throw inputError(path, `not inside a project (no ${CONFIG_FILE} in its folder or above)`, undefined, 'no-project');
      loose.push(readSourceFile(full, displayPath(full, cwd)));
    }
  }
  for (const [dir, wanted] of named) results.push(...lintInProject(dir, wanted, options, cwd));
  if (loose.length) results.push(lintMarkdownFiles(loose, DEFAULT_SETTINGS, { strict: options.strict }));
  return results;
}

/**
 * Lint `wanted` (files and folders of the project in `dir`, or `dir` itself for all of it) with the
 * project's data and settings, as `report build` would read them: findings in those files only,
 * and Markdown there that is no section of the report linted as plain text with the settings.
 */
function lintInProject(dir: string, wanted: string[], options: LintCommandOptions, cwd: string): LintResult[] {
  const project = loadProject(dir, { data: options.data, set: options.set, cwd });
  const result = lintProject(project, { strict: options.strict });
  if (wanted.includes(dir)) return [result];
  const covers = (file: string) => wanted.some((w) => file === w || file.startsWith(`${w}${sep}`));
  const findings = result.findings.filter((f) => covers(resolve(cwd, f.file)));
  const known = new Set([project.configFile, ...project.indicatorFiles, ...project.sections].map((f) => resolve(f.path)));
  const others = wanted.flatMap((w) => (statSync(w).isDirectory() ? markdownFilesUnder(w) : /\.(md|markdown|txt)$/i.test(w) ? [w] : []))
    .filter((file) => !known.has(resolve(file)));
  const out: LintResult[] = [{ findings, files: result.files.filter((f) => covers(resolve(f.path))) }];
  if (others.length) out.push(lintMarkdownFiles(others.map((f) => readSourceFile(f, displayPath(f, cwd))), projectLintSettings(project), { strict: options.strict }));
  return out;
}

function markdownFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith('.') || IGNORED_DIRS.has(entry.name)) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...markdownFilesUnder(full));
    else if (/\.(md|markdown)$/i.test(entry.name)) out.push(full);
  }
  return out;
}

/**
 * Apply every fix to its file; returns how many files changed. The fixes were computed on the
 * text as it was linted: each file must still hold exactly those bytes (checked for all files
 * before any is written, and again right before each write) or nothing more is written and the
 * run stops with exit 2. Writing keeps the file's mode, owner, symlinks and hard links.
 */
function writeFixes(findings: Finding[]): number {
  const byPath = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!f.fix) continue;
    const list = byPath.get(f.fix.path);
    if (list) list.push(f);
    else byPath.set(f.fix.path, [f]);
  }
  const edits: Array<{ path: string; shownAs: string; current: Buffer; fixed: Buffer }> = [];
  for (const [path, list] of byPath) {
    const shownAs = list[0].file;
    const current = readRegularFile(path, { maxBytes: MAX_SOURCE_BYTES, shownAs, limitName: 'per source file' });
    if (digestWhenRead(path) !== sha256(current)) {
      throw inputError(shownAs, 'file changed while lint --fix was running; nothing written (run lint --fix again)', undefined, 'changed');
    }
    const original = current.toString('utf8');
    const fixed = fixFileText(original, list.map((f) => f.fix!));
    if (fixed !== original) edits.push({ path, shownAs, current, fixed: Buffer.from(fixed) });
  }
  for (const edit of edits) rewriteFileInPlace(edit.path, edit.current, edit.fixed, edit.shownAs);
  return edits.length;
}

let cachedVersion: string | undefined;
function packageVersion(): string {
  if (cachedVersion) return cachedVersion;
  try {
    const here = dirname(new URL(import.meta.url).pathname);
    const pkg = JSON.parse(readSourceFile(resolve(here, '../../package.json'), 'package.json').text) as { version?: string };
    cachedVersion = pkg.version ?? '0.0.0';
  } catch {
    cachedVersion = '0.0.0';
  }
  return cachedVersion;
}
