/**
 * Keys the user renamed in the YAML after an earlier extract: a reference in a section to a key
 * the data no longer has, whose indicator line says `# extracted as <that key>`, is rewritten to
 * the key's new name. So a user may rename `规上工业生产总值` to `规上产值` in indicators.yaml
 * only, and the next `report extract` carries the sections along instead of losing the figure.
 */

export interface Rename {
  from: string;
  to: string;
  /** Offset of the name in the section text. */
  start: number;
}

const MUSTACHE = /\{\{\{?([\s\S]*?)\}?\}\}/gu;
/** A path expression's first segment inside a mustache: after `{{`, a space or `(`, before `.`, a space or `}}`. */
const PATH_START = /(^|[\s(=])([^\s().=}"'{\d][^\s().=}"']*)(?=[.\s)]|$)/gu;

/** The renames `origins` (extracted-as name → current key) call for in `text`. */
export function renamesIn(text: string, dataKeys: Set<string>, origins: Map<string, string>): Rename[] {
  const renames: Rename[] = [];
  MUSTACHE.lastIndex = 0;
  for (let m = MUSTACHE.exec(text); m; m = MUSTACHE.exec(text)) {
    const inner = m[1];
    const innerStart = m.index + m[0].indexOf(inner);
    PATH_START.lastIndex = 0;
    for (let p = PATH_START.exec(inner); p; p = PATH_START.exec(inner)) {
      const name = p[2].replace(/^[#/^]/u, '');
      const to = origins.get(name);
      if (!to || dataKeys.has(name) || to === name) continue;
      renames.push({ from: name, to, start: innerStart + p.index + p[1].length + (p[2].length - name.length) });
    }
  }
  return renames;
}

/**
 * The renames as edits of the section's normalised text, for `applyFixes` (that text) and
 * `fixFileText` (the file's bytes, CRLF and BOM kept).
 */
export function renameEdits(renames: Rename[]): Array<{ start: number; end: number; replacement: string }> {
  return renames.map((rename) => ({ start: rename.start, end: rename.start + rename.from.length, replacement: rename.to }));
}
