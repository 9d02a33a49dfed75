/**
 * `report extract`: the figures typed in a project's sections become typed indicators in its
 * indicator file, and the text becomes references to them. Pure planning: returns the files'
 * old and new bytes (the CLI shows them as a diff or writes them). Running it again finds only
 * figures typed since; keys the user renamed in the YAML are followed (renames.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { inputError } from '../diagnostic.js';
import { CONFIG_FILE, loadProject } from '../project/load.js';
import { decodeUtf8, displayPath } from '../project/source-file.js';
import { applyFixes, fixFileText } from '../lint/fix.js';
import { appendIndicators, extractedOrigins } from './indicators-file.js';
import { planSection, type PlannedIndicator } from './plan.js';
import { renameEdits, renamesIn } from './renames.js';

export interface FileEdit {
  path: string;
  shownAs: string;
  /** The file's bytes as read; undefined for a file to create. */
  before?: Buffer;
  after: Buffer;
}

export interface ExtractResult {
  edits: FileEdit[];
  /** Figures found per section file, as written (number and unit), in text order. */
  found: Array<{ file: string; figures: string[] }>;
  indicators: PlannedIndicator[];
  /** Indicators (or their rates) whose value is a blank the build will refuse until filled. */
  blanks: number;
  renamed: number;
  indicatorFile: string;
}

const DEFAULT_INDICATOR_FILE = 'indicators.yaml';

export function extractProject(dir: string, cwd = process.cwd()): ExtractResult {
  const project = loadProject(dir, { cwd });
  const dataKeys = new Set(Object.keys(project.indicators));
  const origins = new Map<string, string>();
  for (const source of project.indicatorSources) for (const [from, to] of extractedOrigins(source)) origins.set(from, to);
  // A name once extracted stays reserved: reusing it would make a rename ambiguous.
  const taken = new Set([...dataKeys, ...origins.keys()]);

  const edits: FileEdit[] = [];
  const found: ExtractResult['found'] = [];
  const planned: Array<{ file: string; indicators: PlannedIndicator[] }> = [];
  let renamed = 0;
  for (const section of project.sections) {
    const renames = renamesIn(section.text, dataKeys, origins);
    renamed += renames.length;
    // Offsets are in the normalised text (LF, no BOM); fixFileText maps them onto the bytes on
    // disk, as lint --fix does, so CRLF and a BOM survive and only the edited lines change.
    const renaming = renameEdits(renames);
    const text = applyFixes(section.text, renaming);
    const plan = planSection(text, taken);
    found.push({ file: section.displayPath, figures: plan.found });
    // Named from the project folder in the YAML comments: the same wherever the command runs.
    planned.push({ file: relative(project.dir, section.path).split(sep).join('/'), indicators: plan.indicators });
    const replacing = plan.replacements.map((r) => ({ start: r.start, end: r.end, replacement: r.text }));
    if (applyFixes(text, replacing) !== section.text) {
      const before = readFileSync(section.path);
      // Renames hold no line break, so the renamed bytes normalise to `text`, where `replacing` points.
      const after = fixFileText(fixFileText(before.toString('utf8'), renaming), replacing);
      edits.push({ path: section.path, shownAs: section.displayPath, before, after: Buffer.from(after) });
    }
  }

  const indicators = planned.flatMap((p) => p.indicators);
  const target = project.indicatorSources[project.indicatorSources.length - 1];
  const targetPath = target?.file.path ?? join(project.dir, DEFAULT_INDICATOR_FILE);
  const targetShown = target?.file.displayPath ?? displayPath(targetPath, cwd);
  if (indicators.length > 0) {
    const existing = existsSync(targetPath) ? readFileSync(targetPath) : undefined;
    const original = target?.file.text ?? (existing ? decodeUtf8(existing, targetShown) : '');
    let text = original;
    for (const { file, indicators: own } of planned) {
      const appended = appendIndicators(text, own, file);
      if (appended === undefined) throw inputError(targetShown, 'cannot append indicators: the file is not a plain YAML mapping (one `key: value` a line); add a line break or move the keys into block style', undefined, 'extract');
      text = appended;
    }
    edits.unshift({ path: targetPath, shownAs: targetShown, before: existing, after: Buffer.from(appendToFile(existing, original, text)) });
    if (!target) edits.unshift(configWithIndicators(project.configFile.path, project.configFile.displayPath, project.configFile.text, basename(targetPath)));
  }
  const blanks = indicators.reduce((n, i) => n + [i.value, i.growth?.value, i.completion?.value].filter((v) => typeof v === 'string').length, 0);
  return { edits, found, indicators, blanks, renamed, indicatorFile: targetShown };
}

/**
 * The file's bytes with what `updated` adds after `text` (its normalised contents, which `updated`
 * starts with) appended: the BOM and line endings of the file as it is on disk are kept.
 */
function appendToFile(raw: Buffer | undefined, text: string, updated: string): string {
  return fixFileText(raw?.toString('utf8') ?? '', [{ start: text.length, end: text.length, replacement: updated.slice(text.length) }]);
}

/** report.yaml with `indicators:` added, for a project that had no indicator file. */
function configWithIndicators(path: string, shownAs: string, text: string, file: string): FileEdit {
  const head = text.endsWith('\n') ? text : `${text}\n`;
  const before = readFileSync(path);
  return { path, shownAs: shownAs || CONFIG_FILE, before, after: Buffer.from(appendToFile(before, text, `${head}indicators: ${file}\n`)) };
}
