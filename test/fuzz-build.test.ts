/**
 * Robustness of the build (issue 6): random report.yaml, indicator files and Markdown sections
 * through the real stages of `report build` (loadProject → renderTemplate → the pre-build check →
 * assembleDocument → writeDocx / writePdf), in process. The only outcomes are a document or a
 * clean InputError. Lone surrogates, which no UTF-8 file can hold, are spliced into the loaded
 * sections and indicators in memory. Seeds are fixed in CI; FUZZ_RUNS / FUZZ_SEED for more.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { checkProjectForBuild } from '../src/lint/build-check.js';
import { projectLintSettings, lintProject } from '../src/lint/engine.js';
import { findPlaceholders } from '../src/lint/placeholder-detector.js';
import { assembleDocument } from '../src/markdown/document.js';
import type { Document } from '../src/model/document.js';
import { markPlaceholders } from '../src/model/placeholders.js';
import { loadProject, type Project } from '../src/project/load.js';
import { writeDocx } from '../src/render/docx/index.js';
import { writePdf } from './helpers/pdf.js';
import { loadStyleSpec } from '../src/style/spec.js';
import { renderTemplate } from '../src/template/render.js';
import { expectCleanDiagnostic, FUZZ_RUNS, fuzzTimeout, projectCase, resultOrCleanError, runs, writeCase } from './helpers/fuzz.js';

const root = mkdtempSync(join(tmpdir(), 'report-fuzz-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let caseNumber = 0;

/** Splice lone surrogates into the loaded sections and one indicator: only the in-process API can carry them. */
function addSurrogates(project: Project, surrogates: Array<[number, string]>): void {
  for (const [at, unit] of surrogates) {
    const section = project.sections[at % project.sections.length];
    const i = at % (section.text.length + 1);
    section.text = section.text.slice(0, i) + unit + section.text.slice(i);
    project.indicators.镇名 = `云${unit}溪镇`;
  }
}

/** The stages of `report build --draft` up to the document model (see src/cli/build-command.ts). */
function buildModel(dir: string, surrogates: Array<[number, string]>): Document {
  const project = loadProject(dir);
  addSurrogates(project, surrogates);
  loadStyleSpec(project.config.template, project.dir, project.configFile.displayPath);
  const rendered = project.sections.map((section) => renderTemplate(section, project.indicators, { strict: true }));
  for (const finding of checkProjectForBuild(project, rendered)) expectCleanDiagnostic(finding, 'build check');
  for (const finding of lintProject(project).findings) expectCleanDiagnostic(finding, 'lint finding');
  const { placeholder } = projectLintSettings(project);
  return markPlaceholders(assembleDocument(project, rendered), (text) => findPlaceholders(text, { ...placeholder, markdownEmphasis: false }));
}

/** Characters XML 1.0 forbids: a DOCX holding one does not open in Word. */
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe(`build survives random projects (${FUZZ_RUNS} model cases, seeded)`, () => {
  it('random report.yaml, indicators and sections give a document model or a clean error', async () => {
    let documents = 0;
    await fc.assert(fc.asyncProperty(projectCase, async (c) => {
      const dir = writeCase(root, `case-${caseNumber++}`, c);
      try {
        const outcome = await resultOrCleanError(() => buildModel(dir, c.surrogates));
        if (!(outcome instanceof Error)) {
          documents++;
          expect(typeof outcome.title).toBe('string');
          expect(Array.isArray(outcome.body)).toBe(true);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }), runs(1, 11));
    // The property is only meaningful if most cases get through to a document.
    expect(documents).toBeGreaterThan(Math.round(FUZZ_RUNS * 0.3));
  }, fuzzTimeout(1, 10));

  it('random projects that reach a model give a DOCX whose XML parts Word can read, or a clean error', async () => {
    const spec = loadStyleSpec('gongwen', root);
    let documents = 0;
    await fc.assert(fc.asyncProperty(projectCase, async (c) => {
      const dir = writeCase(root, `case-${caseNumber++}`, c);
      try {
        const outcome = await resultOrCleanError(async () => writeDocx(buildModel(dir, c.surrogates), spec));
        if (outcome instanceof Error) return;
        documents++;
        const zip = await JSZip.loadAsync(outcome);
        const parts = Object.keys(zip.files).filter((name) => name.endsWith('.xml') || name.endsWith('.rels'));
        expect(parts).toContain('word/document.xml');
        for (const name of parts) {
          const xml = await zip.file(name)!.async('string');
          const bad = XML_ILLEGAL.exec(xml);
          expect(bad, `${name} holds U+${bad?.[0].codePointAt(0)?.toString(16).toUpperCase()} at ${bad?.index}: ${xml.slice(Math.max(0, (bad?.index ?? 0) - 40), (bad?.index ?? 0) + 10)}`).toBeNull();
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }), runs(1 / 5, 12));
    expect(documents).toBeGreaterThan(runs(1 / 5, 12).numRuns! * 0.3);
  }, fuzzTimeout(1 / 5, 20));

  it('random projects that reach a model give a PDF that a reader opens, or a clean error', async () => {
    const spec = loadStyleSpec('gongwen', root);
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    let documents = 0;
    await fc.assert(fc.asyncProperty(projectCase, async (c) => {
      const dir = writeCase(root, `case-${caseNumber++}`, c);
      try {
        const outcome = await resultOrCleanError(async () => writePdf(buildModel(dir, c.surrogates), spec, { projectDir: dir }));
        if (outcome instanceof Error) return;
        documents++;
        expect(outcome.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        const loaded = await pdfjs.getDocument({ data: new Uint8Array(outcome.pdf), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
        expect(loaded.numPages).toBe(outcome.layout.pages.length);
        await loaded.destroy();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }), runs(1 / 5, 13));
    expect(documents).toBeGreaterThan(runs(1 / 5, 13).numRuns! * 0.3);
  }, fuzzTimeout(1 / 5, 30));
});
