/**
 * 出席, 请假, 列席 of a 纪要 (GB/T 9704 §10.3), for templates whose style spec has `attendance`:
 * the paragraphs at the end of the body that start with one of its labels and a full-width colon
 * are taken out of the body and set as the attendance list — label, colon, names — decided here
 * once for every writer.
 */
import type { AttendanceSpec, StyleSpec } from '../style/spec.js';
import { gridWidth } from '../text/width.js';
import { inlineText, type Block } from './document.js';

export interface AttendanceLine {
  /** `出席：` */
  label: string;
  names: string;
  /** Where wrapped lines start, in grid characters from the text area's left edge (under the names). */
  restIndentChars: number;
}

export interface SplitBody {
  body: Block[];
  attendance: AttendanceLine[];
  spec?: AttendanceSpec;
}

export function splitAttendance(body: Block[], spec: StyleSpec): SplitBody {
  const style = spec.attendance;
  if (!style) return { body, attendance: [] };
  const labelled = (block: Block) => {
    if (block.kind !== 'paragraph') return undefined;
    const text = inlineText(block.content);
    const label = style.labels.find((l) => text.startsWith(`${l}：`));
    return label ? { label: `${label}：`, names: text.slice(label.length + 1).trim() } : undefined;
  };
  let from = body.length;
  while (from > 0 && labelled(body[from - 1])) from--;
  const attendance = body.slice(from).map((block) => {
    const { label, names } = labelled(block)!;
    return { label, names, restIndentChars: style.leftChars + gridWidth(label) };
  });
  return { body: body.slice(0, from), attendance, spec: style };
}
