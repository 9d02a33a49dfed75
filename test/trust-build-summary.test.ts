/**
 * Issue 16, "say what lint would say" and "lint in the places users run it": the build's one line
 * per rule, report.yaml `lint.fixInOutput`, and project discovery from files and subfolders.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runReport } from './helpers/cli.js';
import { makeProject } from './helpers/project.js';
import { buildIn, lintIn, project, REPORT_YAML } from './helpers/trust.js';

const HALF_WIDTH = '今年以来,全镇各项工作稳步推进;完成投资12亿元(同比增长8%)。\n';

describe('after a build, one line per lint rule with findings', () => {
  it('counts half-width punctuation and says how to fix it; the JSON summary carries the same', async () => {
    const dir = project(HALF_WIDTH, '未用: 1\n');
    const build = await buildIn(dir, { json: true });
    expect(build.code).toBe(0);
    expect(build.summary?.lint).toEqual([
      { rule: 'unused-indicator', count: 1, label: 'indicators no section uses', fixable: false, fixedInOutput: false },
      { rule: 'punctuation', count: 4, label: 'half-width punctuation in Chinese text', fixable: true, fixedInOutput: false },
    ]);
    const shown = await buildIn(dir);
    expect(shown.lines.filter((l) => l.startsWith('report: '))).toEqual([
      'report: 1 × indicators no section uses — report lint lists them',
      'report: 4 × half-width punctuation in Chinese text — report lint --fix rewrites them',
    ]);
    expect(readFileSync(join(dir, 'out', 'report.txt'), 'utf8')).toContain('今年以来,全镇');
  });

  it('lint.fixInOutput: [punctuation] prints the fixed text; the source stays as written', async () => {
    const dir = project(HALF_WIDTH, '{}\n', { 'report.yaml': `${REPORT_YAML}lint: {fixInOutput: [punctuation]}\n` });
    const build = await buildIn(dir);
    expect(build.code).toBe(0);
    expect(build.lines).toContain('report: 4 × half-width punctuation in Chinese text — fixed in the outputs (lint.fixInOutput); the sources still hold them');
    expect(readFileSync(join(dir, 'out', 'report.txt'), 'utf8')).toContain('今年以来，全镇各项工作稳步推进；完成投资12亿元（同比增长8%）。');
    expect(readFileSync(join(dir, 'sections', '01.md'), 'utf8')).toBe(HALF_WIDTH);
  });

  it('fixInOutput names only fixable rules, checked at its line', async () => {
    const dir = project('正文。\n', '{}\n', { 'report.yaml': `${REPORT_YAML}lint:\n  fixInOutput: [placeholder]\n` });
    expect((await buildIn(dir)).lines).toEqual(['report.yaml:6:17: `lint.fixInOutput` lists rules whose fixes the build prints; "placeholder" is not one (fixable rules: punctuation, number-format)']);
  });
});

describe('the project is found upwards from a file or a subfolder', () => {
  const files = () => project('{{产值}}亿元,增长XX%。\n', '产值: 12\n', { 'sections/notes.md': '备忘XX。\n', 'other/readme.md': '说明,文字。\n' });

  it('report lint sections/01.md uses the project\'s data and settings, and reports only that file', async () => {
    const dir = files();
    writeFileSync(join(dir, 'report.yaml'), `${REPORT_YAML}lint: {rules: {punctuation: error}}\n`);
    const { code, findings } = await lintIn(join(dir, 'sections'), ['01.md']);
    expect(code).toBe(1);
    expect(findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule} ${f.severity}`)).toEqual([
      '01.md:1:9 punctuation error', '01.md:1:12 placeholder error',
    ]);
    const data = await lintIn(dir, ['indicators.yaml']);
    expect(data.findings).toEqual([]);
  });

  it('Markdown of the project folder that is no section is linted with the project settings', async () => {
    const dir = files();
    writeFileSync(join(dir, 'report.yaml'), `${REPORT_YAML}lint: {rules: {punctuation: off}}\n`);
    const { findings } = await lintIn(dir, ['other/readme.md']);
    expect(findings).toEqual([]);
  });

  it('report build from a subfolder builds the project', () => {
    const dir = files();
    writeFileSync(join(dir, 'sections', '01.md'), '产值{{产值}}亿元。\n');
    const result = runReport(['build'], { cwd: join(dir, 'sections') });
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/^notes\.md:1:3: unfilled blank "XX"$/m);
    writeFileSync(join(dir, 'sections', 'notes.md'), '备忘。\n');
    const built = runReport(['build'], { cwd: join(dir, 'sections') });
    expect(built.status, built.stderr).toBe(0);
    expect(readFileSync(join(dir, 'out', 'report.txt'), 'utf8')).toContain('产值12亿元。');
  });

  it('outside any project a Markdown file is linted on its own, and a YAML file is refused', async () => {
    const dir = makeProject({ 'loose.md': '产值XX亿元。\n', 'data.yaml': 'a: 1\n' });
    const loose = await lintIn(dir, ['loose.md']);
    expect(loose.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule}`)).toEqual(['loose.md:1:3 placeholder']);
    const data = await lintIn(dir, ['data.yaml']);
    expect([data.code, data.stderr.trim()]).toEqual([2, 'data.yaml: not inside a project (no report.yaml in its folder or above)']);
  });
});
