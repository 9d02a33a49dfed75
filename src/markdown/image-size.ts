/**
 * Pixel size of a PNG or JPEG from its header, without decoding it: enough to refuse an image
 * that is not what its name says, or too large to embed (a 40 000-pixel scan), before any writer
 * tries to load it into memory.
 */
import { closeSync, openSync, readSync } from 'node:fs';

export interface ImageInfo {
  format: 'png' | 'jpeg';
  width: number;
  height: number;
}

/** Largest side we embed; bigger images are refused with a message asking for a smaller export. */
export const MAX_IMAGE_SIDE = 10000;
/**
 * Largest area we embed: the PDF writer decodes PNGs with transparency into memory (a 10 000 ×
 * 10 000 RGBA image of 0.4 MB on disk took 1.7 GB); 25 million pixels is a 300-dpi A3 scan.
 */
export const MAX_IMAGE_PIXELS = 25_000_000;

export function readImageInfo(path: string): ImageInfo | undefined {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(64 * 1024);
    const length = readSync(fd, head, 0, head.length, 0);
    return parseImageHeader(head.subarray(0, length));
  } finally {
    closeSync(fd);
  }
}

export function parseImageHeader(bytes: Buffer): ImageInfo | undefined {
  if (bytes.length >= 24 && bytes.readUInt32BE(0) === 0x89504e47 && bytes.toString('ascii', 12, 16) === 'IHDR') {
    return { format: 'png', width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let i = 2;
    while (i + 9 < bytes.length) {
      if (bytes[i] !== 0xff) return undefined;
      const marker = bytes[i + 1];
      const size = bytes.readUInt16BE(i + 2);
      // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { format: 'jpeg', height: bytes.readUInt16BE(i + 5), width: bytes.readUInt16BE(i + 7) };
      }
      i += 2 + size;
    }
  }
  return undefined;
}
