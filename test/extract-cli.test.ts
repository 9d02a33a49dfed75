/**
 * `report extract` end to end: the printed text does not change, blanks stop the build at their
 * YAML line, --dry-run writes nothing, keys are the same on every run and survive a rename in
 * the YAML, a second run finds nothing new.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { writeEdits } from '../src/extract/command.js';
import { runReport } from './helpers/cli.js';
import { makeProject } from './helpers/project.js';
import { makeDocx, MONTHLY_ANALYSIS } from './fixtures/import/documents.js';
import { importAndBuild } from './fixtures/import/round-trip.js';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'import');

/** Every file of a project folder (but its build outputs) with its text. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (sub: string) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const path = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) { if (entry.name !== 'out') walk(path); } else out[path] = readFileSync(join(dir, path), 'utf8');
    }
  };
  walk('');
  return out;
}

function buildText(project: string, draft = false): { status: number | null; stderr: string; text: string } {
  const run = runReport(['build', project, '--format', 'txt', '--out', join(project, 'out'), ...(draft ? ['--draft'] : [])]);
  const name = readdirSync(join(project, 'out')).find((f) => f.endsWith('.txt'));
  return { status: run.status, stderr: run.stderr, text: name && run.status === 0 ? readFileSync(join(project, 'out', name), 'utf8') : '' };
}

describe('report extract', () => {
  it('moves every figure of a filled-in report into typed indicators, and the build prints the same text', async () => {
    const { project, text: before, buildRun } = importAndBuild('yunling.docx', await makeDocx(MONTHLY_ANALYSIS));
    expect(buildRun.status).toBe(0);
    const run = runReport(['extract', project]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/extracted 33 figure\(s\) from \d section file\(s\) into \d+ indicator\(s\) in .*indicators\.yaml/);
    const after = buildText(project);
    expect(after.status, after.stderr).toBe(0); // no blank left: a normal build passes
    expect(after.text).toBe(before);
    const data = parse(readFileSync(join(project, 'indicators.yaml'), 'utf8'));
    expect(data['规上工业总产值']).toEqual({ value: 86.42, unit: '亿元', 增速: 9.3 });
    expect(data['新材料产业产值']).toEqual({ value: 18.7, unit: '亿元', decimals: 2, 增速: 11.2 });
    expect(data['工业投资']).toEqual({ value: 12.4, unit: '亿元', 增速: 21.5, 完成率: 42.8 });
    const section = readFileSync(join(project, 'sections', readdirSync(join(project, 'sections'))[0]), 'utf8');
    expect(section).toContain('全县规上工业总产值{{规上工业总产值}}，同比{{change 规上工业总产值.增速}}');
  });

  it('turns blanks into indicators whose value is the blank: the build refuses them at their YAML line', () => {
    const { project } = importAndBuild('qingxi.txt', readFileSync(join(FIXTURES, 'qingxi-2024h1.txt')));
    expect(runReport(['extract', project]).status).toBe(0);
    const yaml = readFileSync(join(project, 'indicators.yaml'), 'utf8');
    expect(yaml).toMatch(/^规上工业总产值: \{value: XX, unit: 亿元, 增速: XX\}/m);
    const build = runReport(['build', project, '--format', 'txt']);
    expect(build.status).toBe(1);
    const line = yaml.split('\n').findIndex((l) => l.startsWith('规上工业总产值:')) + 1;
    expect(build.stderr).toContain(`indicators.yaml:${line}:`);
  });

  it('--dry-run prints the keys and changes as a unified diff and writes nothing', () => {
    const { project } = importAndBuild('qingxi.txt', readFileSync(join(FIXTURES, 'qingxi-2024h1.txt')));
    const before = snapshot(project);
    const run = runReport(['extract', project, '--dry-run']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^--- a\/.*indicators\.yaml\n\+\+\+ b\/.*indicators\.yaml\n@@ /m);
    expect(run.stdout).toContain('+固定资产投资: {value: 12.6, unit: 亿元, 完成率: 58.3}');
    expect(run.stdout).toMatch(/^-.*完成固定资产投资12\.6亿元，完成全年任务的58\.3%/m);
    expect(run.stdout).toMatch(/^\+.*完成固定资产投资\{\{固定资产投资\}\}，完成全年任务的\{\{pct 固定资产投资\.完成率\}\}/m);
    expect(run.stderr).toContain('(dry run: nothing written)');
    expect(snapshot(project)).toEqual(before);
  });

  it('gives the same keys on every run, and a second run finds nothing new', () => {
    const text = readFileSync(join(FIXTURES, 'lantian-2023q3.txt'));
    const first = importAndBuild('lantian.txt', text).project;
    const second = importAndBuild('lantian.txt', text).project;
    expect(runReport(['extract', first]).status).toBe(0);
    expect(runReport(['extract', second]).status).toBe(0);
    const a = snapshot(first);
    expect(snapshot(second)).toEqual(a);
    const again = runReport(['extract', first]);
    expect(again.status).toBe(0);
    expect(again.stderr).toMatch(/^nothing to extract/);
    expect(snapshot(first)).toEqual(a);
  });

  it('follows a key renamed in the YAML only, and adds figures typed since without touching the rest', () => {
    const { project } = importAndBuild('qingxi.txt', readFileSync(join(FIXTURES, 'qingxi-2024h1.txt')));
    expect(runReport(['extract', project]).status).toBe(0);
    const yamlPath = join(project, 'indicators.yaml');
    writeFileSync(yamlPath, readFileSync(yamlPath, 'utf8').replace(/^固定资产投资:/m, '固投:'));
    const sectionPath = join(project, 'sections', readdirSync(join(project, 'sections'))[0]);
    writeFileSync(sectionPath, `${readFileSync(sectionPath, 'utf8')}\n新增市场主体326户。\n`);
    const run = runReport(['extract', project]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/extracted 1 figure\(s\).*2 reference\(s\) follow keys renamed in the YAML/);
    const section = readFileSync(sectionPath, 'utf8');
    expect(section).toContain('完成固定资产投资{{固投}}，完成全年任务的{{pct 固投.完成率}}');
    expect(section).toContain('新增市场主体{{新增市场主体}}。');
    expect(section).not.toContain('{{固定资产投资');
    const draft = buildText(project, true);
    expect(draft.status, draft.stderr).toBe(0);
    expect(draft.text).toContain('完成固定资产投资12.6亿元，完成全年任务的58.3%');
  });

  it('a project without an indicator file gets one, named in report.yaml', () => {
    const project = makeProject({
      'report.yaml': 'title: 测试报告\nsections: [sections/*.md]\n',
      'sections/01.md': '# 总体情况\n\n全年接待游客27.6万人次，旅游收入3.18亿元。\n',
    });
    const before = buildText(project).text;
    expect(runReport(['extract', project]).status).toBe(0);
    expect(readFileSync(join(project, 'report.yaml'), 'utf8')).toMatch(/^indicators: indicators\.yaml$/m);
    expect(parse(readFileSync(join(project, 'indicators.yaml'), 'utf8'))).toEqual({ 接待游客: { value: 27.6, unit: '万人次' }, 旅游收入: { value: 3.18, unit: '亿元' } });
    expect(buildText(project).text).toBe(before);
  });

  it('keeps CRLF line endings and the BOM of the files it rewrites; --dry-run shows only the changed lines', () => {
    const project = makeProject({
      'report.yaml': 'title: 测试报告\r\nsections: [sections/*.md]\r\nindicators: indicators.yaml\r\n',
      'indicators.yaml': '\uFEFF# 数据\r\n固投: {value: 12.6, unit: 亿元}  # extracted as 固定资产投资: “完成固定资产投资12.6亿元”\r\n',
      'sections/01.md': '\uFEFF# 总体情况\r\n\r\n全年接待游客27.6万人次。\r\n\r\n完成固定资产投资{{固定资产投资}}。\r\n\r\n其余不变。\r\n',
    });
    const changed = (diff: string) => diff.split('\n').filter((l) => /^[-+](?![-+]{2} [ab]\/)/u.test(l));
    const dry = runReport(['extract', project, '--dry-run']);
    expect(dry.status, dry.stderr).toBe(0);
    // A figure and a renamed key in the section, two lines appended to indicators.yaml (and the blank line before them).
    expect(changed(dry.stdout)).toEqual([
      '+\r',
      '+# report extract: figures of sections/01.md\r',
      '+接待游客: {value: 27.6, unit: 万人次}  # extracted as 接待游客: “全年接待游客27.6万人次”\r',
      '-全年接待游客27.6万人次。\r',
      '+全年接待游客{{接待游客}}。\r',
      '-完成固定资产投资{{固定资产投资}}。\r',
      '+完成固定资产投资{{固投}}。\r',
    ]);
    expect(runReport(['extract', project]).status).toBe(0);
    expect(readFileSync(join(project, 'sections', '01.md'), 'utf8')).toBe('\uFEFF# 总体情况\r\n\r\n全年接待游客{{接待游客}}。\r\n\r\n完成固定资产投资{{固投}}。\r\n\r\n其余不变。\r\n');
    expect(readFileSync(join(project, 'indicators.yaml'), 'utf8')).toBe('\uFEFF# 数据\r\n固投: {value: 12.6, unit: 亿元}  # extracted as 固定资产投资: “完成固定资产投资12.6亿元”\r\n'
      + '\r\n# report extract: figures of sections/01.md\r\n接待游客: {value: 27.6, unit: 万人次}  # extracted as 接待游客: “全年接待游客27.6万人次”\r\n');
  });

  it('keeps CRLF and the BOM of report.yaml when it names the new indicator file', () => {
    const project = makeProject({
      'report.yaml': '\uFEFFtitle: 测试报告\r\nsections: [sections/*.md]',
      'sections/01.md': '旅游收入3.18亿元。\n',
    });
    expect(runReport(['extract', project]).status).toBe(0);
    expect(readFileSync(join(project, 'report.yaml'), 'utf8')).toBe('\uFEFFtitle: 测试报告\r\nsections: [sections/*.md]\r\nindicators: indicators.yaml\r\n');
  });

  it('writes all edits or none: when one file cannot be written, those already written get their bytes back', () => {
    const project = makeProject({ 'a.yaml': 'a: 1\n', 'b.md': '旅游收入3.18亿元。\n' });
    const a = join(project, 'a.yaml');
    const b = join(project, 'b.md');
    // b.md changed after extract read it: the in-place writer refuses it, so a.yaml must be put back.
    expect(() => writeEdits([
      { path: a, shownAs: 'a.yaml', before: Buffer.from('a: 1\n'), after: Buffer.from('a: 1\nb: 2\n') },
      { path: b, shownAs: 'b.md', before: Buffer.from('旅游收入3.17亿元。\n'), after: Buffer.from('旅游收入{{旅游收入}}。\n') },
    ])).toThrow(/b\.md: file changed/);
    expect(readFileSync(a, 'utf8')).toBe('a: 1\n');
    expect(readFileSync(b, 'utf8')).toBe('旅游收入3.18亿元。\n');
  });
});
