/**
 * Bad 公文 input is one line at its place in report.yaml, exit 2, nothing written: an unknown
 * `kind` (with did-you-mean), a 发文字号 without its 〔year〕 (or with 第, leading zeros), a missing
 * attachment file, unknown keys under `header`/`footer`, a bad 份号 or 印发日期; and the same
 * for `report init --kind`.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runReport } from './helpers/cli.js';
import { makeProject } from './helpers/project.js';

const BASE = 'title: 关于做好防汛工作的通知\nsignature: 青溪镇人民政府\ndate: 2024-06-20\nsections: [s.md]\n';

function buildError(yaml: string, files: Record<string, string> = {}): string {
  const dir = makeProject({ 'report.yaml': yaml, 's.md': '全镇上下要切实做好防汛各项工作。\n', ...files });
  const result = runReport(['build', '.'], { cwd: dir });
  expect(result.status, result.stderr).toBe(2);
  expect(existsSync(join(dir, 'out'))).toBe(false);
  return result.stderr.trim();
}

describe('bad 公文 input is reported at its report.yaml line', () => {
  it('an unknown kind, with the closest 文种', () => {
    expect(buildError(`${BASE}kind: 请求\n`)).toBe('report.yaml:5:7: unknown kind "请求"; did you mean "请示"? (文种: 报告、纪要、请示、通知、函)');
    expect(buildError(`${BASE}kind: 决议\n`)).toMatch(/^report\.yaml:5:7: unknown kind "决议" \(文种: 报告、纪要、请示、通知、函\)$/);
  });

  it('a 发文字号 without its year in 〔〕, with 第 or with leading zeros, suggesting the right form', () => {
    expect(buildError(`${BASE}header:\n  issuer: 青溪镇人民政府\n  number: 青政发[2024]12号\n`))
      .toBe('report.yaml:7:11: `header.number` (发文字号) must give the full year in 〔〕 brackets: 青政发〔2024〕12号 (got "青政发[2024]12号")');
    expect(buildError(`${BASE}header:\n  number: 青政发（2024）12号\n`)).toMatch(/^report\.yaml:6:11: .*〔〕 brackets: 青政发〔2024〕12号/);
    expect(buildError(`${BASE}header:\n  number: 青政发12号\n`)).toMatch(/^report\.yaml:6:11: .*〔〕 brackets, e\.g\. 青政发〔2024〕12号/);
    expect(buildError(`${BASE}header:\n  number: 青政发〔2024〕第12号\n`)).toMatch(/^report\.yaml:6:11: `header\.number` \(发文字号\) takes no 第: 青政发〔2024〕12号/);
    expect(buildError(`${BASE}header:\n  number: 青政发〔2024〕012号\n`)).toMatch(/^report\.yaml:6:11: `header\.number` \(发文字号\) takes no leading zeros: 青政发〔2024〕12号/);
  });

  it('a 发文字号 built from {{…}} is checked as printed', () => {
    const dir = makeProject({ 'report.yaml': `${BASE}indicators: i.yaml\nheader:\n  number: "青政发{{年}}12号"\n`, 's.md': '正文。\n', 'i.yaml': '年: 2024\n' });
    const result = runReport(['build', '.'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toMatch(/^report\.yaml:7:11: `header\.number` \(发文字号\) must give the full year in 〔〕 brackets.*\(got "青政发202412号"\)$/);
  });

  it('a missing attachment file, at its `file`', () => {
    expect(buildError(`${BASE}attachments:\n  - 主要指标表\n  - { title: 任务分解表, file: attachments/tasks.md }\n`))
      .toBe('report.yaml:7:27: attachment file "attachments/tasks.md" not found');
  });

  it('an attachment file outside the project', () => {
    expect(buildError(`${BASE}attachments:\n  - { title: 任务分解表, file: ../tasks.md }\n`)).toMatch(/^report\.yaml:6:27: attachment file "\.\.\/tasks\.md" is outside the project directory$/);
  });

  it('unknown keys under header, footer and an attachment, with did-you-mean', () => {
    expect(buildError(`${BASE}header:\n  issuer: 青溪镇人民政府\n  numbr: 青政发〔2024〕12号\n`)).toBe('report.yaml:7:3: unknown key "numbr" in `header`; did you mean "number"?');
    expect(buildError(`${BASE}footer:\n  printedby: 青溪镇党政办公室\n`)).toBe('report.yaml:6:3: unknown key "printedby" in `footer`; did you mean "printedBy"?');
    expect(buildError(`${BASE}attachments:\n  - { titel: 任务分解表, file: t.md }\n`)).toBe('report.yaml:6:7: unknown key "titel" in `attachments.0` (known keys: title, file)');
  });

  it('a 份号 that is not six digits and an 印发日期 not written as a date', () => {
    expect(buildError(`${BASE}header:\n  copy: A-12\n`)).toMatch(/^report\.yaml:6:9: `header\.copy` \(份号\) is up to six digits/);
    expect(buildError(`${BASE}footer:\n  printedOn: 2024年7月5日\n`)).toMatch(/^report\.yaml:6:14: `footer\.printedOn` must be written as YYYY-MM-DD/);
  });

  it('report init --kind refuses an unknown 文种 and creates nothing', () => {
    const parent = makeProject({});
    const result = runReport(['init', 'p', '--kind', '请求'], { cwd: parent });
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe('--kind: unknown kind "请求"; did you mean "请示"? (文种: 报告、纪要、请示、通知、函)');
    expect(readdirSync(parent)).toEqual([]);
  });
});
