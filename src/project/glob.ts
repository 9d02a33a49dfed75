/**
 * Section globs (`sections/*.md`, `sections/**`, `parts/**\/*.md`) expanded inside the project
 * directory with tinyglobby (picomatch's full syntax; our own matcher missed `**` at the end). A
 * name that exists as written is taken literally first, so `sections/[附件]说明.md` lists that file
 * instead of being read as a character class. Matches come back sorted by path so `01-…`, `02-…`
 * give the section order.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';

export function hasGlobMagic(pattern: string): boolean {
  return /[*?[\]{}]/.test(pattern);
}

export function globFiles(root: string, pattern: string): string[] {
  const clean = pattern.split('/').filter((p) => p !== '' && p !== '.').join('/');
  if (isFile(join(root, clean))) return [clean];
  // Dot files stay out (as shells do) and symlinks are followed: load.ts confines every match.
  const found = globSync(clean, { cwd: root, onlyFiles: true, dot: false, followSymbolicLinks: true, expandDirectories: false });
  return [...new Set(found)].sort(compareNatural);
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** `2-x.md` before `10-x.md`, as people number their sections. */
export function compareNatural(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
