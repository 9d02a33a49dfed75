/**
 * Office's older container, the Compound File Binary format ([MS-CFB]): Word 97-2003 .doc files
 * use it, and so does every password-protected Office 2007+ file (the encrypted package sits in a
 * stream named EncryptedPackage). We only read the directory's stream names, to tell the user
 * which of the two they gave us; nothing else of the file is interpreted.
 */

export const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const END_OF_CHAIN = 0xfffffffe;
const FREE_SECTOR = 0xffffffff;
const HEADER_DIFAT_ENTRIES = 109;
const DIRECTORY_ENTRY_BYTES = 128;

export function isCompoundFile(bytes: Buffer): boolean {
  return bytes.length >= 512 && bytes.subarray(0, 8).equals(CFB_SIGNATURE);
}

/** Names of the streams and storages in the file's directory; empty when the header is damaged. */
export function compoundFileEntryNames(bytes: Buffer): string[] {
  if (!isCompoundFile(bytes)) return [];
  const shift = bytes.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) return [];
  const sectorSize = 1 << shift;
  const sectorCount = Math.floor((bytes.length - sectorSize) / sectorSize);
  const sectorOffset = (sector: number) => (sector + 1) * sectorSize;
  const validSector = (sector: number) => sector < sectorCount;

  // The FAT's own sectors: 109 listed in the header, the rest in a chain of DIFAT sectors.
  const fatSectors: number[] = [];
  for (let i = 0; i < HEADER_DIFAT_ENTRIES; i++) {
    const sector = bytes.readUInt32LE(0x4c + i * 4);
    if (sector !== FREE_SECTOR && validSector(sector)) fatSectors.push(sector);
  }
  let difat = bytes.readUInt32LE(0x44);
  for (let guard = 0; difat !== END_OF_CHAIN && difat !== FREE_SECTOR && validSector(difat) && guard < sectorCount; guard++) {
    const base = sectorOffset(difat);
    const perSector = sectorSize / 4 - 1;
    for (let i = 0; i < perSector; i++) {
      const sector = bytes.readUInt32LE(base + i * 4);
      if (sector !== FREE_SECTOR && validSector(sector)) fatSectors.push(sector);
    }
    difat = bytes.readUInt32LE(base + perSector * 4);
  }
  const next = (sector: number): number => {
    const index = sector * 4;
    const fatSector = fatSectors[Math.floor(index / sectorSize)];
    return fatSector === undefined ? END_OF_CHAIN : bytes.readUInt32LE(sectorOffset(fatSector) + (index % sectorSize));
  };

  const names: string[] = [];
  let sector = bytes.readUInt32LE(0x30);
  // A chain longer than the file has sectors loops: stop there.
  for (let guard = 0; sector !== END_OF_CHAIN && validSector(sector) && guard < sectorCount; guard++) {
    const base = sectorOffset(sector);
    for (let entry = base; entry + DIRECTORY_ENTRY_BYTES <= base + sectorSize; entry += DIRECTORY_ENTRY_BYTES) {
      const length = Math.min(bytes.readUInt16LE(entry + 0x40), 64);
      const type = bytes[entry + 0x42];
      if (type === 0 || length < 2) continue; // unused entry
      names.push(bytes.toString('utf16le', entry, entry + length - 2));
    }
    sector = next(sector);
  }
  return names;
}

export type CompoundFileKind = 'encrypted-ooxml' | 'word-binary' | 'other-office';

/** What a compound file holds, as far as a user needs to know to fix it. */
export function compoundFileKind(bytes: Buffer): CompoundFileKind {
  const names = new Set(compoundFileEntryNames(bytes));
  if (names.has('EncryptedPackage') || names.has('EncryptionInfo')) return 'encrypted-ooxml';
  if (names.has('WordDocument')) return 'word-binary';
  return 'other-office';
}
