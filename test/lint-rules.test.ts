import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasReference, REFERENCE_REPORT, referenceSkipReason } from './helpers/shared.js';
import { lineColumn } from './helpers/line-column.js';
import { lintMarkdownFiles } from '../src/lint/engine.js';
import { applyFixes, fixFileText } from '../src/lint/fix.js';
import { markdownDirectives, yamlDirectives } from '../src/lint/directives.js';
import { parseChineseNumber } from '../src/text/chinese-numeral.js';

function lint(text: string, rules?: string[]) {
  return lintMarkdownFiles([{ path: '/virtual/a.md', displayPath: 'a.md', text }], undefined, { rules }).findings;
}
const at = (text: string, rules?: string[]) => lint(text, rules).map((f) => `${f.line}:${f.column} ${f.rule} ${f.text}`);
const fix = (text: string) => applyFixes(text, lint(text, ['punctuation']).map((f) => f.fix!));

describe('punctuation rule', () => {
  it('flags half-width , ; : ( ) ? ! next to Chinese characters', () => {
    expect(at('2023年,在市委领导下;工作如下:\n工程(一期)完成了吗?太好了!', ['punctuation'])).toEqual([
      '1:6 punctuation ,', '1:13 punctuation ;', '1:18 punctuation :',
      '2:3 punctuation (', '2:6 punctuation )', '2:11 punctuation ?', '2:15 punctuation !',
    ]);
  });

  it('leaves numbers, times, code, URLs, mustaches, images and Latin text alone', () => {
    const text = [
      '人均收入1,280元，会议10:30开始。',
      '代码`a,b;c:d`不改，网址https://example.com/a?b=1,2不改。',
      '图片![示意图](img/a.png)和{{num 产值 2}}保持。',
      'In English, (like this): fine?',
      '```', '中文,代码块', '```',
      '&nbsp;中文',
    ].join('\n');
    expect(at(text, ['punctuation'])).toEqual([]);
  });

  it('--fix rewrites to full width, eats the spaces typed after the mark, and is idempotent', () => {
    expect(fix('2023年, 在市委领导下:\n工程 (一期) 完成')).toBe('2023年，在市委领导下：\n工程（一期）完成');
    expect(fix('国内生产总值(GDP)增长')).toBe('国内生产总值（GDP）增长');
    const once = fix('如下: 一是(抓项目),二是?');
    expect(fix(once)).toBe(once);
  });

  it('--fix changes only the reported characters and never twice (property)', () => {
    const pieces = fc.constantFrom('中', '文', '年', 'a', '1', ',', ';', ':', '(', ')', '?', '!', ' ', '`', '\n', '{{x}}', 'http://a.b/c?d', '**');
    fc.assert(fc.property(fc.array(pieces, { maxLength: 40 }).map((a) => a.join('')), (text) => {
      const findings = lint(text, ['punctuation']);
      const fixed = applyFixes(text, findings.map((f) => f.fix!));
      expect(fix(fixed)).toBe(fixed);
      // Outside the reported ranges nothing moved: the fixed text is the original with each range replaced.
      const ranges = findings.map((f) => f.fix!).sort((a, b) => a.start - b.start);
      let rebuilt = '';
      let from = 0;
      for (const r of ranges) { rebuilt += text.slice(from, r.start) + r.replacement; from = r.end; }
      expect(fixed).toBe(rebuilt + text.slice(from));
    }), { numRuns: 300 });
  });

  it('keeps CRLF line endings and the BOM when fixing a file', () => {
    const raw = '\uFEFF第一行,中文\r\n第二行:中文\r\n';
    const normalized = '第一行,中文\n第二行:中文\n';
    const fixes = lint(normalized, ['punctuation']).map((f) => f.fix!);
    expect(fixFileText(raw, fixes)).toBe('\uFEFF第一行，中文\r\n第二行：中文\r\n');
  });
});

describe('enumeration rule', () => {
  it('reports 一是/二是 sequences that skip, repeat or restart inside a paragraph', () => {
    expect(at('一是抓项目。二是抓招商。四是抓服务。', ['enumeration'])).toEqual(['1:13 enumeration 四是']);
    expect(at('一是抓项目；二是抓招商；二是抓服务。', ['enumeration'])).toEqual(['1:13 enumeration 二是']);
    expect(at('一是抓项目，二是抓招商，一是抓服务。', ['enumeration'])).toEqual(['1:13 enumeration 一是']);
    expect(lint('一是抓项目。二是抓招商。\n一是抓服务。二是抓党建。三是抓安全。', ['enumeration'])).toEqual([]);
    expect(lint('实事求是，统一是前提，唯一是关键，位居第一。', ['enumeration'])).toEqual([]);
  });

  it('reports 第一/第二 and ①② sequences that skip', () => {
    expect(at('第一，坚持项目为王；第三，坚持创新。', ['enumeration'])).toEqual(['1:11 enumeration 第三']);
    expect(at('①加强领导②完善制度④狠抓落实', ['enumeration'])).toEqual(['1:11 enumeration ④']);
  });

  it('checks the 一、（一）1.（1） hierarchy at line starts: each level restarts under its parent', () => {
    const text = ['一、上半年工作', '(一)抓项目', '（二）抓招商', '（四）抓服务', '二、下半年思路', '（一）产业', '（一）城建', '四、保障'].join('\n');
    expect(at(text, ['enumeration'])).toEqual(['4:1 enumeration （四）', '7:1 enumeration （一）', '8:1 enumeration 四、']);
  });

  it('reports a heading whose written number disagrees with its position or is of another level', () => {
    const text = ['# 上半年工作', '', '## （一）项目', '', '## （三）招商', '', '# 三、下半年', '', '## 一、产业', ''].join('\n');
    expect(lint(text, ['enumeration']).map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      '5:4 heading number "（三）" disagrees with its position (it is printed as "（二）")',
      '7:3 heading number "三、" disagrees with its position (it is printed as "二、")',
      '9:4 level-2 heading starts with "一、", a level-1 number; it would be printed as "（一）一、"',
    ]);
  });

  it('accepts Markdown lists numbered lazily and new lists after text', () => {
    expect(lint('（一）项目\n\n1. 甲\n1. 乙\n1. 丙\n\n说明文字。\n\n1. 再一\n2. 再二\n', ['enumeration'])).toEqual([]);
    expect(at('（一）项目\n\n1. 甲\n2. 乙\n4. 丁\n', ['enumeration'])).toEqual(['5:1 enumeration 4.']);
  });

  it('parses Chinese numbers', () => {
    expect([parseChineseNumber('一'), parseChineseNumber('十'), parseChineseNumber('十二'), parseChineseNumber('二十三'), parseChineseNumber('二二')]).toEqual([1, 10, 12, 23, NaN]);
  });
});

describe('inline disable comments', () => {
  it('silence the next line, a line, or a block, per rule or for all rules', () => {
    const text = [
      '<!-- report-disable-next-line placeholder -->', 'XX亿元', 'XX亿元 <!-- report-disable-line -->',
      '<!-- report-disable punctuation -->', 'XX亿元,中文', '<!-- report-enable punctuation -->', 'XX亿元,中文',
    ].join('\n');
    expect(at(text)).toEqual(['5:1 placeholder XX', '7:1 placeholder XX', '7:5 punctuation ,']);
  });

  it('handle enable of one rule inside a blanket disable, and YAML comments', () => {
    const d = markdownDirectives('<!-- report-disable -->\na\n<!-- report-enable placeholder -->\nb\n<!-- report-enable -->\nc');
    expect([d.isDisabled('placeholder', 2), d.isDisabled('punctuation', 4), d.isDisabled('placeholder', 4), d.isDisabled('punctuation', 6)]).toEqual([true, true, false, false]);
    const y = yamlDirectives('a: 1\n# report-disable-next-line placeholder\nb: XX\n');
    expect([y.isDisabled('placeholder', 3), y.isDisabled('placeholder', 1)]).toEqual([true, false]);
  });
});

describe('placeholder positions in Markdown', () => {
  it('counts columns in code points and skips front matter, comments and code', () => {
    const text = '---\ntitle: XX\n---\n<!--\nXX\n-->\n```\nXX\n```\n𠮷𠮷完成XX亿元\n';
    expect(lint(text, ['placeholder']).map((f) => [f.line, f.column, f.endColumn, f.text, f.context])).toEqual([[10, 5, 7, 'XX', '𠮷𠮷完成XX亿元']]);
  });

  it.skipIf(!hasReference)(`finds the 32 XX of the reference report pasted as one section, at their lines and columns${referenceSkipReason}`, async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(REFERENCE_REPORT, 'utf8');
    const expected: string[] = [];
    for (let at = text.indexOf('XX'); at >= 0; at = text.indexOf('XX', at + 2)) {
      const { line, column } = lineColumn(text, at);
      expected.push(`${line}:${column}`);
    }
    const found = lint(text, ['placeholder']).map((f) => `${f.line}:${f.column}`);
    expect(found).toHaveLength(32);
    expect(found).toEqual(expected);
  });
});
