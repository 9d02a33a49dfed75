import { describe, expect, it } from 'vitest';
import { assembleDocument, creationDate } from '../src/markdown/document.js';
import { inlineText, type Heading } from '../src/model/document.js';
import { loadProject } from '../src/project/load.js';
import { renderTemplate } from '../src/template/render.js';
import { makeProject } from './helpers/project.js';

function build(files: Record<string, string>) {
  const dir = makeProject({
    'report.yaml': 'title: "{{镇}}工作总结"\nrecipient: 市委、市政府\nsignature: 中共{{镇}}委员会\ndate: 2023-06-20\nindicators: d.yaml\nsections:\n  - s/*.md\n',
    'd.yaml': '镇: 云溪镇\n',
    ...files,
  });
  const project = loadProject(dir, { cwd: dir });
  return assembleDocument(project, project.sections.map((s) => renderTemplate(s, project.indicators)));
}

const headings = (doc: ReturnType<typeof build>) =>
  doc.body.filter((b): b is Heading => b.kind === 'heading').map((h) => h.number + inlineText(h.content));

describe('markdown → document model', () => {
  it('numbers headings 一、（一）1.（1）, restarting under their parent and running across section files', () => {
    const doc = build({
      's/01.md': '# 总结\n\n## 项目\n\n### 开工\n\n#### 细项\n\n#### 细项二\n\n### 竣工\n\n## 招商\n',
      's/02.md': '# 思路\n\n## 稳增长\n\n### 目标\n',
    });
    expect(headings(doc)).toEqual(['一、总结', '（一）项目', '1.开工', '（1）细项', '（2）细项二', '2.竣工', '（二）招商', '二、思路', '（一）稳增长', '1.目标']);
  });

  it('does not number a heading twice when the author wrote the number', () => {
    const doc = build({ 's/01.md': '# 一、总结\n\n## （一）项目\n\n## (二)招商\n' });
    expect(headings(doc)).toEqual(['一、总结', '（一）项目', '（二）招商']);
  });

  it('joins Chinese lines without spaces and keeps bold runs; a line ending a sentence ends the paragraph', () => {
    const doc = build({ 's/01.md': '第一行文字\n第二行**加粗**文字。\nEnglish\nwords' });
    const paragraph = doc.body[0];
    expect(paragraph.kind).toBe('paragraph');
    if (paragraph.kind !== 'paragraph') return;
    expect(inlineText(paragraph.content)).toBe('第一行文字第二行加粗文字。');
    expect(paragraph.content.find((r) => r.kind === 'text' && r.bold)).toMatchObject({ text: '加粗' });
    expect(doc.body[1]).toMatchObject({ kind: 'paragraph', content: [{ text: 'English words' }], source: { line: 3 } });
  });

  it('fills title, signature, date and metadata from report.yaml', () => {
    const doc = build({ 's/01.md': '正文。' });
    expect(doc.title).toBe('云溪镇工作总结');
    expect(doc.signature).toEqual(['中共云溪镇委员会']);
    expect(doc.date).toBe('2023年6月20日');
    expect(doc.recipient).toBe('市委、市政府：');
    expect(doc.metadata).toMatchObject({ title: '云溪镇工作总结', author: '中共云溪镇委员会' });
    expect(doc.metadata.created.toISOString()).toBe('2023-06-20T00:00:00.000Z');
  });

  it('uses SOURCE_DATE_EPOCH, never the clock, when no date is given', () => {
    expect(creationDate(undefined, { SOURCE_DATE_EPOCH: '1700000000' }).toISOString()).toBe('2023-11-14T22:13:20.000Z');
    expect(creationDate(undefined, {}).toISOString()).toBe('2000-01-01T00:00:00.000Z');
  });

  it('keeps tables, lists and block quotes, and maps positions to the section file', () => {
    const doc = build({ 's/01.md': '段落\n\n| 指标 | 数值 |\n|---|--:|\n| 产值 | 1 |\n\n1. 甲\n2. 乙\n\n> 引文\n' });
    expect(doc.body.map((b) => b.kind)).toEqual(['paragraph', 'table', 'list', 'quote']);
    const table = doc.body[1];
    if (table.kind !== 'table') return;
    expect(table.rows.map((r) => r.map((c) => inlineText(c.content)))).toEqual([['指标', '数值'], ['产值', '1']]);
    expect(table.align).toEqual([null, 'right']);
    expect(table.source).toEqual({ file: 's/01.md', line: 3, column: 1 });
  });

  it('refuses an image outside the project or missing', () => {
    expect(() => build({ 's/01.md': '![图](../../x.png)' })).toThrow(/outside the project/);
    expect(() => build({ 's/01.md': '段落\n\n![图](img/none.png)' })).toThrow(/^s\/01\.md:3:1: image "img\/none\.png" not found/);
  });
});

describe('a figure at the start of a heading is not a heading number', () => {
  it('keeps 2.5万亩 in a level-3 heading and numbers the heading itself', () => {
    const doc = build({ 's/01.md': '# 总结\n\n## 农业\n\n### 2.5万亩高标准农田建设\n\n### 3、粮食生产\n' });
    expect(headings(doc)).toEqual(['一、总结', '（一）农业', '1.2.5万亩高标准农田建设', '2.粮食生产']);
  });
});
