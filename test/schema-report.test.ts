/**
 * schema/report.schema.json: every shipped report.yaml satisfies it, it is what report.yaml is
 * checked against (one line per problem, at its position, did-you-mean kept), and `report init`
 * names it on the first line so editors complete and check keys.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../src/diagnostic.js';
import { loadProject } from '../src/project/load.js';
import { initCommand } from '../src/cli/init-command.js';

const ROOT = resolve(__dirname, '..');
const schema = JSON.parse(readFileSync(join(ROOT, 'schema/report.schema.json'), 'utf8')) as object;
const work = mkdtempSync(join(tmpdir(), 'report-schema-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function errorOf(config: string): string {
  const dir = mkdtempSync(join(work, 'p-'));
  mkdirSync(join(dir, 'sections'));
  writeFileSync(join(dir, 'sections/01.md'), '正文。\n');
  writeFileSync(join(dir, 'report.yaml'), config);
  try {
    loadProject(dir, { cwd: dir });
  } catch (error) {
    if (error instanceof InputError) return error.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}`).join('\n');
    throw error;
  }
  return 'no error';
}

const BASE = 'title: 工作总结\nsections: [sections/*.md]\n';

describe('schema/report.schema.json', () => {
  const configs = [
    ...readdirSync(join(ROOT, 'examples')).map((d) => join(ROOT, 'examples', d, 'report.yaml')),
    ...readdirSync(join(ROOT, 'templates')).map((d) => join(ROOT, 'templates', d, 'starter/report.yaml')),
  ].filter((f) => existsSync(f));

  it(`accepts every shipped report.yaml (${configs.length} examples and starters)`, () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(configs.length).toBeGreaterThan(8);
    for (const file of configs) expect(validate(parse(readFileSync(file, 'utf8'))) ? '' : `${file}: ${JSON.stringify(validate.errors)}`).toBe('');
  });

  it('is what report.yaml is checked against: one line at the value, messages from the schema', () => {
    expect(errorOf(`${BASE}date: 2024/07/05\n`)).toBe('report.yaml:3:7: `date` must be written as YYYY-MM-DD (got "2024/07/05")');
    expect(errorOf(`${BASE}signature: [中共青溪镇委员会, {a: 1}]\n`)).toBe('report.yaml:3:23: `signature[1]` must be a string');
    expect(errorOf(`${BASE}output: {dir: out, formats: []}\n`)).toMatch(/^report\.yaml:3:\d+: `output\.formats` must be a list of output formats/);
    expect(errorOf(`${BASE}fonts: {body: 12}\n`)).toBe('report.yaml:3:15: `fonts.body` must be a font file path');
    expect(errorOf(`${BASE}footer: {printedOn: 2024年7月5日}\n`)).toBe('report.yaml:3:21: `footer.printedOn` must be written as YYYY-MM-DD (got "2024年7月5日")');
    expect(errorOf('sections: [sections/*.md]\n')).toBe('report.yaml:1:1: report.yaml needs a `title`');
    expect(errorOf(`${BASE}recipient:\nsignature:\n`)).toBe('no error');
  });

  it('refuses an empty entry in a list of names at its line: a trailing comma in formats, an empty file name', () => {
    const emptyFormat = /`output\.formats` has an empty format in "(docx,|docx,,pdf| , )"; remove the extra comma \(formats: docx, pdf, txt\)$/;
    for (const formats of ['"docx,"', '"docx,,pdf"', '" , "']) {
      const error = errorOf(`${BASE}output:\n  formats: ${formats}\n`);
      expect(error.startsWith('report.yaml:4:12: '), error).toBe(true);
      expect(error).toMatch(emptyFormat);
    }
    expect(errorOf(`${BASE}output: {formats: [docx, ""]}\n`)).toBe('report.yaml:3:26: `output.formats[1]` is an empty format; remove the extra comma or the empty item (formats: docx, pdf, txt)');
    expect(errorOf('title: a\nsections: [sections/*.md, " "]\n')).toBe('report.yaml:2:27: `sections[1]` is empty; write a file name or remove the item');
    expect(errorOf(`${BASE}indicators: [data.yaml, ""]\n`)).toBe('report.yaml:3:25: `indicators[1]` is empty; write a file name or remove the item');
    // a wrong type keeps its own message; good lists still pass
    expect(errorOf(`${BASE}output: {formats: 5}\n`)).toMatch(/`output\.formats` must be a list of output formats/);
    expect(errorOf('title: a\nsections: [sections/*.md, {a: 1}]\n')).toBe('report.yaml:2:27: `sections[1]` must be a string');
    expect(errorOf(`${BASE}output: {formats: "docx, pdf"}\n`)).toBe('no error');
  });

  it('keeps the did-you-mean for unknown keys, at the key, nested too; the first problem in the file wins', () => {
    expect(errorOf(`${BASE}outptu: {}\n`)).toBe('report.yaml:3:1: unknown key "outptu" in report.yaml; did you mean "output"?');
    expect(errorOf(`${BASE}output:\n  fromats: [pdf]\n`)).toBe('report.yaml:4:3: unknown key "fromats" in `output`; did you mean "formats"?');
    expect(errorOf(`recipent: x\n${BASE}date: x\n`)).toBe('report.yaml:1:1: unknown key "recipent" in report.yaml; did you mean "recipient"?');
  });

  it('report init writes the yaml-language-server $schema line first (URL outside an npm install)', () => {
    for (const kind of [undefined, '通知', '函']) {
      const dir = join(work, `init-${kind ?? 'default'}`);
      expect(initCommand(dir, () => {}, kind)).toBe(0);
      const first = readFileSync(join(dir, 'report.yaml'), 'utf8').split('\n')[0];
      expect(first).toBe('# yaml-language-server: $schema=https://unpkg.com/gongwen-report/schema/report.schema.json');
    }
  });
});
