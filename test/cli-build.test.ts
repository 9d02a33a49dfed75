/** `report build` end to end through the real command: outputs, blanks, drafts, reproducibility. */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { REPO, runReport } from './helpers/cli.js';
import { makeProject } from './helpers/project.js';

const blanksProject = () => makeProject({
  'report.yaml': 'title: 测试报告\nindicators: data.yaml\nsections: [sections/*.md]\noutput: {formats: [docx]}\n',
  'data.yaml': '镇名: 云溪镇\n产值: XX\n',
  'sections/01-a.md': '# 总结\n\n{{镇名}}产值{{产值}}亿元，增长xx%。\n',
});

describe('report build', () => {
  it('builds the example project to DOCX and PDF', () => {
    const out = mkdtempSync(join(tmpdir(), 'report-out-'));
    const result = runReport(['build', 'examples/town-report', '--out', out]);
    expect(result.stderr).toContain('town-report.docx');
    expect(result.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['town-report.docx', 'town-report.pdf']);
    expect(readFileSync(join(out, 'town-report.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses to build with blanks left: exit 1, each blank listed where the author must fix it, nothing written', () => {
    const dir = blanksProject();
    const result = runReport(['build', '.'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^data\.yaml:2:5: .*XX/m);
    expect(result.stderr).toMatch(/^sections\/01-a\.md:3:20: .*xx/m);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('--draft builds anyway, highlights the blanks and lists them', async () => {
    const dir = blanksProject();
    const result = runReport(['build', '.', '--draft'], { cwd: dir });
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/data\.yaml:2:5: .*XX/);
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'out', 'report.docx')));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toMatch(/<w:highlight w:val="yellow"\/>.*?<w:t[^>]*>XX<\/w:t>/s);
  });

  it('a missing indicator fails with exit 2 at sections/<file>.md:<line>:<col>', () => {
    const dir = makeProject({
      'report.yaml': 'title: 测试\nindicators: data.yaml\nsections: [sections/*.md]\n',
      'data.yaml': '产值: 1\n',
      'sections/01-a.md': '正文。\n\n全年产值{{产值}}亿元，税收{{税收.本期}}万元。\n',
    });
    const result = runReport(['build', '.'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe('sections/01-a.md:3:16: missing indicator "税收.本期" (no such key in the indicators)');
  });

  it('two builds of the same input are byte-identical, for both formats', () => {
    const first = mkdtempSync(join(tmpdir(), 'report-a-'));
    const second = mkdtempSync(join(tmpdir(), 'report-b-'));
    expect(runReport(['build', 'examples/town-report', '--out', first]).status).toBe(0);
    expect(runReport(['build', 'examples/town-report', '--out', second], { env: { TZ: 'Asia/Shanghai' } }).status).toBe(0);
    for (const name of ['town-report.docx', 'town-report.pdf']) {
      expect(readFileSync(join(first, name)).equals(readFileSync(join(second, name))), name).toBe(true);
    }
  });

  it('--json prints one summary object with outputs, sizes and hashes', () => {
    const out = mkdtempSync(join(tmpdir(), 'report-json-'));
    const result = runReport(['build', 'examples/monthly', '--data', 'examples/monthly/data/2024-04.yaml', '--out', out, '--json', '--format', 'docx']);
    expect(result.status).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary.ok).toBe(true);
    expect(summary.outputs).toHaveLength(1);
    expect(summary.outputs[0]).toMatchObject({ file: expect.stringMatching(/2024-04-经济运行月报\.docx$/), format: 'docx' });
    expect(summary.outputs[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(summary.inputs.map((i: { file: string }) => i.file)).toContain('examples/monthly/data/2024-04.yaml');
  });

  it('--set overrides a nested Chinese key and keeps its type', async () => {
    const dir = makeProject({
      'report.yaml': 'title: 测试\nindicators: data.yaml\nsections: [s.md]\noutput: {formats: [docx]}\n',
      'data.yaml': '产值:\n  本期: 1\n',
      's.md': '产值{{num 产值.本期 2}}亿元。\n',
    });
    expect(runReport(['build', '.', '--set', '产值.本期=48.625'], { cwd: dir }).status).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'out', 'report.docx')));
    expect(await zip.file('word/document.xml')!.async('string')).toContain('48.63');
  });

  it('a failed build leaves the previous good output in place', () => {
    const dir = makeProject({});
    cpSync(join(REPO, 'examples', 'town-report'), dir, { recursive: true, filter: (source) => !source.includes(`${join('town-report', 'out')}`) });
    expect(runReport(['build', '.', '--format', 'docx'], { cwd: dir }).status).toBe(0);
    const before = readFileSync(join(dir, 'out', 'town-report.docx'));
    expect(runReport(['build', '.', '--format', 'docx', '--set', '镇名=XX'], { cwd: dir }).status).toBe(1);
    expect(readFileSync(join(dir, 'out', 'town-report.docx')).equals(before)).toBe(true);
    expect(readdirSync(join(dir, 'out'))).toEqual(['town-report.docx']);
  });

  it('data that contradicts itself fails the build at the YAML line; text that disagrees warns, and fails with --strict', () => {
    const dir = makeProject({
      'report.yaml': 'title: 测试\nindicators: data.yaml\nsections: [s.md]\noutput: {formats: [docx]}\n',
      'data.yaml': '产值:\n  本期: 48.62\n  上年同期: 45.27\n  增速: 9.1\n',
      's.md': '全镇产值{{产值.本期}}亿元，同比增长{{产值.增速}}%。\n',
    });
    const contradiction = runReport(['build', '.'], { cwd: dir });
    expect(contradiction.status).toBe(1);
    expect(contradiction.stderr).toMatch(/^data\.yaml:4:\d+: /m);
    expect(existsSync(join(dir, 'out'))).toBe(false);

    const typed = makeProject({
      'report.yaml': 'title: 测试\nindicators: data.yaml\nsections: [s.md]\noutput: {formats: [docx]}\n',
      'data.yaml': '产值: {value: 48.62, unit: 亿元, previous: 45.27}\n',
      's.md': '全镇产值{{产值}}，同比增长9.1%。\n',
    });
    const warned = runReport(['build', '.'], { cwd: typed });
    expect(warned.status).toBe(0);
    expect(warned.stderr).toMatch(/^s\.md:1:\d+: .*\(warning\)$/m);
    const strict = runReport(['build', '.', '--strict'], { cwd: typed });
    expect(strict.status).toBe(1);
  });

  it('report fonts resolves as the build does: a font file named in report.yaml serves its role', () => {
    const dir = makeProject({
      'report.yaml': 'title: 测试\nsections: [s.md]\nfonts:\n  heading1: lic/heiti.ttf\n',
      's.md': '正文。\n',
    });
    cpSync(join(REPO, 'node_modules', '@expo-google-fonts', 'noto-sans-sc', '400Regular', 'NotoSansSC_400Regular.ttf'), join(dir, 'lic', 'heiti.ttf'));
    const result = runReport(['fonts', '.'], { cwd: dir });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^heading1 +ok +wants 黑体; uses Noto Sans SC .*\[configured\]$/m);
    expect(result.stdout).toContain(join(dir, 'lic', 'heiti.ttf'));
  });

  it('refuses a title over 200 characters at its report.yaml line, at once (it used to take minutes)', () => {
    const dir = makeProject({
      'report.yaml': `title: ${'关于进一步加强安全生产工作'.repeat(20)}\nsections: [s.md]\n`,
      's.md': '正文。\n',
    });
    const started = Date.now();
    const result = runReport(['build', '.'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe('report.yaml:1:8: the title is 260 characters long; a title may have at most 200 (put the rest in the body)');
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
