/**
 * Issue 15, confinement and bounded reads: files whose content can reach the output must lie
 * inside the project (after following symlinks), and only regular files are read — a FIFO, a
 * device or a folder in a file's place is one line at the place that names it, never a hang.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers/cli.js';
import { makeProject } from './helpers/project.js';

const SECRET = '机密内容7731';

/** Run `report` with a short timeout: a hang shows as status null instead of stalling the suite. */
function run(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(REPO, 'bin', 'report'), ...args], { cwd, encoding: 'utf8', timeout: 20_000, env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function expectOneLine(result: { status: number | null; stderr: string }, pattern: RegExp): void {
  expect(result.status, result.stderr).toBe(2);
  expect(result.stderr.trim().split('\n'), result.stderr).toHaveLength(1);
  expect(result.stderr.trim()).toMatch(pattern);
}

/** A project in `root/p` next to a secret in `root/secret.yaml`. */
function monthly(dataFile: string, extra: Record<string, string> = {}): string {
  const root = makeProject({
    'secret.yaml': `口令: ${SECRET}\n`,
    'p/report.yaml': 'title: 月报\nindicators: data/2024-05.yaml\nsections: [sections/*.md]\noutput: {formats: [docx]}\n',
    'p/data/2024-05.yaml': dataFile,
    'p/sections/01.md': '# 情况\n\n本月产值{{产值}}亿元，上期{{上期.口令}}。\n',
    ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [`p/${k}`, v])),
  });
  return join(root, 'p');
}

function mkfifo(path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const made = spawnSync('mkfifo', [path]);
  if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr}`);
}

describe('period links stay inside the project', () => {
  it('previous: ../../secret.yaml is refused at its line and nothing of it is printed', () => {
    const dir = monthly('period: 2024-05\nprevious: ../../secret.yaml\n产值: 1\n');
    const result = run(['build', '.', '--format', 'docx'], dir);
    expectOneLine(result, /^data\/2024-05\.yaml:2:11: previous period file "\.\.\/\.\.\/secret\.yaml" is outside the project directory$/);
    expect(readdirSync(dir)).not.toContain('out');
  });

  it('lastYear: /etc/passwd is refused at its line', () => {
    const dir = monthly('period: 2024-05\nlastYear: /etc/passwd\n产值: 1\n');
    expectOneLine(run(['build', '.'], dir), /^data\/2024-05\.yaml:2:11: lastYear period file "\/etc\/passwd" is an absolute path; use a path inside the project$/);
  });

  it('a period file found by its name that is a symlink out of the project is refused', () => {
    const dir = monthly('period: 2024-05\n产值: 1\n');
    symlinkSync('../../secret.yaml', join(dir, 'data', '2024-04.yaml'));
    expectOneLine(run(['build', '.'], dir), /^data\/2024-05\.yaml: previous period file "2024-04\.yaml" is outside the project directory$/);
  });

  it('a period link inside the project still works', () => {
    const dir = monthly('period: 2024-05\nprevious: 2024-04.yaml\n产值: 1\n', { 'data/2024-04.yaml': '口令: 上月\n' });
    const result = run(['build', '.', '--format', 'docx'], dir);
    expect(result.status, result.stderr).toBe(0);
  });

  it('a --data file inside the project that links out of it is refused', () => {
    const dir = monthly('period: 2024-05\n产值: 1\n');
    symlinkSync('../../secret.yaml', join(dir, 'data', '2024-06.yaml'));
    expectOneLine(run(['build', '.', '--data', 'data/2024-06.yaml'], dir), /^data\/2024-06\.yaml: --data file "data\/2024-06\.yaml" is outside the project directory$/);
  });

  it('report.yaml that is a symlink to a file outside the project is refused', () => {
    const root = makeProject({ 'elsewhere.yaml': `title: ${SECRET}\nsections: [s.md]\n`, 'p/s.md': '正文。\n' });
    symlinkSync('../elsewhere.yaml', join(root, 'p', 'report.yaml'));
    expectOneLine(run(['build', '.'], join(root, 'p')), /^report\.yaml: report\.yaml is a link to a file outside the project directory$/);
  });
});

describe('only regular files are read', () => {
  const project = {
    'report.yaml': 'title: 报告\nindicators: data.yaml\nsections:\n  - sections/01.md\n  - sections/02.md\noutput: {formats: [docx]}\n',
    'data.yaml': '产值: 1\n',
    'sections/01.md': '# 情况\n\n产值{{产值}}亿元。\n',
    'sections/02.md': '正文。\n',
  };

  it('a FIFO as a section file is one line at its report.yaml entry, without hanging', () => {
    const dir = makeProject({ ...project, 'sections/02.md': '' });
    spawnSync('rm', [join(dir, 'sections/02.md')]);
    mkfifo(join(dir, 'sections/02.md'));
    expectOneLine(run(['build', '.'], dir), /^report\.yaml:5:5: section file "sections\/02\.md" is a FIFO \(named pipe\), expected a file$/);
  });

  it('a FIFO as a period file is one line at its data line', () => {
    const dir = monthly('period: 2024-05\nprevious: pipe.yaml\n产值: 1\n');
    mkfifo(join(dir, 'data', 'pipe.yaml'));
    expectOneLine(run(['build', '.'], dir), /^data\/2024-05\.yaml:2:11: previous period file "pipe\.yaml" is a FIFO \(named pipe\), expected a file$/);
  });

  it('a folder as a period file is one line at its data line', () => {
    const dir = monthly('period: 2024-05\nprevious: 2024-04.yaml\n产值: 1\n');
    mkdirSync(join(dir, 'data', '2024-04.yaml'));
    expectOneLine(run(['build', '.'], dir), /^data\/2024-05\.yaml:2:11: previous period file "2024-04\.yaml" is a directory, expected a file$/);
  });

  it('a FIFO as an image is one line at the image reference', () => {
    const dir = makeProject({ ...project, 'sections/02.md': '正文。\n\n![图](pipe.png)\n' });
    mkfifo(join(dir, 'sections/pipe.png'));
    expectOneLine(run(['build', '.'], dir), /^sections\/02\.md:3:1: image "pipe\.png" is a FIFO \(named pipe\), expected a file$/);
  });

  it('a folder named like an image is one line at the image reference', () => {
    const dir = makeProject({ ...project, 'sections/02.md': '正文。\n\n![图](chart.png)\n' });
    mkdirSync(join(dir, 'sections/chart.png'));
    expectOneLine(run(['build', '.'], dir), /^sections\/02\.md:3:1: image "chart\.png" is a directory, expected a file$/);
  });

  it('lint of a Markdown name that links to /dev/zero is one line, not gigabytes read', () => {
    const dir = makeProject({});
    symlinkSync('/dev/zero', join(dir, 'zero.md'));
    expectOneLine(run(['lint', 'zero.md'], dir), /^zero\.md: is a device, expected a file$/);
  });

  it('a FIFO named like a font in the project fonts/ folder does not hang the PDF build', () => {
    const dir = makeProject({ ...project, 'report.yaml': project['report.yaml'].replace('formats: [docx]', 'formats: [pdf]') });
    mkfifo(join(dir, 'fonts', 'fangsong.ttf'));
    const result = run(['build', '.'], dir);
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(join(dir, 'out', 'report.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('a configured font that is a FIFO is one line at its report.yaml key', () => {
    const dir = makeProject({ ...project, 'report.yaml': `${project['report.yaml'].replace('formats: [docx]', 'formats: [pdf]')}fonts:\n  body: fonts/body.ttf\n` });
    mkfifo(join(dir, 'fonts', 'body.ttf'));
    expectOneLine(run(['build', '.'], dir), /^report\.yaml:8:9: fonts\.body: font file "fonts\/body\.ttf" is a FIFO \(named pipe\), expected a file$/);
  });

  it('a configured font may live outside the project (a shared office folder)', () => {
    const root = makeProject({});
    const dir = join(root, 'p');
    mkdirSync(join(dir, 'sections'), { recursive: true });
    for (const [name, text] of Object.entries(project)) writeFileSync(join(dir, name), name === 'report.yaml' ? `${text.replace('formats: [docx]', 'formats: [pdf]')}fonts:\n  body: ../shared/body.ttf\n` : text);
    mkdirSync(join(root, 'shared'));
    writeFileSync(join(root, 'shared', 'body.ttf'), readFileSync(join(REPO, 'node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf')));
    const result = run(['build', '.'], dir);
    expect(result.status, result.stderr).toBe(0);
  });
});
