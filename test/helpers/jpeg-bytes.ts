/**
 * Minimal JPEG files built byte by byte for the image tests: a baseline frame of any size,
 * optional padding segments before the frame header (cameras put EXIF, XMP and ICC profiles
 * there, often past 64 KB) and an optional EXIF orientation.
 */
function segment(marker: number, body: number[] | Buffer): Buffer {
  const length = body.length + 2;
  return Buffer.concat([Buffer.from([0xff, marker, length >> 8, length & 0xff]), Buffer.from(body)]);
}

/** APP1 `Exif\0\0` with a big-endian TIFF header and one IFD entry: Orientation (0x0112) = n. */
function exifOrientation(n: number): Buffer {
  const tiff = [0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, n, 0, 0, 0, 0, 0, 0];
  return segment(0xe1, Buffer.from([...Buffer.from('Exif\0\0', 'latin1'), ...tiff]));
}

export function jpegBytes(width: number, height: number, options: { paddingBytes?: number; orientation?: number } = {}): Buffer {
  const parts: Buffer[] = [Buffer.from([0xff, 0xd8])];
  if (options.orientation) parts.push(exifOrientation(options.orientation));
  // APP2 segments of at most 65 533 body bytes each, until the padding is reached.
  for (let left = options.paddingBytes ?? 0; left > 0; left -= 65_533) parts.push(segment(0xe2, Buffer.alloc(Math.min(left, 65_533), 0x20)));
  const huffman = (cls: number) => [cls, 1, ...Array(15).fill(0), 0];
  parts.push(
    segment(0xdb, [0, ...Array(64).fill(1)]),
    segment(0xc0, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0]),
    segment(0xc4, huffman(0x00)),
    segment(0xc4, huffman(0x10)),
    segment(0xda, [1, 1, 0x00, 0, 63, 0]),
    Buffer.from([0x3f, 0xff, 0xd9]),
  );
  return Buffer.concat(parts);
}
