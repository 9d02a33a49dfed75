/**
 * Inputs the fuzz suites found that crashed, hung or printed something other than one clean line
 * (issue 6), kept as fixed examples so they stay fixed whatever seed the fuzzers run with.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { formatDiagnosticLine, InputError } from '../src/diagnostic.js';
import { lintProject } from '../src/lint/engine.js';
import { loadProject } from '../src/project/load.js';
import { renderTemplate } from '../src/template/render.js';
import { runReport } from './helpers/cli.js';
import { makeProject } from './helpers/project.js';

const section = (text: string) => ({ path: '/fuzz/s.md', displayPath: 's.md', text });
const context = { 产值: 12.5, 税收: { 本期: 3.2 } };

/** The one line a render failure prints, or 'rendered' when it did not fail. */
function renderError(text: string, strict = true): string {
  try {
    renderTemplate(section(text), context, { strict });
    return 'rendered';
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return error.diagnostics.map(formatDiagnosticLine).join('\n');
  }
}

const project = (sections: string, data = '产值: 12.5\n') => makeProject({
  'report.yaml': 'title: 测试报告\nindicators: data.yaml\nsections: [s.md]\noutput: {formats: [docx]}\n',
  'data.yaml': data,
  's.md': sections,
});

describe('inputs the fuzzers found give a document or one clean line', () => {
  it('an image path with a broken %-escape is looked for as written, not a URIError', () => {
    const result = runReport(['build', '.'], { cwd: project('正文。\n\n![图](%ZZ.png)\n') });
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe('s.md:3:1: image "%ZZ.png" not found');
  });

  it('characters XML cannot hold (U+FFFF, U+0001) are dropped from the DOCX, which Word would refuse', async () => {
    const dir = project('*\uFFFF*正文\u0001。\n');
    expect(runReport(['build', '.'], { cwd: dir }).status).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'out', 'report.docx')));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('正文。');
    expect(xml).not.toMatch(/[\u0001\uFFFF]/);
  });

  it('an indicator key holding a line break is reported on one line', () => {
    const dir = project('正文。\n', '产值: 1\n"第一行\\n第二行": 2\n');
    const result = runReport(['lint', '.'], { cwd: dir });
    expect(result.stdout).toMatch(/第一行\\n第二行/);
    const findings = lintProject(loadProject(dir)).findings;
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) expect(formatDiagnosticLine(finding)).not.toContain('\n');
  });

  it('indicator values holding private-use characters (造字) or the renderer\'s marker characters render instead of looping until the heap runs out', () => {
    const dir = project('{{人口}}{{造字}}\n', '人口: "\\uFDD0"\n造字: "\\uE000\\uE001"\n');
    const lint = runReport(['lint', '.'], { cwd: dir });
    expect(lint.stderr).toBe('');
    expect(lint.status).toBe(0);
    expect(renderTemplate(section('{{人口}}人{{造字}}'), { 人口: '\uFDD0\uFDD1', 造字: '\uE000\uE001\uE002' }, { strict: true }).text).toBe('人\uE000\uE001\uE002');
  });

  it('lookup with the wrong number of arguments is a template error, not a JavaScript one', () => {
    expect(renderError('{{lookup this "产值" 多余}}', false)).toBe('s.md:1:1: lookup takes two arguments, a group of indicators and a key (got 3)');
  });

  it("Handlebars' internal helpers cannot be called from a template", () => {
    expect(renderError('{{helperMissing}}', false)).toMatch(/^s\.md:1:3: "helperMissing" is not allowed/);
    expect(renderError('{{#blockHelperMissing}}x{{/blockHelperMissing}}', false)).toMatch(/^s\.md:1:4: "blockHelperMissing" is not allowed/);
  });

  it('{{log}} prints nothing, so `report build --json` stays valid JSON', () => {
    const result = runReport(['build', '.', '--json'], { cwd: project('正文{{log 产值}}。\n') });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).ok).toBe(true);
  });

  it('a NUL character before a mustache is named at its place, not shown as a caret line', () => {
    expect(renderError('第一行\n正文\u0000{{产值}}')).toBe('s.md:2:3: template syntax error: the text holds a NUL character (U+0000); remove it');
  });

  it('a template syntax error far along a line is reported at its real column', () => {
    expect(renderError(`${'一二三四五六七八九十'.repeat(3)} {{/if}}`)).toBe('s.md:1:32: template syntax error: unexpected "{{/"');
  });

  it('20 000 nested quotes (a stack overflow) and 20 000 list markers on one line (a hang) are refused at once', () => {
    for (const text of [`${'>'.repeat(20_000)} 深\n`, `${'- '.repeat(20_000)}深\n`]) {
      const started = performance.now();
      const result = runReport(['build', '.'], { cwd: project(text) });
      expect(result.stderr.trim()).toBe('s.md:1:1: content is nested more than 50 levels deep (lists or quotes inside each other)');
      expect(performance.now() - started).toBeLessThan(10_000);
    }
  });

  it('5 000 nested {{#if}} (27 s to parse) and 3 000 nested helper calls (a stack overflow in lint) are refused at once', () => {
    const ifs = `${'{{#if 产值}}'.repeat(5000)}x${'{{/if}}'.repeat(5000)}`;
    expect(renderError(ifs)).toBe('s.md:1:501: template blocks ({{#if}}, {{#each}} …) are nested more than 50 levels deep');
    const calls = `{{num ${'(num '.repeat(3000)}产值 1${')'.repeat(3000)} 1}}`;
    expect(renderError(calls)).toBe('s.md:1:1: helper calls are nested more than 50 levels deep inside one {{…}}');
    const lint = runReport(['lint', '.'], { cwd: project(calls) });
    expect(lint.status).toBe(1);
    expect(lint.stderr).toBe('');
    expect(lint.stdout).toContain('helper calls are nested more than 50 levels deep');
  });
});
