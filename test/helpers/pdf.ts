/** The PDF of a document model through the build pipeline (fonts, layout, writer), for tests. */
import { renderFormat, type RenderOptions } from '../../src/build/render.js';
import type { LayoutResult } from '../../src/layout/types.js';
import type { Document } from '../../src/model/document.js';
import type { StyleSpec } from '../../src/style/spec.js';
import type { Diagnostic } from '../../src/diagnostic.js';

export async function writePdf(doc: Document, spec: StyleSpec, options: RenderOptions): Promise<{ pdf: Buffer; layout: LayoutResult; warnings: Diagnostic[] }> {
  const { bytes, layout, diagnostics } = await renderFormat(doc, spec, 'pdf', options);
  return { pdf: bytes, layout: layout!, warnings: diagnostics };
}
