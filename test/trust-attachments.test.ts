/** A blank in an attachment page stops the build and is found by lint, as one in a section is. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../src/project/load.js';
import { runReport } from './helpers/cli.js';
import { makeProject } from './helpers/project.js';
import { buildIn, project as trustProject, REPORT_YAML } from './helpers/trust.js';

const project = () => makeProject({
  'report.yaml': 'title: 测试报告\nsections: [sections/*.md]\nattachments:\n  - { title: 重点项目表, file: attachments/projects.md }\n',
  'sections/01.md': '全镇经济运行平稳。\n',
  'attachments/projects.md': '# 重点项目\n\n智能装备产业园完成投资XX亿元。\n',
});

describe('blanks in attachment files', () => {
  it('stop the build with exit 1 at the attachment line, nothing written', () => {
    const dir = project();
    const result = runReport(['build', '.'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^attachments\/projects\.md:3:\d+: .*XX/m);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('are reported by report lint', () => {
    const dir = project();
    const result = runReport(['lint', '.', '--format', 'compact'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/attachments\/projects\.md: line 3/);
  });

  it('a filled attachment builds', () => {
    const dir = makeProject({
      'report.yaml': 'title: 测试报告\nsections: [sections/*.md]\nattachments:\n  - { title: 重点项目表, file: attachments/projects.md }\n',
      'sections/01.md': '全镇经济运行平稳。\n',
      'attachments/projects.md': '# 重点项目\n\n智能装备产业园完成投资3.5亿元。\n',
    });
    expect(runReport(['build', '.'], { cwd: dir }).status).toBe(0);
  });
});

/** Attachment files are rendered and checked by the build the way sections are (issue: three readers disagreed). */
describe('attachment files are built as sections are', () => {
  const withAttachment = (attachment: string, indicators: string, extra = '') => trustProject('全镇经济运行平稳。\n', indicators, {
    'report.yaml': `${REPORT_YAML}attachments:\n  - { title: 重点项目表, file: attachments/projects.md }\n${extra}`,
    'attachments/projects.md': attachment,
  });
  const txt = (dir: string) => readFileSync(join(dir, 'out', 'report.txt'), 'utf8');

  it('--draft builds with a blank a helper cannot read ({{pct 化解率}}, 化解率: XX), as in a section', async () => {
    const dir = withAttachment('# 重点项目\n\n矛盾化解率{{pct 化解率}}。\n', '化解率: XX\n');
    const final = await buildIn(dir);
    expect(final.code).toBe(1);
    expect(final.lines.filter((l) => l.includes('unfilled blank'))).toEqual(['indicators.yaml:1:6: unfilled blank "XX" in indicator 化解率, used at attachments/projects.md:3:6 by {{pct 化解率}}']);
    const draft = await buildIn(dir, { draft: true });
    expect(draft.code).toBe(0);
    expect(txt(dir)).toContain('矛盾化解率XX');
  });

  it('lint.fixInOutput fixes print into the attachment page; the file stays as written', async () => {
    const page = '# 重点项目\n\n今年以来,全镇各项工作稳步推进;完成投资12亿元。\n';
    const dir = withAttachment(page, '{}\n', 'lint: {fixInOutput: [punctuation]}\n');
    const build = await buildIn(dir);
    expect(build.code).toBe(0);
    expect(build.lines).toContain('report: 2 × half-width punctuation in Chinese text — fixed in the outputs (lint.fixInOutput); the sources still hold them');
    expect(txt(dir)).toContain('今年以来，全镇各项工作稳步推进；完成投资12亿元。');
    expect(readFileSync(join(dir, 'attachments', 'projects.md'), 'utf8')).toBe(page);
  });

  it('the attachment file is among the build inputs, and the loader reads it once for build and lint', async () => {
    const dir = withAttachment('# 重点项目\n\n产业园完成投资3.5亿元。\n', '{}\n');
    const build = await buildIn(dir, { json: true });
    expect(build.code).toBe(0);
    expect(build.summary?.inputs.map((i) => i.file)).toContain(join('attachments', 'projects.md'));
    expect(loadProject(dir).attachments.map((f) => f.text)).toEqual(['# 重点项目\n\n产业园完成投资3.5亿元。\n']);
  });
});
