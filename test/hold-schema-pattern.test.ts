/**
 * Issue 15, bounded work: a JSON Schema `pattern` cannot hang the build (ReDoS). Patterns run on
 * a linear-time engine; what it cannot run is reported at the schema line.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileLinear } from '../src/project/safe-regexp.js';
import { REPO } from './helpers/cli.js';
import { makeProject } from './helpers/project.js';

const REPORT = 'title: 报告\nindicators: data.yaml\nschema: schema.yaml\nsections: [s.md]\noutput: {formats: [docx]}\n';

function build(schema: string, data: string): { status: number | null; stderr: string; ms: number } {
  const dir = makeProject({ 'report.yaml': REPORT, 'schema.yaml': schema, 'data.yaml': data, 's.md': '代码{{代码}}。\n' });
  const started = performance.now();
  const result = spawnSync(process.execPath, [join(REPO, 'bin', 'report'), 'build', '.'], { cwd: dir, encoding: 'utf8', timeout: 30_000, env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stderr: result.stderr, ms: performance.now() - started };
}

describe('schema patterns cannot hang the build', () => {
  it('^(a+)+$ against 50 000 characters is checked in moments and reported at the value', () => {
    const schema = 'type: object\nproperties:\n  代码:\n    type: string\n    pattern: "^(a+)+$"\n';
    const result = build(schema, `代码: ${'a'.repeat(50_000)}!\n`);
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr.trim()).toBe('data.yaml:1:5: 代码: must match pattern "^(a+)+$" (got "' + 'a'.repeat(50_000) + '!")');
    expect(result.ms).toBeLessThan(15_000);
  });

  it('a pattern that matches still passes', () => {
    const schema = 'type: object\nproperties:\n  代码:\n    type: string\n    pattern: "^(a+)+$"\n';
    expect(build(schema, '代码: aaaa\n').status).toBe(0);
  });

  it('a back-reference is refused at its schema line', () => {
    const schema = 'type: object\nproperties:\n  代码:\n    type: string\n    pattern: "^(a+)\\\\1$"\n';
    const result = build(schema, '代码: aa\n');
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr.trim()).toBe('schema.yaml:5:14: pattern "^(a+)\\1$" uses back-references, which cannot be checked in bounded time; write it without');
  });

  it('a lookahead in patternProperties is refused at its key', () => {
    const schema = 'type: object\npatternProperties:\n  "^(?=x)":\n    type: number\n';
    const result = build(schema, '代码: aa\n');
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr.trim()).toBe('schema.yaml:3:3: pattern "^(?=x)" uses lookahead and lookbehind, which cannot be checked in bounded time; write it without');
  });
});

describe('the linear engine agrees with JavaScript', () => {
  it('on ordinary patterns', () => {
    const patterns = ['^\\d{4}-\\d{2}$', '^(a|ab)*c$', '^[\\u4e00-\\u9fa5]{2,4}$', '\\bfoo\\b', '^\\p{Script=Han}+镇$', '^(?:\\d+(?:\\.\\d+)?)%$', '^.$', '^[^]$', '(a*)*b', '^(|a)+$'];
    const texts = ['', 'a', 'ab', 'abc', 'c', '2024-05', '2024-5', '云溪镇', '云溪', 'a foo b', 'foobar', '😀', '12.5%', '%', '\n', 'aaaab', 'b'];
    for (const pattern of patterns) {
      const native = new RegExp(pattern, 'u');
      const linear = compileLinear(pattern);
      for (const text of texts) expect(linear.test(text), `${pattern} on ${JSON.stringify(text)}`).toBe(native.test(text));
    }
  });
});
