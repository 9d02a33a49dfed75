/**
 * Inline content → docx runs. Runs carry only what differs from their paragraph style: bold and
 * italic where the model says so, a yellow highlight on draft placeholders, line breaks, and the
 * eastAsia hint where a character would otherwise be taken from the Latin face.
 */
import { TextRun } from 'docx';
import type { Inline } from '../../model/document.js';

/**
 * Word takes General Punctuation (“ ” ‘ ’ — …) and Latin-1 marks (· ×) from the hAnsi font unless the
 * run says `w:hint="eastAsia"` (MS-OI29500 §2.1.88); zh-CN Word sets the hint on any run that has
 * Chinese text or such marks. Pure ASCII runs need none.
 */
export function needsEastAsiaHint(text: string): boolean {
  for (const ch of text) if (ch.codePointAt(0)! > 0x7f) return true;
  return false;
}

export interface RunOptions {
  /** Force bold off/on regardless of the model (never used for 公文 body text). */
  bold?: boolean;
}

export function inlineRuns(content: Inline[], options: RunOptions = {}): TextRun[] {
  const runs: TextRun[] = [];
  for (const item of content) {
    if (item.kind === 'break') {
      runs.push(new TextRun({ break: 1 }));
      continue;
    }
    if (item.text === '') continue;
    runs.push(new TextRun({
      text: item.text,
      font: needsEastAsiaHint(item.text) ? { hint: 'eastAsia' } : undefined,
      bold: options.bold ?? (item.bold ? true : undefined),
      italics: item.italic ? true : undefined,
      highlight: item.placeholder ? 'yellow' : undefined,
    }));
  }
  return runs;
}

/** A plain string as runs (titles, 署名, dates): `\n` becomes a line break. */
export function textRuns(text: string): TextRun[] {
  const content: Inline[] = [];
  text.split('\n').forEach((line, i) => {
    if (i > 0) content.push({ kind: 'break' });
    content.push({ kind: 'text', text: line });
  });
  return inlineRuns(content);
}
