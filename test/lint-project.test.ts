import { describe, expect, it } from 'vitest';
import { runLint } from '../src/cli/lint-command.js';
import { checkProjectForBuild } from '../src/lint/build-check.js';
import { lintProject } from '../src/lint/engine.js';
import { loadProject } from '../src/project/load.js';
import { renderTemplate } from '../src/template/render.js';
import { makeProject } from './helpers/project.js';

interface JsonFinding { file: string; line: number; column: number; rule: string; severity: string; message: string; text: string | null }

async function lintJson(dir: string, extra: Record<string, unknown> = {}): Promise<{ code: number; findings: JsonFinding[]; stderr: string }> {
  let out = '';
  let err = '';
  const code = await runLint(['.'], { format: 'json', cwd: dir, stdout: (t) => { out += t; }, stderr: (t) => { err += t; }, ...extra });
  return { code, findings: out ? (JSON.parse(out) as JsonFinding[]) : [], stderr: err };
}

const REPORT = 'title: "{{town}}工作总结"\nindicators: indicators.yaml\nsections:\n  - sections/*.md\n';

describe('report lint on a project', () => {
  it('reports a blank in an indicator value at its YAML line, once, although two sections print it', async () => {
    const dir = makeProject({
      'report.yaml': REPORT,
      'indicators.yaml': 'town: 云溪镇\n产值:\n  本期: XX\n  同比: 8.2\n',
      'sections/01.md': '# 一、总体情况\n\n{{town}}规上工业产值{{产值.本期}}亿元，增长{{产值.同比}}%。\n',
      'sections/02.md': '# 二、下步打算\n\n力争产值超过{{产值.本期}}亿元。\n',
    });
    const { code, findings } = await lintJson(dir);
    expect(code).toBe(1);
    expect(findings.filter((f) => f.rule === 'placeholder')).toEqual([
      expect.objectContaining({ file: 'indicators.yaml', line: 3, column: 7, text: 'XX', severity: 'error' }),
    ]);
  });

  it('reports a blank in a section at the section line and column, past front matter and comments', async () => {
    const dir = makeProject({
      'report.yaml': REPORT,
      'indicators.yaml': 'town: 云溪镇\n',
      'sections/01.md': '---\nnote: XX\n---\n<!-- 草稿：XX 待改 -->\n# 一、{{town}}概况\n\n完成投资XX亿元，`XX` 是代码。\n',
    });
    const { findings } = await lintJson(dir);
    expect(findings.filter((f) => f.rule === 'placeholder').map((f) => [f.file, f.line, f.column, f.text])).toEqual([['sections/01.md', 7, 5, 'XX']]);
  });

  it('reports a pending indicator value such as 待定 and a value blank through a helper once', async () => {
    const dir = makeProject({
      'report.yaml': REPORT,
      'indicators.yaml': 'town: 云溪镇\n投资: 待定\n增速: XX\n',
      'sections/01.md': '# 一、概况\n\n{{town}}完成投资{{投资}}亿元，增长{{pct 增速}}。\n',
    });
    const { findings } = await lintJson(dir);
    expect(findings.map((f) => [f.file, f.line, f.column, f.rule, f.text])).toEqual([
      ['indicators.yaml', 2, 5, 'placeholder', '待定'],
      ['indicators.yaml', 3, 5, 'placeholder', 'XX'],
    ]);
  });

  it('lists missing indicators as errors at the reference and unused ones as warnings at the key', async () => {
    const dir = makeProject({
      'report.yaml': REPORT,
      'indicators.yaml': 'town: 云溪镇\n产值:\n  本期: 48.6\n  上年: 44.1\n',
      'sections/01.md': '# 一、概况\n\n产值{{产值.本期}}亿元，投资{{投资额}}亿元，{{#if 备注}}{{备注}}{{/if}}\n',
    });
    const { code, findings } = await lintJson(dir);
    expect(code).toBe(1);
    expect(findings.map((f) => [f.file, f.line, f.column, f.rule, f.severity])).toEqual([
      ['indicators.yaml', 4, 3, 'unused-indicator', 'warning'],
      ['sections/01.md', 3, 17, 'missing-indicator', 'error'],
    ]);
    expect(findings[1].message).toContain('投资额');
  });

  it('applies lint severities from report.yaml and inline disable comments', async () => {
    const dir = makeProject({
      'report.yaml': `${REPORT}lint:\n  rules:\n    unused-indicator: off\n    punctuation: error\n  placeholders:\n    patterns: ['待核[实查]']\n    allow: ['XX公司']\n`,
      'indicators.yaml': 'town: 云溪镇\n没用: 1\n',
      'sections/01.md': [
        '# 一、{{town}}概况', '', 'XX公司中标,数据待核查。', '',
        '<!-- report-disable-next-line placeholder -->', '完成XX亿元。', '',
        '<!-- report-disable placeholder -->', '完成XX亿元。', '<!-- report-enable -->', '完成YY和XX亿元。', '',
      ].join('\n'),
    });
    const { findings } = await lintJson(dir);
    expect(findings.map((f) => [f.line, f.column, f.rule, f.severity, f.text])).toEqual([
      [3, 7, 'punctuation', 'error', ','],
      [3, 10, 'placeholder', 'error', '待核查'],
      [11, 6, 'placeholder', 'error', 'XX'],
    ]);
  });

  it('rejects a wrong lint setting with exit 2 and its position in report.yaml', async () => {
    const dir = makeProject({
      'report.yaml': `${REPORT}lint:\n  rules:\n    placeholdr: off\n`,
      'indicators.yaml': 'town: 云溪镇\n',
      'sections/01.md': '# 一、概况\n',
    });
    const { code, stderr } = await lintJson(dir);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^report\.yaml:7:5: unknown rule "placeholdr" in `lint.rules`; did you mean "placeholder"\?\n$/);
  });

  it('gives the build the blanks and missing indicators that must stop it', () => {
    const dir = makeProject({
      'report.yaml': REPORT,
      'indicators.yaml': 'town: 云溪镇\n产值: XX\n',
      'sections/01.md': '# 一、概况\n\n{{town}}产值{{产值}}亿元，完成率××%。\n',
    });
    const project = loadProject(dir);
    const rendered = project.sections.map((s) => renderTemplate(s, project.indicators, { strict: true }));
    const found = checkProjectForBuild(project, rendered);
    expect(found.map((d) => [d.file.endsWith('indicators.yaml') ? 'indicators.yaml' : 'sections/01.md', d.line, d.column, d.text])).toEqual([
      ['indicators.yaml', 2, 5, 'XX'],
      ['sections/01.md', 3, 23, '××'],
    ]);
    expect(found.every((d) => d.severity === 'error' && !('fix' in d))).toBe(true);
  });
});

// Lint speed is measured by `npm run bench` (scripts/bench-lint.mjs), not by a timed test: a
// loaded CI machine would fail a time limit for reasons the code does not control.
describe('the lint bench project', () => {
  it('lints a 100 000-character project and finds its planted problems', async () => {
    const { benchLint } = await import('../scripts/bench-lint.mjs');
    const result = benchLint({ loadProject, lintProject }, { runs: 1 });
    expect(result.characters).toBeGreaterThanOrEqual(100_000);
    expect(result.findings).toBeGreaterThan(100);
  });
});
