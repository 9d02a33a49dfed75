/**
 * The error contract of issue 6: every bad input is one line naming the file (and line:col where
 * there is one), exit 2, no stack trace, the previous outputs untouched and no temporary files.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runReport } from './helpers/cli.js';
import { makeProject } from './helpers/project.js';

const REPORT = 'title: 测试报告\nindicators: data.yaml\nsections:\n  - sections/*.md\noutput:\n  formats: [docx]\n';
const base = {
  'report.yaml': REPORT,
  'data.yaml': '镇名: 云溪镇\n产值: 12.5\n',
  'sections/01-a.md': '# 总结\n\n{{镇名}}产值{{产值}}亿元。\n',
};

function png(width: number, height: number): Buffer {
  const header = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header, 0);
  header.writeUInt32BE(13, 8);
  header.write('IHDR', 12, 'ascii');
  header.writeUInt32BE(width, 16);
  header.writeUInt32BE(height, 20);
  return header;
}

function nestedList(depth: number): string {
  return Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- 第${i + 1}层`).join('\n');
}

type Case = { name: string; files?: Record<string, string | Buffer>; args?: string[]; setup?: (dir: string) => void; expect: RegExp };

const cases: Case[] = [
  { name: 'malformed report.yaml', files: { 'report.yaml': 'title: [测试\nsections: x\n' }, expect: /^report\.yaml:\d+:\d+: YAML syntax error/ },
  { name: 'malformed indicators', files: { 'data.yaml': '产值: 1\n  镇名: x\n' }, expect: /^data\.yaml:\d+:\d+: YAML syntax error/ },
  { name: 'duplicate indicator key', files: { 'data.yaml': '产值: 1\n产值: 2\n' }, expect: /^data\.yaml:2:1: YAML syntax error/ },
  { name: 'section not UTF-8', files: { 'sections/01-a.md': Buffer.from([0x23, 0x20, 0xd7, 0xdc, 0xbd, 0xe1]) }, expect: /^sections\/01-a\.md:1:3: file is not valid UTF-8 \(byte offset 2\)/ },
  { name: 'missing section file', files: { 'report.yaml': 'title: a\nsections:\n  - sections/none.md\n' }, expect: /^report\.yaml:3:5: section file "sections\/none\.md" not found$/ },
  { name: 'glob matching nothing', files: { 'report.yaml': 'title: a\nsections:\n  - chapters/*.md\n' }, expect: /^report\.yaml:3:5: section glob "chapters\/\*\.md" matches no file$/ },
  { name: 'unknown key with did-you-mean', files: { 'report.yaml': `${REPORT}outptu: {}\n` }, expect: /^report\.yaml:7:1: unknown key "outptu" in report\.yaml; did you mean "output"\?$/ },
  { name: 'wrong type for sections', files: { 'report.yaml': 'title: a\nsections: foo\n' }, expect: /^report\.yaml:2:11: `sections` must be a list/ },
  { name: 'report.yaml is a list', files: { 'report.yaml': '- a\n- b\n' }, expect: /^report\.yaml:1:1: report\.yaml must be a mapping/ },
  { name: 'empty report.yaml', files: { 'report.yaml': '' }, expect: /^report\.yaml: report\.yaml is empty/ },
  { name: 'title missing', files: { 'report.yaml': 'sections: [sections/*.md]\n' }, expect: /^report\.yaml:1:1: report\.yaml needs a `title`/ },
  { name: 'bad date', files: { 'report.yaml': `${REPORT}date: 2024-13-45\n` }, expect: /^report\.yaml:7:7: `date`: 2024-13-45 is not a real date/ },
  { name: 'unknown output format', files: { 'report.yaml': 'title: a\nsections: [sections/*.md]\nindicators: data.yaml\noutput: {formats: [odt]}\n' }, expect: /^report\.yaml:4:20: unknown output format "odt"/ },
  { name: 'unknown template', files: { 'report.yaml': `${REPORT}template: hongtou\n` }, expect: /^report\.yaml: unknown template "hongtou" \(built-in templates: gongwen, jiyao, qingshi, tongzhi, xinhan\)$/ },
  { name: 'missing indicator file', files: { 'report.yaml': 'title: a\nindicators: nums.yaml\nsections: [sections/*.md]\n' }, expect: /^report\.yaml:2:13: indicator file "nums\.yaml" not found$/ },
  { name: 'indicators not a mapping', files: { 'data.yaml': '- 1\n- 2\n' }, expect: /^data\.yaml:1:1: indicators must be a mapping/ },
  { name: 'missing indicator', files: { 'sections/01-a.md': '# 总结\n\n产值{{产量}}亿元。\n' }, expect: /^sections\/01-a\.md:3:3: missing indicator "产量"/ },
  { name: 'template syntax error', files: { 'sections/01-a.md': '正文\n{{#if 产值}}未闭合\n' }, expect: /^sections\/01-a\.md:\d+:\d+: template syntax error/ },
  { name: 'unknown helper', files: { 'sections/01-a.md': '增长{{percent 产值}}\n' }, expect: /^sections\/01-a\.md:1:3: unknown helper "percent"/ },
  { name: 'helper error', files: { 'sections/01-a.md': '\n增长{{pct 镇名}}\n' }, expect: /^sections\/01-a\.md:2:3: pct: expected a number, got "云溪镇"$/ },
  { name: 'prototype access', files: { 'sections/01-a.md': '{{constructor.constructor}}\n' }, expect: /^sections\/01-a\.md:1:3: .*not allowed/ },
  { name: 'missing image', files: { 'sections/01-a.md': '正文\n\n![图](img/chart.png)\n' }, expect: /^sections\/01-a\.md:3:1: image "img\/chart\.png" not found$/ },
  { name: 'image too large', files: { 'sections/01-a.md': '![图](big.png)\n', 'sections/big.png': png(40000, 300) }, expect: /^sections\/01-a\.md:1:1: image "big\.png" is 40000 × 300 pixels; the limit is 10000/ },
  { name: 'path traversal', files: { 'report.yaml': 'title: a\nsections:\n  - ../../etc/passwd\n' }, expect: /^report\.yaml:3:5: section file "\.\.\/\.\.\/etc\/passwd" is outside the project directory$/ },
  { name: 'absolute section path', files: { 'report.yaml': 'title: a\nsections:\n  - /etc/hostname\n' }, expect: /^report\.yaml:3:5: section file "\/etc\/hostname" is an absolute path/ },
  { name: 'symlink leaving the project', setup: (dir) => symlinkSync('/etc', join(dir, 'sections', 'etc')), files: { 'report.yaml': 'title: a\nsections:\n  - sections/etc/hostname\n' }, expect: /^report\.yaml:3:5: section file "sections\/etc\/hostname" is outside the project directory$/ },
  { name: 'output name with a folder', files: { 'report.yaml': `${REPORT.replace('output:\n', 'output:\n  name: ../x\n')}` }, expect: /^report\.yaml:6:9: output name "\.\.\/x" must be a plain file name/ },
  { name: 'output dir is a file', files: { 'report.yaml': REPORT.replace('output:\n', 'output:\n  dir: taken\n'), taken: 'a file' }, expect: /^taken: (cannot create the output directory|output path is not a directory)/ },
  { name: 'output dir outside the project', files: { 'report.yaml': REPORT.replace('output:\n', 'output:\n  dir: ../elsewhere\n') }, expect: /^report\.yaml:6:8: output directory "\.\.\/elsewhere" is outside the project directory$/ },
  { name: 'nested 100 levels deep', files: { 'sections/01-a.md': nestedList(100) }, expect: /^sections\/01-a\.md:\d+:\d+: content is nested more than 50 levels deep/ },
  { name: 'missing font file', files: { 'report.yaml': 'title: a\nindicators: data.yaml\nsections: [sections/*.md]\nfonts:\n  body: fonts/仿宋_GB2312.ttf\noutput: {formats: [pdf]}\n' }, expect: /^report\.yaml:5:9: fonts\.body: font file "fonts\/仿宋_GB2312\.ttf" not found$/ },
  { name: 'font file that is not a font', files: { 'report.yaml': 'title: a\nindicators: data.yaml\nsections: [sections/*.md]\nfonts:\n  body: fonts/body.ttf\noutput: {formats: [pdf]}\n', 'fonts/body.ttf': 'not a font' }, expect: /^fonts\/body\.ttf: not a TrueType\/OpenType font \(fonts\.body in report\.yaml\)$/ },
  { name: '--set without a value', args: ['--set', '产值'], expect: /^--set: expected key=value, got "产值"$/ },
  { name: 'unknown --format', args: ['--format', 'odt'], expect: /^--format: unknown format "odt"/ },
  { name: 'missing --data file', args: ['--data', 'data/2024-05.yaml'], expect: /^data\/2024-05\.yaml: --data file not found$/ },
];

describe('every bad input is one clear line and exit 2', () => {
  it.each(cases)('$name', ({ files, args = [], setup, expect: pattern }) => {
    const dir = makeProject({ ...base, ...files });
    setup?.(dir);
    mkdirSync(join(dir, 'out'), { recursive: true });
    writeFileSync(join(dir, 'out', 'report.docx'), 'previous good output');
    const result = runReport(['build', '.', ...args], { cwd: dir });
    const lines = result.stderr.trim().split('\n');
    expect(result.status, result.stderr).toBe(2);
    expect(lines, result.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(pattern);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(join(dir, 'out', 'report.docx'), 'utf8')).toBe('previous good output');
    expect(readdirSync(join(dir, 'out'))).toEqual(['report.docx']);
  });

  it('a project directory without report.yaml', () => {
    const dir = makeProject({ 'notes.md': 'x' });
    const result = runReport(['build', dir]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toMatch(/report\.yaml: no report\.yaml in /);
  });

  it('--debug adds the stack trace', () => {
    const dir = makeProject({ ...base, 'sections/01-a.md': '{{产量}}' });
    const result = runReport(['build', '.', '--debug'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/\n\s+at /);
  });

  it('a BOM and CRLF line endings simply work', () => {
    const dir = makeProject({
      ...base,
      'report.yaml': `\uFEFF${REPORT.replace(/\n/g, '\r\n')}`,
      'data.yaml': '\uFEFF镇名: 云溪镇\r\n产值: 12.5\r\n',
      'sections/01-a.md': '\uFEFF# 总结\r\n\r\n{{镇名}}产值{{产值}}亿元。\r\n',
    });
    const result = runReport(['build', '.'], { cwd: dir });
    expect(result.stderr).toMatch(/wrote out\/report\.docx/);
    expect(result.status).toBe(0);
    expect(existsSync(join(dir, 'out', 'report.docx'))).toBe(true);
  });
});

describe('usage errors', () => {
  it('an unknown option or command is one line and exit 2', () => {
    for (const args of [['build', '--bogus'], ['frob'], ['lint', '--format', 'xml']]) {
      const result = runReport(args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n'), result.stderr).toHaveLength(1);
      expect(result.stderr).toMatch(/^report: .*\(see report --help\)\n$/);
    }
  });

  it('--help and --version succeed', () => {
    expect(runReport(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = runReport(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/build \[options\] \[dirs\.\.\.\]/);
  });

  it('report init makes a project that builds as a draft, and not as final until its blanks are written', () => {
    const parent = makeProject({});
    expect(runReport(['init', 'new-report'], { cwd: parent }).status).toBe(0);
    const final = runReport(['build', 'new-report', '--format', 'docx'], { cwd: parent });
    expect(final.status, final.stderr).toBe(1);
    expect(final.stderr).toMatch(/01-summary\.md:7:\d+: unfilled blank "……（在此填写）"/);
    expect(existsSync(join(parent, 'new-report', 'out', 'report.docx'))).toBe(false);
    const draft = runReport(['build', 'new-report', '--format', 'docx', '--draft'], { cwd: parent });
    expect(draft.status, draft.stderr).toBe(0);
    expect(existsSync(join(parent, 'new-report', 'out', 'report.docx'))).toBe(true);
    expect(runReport(['init', 'new-report'], { cwd: parent }).status).toBe(2);
  });
});

describe('output errors', () => {
  it('an output directory that cannot be created is one line and exit 2, without hanging', () => {
    const result = runReport(['build', 'examples/town-report', '--format', 'docx', '--out', '/proc/report-out']);
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe('/proc/report-out: cannot create the output directory: no such file or directory');
  });

  const tiny = mkdtempSync(join(tmpdir(), 'report-full-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', tiny]).status === 0;
  afterAll(() => {
    if (mounted) spawnSync('umount', [tiny]);
  });

  it.skipIf(!mounted)(`a full disk is one line and exit 2, leaving no temporary file${mounted ? '' : ' (skipped: cannot mount a small tmpfs here)'}`, () => {
    const result = runReport(['build', 'examples/town-report', '--out', tiny]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toMatch(/: cannot write output: no space left on device$/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(readdirSync(tiny)).toEqual([]);
  });
});
