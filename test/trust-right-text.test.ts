/**
 * Issue 15, "right text" and terminal escapes: data values print exactly as written; a template
 * error is reported at the helper call that failed, in words; control characters from sources
 * never reach the terminal raw.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnosticLine } from '../src/diagnostic.js';
import { formatGithub } from '../src/lint/formatters/github.js';
import { formatStylish } from '../src/lint/formatters/stylish.js';
import type { Finding } from '../src/lint/rule.js';
import { RULES } from '../src/lint/rules/index.js';
import { assembleDocument } from '../src/markdown/document.js';
import { loadProject } from '../src/project/load.js';
import { renderTemplate } from '../src/template/render.js';
import { buildIn, lintIn, project } from './helpers/trust.js';

const DATA = '名称: "R&amp;D"\n公司: "*ST海航*"\n标记: "A<b>B</b>C"\n表格: "甲|乙"\n标题: "# 不是标题"\n序号: "1. 不是列表"\n备注: "*重点*"\n';

describe('data values print exactly as written', () => {
  it('whatever characters they hold, in paragraphs and table cells; {{{…}}} still inserts Markdown', async () => {
    const dir = project('{{名称}}，{{公司}}，{{标记}}，{{备注}}，{{{备注}}}。\n\n{{标题}}\n\n{{序号}}\n\n| 项目 | 值 |\n|---|---|\n| {{表格}} | {{公司}} |\n', DATA);
    const p = loadProject(dir);
    const doc = assembleDocument(p, p.sections.map((s) => renderTemplate(s, p.indicators)));
    const [first, title, number, table] = doc.body;
    expect(first).toMatchObject({ kind: 'paragraph', content: [{ text: 'R&amp;D，*ST海航*，A<b>B</b>C，*重点*，' }, { text: '重点', italic: true }, { text: '。' }] });
    expect(title).toMatchObject({ kind: 'paragraph', content: [{ text: '# 不是标题' }] });
    expect(number).toMatchObject({ kind: 'paragraph', content: [{ text: '1. 不是列表' }] });
    expect(table.kind === 'table' && table.rows[1].map((c) => c.content)).toEqual([[{ kind: 'text', text: '甲|乙' }], [{ kind: 'text', text: '*ST海航*' }]]);
    expect((await buildIn(dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'out', 'report.txt'), 'utf8')).toContain('R&amp;D，*ST海航*，A<b>B</b>C，*重点*，重点。');
  });
});

describe('runtime template errors at the helper call that failed, in words', () => {
  const cases: Array<[string, string]> = [
    ['前文{{镇名}}\n产值{{num (pct 镇名) 1}}', 'sections/01.md:2:9: pct: expected a number, got "云溪镇"'],
    ['{{#with}}x{{/with}}', 'sections/01.md:1:1: {{#with}} takes one argument, the group of indicators to enter (got 0)'],
    ['{{#each}}x{{/each}}', 'sections/01.md:1:1: {{#each}} takes one argument, the list to walk (got 0)'],
    ['{{ytd}}', 'sections/01.md:1:1: ytd needs an argument (period), got none'],
    ['{{#num 3}}x{{/num}}', 'sections/01.md:1:1: num is not a block helper: write {{num …}} without {{/num}}'],
    ['{{#if 空.x}}有{{/if}}', 'sections/01.md:1:7: "空.x" cannot be read: 空 has no value'],
  ];
  for (const [template, line] of cases) {
    it(template.replace('\n', ' '), async () => {
      const result = await buildIn(project(`${template}\n`, '镇名: 云溪镇\n空: null\n'));
      expect(result).toEqual({ code: 2, lines: [line] });
      expect(result.lines[0]).not.toMatch(/Cannot read|undefined|\{"name"/);
    });
  }
});

describe('control characters from sources are escaped in messages', () => {
  const nasty = '\u001b[2J\u0007\u202e';
  const finding: Finding = { file: `sections/${nasty}.md`, line: 1, column: 1, rule: 'placeholder', severity: 'error', message: `unfilled blank "XX${nasty}"`, context: `产值XX${nasty}亿元` };

  it('in the one-line errors, stylish and github formats', () => {
    const shown = '\\u001B[2J\\u0007\\u202E';
    expect(formatDiagnosticLine(finding)).toBe(`sections/${shown}.md:1:1: unfilled blank "XX${shown}"`);
    const stylish = formatStylish([finding], { rules: RULES.map((r) => r.meta), color: false });
    const github = formatGithub([finding], { rules: RULES.map((r) => r.meta) });
    for (const out of [stylish, github]) {
      expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      expect(out).toContain(shown);
    }
  });

  it('end to end: a section holding ESC and RLO, linted and built', async () => {
    const dir = project(`产值XX亿元${nasty}。\n`);
    const lint = await lintIn(dir, ['.'], { format: 'stylish', color: false });
    expect(lint.stdout).toContain('\\u001B[2J\\u0007\\u202E');
    expect(lint.stdout).not.toMatch(/[\u001b\u0007\u202e]/);
    const build = await buildIn(dir);
    expect(build.lines.join('\n')).not.toMatch(/[\u001b\u0007\u202e]/);
  });
});
