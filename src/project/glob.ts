/**
 * Section globs (`sections/*.md`, `parts/**\/*.md`) expanded inside the project directory.
 * Node 20 has no fs.glob; the patterns report.yaml needs are simple enough to match here.
 * Matches come back sorted by path so `01-…`, `02-…` give the section order.
 */
import { readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';

export function hasGlobMagic(pattern: string): boolean {
  return /[*?[\]{}]/.test(pattern);
}

export function globFiles(root: string, pattern: string): string[] {
  const parts = pattern.split('/').filter((p) => p !== '' && p !== '.');
  const found: string[] = [];
  walk(root, '', parts, found);
  return [...new Set(found)].sort(compareNatural);
}

function walk(dir: string, prefix: string, parts: string[], found: string[]): void {
  if (parts.length === 0) return;
  const [head, ...rest] = parts;
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  if (head === '**') {
    walk(dir, prefix, rest, found);
    for (const entry of entries) {
      if (entry.isDirectory() && !entry.name.startsWith('.')) walk(join(dir, entry.name), `${prefix}${entry.name}/`, parts, found);
    }
    return;
  }
  const matcher = segmentMatcher(head);
  for (const entry of entries) {
    if (!matcher.test(entry.name) || (entry.name.startsWith('.') && !head.startsWith('.'))) continue;
    const path = `${prefix}${entry.name}`;
    if (rest.length === 0) {
      if (entry.isFile() || entry.isSymbolicLink()) found.push(path);
    } else if (entry.isDirectory() || entry.isSymbolicLink()) {
      walk(join(dir, entry.name), `${path}/`, rest, found);
    }
  }
}

function segmentMatcher(segment: string): RegExp {
  let source = '';
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i];
    if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else if (ch === '{') {
      const close = segment.indexOf('}', i);
      if (close < 0) { source += '\\{'; continue; }
      source += `(?:${segment.slice(i + 1, close).split(',').map(escapeRegExp).join('|')})`;
      i = close;
    } else if (ch === '[') {
      const close = segment.indexOf(']', i);
      if (close < 0) { source += '\\['; continue; }
      source += `[${segment.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
      i = close;
    } else source += escapeRegExp(ch);
  }
  return new RegExp(`^${source}$`, 'u');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** `2-x.md` before `10-x.md`, as people number their sections. */
export function compareNatural(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
