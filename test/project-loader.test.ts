import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../src/project/load.js';
import { messageOf } from './helpers/errors.js';
import { makeProject } from './helpers/project.js';

const base = {
  'report.yaml': 'title: 测试报告\nindicators: data.yaml\nsections:\n  - sections/*.md\n',
  'data.yaml': '产值:\n  本期: 1.5\n',
  'sections/02-b.md': 'B',
  'sections/01-a.md': 'A',
  'sections/10-c.md': 'C',
};
const errorOf = (files: Record<string, string>, options = {}): string => {
  const dir = makeProject(files);
  return messageOf(() => loadProject(dir, { cwd: dir, ...options }));
};

describe('project loader', () => {
  it('reads report.yaml, indicators and sections in natural order', () => {
    const dir = makeProject(base);
    const project = loadProject(dir, { cwd: dir });
    expect(project.config.title).toBe('测试报告');
    expect(project.sections.map((s) => s.displayPath)).toEqual(['sections/01-a.md', 'sections/02-b.md', 'sections/10-c.md']);
    expect(project.indicators).toEqual({ 产值: { 本期: 1.5 } });
    expect(project.config.output).toEqual({ dir: 'out', name: 'report' });
    expect(project.locateIndicator(['产值', '本期'])).toEqual({ file: 'data.yaml', line: 2, column: 7 });
  });

  it('--set overrides nested Chinese keys and keeps the value type', () => {
    const dir = makeProject(base);
    const project = loadProject(dir, { cwd: dir, set: ['产值.本期=2.75', '产值.单位=亿元', '新.键=true'] });
    expect(project.indicators).toEqual({ 产值: { 本期: 2.75, 单位: '亿元' }, 新: { 键: true } });
  });

  it('--data replaces the indicator files', () => {
    const dir = makeProject({ ...base, 'data/2024-05.yaml': '产值:\n  本期: 9\n' });
    expect(loadProject(dir, { cwd: dir, data: 'data/2024-05.yaml' }).indicators).toEqual({ 产值: { 本期: 9 }, period: '2024-05' });
  });

  it('accepts a BOM and CRLF line endings', () => {
    const dir = makeProject({ ...base, 'report.yaml': '\uFEFFtitle: 测试\r\nsections:\r\n  - sections/*.md\r\n' });
    const project = loadProject(dir, { cwd: dir });
    expect(project.config.title).toBe('测试');
  });

  it('reports YAML syntax errors at file:line:col', () => {
    expect(errorOf({ ...base, 'data.yaml': '产值:\n  本期: [1, 2\n' })).toMatch(/^data\.yaml:\d+:\d+: YAML syntax error/);
    expect(errorOf({ ...base, 'report.yaml': 'title: a\nsections: [x\n' })).toMatch(/^report\.yaml:\d+:\d+: YAML syntax error/);
  });

  it('a key left empty (formats:, body:) reads as not given, not as an internal error', () => {
    const dir = makeProject({ ...base, 'report.yaml': `${base['report.yaml']}output: {formats: }\nfonts: {body: }\nlint: {rules: }\n` });
    const project = loadProject(dir, { cwd: dir });
    expect(project.config.output.formats).toBeUndefined();
    expect(project.config.fonts).toEqual({});
  });

  it('an unknown key gets a did-you-mean at its position', () => {
    expect(errorOf({ ...base, 'report.yaml': 'title: a\nsection:\n  - sections/*.md\n' })).toBe('report.yaml:2:1: unknown key "section" in report.yaml; did you mean "sections"?');
  });

  it('a wrong type and a glob matching nothing are clear errors', () => {
    expect(errorOf({ ...base, 'report.yaml': 'title: a\nsections: foo\n' })).toMatch(/^report\.yaml:2:11: `sections` must be a list/);
    expect(errorOf({ ...base, 'report.yaml': 'title: a\nsections:\n  - parts/*.md\n' })).toBe('report.yaml:3:5: section glob "parts/*.md" matches no file');
    expect(errorOf({ ...base, 'report.yaml': 'title: a\nsections:\n  - sections/9.md\n' })).toBe('report.yaml:3:5: section file "sections/9.md" not found');
  });

  it('refuses paths that leave the project', () => {
    expect(errorOf({ ...base, 'report.yaml': 'title: a\nsections:\n  - ../../etc/passwd\n' })).toMatch(/outside the project directory/);
    expect(errorOf({ ...base, 'report.yaml': 'title: a\nsections:\n  - /etc/passwd\n' })).toMatch(/absolute path/);
  });

  it('a file that is not UTF-8 is named with its byte offset', () => {
    const dir = makeProject({ ...base });
    writeFileSync(`${dir}/sections/01-a.md`, Buffer.from([0x41, 0x0a, 0xb2, 0xfa, 0xd6, 0xb5]));
    expect(() => loadProject(dir, { cwd: dir })).toThrow(/^sections\/01-a\.md:2:1: file is not valid UTF-8 \(byte offset 2\)/);
  });
});
