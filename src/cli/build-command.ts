/**
 * `report build`: project → rendered sections → checks → document model → DOCX/PDF, written
 * atomically. Without --draft, any blank or missing indicator fails the build (exit 1) and
 * nothing is written; with --draft the blanks are highlighted in the outputs and listed on stderr.
 */
import { createHash } from 'node:crypto';
import { isAbsolute, resolve } from 'node:path';
import { formatDiagnosticLine, inputError, type Diagnostic } from '../diagnostic.js';
import { assembleDocument } from '../markdown/document.js';
import { markPlaceholders } from '../model/placeholders.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../project/config.js';
import { configuredFontPaths, loadProject } from '../project/load.js';
import { confinedPath, displayPath } from '../project/source-file.js';
import { positionOf } from '../project/yaml-source.js';
import { writeDocx } from '../render/docx/index.js';
import { writePdf } from '../render/pdf/index.js';
import { loadStyleSpec } from '../style/spec.js';
import { renderInline, renderTemplate } from '../template/render.js';
import { projectLintSettings } from '../lint/engine.js';
import { findPlaceholders } from '../lint/placeholder-detector.js';
import { checkProjectForBuild } from './lint-command.js';
import { writeOutputsAtomically } from './atomic-write.js';

export interface BuildOptions {
  out?: string;
  format?: string;
  data?: string;
  set?: string[];
  draft?: boolean;
  json?: boolean;
  strictFonts?: boolean;
  /** Consistency warnings (text vs data) fail the build too. */
  strict?: boolean;
}

export interface BuildSummary {
  ok: boolean;
  project: string;
  inputs: Array<{ file: string; sha256: string }>;
  outputs: Array<{ file: string; format: OutputFormat; bytes: number; sha256: string }>;
  indicators: number;
  diagnostics: Diagnostic[];
  timings: Record<string, number>;
}

export async function buildCommand(dir: string, options: BuildOptions, log: (line: string) => void): Promise<{ exitCode: number; summary: BuildSummary }> {
  const started = performance.now();
  const timings: Record<string, number> = {};
  const lap = (name: string, since: number) => { timings[name] = Math.round(performance.now() - since); return performance.now(); };

  let t = performance.now();
  const project = loadProject(dir, { data: options.data, set: options.set });
  const spec = loadStyleSpec(project.config.template, project.dir, project.configFile.displayPath);
  const rendered = project.sections.map((section) => renderTemplate(section, project.indicators, { strict: true }));
  t = lap('load', t);

  const summary: BuildSummary = {
    ok: false,
    project: displayPath(project.dir),
    inputs: [project.configFile, ...project.indicatorFiles, ...project.sections].map((f) => ({ file: f.displayPath, sha256: sha256(Buffer.from(f.text)) })),
    outputs: [],
    indicators: Object.keys(project.indicators).length,
    diagnostics: [],
    timings,
  };

  const findings = checkProjectForBuild(project, rendered, { strict: options.strict });
  summary.diagnostics = findings;
  const errors = findings.filter((d) => d.severity === 'error');
  for (const finding of findings) log(`${formatDiagnosticLine(finding)}${finding.severity === 'error' && !options.draft ? '' : ` (${finding.severity})`}`);
  if (errors.length > 0 && !options.draft) {
    log(`report: ${errors.length} problem(s) must be fixed first (blanks, missing indicators or contradictory figures); nothing written${options.draft ? '' : ' (--draft builds anyway, with blanks highlighted)'}`);
    return { exitCode: 1, summary };
  }

  let document = assembleDocument(project, rendered);
  if (options.draft) {
    const { placeholder } = projectLintSettings(project);
    document = markPlaceholders(document, (text) => findPlaceholders(text, { ...placeholder, markdownEmphasis: false }));
  }
  t = lap('model', t);

  const formats = chooseFormats(options.format, project.config.output.formats);
  const name = outputStem(project);
  const outDir = options.out !== undefined
    ? resolve(process.cwd(), options.out)
    : confinedPath(project.dir, project.dir, project.config.output.dir, 'output directory', project.configFile.displayPath, positionOf(project.configSource, ['output', 'dir']));

  const files: Array<{ name: string; data: Buffer; format: OutputFormat }> = [];
  let fontNotes = 0;
  for (const format of formats) {
    if (format === 'docx') {
      files.push({ name: `${name}.docx`, data: await writeDocx(document, spec), format });
      t = lap('docx', t);
    } else {
      const result = await writePdf(document, spec, { projectDir: project.dir, configuredFonts: configuredFontPaths(project), strictFonts: options.strictFonts, configFile: project.configFile.displayPath });
      summary.diagnostics.push(...result.warnings);
      for (const warning of result.warnings.filter((w) => w.severity !== 'info')) log(`${formatDiagnosticLine(warning)} (${warning.severity})`);
      fontNotes = result.warnings.filter((w) => w.severity === 'info').length;
      files.push({ name: `${name}.pdf`, data: result.pdf, format });
      t = lap('pdf', t);
    }
  }
  const written = writeOutputsAtomically(outDir, files);
  // Stand-in fonts are normal on machines without the licensed 公文 faces: one line, not five,
  // and only once the build has succeeded (an error stays the only line of a failed build).
  if (fontNotes > 0 && !options.json) log(`report: ${fontNotes} font role(s) printed in stand-in fonts (run \`report fonts\` for details; --strict-fonts refuses them)`);
  written.forEach((path, i) => {
    const file = files[i];
    summary.outputs.push({ file: displayPath(path), format: file.format, bytes: file.data.length, sha256: sha256(file.data) });
    if (!options.json) log(`wrote ${displayPath(path)} (${formatSize(file.data.length)})`);
  });
  timings.total = Math.round(performance.now() - started);
  summary.ok = true;
  return { exitCode: 0, summary };
}

function chooseFormats(option: string | undefined, configured: OutputFormat[]): OutputFormat[] {
  if (option === undefined) return configured;
  const formats = option.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  for (const format of formats) {
    if (!OUTPUT_FORMATS.includes(format as OutputFormat)) throw inputError('--format', `unknown format "${format}" (use docx, pdf or docx,pdf)`, undefined, 'usage');
  }
  if (formats.length === 0) throw inputError('--format', 'no format given (use docx, pdf or docx,pdf)', undefined, 'usage');
  return [...new Set(formats)] as OutputFormat[];
}

function outputStem(project: ReturnType<typeof loadProject>): string {
  const file = project.configFile.displayPath;
  const where = positionOf(project.configSource, ['output', 'name']);
  const stem = renderInline(project.config.output.name, project.indicators, file, where).trim();
  if (!stem || /[/\\\0]/.test(stem) || stem === '.' || stem === '..' || isAbsolute(stem)) {
    throw inputError(file, `output name "${stem}" must be a plain file name (no folders)`, where, 'config');
  }
  return stem;
}


function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function formatSize(bytes: number): string {
  return bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
