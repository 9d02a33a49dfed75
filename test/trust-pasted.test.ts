/**
 * Issue 16, "text pasted from Word or a .txt file": every line its own paragraph, typed 一、 and
 * （一） lines headings, lines wrapped mid-sentence joined; `1、` and `27.77 %` warned about (and
 * fixed by --fix); enumeration false positives on real files gone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleDocument } from '../src/markdown/document.js';
import { inlineText, type Block } from '../src/model/document.js';
import { loadProject } from '../src/project/load.js';
import { renderTemplate } from '../src/template/render.js';
import { buildIn, lintIn, project } from './helpers/trust.js';

const PASTED = [
  '2023年，全镇各项工作均取得一定成效。具体内容汇报如下：',
  '一、上半年工作总结',
  '(一)聚力蓄能抓项目、强建设，拉动经济发展新引擎',
  '一是聚焦项目抓推进。二是主动作为抓招商。',
  '今年以来，全镇上下',
  '坚持稳中求进。',
  '（二）坚定不移抓巩固。全镇新建共富工坊7家。',
  '二、下半年工作思路',
].join('\n');

function body(section: string): Block[] {
  const p = loadProject(project(section));
  return assembleDocument(p, p.sections.map((s) => renderTemplate(s, p.indicators))).body;
}

const describeBlock = (b: Block) => (b.kind === 'heading' ? `H${b.level} ${b.number}${inlineText(b.content)}` : b.kind === 'paragraph' ? `P ${inlineText(b.content)}` : b.kind);

describe('text pasted from Word or a .txt file', () => {
  it('keeps each line a paragraph, makes typed 一、/（一） lines headings, joins a line wrapped mid-sentence', () => {
    const blocks = body(PASTED);
    expect(blocks.map(describeBlock)).toEqual([
      'P 2023年，全镇各项工作均取得一定成效。具体内容汇报如下：',
      'H1 一、上半年工作总结',
      'H2 （一）聚力蓄能抓项目、强建设，拉动经济发展新引擎',
      'P 一是聚焦项目抓推进。二是主动作为抓招商。',
      'P 今年以来，全镇上下坚持稳中求进。',
      'P （二）坚定不移抓巩固。全镇新建共富工坊7家。',
      'H1 二、下半年工作思路',
    ]);
    expect(blocks.map((b) => ('source' in b ? b.source?.line : undefined))).toEqual([1, 2, 3, 4, 5, 7, 8]);
  });

  it('a 一、二月份 line is no heading, and typed headings number on with # headings', () => {
    expect(body('一、二月份全镇经济运行情况分析\n\n# 工业\n\n二、农业\n').map(describeBlock)).toEqual([
      'P 一、二月份全镇经济运行情况分析', 'H1 一、工业', 'H1 二、农业',
    ]);
  });

  it('the reference report builds into its headings and paragraphs, blanks still found', async () => {
    const text = readFileSync('/work/shared/reference/town-report-2023h1.txt', 'utf8');
    const blocks = body(text);
    expect(blocks.filter((b) => b.kind === 'heading').length).toBe(11);
    expect(blocks.filter((b) => b.kind === 'paragraph').length).toBe(text.split('\n').filter((l) => l.trim()).length - 11);
    expect((await buildIn(project(text))).code).toBe(1);
  });
});

describe('1、 and a space between a figure and its unit', () => {
  const section = '1、加强组织领导。\n2、强化要素保障。\n完成率27.77 %，产值48.62 亿元。\n';

  it('lint warns at each, and --fix writes 1. and drops the space', async () => {
    const dir = project(section);
    const { findings } = await lintIn(dir);
    expect(findings.filter((f) => f.rule === 'number-format').map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      '1:1 "1、" opens a line: 公文 number the third level "1."',
      '2:1 "2、" opens a line: 公文 number the third level "2."',
      '3:4 space between "27.77" and its unit "%"; write "27.77%"',
      '3:14 space between "48.62" and its unit "亿元"; write "48.62亿元"',
    ]);
    await lintIn(dir, ['.'], { fix: true });
    expect(readFileSync(join(dir, 'sections', '01.md'), 'utf8')).toBe('1.加强组织领导。\n2.强化要素保障。\n完成率27.77%，产值48.62亿元。\n');
  });

  it('the build names them in its summary', async () => {
    const build = await buildIn(project(section));
    expect(build.code).toBe(0);
    expect(build.lines).toContain('report: 4 × figures not written the 公文 way (1、 for 1., a space before the unit) — report lint --fix rewrites them');
  });
});

describe('enumeration on real files', () => {
  it('a title line 一、二月份… is not counted as 一、, and a cited （二） is no enumeration', async () => {
    const dir = project('一、二月份全镇经济运行情况\n\n一、工业生产\n\n二、农业生产\n\n按照第（二）项规定执行，完成年度任务。\n');
    const { findings } = await lintIn(dir);
    expect(findings.filter((f) => f.rule === 'enumeration')).toEqual([]);
  });

  it('a real skip is still reported, in words without a （零）', async () => {
    const { findings } = await lintIn(project('工作中，二是抓项目，三是抓招商。\n\n（二）聚焦民生。\n'));
    expect(findings.filter((f) => f.rule === 'enumeration').map((f) => f.message)).toEqual([
      'enumeration does not start at "一是": "二是" comes first',
      'numbering does not start at 1: "（二）" (expected "（一）")',
    ]);
  });
});
