#!/usr/bin/env node
// `npm run bench`: build time and peak memory of report's stages, from the compiled dist/.
// Each section runs in a fresh child process, so its peak RSS and its cold-start costs (font
// parsing, module loading) are its own. Add a section by adding an entry to SECTIONS.
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = (path) => new URL(`../dist/${path}`, import.meta.url).href;

/** name → async function returning extra figures to print ({ pages, bytes, ... }). */
const SECTIONS = {
  async 'pdf: sample report (~7 pages)'() {
    return buildPdf(2);
  },
  async 'pdf: generated 200-page report'() {
    return buildPdf(80);
  },
  async 'build: examples/town-report (DOCX + PDF, whole pipeline)'() {
    return buildExample('examples/town-report');
  },
  async 'lint: generated 100 000-character project'() {
    const { benchLintDist } = await import('./bench-lint.mjs');
    const result = await benchLintDist();
    return { characters: result.characters, findings: result.findings, 'median ms': result.medianMs.toFixed(1) };
  },
};

/** The real `report build` code path, in-process, timed stage by stage. */
async function buildExample(dir) {
  const { buildCommand } = await import(dist('cli/build-command.js'));
  const out = mkdtempSync(join(tmpdir(), 'report-bench-'));
  const { exitCode, summary } = await buildCommand(join(root, dir), { out, json: true }, () => {});
  if (exitCode !== 0) throw new Error(`build failed with exit ${exitCode}`);
  const sizes = summary.outputs.map((o) => `${o.format} ${(o.bytes / 1024).toFixed(0)} KB`).join(', ');
  return { ...Object.fromEntries(Object.entries(summary.timings).map(([k, v]) => [`${k} ms`, v])), outputs: sizes };
}

async function buildPdf(sections) {
  const { sampleDocument } = await import('./sample-report.mjs');
  const { loadStyleSpec } = await import(dist('style/spec.js'));
  const { renderFormat } = await import(dist('build/render.js'));
  const { loadFonts } = await import(dist('fonts/index.js'));
  const spec = loadStyleSpec('gongwen', root);
  const projectDir = mkdtempSync(join(tmpdir(), 'report-bench-'));
  let t = performance.now();
  const fonts = loadFonts(spec, { projectDir });
  const fontMs = performance.now() - t;
  const faces = [...fonts.faces.values()].map((f) => `${f.postscriptName} ${f.loadMs.toFixed(0)} ms`).join(', ');
  t = performance.now();
  const result = await renderFormat(sampleDocument({ sections }), spec, 'pdf', { projectDir });
  const pdfMs = performance.now() - t;
  writeFileSync(join(projectDir, 'out.pdf'), result.bytes);
  return { pages: result.layout.pages.length, 'PDF MB': (result.bytes.length / 1e6).toFixed(2), 'fonts ms': fontMs.toFixed(0), 'layout+PDF ms': pdfMs.toFixed(0), faces };
}

async function child(name) {
  const started = performance.now();
  const extra = await SECTIONS[name]();
  const ms = performance.now() - started;
  const rss = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ ms, rss, extra }));
}

async function main() {
  const only = process.argv.slice(2);
  const names = Object.keys(SECTIONS).filter((name) => only.length === 0 || only.some((o) => name.includes(o)));
  console.log(`report bench (node ${process.version}, ${process.platform})`);
  for (const name of names) {
    const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--section', name], { encoding: 'utf8', cwd: root });
    if (run.status !== 0) {
      console.log(`${name}: FAILED\n${run.stderr}`);
      process.exitCode = 1;
      continue;
    }
    const { ms, rss, extra } = JSON.parse(run.stdout);
    const details = Object.entries(extra).map(([k, v]) => `${k} ${v}`).join('; ');
    console.log(`${name}: ${ms.toFixed(0)} ms total, peak RSS ${rss.toFixed(0)} MB${details ? ` (${details})` : ''}`);
  }
}

if (process.argv[2] === '--section') await child(process.argv[3]);
else await main();
