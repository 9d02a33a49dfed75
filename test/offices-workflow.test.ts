/**
 * examples/offices/.github/workflows/office-reports.yml, the CI-matrix example: valid workflow
 * YAML whose plan step, run here, splits the office projects into shards, and whose build
 * command, run on a shard with this checkout's report, writes every office's outputs.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO } from './helpers/cli.js';

const EXAMPLE = join(REPO, 'examples', 'offices');
const WORKFLOW = join(EXAMPLE, '.github', 'workflows', 'office-reports.yml');

interface Step { name?: string; uses?: string; run?: string; id?: string }
interface Job { needs?: string; strategy?: { 'fail-fast': boolean; matrix: { shard: string } }; steps: Step[] }

const workflow = parse(readFileSync(WORKFLOW, 'utf8')) as { env: Record<string, string>; jobs: Record<string, Job> };
const work = mkdtempSync(join(tmpdir(), 'report-offices-'));
cpSync(EXAMPLE, work, { recursive: true });
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the CI-matrix example', () => {
  it('plans shards, builds each shard as a matrix job that does not stop the others, then collects', () => {
    expect(Object.keys(workflow.jobs)).toEqual(['plan', 'build', 'collect']);
    expect(workflow.jobs.build.needs).toBe('plan');
    expect(workflow.jobs.build.strategy?.['fail-fast']).toBe(false);
    expect(workflow.jobs.build.strategy?.matrix.shard).toBe('${{ fromJSON(needs.plan.outputs.shards) }}');
    for (const job of Object.values(workflow.jobs)) for (const step of job.steps) expect(Boolean(step.uses) !== Boolean(step.run), JSON.stringify(step)).toBe(true);
  });

  it('runs the plan step and a shard build: every office of the shard gets its DOCX and PDF', () => {
    const plan = workflow.jobs.plan.steps.find((s) => s.id === 'shards')!;
    const output = join(work, 'github-output');
    const planned = spawnSync('bash', ['-e', '-c', plan.run!], { cwd: work, encoding: 'utf8', env: { ...process.env, ...workflow.env, GITHUB_OUTPUT: output } });
    expect(planned.status, planned.stderr).toBe(0);
    const shards = JSON.parse(/^shards=(.*)$/m.exec(readFileSync(output, 'utf8'))![1]) as string[];
    expect(shards).toEqual(['offices/east offices/west']);

    const step = workflow.jobs.build.steps.find((s) => s.run?.includes('report build'))!;
    const command = step.run!
      .replace('npx report', `${JSON.stringify(process.execPath)} ${JSON.stringify(join(REPO, 'bin', 'report'))}`)
      .replace('${{ matrix.shard }}', shards[0])
      .replace('${{ strategy.job-index }}', '0');
    const built = spawnSync('bash', ['-e', '-c', command], { cwd: work, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(built.status, built.stderr).toBe(0);
    for (const office of ['east', 'west']) {
      expect(existsSync(join(work, 'reports', office, `${office}-2024h1.pdf`))).toBe(true);
      expect(existsSync(join(work, 'reports', office, `${office}-2024h1.docx`))).toBe(true);
    }
    const summary = JSON.parse(readFileSync(join(work, 'reports-summary-0.json'), 'utf8')) as { ok: boolean; projects: unknown[] };
    expect(summary.ok).toBe(true);
    expect(summary.projects).toHaveLength(2);
  }, 120_000);
});
