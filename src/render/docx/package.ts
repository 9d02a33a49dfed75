/**
 * Finishes the package the docx library wrote: swaps in the parts this writer serialises itself
 * (styles, numbering, settings, font table, core properties) and re-zips every entry in a fixed
 * order with a fixed date, so two builds of the same input are byte-identical.
 */
import JSZip from 'jszip';
import { linkHeadingNumbering } from './numbering.js';
import { dropXmlIllegal } from './xml.js';

/** Parts the docx library cannot write (charts), with their relationships and content types. */
export interface ExtraParts {
  parts: Record<string, string | Uint8Array>;
  /** Relationships of word/document.xml. */
  relationships: Array<{ id: string; type: string; target: string }>;
  overrides: Array<{ partName: string; contentType: string }>;
  defaults: Array<{ extension: string; contentType: string }>;
}

/** Entries Word expects first; the rest follow in path order. */
const LEADING = ['[Content_Types].xml', '_rels/.rels'];

export async function finishPackage(packed: Buffer, replace: Record<string, string>, date: Date, extra?: ExtraParts): Promise<Buffer> {
  const source = await JSZip.loadAsync(packed);
  const names = Object.keys(source.files).filter((name) => !source.files[name].dir);
  if (extra) replace = { ...replace, ...(await withExtraEntries(source, extra)) };
  const added: Record<string, string | Uint8Array> = extra?.parts ?? {};
  for (const name of [...Object.keys(replace), ...Object.keys(added)]) if (!names.includes(name)) names.push(name);
  names.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const out = new JSZip();
  // The zip format cannot store dates before 1980.
  const entryDate = new Date(Math.max(date.getTime(), Date.UTC(1980, 0, 1)));
  for (const name of names) {
    const data = name in added ? added[name]
      : name in replace ? replace[name]
      : name === 'word/document.xml' ? linkHeadingNumbering(numberDrawings(dropXmlIllegal(await source.files[name].async('string'))))
      : await source.files[name].async('uint8array');
    out.file(name, data, { date: entryDate, createFolders: false });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}

/** The document's relationships and the content types, with the extra parts' entries added. */
async function withExtraEntries(source: JSZip, extra: ExtraParts): Promise<Record<string, string>> {
  const rels = await source.files['word/_rels/document.xml.rels'].async('string');
  const types = await source.files['[Content_Types].xml'].async('string');
  const relationships = extra.relationships.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`).join('');
  const defaults = extra.defaults.filter((d) => !types.includes(`Extension="${d.extension}"`))
    .map((d) => `<Default Extension="${d.extension}" ContentType="${d.contentType}"/>`).join('');
  const overrides = extra.overrides.map((o) => `<Override PartName="${o.partName}" ContentType="${o.contentType}"/>`).join('');
  return {
    'word/_rels/document.xml.rels': rels.replace('</Relationships>', `${relationships}</Relationships>`),
    // Defaults come before Overrides in [Content_Types].xml
    '[Content_Types].xml': types.replace(/(<Override |<\/Types>)/, `${defaults}$1`).replace('</Types>', `${overrides}</Types>`),
  };
}

/**
 * docx numbers drawings (wp:docPr ids) from a counter that lives as long as the process, so a
 * second build in the same process would count on; number them from 1 in document order.
 */
export function numberDrawings(xml: string): string {
  let id = 0;
  return xml.replace(/<wp:docPr id="\d+"/g, () => `<wp:docPr id="${++id}"`);
}

function rank(name: string): number {
  const index = LEADING.indexOf(name);
  return index === -1 ? LEADING.length : index;
}
