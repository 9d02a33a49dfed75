/**
 * CI output through the real CLI: SARIF rules carry fullDescription, help and helpUri; a run
 * that stops on an input error still writes SARIF (with a notification); --output-file lints
 * once for the file and the log; `compact` reads as ESLint's; colour off for FORCE_COLOR=0 and
 * --no-color; no EPIPE trace into `head`; the example workflow passes the period through env
 * and refuses one that is not YYYY-MM.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REPO, runReport } from './helpers/cli.js';
import { makeProject } from './helpers/project.js';
import { DOCS_URL, helpUri } from '../src/lint/formatters/sarif.js';
import { RULES } from '../src/lint/rules/index.js';

const base = {
  'report.yaml': 'title: 测试报告\nindicators: data.yaml\nsections:\n  - sections/*.md\n',
  'data.yaml': '镇名: 云溪镇\n产值: 12.5\n',
  'sections/01-a.md': '# 总结\n\n{{镇名}}产值{{产值}}亿元,完成XX。\n',
};

describe('SARIF', () => {
  it('rules have fullDescription, help and helpUri, in the reader\'s language', () => {
    const dir = makeProject(base);
    for (const [lang, pattern] of [['C', /^[\x20-\x7e]/], ['zh_CN.UTF-8', /[\u4e00-\u9fff]/]] as const) {
      const result = runReport(['lint', '.', '--format', 'sarif'], { cwd: dir, env: { LANG: lang } });
      expect(result.status).toBe(1);
      const run = JSON.parse(result.stdout).runs[0];
      for (const rule of run.tool.driver.rules) {
        expect(rule.fullDescription.text, rule.id).toBeTruthy();
        expect(rule.help.text, rule.id).toMatch(pattern);
        expect(rule.helpUri, rule.id).toMatch(/^https:\/\//);
      }
      expect(run.invocations[0].executionSuccessful).toBe(true);
      expect(run.results.length).toBeGreaterThan(0);
    }
  });

  it('a run stopped by an input error (exit 2) still writes SARIF with a notification', () => {
    const dir = makeProject({ ...base, 'data.yaml': '产值: 1\n产值: 2\n' });
    const result = runReport(['lint', '.', '--format', 'sarif', '--output-file', 'out/lint.sarif'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^data\.yaml:2:1: YAML syntax error: duplicate key "产值"/);
    const log = JSON.parse(readFileSync(join(dir, 'out', 'lint.sarif'), 'utf8'));
    const schema = JSON.parse(readFileSync(join(REPO, 'test', 'fixtures', 'lint', 'sarif-2.1.0-subset.schema.json'), 'utf8'));
    const validate = new Ajv({ strict: true, strictRequired: false, allErrors: true }).compile(schema);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const run = log.runs[0];
    expect(run.results).toEqual([]);
    expect(run.invocations[0].executionSuccessful).toBe(false);
    const [note] = run.invocations[0].toolExecutionNotifications;
    expect(note.level).toBe('error');
    expect(note.message.text).toMatch(/duplicate key/);
    expect(note.locations[0].physicalLocation.artifactLocation.uri).toBe('data.yaml');
    expect(note.locations[0].physicalLocation.region).toEqual({ startLine: 2, startColumn: 1 });
  });
});

describe('--output-file', () => {
  it('writes the format to the file and lists the findings on the terminal, from one lint', () => {
    const dir = makeProject(base);
    const result = runReport(['lint', '.', '--format', 'json', '--output-file', 'lint.json'], { cwd: dir });
    expect(result.status).toBe(1);
    const findings = JSON.parse(readFileSync(join(dir, 'lint.json'), 'utf8'));
    expect(findings.map((f: { rule: string }) => f.rule)).toEqual(expect.arrayContaining(['placeholder', 'punctuation']));
    expect(result.stdout).toMatch(/sections\/01-a\.md\n/);
    expect(result.stdout).toMatch(/✖ \d+ problems/);
  });

  it('a file that cannot be written is one line and exit 2', () => {
    const dir = makeProject({ ...base, blocked: 'a file' });
    const result = runReport(['lint', '.', '--output-file', 'blocked/lint.txt'], { cwd: dir });
    expect(result.status).toBe(2);
    // the build's own output writer names the path in the way: the file where a folder must be
    expect(result.stderr.trim()).toBe('blocked: output path is not a directory');
  });
});

describe('compact', () => {
  it('prints ESLint\'s compact lines that problem matchers read', () => {
    const dir = makeProject(base);
    const result = runReport(['lint', '.', '--format', 'compact'], { cwd: dir });
    expect(result.status).toBe(1);
    const lines = result.stdout.split('\n').filter((l) => l.includes(' - '));
    expect(lines.length).toBeGreaterThan(1);
    // GitHub's eslint-compact matcher: ^(.+):\sline\s(\d+),\scol\s(\d+),\s(Error|Warning|Info)\s-\s(.+)\s\((.+)\)$
    const matcher = /^(.+):\sline\s(\d+),\scol\s(\d+),\s(Error|Warning|Info)\s-\s(.+)\s\((.+)\)$/;
    for (const line of lines) expect(line).toMatch(matcher);
    expect(lines.some((l) => /^sections\/01-a\.md: line 3, col \d+, Error - unfilled blank "XX".* \(placeholder\)$/.test(l))).toBe(true);
  });
});

describe('colour', () => {
  const escape = '\u001b[';
  it.each([
    [{ FORCE_COLOR: '0', NO_COLOR: '' }, []], [{ FORCE_COLOR: '1', NO_COLOR: '' }, ['--no-color']], [{ NO_COLOR: '1' }, []],
  ])('%o %o: no escape codes', (env, args) => {
    const dir = makeProject(base);
    const result = runReport(['lint', '.', ...args], { cwd: dir, env: env as Record<string, string> });
    expect(result.stdout).toMatch(/placeholder/);
    expect(result.stdout).not.toContain(escape);
  });

  it('FORCE_COLOR=1 colours even into a pipe', () => {
    const dir = makeProject(base);
    expect(runReport(['lint', '.'], { cwd: dir, env: { FORCE_COLOR: '1', NO_COLOR: '' } }).stdout).toContain(escape);
  });
});

describe('a closed pipe', () => {
  it('report lint … | head -1 ends without a stack trace', () => {
    // Enough findings that the output outlives the pipe buffer.
    const dir = makeProject({ ...base, 'sections/01-a.md': `# 总结\n\n${'产值XX亿元,完成XX。\n\n'.repeat(3000)}` });
    const result = spawnSync('bash', ['-o', 'pipefail', '-c', `node ${JSON.stringify(join(REPO, 'bin', 'report'))} lint . --format compact | head -1`], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(result.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(result.stderr).not.toMatch(/EPIPE|\n\s+at /);
  });
});

describe('the example workflow', () => {
  const file = join(REPO, 'examples', 'monthly', '.github', 'workflows', 'monthly-report.yml');
  const steps = (parse(readFileSync(file, 'utf8')) as { jobs: Record<string, { steps: Array<{ name?: string; run?: string; env?: Record<string, string> }> }> }).jobs.report.steps;
  const choose = steps.find((s) => s.name === 'Choose the period')!;

  it('takes the period through env, never pasted into a script', () => {
    for (const step of steps) expect(step.run ?? '', step.name).not.toMatch(/\$\{\{/);
    expect(choose.env?.PERIOD_INPUT).toMatch(/inputs\.period/);
  });

  it.each(['2024-5', '2024-13', '2024-05; rm -rf /', '$(id)', '../2024-05'])('refuses the period %j', (period) => {
    const dir = makeProject({ 'data/2024-05.yaml': 'x: 1\n' });
    const result = spawnSync('bash', ['-e', '-c', choose.run!], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH!, PERIOD_INPUT: period, GITHUB_ENV: join(dir, 'env') } });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/::error title=period::/);
    expect(existsSync(join(dir, 'env'))).toBe(false);
  });
});

describe('SARIF helpUri', () => {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { name: string };

  it('points at the package page of this package', () => {
    expect(DOCS_URL).toBe(`https://www.npmjs.com/package/${pkg.name}`);
  });

  it.each([...RULES.map((r) => r.meta.id), 'yaml-syntax', 'config'])('%s: its anchor exists in the README', (id) => {
    const uri = helpUri(id, { rules: RULES.map((r) => r.meta) });
    const anchor = uri.slice(uri.indexOf('#') + 1);
    expect(uri.startsWith(`${DOCS_URL}#`)).toBe(true);
    expect(readme).toContain(`<a id="${anchor}"></a>`);
    if (RULES.some((r) => r.meta.id === id)) expect(anchor).toBe(`rule-${id}`);
  });

  it('the rules of a real SARIF log point at those anchors', () => {
    const dir = makeProject(base);
    const run = JSON.parse(runReport(['lint', '.', '--format', 'sarif'], { cwd: dir }).stdout).runs[0];
    for (const rule of run.tool.driver.rules) expect(readme, rule.id).toContain(`<a id="${rule.helpUri.split('#')[1]}"></a>`);
  });
});
