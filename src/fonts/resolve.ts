/**
 * Decides which font file prints each role (title, body, heading1, heading2, pageNumber):
 * report.yaml `fonts:` → the project's fonts/ folder → installed fonts by family name → the
 * Noto fonts that arrive with `npm ci`. Says which roles got a substitute, so `report fonts`
 * can show it and `--strict-fonts` can refuse it.
 */
import { closeSync, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { displayPath, MAX_FONT_BYTES, openRegularFile } from '../project/source-file.js';
import { InputError, type Diagnostic } from '../diagnostic.js';
import { FONT_ROLES, type FontRole, type FontRoleSpec, type StyleSpec } from '../style/spec.js';
import { faceKeys, nameKey, readFaceNames, type FaceNames } from './font-names.js';
import { listFontFiles, systemFaces } from './system-fonts.js';

export type FontSource = 'configured' | 'project' | 'system' | 'embedded';

export interface ResolvedFont {
  role: FontRole;
  path: string;
  postscriptName: string;
  family: string;
  source: FontSource;
  /** True when the face is not the family the style spec asks for (or one of its aliases). */
  substitute: boolean;
  /** The family the style spec asks for. */
  wanted: string;
  /** Why this file was chosen, for `report fonts`. */
  note?: string;
}

export type ResolvedFonts = Record<FontRole, ResolvedFont>;

export interface ResolveOptions {
  projectDir: string;
  /** Font files from report.yaml `fonts:`, already absolute. */
  configured?: Partial<Record<FontRole, string>>;
  /** Throw an InputError when any role would print in a substitute. */
  strict?: boolean;
  /** File named in errors about configured fonts (report.yaml). */
  configFile?: string;
  /** Faces to search instead of the installed ones (tests). */
  systemFaces?: FaceNames[];
}

const WEIGHT_NAMES: Record<number, string> = { 200: 'ExtraLight', 300: 'Light', 400: 'Regular', 500: 'Medium', 600: 'SemiBold', 700: 'Bold', 800: 'ExtraBold', 900: 'Black' };
const EMBEDDED_PACKAGES: Record<string, { pkg: string; prefix: string }> = {
  'noto-serif-sc': { pkg: '@expo-google-fonts/noto-serif-sc', prefix: 'NotoSerifSC' },
  'noto-sans-sc': { pkg: '@expo-google-fonts/noto-sans-sc', prefix: 'NotoSansSC' },
};
/**
 * Installed pan-CJK collections that are the same design as an embedded font. They are CFF
 * collections whose subsetting costs ~5× the TrueType copy, so a role that only finds them as a
 * stand-in prints in the embedded TrueType copy instead (same glyphs, faster build).
 */
const SAME_DESIGN_AS_EMBEDDED: Record<string, string> = {
  [nameKey('Noto Serif CJK SC')]: 'noto-serif-sc',
  [nameKey('Source Han Serif SC')]: 'noto-serif-sc',
  [nameKey('Noto Sans CJK SC')]: 'noto-sans-sc',
  [nameKey('Source Han Sans SC')]: 'noto-sans-sc',
};

const require = createRequire(import.meta.url);

/** Path of an embedded Noto font (`design` noto-serif-sc | noto-sans-sc) at the nearest weight. */
export function embeddedFontPath(design: string, weight = 400): string {
  const entry = EMBEDDED_PACKAGES[design] ?? EMBEDDED_PACKAGES['noto-serif-sc'];
  const available = Object.keys(WEIGHT_NAMES).map(Number);
  const nearest = available.reduce((best, w) => (Math.abs(w - weight) < Math.abs(best - weight) ? w : best), 400);
  const dir = dirname(require.resolve(`${entry.pkg}/package.json`));
  return join(dir, `${nearest}${WEIGHT_NAMES[nearest]}`, `${entry.prefix}_${nearest}${WEIGHT_NAMES[nearest]}.ttf`);
}

function embeddedDesign(role: FontRole, spec: FontRoleSpec): string {
  return spec.embedded ?? (role === 'heading1' ? 'noto-sans-sc' : 'noto-serif-sc');
}

export function resolveFonts(spec: StyleSpec, options: ResolveOptions): ResolvedFonts {
  const projectFaces = projectFontFaces(options.projectDir);
  let installed: FaceNames[] | undefined = options.systemFaces;
  const system = (): FaceNames[] => (installed ??= systemFaces());
  const result = {} as ResolvedFonts;
  const problems: Diagnostic[] = [];
  for (const role of FONT_ROLES) {
    const roleSpec = spec.fonts[role];
    const exact = [roleSpec.family, ...(roleSpec.aliases ?? [])];
    const standIns = roleSpec.alternatives.filter((name) => !exact.includes(name));
    const weight = roleSpec.weight ?? 400;
    const base = { role, wanted: roleSpec.family };
    const configured = options.configured?.[role];
    if (configured) {
      if (!existsSync(configured)) {
        throw new InputError({ file: options.configFile ?? 'report.yaml', rule: 'font-file', severity: 'error', message: `fonts.${role}: font file not found: ${configured}` });
      }
      // A regular file within the size limit; a FIFO or device named as a font must not hang the build.
      closeSync(openRegularFile(configured, { maxBytes: MAX_FONT_BYTES, shownAs: displayPath(configured), limitName: 'per font file' }));
      const faces = readFaceNames(configured);
      if (faces.length === 0) {
        // The font file itself is what is wrong: name it (a binary file has no line to point at).
        throw new InputError({ file: displayPath(configured), rule: 'font-file', severity: 'error', message: `not a TrueType/OpenType font (fonts.${role} in ${options.configFile ?? 'report.yaml'})` });
      }
      // in a pan-CJK collection without a named match, take the Simplified Chinese face
      const chosen = pick(faces, [...exact, ...standIns], weight)?.face ?? faces.find((f) => /(^|[^A-Za-z])(SC|CN|GB)([^A-Za-z]|$)|sc-|SC-/.test(`${f.postscriptName} ${f.families.join(' ')}`)) ?? faces[0];
      result[role] = { ...base, path: configured, postscriptName: chosen.postscriptName, family: chosen.families[0] ?? chosen.postscriptName, source: 'configured', substitute: false, note: 'set in report.yaml' };
      continue;
    }
    const found = pickFrom([[projectFaces, 'project'], [system, 'system']], exact, standIns, weight);
    if (found && !found.standIn) {
      result[role] = { ...base, ...describe(found.face), source: found.source, substitute: false, note: `matches "${found.name}"` };
      continue;
    }
    const design = embeddedDesign(role, roleSpec);
    const embedded = embeddedFontPath(design, weight);
    const [embeddedFace] = readFaceNames(embedded);
    if (found) {
      const sameDesign = SAME_DESIGN_AS_EMBEDDED[nameKey(found.name)];
      if (found.face.cff && sameDesign && embeddedFace) {
        const path = embeddedFontPath(sameDesign, weight);
        const [face] = readFaceNames(path);
        result[role] = { ...base, ...describe(face), source: 'embedded', substitute: true, note: `stand-in "${found.name}" is installed; its TrueType copy is used (faster to embed)` };
      } else {
        result[role] = { ...base, ...describe(found.face), source: found.source, substitute: true, note: `stand-in "${found.name}"` };
      }
    } else {
      result[role] = { ...base, ...describe(embeddedFace), path: embedded, source: 'embedded', substitute: true, note: 'no installed match; font shipped with report' };
    }
    if (options.strict) {
      problems.push({
        file: options.configFile ?? 'report.yaml', rule: 'strict-fonts', severity: 'error',
        message: `--strict-fonts: ${role} needs ${roleSpec.family} but would print in ${result[role].family} (${result[role].source}); install it, put it in fonts/, or set fonts.${role} in report.yaml`,
      });
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return result;
}

/**
 * Faces of the font files in the project's fonts/ folder. Only regular files within the size
 * limit are opened: a FIFO named `x.ttf` would block the open, a device would be read forever.
 */
/** Faces of the project's fonts/ folder ([] without one): searched before installed fonts. */
export function projectFontFaces(projectDir: string): FaceNames[] {
  return existsSync(join(projectDir, 'fonts')) ? projectFolderFaces(join(projectDir, 'fonts')) : [];
}

function projectFolderFaces(dir: string): FaceNames[] {
  return listFontFiles([dir], 2).filter(isReadableFontFile).flatMap(readFaceNames);
}

function isReadableFontFile(path: string): boolean {
  try {
    const stat = statSync(path);
    return stat.isFile() && stat.size <= MAX_FONT_BYTES;
  } catch {
    return false;
  }
}

function describe(face: FaceNames): { path: string; postscriptName: string; family: string } {
  return { path: face.path, postscriptName: face.postscriptName, family: face.families.find((f) => /^[\x20-\x7e]+$/.test(f)) ?? face.families[0] ?? face.postscriptName };
}

type Source = [FaceNames[] | (() => FaceNames[]), 'project' | 'system'];

function pickFrom(sources: Source[], exact: string[], standIns: string[], weight: number): { face: FaceNames; name: string; source: 'project' | 'system'; standIn: boolean } | null {
  for (const [names, standIn] of [[exact, false], [standIns, true]] as const) {
    for (const [faces, source] of sources) {
      const list = typeof faces === 'function' ? faces() : faces;
      const hit = pick(list, names, weight);
      if (hit) return { ...hit, source, standIn };
    }
  }
  return null;
}

/** The face answering to the earliest of `names`, at the weight nearest `weight`. */
function pick(faces: FaceNames[], names: string[], weight: number): { face: FaceNames; name: string } | null {
  for (const name of names) {
    const key = nameKey(name);
    const matching = faces.filter((face) => faceKeys(face).has(key));
    if (matching.length > 0) {
      const best = matching.reduce((a, b) => (Math.abs(b.weight - weight) < Math.abs(a.weight - weight) ? b : a));
      return { face: best, name };
    }
  }
  return null;
}
