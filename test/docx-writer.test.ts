import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Document } from '../src/model/document.js';
import { writeDocx } from '../src/render/docx/index.js';
import { signaturePlacement } from '../src/model/closing.js';
import { loadStyleSpec } from '../src/style/spec.js';
import { sampleDocument } from './fixtures/docx-sample.js';
import { makePng as png } from './helpers/png.js';

const spec = loadStyleSpec('gongwen');

async function parts(doc: Document = sampleDocument()): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(await writeDocx(doc, spec));
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir && !name.startsWith('word/media/')) out[name] = await zip.files[name].async('string');
  return out;
}

/** The XML of the style with this w:name. */
function style(styles: string, name: string): string {
  const match = styles.match(new RegExp(`<w:style [^>]*>(?:(?!</w:style>).)*<w:name w:val="${name}"/>(?:(?!</w:style>).)*</w:style>`));
  expect(match, `style ${name}`).not.toBeNull();
  return match![0];
}

const fourSlots = (ascii: string, eastAsia: string) =>
  new RegExp(`<w:rFonts w:ascii="${ascii}" w:hAnsi="${ascii}" w:eastAsia="${eastAsia}" w:cs="${ascii}" w:hint="eastAsia"/>`);

describe('DOCX writer: page setup', () => {
  it('sets A4 with the GB/T 9704 margins in twips and a 579-twip line grid', async () => {
    const { 'word/document.xml': xml } = await parts();
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588"/);
    expect(xml).toContain('<w:docGrid w:type="lines" w:linePitch="579"/>');
  });

  it('fits 28 body characters a row: 16 pt runs tracked by −0.25 pt in an 8844-twip text area', async () => {
    const { 'word/styles.xml': styles, 'word/document.xml': xml } = await parts();
    const body = style(styles, '正文');
    const attr = (xml: string, element: string, name: string): number => {
      const match = xml.match(new RegExp(`<${element} [^>]*\\b${name}="(-?\\d+)"`));
      expect(match, `${element} ${name}`).not.toBeNull();
      return Number(match![1]);
    };
    // The body run: w:sz in half-points (so ×10 is twips), w:spacing in twips added after each character.
    const tracking = attr(body, 'w:spacing', 'w:val');
    const advance = attr(body, 'w:sz', 'w:val') * 10 + tracking;
    const textWidth = attr(xml, 'w:pgSz', 'w:w') - attr(xml, 'w:pgMar', 'w:left') - attr(xml, 'w:pgMar', 'w:right');
    expect(advance).toBe(315);
    expect(textWidth).toBe(8844);
    // 28 characters fit the text area; 29 do not, even allowing one tracking step of slack.
    expect(28 * advance).toBeLessThanOrEqual(textWidth);
    expect(29 * advance - Math.abs(tracking)).toBeGreaterThan(textWidth);
    // Every row is one 579-twip line: exact height, off the grid snap, in Normal and so in every style.
    expect(style(styles, 'Normal')).toContain('<w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="579" w:lineRule="exact"/>');
    expect(xml).not.toContain('w:lineRule="auto"');
  });
});

describe('DOCX writer: styles and fonts', () => {
  it('names every paragraph style in Chinese so a user can restyle in Word', async () => {
    const { 'word/styles.xml': styles } = await parts();
    for (const name of ['标题', '一级标题', '二级标题', '三级标题', '四级标题', '正文', '署名', '成文日期', '主送机关', '附件说明', '表格文字', '表头', '页码', '公文表格']) {
      style(styles, name);
    }
  });

  it('writes 16 pt 仿宋_GB2312 in all four rFonts slots as the document default, zh-CN for East Asian text', async () => {
    const { 'word/styles.xml': styles } = await parts();
    const defaults = styles.match(/<w:docDefaults>.*<\/w:docDefaults>/)![0];
    expect(defaults).toMatch(fourSlots('Times New Roman', '仿宋_GB2312'));
    expect(defaults).toContain('<w:sz w:val="32"/><w:szCs w:val="32"/>');
    expect(defaults).toContain('w:eastAsia="zh-CN"');
    expect(defaults).toContain('<w:kinsoku/>');
  });

  it('sets the title in 22 pt 方正小标宋简体, centred and not bold', async () => {
    const { 'word/styles.xml': styles } = await parts();
    const title = style(styles, '标题');
    expect(title).toMatch(fourSlots('Times New Roman', '方正小标宋简体'));
    expect(title).toContain('<w:sz w:val="44"/>');
    expect(title).toContain('<w:jc w:val="center"/>');
    expect(title).not.toMatch(/<w:b\b/);
  });

  it('gives headings 黑体, 楷体_GB2312 and 仿宋_GB2312, indented two characters like the justified body', async () => {
    const { 'word/styles.xml': styles } = await parts();
    const faces = { 一级标题: '黑体', 二级标题: '楷体_GB2312', 三级标题: '仿宋_GB2312', 四级标题: '仿宋_GB2312' };
    for (const [name, face] of Object.entries(faces)) {
      const heading = style(styles, name);
      expect(heading).toMatch(fourSlots('Times New Roman', face));
      expect(heading).toContain('<w:sz w:val="32"/>');
      expect(heading).toContain('w:firstLineChars="200"');
      expect(heading).not.toMatch(/<w:b\b/);
    }
    const body = style(styles, '正文');
    expect(body).toContain('<w:ind w:left="0" w:firstLine="632" w:firstLineChars="200"/>');
    expect(body).toContain('<w:jc w:val="both"/>');
    expect(style(styles, '表格文字')).toContain('<w:sz w:val="28"/>');
  });

  it('marks runs with Chinese text or punctuation eastAsia, keeps bold only where the model has it and highlights draft blanks', async () => {
    const { 'word/document.xml': xml } = await parts();
    expect(xml).toMatch(/<w:r><w:rPr><w:rFonts w:hint="eastAsia"\/><\/w:rPr><w:t xml:space="preserve">从主要指标看，全镇“稳增长/);
    const bold = [...xml.matchAll(/<w:r><w:rPr>(?:(?!<\/w:rPr>).)*<w:b\/>(?:(?!<\/w:rPr>).)*<\/w:rPr><w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    expect(bold).toEqual(['18.6亿元']);
    expect(xml).toMatch(/<w:highlight w:val="yellow"\/>(?:(?!<\/w:r>).)*XX万元/);
    // A pure-ASCII run needs no hint.
    const ascii = await parts({ ...sampleDocument(), body: [{ kind: 'paragraph', content: [{ kind: 'text', text: 'GDP 2023' }] }] });
    expect(ascii['word/document.xml']).toContain('<w:r><w:t xml:space="preserve">GDP 2023</w:t></w:r>');
  });
});

describe('DOCX writer: heading numbers', () => {
  it('numbers headings 一、（一）1.（1） with one four-level Chinese list linked to the heading styles', async () => {
    const { 'word/numbering.xml': numbering, 'word/styles.xml': styles } = await parts();
    expect(numbering.match(/<w:abstractNum /g)).toHaveLength(1);
    const levels = [...numbering.matchAll(/<w:lvl w:ilvl="(\d)"><w:start w:val="1"\/><w:numFmt w:val="(\w+)"\/><w:pStyle w:val="(\w+)"\/><w:suff w:val="nothing"\/><w:lvlText w:val="([^"]+)"\/>/g)]
      .map((m) => [m[2], m[4]]);
    expect(levels).toEqual([['chineseCounting', '%1、'], ['chineseCounting', '（%2）'], ['decimal', '%3.'], ['decimal', '（%4）']]);
    expect(numbering).not.toContain('lvlRestart');
    expect(numbering.match(/<w:num w:numId=/g)).toHaveLength(1);
    expect(style(styles, '二级标题')).toContain('<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>');
  });

  it('leaves the number to Word when Word counts as the model does, and prints it literally otherwise', async () => {
    const { 'word/document.xml': xml } = await parts();
    expect(xml).not.toMatch(/<w:t[^>]*>[一二三四]、/);
    expect(xml).toMatch(/<w:pStyle w:val="GwHeading1"\/><w:numPr><w:ilvl w:val="0"\/><w:numId w:val="1"\/><\/w:numPr><\/w:pPr><w:r><w:rPr><w:rFonts w:hint="eastAsia"\/><\/w:rPr><w:t xml:space="preserve">上半年主要工作成效<\/w:t>/);
    const odd = await parts({ ...sampleDocument(), body: [{ kind: 'heading', level: 1, ordinal: 3, number: '三、', content: [{ kind: 'text', text: '补充说明' }] }] });
    expect(odd['word/document.xml']).toContain('<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>');
    expect(odd['word/document.xml']).toContain('>三、</w:t>');
  });
});

describe('DOCX writer: page numbers', () => {
  it('writes — N — in 4号宋体, odd pages right and even pages left, one character in', async () => {
    const p = await parts();
    expect(p['word/settings.xml']).toContain('<w:evenAndOddHeaders/>');
    const sect = p['word/document.xml'].match(/<w:sectPr>.*<\/w:sectPr>/)![0];
    const rels = p['word/_rels/document.xml.rels'];
    const footer = (type: string) => {
      const id = sect.match(new RegExp(`<w:footerReference w:type="${type}" r:id="(\\w+)"/>`))![1];
      return p[`word/${rels.match(new RegExp(`Id="${id}" [^>]*Target="([^"]+)"`))![1]}`];
    };
    const odd = footer('default');
    const even = footer('even');
    for (const xml of [odd, even]) {
      expect(xml).toContain('<w:pStyle w:val="GwPageNumber"/>');
      expect(xml).toContain('<w:t xml:space="preserve">— </w:t>');
      expect(xml).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
      expect(xml).toContain('<w:t xml:space="preserve"> —</w:t>');
      expect(xml).toMatch(/<w:rFonts w:ascii="宋体" w:cs="宋体" w:eastAsia="宋体" w:hAnsi="宋体" w:hint="eastAsia"\/>/);
    }
    expect(odd).toContain('<w:ind w:right="280"/><w:jc w:val="right"/>');
    expect(even).toContain('<w:ind w:left="280"/><w:jc w:val="left"/>');
    expect(style(p['word/styles.xml'], '页码')).toContain('<w:sz w:val="28"/>');
    // Footer 25.6 mm from the paper edge: the dash line 7 mm below the text area (measured in the rendered PDF).
    expect(sect).toContain('w:footer="1447"');
  });
});

describe('DOCX writer: settings', () => {
  it('keeps punctuation inside the margin, uncompressed, with the zh-CN kinsoku lists', async () => {
    const p = await parts();
    // LibreOffice reads w:overflowPunct inverted; "1" is what keeps marks inside its margin (see styles.ts).
    expect(p['word/styles.xml']).toContain('<w:kinsoku/><w:overflowPunct w:val="1"/>');
    expect(p['word/settings.xml']).toContain('<w:characterSpacingControl w:val="doNotCompress"/>');
    expect(p['word/settings.xml']).toMatch(/<w:noLineBreaksBefore w:lang="zh-CN" w:val="[^"]*、。[^"]*"\/>/);
    expect(p['word/settings.xml']).toMatch(/<w:noLineBreaksAfter w:lang="zh-CN" w:val="[^"]*“〈《[^"]*"\/>/);
  });
});

describe('DOCX writer: opening and closing', () => {
  it('puts the recipient flush left with a full-width colon after one blank row below the title', async () => {
    const { 'word/document.xml': xml } = await parts();
    expect(xml).toMatch(/<w:pStyle w:val="GwTitle"\/>.*?<\/w:p><w:p><w:pPr><w:pStyle w:val="GwBody"\/><\/w:pPr><\/w:p><w:p><w:pPr><w:pStyle w:val="GwRecipient"\/><\/w:pPr><w:r>(?:(?!<\/w:r>).)*县人民政府：<\/w:t>/);
  });

  it('numbers several attachments and aligns them after 附件：', async () => {
    const { 'word/document.xml': xml } = await parts();
    expect(xml).toMatch(/<w:pStyle w:val="GwAttachment"\/>(?:<w:keepNext\/>)?<w:ind w:left="1895" w:hanging="1263"\/><\/w:pPr>.*?附件：1\.青禾镇2023年上半年主要经济指标完成情况表/);
    expect(xml).toMatch(/<w:pStyle w:val="GwAttachment"\/>(?:<w:keepNext\/>)?<w:ind w:left="1895" w:hanging="316"\/><\/w:pPr>.*?>2\.青禾镇2023年重点项目推进情况一览表/);
  });

  it('places 署名 two characters from the right and the date two characters right of its start (§7.3.5.2)', async () => {
    // columns of the first characters, counted from the text area's left edge (28 in a row)
    const placed = (signature: string[], date: string) => {
      const p = signaturePlacement(signature, date, spec);
      return { signature: p.signature.map((s) => s.startChars), date: p.date?.startChars };
    };
    // Widths as printed: 2023年7月10日 is 6.5 字 by the standard's count plus five ⅕-em Han–Latin
    // gaps = 7.5. 署名 2 字 from the right (10 字 → starts at 16), the date 2 字 right of its start.
    expect(placed(['青禾镇人民政府委员会'], '2023年7月10日')).toEqual({ signature: [16], date: 18 });
    // A date longer than the 署名 (8 字 printed): date 2 from the right, 署名 moved left.
    expect(placed(['青禾镇'], '2023年12月31日')).toEqual({ signature: [16], date: 18 });
    // A date 7.5 字 under a 7-字 署名 would end half a 字 from the edge: it counts as longer.
    expect(placed(['青禾镇人民政府'], '2023年7月10日')).toEqual({ signature: [16.5], date: 18.5 });
    const { 'word/document.xml': xml } = await parts();
    expect(xml).toMatch(/<w:pStyle w:val="GwSignature"\/>(?:<w:keepNext\/>)?<w:ind w:left="5212" w:right="0"\/><w:jc w:val="left"\/><\/w:pPr>.*?青禾镇人民政府/);
    expect(xml).toMatch(/<w:pStyle w:val="GwDate"\/><w:ind w:left="5843" w:right="0"\/><w:jc w:val="left"\/><\/w:pPr>.*?2023年7月10日/);
  });
});

describe('DOCX writer: tables and images', () => {
  it('sets tables across the full text width with borders and a repeated header row', async () => {
    const p = await parts();
    const table = p['word/document.xml'].match(/<w:tbl>.*?<\/w:tbl>/)![0];
    expect(table).toContain('<w:tblStyle w:val="GwTable"/><w:tblW w:type="dxa" w:w="8844"/>');
    const cols = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(cols.reduce((a, b) => a + b, 0)).toBe(8844);
    expect(table).toContain('<w:tblHeader/>');
    expect(table).toMatch(/<w:pStyle w:val="GwTableText"\/><w:jc w:val="right"\/><\/w:pPr>.*?18\.6/);
    expect(style(p['word/styles.xml'], '公文表格')).toMatch(/<w:tblBorders><w:top w:val="single" w:sz="4"/);
  });

  it('embeds a PNG scaled to the text width', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'docx-image-'));
    const path = join(dir, 'chart.png');
    writeFileSync(path, png(1200, 600));
    const zip = await JSZip.loadAsync(await writeDocx({ ...sampleDocument(), body: [{ kind: 'image', path, alt: '图1', format: 'png', widthPx: 1200, heightPx: 600 }] }, spec));
    const media = Object.keys(zip.files).filter((name) => name.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    const xml = await zip.file('word/document.xml')!.async('string');
    // 8844 tw = 442.2 pt = 5615940 EMU wide; height keeps the 2:1 ratio.
    const [, cx, cy] = xml.match(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/)!;
    expect(Math.abs(Number(cx) - 8844 * 635)).toBeLessThan(9525);
    expect(Math.abs(Number(cx) / Number(cy) - 2)).toBeLessThan(0.01);
    await expect(writeDocx({ ...sampleDocument(), body: [{ kind: 'image', path: join(dir, 'missing.png'), alt: '', format: 'png', widthPx: 10, heightPx: 10, source: { file: 'sections/a.md', line: 3, column: 1 } }] }, spec))
      .rejects.toThrow('sections/a.md:3:1: image not found');
  });
});

describe('DOCX writer: metadata and reproducibility', () => {
  it('takes title, author and dates from the model, never the clock', async () => {
    const { 'docProps/core.xml': core } = await parts();
    expect(core).toContain('<dc:title>青禾镇2023年上半年工作情况报告</dc:title>');
    expect(core).toContain('<dc:creator>青禾镇人民政府</dc:creator>');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2023-07-10T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2023-07-10T00:00:00Z</dcterms:modified>');
  });

  it('writes byte-identical files for the same model, pictures included, with fixed zip dates', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'docx-same-')), 'chart.png');
    writeFileSync(path, png(300, 200));
    const doc = (): Document => ({ ...sampleDocument(), body: [...sampleDocument().body, { kind: 'image', path, alt: '图1', format: 'png', widthPx: 300, heightPx: 200 }] });
    const first = await writeDocx(doc(), spec);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await writeDocx(doc(), spec);
    expect(second.equals(first)).toBe(true);
    const zip = await JSZip.loadAsync(first);
    const names = Object.keys(zip.files);
    expect(names.slice(0, 2)).toEqual(['[Content_Types].xml', '_rels/.rels']);
    for (const name of names) expect(zip.files[name].date.toISOString()).toBe('2023-07-10T00:00:00.000Z');
  });
});


describe('DOCX writer: the closing block never stands alone on a page', () => {
  it('keeps the 附件说明 and the 署名 with the date (§7.3.5.5), and a short last paragraph with them', async () => {
    const { 'word/document.xml': xml } = await parts();
    const paragraphs = xml.split('<w:p>').slice(1);
    const dateIndex = paragraphs.findIndex((p) => p.includes('GwDate'));
    const firstClosing = paragraphs.findIndex((p) => p.includes('GwAttachment'));
    // Every paragraph of the closing block keeps with its next; the date ends the chain.
    for (const p of paragraphs.slice(firstClosing - 1, dateIndex)) expect(p).toContain('<w:keepNext/>');
    expect(paragraphs[dateIndex]).not.toContain('<w:keepNext/>');
    // The body's last paragraph here is four rows long: it is not moved whole (that left 17 rows
    // empty in LibreOffice); where the layout moves its last rows, the DOCX splits it there.
    expect(paragraphs[firstClosing - 2]).not.toContain('<w:keepNext/>');
    const short = await parts({ ...sampleDocument(), body: [{ kind: 'paragraph', content: [{ kind: 'text', text: '以上报告，请审阅。' }] }] });
    expect(short['word/document.xml'].split('<w:p>').find((p) => p.includes('以上报告，请审阅。'))).toContain('<w:keepNext/>');
  });
});

describe('DOCX writer: headings carry their numbering', () => {
  it('repeats the style-linked numbering on each numbered heading paragraph', async () => {
    const { 'word/document.xml': xml } = await parts();
    const headings = xml.match(/<w:pStyle w:val="GwHeading[1-4]"\/>.*?<\/w:pPr>/g) ?? [];
    expect(headings.length).toBeGreaterThan(3);
    for (const heading of headings) {
      const level = Number(/GwHeading([1-4])/.exec(heading)![1]);
      expect(heading).toMatch(new RegExp(`<w:numPr><w:ilvl w:val="${level - 1}"/><w:numId w:val="(1|0)"/></w:numPr>`));
    }
  });
});
