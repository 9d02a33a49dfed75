/**
 * Every English message written in src/ has its Chinese: the scan (helpers/message-literals.ts)
 * finds each English-looking literal outside t(en, zh), fills its `${…}` parts with samples, and
 * each sample must translate through the catalog with no English sentence left over. A literal
 * handed straight to a printing call (log, stderr …) is never localized, so it must be t(en, zh).
 * This reaches the messages no CLI test triggers (a damaged DOCX part, a bad style.yaml key …).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PREFIXES, SUFFIXES } from '../src/i18n/catalog.js';
import { ALL_PHRASES, ENTRIES } from '../src/i18n/entries.js';
import { toChinese } from '../src/i18n/localize.js';
import { LANG_ENV } from '../src/i18n/lang.js';
import { ruleDescription, ruleHelp, ruleSummary } from '../src/lint/formatters/rule-help.js';
import { RULES } from '../src/lint/rules/index.js';
import { messageLiterals, type MessageLiteral } from './helpers/message-literals.js';

const SRC = resolve(__dirname, '../src');

/** Literals that are not messages, each with its reason (file, then the start of the literal). */
const NOT_MESSAGES: Array<[file: string, start: RegExp, reason: string]> = [
  ['', /^[`'"]#/, 'comments written into the YAML files a project holds'],
  ['fonts/resolve.ts', /^'(Noto|Source Han) (Serif|Sans)/, 'font family names'],
  ['lint/formatters/sarif.ts', /^'The directory report lint ran in/, 'SARIF originalUriBaseIds description, read by tools'],
  ['lint/formatters/github.ts', /^`(title=|report lint \()/, 'GitHub annotation title: the command and the rule id'],
  ['extract/indicators-file.ts', /^`\$\{indicator\.key\}: \{/, 'a YAML line written into indicators.yaml'],
  ['extract/indicators-file.ts', /^`\$\{head\}/, 'the YAML comment written into indicators.yaml'],
];

/** XML, HTML and DOCX markup written into files: two tags, a declaration, a comment, or a text that opens with a tag. */
const MARKUP = /<[\w:]+(\s[^>]*)?\/?>.*<|<\?xml|<!--|^<[\w:]+[\s/>]/s;

const ENGLISH_LEFT = /[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}/;

/** The Chinese with the user's words taken out: quoted names, code in backticks, {{…}}, options. */
function sentenceWords(zh: string): string {
  return zh.replace(/“[^”]*”|"[^"]*"|`[^`]*`|\{\{[^}]*\}\}|--[\w-]+/g, ' ');
}

function problems(found: MessageLiteral[]): string[] {
  const out: string[] = [];
  for (const m of found) {
    if (NOT_MESSAGES.some(([file, start]) => (!file || file === m.file) && start.test(m.source))) continue;
    const where = `${m.file}:${m.line}`;
    if (m.printed) { out.push(`${where}: printed as written, never localized (use t(en, zh)): ${m.source}`); continue; }
    for (const sample of m.samples) {
      if (MARKUP.test(sample)) continue;
      const zh = toChinese(sample);
      if (zh === undefined) out.push(`${where}: no catalog entry for: ${sample}`);
      else if (ENGLISH_LEFT.test(sentenceWords(zh))) out.push(`${where}: English left in the Chinese: ${zh}`);
    }
  }
  return out;
}

describe('every message in src/ has its Chinese', () => {
  let found: MessageLiteral[];
  beforeAll(() => { found = messageLiterals(SRC, ['i18n']); }, 120_000);

  it('the scan finds the messages (it is not looking at nothing)', () => {
    expect(found.length).toBeGreaterThan(300);
    expect(found.some((m) => m.source.includes('report.yaml needs a `title`'))).toBe(true);
  });

  it('each message translates through the catalog', () => {
    expect(problems(found)).toEqual([]);
  });

  it('each errorMessage of schema/report.schema.json translates (ajv reports them)', () => {
    const texts = new Set<string>();
    const walk = (node: unknown): void => {
      if (!node || typeof node !== 'object') return;
      const message = (node as { errorMessage?: unknown }).errorMessage;
      if (typeof message === 'string') texts.add(message);
      Object.values(node).forEach(walk);
    };
    walk(JSON.parse(readFileSync(resolve(__dirname, '../schema/report.schema.json'), 'utf8')));
    expect(texts.size).toBeGreaterThan(10);
    const samples = [...texts].map((m) => m.replace('{path}', 'output.dir').replace('{value}', '2024-13'));
    expect(samples.filter((m) => toChinese(m) === undefined || ENGLISH_LEFT.test(sentenceWords(toChinese(m)!)))).toEqual([]);
  });
});

describe('the scan catches a message added without Chinese', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'i18n-scan-'));
    writeFileSync(join(dir, 'planted.ts'), [
      "declare function inputError(file: string, message: string): Error;",
      "declare function log(line: string): void;",
      "export function a(name: string) { throw inputError('x', `the planted file ${name} has no Chinese`); }",
      "export function b() { log('report: planted progress line'); }",
      "export function c(name: string) { throw inputError('x', `section glob \"${name}\" matches no file`); }",
      "export const d = (ok: boolean) => inputError('x', ok ? 'report.yaml needs a `title`' : 'a planted branch with no entry');",
    ].join('\n'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('flags the planted literals and passes the known one', () => {
    const found = problems(messageLiterals(dir));
    expect(found).toHaveLength(3);
    expect(found[0]).toMatch(/no catalog entry for: the planted file 甲 has no Chinese/);
    expect(found[1]).toMatch(/printed as written.*planted progress line/);
    expect(found[2]).toMatch(/no catalog entry for: a planted branch with no entry/);
  });
});

describe('the catalog itself', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{([A-Za-z][A-Za-z0-9]*)\}/g)].map((m) => m[1]).sort();

  it.each([...ENTRIES, ...SUFFIXES, ...PREFIXES].map((e) => [e[0], e[1]]))('%s', (en, zh) => {
    // Chinese words or at least Chinese punctuation (`{what}：{problem}`)
    expect(zh).toMatch(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”]/);
    // the Chinese may leave out a detail only the English reader can use (ajv's own words)
    for (const name of placeholders(zh)) expect(placeholders(en)).toContain(name);
  });

  it('each phrase is Chinese', () => {
    for (const [en, zh] of Object.entries(ALL_PHRASES)) expect(zh, en).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('lint rules: description, summary and help in both languages', () => {
  const saved = process.env[LANG_ENV];
  afterAll(() => { if (saved === undefined) delete process.env[LANG_ENV]; else process.env[LANG_ENV] = saved; });

  it.each(RULES.map((r) => [r.meta.id, r.meta]))('%s', (id, meta) => {
    process.env[LANG_ENV] = 'en';
    const englishHelp = ruleHelp(id);
    expect(englishHelp).not.toBe(ruleHelp('no-such-rule'));
    process.env[LANG_ENV] = 'zh';
    expect(ruleDescription(id, meta.description)).not.toBe(meta.description);
    expect(ruleSummary(id, meta.summary ?? meta.description)).not.toBe(meta.summary ?? meta.description);
    // the rule's own Chinese help: Chinese, not its English help, not the Chinese generic help
    const chineseHelp = ruleHelp(id);
    expect(chineseHelp).toMatch(/[\u4e00-\u9fff]/);
    expect(chineseHelp).not.toBe(englishHelp);
    expect(chineseHelp).not.toBe(ruleHelp('no-such-rule'));
  });
});
