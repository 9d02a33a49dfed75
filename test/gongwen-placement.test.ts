/**
 * Where the 公文 parts land on the page (GB/T 9704 §7.2, §7.3.6, §7.3.7, §7.4, §10.1), measured the
 * same way in our PDF and in LibreOffice's rendering of the DOCX: words from pdftotext, rules and
 * the red 标志 from the page pixels. Built through the CLI from examples/qingshi (文件格式, every
 * key) and examples/han (信函格式).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runReport } from './helpers/cli.js';
import {
  inkBottom, libreOfficeReason, MM, pixelRows, pixelRules, popplerReason, redInkBox, renderDocx,
  TEXT_BOTTOM_MM, TEXT_LEFT_MM, TEXT_TOP_MM, words, type PixelRow, type Word,
} from './helpers/gongwen.js';

const TEXT_RIGHT_MM = 210 - 26;
const CHAR_MM = 156 / 28;
const ROW_PT = 28.95;

interface Printed { pdf: string; pages: PixelRow[][]; words: Word[] }

function build(name: string): { pdf: string; docx: string } {
  const out = mkdtempSync(join(tmpdir(), `report-place-${name}-`));
  const result = runReport(['build', `examples/${name}`, '--out', out]);
  if (result.status !== 0) throw new Error(result.stderr);
  return { pdf: join(out, `${name}.pdf`), docx: join(out, `${name}.docx`) };
}

const read = (pdf: string): Printed => ({ pdf, pages: pixelRows(pdf), words: words(pdf) });

/** Words of a page grouped into rows (by their bottom edge), left to right. */
function rows(printed: Printed, page: number): Array<{ y: number; x0: number; x1: number; text: string }> {
  const groups: Word[][] = [];
  for (const w of printed.words.filter((word) => word.page === page).sort((a, b) => a.y1 - b.y1)) {
    const group = groups.find((g) => Math.abs(g[0].y1 - w.y1) < 2);
    if (group) group.push(w);
    else groups.push([w]);
  }
  return groups.map((g) => g.sort((a, b) => a.x0 - b.x0)).map((g) => ({
    y: g[0].y1, x0: g[0].x0, x1: Math.max(...g.map((w) => w.x1)), text: g.map((w) => w.text).join(''),
  })).sort((a, b) => a.y - b.y);
}

const mmOf = (pt: number) => pt / MM;

function fileFormatChecks(label: string, get: () => Printed): void {
  it(`${label}: 标志 red, centred, its top 35 mm below the text area; the red rule 4 mm below the 发文字号, as wide as the text area`, () => {
    const printed = get();
    const [rule] = pixelRules(printed.pages).filter((r) => r.page === 1 && r.color === 'red');
    expect(rule.leftMm).toBeCloseTo(TEXT_LEFT_MM, 0);
    expect(rule.rightMm).toBeCloseTo(TEXT_RIGHT_MM, 0);
    const mark = redInkBox(printed.pages[0], rule.topMm)!;
    expect(Math.abs(mark.topMm - (TEXT_TOP_MM + 35))).toBeLessThan(1);
    expect(Math.abs((mark.leftMm + mark.rightMm) / 2 - (TEXT_LEFT_MM + 78))).toBeLessThan(1);
    const numberBottom = inkBottom(printed.pages[0], rule.topMm - 12, rule.topMm)!;
    expect(Math.abs(rule.topMm - numberBottom - 4)).toBeLessThan(1);
  });

  it(`${label}: 份号, 密级, 紧急程度 flush left on rows 1–3; 发文字号 1 字 from the left beside 签发人 1 字 from the right`, () => {
    const page = rows(get(), 1);
    expect(page.slice(0, 3).map((r) => r.text)).toEqual(['000012', '秘密★1年', '特急']);
    for (const r of page.slice(0, 3)) expect(mmOf(r.x0)).toBeCloseTo(TEXT_LEFT_MM, 0);
    // a row apart (word boxes of different faces end at different depths: compare in whole rows)
    expect(Math.round((page[1].y - page[0].y) / ROW_PT)).toBe(1);
    const numberRow = page.find((r) => r.text.startsWith('青政〔2024〕21号'))!;
    expect(numberRow.text).toBe('青政〔2024〕21号签发人：周建华');
    expect(Math.abs(mmOf(numberRow.x0) - (TEXT_LEFT_MM + CHAR_MM))).toBeLessThan(1);
    expect(Math.abs(mmOf(numberRow.x1) - (TEXT_RIGHT_MM - CHAR_MM))).toBeLessThan(1.5);
  });

  it(`${label}: 附注 on the row after the 成文日期, 2 字 from the left`, () => {
    const printed = get();
    const page = [...new Set(printed.words.map((w) => w.page))].find((p) => rows(printed, p).some((r) => r.text.startsWith('（联系人')))!;
    const list = rows(printed, page);
    const at = list.findIndex((r) => r.text.startsWith('（联系人'));
    expect(list[at - 1].text).toBe('2024年7月5日');
    expect(Math.round((list[at].y - list[at - 1].y) / ROW_PT)).toBe(1);
    expect(Math.abs(mmOf(list[at].x0) - (TEXT_LEFT_MM + 2 * CHAR_MM))).toBeLessThan(1);
  });

  it(`${label}: 附件2 opens a new page top left, its title on the third row`, () => {
    const printed = get();
    const page = [...new Set(printed.words.map((w) => w.page))].find((p) => rows(printed, p)[0]?.text === '附件2')!;
    const list = rows(printed, page);
    expect(mmOf(list[0].x0)).toBeCloseTo(TEXT_LEFT_MM, 0);
    expect(list[1].text).toBe('山区防汛能力提升项目资金测算表');
    expect(Math.round((list[1].y - list[0].y) / ROW_PT)).toBe(2);
  });

  it(`${label}: the 版记 on the last page, an even one, its last line on the bottom of the text area`, () => {
    const printed = get();
    const last = printed.pages.length;
    expect(last % 2).toBe(0);
    // the page also holds the attachment's table: the 版记's lines are the lowest three
    const lines = pixelRules(printed.pages).filter((r) => r.page === last && r.color === 'dark').slice(-3);
    const ccTop = mmOf(printed.words.find((w) => w.page === last && w.text.startsWith('抄送'))!.y0);
    expect(lines[0].bottomMm).toBeLessThan(ccTop);
    expect(Math.round((lines[2].topMm - lines[0].topMm) / (ROW_PT / MM))).toBe(3);
    // 0.35 mm outer lines, a 0.25 mm line between 抄送 and 印发
    expect(lines[2].bottomMm - lines[2].topMm).toBeGreaterThan(lines[1].bottomMm - lines[1].topMm);
    expect(Math.abs((lines[2].topMm + lines[2].bottomMm) / 2 - TEXT_BOTTOM_MM)).toBeLessThan(0.6);
    const list = rows(printed, last).filter((r) => mmOf(r.y) < TEXT_BOTTOM_MM);
    const cc = list.findIndex((r) => r.text.startsWith('抄送：'));
    expect(list[cc].text + list[cc + 1].text).toBe('抄送：县应急管理局，县财政局，县水利局，县自然资源和规划局。');
    expect(Math.abs(mmOf(list[cc].x0) - (TEXT_LEFT_MM + 14 / MM))).toBeLessThan(0.8);
    const printedRow = list[list.length - 1];
    expect(printedRow.text).toBe('青溪镇党政办公室2024年7月5日印发');
    expect(Math.abs(mmOf(printedRow.x1) - (TEXT_RIGHT_MM - 14 / MM))).toBeLessThan(0.8);
  });
}

/**
 * `seatMm`: how much lower than our PDF the renderer seats a grid row's text. LibreOffice puts a
 * row's baseline at 80 % of its height, about 1 mm below where the PDF centres it (the same rows
 * on the same pages, as gongwen-examples checks), so text measured against a fixed line moves.
 */
function letterChecks(label: string, get: () => Printed, seatMm: number): void {
  it(`${label}: 信函格式 — 标志 30 mm from the paper's top, red double lines of 170 mm under it and 20 mm above the paper's bottom, 发文字号 flush right`, () => {
    const printed = get();
    const red = pixelRules(printed.pages).filter((r) => r.page === 1 && r.color === 'red');
    expect(red).toHaveLength(4);
    for (const rule of red) {
      expect(Math.abs(rule.leftMm - (TEXT_LEFT_MM + 78 - 85))).toBeLessThan(0.8);
      expect(Math.abs(rule.rightMm - (TEXT_LEFT_MM + 78 + 85))).toBeLessThan(0.8);
    }
    // thick over thin at the top, thin over thick at the foot
    const width = (r: (typeof red)[number]) => r.bottomMm - r.topMm;
    expect(width(red[0])).toBeGreaterThan(width(red[1]));
    expect(width(red[3])).toBeGreaterThan(width(red[2]));
    expect(Math.abs(red[3].bottomMm - (297 - 20))).toBeLessThan(0.6);
    const mark = redInkBox(printed.pages[0], red[0].topMm)!;
    expect(Math.abs(mark.topMm - 30)).toBeLessThan(1);
    expect(Math.abs(red[0].topMm - mark.bottomMm - 4)).toBeLessThan(1.2);
    const number = rows(printed, 1).find((r) => r.text === '青政函〔2024〕8号')!;
    expect(mmOf(number.x1)).toBeCloseTo(TEXT_RIGHT_MM, 0);
    expect(mmOf(number.y)).toBeGreaterThan(red[1].bottomMm);
  });

  it(`${label}: 信函格式 — the 发文字号 7/8 of a 3号 character (4.94 mm) below the first double line (§10.1)`, () => {
    const printed = get();
    const red = pixelRules(printed.pages).filter((r) => r.page === 1 && r.color === 'red');
    const long = (156 / 25.4) * 144 * 0.5;
    const numberTop = printed.pages[0].find((row) => row.yMm > red[1].bottomMm && row.dark > 0 && row.dark < long)!.yMm;
    expect(Math.abs(numberTop - red[1].bottomMm - 4.94 - seatMm)).toBeLessThan(0.5);
  });
}

describe.skipIf(Boolean(popplerReason))(`the 公文 parts in our PDF${popplerReason}`, () => {
  let qingshi: Printed;
  let han: Printed;
  beforeAll(() => {
    qingshi = read(build('qingshi').pdf);
    han = read(build('han').pdf);
  });
  fileFormatChecks('PDF', () => qingshi);
  letterChecks('PDF', () => han, 0);
});

describe.skipIf(Boolean(libreOfficeReason))(`the 公文 parts in LibreOffice's rendering of the DOCX${libreOfficeReason}`, () => {
  let qingshi: Printed;
  let han: Printed;
  beforeAll(async () => {
    qingshi = read(await renderDocx(build('qingshi').docx));
    han = read(await renderDocx(build('han').docx));
  }, 180_000);
  fileFormatChecks('DOCX', () => qingshi);
  letterChecks('DOCX', () => han, 1.1);
});
