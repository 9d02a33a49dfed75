/**
 * The parts of `report import` one by one: the XML reader, Word's number formats, the compound
 * file check, the 公文 parts found by position and wording, the heading outline, and Markdown
 * escaping checked through the real build (the text must print exactly as it came in).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { textParagraph, type SourceBlock } from '../src/import/blocks.js';
import { findReportParts, isoDate } from '../src/import/closing-and-head.js';
import { compoundFileKind } from '../src/import/compound-file.js';
import { formatCounter } from '../src/import/docx/numbering.js';
import { outlineBody } from '../src/import/outline.js';
import { childElements, parseXml, textContent, XmlError } from '../src/import/xml.js';
import { makeCompoundFile } from './fixtures/import/compound-file.js';
import { importAndBuild, textParagraphs } from './fixtures/import/round-trip.js';

const blank: SourceBlock = { kind: 'blank' };
const lines = (...texts: string[]): SourceBlock[] => texts.map((t) => (t === '' ? blank : textParagraph(t)));

describe('XML reader', () => {
  it('resolves namespace prefixes by URI, decodes entities and CDATA', () => {
    const root = parseXml('<?xml version="1.0"?><x:document xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><x:body><x:p><x:r><x:t>R&amp;D &lt;1&gt; &#x4E00;&#20108;<![CDATA[<三>]]></x:t></x:r></x:p></x:body></x:document>');
    expect(root.name).toBe('w:document');
    expect(childElements(root, 'w:body')).toHaveLength(1);
    expect(textContent(root)).toBe('R&D <1> 一二<三>');
  });

  it('never expands entities a DOCTYPE defines, and refuses broken or absurdly deep XML', () => {
    const root = parseXml('<!DOCTYPE a [<!ENTITY x "xxxxxxxx"><!ENTITY y "&x;&x;&x;">]><a>&y;</a>');
    expect(textContent(root)).toBe('&y;');
    expect(() => parseXml('<a><b></a>')).toThrow(XmlError);
    expect(() => parseXml('<a x=1/>')).toThrow(XmlError);
    expect(() => parseXml('<a>'.repeat(300) + '</a>'.repeat(300))).toThrow(/nested more than/);
  });
});

describe('Word numbering formats', () => {
  it('prints counters as Word does', () => {
    expect([1, 10, 11, 20, 23].map((n) => formatCounter(n, 'chineseCounting'))).toEqual(['一', '十', '十一', '二十', '二十三']);
    expect([1, 3].map((n) => formatCounter(n, 'decimalEnclosedCircle'))).toEqual(['①', '③']);
    expect(formatCounter(4, 'upperRoman')).toBe('IV');
    expect(formatCounter(2, 'ideographTraditional')).toBe('乙');
    expect(formatCounter(12, 'decimalFullWidth')).toBe('１２');
  });
});

describe('compound files', () => {
  it('tell a .doc from an encrypted Office file by their stream names', () => {
    expect(compoundFileKind(makeCompoundFile(['WordDocument']))).toBe('word-binary');
    expect(compoundFileKind(makeCompoundFile(['EncryptionInfo', 'EncryptedPackage']))).toBe('encrypted-ooxml');
    expect(compoundFileKind(makeCompoundFile(['Workbook']))).toBe('other-office');
  });
});

describe('公文 parts by position and wording', () => {
  it('title, 主送, 附件说明 (several), 署名 and 日期 around the body', () => {
    const parts = findReportParts(lines('青溪镇2024年工作总结', '', '县委、县政府：', '正文第一段。', '一、工作情况', '正文第二段。', '', '附件：1.主要指标表', '2.重点项目表', '', '中共青溪镇委员会', '青溪镇人民政府', '2024年7月8日'), false);
    expect(parts).toMatchObject({ title: '青溪镇2024年工作总结', recipient: '县委、县政府', attachments: ['主要指标表', '重点项目表'], signature: ['中共青溪镇委员会', '青溪镇人民政府'], date: '2024-07-08' });
    expect(parts.body).toHaveLength(3);
  });

  it('a text without title starts with its body; a body line ending with a colon is no 主送', () => {
    const parts = findReportParts(lines('今年以来，全镇各项工作稳步推进。现将有关情况汇报如下：', '一、工作情况', '正文。'), false);
    expect(parts.title).toBeUndefined();
    expect(parts.recipient).toBeUndefined();
    expect(parts.body).toHaveLength(3);
  });

  it('版头 lines are read as the header; 附件 pages after the 成文日期 as pages, anything else kept apart', () => {
    const parts = findReportParts(lines('青溪镇人民政府文件', '青政发〔2024〕12号', '', '关于某事的报告', '', '正文。', '青溪镇人民政府', '2024年7月8日', '附件1', '附件标题', '附件正文。'), false);
    expect(parts.title).toBe('关于某事的报告');
    expect(parts.header).toEqual({ mark: '青溪镇人民政府文件', number: '青政发〔2024〕12号', signer: [] });
    expect(parts.pages).toMatchObject([{ index: 1, title: '附件标题', blocks: [{ kind: 'paragraph' }] }]);
    expect(findReportParts(lines('正文。', '青溪镇人民政府', '2024年7月8日', '另起一段说明。'), false).afterDate).toHaveLength(1);
  });

  it('dates in Chinese numerals are read; impossible dates are no dates', () => {
    expect(isoDate('二〇二四年七月十五日')).toBe('2024-07-15');
    expect(isoDate('2024年 7月 5日')).toBe('2024-07-05');
    expect(isoDate('2024年13月5日')).toBeUndefined();
  });
});

describe('heading outline', () => {
  const outline = (...texts: string[]) => outlineBody(lines(...texts)).map((b) => (b.kind === 'heading' ? `${'#'.repeat(b.level)} ${b.text}` : b.kind === 'paragraph' ? b.pieces.map((p) => p.text).join('') : b.kind));

  it('numbers in sequence are headings (numbers dropped); out of sequence, or a series of months, they stay text', () => {
    expect(outline('一、总体情况', '（一）工业', '1.规上工业', '（1）重点企业', '（2）用电', '2.投资', '（二）消费', '二、问题', '（一）需求', '（三）跳号', '一、二月份，全镇用电量平稳。')).toEqual([
      '# 总体情况', '## 工业', '### 规上工业', '#### 重点企业', '#### 用电', '### 投资', '## 消费', '# 问题', '## 需求', '（三）跳号', '一、二月份，全镇用电量平稳。',
    ]);
  });
});

describe('Markdown escaping: text that means something to Markdown or Handlebars prints as typed', () => {
  it('through import and the real build', () => {
    const text = [
      '测试报告', '',
      '*ST公司和#1机组，A|B|C三级，R&D中心&amp;，x_y_z车间，<备注>，`代码`，[链接](网址)，~删除~，反斜杠\\，{{镇名}}。',
      '- 以短横线开头的一行。', '+ 以加号开头的一行。', '* 以星号开头的一行。', '> 以大于号开头的一行。', '# 以井号开头的一行。',
      '1. 带空格的编号行不在序列中也照印。', '---', '===',
      '**粗体**与__下划线__照印，完成**技术企业申报，省**技术产品。',
    ].join('\n');
    const { text: out, buildRun, project } = importAndBuild('escapes.txt', text);
    expect(buildRun.status, buildRun.stderr).toBe(0);
    const printed = textParagraphs(out);
    const expected = textParagraphs(text).filter((line) => line !== '1. 带空格的编号行不在序列中也照印。');
    for (const line of expected) expect(printed).toContain(line);
    // The numbered line is the first 1. under no parent: a heading, printed with the generated number.
    expect(printed).toContain('1.带空格的编号行不在序列中也照印。');
    const section = readFileSync(join(project, 'sections', readdirSync(join(project, 'sections'))[0]), 'utf8');
    expect(section).toContain('完成**技术企业申报，省**技术产品'); // star blanks stay as typed, for the blank check
  });
});

describe('版头, 附注, 附件 pages and 版记 become report.yaml keys', () => {
  it('from their places before the title and after the 成文日期', async () => {
    const { loadProject } = await import('../src/project/load.js');
    const text = [
      '000001', '秘密★1年', '特急', '青溪镇人民政府文件', '青政发〔2024〕12号 签发人：张三', '',
      '青溪镇人民政府关于2024年上半年工作情况的报告', '', '县人民政府：',
      '今年以来，全镇各项工作稳步推进。', '一、工作情况', '全镇重点项目推进顺利。', '',
      '附件：1.主要经济指标完成情况表', '2.重点项目推进情况表', '', '青溪镇人民政府', '2024年7月8日', '（此件公开发布）',
      '附件1', '主要经济指标完成情况表', '指标\t单位\t1-6月', '地区生产总值\t亿元\t18.6',
      '附件2', '重点项目推进情况表', '全镇列入重点项目9个。',
      '抄送：县发展改革局，县统计局。', '青溪镇党政办公室 2024年7月8日印发',
    ].join('\n');
    const { project, importRun } = importAndBuild('full.txt', text);
    expect(importRun.status, importRun.stderr).toBe(0);
    const { config } = loadProject(project);
    expect(config).toMatchObject({
      title: '青溪镇人民政府关于2024年上半年工作情况的报告',
      header: { copy: '000001', secret: '秘密★1年', urgency: '特急', mark: '青溪镇人民政府文件', number: '青政发〔2024〕12号', signer: ['张三'] },
      recipient: '县人民政府', signature: ['青溪镇人民政府'], date: '2024-07-08', note: '（此件公开发布）',
      attachments: ['主要经济指标完成情况表', '重点项目推进情况表'],
      attachmentFiles: ['attachments/附件1.md', 'attachments/附件2.md'],
      footer: { cc: ['县发展改革局', '县统计局'], printedBy: '青溪镇党政办公室', printedOn: '2024-07-08' },
    });
    expect(readFileSync(join(project, 'attachments', '附件1.md'), 'utf8')).toBe('| 指标 | 单位 | 1-6月 |\n| --- | --- | --- |\n| 地区生产总值 | 亿元 | 18.6 |\n');
  });

  it('a 发文字号 the build would refuse is noted, not written', () => {
    const { project, importRun } = importAndBuild('n.txt', '青溪镇人民政府文件\n青政发[2024]第012号\n\n关于某事的报告\n\n正文。\n');
    expect(importRun.stderr).toMatch(/note: 发文字号 "青政发\[2024\]第012号" left out: .*〔〕/);
    expect(readFileSync(join(project, 'report.yaml'), 'utf8')).not.toContain('number:');
  });
});
