/**
 * Issue 16, "blanks that slip through": every blank real offices leave is found by lint and stops
 * the build (exit 1) at its place; real words and meant bold pass. Our own corpus of sentences
 * (test/fixtures/trust) measures recall and precision.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPlaceholders } from '../src/lint/placeholder-detector.js';
import { readStars } from '../src/lint/placeholder-emphasis.js';
import { markPlaceholders } from '../src/model/placeholders.js';
import { loadProject } from '../src/project/load.js';
import { assembleDocument } from '../src/markdown/document.js';
import { renderTemplate } from '../src/template/render.js';
import { parseAnnotated } from './helpers/annotated-blanks.js';
import { lineColumn } from './helpers/line-column.js';
import { makeProject } from './helpers/project.js';
import { buildIn, lintIn, project, where } from './helpers/trust.js';

const CORPUS = join(import.meta.dirname, 'fixtures/trust');

describe('blanks written by real offices, on our corpus', () => {
  it('finds them with recall and precision of at least 0.98, at their line and column', async () => {
    const files: Record<string, string> = {};
    const expected = new Set<string>();
    for (const name of readdirSync(CORPUS).filter((n) => n.endsWith('.md'))) {
      const { text, blanks } = parseAnnotated(readFileSync(join(CORPUS, name), 'utf8'));
      files[name] = text;
      for (const b of blanks) { const p = lineColumn(text, b.start); expected.add(`${name}:${p.line}:${p.column}`); }
    }
    const dir = makeProject(files);
    const { findings } = await lintIn(dir, Object.keys(files));
    const found = where(findings, 'placeholder');
    const hits = found.filter((f) => expected.has(f)).length;
    const recall = hits / expected.size;
    const precision = hits / found.length;
    expect(expected.size).toBeGreaterThan(100);
    expect({ missed: [...expected].filter((e) => !found.includes(e)), wrong: found.filter((f) => !expected.has(f)) }).toEqual({ missed: [], wrong: [] });
    expect(recall).toBeGreaterThanOrEqual(0.98);
    expect(precision).toBeGreaterThanOrEqual(0.98);
  });
});

const STAR_SECTION = '完成**技术企业申报，省**技术产品认定。\n\n深入贯彻省委"**"战略，全力打造“**”示范区。\n\n工业总产值*万元。\n';

describe('* and ** blanks that Markdown would read as emphasis', () => {
  it('lint finds each one in the source', async () => {
    const dir = project(STAR_SECTION);
    const { code, findings } = await lintIn(dir);
    expect(code).toBe(1);
    expect(where(findings, 'placeholder')).toEqual([
      'sections/01.md:1:3', 'sections/01.md:1:13', 'sections/01.md:3:8', 'sections/01.md:3:19', 'sections/01.md:5:6',
    ]);
  });

  it('the build stops at each one (exit 1), and a draft prints the stars as typed', async () => {
    const dir = project(STAR_SECTION);
    const final = await buildIn(dir);
    expect(final.code).toBe(1);
    expect(final.lines.filter((l) => l.includes('unfilled blank'))).toEqual([
      'sections/01.md:1:3: unfilled blank "**"', 'sections/01.md:1:13: unfilled blank "**"', 'sections/01.md:3:8: unfilled blank "**"',
      'sections/01.md:3:19: unfilled blank "**"', 'sections/01.md:5:6: unfilled blank "*"',
    ]);
    const draft = await buildIn(dir, { draft: true });
    expect(draft.code).toBe(0);
    expect(readFileSync(join(dir, 'out', 'report.txt'), 'utf8')).toContain('完成**技术企业申报，省**技术产品认定。');
  });

  it('meant bold stays bold in the model: a word, a figure, or whole clauses', () => {
    const dir = project('**一是狠抓项目建设，强化要素保障。**全年完成投资**38.6亿元**，要**坚决**守牢底线。\n\n完成**技术企业申报，省**技术产品。\n');
    const p = loadProject(dir);
    const doc = assembleDocument(p, p.sections.map((s) => renderTemplate(s, p.indicators)), { stars: readStars });
    const [first, second] = doc.body;
    expect(first.kind === 'paragraph' && first.content.filter((r) => r.kind === 'text' && r.bold).map((r) => r.kind === 'text' && r.text))
      .toEqual(['一是狠抓项目建设，强化要素保障。', '38.6亿元', '坚决']);
    expect(second.kind === 'paragraph' && second.content).toEqual([{ kind: 'text', text: '完成**技术企业申报，省**技术产品。' }]);
    const draft = markPlaceholders(doc, (text) => findPlaceholders(text, { markdownEmphasis: false }));
    const marked = draft.body[1].kind === 'paragraph' ? draft.body[1].content.filter((r) => r.kind === 'text' && r.placeholder) : [];
    expect(marked.map((r) => r.kind === 'text' && r.text)).toEqual(['**', '**']);
  });
});

describe('blanks glued to Latin words and instruction text', () => {
  it('GDPxxxx万元 and CPIxx% are blanks in lint and build', async () => {
    const dir = project('全年GDPxxxx万元，CPIxx%，PMIXX。\n');
    expect(where((await lintIn(dir)).findings, 'placeholder')).toEqual(['sections/01.md:1:6', 'sections/01.md:1:16', 'sections/01.md:1:23']);
    const build = await buildIn(dir);
    expect(build.code).toBe(1);
    expect(build.lines[0]).toBe('sections/01.md:1:6: unfilled blank "xxxx"');
  });

  it('（在此填写）, （此处填写…）, 【请填写】, （待定） and 一是…… are blanks in lint and build', async () => {
    const dir = project('项目名称（在此填写），主要做法（此处填写具体做法…），下步打算【请填写】，投资（待定）。\n\n一是……。二是……。\n');
    const { findings } = await lintIn(dir);
    expect(findings.filter((f) => f.rule === 'placeholder').map((f) => f.text)).toEqual(['（在此填写）', '（此处填写具体做法…）', '【请填写】', '（待定）', '……', '……']);
    expect((await buildIn(dir)).code).toBe(1);
  });

  it('a starter from report init fails lint and build until its blanks are written', async () => {
    const dir = makeProject({});
    const { initCommand } = await import('../src/cli/init-command.js');
    const previous = process.cwd();
    process.chdir(dir);
    try { initCommand('starter', () => {}); } finally { process.chdir(previous); }
    const starter = join(dir, 'starter');
    const { code, findings } = await lintIn(starter);
    expect(code).toBe(1);
    expect(findings.filter((f) => f.rule === 'placeholder').map((f) => f.text)).toEqual(['……（在此填写）', '……（在此填写）']);
    expect((await buildIn(starter)).code).toBe(1);
    expect((await buildIn(starter, { draft: true, format: 'txt' })).code).toBe(0);
  });
});

describe('a blank in the data that a helper reads', () => {
  it('is reported at its YAML line with the reference, in build (exit 1) and lint', async () => {
    const dir = project('今年矛盾纠纷化解率{{pct 化解率}}。\n', '化解率: XX\n');
    const build = await buildIn(dir);
    expect(build.code).toBe(1);
    expect(build.lines[0]).toBe('indicators.yaml:1:6: unfilled blank "XX" in indicator 化解率, used at sections/01.md:1:10 by {{pct 化解率}}');
    const { findings } = await lintIn(dir);
    expect(findings.filter((f) => f.rule === 'placeholder').map((f) => `${f.file}:${f.line}:${f.column}: ${f.message}`))
      .toEqual(['indicators.yaml:1:6: unfilled blank "XX" in indicator 化解率, used at sections/01.md:1:10 by {{pct 化解率}}']);
  });

  it('a typed or free-form figure left blank is reported the same way; text that is no blank stays an input error at the call', async () => {
    const typed = project('{{change 产值}}\n', '产值: {value: 待定, unit: 亿元, previous: 40}\n');
    expect((await buildIn(typed)).lines[0]).toMatch(/^indicators\.yaml:1:13: unfilled blank "待定" in indicator 产值\.value \(not filled in\), used at sections\/01\.md:1:1/);
    const group = project('{{change 产值}}\n', '产值: {本期: XX, 上年同期: 40}\n');
    expect((await buildIn(group)).code).toBe(1);
    const text = project('化解率{{pct 化解率}}\n', '化解率: 较高\n');
    expect(await buildIn(text)).toEqual({ code: 2, lines: ['sections/01.md:1:4: pct: expected a number, got "较高"'] });
  });
});

describe('the corpus files are Markdown a writer could build', () => {
  it('a project made of the look-alikes builds clean', async () => {
    const dir = project(readFileSync(join(CORPUS, 'clean-lookalikes.md'), 'utf8'));
    writeFileSync(join(dir, 'indicators.yaml'), '{}\n');
    const build = await buildIn(dir);
    expect(build.lines.filter((l) => l.includes('placeholder') || l.includes('blank'))).toEqual([]);
    expect(build.code).toBe(0);
  });
});
