import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLint } from '../src/cli/lint-command.js';
import { parseAnnotated } from './helpers/annotated-blanks.js';
import { lineColumn } from './helpers/line-column.js';
import { makeProject } from './helpers/project.js';

// Our own look-alike corpus: report texts with every blank marked ⟦…⟧ and clean texts full of
// look-alikes. The files are linted as a user would (`report lint FILE --format json`), and each
// finding must sit at the line and column of a marked blank.
const CORPUS = join(import.meta.dirname, 'fixtures/lint/corpus');

describe('placeholder accuracy on the look-alike corpus', () => {
  it('finds every marked blank at its line and column, and nothing else', async () => {
    const files: Record<string, string> = {};
    const expected = new Set<string>();
    for (const name of readdirSync(CORPUS)) {
      const { text, blanks } = parseAnnotated(readFileSync(join(CORPUS, name), 'utf8'));
      files[name] = text;
      for (const b of blanks) { const p = lineColumn(text, b.start); expected.add(`${name}:${p.line}:${p.column}`); }
    }
    const dir = makeProject({});
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    let out = '';
    const code = await runLint(Object.keys(files), { format: 'json', cwd: dir, stdout: (t) => { out += t; }, stderr: () => {} });
    expect(code).toBe(1);
    const found = (JSON.parse(out) as Array<{ file: string; line: number; column: number; rule: string }>)
      .filter((f) => f.rule === 'placeholder').map((f) => `${f.file}:${f.line}:${f.column}`);
    const hits = found.filter((f) => expected.has(f)).length;
    const recall = hits / expected.size;
    const precision = hits / found.length;
    expect(expected.size).toBeGreaterThan(35);
    expect({ recall, precision, missed: [...expected].filter((e) => !found.includes(e)), wrong: found.filter((f) => !expected.has(f)) })
      .toEqual({ recall: 1, precision: 1, missed: [], wrong: [] });
  });
});
