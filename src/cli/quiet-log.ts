/**
 * `report build --quiet` (for CI logs): the build's lines are kept, and printed only when the
 * build fails, so a red job still shows every finding and a green one prints nothing. Errors that
 * stop the build before it runs (exit 2) are printed by main.ts as always.
 */
export function quietLog(write: (line: string) => void): { line: (line: string) => void; flush: () => void } {
  const lines: string[] = [];
  return { line: (line) => { lines.push(line); }, flush: () => { for (const line of lines.splice(0)) write(line); } };
}
