import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/diagnostic.js';
import { readFaceNames } from '../src/fonts/font-names.js';
import { embeddedFontPath, loadFace, resolveFonts } from '../src/fonts/index.js';
import { loadStyleSpec, type StyleSpec } from '../src/style/spec.js';
import { thrownBy } from './helpers/errors.js';
import { makeProject } from './helpers/project.js';

const spec = loadStyleSpec('gongwen');
const serif = embeddedFontPath('noto-serif-sc', 400);
const noSystemFonts = { systemFaces: [] };

describe('font resolution per role', () => {
  it('falls back to the fonts shipped with report on a machine with no CJK fonts, and says so', () => {
    const fonts = resolveFonts(spec, { projectDir: makeProject({}), ...noSystemFonts });
    expect(fonts.body).toMatchObject({ source: 'embedded', substitute: true, family: 'Noto Serif SC', postscriptName: 'NotoSerifSC-Regular' });
    expect(fonts.title.postscriptName).toBe('NotoSerifSC-Bold');
    expect(fonts.heading1.postscriptName).toBe('NotoSansSC-Regular');
    for (const role of Object.values(fonts)) expect(loadFace(role.path, role.postscriptName).has('经')).toBe(true);
  });

  it('refuses substitutes with --strict-fonts, naming each role', () => {
    const error = thrownBy(() => resolveFonts(spec, { projectDir: makeProject({}), strict: true, ...noSystemFonts }));
    expect(error).toBeInstanceOf(InputError);
    const messages = (error as InputError).diagnostics.map((d) => d.message).join('\n');
    expect(messages).toMatch(/body needs 仿宋_GB2312/);
    for (const role of ['title', 'body', 'heading1', 'heading2', 'pageNumber'] as const) {
      expect(messages).toContain(`--strict-fonts: ${role} needs ${spec.fonts[role].family} but would print in`);
    }
  });

  it('uses a font file named in report.yaml and reports a missing one as an input error', () => {
    const fonts = resolveFonts(spec, { projectDir: makeProject({}), configured: { body: serif }, ...noSystemFonts });
    expect(fonts.body).toMatchObject({ source: 'configured', path: serif, substitute: false });
    expect(() => resolveFonts(spec, { projectDir: '/tmp', configured: { body: '/nope/fangsong.ttf' } })).toThrow(/fonts.body: font file not found/);
  });

  it('finds a face in the project fonts/ folder by its family name, before installed fonts', () => {
    const dir = makeProject({});
    mkdirSync(join(dir, 'fonts'));
    copyFileSync(serif, join(dir, 'fonts', 'any-name.ttf'));
    const custom: StyleSpec = { ...spec, fonts: { ...spec.fonts, body: { ...spec.fonts.body, family: 'Noto Serif SC', aliases: [] } } };
    const fonts = resolveFonts(custom, { projectDir: dir, ...noSystemFonts });
    expect(fonts.body).toMatchObject({ source: 'project', substitute: false, path: join(dir, 'fonts', 'any-name.ttf') });
  });

  it('matches installed faces by any of their names and treats aliases as the real face', () => {
    const fake = (family: string, postscriptName: string, path = `/fonts/${postscriptName}.ttf`) => ({ path, index: 0, postscriptName, families: [family], family, fullNames: [family], weight: 400, cff: false });
    const fonts = resolveFonts(spec, { projectDir: '/tmp', systemFaces: [fake('SimHei', 'SimHei'), fake('FandolKai', 'FandolKai-Regular')] });
    expect(fonts.heading1).toMatchObject({ source: 'system', substitute: false, path: '/fonts/SimHei.ttf' });
    expect(fonts.heading2).toMatchObject({ source: 'system', substitute: true, path: '/fonts/FandolKai-Regular.ttf' });
  });

  const ttc = '/usr/share/fonts/truetype/arphic/ukai.ttc';
  const ttcReason = existsSync(ttc) ? '' : ` (skipped: ${ttc} not found)`;
  it.skipIf(!existsSync(ttc))(`reads the names of every face in a TrueType collection without parsing the fonts${ttcReason}`, () => {
    const faces = readFaceNames(ttc);
    expect(faces.length).toBeGreaterThan(1);
    expect(faces.map((f) => f.families[0])).toContain('AR PL UKai CN');
  });

  it('reads the PostScript name, weight and outline format of a single TrueType font', () => {
    expect(readFaceNames(serif)[0]).toMatchObject({ postscriptName: 'NotoSerifSC-Regular', weight: 400, cff: false });
  });

  it('loads a face once per process', () => {
    const started = performance.now();
    const a = loadFace(serif);
    const b = loadFace(serif);
    expect(a).toBe(b);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
