/**
 * `report lint [paths…]`: lint a project (a directory with report.yaml, or report.yaml itself),
 * files of a project (found upwards, like ESLint: `report lint sections/01.md` uses the project's
 * data and settings) or plain Markdown files, print the findings in the chosen format, optionally `--fix` what can be
 * fixed. Exit codes: 0 clean (warnings allowed unless --max-warnings), 1 errors found or too
 * many warnings, 2 usage or input error. Also the check `report build` runs before writing.
 */
import { basename, dirname, resolve } from 'node:path';
import { writeOutputsAtomically } from '../io/atomic-write.js';
import { t } from '../i18n/lang.js';
import { rewriteFileInPlace } from '../io/rewrite-in-place.js';
import { formatDiagnosticLine, InputError, inputError } from '../diagnostic.js';
import { digestWhenRead, MAX_SOURCE_BYTES, readRegularFile, readSourceFile, sha256 } from '../project/source-file.js';
import { fixFileText } from '../lint/fix.js';
import { FORMATTERS, FORMAT_NAMES } from '../lint/formatters/index.js';
import type { Finding } from '../lint/rule.js';
import { RULES } from '../lint/rules/index.js';
import { lintPaths } from '../lint/paths.js';

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
  /** Write the --format output to this file (the terminal still gets the human listing): one lint for both. */
  outputFile?: string;
}

export async function runLint(paths: string[], options: LintCommandOptions = {}): Promise<number> {
  const stdout = options.stdout ?? ((t: string) => { process.stdout.write(t); });
  const stderr = options.stderr ?? ((t: string) => { process.stderr.write(t); });
  const format = options.format ?? 'stylish';
  const context = { rules: RULES.map((r) => r.meta), color: options.color, version: packageVersion() };
  try {
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
    const output = formatter(findings, context);
    if (options.outputFile) {
      writeOutputFile(options.outputFile, output, options.cwd);
      const listing = FORMATTERS.stylish(findings, context);
      if (listing) stdout(listing);
    } else if (output) stdout(output);
    const errors = findings.filter((f) => f.severity === 'error').length;
    const warnings = findings.filter((f) => f.severity === 'warning').length;
    if (errors > 0) return 1;
    if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
      stderr(`${t(`report lint: ${warnings} warnings, more than --max-warnings ${options.maxWarnings}`, `report lint：${warnings} 个警告，超过了 --max-warnings ${options.maxWarnings}`)}\n`);
      return 1;
    }
    return 0;
  } catch (error) {
    if (error instanceof InputError) {
      for (const d of error.diagnostics) stderr(`${formatDiagnosticLine(d)}\n`);
      // CI uploads the SARIF file whatever the exit code: give it a log that says why the run stopped.
      if (format === 'sarif') {
        const log = FORMATTERS.sarif([], { ...context, failure: error.diagnostics });
        try {
          if (options.outputFile) writeOutputFile(options.outputFile, log, options.cwd);
          else stdout(log);
        } catch { /* the error lines above already say what went wrong */ }
      }
      return 2;
    }
    throw error;
  }
}

function writeOutputFile(path: string, text: string, cwd = process.cwd()): void {
  // as build outputs are written: whole or not at all, the folder made if needed, errors in words
  const full = resolve(cwd, path);
  writeOutputsAtomically(dirname(full), [{ name: basename(full), data: Buffer.from(text) }]);
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
