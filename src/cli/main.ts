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
import { LANG_ENV, parseLang, t } from '../i18n/lang.js';
import { localize } from '../i18n/localize.js';
// Commands are imported when run: `report --version` must not load pdfkit, fontkit, remark …

const packageJson = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../package.json'), 'utf8')) as { version: string };

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export async function main(argv: string[]): Promise<void> {
  const debug = argv.includes('--debug');
  // The language must be known before the help texts are chosen; workers inherit REPORT_LANG.
  const lang = chosenLang(argv);
  if (lang) process.env[LANG_ENV] = lang;
  quietOnClosedPipe();
  const stderr = (line: string) => process.stderr.write(`${line}\n`);
  let exitCode = 0;
  const program = new Command()
    .name('report')
    .description(t('Compile Chinese government data reports (YAML indicators + Markdown sections) to GB/T 9704 DOCX and PDF.', '把数据汇报材料（YAML 指标 + Markdown 章节）生成为符合 GB/T 9704 的 DOCX 和 PDF。'))
    .version(packageJson.version, '-v, --version')
    .option('--debug', t('print stack traces for errors', '出错时打印调用栈（供开发人员排查）'))
    .addOption(new Option('--lang <lang>', t('language of messages and help: zh or en (default: from LANG/LC_ALL)', '提示和帮助的语言：zh 或 en（默认按 LANG/LC_ALL）')).choices(['zh', 'en']))
    .helpOption('-h, --help', t('display help for command', '显示帮助'))
    .helpCommand('help [command]', t('display help for command', '显示某个命令的帮助'))
    .exitOverride()
    // Usage errors are one line too, like every other error.
    .configureOutput({
      writeOut: (text) => process.stdout.write(helpHeadings(text)),
      writeErr: (text) => process.stderr.write(helpHeadings(text)),
      outputError: (text, write) => write(`report: ${localize(`${text.trim().replace(/^error: /, '')} (see report --help)`)}\n`),
    });

  program.command('build')
    .description(t('build the report in DIR (default .) as DOCX and PDF (or the formats chosen); several folders or a glob build as a batch', '把 DIR（默认当前文件夹）中的报告生成为 DOCX 和 PDF（或指定的格式）；给多个文件夹或通配符时批量生成'))
    .argument('[dirs...]', t('project directories holding report.yaml, or globs (offices/*); default: the current folder', '含 report.yaml 的项目文件夹，或通配符（如 offices/*）；默认：当前文件夹'))
    .option('-o, --out <dir>', t('output directory (default: output.dir of report.yaml, inside the project)', '输出文件夹（默认：report.yaml 中的 output.dir，在项目内）'))
    .option('-f, --format <formats>', t(`${FORMAT_NAMES.join(', ')} or several separated by commas (default: output.formats of report.yaml, else ${OUTPUT_FORMATS.filter((f) => f.byDefault).map((f) => f.name).join(',')})`, `${FORMAT_NAMES.join('、')}，多个用逗号分隔（默认：report.yaml 中的 output.formats，否则为 ${OUTPUT_FORMATS.filter((f) => f.byDefault).map((f) => f.name).join(',')}）`))
    .option('--data <file>', t('indicator file to use instead of the `indicators` of report.yaml', '改用这个指标文件，代替 report.yaml 中的 `indicators`'))
    .option('--set <key=value>', t('override one indicator (repeatable; dotted keys reach nested keys)', '临时改一个指标的值（可重复；用点号写下级键）'), collect, [])
    .option('--draft', t('build even with blanks left, highlighting every blank in the outputs', '有空白也照样生成（草稿），空白在输出中标出'))
    .option('--json', t('print a JSON summary of the build on stdout', '在标准输出打印 JSON 格式的生成摘要'))
    .option('--strict-fonts', t('fail when a font role falls back to a substitute', '有字体只能用替代字体时，报错不生成'))
    .option('--strict', t('fail when the text contradicts the data (consistency warnings become errors)', '正文与数据不符时报错不生成（一致性警告视为错误）'))
    .option('-w, --watch', t('build again whenever an input changes (one project; Ctrl-C stops)', '输入文件一改就重新生成（只限一个项目；按 Ctrl-C 停止）'))
    .option('-j, --jobs <n>', t('batch: projects built at once on worker threads (default: the CPU count)', '批量生成时同时生成的项目数（默认：CPU 核数）'), Number)
    .option('--font-path <dir>', t('also look for fonts in DIR, before installed fonts (repeatable; also REPORT_FONT_PATHS)', '先在这个文件夹里找字体（可重复；也可设 REPORT_FONT_PATHS）'), collect, [])
    .option('-q, --quiet', t('print nothing unless the build fails (then everything it said)', '生成成功时不输出；失败时照常输出全部信息'))
    .action(async (dirs: string[], options) => {
      const [{ runBuild }, { useFontPaths }, { quietLog }] = await Promise.all([import('./build-command.js'), import('./fonts-command.js'), import('./quiet-log.js')]);
      useFontPaths(options.fontPath);
      const log = options.quiet && !options.watch ? quietLog(stderr) : { line: stderr, flush: () => {} };
      // --quiet keeps what a build said until it fails: a thrown error fails it too
      try {
        exitCode = await runBuild(dirs.length ? dirs : ['.'], options, log.line);
      } catch (error) {
        log.flush();
        throw error;
      }
      if (exitCode !== 0) log.flush();
    });

  program.command('lint')
    .description(t('find unfilled blanks and report-hygiene problems in a project or Markdown files', '检查项目或 Markdown 文件中未填的空白和其他文稿问题'))
    .argument('[paths...]', t('project directories or Markdown files; default: the current folder', '项目文件夹或 Markdown 文件；默认：当前文件夹'))
    .addOption(new Option('--format <format>', t('output format', '输出格式')).choices(['stylish', 'compact', 'json', 'sarif', 'github']).default('stylish'))
    .option('-o, --output-file <file>', t('write the --format output to FILE (the terminal still lists the findings), so CI lints once', '把 --format 的输出写入文件（终端照样列出问题），CI 只需检查一次'))
    .option('--no-color', t('no colours in the listing (also NO_COLOR=1 or FORCE_COLOR=0)', '列表不使用颜色（也可设 NO_COLOR=1 或 FORCE_COLOR=0）'))
    .option('--fix', t('rewrite half-width punctuation in Chinese text to full width', '自动修正能修正的问题（如把中文里的半角标点改为全角）'))
    .option('--max-warnings <n>', t('fail (exit 1) when there are more warnings than this', '警告数超过这个数时按失败处理（退出码 1）'), (v) => Number.parseInt(v, 10))
    .option('--data <file>', t('indicator file to use instead of the `indicators` of report.yaml', '改用这个指标文件，代替 report.yaml 中的 `indicators`'))
    .option('--set <key=value>', t('override one indicator (repeatable)', '临时改一个指标的值（可重复）'), collect, [])
    .option('--strict', t('treat consistency warnings as errors', '一致性警告视为错误'))
    .action(async (paths: string[], options) => {
      const { runLint } = await import('./lint-command.js');
      // commander defaults `color` to true for --no-color; only an explicit --no-color decides.
      exitCode = await runLint(paths.length ? paths : ['.'], { ...options, color: options.color === false ? false : undefined });
    });

  program.command('fonts')
    .description(t('show which font file serves each role in the PDF, and which are substitutes', '列出 PDF 中每种用途实际使用的字体文件，以及哪些是替代字体'))
    .argument('[dir]', t('project directory', '项目文件夹'), '.')
    .option('--strict-fonts', t('exit 1 when any role falls back to a substitute', '有任何用途只能用替代字体时，退出码为 1'))
    .option('--font-path <dir>', t('also look for fonts in DIR, before installed fonts (repeatable; also REPORT_FONT_PATHS)', '先在这个文件夹里找字体（可重复；也可设 REPORT_FONT_PATHS）'), collect, [])
    .option('--json', t('print the choice of each role as JSON', '以 JSON 格式输出每种用途选用的字体'))
    .action(async (dir: string, options) => {
      // In a project, resolve exactly as its build would (its template, its `fonts:` files).
      const [{ CONFIG_FILE, configuredFontPaths, loadProject }, { fontsCommand, useFontPaths }] = await Promise.all([import('../project/load.js'), import('./fonts-command.js')]);
      useFontPaths(options.fontPath);
      const project = existsSync(join(dir, CONFIG_FILE)) ? loadProject(dir) : undefined;
      exitCode = await fontsCommand(dir, {
        ...options,
        template: project?.config.template,
        configured: project ? configuredFontPaths(project) : undefined,
        configFile: project?.configFile.displayPath,
      });
    });

  program.command('init')
    .description(t('create a working report project in DIR', '在 DIR 中新建一个可直接生成的报告项目'))
    .argument('[dir]', t('directory to create', '要新建的文件夹'), 'my-report')
    .option('--kind <文种>', t('start from the template of this 文种: 报告 (default), 请示, 通知, 函, 纪要', '按这个文种的模板新建：报告（默认）、请示、通知、函、纪要'))
    .action(async (dir: string, options: { kind?: string }) => {
      const { initCommand } = await import('./init-command.js');
      exitCode = initCommand(dir, stderr, options.kind);
    });

  program.command('import')
    .description(t('turn a report (FILE.docx or FILE.txt) into a new project: report.yaml, sections/*.md, images/', '把已有的报告（FILE.docx 或 FILE.txt）转成新项目：report.yaml、sections/*.md、images/'))
    .argument('<file>', t('the report to import (.docx or .txt)', '要导入的报告（.docx 或 .txt）'))
    .option('-o, --out <dir>', t('folder to create (default: the file name without extension)', '要新建的文件夹（默认：去掉扩展名的文件名）'))
    .action(async (file: string, options: { out?: string }) => {
      const { importCommand } = await import('../import/command.js');
      exitCode = await importCommand(file, options, stderr);
    });

  program.command('extract')
    .description(t('move the figures typed in the sections into indicators.yaml (typed indicators) and reference them', '把章节中手写的数字移到 indicators.yaml（带类型的指标），正文改为引用'))
    .argument('[dir]', t('project directory', '项目文件夹'), '.')
    .option('--dry-run', t('print the proposed keys and changes as a diff; write nothing', '只以差异形式显示拟用的键和改动，不写任何文件'))
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
  stderr(t(`report: internal error: ${e?.message ?? String(error)}${debug ? '' : ' (run with --debug for details)'}`,
    `report：内部错误：${e?.message ?? String(error)}${debug ? '' : '（加 --debug 运行可看到详情，请把它发给维护人员）'}`));
  if (debug) stderr(e?.stack ?? '');
  return 2;
}

/** `--lang zh` / `--lang=zh` read ahead of commander (which validates the value later). */
function chosenLang(argv: string[]): string | undefined {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return undefined;
  return parseLang(argv[i].includes('=') ? argv[i].slice('--lang='.length) : argv[i + 1]);
}

/** commander's own headings in the reader's language (its help layout stays). */
function helpHeadings(text: string): string {
  if (t('en', 'zh') === 'en') return text;
  return text.replace(/^Usage:/gm, '用法：').replace(/^Options:/gm, '选项：').replace(/^Commands:/gm, '命令：')
    .replace(/^Arguments:/gm, '参数：').replace(/\(default: /g, '(默认：').replace(/, default: /g, '，默认：').replace(/\(choices: /g, '(可选：')
    .replace(/output the version number/, '显示版本号');
}

/**
 * `report lint … | head -1` closes the pipe early: stop quietly with the exit code so far instead
 * of an unhandled EPIPE stack trace (the reader has what they asked for).
 */
function quietOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
}
