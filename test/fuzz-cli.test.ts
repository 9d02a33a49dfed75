/**
 * Robustness through the real command line (issue 6): fewer cases than the in-process suites, as
 * each starts `bin/report`, but they check what a pipeline sees — exit 0, 1 or 2, stderr lines
 * that are `file:line:col: message` or `file: message` (plus the `wrote …` lines), never a stack
 * trace or an internal error, and on success the outputs in place.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runReport } from './helpers/cli.js';
import { FUZZ_RUNS, fuzzTimeout, projectCase, runs, writeCase, yieldToEventLoop } from './helpers/fuzz.js';

const root = mkdtempSync(join(tmpdir(), 'report-fuzz-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let caseNumber = 0;

/** `file:line:col: message`, `file: message` (a file, an option or `report`), or a `wrote` line. */
const CONTRACT_LINE = /^(?:[^\s:][^:]*(?::\d+:\d+)?: \S.*|wrote \S.* \(\d+(?:\.\d)? (?:KB|MB)\))$/;

const command = fc.constantFrom<string[]>(
  ['build', '.', '--draft'],
  ['build', '.'],
  ['build', '.', '--draft', '--format', 'docx'],
  ['build', '.', '--draft', '--json'],
  ['lint', '.'],
  ['lint', '.', '--format', 'json'],
);

describe(`the command line survives random projects (${runs(1 / 40, 0).numRuns} cases, seeded; FUZZ_RUNS=${FUZZ_RUNS})`, () => {
  it('every run exits 0, 1 or 2 with contract lines on stderr and no stack trace', async () => {
    const parameters = runs(1 / 40, 21);
    let cases = 0;
    let succeeded = 0;
    let built = 0;
    await fc.assert(fc.asyncProperty(projectCase, command, async (c, args) => {
      await yieldToEventLoop();
      const dir = writeCase(root, `case-${caseNumber++}`, { ...c, surrogates: [] });
      try {
        const result = runReport(args, { cwd: dir });
        const where = `report ${args.join(' ')} → exit ${result.status}\n${result.stderr}`;
        cases++;
        if (result.status === 0) succeeded++;
        if (result.status === 0 && args[0] === 'build') built++;
        expect([0, 1, 2], where).toContain(result.status);
        expect(result.stderr, where).not.toMatch(/\n\s+at |^report: internal error|^report: cannot start|FATAL ERROR|heap out of memory/m);
        const lines = result.stderr.split('\n').filter(Boolean);
        for (const line of lines) expect(line, where).toMatch(CONTRACT_LINE);
        if (result.status === 2) expect(lines.length, where).toBeGreaterThan(0);
        if (args[0] === 'build') {
          const out = join(dir, 'out');
          const written = existsSync(out) ? readdirSync(out) : [];
          // Outputs appear only on success, complete, and never beside a temporary file.
          if (result.status === 0) {
            expect(written.length, where).toBeGreaterThan(0);
            for (const name of written) expect(statSync(join(out, name)).size, name).toBeGreaterThan(0);
          } else expect(written, where).toEqual([]);
          expect(written.filter((name) => !/\.(docx|pdf)$/.test(name)), where).toEqual([]);
          if (args.includes('--json') && result.status !== 2) expect(JSON.parse(result.stdout).ok).toBe(result.status === 0);
        } else if (args.includes('json') && result.status !== 2) {
          expect(Array.isArray(JSON.parse(result.stdout)), where).toBe(true);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }), parameters);
    // The output checks only bite on successful builds: about a quarter of the cases (7 of the 25 CI
    // cases, 18–40 % over other seeds) exit 0, nearly all of them builds.
    expect(cases).toBe(parameters.numRuns);
    expect(succeeded, `${succeeded} of ${cases} runs exited 0`).toBeGreaterThan(cases * 0.05);
    expect(built, `${built} of ${cases} runs built a document`).toBeGreaterThan(0);
  }, fuzzTimeout(1 / 40, 1000));
});
