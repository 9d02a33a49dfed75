/**
 * What `report lint [paths…]` lints, shared by the CLI and the public API: a project (its folder
 * or report.yaml), files or folders inside a project (found upwards like ESLint: linted with the
 * project's data and settings, findings limited to them) or plain Markdown outside any project.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { inputError } from '../diagnostic.js';
import { findProjectDir } from '../project/discovery.js';
import { CONFIG_FILE, loadProject } from '../project/load.js';
import { displayPath, readSourceFile, type SourceFile } from '../project/source-file.js';
import { DEFAULT_SETTINGS } from './config.js';
import { lintMarkdownFiles, lintProject, projectLintSettings, type LintResult } from './engine.js';

export interface LintPathsOptions {
  /** `--data FILE`: replaces the indicator files of report.yaml. */
  data?: string;
  /** `--set key=value` overrides. */
  set?: string[];
  /** Consistency warnings become errors. */
  strict?: boolean;
  /** Paths are relative to this folder, and findings name files relative to it (default: process.cwd()). */
  cwd?: string;
}

const IGNORED_DIRS = new Set(['node_modules', '.git', 'out', 'dist']);

/** Lint every path; throws InputError (exit 2) for a path that does not exist or cannot be linted. */
export function lintPaths(paths: string[], options: LintPathsOptions = {}): LintResult[] {
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
function lintInProject(dir: string, wanted: string[], options: LintPathsOptions, cwd: string): LintResult[] {
  const project = loadProject(dir, { data: options.data, set: options.set, cwd });
  const result = lintProject(project, { strict: options.strict });
  if (wanted.includes(dir)) return [result];
  const covers = (file: string) => wanted.some((w) => file === w || file.startsWith(`${w}${sep}`));
  const findings = result.findings.filter((f) => covers(resolve(cwd, f.file)));
  // every Markdown file the project lint read (sections and attachments) is linted there already
  const known = new Set(result.files.map((f) => resolve(f.path)));
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
