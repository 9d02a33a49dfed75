/**
 * What the libraries bought (issue 13): image-size reads a JPEG's size wherever its frame header
 * is and its EXIF orientation (a photo stored sideways is laid out upright, not squashed);
 * tinyglobby expands `sections/**` and a literal `[附件]说明.md`; pdfkit is pinned exactly; fonts
 * come from --font-path / REPORT_FONT_PATHS first; `report build --quiet` is silent on success.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../src/index.js';
import { readImageInfo } from '../src/markdown/image-size.js';
import { loadProject } from '../src/project/load.js';
import { systemFaces, systemFontDirs } from '../src/fonts/system-fonts.js';
import { jpegBytes } from './helpers/jpeg-bytes.js';
import { renamedFont } from './helpers/renamed-font.js';

const ROOT = resolve(__dirname, '..');
const BIN = join(ROOT, 'bin/report');
const work = mkdtempSync(join(tmpdir(), 'report-libs-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function project(files: Record<string, string | Buffer>, config = 'title: 工作总结\nsections: [sections/*.md]\noutput: {formats: [docx]}\n'): string {
  const dir = mkdtempSync(join(work, 'p-'));
  for (const [name, content] of Object.entries({ 'report.yaml': config, ...files })) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

describe('image-size', () => {
  const file = (name: string, bytes: Buffer) => { const path = join(work, name); writeFileSync(path, bytes); return path; };

  it('reads the frame size of a JPEG whose frame header lies past 200 KB of metadata', () => {
    expect(readImageInfo(file('big-exif.jpg', jpegBytes(4000, 3000, { paddingBytes: 200_000 })))).toEqual({ format: 'jpeg', width: 4000, height: 3000 });
  });

  it('turns a photo stored sideways (EXIF orientation 6 or 8) upright: width and height swapped; 1 and 3 unchanged', () => {
    expect(readImageInfo(file('o6.jpg', jpegBytes(4000, 3000, { orientation: 6 })))).toEqual({ format: 'jpeg', width: 3000, height: 4000 });
    expect(readImageInfo(file('o8.jpg', jpegBytes(4000, 3000, { orientation: 8 })))).toEqual({ format: 'jpeg', width: 3000, height: 4000 });
    expect(readImageInfo(file('o1.jpg', jpegBytes(4000, 3000, { orientation: 1 })))).toEqual({ format: 'jpeg', width: 4000, height: 3000 });
    expect(readImageInfo(file('o3.jpg', jpegBytes(4000, 3000, { orientation: 3 })))).toEqual({ format: 'jpeg', width: 4000, height: 3000 });
  });

  it('the DOCX lays the sideways photo out portrait (its box is taller than wide)', async () => {
    const dir = project({ 'sections/01.md': '# 现场照片\n\n![](photo.jpg)\n', 'sections/photo.jpg': jpegBytes(400, 300, { orientation: 6 }) });
    const result = await build(dir, { formats: ['docx'] });
    const xml = await (await JSZip.loadAsync(result.outputs[0].bytes)).file('word/document.xml')!.async('string');
    const [, cx, cy] = /<wp:extent cx="(\d+)" cy="(\d+)"/.exec(xml)!.map(Number);
    expect(cy / cx).toBeCloseTo(4 / 3, 2);
  });
});

describe('tinyglobby section globs', () => {
  it('sections/** lists every file below, in natural order', () => {
    const dir = project({ 'sections/1-a.md': '一\n', 'sections/10-c.md': '三\n', 'sections/2/b.md': '二\n', 'sections/.hidden.md': 'x\n' },
      'title: 工作总结\nsections: ["sections/**"]\n');
    expect(loadProject(dir, { cwd: dir }).sections.map((s) => s.displayPath)).toEqual(['sections/1-a.md', 'sections/2/b.md', 'sections/10-c.md']);
  });

  it('a file named with glob characters, [附件]说明.md, is listed as written', () => {
    const dir = project({ 'sections/[附件]说明.md': '附件说明。\n', 'sections/附.md': '不是它。\n' }, 'title: 工作总结\nsections: ["sections/[附件]说明.md"]\n');
    expect(loadProject(dir, { cwd: dir }).sections.map((s) => s.displayPath)).toEqual(['sections/[附件]说明.md']);
  });
});

describe('dependencies and fonts', () => {
  it('pdfkit is pinned to the exact version installed (we use its internals)', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const installed = JSON.parse(readFileSync(join(ROOT, 'node_modules/pdfkit/package.json'), 'utf8')) as { version: string };
    expect(pkg.dependencies.pdfkit).toBe(installed.version);
  });

  it('REPORT_FONT_PATHS folders are searched first, and report fonts --json --font-path shows every role, heading1 in the folder\'s 黑体', () => {
    const fonts = join(work, 'office-fonts');
    mkdirSync(fonts, { recursive: true });
    copyFileSync(join(ROOT, 'node_modules/@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf'), join(fonts, 'office.ttf'));
    expect(systemFontDirs({ REPORT_FONT_PATHS: `${fonts}:/nowhere` }).slice(0, 2)).toEqual([fonts, '/nowhere']);
    const before = process.env.REPORT_FONT_PATHS;
    process.env.REPORT_FONT_PATHS = fonts;
    try {
      expect(systemFaces()[0].path).toBe(join(fonts, 'office.ttf'));
    } finally {
      if (before === undefined) delete process.env.REPORT_FONT_PATHS; else process.env.REPORT_FONT_PATHS = before;
    }
    // a face named 黑体 (Noto Sans SC renamed) in the folder: heading1 asks for 黑体, so it is that file
    const heiti = join(fonts, 'heiti.ttf');
    writeFileSync(heiti, renamedFont(readFileSync(join(ROOT, 'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf')), '黑体', 'TestHeiti-Regular'));
    const run = spawnSync(process.execPath, [BIN, 'fonts', work, '--json', '--font-path', fonts], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const roles = JSON.parse(run.stdout) as Record<string, { path: string; postscriptName: string; source: string; substitute: boolean }>;
    expect(Object.keys(roles).sort()).toEqual(['body', 'heading1', 'heading2', 'pageNumber', 'title']);
    expect(roles.heading1).toMatchObject({ path: heiti, postscriptName: 'TestHeiti-Regular', source: 'system', substitute: false });
  });

  it('report build --quiet prints nothing on success and everything when it fails', () => {
    const good = join(work, 'town');
    cpSync(join(ROOT, 'examples/town-report'), good, { recursive: true });
    const ok = spawnSync(process.execPath, [BIN, 'build', good, '--quiet', '--format', 'txt'], { encoding: 'utf8' });
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stderr + ok.stdout).toBe('');
    const loud = spawnSync(process.execPath, [BIN, 'build', good, '--format', 'txt'], { encoding: 'utf8' });
    expect(loud.stderr).not.toBe('');
    const blank = project({ 'sections/01.md': '全年完成XX亿元。\n' });
    const failed = spawnSync(process.execPath, [BIN, 'build', blank, '--quiet'], { encoding: 'utf8' });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/XX/);
  });
});
