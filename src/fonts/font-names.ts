/**
 * Reads the names of the faces in a font file (TTF, OTF, TTC) from its `name` and `OS/2` tables
 * only. Scanning a system's fonts must not parse whole CJK fonts (10–20 MB each), so this reads
 * a few kilobytes per file instead of handing the file to fontkit.
 */
import { closeSync, openSync, readSync } from 'node:fs';

export interface FaceNames {
  /** Font file path. */
  path: string;
  /** Index inside a collection (0 for single fonts). */
  index: number;
  postscriptName: string;
  /** Family names in every language the file carries (name IDs 1 and 16). */
  families: string[];
  /** The first family name (name ID 1), as fontkit's familyName. */
  family: string;
  /** Full names (name ID 4). */
  fullNames: string[];
  /** OS/2 usWeightClass (400 regular, 700 bold). */
  weight: number;
  /** True for PostScript (CFF) outlines, which fontkit subsets several times slower. */
  cff: boolean;
}

const NAME_IDS = new Set([1, 4, 6, 16]);

/** The faces in a font file, or [] when the file is not a readable sfnt font. */
export function readFaceNames(path: string): FaceNames[] {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const read = (offset: number, length: number): Buffer => {
      const buf = Buffer.alloc(length);
      const got = readSync(fd!, buf, 0, length, offset);
      if (got < length) throw new Error('short read');
      return buf;
    };
    const head = read(0, 12);
    const tag = head.toString('latin1', 0, 4);
    let offsets = [0];
    if (tag === 'ttcf') {
      const count = Math.min(head.readUInt32BE(8), 64);
      const table = read(12, 4 * count);
      offsets = Array.from({ length: count }, (_, i) => table.readUInt32BE(4 * i));
    } else if (!(tag === '\0\x01\0\0' || tag === 'OTTO' || tag === 'true')) {
      return [];
    }
    return offsets.map((offset, index) => readFace(read, path, offset, index)).filter((f): f is FaceNames => f !== null);
  } catch {
    return [];
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function readFace(read: (offset: number, length: number) => Buffer, path: string, offset: number, index: number): FaceNames | null {
  const dir = read(offset, 12);
  const numTables = dir.readUInt16BE(4);
  const records = read(offset + 12, 16 * numTables);
  const tables = new Map<string, { offset: number; length: number }>();
  for (let i = 0; i < numTables; i++) {
    tables.set(records.toString('latin1', 16 * i, 16 * i + 4), { offset: records.readUInt32BE(16 * i + 8), length: records.readUInt32BE(16 * i + 12) });
  }
  const name = tables.get('name');
  if (!name) return null;
  const nameTable = read(name.offset, name.length);
  const count = nameTable.readUInt16BE(2);
  const storage = nameTable.readUInt16BE(4);
  const byId = new Map<number, string[]>();
  for (let i = 0; i < count; i++) {
    const at = 6 + 12 * i;
    const platform = nameTable.readUInt16BE(at);
    const encoding = nameTable.readUInt16BE(at + 2);
    const nameId = nameTable.readUInt16BE(at + 6);
    if (!NAME_IDS.has(nameId)) continue;
    const length = nameTable.readUInt16BE(at + 8);
    const start = storage + nameTable.readUInt16BE(at + 10);
    const bytes = nameTable.subarray(start, start + length);
    const text = decodeName(platform, encoding, bytes);
    if (!text) continue;
    const list = byId.get(nameId) ?? [];
    if (!list.includes(text)) list.push(text);
    byId.set(nameId, list);
  }
  const os2 = tables.get('OS/2');
  const weight = os2 && os2.length >= 6 ? read(os2.offset + 4, 2).readUInt16BE(0) : 400;
  return {
    path,
    index,
    postscriptName: byId.get(6)?.[0] ?? '',
    families: [...new Set([...(byId.get(16) ?? []), ...(byId.get(1) ?? [])])],
    family: byId.get(1)?.[0] ?? '',
    fullNames: byId.get(4) ?? [],
    weight,
    cff: tables.has('CFF ') || tables.has('CFF2'),
  };
}

function decodeName(platform: number, encoding: number, bytes: Buffer): string {
  try {
    if (platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10 || encoding === 0))) {
      return utf16be(bytes);
    }
    if (platform === 3 && encoding === 3) return new TextDecoder('gbk').decode(stripZeroBytes(bytes));
    if (platform === 1 && encoding === 0) return bytes.toString('latin1');
    if (platform === 1 && encoding === 25) return new TextDecoder('gbk').decode(bytes);
  } catch {
    return '';
  }
  return '';
}

function utf16be(bytes: Buffer): string {
  const swapped = Buffer.from(bytes.subarray(0, bytes.length & ~1));
  swapped.swap16();
  return swapped.toString('utf16le');
}

/** Windows PRC names are stored as 16-bit units holding GBK bytes; drop the padding zeros. */
function stripZeroBytes(bytes: Buffer): Buffer {
  return Buffer.from([...bytes].filter((b) => b !== 0));
}

/** Case- and space-insensitive key used to compare a wanted name with a face's names. */
export function nameKey(name: string): string {
  return name.toLowerCase().replace(/[\s]+/g, '');
}

/** Every name a face answers to (families, full names, PostScript name). */
export function faceKeys(face: FaceNames): Set<string> {
  return new Set([...face.families, ...face.fullNames, face.postscriptName].filter(Boolean).map(nameKey));
}
