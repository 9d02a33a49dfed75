/**
 * Image blocks: embed the file the model names, scaled from its pixel size (read by the reader
 * from the PNG or JPEG header) to fit the text area.
 */
import { readFileSync } from 'node:fs';
import { ImageRun } from 'docx';
import type { Image } from '../../model/document.js';
import { inputError } from '../../diagnostic.js';
import type { DocxGeometry } from './geometry.js';

/** docx takes sizes in pixels at 96 to the inch. */
const PX_PER_TWIP = 96 / 1440;

export function imageRun(image: Image, geometry: DocxGeometry): ImageRun {
  const where = image.source ? { line: image.source.line, column: image.source.column } : undefined;
  const file = image.source?.file ?? image.path;
  let data: Buffer;
  try {
    data = readFileSync(image.path);
  } catch {
    throw inputError(file, `image not found: ${image.path}`, where, 'image');
  }
  // The reader has already read the pixel size from the header and refused anything else.
  const info = { type: image.format === 'jpeg' ? 'jpg' as const : 'png' as const, width: image.widthPx, height: image.heightPx };
  const maxWidth = geometry.textWidth * PX_PER_TWIP;
  // Leave two rows of the page for the lines around the picture.
  const maxHeight = (geometry.pageHeight - geometry.marginTop - geometry.marginBottom - 2 * geometry.linePitch) * PX_PER_TWIP;
  const scale = Math.min(1, maxWidth / info.width, maxHeight / info.height);
  return new ImageRun({
    type: info.type,
    data,
    transformation: { width: Math.round(info.width * scale), height: Math.round(info.height * scale) },
    altText: { name: image.alt || 'image', description: image.alt, title: image.alt },
  });
}
