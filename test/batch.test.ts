/**
 * Batch builds through the real CLI: several project folders (given one by one, or as a glob)
 * built on worker threads; one bad project among good ones fails alone, is reported with its
 * one-line error, and sets the exit code, while the others are written.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runReport } from './helpers/cli.js';
import { batchDisplay } from '../src/batch/progress.js';
import { makeProject } from './helpers/project.js';

const project = (name: string, section: string, formats = '[txt]') => ({
  [`${name}/report.yaml`]: `title: ${name}工作总结\nindicators: data.yaml\nsections: [sections/*.md]\ndate: 2024-06-30\noutput: { dir: out, name: ${name}, formats: ${formats} }\n`,
  [`${name}/data.yaml`]: '产值: 12.5\n',
  [`${name}/sections/01.md`]: section,
});

const root = makeProject({
  ...project('east', '东区产值{{产值}}亿元。\n', '[docx, pdf]'),
  ...project('west', '西区产值{{产值}}亿元。\n'),
  ...project('north', '北区产值{{产值}}亿元。\n'),
  ...project('broken', '南区产值{{没有}}亿元。\n'),
  'README.txt': 'not a project: the glob skips it\n',
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('report build with several projects (batch)', () => {
  it('builds the good projects, reports the bad one with its line, exits 2', () => {
    const run = runReport(['build', 'east', 'broken', 'west', 'north', '--jobs', '2'], { cwd: root });
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/^ok {3}east \(\d+\.\d s, 2 file\(s\)\)$/m);
    expect(run.stderr).toMatch(/^FAIL broken \(\d+\.\d s, exit 2\)\n {5}broken\/sections\/01\.md:1:5: missing indicator "没有"/m);
    expect(run.stderr).toMatch(/^report: 3 of 4 project\(s\) built in \d+\.\d s on 2 worker\(s\); failed: broken \(exit 2\)$/m);
    expect(readFileSync(join(root, 'west', 'out', 'west.txt'), 'utf8')).toContain('西区产值12.5亿元。');
    expect(readFileSync(join(root, 'north', 'out', 'north.txt'), 'utf8')).toContain('北区产值12.5亿元。');
    expect(readFileSync(join(root, 'east', 'out', 'east.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(existsSync(join(root, 'east', 'out', 'east.docx'))).toBe(true);
    expect(existsSync(join(root, 'broken', 'out'))).toBe(false);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);

  it('--jobs must be a whole number of 1 or more: a usage error, nothing built (NaN workers built nothing and exited 0)', () => {
    for (const jobs of ['abc', '0', '1.5']) {
      const run = runReport(['build', 'east', 'west', '--jobs', jobs, '--format', 'txt', '--out', join(root, `jobs-${jobs}`)], { cwd: root, env: { LANG: 'C' } });
      expect(run.status, jobs).toBe(2);
      expect(run.stderr.trim()).toBe('--jobs: expected a whole number of projects built at once (1 or more)');
      expect(existsSync(join(root, `jobs-${jobs}`))).toBe(false);
    }
  });

  it('expands a glob to the folders holding report.yaml; --out gives each project its own folder; --json lists every project', () => {
    const out = join(root, 'collected');
    const run = runReport(['build', '*', '--format', 'txt', '--out', out, '--json'], { cwd: root });
    expect(run.status, run.stderr).toBe(2);
    const summary = JSON.parse(run.stdout) as { ok: boolean; projects: Array<{ dir: string; exitCode: number }> };
    expect(summary.ok).toBe(false);
    expect(summary.projects.map((p) => [p.dir, p.exitCode]).sort()).toEqual([['broken', 2], ['east', 0], ['north', 0], ['west', 0]]);
    for (const name of ['east', 'west', 'north']) expect(existsSync(join(out, name, `${name}.txt`))).toBe(true);
    expect(existsSync(join(out, 'broken'))).toBe(false);
  }, 120_000);

  it('exits 0 when every project builds', () => {
    const run = runReport(['build', 'west', 'north'], { cwd: root });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^report: 2 of 2 project\(s\) built in /m);
  }, 120_000);

  it('--quiet: nothing for projects that build; a failed one with its lines and the summary', () => {
    const good = runReport(['build', 'west', 'north', '--format', 'txt', '--quiet'], { cwd: root });
    expect(good.status, good.stderr).toBe(0);
    expect(good.stderr).toBe('');
    const bad = runReport(['build', 'west', 'broken', '--format', 'txt', '--quiet'], { cwd: root });
    expect(bad.status).toBe(2);
    expect(bad.stderr).not.toMatch(/^ok /m);
    expect(bad.stderr).toMatch(/^FAIL broken \(\d+\.\d s, exit 2\)\n {5}broken\/sections\/01\.md:1:5: missing indicator "没有"/m);
    expect(bad.stderr).toMatch(/^report: 1 of 2 project\(s\) built in .*; failed: broken \(exit 2\)$/m);
  }, 120_000);

  it('--quiet on a terminal draws no progress bar', () => {
    let written = '';
    const display = batchDisplay((text) => { written += text; }, true, 2, true);
    display.progress({ done: 1, outcome: { dir: 'west', exitCode: 0, lines: ['wrote west/out/west.txt'], ms: 100, written: 1 } } as never);
    display.summary({ outcomes: [{ dir: 'west', exitCode: 0, lines: [], ms: 100, written: 1 }], ms: 100, workers: 1, exitCode: 0 } as never);
    expect(written).toBe('');
    display.progress({ done: 2, outcome: { dir: 'broken', exitCode: 2, lines: ['broken/report.yaml:1:1: x'], ms: 100, written: 0 } } as never);
    expect(written).not.toContain('[');
    expect(written).toContain('FAIL broken');
    expect(written).toContain('broken/report.yaml:1:1: x');
  });
});
