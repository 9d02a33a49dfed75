/**
 * The build pipeline as a library: load → templates → checks → document model → (fonts, layout)
 * → writers. It returns the outputs as bytes with the paths they are meant for, every diagnostic
 * and the time each stage took; it writes nothing (the CLI commits the outputs atomically, and
 * watch, batch and the public API call this same function).
 *
 * Input errors are thrown as InputError (exit 2). Blanks, missing indicators and contradictory
 * figures make `ok` false with no outputs, unless `draft` (then the blanks are marked).
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { Diagnostic } from '../diagnostic.js';
import { lintForBuild, type RuleSummary } from '../lint/build-check.js';
import { applyFixes } from '../lint/fix.js';
import { projectLintSettings } from '../lint/engine.js';
import { findPlaceholders } from '../lint/placeholder-detector.js';
import { readStars } from '../lint/placeholder-emphasis.js';
import { isUnfilledValue } from '../lint/rules/placeholder.js';
import { assembleDocument } from '../markdown/document.js';
import { markPlaceholders } from '../model/placeholders.js';
import { configuredFontPaths, loadProject, type Project } from '../project/load.js';
import { confinedPath, displayPath, type SourceFile } from '../project/source-file.js';
import { positionOf } from '../project/yaml-source.js';
import type { OutputFormat } from '../render/index.js';
import { loadStyleSpec } from '../style/spec.js';
import { renderTemplate } from '../template/render.js';
import { chooseFormats, outputStem } from './outputs.js';
import type { BuildSession } from './session.js';
import { renderOutputs } from './render.js';

export { renderFormat, renderOutputs, type RenderOptions } from './render.js';
export { BuildSession, type SessionStats } from './session.js';

export interface BuildOptions {
  /** Output directory, relative to `cwd` (default: output.dir of report.yaml, inside the project). */
  out?: string;
  /** Formats to build (names from the writer registry); default: output.formats of report.yaml. */
  formats?: string[];
  /** `--data FILE`: replaces the indicator files of report.yaml. */
  data?: string;
  /** `--set key=value` overrides. */
  set?: string[];
  /** Build even with blanks left, marking every blank in the outputs. */
  draft?: boolean;
  /** Consistency warnings (text against data) fail the build too. */
  strict?: boolean;
  /** Fail when a font role would print in a substitute. */
  strictFonts?: boolean;
  cwd?: string;
  /** Keeps fonts and rendered sections between builds (watch, batch); without it a build starts cold. */
  session?: BuildSession;
}

export interface BuildOutput {
  format: string;
  /** Where the output is meant to go (absolute); nothing is written there by build(). */
  path: string;
  bytes: Buffer;
  sha256: string;
}

export interface BuildResult {
  /** False when errors (blanks, missing indicators, contradictory data) stopped the build. */
  ok: boolean;
  project: Project;
  outDir: string;
  outputs: BuildOutput[];
  /** Every finding, in the order found: checks first, then the writers' and the layout's. */
  diagnostics: Diagnostic[];
  /** Milliseconds per stage: load, checks, model, layout, one per format, total. */
  timings: Record<string, number>;
  /** The inputs read, with their digests (for the --json summary). */
  inputs: Array<{ file: string; sha256: string }>;
  /** What `report lint` would find beyond the build's own checks, one entry per rule. */
  lintSummary: RuleSummary[];
}

export async function build(projectDir: string, options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const timings: Record<string, number> = {};
  let lapStart = started;
  const lap = (stage: string) => {
    const now = performance.now();
    timings[stage] = Math.round(now - lapStart);
    lapStart = now;
  };

  const cwd = options.cwd ?? process.cwd();
  const project = loadProject(projectDir, { data: options.data, set: options.set, cwd });
  const spec = loadStyleSpec(project.config.template, project.dir, project.configFile.displayPath);
  const formats = chooseFormats(options.formats, project);
  const stem = outputStem(project);
  const outDir = options.out !== undefined
    ? resolve(cwd, options.out)
    : confinedPath(project.dir, project.dir, project.config.output.dir, 'output directory', project.configFile.displayPath, positionOf(project.configSource, ['output', 'dir']));
  const { placeholder } = projectLintSettings(project);
  // A blank in the data that a helper cannot read ({{pct 化解率}}, 化解率: XX) prints as written, so
  // the blank check reports it at its YAML line (exit 1) instead of the render stopping (exit 2).
  const tolerate = (text: string) => isUnfilledValue(text, placeholder);
  const session = options.session;
  session?.startBuild();
  const dataKey = session ? digest(JSON.stringify(project.indicators), JSON.stringify(placeholder)) : '';
  // Sections and attachment pages are rendered alike: the same blanks, fixes and session cache.
  const files = [...project.sections, ...project.attachments];
  const render = (file: SourceFile) => renderTemplate(file, project.indicators, { strict: true, tolerate });
  const texts = files.map((file) => session
    ? session.section(file.path, digest(file.displayPath, file.text, dataKey), () => render(file))
    : render(file));
  lap('load');

  const result: BuildResult = {
    ok: false, project, outDir, outputs: [], diagnostics: [], timings, lintSummary: [],
    inputs: [project.configFile, ...project.indicatorFiles, ...files].map((f) => ({ file: f.displayPath, sha256: sha256(Buffer.from(f.text)) })),
  };
  const checked = lintForBuild(project, texts, { strict: options.strict });
  result.diagnostics.push(...checked.diagnostics);
  result.lintSummary = checked.summary;
  lap('checks');
  if (!options.draft && result.diagnostics.some((d) => d.severity === 'error')) {
    timings.total = Math.round(performance.now() - started);
    return result;
  }

  // Stars a writer left for a figure (完成**技术企业申报) print as typed, not as bold; meant bold,
  // **一是抓项目。**全年…, is bold although CommonMark would not close it after the 。.
  const stars = (text: string) => ({ ...readStars(text), blanks: findPlaceholders(text, placeholder).filter((m) => m.kind === 'stars') });
  // report.yaml `lint.fixInOutput`: the outputs print the fixed text; the sources stay as written.
  const printed = checked.outputFixes.size === 0 ? texts : files.map((file, i) => {
    const fixes = checked.outputFixes.get(file.path);
    return fixes ? render({ ...file, text: applyFixes(file.text, fixes) }) : texts[i];
  });
  const sectionCount = project.sections.length;
  let document = assembleDocument(project, printed.slice(0, sectionCount), { stars, isBlank: tolerate, attachments: printed.slice(sectionCount) });
  if (options.draft) document = markPlaceholders(document, (text) => findPlaceholders(text, { ...placeholder, markdownEmphasis: false }));
  lap('model');

  const rendered = await renderOutputs(document, spec, formats, {
    projectDir: project.dir, configuredFonts: configuredFontPaths(project), strictFonts: options.strictFonts, configFile: project.configFile.displayPath, lap, session,
  });
  result.diagnostics.push(...rendered.diagnostics);
  for (const { format, bytes } of rendered.outputs) {
    result.outputs.push({ format: format.name, path: resolve(outDir, `${stem}.${format.extension}`), bytes, sha256: sha256(bytes) });
  }
  result.ok = true;
  timings.total = Math.round(performance.now() - started);
  return result;
}

export type { OutputFormat };
export { displayPath };

/** A short key for the session's caches. */
function digest(...parts: string[]): string {
  const hash = createHash('sha1');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
