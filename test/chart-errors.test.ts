/**
 * Bad chart input is one line at its place in the section file (exit 2, nothing written), the
 * way every other input error is: a missing indicator with a did-you-mean, an unknown type or
 * key, a value that is not a number, units that disagree. A blank in the data (XX) is the build's
 * blank error at its YAML line (exit 1); a --draft build draws it as a gap.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { runReport } from './helpers/cli.js';
import { lineColumn } from './helpers/line-column.js';
import { makeProject } from './helpers/project.js';

const CONFIG = 'title: 图表测试\nindicators: indicators.yaml\nsections: [sections/s.md]\n';
const DATA = '规上工业产值: {value: 52.38, unit: 亿元}\n固定资产投资: {value: 14.75, unit: 亿元}\n限上零售额: {value: 8640, unit: 万元}\n常住人口: 约五万\n';

/** A section whose chart fence holds `fence`; the paragraph before it makes the fence start on line 3. */
const section = (fence: string) => `全镇经济运行平稳。\n\n\`\`\`chart\n${fence}\n\`\`\`\n`;

/** Build a project with this fence; the error line and the place of `at` in the section. */
function build(fence: string, at: string, data = DATA) {
  const text = section(fence);
  const dir = makeProject({ 'report.yaml': CONFIG, 'indicators.yaml': data, 'sections/s.md': text });
  const result = runReport(['build', '.'], { cwd: dir });
  const { line, column } = lineColumn(text, text.indexOf(at));
  return { result, where: `sections/s.md:${line}:${column}`, dir };
}

describe('a chart with bad input stops the build with one line at its place', () => {
  const cases: Array<[string, string, string, RegExp]> = [
    ['a missing indicator, with the closest name', 'type: bar\nseries: [规上工业产值, 固定资产投入]', '固定资产投入', /: chart names missing indicator "固定资产投入"; did you mean "固定资产投资"\?$/],
    ['an unknown type', 'type: column\nseries: [规上工业产值]', 'column', /: chart: unknown type "column" \(bar, line or pie\)$/],
    ['a misspelt key', 'type: bar\nserie: [规上工业产值]', 'serie', /: chart: unknown key "serie"; did you mean "series"\?$/],
    ['a value that is not a number', 'type: bar\nseries: [规上工业产值, 常住人口]', '常住人口]', /: chart: "常住人口" is "约五万", not a number$/],
    ['indicators in two units', 'type: bar\nseries:\n  - 规上工业产值\n  - 限上零售额', '限上零售额', /: chart: "限上零售额" is in 万元 but "规上工业产值" in 亿元; one chart draws one unit/],
    ['a pie asked to compare', 'type: pie\nseries: [规上工业产值]\ncompare: previous', 'previous', /: chart: a pie chart shows one series; `compare` is for bar and line charts$/],
    ['a comparison the data cannot make', 'type: bar\nseries: [规上工业产值]\ncompare: target', '规上工业产值]', /: chart: "规上工业产值" has no 目标 value/],
    // the parser finds the [ still open at the end of the fence's text: line 5, just after 规上工业产值
    ['a YAML mistake', 'type: bar\nseries: [规上工业产值', '\n```\n', /: chart: YAML syntax error: a \[ or \{ is not closed; close it or quote the value$/],
    // at the value that holds ': ' (line 4, column 8), not at the key
    ['a YAML mistake in a title', 'title: 产值: 亿元\ntype: bar\nseries: [规上工业产值]', '产值: 亿元', /: chart: YAML syntax error: a value that holds ": " must be quoted$/],
  ];
  for (const [name, fence, at, message] of cases) {
    it(`${name}`, () => {
      const { result, where, dir } = build(fence, at);
      expect(result.status).toBe(2);
      const line = result.stderr.trim().split('\n').find((l) => l.includes('chart'))!;
      expect(line.startsWith(`${where}: `), `${line} (expected at ${where})`).toBe(true);
      expect(line).toMatch(message);
      expect(existsSync(join(dir, 'out'))).toBe(false);
    }, 60_000);
  }

  it('a missing type is reported at the fence', () => {
    const { result } = build('series: [规上工业产值]', 'series');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^sections\/s\.md:4:1: chart: `type` is missing \(bar, line or pie\)$/m);
  }, 60_000);
});

describe('a blank in the data a chart draws', () => {
  const data = '规上工业产值: {value: 52.38, unit: 亿元}\n固定资产投资: {value: XX, unit: 亿元}\n';
  const fence = 'type: bar\ntitle: 主要指标\nseries: [规上工业产值, 固定资产投资]';

  it('is the build\'s blank error at its YAML line, and nothing is written', () => {
    const { result, dir } = build(fence, 'series', data);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('indicators.yaml:2:17: unfilled blank "XX" in indicator 固定资产投资.value');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  }, 60_000);

  it('is drawn as a gap by a --draft build', async () => {
    const { dir } = build(fence, 'series', data);
    expect(runReport(['build', '.', '--draft'], { cwd: dir }).status).toBe(0);
    const docx = await JSZip.loadAsync(readFileSync(join(dir, 'out', 'report.docx')));
    const chart = await docx.file('word/charts/chart1.xml')!.async('string');
    expect(chart).toContain('<c:ptCount val="2"/><c:pt idx="0"><c:v>52.38</c:v></c:pt></c:numCache>');
  }, 60_000);
});
