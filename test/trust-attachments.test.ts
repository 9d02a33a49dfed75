/** A blank in an attachment page stops the build and is found by lint, as one in a section is. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runReport } from './helpers/cli.js';
import { makeProject } from './helpers/project.js';

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
