/**
 * Image blocks: read the file the model names, find its pixel size from the PNG or JPEG header,
 * and scale it to fit the text area. Anything else is an input error the author can fix.
 */
import { readFileSync } from 'node:fs';
import { ImageRun } from 'docx';
import type { Image } from '../../model/document.js';
import { inputError } from '../../diagnostic.js';
import type { DocxGeometry } from './geometry.js';

/** docx takes sizes in pixels at 96 to the inch. */
const PX_PER_TWIP = 96 / 1440;

export interface ImageInfo {
  type: 'png' | 'jpg';
  width: number;
  height: number;
}

export function imageInfo(data: Buffer): ImageInfo | undefined {
  if (data.length >= 24 && data.readUInt32BE(0) === 0x89504e47 && data.toString('ascii', 12, 16) === 'IHDR') {
    return { type: 'png', width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  }
  if (data.length >= 4 && data[0] === 0xff && data[1] === 0xd8) {
    let at = 2;
    while (at + 9 < data.length && data[at] === 0xff) {
      const marker = data[at + 1];
      const length = data.readUInt16BE(at + 2);
      const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
      if (isFrame) return { type: 'jpg', height: data.readUInt16BE(at + 5), width: data.readUInt16BE(at + 7) };
      at += 2 + length;
    }
  }
  return undefined;
}

export function imageRun(image: Image, geometry: DocxGeometry): ImageRun {
  const where = image.source ? { line: image.source.line, column: image.source.column } : undefined;
  const file = image.source?.file ?? image.path;
  let data: Buffer;
  try {
    data = readFileSync(image.path);
  } catch {
    throw inputError(file, `image not found: ${image.path}`, where, 'image');
  }
  const info = imageInfo(data);
  if (!info || info.width === 0 || info.height === 0) throw inputError(file, `image is not a PNG or JPEG file: ${image.path}`, where, 'image');
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
