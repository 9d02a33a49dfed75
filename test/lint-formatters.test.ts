import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatGithub } from '../src/lint/formatters/github.js';
import { formatJson } from '../src/lint/formatters/json.js';
import { formatSarif } from '../src/lint/formatters/sarif.js';
import { formatStylish } from '../src/lint/formatters/stylish.js';
import type { Finding } from '../src/lint/rule.js';
import { RULES } from '../src/lint/rules/index.js';

const rules = RULES.map((r) => r.meta);
const FINDINGS: Finding[] = [
  { file: 'sections/01-总结.md', line: 3, column: 12, endLine: 3, endColumn: 14, rule: 'placeholder', severity: 'error', message: 'unfilled blank "XX"', text: 'XX', context: '…累计XX亿元，同比…' },
  { file: 'sections/01-总结.md', line: 5, column: 6, endLine: 5, endColumn: 7, rule: 'punctuation', severity: 'warning', message: 'half-width "," in Chinese text; use "，"', text: ',', context: '2023年,在', fix: { path: '/x', start: 1, end: 2, replacement: '，' } },
  { file: 'indicators.yaml', line: 2, column: 1, rule: 'unused-indicator', severity: 'info', message: 'indicator "a,b: 100%" is not used\nby any section', text: 'a' },
];

describe('lint formatters', () => {
  it('stylish groups by file, prints a summary, and has no colour codes when colour is off', () => {
    const out = formatStylish(FINDINGS, { rules, color: false });
    expect(out).not.toMatch(/\x1b\[/);
    expect(out).toContain('sections/01-总结.md\n  3:12  error    unfilled blank "XX"');
    expect(out).toContain('✖ 3 problems (1 error, 1 warning, 1 info)');
    expect(out).toContain('1 problem fixable with `report lint --fix`');
    expect(formatStylish(FINDINGS, { rules, color: true })).toMatch(/\x1b\[31merror/);
    expect(formatStylish([], { rules, color: false })).toBe('');
  });

  it('json is an array of diagnostics with 1-based positions', () => {
    const parsed = JSON.parse(formatJson(FINDINGS, { rules }));
    expect(parsed[0]).toEqual({
      file: 'sections/01-总结.md', line: 3, column: 12, endLine: 3, endColumn: 14, rule: 'placeholder', severity: 'error',
      message: 'unfilled blank "XX"', text: 'XX', context: '…累计XX亿元，同比…', fixable: false,
    });
    expect(parsed[1].fixable).toBe(true);
  });

  it('sarif validates against the SARIF 2.1.0 schema (subset) and points at code-point columns', () => {
    const schema = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/lint/sarif-2.1.0-subset.schema.json'), 'utf8'));
    const validate = new Ajv({ strict: true, strictRequired: false, allErrors: true }).compile(schema);
    const log = JSON.parse(formatSarif(FINDINGS, { rules, version: '1.2.3' }));
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const run = log.runs[0];
    expect(run.columnKind).toBe('unicodeCodePoints');
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(rules.map((r) => r.id));
    const [first, , third] = run.results;
    expect(run.tool.driver.rules[first.ruleIndex].id).toBe('placeholder');
    expect(first.level).toBe('error');
    expect(third.level).toBe('note');
    expect(first.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'sections/01-%E6%80%BB%E7%BB%93.md', uriBaseId: '%SRCROOT%' },
      region: { startLine: 3, startColumn: 12, endLine: 3, endColumn: 14, snippet: { text: 'XX' } },
    });
    for (const result of run.results) expect(result.locations[0].physicalLocation.artifactLocation.uri).toMatch(/^[A-Za-z0-9%._~\-/]+$/);
    // The schema really checks: a wrong level is rejected.
    expect(validate({ ...log, runs: [{ ...run, results: [{ ...first, level: 'fatal' }] }] })).toBe(false);
    // Deterministic: the same findings give the same bytes.
    expect(formatSarif(FINDINGS, { rules, version: '1.2.3' })).toBe(formatSarif(FINDINGS, { rules, version: '1.2.3' }));
  });

  it('github escapes %, CR and LF in messages and also : and , in properties', () => {
    expect(escapeData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
    const lines = formatGithub(FINDINGS, { rules }).split('\n');
    expect(lines[0]).toBe('::error file=sections/01-总结.md,line=3,col=12,endLine=3,endColumn=14,title=report lint (placeholder)::unfilled blank "XX" — …累计XX亿元，同比…');
    expect(lines[1]).toMatch(/^::warning file=/);
    expect(lines[2]).toBe('::notice file=indicators.yaml,line=2,col=1,title=report lint (unused-indicator)::indicator "a,b: 100%25" is not used%0Aby any section');
    expect(lines).toHaveLength(4);
  });
});
