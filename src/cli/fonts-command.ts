/**
 * `report fonts [dir]`: which font file prints each role (title, body, heading1, heading2,
 * pageNumber), where it was found, and whether it is a substitute for the family the style
 * spec asks for — the same resolution the PDF writer uses, so what it prints is what you get.
 */
import { delimiter, resolve } from 'node:path';
import pc from 'picocolors';
import { InputError, formatDiagnosticLine } from '../diagnostic.js';
import { t } from '../i18n/lang.js';
import { localize } from '../i18n/localize.js';
import { resolveFonts } from '../fonts/resolve.js';
import { FONT_ROLES, loadStyleSpec, type FontRole, type StyleSpec } from '../style/spec.js';

export interface FontsOptions {
  /** Font files from report.yaml `fonts:`, already absolute. */
  configured?: Partial<Record<FontRole, string>>;
  /** Exit 1 (a finding) when any role is a substitute; `build --strict-fonts` refuses to build (exit 2). */
  strictFonts?: boolean;
  /** Template name or path (default gongwen), or an already loaded spec. */
  template?: string;
  spec?: StyleSpec;
  json?: boolean;
  /** report.yaml as shown in messages about its `fonts:` files. */
  configFile?: string;
  /** Where lines go (stdout by default). */
  log?: (line: string) => void;
  /** Where the --strict-fonts refusal goes (stderr by default), so `--json` stdout stays JSON. */
  warn?: (line: string) => void;
}

export function fontsCommand(dir: string, options: FontsOptions = {}): number {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const warn = options.warn ?? ((line: string) => process.stderr.write(`${line}\n`));
  const projectDir = resolve(dir || '.');
  const spec = options.spec ?? loadStyleSpec(options.template ?? 'gongwen', projectDir, options.configFile);
  let fonts;
  try {
    fonts = resolveFonts(spec, { projectDir, configured: options.configured, configFile: options.configFile });
  } catch (error) {
    if (error instanceof InputError) {
      for (const d of error.diagnostics) log(formatDiagnosticLine(d));
      return 2;
    }
    throw error;
  }
  if (options.json) {
    log(JSON.stringify(fonts, null, 2));
  } else {
    const width = Math.max(...FONT_ROLES.map((r) => r.length));
    for (const role of FONT_ROLES) {
      const f = fonts[role];
      const mark = f.substitute ? pc.yellow('substitute') : pc.green('ok');
      log(t(`${role.padEnd(width)}  ${mark}  wants ${f.wanted}; uses ${f.family} (${f.postscriptName}) [${f.source}]`,
        `${role.padEnd(width)}  ${mark}  需要 ${f.wanted}；使用 ${f.family}（${f.postscriptName}）[${localize(f.source)}]`));
      log(`${' '.repeat(width)}  ${f.path}${f.note ? ` — ${f.note}` : ''}`);
    }
  }
  const substitutes = FONT_ROLES.filter((role) => fonts[role].substitute);
  if (substitutes.length > 0 && options.strictFonts) {
    warn(t(`report: --strict-fonts: ${substitutes.join(', ')} would print in substitute fonts`, `report：--strict-fonts：${substitutes.join('、')} 只能用替代字体打印`));
    return 1;
  }
  return 0;
}

/**
 * `--font-path DIR` (repeatable) goes before REPORT_FONT_PATHS, as Typst's flag and variable do.
 * It is passed on through the environment so batch workers, which read their own env copy, see it.
 */
export function useFontPaths(dirs: string[] | undefined): void {
  if (!dirs?.length) return;
  const existing = process.env.REPORT_FONT_PATHS ? [process.env.REPORT_FONT_PATHS] : [];
  process.env.REPORT_FONT_PATHS = [...dirs.map((dir) => resolve(dir)), ...existing].join(delimiter);
}

