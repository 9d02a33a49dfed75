/**
 * examples/monthly/.github/workflows/monthly-report.yml is valid GitHub Actions YAML and every
 * shell command in it runs here: the steps are executed in a copy of the project, with
 * `npx report` pointing at this checkout and the workflow's expressions filled in.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers/cli.js';

const WORKFLOW = join(REPO, 'examples', 'monthly', '.github', 'workflows', 'monthly-report.yml');

interface Step { name?: string; uses?: string; run?: string; with?: Record<string, unknown>; if?: string; env?: Record<string, unknown> }

/** The workflow's expressions as a manual run for 2024-05 would fill them. */
const fill = (text: string) => text.replace(/\$\{\{\s*(github\.event\.)?inputs\.period\s*\}\}/g, '2024-05').replace(/\$\{\{[^}]*\}\}/g, '');

describe('the monthly CI example', () => {
  const workflow = parse(readFileSync(WORKFLOW, 'utf8')) as { on: Record<string, unknown>; jobs: Record<string, { 'runs-on': string; steps: Step[] }> };

  it('is a workflow with a manual trigger, a schedule and one job of valid steps', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['workflow_dispatch', 'schedule']));
    const [job] = Object.values(workflow.jobs);
    expect(job['runs-on']).toBe('ubuntu-latest');
    for (const step of job.steps) expect(Boolean(step.uses) !== Boolean(step.run), JSON.stringify(step)).toBe(true);
    const uses = job.steps.filter((s) => s.uses).map((s) => s.uses);
    expect(uses).toEqual(expect.arrayContaining(['actions/checkout@v6', 'actions/setup-node@v6', 'actions/upload-artifact@v7', 'github/codeql-action/upload-sarif@v4']));
  });

  it('runs every command: lints to SARIF, builds the month and leaves the artefacts to upload', () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-monthly-'));
    cpSync(join(REPO, 'examples', 'monthly'), dir, { recursive: true, filter: (source) => !source.endsWith(`${join('monthly', 'out')}`) });
    const githubEnv = join(dir, '.github-env');
    writeFileSync(githubEnv, '');
    const bin = join(dir, '.bin');
    cpSync(join(REPO, 'test', 'fixtures', 'npx-report.sh'), join(bin, 'npx'));
    const env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, REPORT_BIN: join(REPO, 'bin', 'report'), GITHUB_ENV: githubEnv, NO_COLOR: '1' };
    const [job] = Object.values(workflow.jobs);
    for (const step of job.steps.filter((s) => s.run)) {
      if (step.run!.trim() === 'npm ci') continue; // installs `report` in the user's repository; here it is this checkout
      const script = fill(step.run!);
      const exported = Object.fromEntries(readFileSync(githubEnv, 'utf8').split('\n').filter(Boolean).map((line) => {
        const eq = line.indexOf('=');
        expect(eq, `GITHUB_ENV line ${line}`).toBeGreaterThan(0);
        return [line.slice(0, eq), line.slice(eq + 1)];
      }));
      // The step's own env (the period input goes through env, not into the script).
      const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, fill(String(v))]));
      const result = spawnSync('bash', ['-eo', 'pipefail', '-c', script], { cwd: dir, env: { ...env, ...exported, ...stepEnv }, encoding: 'utf8' });
      expect(result.status, `${step.name}: ${result.stderr}`).toBe(0);
    }
    const sarif = JSON.parse(readFileSync(join(dir, 'report-lint.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['2024-05-经济运行月报.docx', '2024-05-经济运行月报.pdf']);
    expect(JSON.parse(readFileSync(join(dir, 'build-summary.json'), 'utf8')).ok).toBe(true);
  });
});
