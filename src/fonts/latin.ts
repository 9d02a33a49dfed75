/**
 * The face for Latin letters and digits in the PDF. The DOCX names `latin` (Times New Roman) in
 * its ascii/hAnsi slots, so Word, WPS and LibreOffice set digits half an em wide; the PDF must use
 * the same widths, or its rows break elsewhere than the DOCX's. Resolution: the face the style
 * spec names, installed → a metric-compatible stand-in installed (`latinFallback.alternatives`) →
 * the metric-compatible face shipped with report (Tinos, same widths as Times New Roman).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FontRole, StyleSpec } from '../style/spec.js';
import { faceKeys, nameKey, readFaceNames, type FaceNames } from './font-names.js';

export interface LatinFont {
  path: string;
  postscriptName: string;
  /** False when the face is a stand-in for the named one. */
  exact: boolean;
}

const require = createRequire(import.meta.url);
/** Italic and oblique faces share the family name; body digits are upright. */
const SLANTED = /italic|oblique/i;

/** Path of the Latin face shipped with report at the nearest weight (400 or 700). */
function shippedLatinPath(weight: number): string {
  const dir = dirname(require.resolve('@expo-google-fonts/tinos/package.json'));
  return weight >= 600 ? join(dir, '700Bold', 'Tinos_700Bold.ttf') : join(dir, '400Regular', 'Tinos_400Regular.ttf');
}

/**
 * The Latin face of each role whose `latin` differs from its CJK family (a role whose Latin is
 * its own family, like 宋体 page numbers, has none: its CJK face prints the digits).
 */
export function resolveLatinFonts(spec: StyleSpec, installed: () => FaceNames[]): Partial<Record<FontRole, LatinFont>> {
  const result: Partial<Record<FontRole, LatinFont>> = {};
  for (const [role, roleSpec] of Object.entries(spec.fonts) as Array<[FontRole, StyleSpec['fonts'][FontRole]]>) {
    if (nameKey(roleSpec.latin) === nameKey(roleSpec.family)) continue;
    const weight = roleSpec.weight ?? 400;
    const names = [roleSpec.latin, ...spec.latinFallback.alternatives];
    let chosen: LatinFont | undefined;
    for (const [i, name] of names.entries()) {
      const matching = installed().filter((face) => faceKeys(face).has(nameKey(name)) && !SLANTED.test(face.postscriptName));
      if (matching.length === 0) continue;
      const best = matching.reduce((a, b) => (Math.abs(b.weight - weight) < Math.abs(a.weight - weight) ? b : a));
      chosen = { path: best.path, postscriptName: best.postscriptName, exact: i === 0 };
      break;
    }
    if (!chosen) {
      const path = shippedLatinPath(weight);
      chosen = { path, postscriptName: readFaceNames(path)[0]?.postscriptName ?? 'Tinos', exact: false };
    }
    result[role] = chosen;
  }
  return result;
}
