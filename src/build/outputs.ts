/**
 * Which outputs a build makes and what they are called: formats from `--format` or report.yaml's
 * `output.formats`, checked against the writer registry; the file stem from `output.name`.
 */
import { isAbsolute } from 'node:path';
import { inputError } from '../diagnostic.js';
import type { Project } from '../project/load.js';
import { positionOf } from '../project/yaml-source.js';
import { formatChoices, OUTPUT_FORMATS, outputFormat, type OutputFormat } from '../render/index.js';
import { renderInline } from '../template/render.js';

/** `requested` comes from the command line; without it, report.yaml decides, then the registry. */
export function chooseFormats(requested: string[] | undefined, project: Project): OutputFormat[] {
  if (requested !== undefined) {
    const names = requested.map((f) => f.trim().toLowerCase()).filter(Boolean);
    if (names.length === 0) throw inputError('--format', `no format given (use ${formatChoices()}, or several separated by commas)`, undefined, 'usage');
    return unique(names.map((name) => outputFormat(name) ?? usageError(name)));
  }
  const configured = project.config.output.formats;
  if (configured === undefined) return OUTPUT_FORMATS.filter((format) => format.byDefault);
  return unique(configured.map((name, i) => outputFormat(name) ?? configError(project, name, i)));
}

function usageError(name: string): never {
  throw inputError('--format', `unknown format "${name}" (use ${formatChoices()}, or several separated by commas)`, undefined, 'usage');
}

function configError(project: Project, name: string, index: number): never {
  const where = positionOf(project.configSource, ['output', 'formats', index]) ?? positionOf(project.configSource, ['output', 'formats']);
  throw inputError(project.configFile.displayPath, `unknown output format "${name}" (use ${formatChoices()})`, where, 'config');
}

function unique(formats: OutputFormat[]): OutputFormat[] {
  return [...new Set(formats)];
}

/** `output.name` with its templates filled in; it must stay a plain file name. */
export function outputStem(project: Project): string {
  const file = project.configFile.displayPath;
  const where = positionOf(project.configSource, ['output', 'name']);
  const stem = renderInline(project.config.output.name, project.indicators, file, where).trim();
  if (!stem || /[/\\\0]/.test(stem) || stem === '.' || stem === '..' || isAbsolute(stem)) {
    throw inputError(file, `output name "${stem}" must be a plain file name (no folders)`, where, 'config');
  }
  return stem;
}
