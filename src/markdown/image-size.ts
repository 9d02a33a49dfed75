/**
 * Pixel size of a PNG or JPEG from its header, and a cheap check that the rest of the file is
 * whole: enough to refuse an image that is not what its name says, too large to embed (a
 * 40 000-pixel scan, a 2 GB file), or damaged (a broken download that poppler would choke on in
 * the PDF), before any writer tries to load it.
 *
 * PNG: every chunk's CRC is checked and the image data must inflate to exactly the bytes its
 * header promises, each row starting with a valid filter type. JPEG: the markers are walked from
 * SOI through the frame header and at least one scan to EOI. The pixels themselves are not
 * decoded (the writers embed the file as it is).
 */
import { closeSync, readSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { imageSize } from 'image-size';
import { inputError, type InputError } from '../diagnostic.js';
import { displayPath, openRegularFile } from '../project/source-file.js';

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
/**
 * Largest image file we embed: both outputs carry it whole (a 300-dpi A4 photo is 2–8 MB as
 * JPEG; a padded 1.9 GB PNG once took 146 s and 4 GB of memory to build).
 */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

/** Where an image is referenced: problems with the file are reported there. */
export interface ImageReference {
  /** The section file, as shown in diagnostics. */
  file: string;
  where?: { line: number; column: number };
  /** The image as the section wrote it. */
  url: string;
}

/**
 * Read and check the image at `path`. Returns undefined when the file is neither PNG nor JPEG;
 * throws an InputError (at `reference` when given) when it is not a regular file, is larger than
 * MAX_IMAGE_BYTES, or is damaged. An image beyond the pixel limits is returned unverified: the
 * caller refuses it by its size.
 */
export function readImageInfo(path: string, reference?: ImageReference): ImageInfo | undefined {
  const shownAs = displayPath(path);
  const fd = openRegularFile(path, {
    maxBytes: MAX_IMAGE_BYTES,
    shownAs,
    limitName: 'per image',
    reference: reference && { file: reference.file, position: reference.where, what: 'image', name: reference.url },
    sizeAtReference: true,
  });
  let bytes: Buffer;
  try {
    bytes = readAll(fd);
  } finally {
    closeSync(fd);
  }
  const info = parseImageHeader(bytes);
  if (!info) return undefined;
  if (info.width === 0 || info.height === 0 || info.width > MAX_IMAGE_SIDE || info.height > MAX_IMAGE_SIDE || info.width * info.height > MAX_IMAGE_PIXELS) return info;
  const problem = info.format === 'png' ? pngProblem(bytes) : jpegProblem(bytes);
  if (problem) throw damaged(problem, shownAs, reference);
  return info;
}

function readAll(fd: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const buffer = Buffer.allocUnsafe(Math.min(1 << 20, MAX_IMAGE_BYTES + 1 - total));
    if (buffer.length === 0) break;
    const got = readSync(fd, buffer, 0, buffer.length, null);
    if (got === 0) break;
    chunks.push(buffer.subarray(0, got));
    total += got;
  }
  return Buffer.concat(chunks, total);
}

function damaged(problem: string, shownAs: string, reference: ImageReference | undefined): InputError {
  if (reference) return inputError(reference.file, `image "${reference.url}" is damaged (${problem}); export it again`, reference.where, 'image');
  return inputError(shownAs, `image is damaged (${problem}); export it again`, undefined, 'image');
}

/**
 * Format and displayed size from the header (image-size reads the JPEG frame header wherever it
 * is and the EXIF orientation). A photo taken upright is often stored sideways with orientation
 * 5–8, which every viewer, Word and pdfkit turn on display: its displayed width is the stored
 * height, so the sides are swapped here or the box would squash it.
 */
export function parseImageHeader(bytes: Buffer): ImageInfo | undefined {
  const format = bytes.length >= 8 && bytes.readUInt32BE(0) === 0x89504e47 ? 'png' : bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8 ? 'jpeg' : undefined;
  if (!format) return undefined;
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(bytes);
  } catch {
    return undefined;
  }
  if (size.width === undefined || size.height === undefined) return undefined;
  const sideways = format === 'jpeg' && size.orientation !== undefined && size.orientation >= 5 && size.orientation <= 8;
  return sideways ? { format, width: size.height, height: size.width } : { format, width: size.width, height: size.height };
}

/** SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size. */
function isFrameHeader(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Channels per colour type: grey, –, RGB, palette, grey + alpha, –, RGBA. */
const PNG_CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const PNG_DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

/** What is wrong with a PNG file, or undefined when it is whole. */
export function pngProblem(bytes: Buffer): string | undefined {
  if (bytes.length < 8 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'bad PNG signature';
  let offset = 8;
  let header: { width: number; height: number; depth: number; colorType: number; interlace: number } | undefined;
  let palette = false;
  let ended = false;
  const data: Buffer[] = [];
  while (!ended) {
    if (offset + 12 > bytes.length) return 'the file ends before its IEND chunk';
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    if (!/^[A-Za-z]{4}$/.test(type)) return `bad chunk type at byte ${offset + 4}`;
    if (length > 0x7fffffff || offset + 12 + length > bytes.length) return `the ${type} chunk runs past the end of the file`;
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (crc32(bytes.subarray(offset + 4, offset + 8 + length)) !== bytes.readUInt32BE(offset + 8 + length)) return `the ${type} chunk has a bad checksum`;
    if (!header && type !== 'IHDR') return 'the first chunk is not IHDR';
    switch (type) {
      case 'IHDR': {
        if (header) return 'two IHDR chunks';
        if (length !== 13) return 'bad IHDR chunk';
        header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), depth: body[8], colorType: body[9], interlace: body[12] };
        if (!PNG_DEPTHS[header.colorType]?.includes(header.depth) || body[10] !== 0 || body[11] !== 0 || header.interlace > 1) return 'unsupported IHDR values';
        break;
      }
      case 'PLTE': palette = true; break;
      case 'IDAT': data.push(body); break;
      case 'IEND': ended = true; break;
      default: break;
    }
    offset += 12 + length;
  }
  if (!header) return 'no IHDR chunk';
  if (header.colorType === 3 && !palette) return 'a palette image without a PLTE chunk';
  if (data.length === 0) return 'no image data (IDAT)';
  const passes = header.interlace ? adam7Passes(header.width, header.height) : [{ width: header.width, height: header.height }];
  const bitsPerPixel = header.depth * PNG_CHANNELS[header.colorType];
  const rows = passes.filter((p) => p.width > 0 && p.height > 0).map((p) => ({ ...p, bytes: 1 + Math.ceil((p.width * bitsPerPixel) / 8) }));
  const expected = rows.reduce((sum, p) => sum + p.height * p.bytes, 0);
  let pixels: Buffer;
  try {
    pixels = inflateSync(Buffer.concat(data), { maxOutputLength: expected + 1 });
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? 'more image data than its size' : 'the image data does not decompress';
  }
  if (pixels.length !== expected) return pixels.length < expected ? 'the image data is truncated' : 'more image data than its size';
  let at = 0;
  for (const pass of rows) {
    for (let row = 0; row < pass.height; row++, at += pass.bytes) if (pixels[at] > 4) return 'bad row filter in the image data';
  }
  return undefined;
}

function adam7Passes(width: number, height: number): Array<{ width: number; height: number }> {
  const passes = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]];
  return passes.map(([x0, y0, dx, dy]) => ({ width: Math.ceil(Math.max(0, width - x0) / dx), height: Math.ceil(Math.max(0, height - y0) / dy) }));
}

/** What is wrong with a JPEG file's structure, or undefined when it is whole. */
export function jpegProblem(bytes: Buffer): string | undefined {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return 'bad JPEG start (SOI)';
  let i = 2;
  let frame = false;
  let scans = 0;
  for (;;) {
    if (i >= bytes.length) return scans === 0 ? 'the file ends before its image data (SOS)' : 'the file ends before its end marker (EOI)';
    if (bytes[i] !== 0xff) return `expected a marker at byte ${i}`;
    while (i < bytes.length && bytes[i] === 0xff) i++; // fill bytes
    if (i >= bytes.length) return 'the file ends inside a marker';
    const marker = bytes[i++];
    if (marker === 0xd9) return !frame ? 'no frame header (SOF)' : scans === 0 ? 'no image data (SOS)' : undefined;
    if (marker === 0xd8 || marker === 0x00) return `unexpected marker at byte ${i - 1}`;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue; // TEM, RSTn: no length
    if (i + 2 > bytes.length) return 'the file ends inside a marker segment';
    const length = bytes.readUInt16BE(i);
    if (length < 2 || i + length > bytes.length) return `a marker segment runs past the end of the file`;
    if (isFrameHeader(marker)) frame = true;
    i += length;
    if (marker === 0xda) {
      if (!frame) return 'image data (SOS) before the frame header (SOF)';
      scans++;
      // Entropy-coded data: runs until a marker other than a stuffed 00 or a restart marker.
      while (i + 1 < bytes.length && !(bytes[i] === 0xff && bytes[i + 1] !== 0x00 && !(bytes[i + 1] >= 0xd0 && bytes[i + 1] <= 0xd7) && bytes[i + 1] !== 0xff)) i++;
      if (i + 1 >= bytes.length) return 'the file ends before its end marker (EOI)';
    }
  }
}

let crcTable: Uint32Array | undefined;

/** CRC-32 as PNG uses it (ISO 3309); Node 20 has no zlib.crc32 before 20.15. */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
