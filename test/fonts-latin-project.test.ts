/**
 * The Latin face (Times New Roman in the DOCX's ascii slot) is looked for where the role fonts
 * are: a Times-metric face an office keeps in the project's fonts/ folder prints the PDF's digits
 * before any installed stand-in or the shipped Tinos.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFonts } from '../src/fonts/index.js';
import { loadStyleSpec } from '../src/style/spec.js';
import { makeProject } from './helpers/project.js';

const tinosBold = createRequire(import.meta.url).resolve('@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf');

describe('the Latin face', () => {
  it('comes from the project fonts/ folder when a face there has the wanted name', () => {
    const spec = loadStyleSpec('gongwen');
    const dir = makeProject({ 'a.md': '' });
    mkdirSync(join(dir, 'fonts'));
    const fonts = loadFonts(spec, { projectDir: dir, systemFaces: [] });
    expect(fonts.book.faceFor('body', '5')?.path).not.toContain(join(dir, 'fonts'));
    // an office's Times-metric face, named as one of the spec's Latin stand-ins
    copyFileSync(tinosBold, join(dir, 'fonts', 'office-latin.ttf'));
    const withFolder = loadFonts({ ...spec, latinFallback: { ...spec.latinFallback, alternatives: ['Tinos', ...spec.latinFallback.alternatives] } }, { projectDir: dir, systemFaces: [] });
    expect(withFolder.book.faceFor('body', '5')?.path).toBe(join(dir, 'fonts', 'office-latin.ttf'));
  });
});
