/**
 * The file given to `report import`, identified by its bytes (not its name): a DOCX (a ZIP
 * package), or plain text. Everything else is refused with one line that says what the file is
 * and what to do: a .doc (Word 97-2003, binary), a password-protected Office file, RTF, PDF, an
 * empty or oversized file.
 */
import { extname } from 'node:path';
import { inputError } from '../diagnostic.js';
import { MAX_SOURCE_BYTES, readRegularFile } from '../project/source-file.js';
import type { ReadDocument } from './blocks.js';
import { compoundFileKind, isCompoundFile } from './compound-file.js';
import { readDocx } from './docx/read-docx.js';
import { readText } from './read-text.js';

/** The biggest DOCX we open (a report with photographs is a few MB; 64 MB is generous). */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

export type InputKind = 'docx' | 'text';

export interface InputDocument extends ReadDocument {
  kind: InputKind;
}

const ZIP_SIGNATURES = [Buffer.from('PK\u0003\u0004'), Buffer.from('PK\u0005\u0006')];

export async function readInputDocument(path: string, shownAs: string): Promise<InputDocument> {
  const bytes = readRegularFile(path, { maxBytes: MAX_IMPORT_BYTES, shownAs, limitName: 'per imported document' });
  if (bytes.length === 0 || (bytes.length < 4096 && bytes.toString('utf8').trim() === '')) throw inputError(shownAs, 'file is empty; there is nothing to import', undefined, 'import');
  if (ZIP_SIGNATURES.some((signature) => bytes.subarray(0, 4).equals(signature))) return { kind: 'docx', ...(await readDocx(bytes, shownAs)) };
  if (isCompoundFile(bytes)) {
    const kind = compoundFileKind(bytes);
    const message = kind === 'encrypted-ooxml'
      ? 'is password-protected (an encrypted Office file); remove the password in Word or WPS and save it again as .docx'
      : kind === 'word-binary'
        ? 'is a Word 97-2003 .doc file (binary); open it in Word or WPS and save it as .docx'
        : 'is an older binary Office file, not a Word document; save the report as .docx';
    throw inputError(shownAs, message, undefined, 'import');
  }
  const head = bytes.subarray(0, 8).toString('latin1');
  if (head.startsWith('{\\rtf')) throw inputError(shownAs, 'is an RTF file; save it as .docx (or .txt) to import it', undefined, 'import');
  if (head.startsWith('%PDF')) throw inputError(shownAs, 'is a PDF; import reads .docx and .txt files (save the report from Word as .docx)', undefined, 'import');
  const extension = extname(path).toLowerCase();
  if (extension === '.docx' || extension === '.docm' || extension === '.doc') {
    throw inputError(shownAs, `is not a DOCX file (not a ZIP archive); it may be damaged or renamed — open it in Word or WPS and save it as .docx`, undefined, 'import');
  }
  if (bytes.length > MAX_SOURCE_BYTES) {
    throw inputError(shownAs, `text file is ${(bytes.length / 1048576).toFixed(1)} MB; the limit is ${MAX_SOURCE_BYTES / 1048576} MB per text file (a report is a few dozen KB)`, undefined, 'too-large');
  }
  return { kind: 'text', ...readText(bytes, shownAs) };
}
