/**
 * Shared pieces of the fuzz suites (test/fuzz-*.test.ts): generators of hostile Markdown, YAML
 * and Unicode, the run counts and seeds (fixed in CI, chosen by hand with FUZZ_RUNS / FUZZ_SEED or
 * scripts/fuzz.mjs), and the one oracle: an input gives a result or a clean InputError.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { formatDiagnosticLine, InputError, type Diagnostic } from '../../src/diagnostic.js';
import { makePng } from './png.js';

// ---------------------------------------------------------------------------------------------
// Runs and seeds

/** Cases for each cheap (in-process) property; writer and CLI properties run fewer (see `runs`). */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS) > 0 ? Number(process.env.FUZZ_RUNS) : 400;
/** CI runs a fixed seed so a failure reproduces; a run by hand draws a new one unless FUZZ_SEED is set. */
export const FUZZ_SEED = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED)
  : process.env.FUZZ_RUNS ? Date.now() % 2 ** 31 : 20240630;

/** fast-check parameters for a property costing `share` of a cheap one (1, 1/5, 1/40 …). */
export function runs(share: number, salt: number): fc.Parameters<unknown> {
  // Each property gets its own seed (seed + salt) so they explore different inputs.
  return { numRuns: Math.max(5, Math.round(FUZZ_RUNS * share)), seed: FUZZ_SEED + salt, endOnFailure: false };
}

/** Test timeout for a property of `share` × FUZZ_RUNS cases at about `msPerCase` each (with room to spare). */
export function fuzzTimeout(share: number, msPerCase: number): number {
  return Math.max(60_000, Math.round(FUZZ_RUNS * share * msPerCase * 3));
}

/**
 * Let timers run between cases: a long run of synchronous cases starves vitest's worker of its
 * event loop, and it then reports a timeout although every case passed.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The longest one case may take before we call it a hang (sync code cannot be interrupted). */
export const CASE_TIME_LIMIT_MS = 10_000;

// ---------------------------------------------------------------------------------------------
// Unicode

const range = (from: number, to: number) => fc.integer({ min: from, max: to }).map((c) => String.fromCodePoint(c));

/** Single characters from the places that break text code: astral, combining, RTL, controls, … */
export const hostileChar: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: range(0x4e00, 0x9fa5), weight: 6 }, // common Han
  { arbitrary: fc.constantFrom('，', '。', '、', '；', '：', '（', '）', '“', '”', '《', '》', '％', '—', '…', '·', '　'), weight: 3 },
  { arbitrary: range(0x20, 0x7e), weight: 4 }, // ASCII, Markdown and YAML syntax included
  { arbitrary: fc.constantFrom('X', 'x', '×', '*', '□', '_', '＿', '?', '？', '【待补充】', 'TODO', 'XX', 'xx%', '20XX年', '{', '}'), weight: 2 },
  { arbitrary: range(0x10000, 0x10ffff), weight: 1 }, // astral (emoji, CJK extension B, unassigned)
  { arbitrary: fc.constantFrom('😀', '👩‍👩‍👧', '🇨🇳', '𠀀', '𪚥', '𝐀'), weight: 1 },
  { arbitrary: range(0x300, 0x36f), weight: 1 }, // combining marks
  { arbitrary: fc.oneof(range(0x5d0, 0x5ea), range(0x627, 0x64a), fc.constantFrom('\u200f', '\u200e', '\u202e', '\u202d', '\u2066', '\u2069')), weight: 1 }, // RTL
  { arbitrary: fc.oneof(range(0, 0x1f), range(0x7f, 0x9f), fc.constantFrom('\0', '\ufffe', '\uffff', '\ufeff', '\u200b', '\u200d', '\u2028', '\u2029', '\u00ad')), weight: 1 }, // controls
  { arbitrary: fc.oneof(range(0xe000, 0xe003), range(0xfdd0, 0xfdd3)), weight: 1 }, // private use (造字), noncharacters (the renderer's markers)
);

/** Lone surrogates: legal in JS strings, impossible in a UTF-8 file; only the in-process APIs see them. */
export const loneSurrogate: fc.Arbitrary<string> = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

export const hostileText = (maxLength = 40, surrogates = false): fc.Arbitrary<string> =>
  fc.array(surrogates ? fc.oneof({ arbitrary: hostileChar, weight: 12 }, { arbitrary: loneSurrogate, weight: 1 }) : hostileChar, { maxLength }).map((a) => a.join(''));

/** Text for one line (no line breaks of any kind, so the Markdown structure stays what we built). */
const lineText = (maxLength = 24) => hostileText(maxLength).map((s) => s.replace(/[\n\r\u2028\u2029\u000b\u000c\u0085]/g, ''));

// ---------------------------------------------------------------------------------------------
// Markdown with Handlebars

const KEYS = ['产值', '镇名', '增速', '税收', '人口', 'a', '列表', '空'];

/** References the fixed indicators of every generated data file hold: these render. */
const validMustache: fc.Arbitrary<string> = fc.constantFrom('{{镇名}}', '{{产值}}', '{{税收.本期}}', '{{num 产值 2}}', '{{{镇名}}}', '{{!注释}}', '{{!-- 注释 --}}',
  '{{#if 产值}}有{{else}}无{{/if}}', '{{#each 列表}}{{this}}、{{/each}}', '{{#with 税收}}{{本期}}{{/with}}', '{{#unless 空}}非空{{/unless}}',
  '{{#each 列表}}{{@index}}{{/each}}', '{{lookup 税收 "本期"}}', '\\{{产值}}');

const mustache: fc.Arbitrary<string> = fc.oneof(
  validMustache,
  fc.constantFrom(...KEYS).map((k) => `{{${k}}}`),
  fc.constantFrom('{{pct 增速}}', '{{this}}', '{{@index}}', '{{../产值}}', '{{#each 列表}}| {{@index}} | {{this}} |\n{{/each}}', '{{change 税收}}', '{{growth 税收}}'),
  fc.constantFrom('{{', '}}', '{{{', '{{#if 产值}}', '{{/if}}', '{{/each}}', '{{else}}', '{{#each}}', '{{> 部分}}', '{{constructor}}', '{{__proto__}}',
    '{{constructor.constructor}}', '{{lookup this "constructor"}}', '{{产值.}}', '{{.产值}}', '{{ 产值 }}', '{{~产值~}}', '{{"字符串"}}', '{{1}}', '{{#}}', '\\{{产值}}', '{{产值', '产值}}',
    '{{log 产值}}', '{{helperMissing}}', '{{#blockHelperMissing}}x{{/blockHelperMissing}}', '{{lookup this "产值" 多余}}', '{{lookup}}', '{{#if 产值 1}}x{{/if}}', '{{#each}}x{{/each}}',
    '{{undefined}}', '{{null}}', '{{true}}', '{{@root.产值}}', '{{this.constructor}}', '{{[constructor]}}', '{{#with 税收 as |t|}}{{t.本期}}{{/with}}', '{{num (num 产值 1) 2}}',
    `${'{{#if 产值}}'.repeat(60)}深${'{{/if}}'.repeat(60)}`, `{{num ${'(num '.repeat(60)}产值 1${')'.repeat(60)} 1}}`),
  lineText(10).map((s) => `{{${s}}}`),
);

const inlineOf = (mustache: fc.Arbitrary<string>, text: fc.Arbitrary<string>, images: fc.Arbitrary<string>): fc.Arbitrary<string> => {
  const short = text.map((t) => [...t].slice(0, 10).join(''));
  return fc.oneof(
    { arbitrary: text, weight: 6 },
    { arbitrary: mustache, weight: 3 },
    { arbitrary: short.map((s) => `**${s}**`), weight: 1 },
    { arbitrary: short.map((s) => `*${s}*`), weight: 1 },
    { arbitrary: short.map((s) => `~~${s}~~`), weight: 1 },
    { arbitrary: short.map((s) => `\`${s}\``), weight: 1 },
    { arbitrary: short.map((s) => `[${s}](https://example.org/${encodeURIComponent(s)})`), weight: 1 },
    { arbitrary: short.map((s) => `<!-- ${s} -->`), weight: 1 },
    { arbitrary: fc.constantFrom('<!-- report-lint-disable-line -->', '<!-- report-lint-disable placeholder -->', '<br>', '<span>', '&amp;', '&#0;', '&#xD800;', '&nbsp;', '\\', '  '), weight: 1 },
    { arbitrary: images, weight: 1 },
  );
};

function markdownOf(mustache: fc.Arbitrary<string>, text: fc.Arbitrary<string>, free: fc.Arbitrary<string>, images: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const inline = inlineOf(mustache, text, images);
  const inlines = (maxLength = 6) => fc.array(inline, { minLength: 1, maxLength }).map((parts) => parts.join(''));

  const table: fc.Arbitrary<string> = fc.integer({ min: 1, max: 5 }).chain((columns) => fc.tuple(
    fc.array(inlines(2), { minLength: columns, maxLength: columns }),
    fc.array(fc.constantFrom('---', ':--', '--:', ':-:', '-'), { minLength: columns, maxLength: columns }),
    fc.array(fc.array(inlines(2), { minLength: 0, maxLength: columns + 1 }), { maxLength: 6 }),
  ).map(([head, align, rows]) => [head, align, ...rows].map((cells) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`).join('\n')));

  const list: fc.Arbitrary<string> = fc.array(fc.tuple(fc.integer({ min: 0, max: 8 }), fc.constantFrom('- ', '* ', '1. ', '2) ', '- [ ] ', '+ '), inlines(3)), { minLength: 1, maxLength: 8 })
    .map((items) => items.map(([depth, marker, t]) => `${'  '.repeat(depth)}${marker}${t}`).join('\n'));

  const block: fc.Arbitrary<string> = fc.oneof(
    { arbitrary: inlines(), weight: 6 },
    { arbitrary: fc.tuple(fc.integer({ min: 1, max: 7 }), inlines(3)).map(([level, t]) => `${'#'.repeat(level)} ${t}`), weight: 3 },
    { arbitrary: list, weight: 2 },
    { arbitrary: table, weight: 2 },
    { arbitrary: fc.tuple(fc.integer({ min: 1, max: 4 }), inlines(3)).map(([depth, t]) => `${'> '.repeat(depth)}${t}`), weight: 1 },
    { arbitrary: fc.tuple(fc.constantFrom('```', '~~~', '```js'), free).map(([fence, body]) => `${fence}\n${body}\n${fence.slice(0, 3)}`), weight: 1 },
    { arbitrary: free.map((t) => `<!--\n${t}\n-->`), weight: 1 },
    { arbitrary: fc.constantFrom('---', '***', '<div>', '</div>', '[^1]: 注', '[a]: https://example.org', '| a |\n|---|', '---\ntitle: x\n---', '    缩进代码', '', '\t',
      `${'> '.repeat(60)}深`, `${'- '.repeat(60)}深`, '>'.repeat(200), `${'*'.repeat(30)}深${'*'.repeat(30)}`, `${'['.repeat(50)}深${']'.repeat(50)}`), weight: 1 },
    { arbitrary: mustache, weight: 1 },
    { arbitrary: free, weight: 1 }, // anything at all, line breaks included
  );
  return fc.tuple(fc.array(block, { maxLength: 10 }), fc.constantFrom('\n\n', '\n', '\r\n\r\n', '\n\n\n')).map(([blocks, sep]) => blocks.join(sep));
}

/** A Markdown section: blocks of every kind with Handlebars, hostile Unicode and broken syntax. */
const anyImage = fc.constantFrom('![图](missing.png)', '![图](chart.png)', '![](../outside.png)', '![图](/etc/passwd)', '![图](https://example.org/a.png)', '![图](%E5%9B%BE.png)', '![图](%ZZ.png)', '![图](chart.png "标题")');
export const markdownSection: fc.Arbitrary<string> = markdownOf(mustache, lineText(), hostileText(60), anyImage);

/**
 * The same Markdown and Unicode, but with template syntax that renders (only valid references,
 * no stray braces): these sections get through to the document model and the writers.
 */
const noBraces = (t: string) => t.replace(/[{}]/g, '');
export const wellFormedSection: fc.Arbitrary<string> = markdownOf(validMustache, lineText().map(noBraces), hostileText(60).map(noBraces), fc.constantFrom('![图](chart.png)', '![](chart.png)', '![图](./chart.png)'));

// ---------------------------------------------------------------------------------------------
// YAML: indicator files and report.yaml

const scalar: fc.Arbitrary<unknown> = fc.oneof(
  fc.double({ noNaN: false }), fc.integer(), fc.constantFrom(0, -0, 1e21, 12.5, 48.62, 0.1 + 0.2, Number.MAX_SAFE_INTEGER + 2),
  hostileText(12), fc.constantFrom('XX', 'xx', '××', '□□', '', ' ', '【待补充】', 'TODO', '12.5', '1e400', 'null', '~', 'yes', '2024-02-30'),
  fc.boolean(), fc.constant(null),
);

const typedIndicator: fc.Arbitrary<unknown> = fc.record({
  value: scalar, unit: fc.oneof(fc.constantFrom('亿元', '%', '万人', '个百分点', ''), hostileText(4)), previous: scalar, target: scalar,
}, { requiredKeys: ['value'] });

const indicatorKey = fc.oneof({ arbitrary: fc.constantFrom(...KEYS), weight: 4 }, { arbitrary: hostileText(8), weight: 2 },
  { arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', '<<', '1', 'true', '本期', '上期'), weight: 1 });

const indicatorValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true },
    scalar, typedIndicator,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(indicatorKey, tie('value'), { maxKeys: 4 })),
})).value;

/** Raw YAML lines: broken syntax, tags, anchors, directives, odd indentation. */
const yamlNoise: fc.Arbitrary<string> = fc.array(fc.oneof(
  fc.tuple(indicatorKey, scalar).map(([k, v]) => `${String(k)}: ${String(v)}`),
  fc.constantFrom('a: &x [1, 2]', 'b: *x', 'c: *missing', '<<: *x', '? [复杂键]\n: 值', '%YAML 1.2', '---', '...', '- 1', '  缩进: 错', 'key: "未闭合', "k: '单引号", 'k: !!binary AAA',
    'k: !!timestamp 2024-01-01', 'k: !自定义 值', 'k: [1, 2', 'k: {a: 1', 'k: |\n  多行\n  文本', 'k: >-\n  折叠', '\t制表: 1', 'k: 0x1F', 'k: .inf', 'k: 1_000', 'k: 2024-06-30',
    'a: [[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]', 'k: @保留', 'k: `反引号`', '"k": 1', 'k: 1\nk: 2'),
  hostileText(30),
), { maxLength: 8 }).map((lines) => lines.join('\n'));

/** What `validMustache` references. */
const FIXED_INDICATORS = { 镇名: '云溪镇', 产值: 12.5, 税收: { 本期: 3.2, 上期: 3 }, 列表: ['一', '二'], 空: '' };

/** An indicator file holding what `validMustache` references, plus random indicators of every shape. */
export const wellFormedIndicatorsYaml: fc.Arbitrary<string> = fc.dictionary(indicatorKey, indicatorValue, { maxKeys: 8 }).map((data) => safeStringify({ ...data, ...FIXED_INDICATORS }));

/** An indicator file: usually a real mapping (so sections can use it), sometimes anything at all. */
export const indicatorsYaml: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.dictionary(indicatorKey, indicatorValue, { maxKeys: 8 }).map((data) => safeStringify({ ...data, ...FIXED_INDICATORS })), weight: 4 },
  { arbitrary: fc.dictionary(indicatorKey, indicatorValue, { maxKeys: 8 }).map((data) => safeStringify({ ...FIXED_INDICATORS, ...data })), weight: 1 },
  { arbitrary: yamlNoise, weight: 2 },
  { arbitrary: fc.tuple(fc.dictionary(indicatorKey, indicatorValue, { maxKeys: 4 }), yamlNoise).map(([data, noise]) => `${safeStringify(data)}\n${noise}`), weight: 1 },
);

const configValue: fc.Arbitrary<unknown> = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.dictionary(hostileText(6), scalar, { maxKeys: 3 }));

/** report.yaml: a valid core (title, sections, indicators) with random values for the other keys. */
export const reportYaml: fc.Arbitrary<string> = fc.tuple(
  fc.oneof(hostileText(30), mustache, fc.constantFrom('关于2024年上半年经济运行情况的报告', '', '{{镇名}}报告')),
  fc.record({
    recipient: fc.oneof(hostileText(12), configValue),
    signature: fc.oneof(hostileText(12), fc.array(hostileText(8), { maxLength: 3 }), configValue),
    date: fc.oneof(fc.constantFrom('2024-06-30', '2024-02-29', '2023-02-29', '2024-13-01', '0000-01-01', '9999-12-31', '2024-6-3'), configValue),
    attachments: fc.oneof(fc.array(hostileText(8), { maxLength: 2 }), configValue),
    template: fc.oneof(fc.constant('gongwen'), configValue),
    output: fc.oneof(fc.record({ name: fc.oneof(hostileText(10), fc.constantFrom('{{镇名}}', '..', 'a/b', '')), formats: fc.oneof(fc.constantFrom(['docx'], ['pdf'], ['docx', 'pdf'], [], ['odt']), configValue) }, { requiredKeys: [] }), configValue),
    lint: fc.oneof(fc.record({ rules: fc.dictionary(fc.constantFrom('placeholder', 'punctuation', 'enumeration', 'unknown-rule'), fc.constantFrom('error', 'warning', 'off', 'bogus', 3)), placeholder: fc.record({ patterns: fc.array(fc.constantFrom('待定', '(a+)+$', '[', '/x/g', '', '.*'), { maxLength: 2 }), allow: fc.array(hostileText(4), { maxLength: 2 }) }, { requiredKeys: [] }) }, { requiredKeys: [] }), configValue),
    extra: configValue,
  }, { requiredKeys: [] }),
).map(([title, rest]) => {
  const { extra, ...keys } = rest;
  const config: Record<string, unknown> = { title, indicators: 'data.yaml', sections: ['sections/*.md'], ...keys };
  if (extra !== undefined) config.未知键 = extra;
  return safeStringify(config);
});

function safeStringify(value: unknown): string {
  return stringify(value, { aliasDuplicateObjects: false, lineWidth: 0 });
}

// ---------------------------------------------------------------------------------------------
// Whole projects



/** A real 3 × 2 RGB PNG, so `![图](chart.png)` in a random section names a readable image. */
export const PNG = makePng(3, 2, 'rgb');

export interface Case { config: string; data: string; sections: string[]; surrogates: Array<[number, string]> }

const plainConfig = 'title: 关于{{镇名}}经济运行情况的报告\nindicators: data.yaml\nsections: [sections/*.md]\ndate: 2024-06-30\n';
const surrogates = fc.array(fc.tuple(fc.nat(), loneSurrogate), { maxLength: 2 });

/** Two thirds are projects a build should accept (hostile text, sound syntax); the rest anything at all. */
export const projectCase: fc.Arbitrary<Case> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ config: fc.constant(plainConfig), data: wellFormedIndicatorsYaml, sections: fc.array(wellFormedSection, { minLength: 1, maxLength: 3 }), surrogates }) },
  { weight: 1, arbitrary: fc.record({
    config: fc.oneof(fc.constant(plainConfig), reportYaml),
    data: indicatorsYaml,
    sections: fc.array(fc.oneof(wellFormedSection, markdownSection), { minLength: 1, maxLength: 3 }),
    surrogates,
  }) },
);

/** Write the case into a fresh folder (a real PNG beside the sections) and return the folder. */
export function writeCase(root: string, name: string, c: Case): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'sections'), { recursive: true });
  writeFileSync(join(dir, 'report.yaml'), c.config);
  writeFileSync(join(dir, 'data.yaml'), c.data);
  c.sections.forEach((text, i) => writeFileSync(join(dir, 'sections', `0${i}.md`), text));
  writeFileSync(join(dir, 'sections', 'chart.png'), PNG);
  return dir;
}

// ---------------------------------------------------------------------------------------------
// The oracle

/** Each diagnostic names a file and says one line; positions, where given, are 1-based. */
export function expectCleanDiagnostic(d: Diagnostic, what = 'diagnostic'): void {
  const fail = (why: string) => { throw new Error(`${what} is not clean (${why}): ${JSON.stringify(d)}`); };
  if (typeof d.file !== 'string' || d.file.length === 0) fail('no file');
  if (typeof d.message !== 'string' || d.message.trim().length === 0) fail('no message');
  if (/[\n\r\u2028\u2029]/.test(formatDiagnosticLine(d))) fail('printed line spans lines');
  // Quoted user text may say anything; the words around it must not be JavaScript's.
  const ownWords = d.message.replace(/"[^"]*"/g, '""');
  if (/\n\s+at |\[object Object\]|\bundefined\b|\bNaN\b|Cannot read propert|is not a function|Maximum call stack/.test(ownWords)) fail('message leaks internals');
  if (d.line !== undefined && !(Number.isInteger(d.line) && d.line >= 1)) fail('bad line');
  if (d.column !== undefined && !(Number.isInteger(d.column) && d.column >= 1)) fail('bad column');
}

/**
 * Run one case: any result is fine, an InputError must be clean, anything else (TypeError,
 * RangeError, a stack overflow) is a crash the user would see. Also fails a case that hangs.
 */
export async function resultOrCleanError<T>(run: () => T | Promise<T>): Promise<T | InputError> {
  await yieldToEventLoop();
  const started = performance.now();
  let outcome: T | InputError;
  try {
    outcome = await run();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    if (error.diagnostics.length === 0) throw new Error('InputError without diagnostics');
    for (const d of error.diagnostics) expectCleanDiagnostic(d, 'InputError');
    outcome = error;
  }
  const ms = performance.now() - started;
  if (ms > CASE_TIME_LIMIT_MS) throw new Error(`case took ${Math.round(ms)} ms (limit ${CASE_TIME_LIMIT_MS} ms): a hang`);
  return outcome;
}
