/**
 * An indicator drawn by a ```chart fence is used: unused-indicator stays quiet about it, in a
 * section or an attachment file, whichever shape the series takes (a figure, values per period,
 * a renamed series, a dotted path, a fence inside a list). Data no chart and no text uses is
 * still reported, and a fence the chart reader refuses does not break lint.
 */
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartFences, chartReferences } from '../src/lint/chart-fences.js';
import { lintProject } from '../src/lint/engine.js';
import { LineIndex } from '../src/text/position.js';
import { loadProject } from '../src/project/load.js';
import { makeProject } from './helpers/project.js';

const CONFIG = `title: 图表指标
indicators: indicators.yaml
sections: [sections/*.md]
attachments:
  - { title: 产业结构, file: attachments/structure.md }
`;
const DATA = `镇名: 云溪镇
规上工业产值: {value: 52.38, unit: 亿元}
固定资产投资: {value: 14.75, unit: 亿元}
月度产值: {1月: 7.8, 2月: 6.9}
分项:
  工业: 8.1
  服务业: 6.4
产业结构: {第一产业: 6.2, 第二产业: 52.38}
没人用: 3
`;
const fence = (body: string) => `\`\`\`chart\n${body}\n\`\`\``;
const SECTION = `{{镇名}}经济运行平稳。

${fence('type: bar\nseries: [规上工业产值, {投资: 固定资产投资}]')}

- 分项增速：

  ${fence('type: bar\nseries: [分项.工业, 分项.服务业]').replace(/\n/g, '\n  ')}

${fence('type: line\nseries: {产值: 月度产值}')}
`;

function unused(files: Record<string, string>): string[] {
  const project = loadProject(makeProject(files));
  return lintProject(project).findings.filter((f) => f.rule === 'unused-indicator').map((f) => f.message);
}

describe('unused-indicator counts chart series as uses', () => {
  it('reports only the indicator no text and no chart uses', () => {
    expect(unused({
      'report.yaml': CONFIG, 'indicators.yaml': DATA, 'sections/01.md': SECTION,
      'attachments/structure.md': `三次产业构成如下。\n\n${fence('type: pie\nseries: [产业结构]')}\n`,
    })).toEqual(['indicator "没人用" is not used by any section']);
  });

  it('still reports what an attachment chart would draw when the attachment has no chart', () => {
    expect(unused({
      'report.yaml': CONFIG, 'indicators.yaml': DATA, 'sections/01.md': SECTION, 'attachments/structure.md': '三次产业构成略。\n',
    })).toEqual([
      'indicator "产业结构.第一产业" is not used by any section',
      'indicator "产业结构.第二产业" is not used by any section',
      'indicator "没人用" is not used by any section',
    ]);
  });

  it('a fence the chart reader refuses names nothing and lint goes on', () => {
    expect(unused({
      'report.yaml': CONFIG, 'indicators.yaml': DATA, 'sections/01.md': `${SECTION}\n${fence('type: bar\nseries: [规上工业产值')}\n`,
      'attachments/structure.md': `${fence('type: pie\nseries: [产业结构]')}\n`,
    })).toEqual(['indicator "没人用" is not used by any section']);
  });
});

describe('a chart reference', () => {
  it('is placed at its series entry in the file, inside a list too', () => {
    const index = new LineIndex(SECTION);
    const refs = chartReferences('sections/01.md', chartFences(index), index, { 分项: { 工业: 1, 服务业: 2 } });
    expect(refs.map((r) => [r.original, r.path, r.line, r.column, SECTION.slice(r.start, r.end)])).toEqual([
      ['规上工业产值', ['规上工业产值'], 5, 10, '规上工业产值'],
      ['固定资产投资', ['固定资产投资'], 5, 23, '固定资产投资'],
      ['分项.工业', ['分项', '工业'], 12, 12, '分项.工业'],
      ['分项.服务业', ['分项', '服务业'], 12, 19, '分项.服务业'],
      ['月度产值', ['月度产值'], 17, 14, '月度产值'],
    ]);
  });
});

describe('missing-indicator on a chart series', () => {
  it('report lint lists a series naming no indicator, at its entry, with the nearest name; the build leaves it to the chart', () => {
    const dir = makeProject({
      'report.yaml': CONFIG, 'indicators.yaml': DATA, 'attachments/structure.md': fence('type: pie\nseries: [产业结够]'),
      'sections/01.md': `{{镇名}}。\n\n${fence('type: bar\nseries: [规上工业产值, 固定资产投入]')}\n`,
    });
    const project = loadProject(dir);
    const missing = lintProject(project).findings.filter((f) => f.rule === 'missing-indicator');
    expect(missing.map((f) => `${relative(dir, f.file)}:${f.line}:${f.column}: ${f.message}`).sort()).toEqual([
      'attachments/structure.md:3:10: chart names missing indicator "产业结够"; did you mean "产业结构"?',
      'sections/01.md:5:18: chart names missing indicator "固定资产投入"; did you mean "固定资产投资"?',
    ]);
    // a build runs the rules with its rendered sections: the chart itself reports it (exit 2)
    expect(lintProject(project, {}, []).findings.filter((f) => f.rule === 'missing-indicator')).toEqual([]);
  });
});
