import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLint, type LintCommandOptions } from '../src/cli/lint-command.js';
import { makeProject } from './helpers/project.js';
import { runReport } from './helpers/cli.js';

async function run(paths: string[], options: LintCommandOptions & { cwd: string }) {
  let stdout = '';
  let stderr = '';
  const code = await runLint(paths, { color: false, ...options, stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
  return { code, stdout, stderr };
}

describe('report lint command', () => {
  it('exits 0 on a clean file, 1 on errors, and 1 on warnings only beyond --max-warnings', async () => {
    const dir = makeProject({ 'clean.md': '全年完成投资12.6亿元。\n', 'blank.md': '全年完成投资XX亿元。\n', 'warn.md': '全年完成投资,增长较快。\n' });
    expect((await run(['clean.md'], { cwd: dir })).code).toBe(0);
    expect((await run(['blank.md'], { cwd: dir })).code).toBe(1);
    expect((await run(['warn.md'], { cwd: dir })).code).toBe(0);
    const strictRun = await run(['warn.md'], { cwd: dir, maxWarnings: 0 });
    expect(strictRun.code).toBe(1);
    expect(strictRun.stderr).toContain('1 warnings, more than --max-warnings 0');
    expect((await run(['warn.md'], { cwd: dir, maxWarnings: 1 })).code).toBe(0);
  });

  it('exits 2 with one line for a missing path or an unknown format', async () => {
    const dir = makeProject({ 'a.md': '中文\n' });
    const missing = await run(['nope.md'], { cwd: dir });
    expect([missing.code, missing.stderr]).toEqual([2, 'nope.md: no such file or directory\n']);
    const format = await run(['a.md'], { cwd: dir, format: 'xml' });
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/^--format: unknown format "xml"/);
  });

  it('--fix rewrites half-width punctuation in the file, reports what remains, and a second run changes nothing', async () => {
    const dir = makeProject({ 'a.md': '2023年, 全镇工作如下:\n\n一是(抓项目),完成XX亿元。代码`a,b`不变。\n' });
    const first = await run(['a.md'], { cwd: dir, fix: true, format: 'json' });
    const fixed = readFileSync(join(dir, 'a.md'), 'utf8');
    expect(fixed).toBe('2023年，全镇工作如下：\n\n一是（抓项目），完成XX亿元。代码`a,b`不变。\n');
    expect(JSON.parse(first.stdout).map((f: { rule: string; text: string }) => `${f.rule} ${f.text}`)).toEqual(['placeholder XX']);
    await run(['a.md'], { cwd: dir, fix: true });
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe(fixed);
  });

  it('lints every Markdown file of a directory without report.yaml', async () => {
    const dir = makeProject({ 'docs/a.md': 'XX镇\n', 'docs/sub/b.md': '××村\n', 'docs/c.txt': 'XX\n' });
    const { stdout } = await run(['docs'], { cwd: dir, format: 'json' });
    expect(JSON.parse(stdout).map((f: { file: string }) => f.file)).toEqual(['docs/a.md', 'docs/sub/b.md']);
  });

  it('reports each finding in an attachment file of a project once, and --fix edits it once', async () => {
    // the attachment was linted with the project and again as a Markdown file that is no section
    const dir = makeProject({
      'report.yaml': 'title: 测试\nsections: [s.md]\nattachments:\n  - { title: 产业结构, file: attachments/a.md }\n',
      's.md': '全镇经济运行平稳。\n',
      'attachments/a.md': '全镇产值XX亿元,增长较快。\n',
    });
    for (const path of ['attachments/a.md', 'attachments']) {
      const { stdout } = await run([path], { cwd: dir, format: 'json' });
      expect(JSON.parse(stdout).map((f: { file: string; line: number; column: number; rule: string }) => `${f.file}:${f.line}:${f.column} ${f.rule}`))
        .toEqual(['attachments/a.md:1:5 placeholder', 'attachments/a.md:1:9 punctuation']);
    }
    const fixed = await run(['attachments/a.md'], { cwd: dir, fix: true, format: 'json' });
    expect(readFileSync(join(dir, 'attachments', 'a.md'), 'utf8')).toBe('全镇产值XX亿元，增长较快。\n');
    expect(JSON.parse(fixed.stdout).map((f: { rule: string }) => f.rule)).toEqual(['placeholder']);
  });

  it('prints colour only when allowed: NO_COLOR turns it off in the real command', () => {
    const dir = makeProject({ 'a.md': '完成XX亿元\n' });
    const plain = runReport(['lint', 'a.md'], { cwd: dir, env: { NO_COLOR: '1' } });
    expect(plain.status).toBe(1);
    expect(plain.stdout).toContain('1:3  error    unfilled blank "XX"');
    expect(plain.stdout).not.toMatch(/\x1b\[/);
    const coloured = runReport(['lint', 'a.md'], { cwd: dir, env: { FORCE_COLOR: '1', NO_COLOR: '' } });
    expect(coloured.stdout).toMatch(/\x1b\[31merror/);
  });
});
