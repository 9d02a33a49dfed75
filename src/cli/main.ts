/**
 * The `report` command line. Parses arguments with commander and maps outcomes to the exit
 * codes of spec/product.md: 0 success, 1 findings (blanks, lint errors), 2 usage or input errors.
 * Input errors are printed as one `file:line:col: message` line each, never as a stack trace
 * (unless --debug).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, Option } from 'commander';
import { formatDiagnosticLine, InputError } from '../diagnostic.js';
import { FORMAT_NAMES, OUTPUT_FORMATS } from '../render/index.js';
// Commands are imported when run: `report --version` must not load pdfkit, fontkit, remark …

const packageJson = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../package.json'), 'utf8')) as { version: string };

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export async function main(argv: string[]): Promise<void> {
  const debug = argv.includes('--debug');
  const stderr = (line: string) => process.stderr.write(`${line}\n`);
  let exitCode = 0;
  const program = new Command()
    .name('report')
    .description('Compile Chinese government data reports (YAML indicators + Markdown sections) to GB/T 9704 DOCX and PDF.')
    .version(packageJson.version, '-v, --version')
    .option('--debug', 'print stack traces for errors')
    .exitOverride()
    // Usage errors are one line too, like every other error.
    .configureOutput({
      writeErr: (text) => process.stderr.write(text),
      outputError: (text, write) => write(`report: ${text.trim().replace(/^error: /, '')} (see report --help)\n`),
    });

  program.command('build')
    .description('build the report in DIR (default .) as DOCX and PDF (or the formats chosen); several folders or a glob build as a batch')
    .argument('[dirs...]', 'project directories holding report.yaml, or globs (offices/*)', ['.'])
    .option('-o, --out <dir>', 'output directory (default: output.dir of report.yaml, inside the project)')
    .option('-f, --format <formats>', `${FORMAT_NAMES.join(', ')} or several separated by commas (default: output.formats of report.yaml, else ${OUTPUT_FORMATS.filter((f) => f.byDefault).map((f) => f.name).join(',')})`)
    .option('--data <file>', 'indicator file to use instead of the `indicators` of report.yaml')
    .option('--set <key=value>', 'override one indicator (repeatable; dotted keys reach nested keys)', collect, [])
    .option('--draft', 'build even with blanks left, highlighting every blank in the outputs')
    .option('--json', 'print a JSON summary of the build on stdout')
    .option('--strict-fonts', 'fail when a font role falls back to a substitute')
    .option('--strict', 'fail when the text contradicts the data (consistency warnings become errors)')
    .option('-w, --watch', 'build again whenever an input changes (one project; Ctrl-C stops)')
    .option('-j, --jobs <n>', 'batch: projects built at once on worker threads (default: the CPU count)', (v) => Number.parseInt(v, 10))
    .action(async (dirs: string[], options) => {
      const { runBuild } = await import('./build-command.js');
      exitCode = await runBuild(dirs, options, stderr);
    });

  program.command('lint')
    .description('find unfilled blanks and report-hygiene problems in a project or Markdown files')
    .argument('[paths...]', 'project directories or Markdown files', [])
    .addOption(new Option('--format <format>', 'output format').choices(['stylish', 'json', 'sarif', 'github']).default('stylish'))
    .option('--fix', 'rewrite half-width punctuation in Chinese text to full width')
    .option('--max-warnings <n>', 'fail (exit 1) when there are more warnings than this', (v) => Number.parseInt(v, 10))
    .option('--data <file>', 'indicator file to use instead of the `indicators` of report.yaml')
    .option('--set <key=value>', 'override one indicator (repeatable)', collect, [])
    .option('--strict', 'treat consistency warnings as errors')
    .action(async (paths: string[], options) => {
      const { runLint } = await import('./lint-command.js');
      exitCode = await runLint(paths.length ? paths : ['.'], options);
    });

  program.command('fonts')
    .description('show which font file serves each role in the PDF, and which are substitutes')
    .argument('[dir]', 'project directory', '.')
    .option('--strict-fonts', 'exit 1 when any role falls back to a substitute')
    .action(async (dir: string, options) => {
      // In a project, resolve exactly as its build would (its template, its `fonts:` files).
      const [{ CONFIG_FILE, configuredFontPaths, loadProject }, { fontsCommand }] = await Promise.all([import('../project/load.js'), import('./fonts-command.js')]);
      const project = existsSync(join(dir, CONFIG_FILE)) ? loadProject(dir) : undefined;
      exitCode = await fontsCommand(dir, {
        ...options,
        template: project?.config.template,
        configured: project ? configuredFontPaths(project) : undefined,
        configFile: project?.configFile.displayPath,
      });
    });

  program.command('init')
    .description('create a working report project in DIR')
    .argument('[dir]', 'directory to create', 'my-report')
    .option('--kind <文种>', 'start from the template of this 文种: 报告 (default), 请示, 通知, 函, 纪要')
    .action(async (dir: string, options: { kind?: string }) => {
      const { initCommand } = await import('./init-command.js');
      exitCode = initCommand(dir, stderr, options.kind);
    });

  program.command('import')
    .description('turn a report (FILE.docx or FILE.txt) into a new project: report.yaml, sections/*.md, images/')
    .argument('<file>', 'the report to import (.docx or .txt)')
    .option('-o, --out <dir>', 'folder to create (default: the file name without extension)')
    .action(async (file: string, options: { out?: string }) => {
      const { importCommand } = await import('../import/command.js');
      exitCode = await importCommand(file, options, stderr);
    });

  program.command('extract')
    .description('move the figures typed in the sections into indicators.yaml (typed indicators) and reference them')
    .argument('[dir]', 'project directory', '.')
    .option('--dry-run', 'print the proposed keys and changes as a diff; write nothing')
    .action(async (dir: string, options: { dryRun?: boolean }) => {
      const { extractCommand } = await import('../extract/command.js');
      exitCode = extractCommand(dir, options, stderr);
    });

  try {
    await program.parseAsync(argv);
  } catch (error) {
    exitCode = handleError(error, debug, stderr);
  }
  process.exitCode = exitCode;
}

function handleError(error: unknown, debug: boolean, stderr: (line: string) => void): number {
  if (error instanceof CommanderError) {
    // Help and version output are successes; commander has already printed usage errors.
    return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? 0 : 2;
  }
  if (error instanceof InputError) {
    for (const diagnostic of error.diagnostics) stderr(formatDiagnosticLine(diagnostic));
    if (debug) stderr(error.stack ?? '');
    return 2;
  }
  const e = error as Error;
  stderr(`report: internal error: ${e?.message ?? String(error)}${debug ? '' : ' (run with --debug for details)'}`);
  if (debug) stderr(e?.stack ?? '');
  return 2;
}
