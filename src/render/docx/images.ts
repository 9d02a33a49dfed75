/**
 * Image blocks: embed the file the model names, at the size model/image-box.ts gives it.
 */
import { readFileSync } from 'node:fs';
import { ImageRun } from 'docx';
import type { Image } from '../../model/document.js';
import { inputError } from '../../diagnostic.js';
import { imageBox } from '../../model/image-box.js';
import type { StyleSpec } from '../../style/spec.js';

export function imageRun(image: Image, spec: StyleSpec, maxRows?: number): ImageRun {
  const where = image.source ? { line: image.source.line, column: image.source.column } : undefined;
  const file = image.source?.file ?? image.path;
  let data: Buffer;
  try {
    data = readFileSync(image.path);
  } catch {
    throw inputError(file, `image not found: ${image.path}`, where, 'image');
  }
  // The one scaling rule both writers use; docx takes sizes in pixels at 96 to the inch.
  const box = imageBox(image.widthPx, image.heightPx, spec, maxRows);
  return new ImageRun({
    type: image.format === 'jpeg' ? 'jpg' : 'png',
    data,
    transformation: { width: Math.round((box.widthPt * 96) / 72), height: Math.round((box.heightPt * 96) / 72) },
    altText: { name: image.alt || 'image', description: image.alt, title: image.alt },
  });
}
