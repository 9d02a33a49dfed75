/**
 * Applying `--fix` edits. Edits are applied from the end so earlier offsets stay valid; an edit
 * overlapping one already applied is skipped (the next run picks it up). Files are read with
 * CRLF turned into LF and the BOM removed, so `fixFileText` maps the offsets back onto the bytes
 * on disk: line endings and BOM survive, and nothing but the reported characters changes. A line
 * break inside a replacement (text `report extract` appends) is written as the file's own.
 */
import type { Fix } from './rule.js';

export function applyFixes(text: string, fixes: Array<Pick<Fix, 'start' | 'end' | 'replacement'>>): string {
  const sorted = [...fixes].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let limit = Infinity;
  for (const fix of sorted) {
    if (fix.end > limit) continue;
    out = out.slice(0, fix.start) + fix.replacement + out.slice(fix.end);
    limit = fix.start;
  }
  return out;
}

/**
 * Apply fixes computed on the normalised text (no BOM, LF) to the raw file text. Line breaks in a
 * replacement follow the file's first line ending (CRLF in a CRLF file, LF in a file with none).
 */
export function fixFileText(raw: string, fixes: Array<Pick<Fix, 'start' | 'end' | 'replacement'>>): string {
  const eol = /\r\n?|\n/u.exec(raw)?.[0] ?? '\n';
  const bom = raw.charCodeAt(0) === 0xfeff ? 1 : 0;
  const map: number[] = [];
  let j = 0;
  for (let i = bom; i < raw.length; i++, j++) {
    map[j] = i;
    if (raw[i] === '\r' && raw[i + 1] === '\n') i++;
  }
  map[j] = raw.length;
  return applyFixes(raw, fixes.map((f) => ({
    ...f,
    start: map[f.start] ?? raw.length,
    end: map[f.end] ?? raw.length,
    replacement: eol === '\n' ? f.replacement : f.replacement.replace(/\n/gu, eol),
  })));
}
