/**
 * Finishes the package the docx library compiled: swaps in the parts this writer serialises
 * itself (styles, numbering, settings, font table, core properties) and zips every entry once, in
 * a fixed order with a fixed date, so two builds of the same input are byte-identical.
 */
import { linkHeadingNumbering } from './numbering.js';
import { dropXmlIllegal } from './xml.js';
import { zip } from './zip.js';

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

/** `compiled`: the package's parts by path, as the docx library's compiler gives them (unzipped). */
export function finishPackage(compiled: Map<string, string | Uint8Array>, replace: Record<string, string>, date: Date, extra?: ExtraParts): Buffer {
  const text = (name: string): string => {
    const data = compiled.get(name);
    return typeof data === 'string' ? data : new TextDecoder().decode(data);
  };
  if (extra) replace = { ...replace, ...withExtraEntries(text, extra) };
  const added: Record<string, string | Uint8Array> = extra?.parts ?? {};
  const names = [...compiled.keys()];
  for (const name of [...Object.keys(replace), ...Object.keys(added)]) if (!compiled.has(name)) names.push(name);
  names.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return zip(names.map((name) => [name,
    name in added ? added[name]
    : name in replace ? replace[name]
    : name === 'word/document.xml' ? linkHeadingNumbering(numberDrawings(dropXmlIllegal(text(name))))
    : compiled.get(name)!]), date);
}

/** The document's relationships and the content types, with the extra parts' entries added. */
function withExtraEntries(text: (name: string) => string, extra: ExtraParts): Record<string, string> {
  const rels = text('word/_rels/document.xml.rels');
  const types = text('[Content_Types].xml');
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
