/**
 * Real failures through the real CLI in both languages: under LANG=zh_CN.UTF-8 every line a user
 * reads is Chinese (no English sentence left over), under LANG=C (and with LANG unset) English.
 * The matrix mirrors cli-errors.test.ts's bad inputs plus lint findings, usage errors and help, so a
 * message added without a catalog entry shows up here as the line that stayed English.
 */
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runReport } from './helpers/cli.js';
import { makeProject } from './helpers/project.js';

const REPORT = 'title: 测试报告\nindicators: data.yaml\nsections:\n  - sections/*.md\noutput:\n  formats: [docx]\n';
const base = { 'report.yaml': REPORT, 'data.yaml': '镇名: 云溪镇\n产值: 12.5\n', 'sections/01-a.md': '# 总结\n\n{{镇名}}产值{{产值}}亿元。\n' };

type Case = { name: string; files?: Record<string, string>; args?: string[]; command?: string[]; setup?: (dir: string) => void };

const cases: Case[] = [
  { name: 'malformed report.yaml', files: { 'report.yaml': 'title: [测试\nsections: x\n' } },
  { name: 'bad indentation', files: { 'data.yaml': '产值: 1\n  镇名: x\n' } },
  { name: 'duplicate key', files: { 'data.yaml': '产值: 1\n产值: 2\n' } },
  { name: 'unquoted {{ value', files: { 'report.yaml': `title: {{镇名}}2024年工作总结\n${REPORT.slice(REPORT.indexOf('\n') + 1)}` } },
  { name: 'full-width colon', files: { 'data.yaml': '镇名: 云溪镇\n镇长：张三\n产值: 12.5\n' } },
  { name: 'unclosed quote', files: { 'data.yaml': '镇名: "云溪镇\n产值: 12.5\n' } },
  { name: 'missing section file', files: { 'report.yaml': 'title: a\nsections:\n  - sections/none.md\n' } },
  { name: 'glob matching nothing', files: { 'report.yaml': 'title: a\nsections:\n  - chapters/*.md\n' } },
  { name: 'unknown key', files: { 'report.yaml': `${REPORT}outptu: {}\n` } },
  { name: 'wrong type for sections', files: { 'report.yaml': 'title: a\nsections: foo\n' } },
  { name: 'report.yaml is a list', files: { 'report.yaml': '- a\n- b\n' } },
  { name: 'empty report.yaml', files: { 'report.yaml': '' } },
  { name: 'title missing', files: { 'report.yaml': 'sections: [sections/*.md]\n' } },
  { name: 'bad date', files: { 'report.yaml': `${REPORT}date: 2024-13-45\n` } },
  { name: 'unknown output format', files: { 'report.yaml': 'title: a\nsections: [sections/*.md]\nindicators: data.yaml\noutput: {formats: [odt]}\n' } },
  { name: 'unknown template', files: { 'report.yaml': `${REPORT}template: hongtou\n` } },
  { name: 'missing indicator file', files: { 'report.yaml': 'title: a\nindicators: nums.yaml\nsections: [sections/*.md]\n' } },
  { name: 'indicators not a mapping', files: { 'data.yaml': '- 1\n- 2\n' } },
  { name: 'missing indicator', files: { 'sections/01-a.md': '# 总结\n\n产值{{产量}}亿元。\n' } },
  { name: 'template syntax error', files: { 'sections/01-a.md': '正文\n{{#if 产值}}未闭合\n' } },
  { name: 'unknown helper', files: { 'sections/01-a.md': '增长{{percent 产值}}\n' } },
  { name: 'helper error', files: { 'sections/01-a.md': '\n增长{{pct 镇名}}\n' } },
  { name: 'prototype access', files: { 'sections/01-a.md': '{{constructor.constructor}}\n' } },
  { name: 'missing image', files: { 'sections/01-a.md': '正文\n\n![图](img/chart.png)\n' } },
  { name: 'path traversal', files: { 'report.yaml': 'title: a\nsections:\n  - ../../etc/passwd\n' } },
  { name: 'absolute section path', files: { 'report.yaml': 'title: a\nsections:\n  - /etc/hostname\n' } },
  { name: 'symlink leaving the project', setup: (dir) => symlinkSync('/etc', join(dir, 'sections', 'etc')), files: { 'report.yaml': 'title: a\nsections:\n  - sections/etc/hostname\n' } },
  { name: 'output name with a folder', files: { 'report.yaml': REPORT.replace('output:\n', 'output:\n  name: ../x\n') } },
  { name: 'output dir outside the project', files: { 'report.yaml': REPORT.replace('output:\n', 'output:\n  dir: ../elsewhere\n') } },
  { name: 'missing font file', files: { 'report.yaml': 'title: a\nindicators: data.yaml\nsections: [sections/*.md]\nfonts:\n  body: fonts/仿宋_GB2312.ttf\noutput: {formats: [pdf]}\n' } },
  { name: 'font file that is not a font', files: { 'report.yaml': 'title: a\nindicators: data.yaml\nsections: [sections/*.md]\nfonts:\n  body: fonts/body.ttf\noutput: {formats: [pdf]}\n', 'fonts/body.ttf': 'not a font' } },
  { name: 'blanks refused by the build', files: { 'sections/01-a.md': '# 总结\n\n产值XX亿元，20xx年。\n' } },
  { name: '--set without a value', args: ['--set', '产值'] },
  { name: 'unknown --format', args: ['--format', 'odt'] },
  { name: 'missing --data file', args: ['--data', 'data/2024-05.yaml'] },
  { name: 'unknown option', args: ['--bogus'] },
  { name: 'lint findings', command: ['lint', '.'], files: { 'sections/01-a.md': '# 总结\n\n产值XX亿元,{{产量}}。\n\n1、 一是\n\n增长 27.77 %。\n' } },
  { name: 'lint --format xml', command: ['lint', '--format', 'xml'] },
  { name: 'lint a missing path', command: ['lint', 'nowhere'] },
  { name: 'lint --max-warnings', command: ['lint', '--max-warnings', '0'], files: { 'data.yaml': '镇名: 云溪镇\n产值: 12.5\n未用: 1\n' } },
];

/** Text with the user's own words taken out: quoted names, paths, {{…}}, options, rule ids. */
function sentenceWords(line: string): string {
  return line
    .replace(/^\S+?:(\d+:\d+:)?\s/, '')
    .replace(/“[^”]*”|"[^"]*"|`[^`]*`|'[^']*'|\{\{[^}]*\}\}/g, ' ')
    .replace(/\([a-z-]+\)$/, ' ')
    .replace(/(--|\.\/|\b)[\w.-]*[./][\w./*-]+|--[\w-]+/g, ' ');
}

const ENGLISH_SENTENCE = /[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}/;
const ENGLISH_WORDS = /[A-Za-z]{2,}[ ,;]+[A-Za-z]+/;
const CJK = /[\u4e00-\u9fff]/;

function run(c: Case, env: Record<string, string>) {
  const dir = makeProject({ ...base, ...c.files });
  c.setup?.(dir);
  const result = runReport([...(c.command ?? ['build', '.']), ...(c.args ?? [])], { cwd: dir, env });
  return [...result.stderr.split('\n'), ...result.stdout.split('\n')].map((l) => l.trim()).filter(Boolean);
}

describe('every failure in the reader\'s language', () => {
  it.each(cases)('$name', (c) => {
    const zh = run(c, { LANG: 'zh_CN.UTF-8', LC_ALL: '' });
    expect(zh.length).toBeGreaterThan(0);
    for (const line of zh) {
      if (/^(\S+\.(md|ya?ml)|data\.yaml)$/.test(line) || /^[^\s:]+$/.test(line)) continue; // a file name heading
      expect(sentenceWords(line), line).not.toMatch(ENGLISH_SENTENCE);
      expect(line, line).toMatch(CJK);
    }
    const en = run(c, { LANG: 'C', LC_ALL: '' });
    expect(en.some((line) => ENGLISH_WORDS.test(sentenceWords(line))), en.join('\n')).toBe(true);
    for (const line of en) expect(sentenceWords(line).replace(/[\u4e00-\u9fff（），。、：；]+/g, ''), line).not.toMatch(/[\u4e00-\u9fff]{3,}/);
  });

  it('--lang overrides the locale both ways', () => {
    const dir = makeProject({ ...base, 'sections/01-a.md': '{{产量}}' });
    expect(runReport(['build', '.', '--lang', 'zh'], { cwd: dir, env: { LANG: 'C' } }).stderr).toMatch(/缺少指标“产量”/);
    expect(runReport(['--lang=en', 'build', '.'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' } }).stderr).toMatch(/missing indicator "产量"/);
  });

  it('with no locale set at all, English (the tests\' and CI images\' default)', () => {
    const dir = makeProject({ ...base, 'sections/01-a.md': '{{产量}}' });
    const result = runReport(['build', '.'], { cwd: dir, env: { LANG: '', LC_ALL: '', LANGUAGE: '' } });
    expect(result.stderr).toMatch(/missing indicator "产量"/);
  });
});

describe('--help in Chinese', () => {
  it.each([[[]], [['build']], [['lint']], [['init']]])('report %s --help', (args) => {
    const zh = runReport([...args, '--help'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.status).toBe(0);
    expect(zh.stdout).toMatch(/^用法：/);
    for (const line of zh.stdout.split('\n').filter((l) => /^\s+-/.test(l))) {
      expect(sentenceWords(line.replace(/^\s+(-\w, )?--[\w-]+( <[^>]+>)?/, '')), line).not.toMatch(ENGLISH_SENTENCE);
    }
    const en = runReport([...args, '--help'], { env: { LANG: 'C' } });
    expect(en.stdout).toMatch(/^Usage:/);
    expect(en.stdout).not.toMatch(CJK.source === '' ? /$^/ : /用法|检查项目|生成为/);
  });
});
