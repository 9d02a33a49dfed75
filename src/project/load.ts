/**
 * The project loader: report.yaml → config, indicator files → one Handlebars context, section
 * globs → ordered section files. Every path stays inside the project directory; every problem is
 * an InputError at the place the user must fix.
 */
import { closeSync, existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parse as parseYamlValue } from 'yaml';
import { inputError } from '../diagnostic.js';
import { indicatorDataProblems, unprintableNumber } from '../indicators/data-check.js';
import { positionAt } from '../text/position.js';
import type { FontRole } from '../style/spec.js';
import { readConfig, type ReportConfig } from './config.js';
import { attachmentEntryPath } from './gongwen-config.js';
import { globFiles, hasGlobMagic } from './glob.js';
import { confinedPath, displayPath, isInside, MAX_FONT_BYTES, openRegularFile, readSourceFile, type SourceFile } from './source-file.js';
import { linkPeriods } from './periods.js';
import { validateIndicators } from './schema.js';
import { nodeAt, parseYamlSource, positionOf, positionOfNode, type YamlSource } from './yaml-source.js';

export type { SourceFile } from './source-file.js';
export type { ReportConfig } from './config.js';

export interface LoadOptions {
  /** `--data FILE`: replaces the `indicators` files of report.yaml. */
  data?: string;
  /** `--set key=value` (repeatable); dotted keys reach nested (Chinese) keys; values keep their YAML type. */
  set?: string[];
  cwd?: string;
}

export interface IndicatorLocation {
  file: string;
  line: number;
  column: number;
}

export interface Project {
  dir: string;
  configFile: SourceFile;
  /** report.yaml parsed with positions (for diagnostics about its values). */
  configSource: YamlSource;
  config: ReportConfig;
  indicatorFiles: SourceFile[];
  indicatorSources: YamlSource[];
  /** Files of earlier periods linked by the data file (上期, 去年同期); read, not merged. */
  periodSources: YamlSource[];
  /** The merged indicator data: the Handlebars context. */
  indicators: Record<string, unknown>;
  sections: SourceFile[];
  /**
   * The Markdown files of attachment pages (report.yaml `attachments: [{title, file}]`), one per
   * entry with a `file`, in report.yaml order. Build and lint read these, never the config again.
   */
  attachments: SourceFile[];
  /** Where an indicator's value was written (the last file that sets it), for diagnostics. */
  locateIndicator(path: string[]): IndicatorLocation | undefined;
}

export const CONFIG_FILE = 'report.yaml';

export function loadProject(dirArgument = '.', options: LoadOptions = {}): Project {
  const cwd = options.cwd ?? process.cwd();
  const dir = resolve(cwd, dirArgument);
  const configPath = join(dir, CONFIG_FILE);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw inputError(dirArgument, 'project directory not found', undefined, 'no-project');
  if (!existsSync(configPath)) throw inputError(join(dirArgument, CONFIG_FILE), `no ${CONFIG_FILE} in ${dirArgument} (run \`report init ${dirArgument}\` to create a project)`, undefined, 'no-project');

  const configShown = displayPath(configPath, cwd);
  if (!isInside(realpathSync(dir), realpathSync(configPath))) throw inputError(configShown, `${CONFIG_FILE} is a link to a file outside the project directory`, undefined, 'outside-project');
  const configFile = readSourceFile(configPath, configShown);
  const configSource = parseYamlSource(configFile);
  const config = readConfig(configSource);

  const indicatorSources = loadIndicatorSources(dir, cwd, config, configSource, options.data);
  for (const source of indicatorSources) refuseUnprintableFigures(source);
  const indicators: Record<string, unknown> = {};
  for (const source of indicatorSources) deepMerge(indicators, source.data as Record<string, unknown>);
  const overrides = applySetOptions(indicators, options.set ?? []);
  const locateIndicator = (path: string[]): IndicatorLocation | undefined => {
    if (overrides.some((o) => o.join('.') === path.join('.'))) return undefined;
    for (let i = indicatorSources.length - 1; i >= 0; i--) {
      const source = indicatorSources[i];
      const where = positionOfNode(source, nodeAt(source, path));
      if (where) return { file: source.file.displayPath, ...where };
    }
    return undefined;
  };
  if (config.schema) {
    validateIndicators({
      projectDir: dir,
      schemaPath: config.schema,
      configSource,
      indicators,
      locate: locateIndicator,
      fallbackFile: indicatorSources[indicatorSources.length - 1]?.file.displayPath ?? configSource.file.displayPath,
    });
  }
  const periodSources = linkPeriods(indicators, indicatorSources[indicatorSources.length - 1], cwd, periodRoot(dir, indicatorSources[indicatorSources.length - 1]?.file.path));
  for (const source of periodSources) refuseUnprintableFigures(source);

  const sections = resolveSections(dir, config, configSource, cwd);
  const attachments = resolveAttachments(dir, config, configSource, cwd);
  return {
    dir,
    configFile,
    configSource,
    config,
    indicatorFiles: indicatorSources.map((s) => s.file),
    indicatorSources,
    periodSources,
    indicators,
    sections,
    attachments,
    locateIndicator,
  };
}

function loadIndicatorSources(dir: string, cwd: string, config: ReportConfig, configSource: YamlSource, data?: string): YamlSource[] {
  const files: SourceFile[] = [];
  if (data !== undefined) {
    const candidates = [resolve(cwd, data), resolve(dir, data)];
    const found = candidates.find((c) => existsSync(c));
    if (!found) throw inputError(data, '--data file not found', undefined, 'missing-file');
    // A file named outside the project is the caller's explicit choice; one inside it (a data
    // folder a pull request can change) must not be a link out of it.
    if (isInside(resolve(dir), found)) confinedPath(dir, dir, relative(dir, found), '--data file', data);
    files.push(readSourceFile(found, displayPath(found, cwd)));
  } else {
    config.indicators.forEach((relative, i) => {
      const at = positionOf(configSource, typeof configSource.data === 'object' && Array.isArray((configSource.data as Record<string, unknown>).indicators) ? ['indicators', i] : ['indicators']);
      const path = confinedPath(dir, dir, relative, 'indicator file', configSource.file.displayPath, at);
      files.push(readSourceFile(path, displayPath(path, cwd), { file: configSource.file.displayPath, position: at, what: 'indicator file', name: relative }));
    });
  }
  return files.map((file) => {
    const source = parseYamlSource(file);
    if (source.data === null || source.data === undefined) return { ...source, data: {} };
    if (typeof source.data !== 'object' || Array.isArray(source.data)) {
      throw inputError(file.displayPath, 'indicators must be a mapping of names to values (e.g. `规上工业产值: 48.62`)', { line: 1, column: 1 }, 'indicators');
    }
    return source;
  });
}

/** A figure the data cannot hold as written (18,650 read as 18; 1e309; 30 digits) stops the load at its line. */
function refuseUnprintableFigures(source: YamlSource): void {
  const [problem] = indicatorDataProblems(source.document, source.file.text);
  if (problem) throw inputError(source.file.displayPath, problem.message, positionAt(source.file.text, problem.offset), 'indicators');
}

function resolveSections(dir: string, config: ReportConfig, configSource: YamlSource, cwd: string): SourceFile[] {
  const files: SourceFile[] = [];
  const seen = new Set<string>();
  config.sections.forEach((entry, i) => {
    const at = positionOf(configSource, ['sections', i]);
    const where = configSource.file.displayPath;
    if (hasGlobMagic(entry)) {
      confinedPath(dir, dir, entry.replace(/[*?[\]{}].*$/, '') || '.', 'section glob', where, at);
      const matches = globFiles(dir, entry);
      if (matches.length === 0) throw inputError(where, `section glob "${entry}" matches no file`, at, 'missing-file');
      for (const match of matches) {
        const path = confinedPath(dir, dir, match, 'section file', where, at);
        if (!seen.has(path)) { seen.add(path); files.push(readSourceFile(path, displayPath(path, cwd), { file: where, position: at, what: 'section file', name: match })); }
      }
    } else {
      const path = confinedPath(dir, dir, entry, 'section file', where, at);
      if (!seen.has(path)) { seen.add(path); files.push(readSourceFile(path, displayPath(path, cwd), { file: where, position: at, what: 'section file', name: entry })); }
    }
  });
  return files;
}

/** Attachment files, each inside the project; a missing one is an error at its `file` in report.yaml. */
function resolveAttachments(dir: string, config: ReportConfig, configSource: YamlSource, cwd: string): SourceFile[] {
  const where = configSource.file.displayPath;
  return config.attachmentFiles.flatMap((relative, i) => {
    if (relative === undefined) return [];
    const at = positionOf(configSource, attachmentEntryPath(configSource, config.attachmentFiles, i, 'file'));
    const path = confinedPath(dir, dir, relative, 'attachment file', where, at);
    return [readSourceFile(path, displayPath(path, cwd), { file: where, position: at, what: 'attachment file', name: relative })];
  });
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function deepMerge(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(source)) {
    if (FORBIDDEN_KEYS.has(key)) continue;
    const existing = target[key];
    if (isPlainObject(existing) && isPlainObject(value)) deepMerge(existing, value);
    else target[key] = value;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** Apply `--set a.b=value`; returns the paths set, so diagnostics do not blame a YAML file for them. */
export function applySetOptions(indicators: Record<string, unknown>, assignments: string[]): string[][] {
  return assignments.map((assignment) => {
    const eq = assignment.indexOf('=');
    if (eq <= 0) throw inputError('--set', `expected key=value, got "${assignment}"`, undefined, 'usage');
    const path = assignment.slice(0, eq).trim().split('.').map((k) => k.trim());
    if (path.some((k) => !k || FORBIDDEN_KEYS.has(k))) throw inputError('--set', `invalid key "${assignment.slice(0, eq)}"`, undefined, 'usage');
    const raw = assignment.slice(eq + 1);
    let value: unknown;
    try {
      value = raw === '' ? '' : parseYamlValue(raw);
    } catch {
      value = raw;
    }
    const unprintable = typeof value === 'number' ? unprintableNumber(raw.trim(), value) : undefined;
    if (unprintable) throw inputError('--set', `${path.join('.')}: ${unprintable}`, undefined, 'usage');
    let node = indicators;
    for (const key of path.slice(0, -1)) {
      if (!isPlainObject(node[key])) node[key] = {};
      node = node[key] as Record<string, unknown>;
    }
    node[path[path.length - 1]] = value;
    return path;
  });
}

/**
 * The `fonts:` files of report.yaml as absolute paths, each a regular file within the font size
 * limit (a missing file is reported at its key). Fonts may live outside the project — an office
 * keeps its licensed faces in one shared folder — and only their glyphs reach the PDF. Shared by
 * `report build` and `report fonts`, so both resolve the same faces.
 */
export function configuredFontPaths(project: Project): Partial<Record<FontRole, string>> {
  const paths: Partial<Record<FontRole, string>> = {};
  for (const [role, path] of Object.entries(project.config.fonts) as Array<[FontRole, string]>) {
    const at = positionOf(project.configSource, ['fonts', role]);
    const full = resolve(project.dir, path);
    const fd = openRegularFile(full, {
      maxBytes: MAX_FONT_BYTES,
      shownAs: displayPath(full),
      limitName: 'per font file',
      reference: { file: project.configFile.displayPath, position: at, what: `fonts.${role}: font file`, name: path },
    });
    closeSync(fd);
    paths[role] = full;
  }
  return paths;
}

/**
 * The folder period links must stay in: the project, or — for a `--data` file the user named
 * outside it — that file's own folder.
 */
function periodRoot(projectDir: string, dataFile: string | undefined): string {
  if (!dataFile) return projectDir;
  try {
    return isInside(realpathSync(projectDir), realpathSync(dataFile)) ? projectDir : dirname(dataFile);
  } catch {
    return projectDir;
  }
}
