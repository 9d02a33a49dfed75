/**
 * Robustness of lint (issue 6): random Markdown, random Unicode (lone surrogates included, which
 * only the in-process API can see) through the placeholder detector and the lint engine. The only
 * outcomes are findings that point inside the file, or a clean InputError. Seeds are fixed in CI;
 * FUZZ_RUNS=N / FUZZ_SEED=S (or scripts/fuzz.mjs) for a longer run.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { positionAt } from '../src/text/position.js';
import { DEFAULT_SETTINGS } from '../src/lint/config.js';
import { lintMarkdownFiles } from '../src/lint/engine.js';
import { findPlaceholders } from '../src/lint/placeholder-detector.js';
import type { SourceFile } from '../src/project/source-file.js';
import { renderTemplate } from '../src/template/render.js';
import { expectCleanDiagnostic, FUZZ_RUNS, fuzzTimeout, hostileText, markdownSection, resultOrCleanError, runs, yieldToEventLoop } from './helpers/fuzz.js';
import { lineColumn } from './helpers/line-column.js';

const sourceFile = (text: string, name = 'sections/01-a.md'): SourceFile => ({ path: `/fuzz/${name}`, displayPath: name, text });

/** Markdown with lone surrogates spliced in at random places. */
const markdownWithSurrogates = fc.tuple(markdownSection, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0xd800, max: 0xdfff })), { maxLength: 3 }))
  .map(([text, cuts]) => cuts.reduce((t, [at, code]) => { const i = at % (t.length + 1); return t.slice(0, i) + String.fromCharCode(code) + t.slice(i); }, text));

describe(`lint survives random input (${FUZZ_RUNS} cases a property, seeded)`, () => {
  it('the placeholder detector returns in-bounds, ordered, non-overlapping blanks that are the text they cover', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(hostileText(80, true), markdownWithSurrogates), fc.boolean(), async (text, emphasis) => {
      await yieldToEventLoop();
      const found = findPlaceholders(text, { markdownEmphasis: emphasis, extraPatterns: ['待定'], allow: ['XXL'] });
      let previousEnd = 0;
      for (const blank of found) {
        expect(blank.start).toBeGreaterThanOrEqual(previousEnd);
        expect(blank.end).toBeGreaterThan(blank.start);
        expect(blank.end).toBeLessThanOrEqual(text.length);
        expect(blank.text).toBe(text.slice(blank.start, blank.end));
        previousEnd = blank.end;
      }
    }), runs(2, 1));
  }, fuzzTimeout(2, 2));

  it('lint of random Markdown files gives findings inside the files, each a clean one-line diagnostic', async () => {
    await fc.assert(fc.asyncProperty(fc.array(markdownWithSurrogates, { minLength: 1, maxLength: 3 }), async (texts) => {
      const files = texts.map((text, i) => sourceFile(text, `sections/0${i}.md`));
      const outcome = await resultOrCleanError(() => lintMarkdownFiles(files, DEFAULT_SETTINGS, { strict: true }));
      if (!('findings' in outcome)) return;
      for (const finding of outcome.findings) {
        expectCleanDiagnostic(finding, 'lint finding');
        expect(['error', 'warning', 'info']).toContain(finding.severity);
        const file = files.find((f) => f.displayPath === finding.file);
        expect(file, finding.file).toBeDefined();
        if (finding.line !== undefined) expect(finding.line).toBeLessThanOrEqual(file!.text.split('\n').length);
        if (finding.fix) {
          expect(finding.fix.start).toBeGreaterThanOrEqual(0);
          expect(finding.fix.end).toBeLessThanOrEqual(file!.text.length);
        }
      }
    }), runs(1, 2));
  }, fuzzTimeout(1, 5));

  it('lenient rendering (what lint reads) of random templates gives text or a clean error', async () => {
    const context = { 产值: 12.5, 镇名: '云溪镇', 增速: 'XX', 税收: { 本期: 3.2, 上期: 3 }, 列表: ['一', '二'], 空: '' };
    await fc.assert(fc.asyncProperty(markdownWithSurrogates, fc.boolean(), async (text, strict) => {
      const outcome = await resultOrCleanError(() => renderTemplate(sourceFile(text), context, { strict }));
      if ('text' in outcome) {
        expect(outcome.text).not.toMatch(/[\uFDD0-\uFDD2]/); // the renderer's own markers never leak
        for (const s of outcome.substitutions) expect(s.end).toBeLessThanOrEqual(outcome.text.length);
      }
    }), runs(1, 3));
  }, fuzzTimeout(1, 3));

  it('line:col positions agree with counting lines and code points by hand', async () => {
    await fc.assert(fc.asyncProperty(hostileText(60, true), fc.nat(), async (text, at) => {
      await yieldToEventLoop();
      const offset = at % (text.length + 2);
      expect(positionAt(text, offset)).toEqual(lineColumn(text, offset));
    }), runs(2, 4));
  }, fuzzTimeout(2, 1));
});
