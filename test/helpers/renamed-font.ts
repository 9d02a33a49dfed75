/**
 * A copy of a TrueType/OpenType font (not a collection) whose `name` table says another family:
 * name IDs 1 (family), 4 (full name) and 6 (PostScript name), Windows Unicode English. The new
 * table goes at the end of the file and the table directory points at it; the rest is untouched.
 * Lets a test put "黑体" in a folder without shipping a Chinese system font.
 */
export function renamedFont(font: Buffer, family: string, postscriptName: string): Buffer {
  const records: Array<[id: number, text: string]> = [[1, family], [4, family], [6, postscriptName]];
  const strings = records.map(([, text]) => Buffer.from(text, 'utf16le').swap16());
  const storage = 6 + 12 * records.length;
  const name = Buffer.alloc(storage + strings.reduce((n, s) => n + s.length, 0));
  name.writeUInt16BE(0, 0);
  name.writeUInt16BE(records.length, 2);
  name.writeUInt16BE(storage, 4);
  let at = 0;
  records.forEach(([id], i) => {
    const record = 6 + 12 * i;
    name.writeUInt16BE(3, record); // Windows
    name.writeUInt16BE(1, record + 2); // Unicode BMP
    name.writeUInt16BE(0x409, record + 4); // English (US)
    name.writeUInt16BE(id, record + 6);
    name.writeUInt16BE(strings[i].length, record + 8);
    name.writeUInt16BE(at, record + 10);
    strings[i].copy(name, storage + at);
    at += strings[i].length;
  });
  const tag = font.toString('latin1', 0, 4);
  if (!(tag === '\0\x01\0\0' || tag === 'OTTO' || tag === 'true')) throw new Error('renamedFont: not a single TrueType/OpenType font');
  const start = Math.ceil(font.length / 4) * 4;
  const out = Buffer.alloc(start + Math.ceil(name.length / 4) * 4);
  font.copy(out);
  name.copy(out, start);
  let found = false;
  for (let i = 0; i < font.readUInt16BE(4); i++) {
    const record = 12 + 16 * i;
    if (out.toString('latin1', record, record + 4) !== 'name') continue;
    let sum = 0;
    for (let j = 0; j < out.length - start; j += 4) sum = (sum + out.readUInt32BE(start + j)) >>> 0;
    out.writeUInt32BE(sum, record + 4);
    out.writeUInt32BE(start, record + 8);
    out.writeUInt32BE(name.length, record + 12);
    found = true;
  }
  if (!found) throw new Error('renamedFont: the font has no name table');
  return out;
}
