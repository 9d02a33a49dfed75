/**
 * The pipeline's last stage: the document model through the chosen writers. Fonts are resolved
 * and pages laid out once, and only when a chosen writer prints pages (the PDF); a DOCX-only
 * build never loads a font.
 */
import type { Diagnostic } from '../diagnostic.js';
import { loadFonts } from '../fonts/index.js';
import { layoutDocument } from '../layout/index.js';
import type { LayoutResult } from '../layout/types.js';
import type { Document } from '../model/document.js';
import { outputFormat, type OutputFormat, type WriterInput } from '../render/index.js';
import type { FontRole, StyleSpec } from '../style/spec.js';
import type { BuildSession } from './session.js';

export interface RenderOptions {
  /** Project folder: its `fonts/` folder is searched first. */
  projectDir: string;
  /** Font files from report.yaml `fonts:` (absolute paths). */
  configuredFonts?: Partial<Record<FontRole, string>>;
  /** Fail (InputError) when a role would print in a substitute font. */
  strictFonts?: boolean;
  /** Name of the config file, for font errors. */
  configFile?: string;
  /** Called after each stage with its name (`layout`, then each format's name). */
  lap?: (stage: string) => void;
  /** Reuse the fonts this session loaded for the same settings. */
  session?: BuildSession;
}

export interface RenderedOutputs {
  outputs: Array<{ format: OutputFormat; bytes: Buffer }>;
  diagnostics: Diagnostic[];
  /** The laid-out pages, when a chosen writer needed them. */
  layout?: LayoutResult;
}

export async function renderOutputs(document: Document, spec: StyleSpec, formats: readonly OutputFormat[], options: RenderOptions): Promise<RenderedOutputs> {
  const diagnostics: Diagnostic[] = [];
  let input: WriterInput = { document, spec };
  if (formats.some((f) => f.needs === 'layout')) {
    const settings = { projectDir: options.projectDir, configured: options.configuredFonts, strict: options.strictFonts, configFile: options.configFile };
    const load = () => loadFonts(spec, settings);
    const fonts = options.session ? options.session.fonts(JSON.stringify([spec.fonts, spec.latinFallback, settings]), load) : load();
    const layout = layoutDocument(document, spec, { fonts: fonts.book });
    diagnostics.push(...fonts.notes, ...layout.warnings);
    input = { document, spec, layout, faces: fonts.faces };
    options.lap?.('layout');
  }
  const outputs: RenderedOutputs['outputs'] = [];
  for (const format of formats) {
    const writer = await format.load();
    const written = await writer.write(input);
    diagnostics.push(...written.diagnostics);
    outputs.push({ format, bytes: written.bytes });
    options.lap?.(format.name);
  }
  return { outputs, diagnostics, layout: input.layout };
}

/** One format by name (tests, the API): the bytes, the findings and the pages if laid out. */
export async function renderFormat(document: Document, spec: StyleSpec, name: string, options: RenderOptions): Promise<{ bytes: Buffer; diagnostics: Diagnostic[]; layout?: LayoutResult }> {
  const format = outputFormat(name);
  if (!format) throw new Error(`no writer for "${name}"`);
  const { outputs, diagnostics, layout } = await renderOutputs(document, spec, [format], options);
  return { bytes: outputs[0].bytes, diagnostics, layout };
}
