/**
 * Finds the font files installed on this machine (Linux, macOS, Windows) and the names of their
 * faces. Works without fontconfig: the usual font folders are walked directly; `fc-list`, when
 * present, only adds folders fontconfig knows about. Folders named in REPORT_FONT_PATHS (or
 * `--font-path`, which sets it, as Typst's TYPST_FONT_PATHS and --font-path do) are searched
 * first, so an office's licensed fonts win over installed ones of the same family. Scanned once
 * per set of folders.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { threadId } from 'node:worker_threads';
import { delimiter, dirname, join, resolve } from 'node:path';
import { readFaceNames, type FaceNames } from './font-names.js';

const FONT_FILE = /\.(ttf|otf|ttc|otc)$/i;

/** REPORT_FONT_PATHS: folders separated like PATH (`:`, `;` on Windows), absolute or from the cwd. */
export function fontPathsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.REPORT_FONT_PATHS ?? '').split(delimiter).filter((dir) => dir.trim() !== '').map((dir) => resolve(dir));
}

/** REPORT_FONT_PATHS first, then the folders where the three desktop systems keep fonts. */
export function systemFontDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  const home = homedir();
  const dirs = [
    ...fontPathsFromEnv(env),
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

let cached: { key: string; faces: FaceNames[] } | undefined;

/** Every face of every installed font file (cached while REPORT_FONT_PATHS stays the same). */
export function systemFaces(): FaceNames[] {
  const dirs = systemFontDirs();
  const key = dirs.join(delimiter);
  if (cached?.key !== key) {
    const files = [...new Set([...listFontFiles(dirs), ...fontconfigFiles()])];
    cached = { key, faces: readWithCache(files, fontCacheFile()) };
  }
  return cached.faces;
}

/**
 * Where the names read from installed fonts are kept between runs (REPORT_FONT_CACHE, else the
 * user's cache folder); undefined turns the cache off (REPORT_FONT_CACHE=off).
 */
export function fontCacheFile(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.REPORT_FONT_CACHE) return env.REPORT_FONT_CACHE === 'off' ? undefined : resolve(env.REPORT_FONT_CACHE);
  const base = env.XDG_CACHE_HOME || env.LOCALAPPDATA || join(homedir(), process.platform === 'darwin' ? 'Library/Caches' : '.cache');
  return join(base, 'gongwen-report', 'fonts-v1.json');
}

type CacheEntry = { size: number; mtimeMs: number; faces: FaceNames[] };

/**
 * The faces of `files`, reading only those whose size or modification time differ from the cache
 * (an office PC has hundreds of fonts: reading each one's name table took most of a build when
 * the 公文 fonts are missing and every run searched them all).
 */
export function readWithCache(files: string[], cacheFile: string | undefined): FaceNames[] {
  let known: Record<string, CacheEntry> = {};
  if (cacheFile) {
    try {
      const parsed: unknown = JSON.parse(readFileSync(cacheFile, 'utf8'));
      // a cache written by hand or cut short is only a cache: start afresh
      known = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, CacheEntry>) : {};
    } catch {
      known = {};
    }
  }
  const next: Record<string, CacheEntry> = {};
  let changed = false;
  for (const file of files) {
    let stat;
    try {
      stat = statSync(file);
    } catch {
      continue;
    }
    const entry = known[file];
    if (entry && typeof entry === 'object' && entry.size === stat.size && entry.mtimeMs === stat.mtimeMs && Array.isArray(entry.faces)) {
      next[file] = entry;
    } else {
      next[file] = { size: stat.size, mtimeMs: stat.mtimeMs, faces: readFaceNames(file) };
      changed = true;
    }
  }
  if (cacheFile && (changed || Object.keys(known).length !== files.length)) saveCache(cacheFile, next);
  return Object.values(next).flatMap((entry) => entry.faces);
}

function saveCache(cacheFile: string, entries: Record<string, CacheEntry>): void {
  // a cache that cannot be written (read-only home, CI sandbox) only costs the next run the reads
  try {
    mkdirSync(dirname(cacheFile), { recursive: true });
    const temp = `${cacheFile}.${process.pid}-${threadId}.tmp`;
    writeFileSync(temp, JSON.stringify(entries));
    renameSync(temp, cacheFile);
  } catch {
    // keep going without a cache
  }
}

/** Faces of the font files in one folder (a project's `fonts/`); not cached, folders are small. */
export function folderFaces(dir: string): FaceNames[] {
  return listFontFiles([dir], 2).flatMap(readFaceNames);
}
