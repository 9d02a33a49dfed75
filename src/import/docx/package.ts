/**
 * A DOCX file as an Open Packaging Conventions package: the ZIP archive (read with jszip), the
 * main document part found through the package relationships, its own relationships (images),
 * and the style and numbering parts. Every part is read with a size limit while it inflates, so
 * a small archive that expands to gigabytes (a ZIP bomb) is refused, not unpacked.
 */
import { posix } from 'node:path';
import JSZip from 'jszip';
import { inputError } from '../../diagnostic.js';
import { parseXml, childElements, XmlError, type XmlElement } from '../xml.js';

/** The biggest XML part we read (a 300-page report's document.xml is ~5 MB). */
export const MAX_XML_PART_BYTES = 32 * 1024 * 1024;

export interface Relationship {
  /** Path inside the package (`word/media/image1.png`), or the URL of an external target. */
  target: string;
  type: string;
  external: boolean;
}

export interface DocxPackage {
  /** The main document part's root element (`w:document`). */
  document: XmlElement;
  styles?: XmlElement;
  numbering?: XmlElement;
  /** The main part's relationships by id (`rId5`). */
  relationships: Map<string, Relationship>;
  /** Bytes of a part, or undefined when it is missing or larger than `limit`. */
  readPart(path: string, limit: number): Promise<Buffer | undefined>;
}

const OFFICE_DOCUMENT = /\/officeDocument$/;

export async function openDocxPackage(bytes: Buffer, shownAs: string): Promise<DocxPackage> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw inputError(shownAs, `is not a readable DOCX file: the ZIP archive is damaged (${firstLine((error as Error).message)})`, undefined, 'import');
  }
  const part = (path: string) => zip.file(path.replace(/^\/+/, '')) ?? undefined;
  const readPart = async (path: string, limit: number): Promise<Buffer | undefined> => {
    const file = part(path);
    // A damaged image is left out like a missing one; the caller says so.
    return file ? readLimited(file, limit).catch(() => undefined) : undefined;
  };
  const readXmlPart = async (path: string, required: boolean): Promise<XmlElement | undefined> => {
    const file = part(path);
    if (!file) return undefined;
    let data: Buffer | undefined;
    try {
      data = await readLimited(file, MAX_XML_PART_BYTES);
    } catch (error) {
      if (!required) return undefined;
      throw inputError(shownAs, `is not a readable DOCX file: ${path} is damaged (${firstLine((error as Error).message)})`, undefined, 'import');
    }
    if (!data) throw inputError(shownAs, `part ${path} expands to more than ${MAX_XML_PART_BYTES / 1048576} MB; the file is damaged or not a report`, undefined, 'import');
    try {
      return parseXml(data.toString('utf8'));
    } catch (error) {
      if (!(error instanceof XmlError) || !required) return undefined; // a damaged optional part: read without it
      throw inputError(shownAs, `is not a readable DOCX file: ${path} is not well-formed XML (${error.message})`, undefined, 'import');
    }
  };

  const packageRels = await readXmlPart('_rels/.rels', false);
  const mainPath = packageRels ? relationshipsOf(packageRels, '').find((r) => OFFICE_DOCUMENT.test(r.type) && !r.external)?.target : undefined;
  const documentPath = mainPath && part(mainPath) ? mainPath : 'word/document.xml';
  const document = await readXmlPart(documentPath, true);
  if (!document) throw notAWordDocument(zip, shownAs);

  const base = posix.dirname(documentPath);
  const relsPath = posix.join(base, '_rels', `${posix.basename(documentPath)}.rels`);
  const relsXml = await readXmlPart(relsPath, false);
  const relationships = new Map<string, Relationship>();
  const idOf = new Map<string, Relationship>();
  if (relsXml) {
    for (const element of childElements(relsXml, 'rel:Relationship')) {
      const relationship = toRelationship(element, base);
      if (element.attributes.Id) relationships.set(element.attributes.Id, relationship);
      idOf.set(relationship.type.split('/').pop() ?? '', relationship);
    }
  }
  const partOfType = (type: string, fallback: string) => idOf.get(type)?.target ?? posix.join(base, fallback);
  return {
    document,
    styles: await readXmlPart(partOfType('styles', 'styles.xml'), false),
    numbering: await readXmlPart(partOfType('numbering', 'numbering.xml'), false),
    relationships,
    readPart,
  };
}

function relationshipsOf(rels: XmlElement, base: string): Relationship[] {
  return childElements(rels, 'rel:Relationship').map((element) => toRelationship(element, base));
}

function toRelationship(element: XmlElement, base: string): Relationship {
  const external = element.attributes.TargetMode === 'External';
  const target = element.attributes.Target ?? '';
  // Targets are relative to the part's folder, or absolute from the package root.
  const resolved = external ? target : target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(base, target));
  return { target: resolved, type: element.attributes.Type ?? '', external };
}

/** A ZIP that is not a Word document: say what it is when we can tell. */
function notAWordDocument(zip: JSZip, shownAs: string): Error {
  const has = (path: string) => zip.file(path) !== null;
  const what = has('mimetype') || has('content.xml') ? 'an OpenDocument file (.odt/.ods); save it as .docx'
    : has('xl/workbook.xml') ? 'an Excel workbook, not a Word document'
    : has('ppt/presentation.xml') ? 'a PowerPoint presentation, not a Word document'
    : 'a ZIP archive without a Word document in it (no word/document.xml)';
  return inputError(shownAs, `is ${what}`, undefined, 'import');
}

/** Inflate one entry, stopping as soon as it passes `limit` bytes (undefined then). */
function readLimited(file: JSZip.JSZipObject, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let done = false;
    const stream = file.nodeStream('nodebuffer');
    stream.on('data', (chunk: Buffer) => {
      if (done) return;
      total += chunk.length;
      if (total > limit) {
        done = true;
        stream.pause();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    stream.on('error', (error: Error) => {
      if (!done) { done = true; reject(error); }
    });
    stream.on('end', () => {
      if (!done) { done = true; resolve(Buffer.concat(chunks, total)); }
    });
  });
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}
