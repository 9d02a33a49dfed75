/**
 * Finds the font files installed on this machine (Linux, macOS, Windows) and the names of their
 * faces. Works without fontconfig: the usual font folders are walked directly; `fc-list`, when
 * present, only adds folders fontconfig knows about. Scanned once per process.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { readFaceNames, type FaceNames } from './font-names.js';

const FONT_FILE = /\.(ttf|otf|ttc|otc)$/i;

/** Folders where the three desktop systems keep fonts. */
export function systemFontDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  const home = homedir();
  const dirs = [
    '/usr/share/fonts', '/usr/local/share/fonts', join(home, '.local/share/fonts'), join(home, '.fonts'),
    '/System/Library/Fonts', '/System/Library/Fonts/Supplemental', '/Library/Fonts', join(home, 'Library/Fonts'),
  ];
  const windir = env.WINDIR ?? env.windir ?? (process.platform === 'win32' ? 'C:\\Windows' : undefined);
  if (windir) dirs.push(join(windir, 'Fonts'));
  if (env.LOCALAPPDATA) dirs.push(join(env.LOCALAPPDATA, 'Microsoft', 'Windows', 'Fonts'));
  return dirs;
}

/** Font files under `dirs` (recursively, a few levels deep). */
export function listFontFiles(dirs: string[], depth = 5): string[] {
  const files: string[] = [];
  const walk = (dir: string, level: number): void => {
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry);
      if (FONT_FILE.test(entry)) {
        files.push(path);
      } else if (level < depth && !entry.startsWith('.')) {
        try {
          if (statSync(path).isDirectory()) walk(path, level + 1);
        } catch {
          // unreadable entry: skip it
        }
      }
    }
  };
  for (const dir of dirs) if (existsSync(dir)) walk(dir, 0);
  return files;
}

/** Font files fontconfig knows about, or [] when fc-list is missing or fails. */
function fontconfigFiles(): string[] {
  try {
    const out = execFileSync('fc-list', ['--format', '%{file}\\n'], { encoding: 'utf8', timeout: 5000, stdio: ['ignore', 'pipe', 'ignore'] });
    return out.split('\n').filter((line) => FONT_FILE.test(line));
  } catch {
    return [];
  }
}

let cached: FaceNames[] | undefined;

/** Every face of every installed font file (cached for the life of the process). */
export function systemFaces(): FaceNames[] {
  if (!cached) {
    const files = [...new Set([...listFontFiles(systemFontDirs()), ...fontconfigFiles()])];
    cached = files.flatMap(readFaceNames);
  }
  return cached;
}

/** Faces of the font files in one folder (a project's `fonts/`); not cached, folders are small. */
export function folderFaces(dir: string): FaceNames[] {
  return listFontFiles([dir], 2).flatMap(readFaceNames);
}
