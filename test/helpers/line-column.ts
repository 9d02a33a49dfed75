/**
 * Test-side oracle for finding positions: the 1-based line and column of a UTF-16 offset, counted
 * by hand (lines split at '\n', columns in code points). Deliberately independent of src's
 * positionAt, which the lint tests check against it.
 */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: [...before.slice(before.lastIndexOf('\n') + 1)].length + 1 };
}
