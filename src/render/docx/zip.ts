/**
 * A deterministic ZIP writer for the DOCX package and the chart workbooks: entries in the order
 * given, one fixed date, DEFLATE through Node's zlib (native, several times faster than the
 * JavaScript deflaters the docx library and JSZip bring), UTF-8 names.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export type ZipEntries = Iterable<[name: string, data: string | Uint8Array]>;

export function zip(entries: ZipEntries, date: Date, level = 6): Buffer {
  // The zip format cannot store dates before 1980.
  const at = new Date(Math.max(date.getTime(), Date.UTC(1980, 0, 1)));
  const time = (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | (at.getUTCSeconds() >> 1);
  const day = ((at.getUTCFullYear() - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate();
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  let count = 0;
  for (const [name, data] of entries) {
    const raw = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    const packed = deflateRawSync(raw, { level });
    const fileName = Buffer.from(name, 'utf8');
    const crc = crc32(raw);
    // the fields the local header and the central directory share, from "version needed" on
    const common = Buffer.alloc(26);
    common.writeUInt16LE(20, 0); // version needed: 2.0 (DEFLATE)
    common.writeUInt16LE(0x0800, 2); // UTF-8 names
    common.writeUInt16LE(8, 4); // DEFLATE
    common.writeUInt16LE(time, 6);
    common.writeUInt16LE(day, 8);
    common.writeUInt32LE(crc, 10);
    common.writeUInt32LE(packed.length, 14);
    common.writeUInt32LE(raw.length, 18);
    common.writeUInt16LE(fileName.length, 22);
    const local = Buffer.alloc(4);
    local.writeUInt32LE(0x04034b50, 0);
    parts.push(local, common, fileName, packed);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4); // made by: MS-DOS, 2.0
    common.copy(record, 6);
    record.writeUInt32LE(offset, 42);
    central.push(record, fileName);
    offset += 4 + common.length + fileName.length + packed.length;
    count++;
  }
  const directorySize = central.reduce((sum, b) => sum + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, end]);
}
