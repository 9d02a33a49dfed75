/** Texts with their blanks marked ⟦like this⟧: the plain text and the expected spans (UTF-16 offsets). */
export interface AnnotatedBlank { start: number; end: number; text: string }

export function parseAnnotated(annotated: string): { text: string; blanks: AnnotatedBlank[] } {
  let text = '';
  const blanks: AnnotatedBlank[] = [];
  let open = -1;
  for (const ch of annotated) {
    if (ch === '⟦') open = text.length;
    else if (ch === '⟧') {
      blanks.push({ start: open, end: text.length, text: text.slice(open) });
      open = -1;
    } else text += ch;
  }
  return { text, blanks };
}
