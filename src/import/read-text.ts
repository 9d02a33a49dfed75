/**
 * A plain-text report (pasted from Word or an OA system, or `report build --format txt`): one
 * paragraph a line, the ideographic-space indent dropped, empty lines kept as separators (they
 * set a title apart). Consecutive lines of tab-separated cells are a table, as the txt writer
 * prints tables. Files saved as GBK/GB18030 (Windows Notepad's "ANSI" in China) or UTF-16 with a
 * byte-order mark are decoded too; anything else must be UTF-8.
 */
import { inputError } from '../diagnostic.js';
import { decodeUtf8 } from '../project/source-file.js';
import type { ReadDocument, SourceBlock } from './blocks.js';
import { textParagraph } from './blocks.js';

const EDGE_SPACE = /^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/gu;

export function readText(bytes: Buffer, shownAs: string): ReadDocument {
  const { text, encoding } = decodeText(bytes, shownAs);
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: SourceBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const rows = tableRowsFrom(lines, i);
    if (rows.length >= 2) {
      blocks.push({ kind: 'table', rows: rows.map((line) => line.replace(EDGE_SPACE, '').split('\t').map((cell) => cell.replace(EDGE_SPACE, ''))) });
      i += rows.length - 1;
      continue;
    }
    const line = lines[i].replace(EDGE_SPACE, '');
    blocks.push(line ? textParagraph(line) : { kind: 'blank' });
  }
  return { blocks, notes: encoding === 'utf-8' ? [] : [`read as ${encoding}; the project's files are UTF-8`] };
}

/** Lines from `start` on that hold two or more tab-separated cells. */
function tableRowsFrom(lines: string[], start: number): string[] {
  const rows: string[] = [];
  for (let i = start; i < lines.length && lines[i].trim().includes('\t'); i++) rows.push(lines[i]);
  return rows;
}

function decodeText(bytes: Buffer, shownAs: string): { text: string; encoding: string } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16' };
  try {
    return { text: decodeUtf8(bytes, shownAs), encoding: 'utf-8' };
  } catch (utf8Error) {
    try {
      const text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
      if (/[\u4e00-\u9fff]/.test(text)) return { text, encoding: 'GB18030' };
    } catch {
      // neither: report it as not UTF-8, which is what the user can fix
    }
    if (bytes.includes(0)) throw inputError(shownAs, 'is a binary file, not a DOCX or a text file', undefined, 'import');
    throw utf8Error;
  }
}
