/**
 * Pagination of the 公文 parts through the CLI: the 版记 goes to the foot of an even page — the next
 * page when the body ends on an odd one, after a blank page when an even page is full (both then
 * unnumbered, §7.5) — in our PDF and in LibreOffice's rendering of the DOCX; a project without the
 * new keys builds exactly as before; the txt output prints the parts; `report init --kind` starts
 * every 文种.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runReport } from './helpers/cli.js';
import { checkerReason, libreOfficeReason, pageTexts, renderDocx, violations, words } from './helpers/gongwen.js';
import { makeProject } from './helpers/project.js';

const HAN = '全镇上下坚持安全第一预防为主综合治理的方针层层压实防汛责任';
/** A paragraph of `rows` full rows (the first indented two 字). */
const paragraph = (rows: number) => `${Array.from({ length: 26 + (rows - 1) * 28 - 1 }, (_, i) => HAN[i % HAN.length]).join('')}。`;
// title, a blank row and the 主送 take 3 of page 1's 22 rows
const project = (bodyRows: number) => makeProject({
  'report.yaml': 'title: 关于做好汛期安全工作的通知\nrecipient: 各村（社区）\nsections: [s.md]\nfooter:\n  cc: [县应急管理局]\n  printedBy: 青溪镇党政办公室\n  printedOn: 2024-06-20\n',
  's.md': `${paragraph(bodyRows)}\n`,
});

function build(dir: string): { pdf: string; docx: string } {
  const result = runReport(['build', '.'], { cwd: dir });
  expect(result.status, result.stderr).toBe(0);
  return { pdf: join(dir, 'out', 'report.pdf'), docx: join(dir, 'out', 'report.docx') };
}

/** Page numbers printed below the text area, as [page, number]. */
function pageNumbers(pdf: string): Array<[number, string]> {
  return words(pdf).filter((w) => /^\d+$/.test(w.text) && w.y0 > (297 - 35) * (72 / 25.4)).map((w) => [w.page, w.text]);
}

function expectColophonPages(pdf: string, pages: number, numbered: Array<[number, string]>): void {
  const texts = pageTexts(pdf);
  expect(texts).toHaveLength(pages);
  expect(texts[pages - 1]).toMatch(/抄送：县应急管理局。\n青溪镇党政办公室2024年6月20日印发/);
  expect(pageNumbers(pdf)).toEqual(numbered);
}

describe.skipIf(Boolean(checkerReason))(`the 版记 on the foot of an even page${checkerReason}`, () => {
  it('a body ending on page 1 puts the 版记 alone on page 2, numbered', () => {
    const { pdf } = build(project(10));
    expectColophonPages(pdf, 2, [[1, '1'], [2, '2']]);
    expect(violations(pdf)).toEqual([]);
  });

  it('a full page 2 leaves page 3 blank and puts the 版记 on page 4; neither carries a page number (§7.5)', () => {
    const { pdf } = build(project(40));
    expectColophonPages(pdf, 4, [[1, '1'], [2, '2']]);
    expect(pageTexts(pdf)[2]).toBe('');
    // the checker wants a number on every page: its only findings are the two the standard asks for
    expect(violations(pdf).map((v) => [v.page, v.rule])).toEqual([[3, 'page-number'], [4, 'page-number']]);
  });

  it.skipIf(Boolean(libreOfficeReason))(`LibreOffice prints the DOCX the same way: the blank page and the unnumbered 版记 page${libreOfficeReason}`, async () => {
    const { pdf, docx } = build(project(40));
    const theirs = await renderDocx(docx);
    expectColophonPages(theirs, 4, [[1, '1'], [2, '2']]);
    expect(pageTexts(theirs)).toEqual(pageTexts(pdf));
    const short = build(project(10));
    const rendered = await renderDocx(short.docx);
    expectColophonPages(rendered, 2, [[1, '1'], [2, '2']]);
    expect(violations(rendered)).toEqual([]);
  }, 120_000);
});

describe.skipIf(Boolean(checkerReason))(`纪要格式: 出席, 请假 after the body, wrapped lines under the names (§10.3)${checkerReason}`, () => {
  const names = Array.from({ length: 12 }, (_, i) => `镇${'一二三四五六七八九十'[i % 10]}办公室负责人`).join('、');
  const minutes = () => makeProject({
    'report.yaml': 'kind: 纪要\ntitle: 关于防汛工作的会议纪要\ndate: 2024-06-20\nsections: [s.md]\nheader:\n  issuer: 青溪镇党政联席会议\n  number: 青政纪〔2024〕3号\n',
    's.md': `会议研究了防汛工作。\n\n出席：${names}\n\n请假：王五\n`,
  });
  const check = (pdf: string) => {
    const list = words(pdf).filter((w) => w.page === 1).sort((a, b) => a.y1 - b.y1 || a.x0 - b.x0);
    const at = list.findIndex((w) => w.text.startsWith('出席'));
    const rowsBelow = [...new Set(list.slice(at).map((w) => Math.round(w.y1)))];
    const first = (y: number) => list.find((w) => Math.round(w.y1) === y)!;
    const char = 156 / 28 * (72 / 25.4);
    expect(first(rowsBelow[0]).x0).toBeCloseTo(28 * (72 / 25.4) + 2 * char, -0.5);
    expect(first(rowsBelow[1]).x0).toBeCloseTo(28 * (72 / 25.4) + 5 * char, -0.5);
    const leave = rowsBelow.map(first).find((w) => w.text.startsWith('请假'))!;
    expect(leave.x0).toBeCloseTo(28 * (72 / 25.4) + 2 * char, -0.5);
    expect(violations(pdf).filter((v) => v.rule !== 'ragged-line')).toEqual([]);
  };
  it('in our PDF', () => check(build(minutes()).pdf));
  it.skipIf(Boolean(libreOfficeReason))(`in LibreOffice's rendering of the DOCX${libreOfficeReason}`, async () => check(await renderDocx(build(minutes()).docx)), 60_000);
});

describe('a project without the 公文 keys builds as before', () => {
  it('town-report with `kind: 报告` (the default 文种) builds byte-identical DOCX and PDF', () => {
    const plain = mkdtempSync(join(tmpdir(), 'report-plain-'));
    const kinded = mkdtempSync(join(tmpdir(), 'report-kind-'));
    const config = readFileSync('examples/town-report/report.yaml', 'utf8');
    expect(runReport(['build', 'examples/town-report', '--out', plain]).status).toBe(0);
    const copy = makeProject({ 'report.yaml': `kind: 报告\n${config.replace(/^template: gongwen\n/m, '')}` });
    for (const file of ['indicators.yaml', 'sections/01-summary.md', 'sections/02-plan.md']) {
      makeProjectFile(copy, file, readFileSync(join('examples/town-report', file)));
    }
    expect(runReport(['build', copy, '--out', kinded]).status).toBe(0);
    for (const ext of ['docx', 'pdf']) {
      expect(readFileSync(join(kinded, `town-report.${ext}`)).equals(readFileSync(join(plain, `town-report.${ext}`)))).toBe(true);
    }
    const styles = readFileSync(join(plain, 'town-report.docx')).toString('latin1');
    expect(styles).not.toContain('GwMark');
  });
});

describe('the txt output prints the 公文 parts', () => {
  it('版头, 附注, 附件 page and 版记 of examples/qingshi, in print order', () => {
    const out = mkdtempSync(join(tmpdir(), 'report-txt-'));
    expect(runReport(['build', 'examples/qingshi', '--format', 'txt', '--out', out]).status).toBe(0);
    const text = readFileSync(join(out, 'qingshi.txt'), 'utf8');
    expect(text.startsWith('000012\n秘密★1年\n特急\n青溪镇人民政府文件\n青政〔2024〕21号\u3000\u3000签发人：周建华\n\n关于申请下达2024年度')).toBe(true);
    expect(text).toContain('2024年7月5日\n\u3000\u3000（联系人：镇应急管理办公室 陈立，电话：0571-6583 2219）\n\n附件2\n\n山区防汛能力提升项目资金测算表\n');
    expect(text.endsWith('抄送：县应急管理局，县财政局，县水利局，县自然资源和规划局。\n青溪镇党政办公室\u3000\u30002024年7月5日印发\n')).toBe(true);
  });
});

describe('report init --kind starts each 文种', () => {
  for (const [kind, name] of [['请示', 'qingshi'], ['通知', 'tongzhi'], ['函', 'han'], ['纪要', 'jiyao'], ['报告', 'report']]) {
    it(`${kind}: a project whose blanks stop the final build and that builds as a draft`, () => {
      const parent = makeProject({});
      const init = runReport(['init', 'p', '--kind', kind], { cwd: parent });
      expect(init.status, init.stderr).toBe(0);
      expect(readFileSync(join(parent, 'p', 'report.yaml'), 'utf8')).toMatch(kind === '报告' ? /title:/ : new RegExp(`kind: ${kind}`));
      const final = runReport(['build', 'p', '--format', 'docx'], { cwd: parent });
      expect(final.status).toBe(1);
      expect(final.stderr).toMatch(/unfilled blank "(……)?（在此填写/);
      const draft = runReport(['build', 'p', '--draft'], { cwd: parent });
      expect(draft.status, draft.stderr).toBe(0);
      for (const ext of ['docx', 'pdf']) expect(existsSync(join(parent, 'p', 'out', `${name}.${ext}`))).toBe(true);
    });
  }
});

function makeProjectFile(dir: string, file: string, content: Buffer): void {
  const target = join(dir, file);
  mkdirSync(join(target, '..'), { recursive: true });
  writeFileSync(target, content);
}
