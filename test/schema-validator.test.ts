/**
 * The prebuilt report.yaml validator (scripts/bundle.mjs compiles schema/report.schema.json with
 * ajv's standalone code at `npm run build`) must be current and judge exactly as ajv's compile of
 * the schema does — a stale one would accept or refuse keys the schema no longer says.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REPORT_SCHEMA_PATH, REPORT_VALIDATOR_PATH } from '../src/project/config-schema.js';

const schemaText = readFileSync(REPORT_SCHEMA_PATH, 'utf8');
const examples = fileURLToPath(new URL('../examples/', import.meta.url));

describe('the prebuilt report.yaml validator', () => {
  it('exists after npm run build and names the digest of the schema it was compiled from', () => {
    expect(existsSync(REPORT_VALIDATOR_PATH), 'run npm run build').toBe(true);
    const firstLine = readFileSync(REPORT_VALIDATOR_PATH, 'utf8').split('\n', 1)[0];
    expect(firstLine).toContain(createHash('sha256').update(schemaText).digest('hex'));
  });

  it('gives the same verdict and errors as ajv compiling the schema, on every example and on broken ones', () => {
    const prebuilt = createRequire(import.meta.url)(fileURLToPath(REPORT_VALIDATOR_PATH)) as ValidateFunction;
    const fresh = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(schemaText));
    const configs = readdirSync(examples).filter((name) => existsSync(`${examples}${name}/report.yaml`))
      .map((name) => parse(readFileSync(`${examples}${name}/report.yaml`, 'utf8')) as Record<string, unknown>);
    expect(configs.length).toBeGreaterThan(5);
    const broken = [
      { title: 1, sections: 'a.md' },
      { title: '报告', sections: ['a.md'], output: { formats: ['docx', 'odt'] } },
      { title: '报告', sections: ['a.md'], kind: '公告' },
      { title: '报告', sections: ['a.md'], date: '2024-13-45', colour: 'red' },
      { sections: ['a.md'], header: { number: '县政发2024 1号' } },
    ];
    let refused = 0;
    for (const config of [...configs, ...broken]) {
      const verdict = prebuilt(config);
      expect(verdict, JSON.stringify(config).slice(0, 80)).toBe(fresh(config));
      expect(prebuilt.errors ?? null).toEqual(fresh.errors ?? null);
      if (!verdict) refused++;
    }
    expect(refused).toBeGreaterThanOrEqual(3);
  });
});
