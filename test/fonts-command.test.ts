/**
 * `report fonts --json`: stdout is the JSON alone, also with --strict-fonts, whose refusal goes to
 * stderr and keeps its exit code (1). The project's template asks for a family no machine has, so
 * its body font is a substitute everywhere.
 */
import { describe, expect, it } from 'vitest';
import { runReport } from './helpers/cli.js';
import { makeProject } from './helpers/project.js';

function projectWithMissingBodyFont(): string {
  return makeProject({
    'report.yaml': 'title: 测试\nsections: [s.md]\ntemplate: ./tmpl\n',
    's.md': '正文。\n',
    'tmpl/style.yaml': 'name: missing-font\nextends: gongwen\nfonts:\n  body:\n    family: 没有这种字体\n    alternatives: []\n    aliases: []\n',
  });
}

describe('report fonts --json', () => {
  it('prints only JSON on stdout with --strict-fonts; the refusal goes to stderr and the exit code stays 1', () => {
    const dir = projectWithMissingBodyFont();
    const run = runReport(['fonts', '.', '--json', '--strict-fonts'], { cwd: dir });
    expect(run.status, run.stderr).toBe(1);
    const fonts = JSON.parse(run.stdout) as Record<string, { substitute: boolean; wanted: string }>;
    expect(fonts.body).toMatchObject({ substitute: true, wanted: '没有这种字体' });
    expect(run.stderr).toMatch(/^report: --strict-fonts: .*\bbody\b.* would print in substitute fonts$/m);
  });

  it('exits 0 without --strict-fonts, with the same JSON and nothing on stderr', () => {
    const dir = projectWithMissingBodyFont();
    const run = runReport(['fonts', '.', '--json'], { cwd: dir });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).body.substitute).toBe(true);
    expect(run.stderr).toBe('');
  });
});
