/**
 * The fonts of one build: resolve each role to a file, load the faces (once per process), and
 * offer the layout engine a per-role chain for character fallback — the role's face first, then
 * the embedded Noto faces and the other roles' faces — so a missing character never prints as tofu.
 */
import type { Diagnostic } from '../diagnostic.js';
import type { FontBook } from '../layout/types.js';
import { FONT_ROLES, type FontRole, type StyleSpec } from '../style/spec.js';
import { Face, loadFace } from './face.js';
import { embeddedFontPath, projectFontFaces, resolveFonts, type ResolveOptions, type ResolvedFonts } from './resolve.js';
import { resolveLatinFonts } from './latin.js';
import type { FaceNames } from './font-names.js';
import { systemFaces } from './system-fonts.js';

export { resolveFonts, embeddedFontPath, type ResolvedFont, type ResolvedFonts, type FontSource, type ResolveOptions } from './resolve.js';
export { Face, loadFace } from './face.js';

export interface LoadedFonts {
  resolved: ResolvedFonts;
  /** Every face a chain may use, by FaceMetrics id. */
  faces: Map<string, Face>;
  book: FontBook;
  /** One info diagnostic per role printed in a substitute. */
  notes: Diagnostic[];
}

export function loadFonts(spec: StyleSpec, options: ResolveOptions): LoadedFonts {
  const resolved = resolveFonts(spec, options);
  const faces = new Map<string, Face>();
  const keep = (face: Face): Face => {
    faces.set(face.id, face);
    return face;
  };
  const roleFaces = Object.fromEntries(FONT_ROLES.map((role) => [role, keep(loadFace(resolved[role].path, resolved[role].postscriptName))])) as Record<FontRole, Face>;
  // the Latin face is looked for where the role fonts are: the project's fonts/ first
  let latinPool: FaceNames[] | undefined;
  const latin = resolveLatinFonts(spec, () => (latinPool ??= [...projectFontFaces(options.projectDir), ...(options.systemFaces ?? systemFaces())]));
  const latinFaces = new Map<FontRole, Face>();
  const latinFace = (role: FontRole): Face | undefined => {
    const font = latin[role];
    if (!font) return undefined;
    let face = latinFaces.get(role);
    if (!face) latinFaces.set(role, (face = keep(loadFace(font.path, font.postscriptName))));
    return face;
  };
  let embedded: Face[] | undefined;
  const embeddedFaces = (): Face[] => (embedded ??= ['noto-serif-sc', 'noto-sans-sc'].map((design) => keep(loadFace(embeddedFontPath(design, 400)))));
  const chains = new Map<FontRole, Face[]>();
  // one answer per role and character: a report asks ~10 000 times for ~1 000 characters
  const chosen = new Map<FontRole, Map<string, Face | null>>(FONT_ROLES.map((role) => [role, new Map()]));
  const book: FontBook = {
    primary: (role) => roleFaces[role],
    faceFor(role, ch) {
      const known = chosen.get(role)!;
      let face = known.get(ch);
      if (face === undefined) known.set(ch, (face = choose(role, ch)));
      return face;
    },
  };
  function choose(role: FontRole, ch: string): Face | null {
    // ASCII letters, digits and marks take the Latin face, as the DOCX's ascii slot does
    if (isPrintableAscii(ch)) {
      const face = latinFace(role);
      if (face?.has(ch)) return face;
    }
    let chain = chains.get(role);
    if (!chain) {
      chain = [...new Set([roleFaces[role], ...FONT_ROLES.map((r) => roleFaces[r])])];
      chains.set(role, chain);
    }
    // the embedded Noto faces are parsed only when a character is missing from every role face
    return chain.find((face) => face.has(ch)) ?? embeddedFaces().find((face) => face.has(ch)) ?? null;
  }
  const notes: Diagnostic[] = FONT_ROLES.filter((role) => resolved[role].substitute).map((role) => ({
    file: options.configFile ?? 'report.yaml', rule: 'font-substitute', severity: 'info' as const,
    message: `${role}: ${resolved[role].wanted} is not available; printed in ${resolved[role].family} (${resolved[role].source})`,
  }));
  return { resolved, faces, book, notes };
}

function isPrintableAscii(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return ch.length === 1 && code > 0x20 && code < 0x7f;
}

