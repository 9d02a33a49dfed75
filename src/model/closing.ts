/**
 * The closing block, decided once for every writer: the 附件说明 lines (label, numbering, where
 * wrapped lines start) and where 署名 and 成文日期 end on their rows (GB/T 9704 §7.3.4, §7.3.5.2).
 * Everything is counted in grid characters (one 字 = text width / charsPerRow), the unit the
 * standard states its offsets in; each writer turns characters into its own units.
 */
import { inputError } from '../diagnostic.js';
import type { Document } from './document.js';
import type { StyleSpec } from '../style/spec.js';
import { gridWidth, printedWidth } from '../text/width.js';

export const ATTACHMENT_LABEL = '附件：';

export interface AttachmentLine {
  /** As printed: `附件：name`, `附件：1.name`, `2.name`. */
  text: string;
  /** First line's start, from the attachment element's left indent, in grid characters. */
  firstIndentChars: number;
  /** Where wrapped lines start (under the name), from the same left indent. */
  restIndentChars: number;
}

export interface ClosingBlock {
  attachments: AttachmentLine[];
  /**
   * 署名 lines and 成文日期, each with the grid column (from the text area's left edge) its first
   * character starts at. Starts, not ends: the standard places the date by its first character,
   * and a date's digits are narrower than its grid count in some fonts and wider in others.
   */
  signature: Array<{ text: string; startChars: number }>;
  date?: { text: string; startChars: number };
  /** 附注 (§7.3.6) as printed, in its round brackets, on the row after the 成文日期. */
  note?: { text: string; startChars: number };
}

export function closingBlock(doc: Document, spec: StyleSpec): ClosingBlock {
  return { attachments: attachmentLines(doc.attachments), ...signaturePlacement(doc.signature, doc.date, spec), note: notePlacement(doc.note, spec) };
}

/** 附注 in round brackets (added when the author did not type them), `note.leftChars` from the left. */
function notePlacement(note: string | undefined, spec: StyleSpec): ClosingBlock['note'] {
  if (!note?.trim()) return undefined;
  const style = spec.note;
  if (!style) throw inputError(`${spec.dir}/style.yaml`, `style spec: the template "${spec.name}" has no \`note\`, which a report with \`note:\` (附注) needs`, undefined, 'style-spec');
  const text = note.trim();
  const bracketed = text.startsWith(style.open) && text.endsWith(style.close) ? text : `${style.open}${text}${style.close}`;
  return { text: bracketed, startChars: style.leftChars };
}

/** `附件：name`, or `附件：1.name` … with later items and wrapped lines aligned under the names. */
function attachmentLines(names: string[]): AttachmentLine[] {
  const several = names.length > 1;
  const label = gridWidth(ATTACHMENT_LABEL);
  return names.map((name, i) => {
    const number = several ? `${i + 1}.` : '';
    return {
      text: `${i === 0 ? ATTACHMENT_LABEL : ''}${number}${name}`,
      firstIndentChars: i === 0 ? 0 : label,
      restIndentChars: label + gridWidth(number),
    };
  });
}

/**
 * §7.3.5.2 (no seal): 署名 `signature.rightChars` from the right; the date on the next line
 * starting `date.offsetFromSignatureChars` right of the 署名's first character. "If the date is
 * longer than the 署名" is read as: if the date would then end closer to the edge than
 * `date.rightChars`, it ends there and the 署名 moves left to keep the offset. (The literal reading
 * lets a date 6.5 字 under a 7-字 署名 end half a 字 from the edge.)
 * Several 署名 lines (joint issue) start in the same column.
 */
export function signaturePlacement(signature: string[], date: string | undefined, spec: StyleSpec): Pick<ClosingBlock, 'signature' | 'date'> {
  const columns = spec.grid.charsPerRow;
  const right = spec.elements.signature.rightChars ?? 0;
  const dateRight = spec.elements.date.rightChars ?? 0;
  const offset = spec.elements.date.offsetFromSignatureChars ?? 0;
  // as printed, Han–Latin gaps included: the date's digits must not push it past its right margin
  const gap = spec.typography.cjkLatinGapEm;
  const widths = signature.map((line) => printedWidth(line, gap));
  const signatureWidth = Math.max(0, ...widths);
  const dateWidth = date ? printedWidth(date, gap) : 0;
  if (widths.length === 0) return { signature: [], date: date ? { text: date, startChars: columns - dateRight - dateWidth } : undefined };
  // A date that would end closer than `dateRight` to the edge counts as "longer than the 署名".
  const signatureStart = Math.min(columns - right - signatureWidth, columns - dateRight - dateWidth - offset);
  return {
    signature: signature.map((text) => ({ text, startChars: signatureStart })),
    date: date ? { text: date, startChars: signatureStart + offset } : undefined,
  };
}
