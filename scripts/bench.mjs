#!/usr/bin/env node
// `npm run bench`: report's speed and memory against the baselines measured in the same run on
// the same machine — `node -e 0`, Typst (the npm compiler, PDF only, the same text laid out the
// 公文 way with the same font files) and pandoc (DOCX only) — whole process, medians, pair by
// pair. Prints a table with each target of issue 11 and whether it is met, and writes the
// figures as JSON (default out/bench/results.json).
//   npm run bench [-- --runs 10] [--heavy-runs 3] [--only reference] [--json FILE]
// Needs the compiled dist/ (npm ci or npm run build). A baseline that is not installed is
// skipped with the reason in its row.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { referenceSections, referenceText, typstDocument, writeReferenceProject } from './bench-projects.mjs';
import { measurePaired, median, runOnce } from './bench-measure.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = (path) => pathToFileURL(join(root, 'dist', path)).href;
const REPORT = join(root, 'bin', 'report');
const TYPST_RUNNER = join(root, 'scripts', 'bench-typst.mjs');

const option = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : fallback;
};
const RUNS = Number(option('--runs', 10));
const HEAVY_RUNS = Number(option('--heavy-runs', 3));
const ONLY = option('--only', '');
const JSON_FILE = option('--json', join(root, 'out', 'bench', 'results.json'));
/** Copies of the 8-page reference in the large reports (×40 ≈ 300 pages; ×143 ≈ 1 000 pages). */
const LARGE_COPIES = 40;
const THOUSAND_PAGE_COPIES = 143;
const BATCH_PROJECTS = 50;

async function main() {
  if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  const work = mkdtempSync(join(tmpdir(), 'report-bench-'));
  const rows = [];
  const { source } = await referenceText();
  console.log(`report bench — node ${process.version}, ${process.platform}, ${RUNS} runs (${HEAVY_RUNS} for the large rows), reference: ${source}`);
  try {
    const setup = await prepare(work);
    const typst = typstAvailable();
    const pandoc = spawnSync('pandoc', ['--version']).status === 0 ? null : 'pandoc is not installed (apt-get install pandoc)';
    const node = measurePaired([{ label: 'node -e 0', args: ['-e', '0'] }], RUNS)[0];
    const want = (name) => !ONLY || name.includes(ONLY);
    // a row that cannot run (an older checkout without batch builds, a refused size) says why
    const attempt = (work, fn) => {
      try {
        fn();
      } catch (error) {
        rows.push({ work, report: `failed: ${String(error.message).replace(/\s+/g, ' ').slice(0, 160)}`, baselines: {} });
      }
    };
    rows.push({ work: 'node -e 0', report: null, baselines: { 'node -e 0': node } });

    if (want('version')) attempt('report --version', () => {
      const [version] = measurePaired([{ label: 'report --version', args: [REPORT, '--version'] }], RUNS);
      rows.push({ work: 'report --version', report: version, baselines: { 'node -e 0': node }, target: { text: '≤ 2× node -e 0', met: version.ms <= 2 * node.ms, ratio: version.ms / node.ms } });
    });
    if (want('lint')) attempt('report lint', () => {
      const [lint] = measurePaired([{ label: 'report lint', args: [REPORT, 'lint', setup.ref.dir], allowFailure: true }], RUNS);
      rows.push({ work: 'report lint, reference project', report: lint, baselines: {}, target: { text: '≤ 0.25 s', met: lint.ms <= 250 } });
    });
    for (const [name, project, typ, runs, targetRss] of [
      ['reference report (8 pages)', setup.ref, setup.refTyp, RUNS, 150],
      [`reference ×${LARGE_COPIES}`, setup.large, setup.largeTyp, HEAVY_RUNS, 250],
      [`reference ×${THOUSAND_PAGE_COPIES} (1 000-page report)`, setup.thousand, setup.thousandTyp, HEAVY_RUNS, undefined],
    ]) {
      if (want(name)) attempt(name, () => rows.push(compareBuilds(name, project, typ, runs, targetRss, { work, setup, typst, pandoc })));
    }
    if (want('rebuild')) attempt('rebuild after a one-line edit', () => {
      const edits = RUNS;
      const rebuild = JSON.parse(runOnce([fileURLToPath(import.meta.url), '--rebuild', setup.ref.dir, String(edits)]).stdout);
      const typstEdit = typst.skip ?? JSON.parse(runOnce([TYPST_RUNNER, setup.refTyp, join(work, 'typst.pdf'), ...setup.fontFiles, '--edits', String(edits)]).stdout);
      rows.push({
        work: 'rebuild after a one-line edit, same process', report: { ms: rebuild.ms, stages: rebuild.stages }, baselines: { typst: typst.skip ?? { ms: typstEdit.editMs } },
        target: { text: '≤ 20 ms', met: rebuild.ms <= 20, ratio: typst.skip ? undefined : rebuild.ms / typstEdit.editMs },
      });
    });
    if (want('batch')) attempt('batch', () => {
      const [batch] = measurePaired([{ label: 'batch', args: [REPORT, 'build', ...setup.batch, '--out', join(work, 'batch-out')] }], HEAVY_RUNS);
      rows.push({ work: `batch: ${BATCH_PROJECTS} reference reports, one process`, report: batch, baselines: {}, target: { text: '≤ 5 s', met: batch.ms <= 5000 } });
    });
    if (want('lint')) {
      const { benchLintDist } = await import('./bench-lint.mjs');
      const lint = await benchLintDist();
      rows.push({ work: `lint in process, ${lint.characters} characters`, report: { ms: lint.medianMs }, baselines: {} });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  printTable(rows);
  mkdirSync(dirname(JSON_FILE), { recursive: true });
  writeFileSync(JSON_FILE, `${JSON.stringify({ node: process.version, platform: process.platform, date: new Date().toISOString(), runs: RUNS, heavyRuns: HEAVY_RUNS, rows: rows.map(stripRuns) }, null, 2)}\n`);
  console.log(`\nfigures written to ${JSON_FILE}`);
}

/** `report build` (DOCX + PDF) against Typst and pandoc on the same text, pair by pair. */
function compareBuilds(name, project, typ, runs, targetRss, { work, setup, typst, pandoc }) {
  const commands = [{ label: 'report build', args: [REPORT, 'build', project.dir, '--out', join(work, 'out')] }];
  const typstAt = typst.skip ? -1 : commands.push({ label: 'typst', args: [TYPST_RUNNER, typ, join(work, 'typst.pdf'), ...setup.fontFiles] }) - 1;
  const pandocAt = pandoc ? -1 : commands.push({ label: 'pandoc', node: false, args: ['pandoc', '-f', 'markdown', '-o', join(work, 'pandoc.docx'), project.plainMarkdown] }) - 1;
  const measured = measurePaired(commands, runs);
  const [report] = measured;
  const typstMs = typstAt < 0 ? undefined : measured[typstAt].ms;
  const met = (typstMs === undefined || report.ms <= typstMs) && (targetRss === undefined || report.rss <= targetRss);
  return {
    work: `${name}, DOCX + PDF (${pdfPages(join(work, 'out', 'reference.pdf'))} pages)`, report,
    baselines: { typst: typst.skip ?? measured[typstAt], pandoc: pandoc ?? measured[pandocAt] },
    target: { text: `≤ Typst's time${targetRss ? `, ≤ ${targetRss} MB` : ', builds'}`, met, ratio: typstMs && report.ms / typstMs },
  };
}

/** The projects, the Typst sources and the font files both engines use. */
async function prepare(work) {
  const ref = await withPlain(await writeReferenceProject(join(work, 'ref')), 1, work, 'ref');
  const large = await withPlain(await writeReferenceProject(join(work, 'large'), { copies: LARGE_COPIES }), LARGE_COPIES, work, 'large');
  const thousand = await withPlain(await writeReferenceProject(join(work, 'thousand'), { copies: THOUSAND_PAGE_COPIES }), THOUSAND_PAGE_COPIES, work, 'thousand');
  const batch = [];
  for (let i = 0; i < BATCH_PROJECTS; i++) {
    const dir = join(work, 'batch', `office-${String(i + 1).padStart(2, '0')}`);
    cpSync(ref.dir, dir, { recursive: true });
    batch.push(dir);
  }
  const { fontFiles, families } = await buildFonts(ref.dir);
  const { text } = await referenceText();
  const { blocks } = referenceSections(text);
  const typ = (copies, name) => {
    const file = join(work, `${name}.typ`);
    writeFileSync(file, typstDocument(blocks, families, { copies }));
    return file;
  };
  return { ref, large, thousand, batch, fontFiles, refTyp: typ(1, 'ref'), largeTyp: typ(LARGE_COPIES, 'large'), thousandTyp: typ(THOUSAND_PAGE_COPIES, 'thousand') };
}

/** pandoc reads the same text with the figures filled in (it has no data step). */
async function withPlain(project, copies, work, name) {
  const { text } = await referenceText();
  const { blocks } = referenceSections(text);
  const markdown = blocks.map((b) => `${b.level ? `${'#'.repeat(b.level)} ` : ''}${b.text}\n`).join('\n');
  const plainMarkdown = join(work, `${name}.md`);
  writeFileSync(plainMarkdown, Array.from({ length: copies }, () => markdown).join('\n'));
  return { ...project, plainMarkdown };
}

/** The font files a build of the reference embeds (its five roles and the Latin face), by family. */
async function buildFonts(projectDir) {
  const { loadStyleSpec } = await import(dist('style/spec.js'));
  const { loadFonts } = await import(dist('fonts/index.js'));
  const spec = loadStyleSpec('gongwen', projectDir);
  const fonts = loadFonts(spec, { projectDir });
  const faceOf = (role) => fonts.book.primary(role);
  const latin = fonts.book.faceFor('body', 'A');
  const families = { title: faceOf('title').family, body: faceOf('body').family, heading1: faceOf('heading1').family, heading2: faceOf('heading2').family, latin: latin.family };
  const fontFiles = [...new Set([...fonts.faces.values()].map((face) => face.path))];
  return { fontFiles, families };
}

function typstAvailable() {
  try {
    createRequire(import.meta.url).resolve('@myriaddreamin/typst-ts-node-compiler');
    return {};
  } catch {
    return { skip: 'the Typst compiler is not installed (npm ci installs @myriaddreamin/typst-ts-node-compiler, a devDependency)' };
  }
}

function pdfPages(file) {
  if (!existsSync(file)) return '?';
  const run = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  return /Pages:\s+(\d+)/.exec(run.stdout ?? '')?.[1] ?? '?';
}

/** Child: one BuildSession, a build, then `edits` one-line edits each built and committed as watch does (no fsync). */
async function rebuildChild(dir, edits) {
  const { readFileSync } = await import('node:fs');
  const { BuildSession } = await import(dist('build/index.js'));
  const { buildAndCommit } = await import(dist('batch/build-one.js'));
  const session = new BuildSession();
  const file = join(dir, 'sections', '0001.md');
  const original = readFileSync(file, 'utf8');
  const out = join(dir, 'rebuild-out');
  await buildAndCommit(dir, { session, out }, () => {}, { durable: false });
  const times = [];
  let stages;
  for (let i = 0; i < edits; i++) {
    writeFileSync(file, original.replace('具体内容汇报如下', `具体内容汇报如下${i}`));
    const started = performance.now();
    const built = await buildAndCommit(dir, { session, out }, () => {}, { durable: false });
    if (built.exitCode !== 0) throw new Error(`rebuild failed with exit ${built.exitCode}`);
    times.push(performance.now() - started);
  }
  writeFileSync(file, original);
  const { build } = await import(dist('build/index.js'));
  stages = (await build(dir, { session, out })).timings;
  process.stdout.write(JSON.stringify({ ms: median(times), stages }));
}

const seconds = (ms) => (ms === undefined ? '—' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 20 ? 1 : 0)} ms`);
const figure = (m) => (typeof m === 'string' ? `skipped: ${m}` : m ? `${seconds(m.ms)}${m.rss ? `, ${m.rss.toFixed(0)} MB` : ''}` : '—');

function printTable(rows) {
  const lines = [['work', 'report', 'Typst (PDF only)', 'pandoc (DOCX only)', 'node -e 0', 'target', 'met']];
  for (const row of rows) {
    const b = row.baselines;
    lines.push([
      row.work, figure(row.report), b.typst ? figure(b.typst) : '', b.pandoc ? figure(b.pandoc) : '', b['node -e 0'] ? figure(b['node -e 0']) : '',
      row.target ? `${row.target.text}${row.target.ratio ? ` (${row.target.ratio.toFixed(2)}×)` : ''}` : '', row.target ? (row.target.met ? 'yes' : 'NO') : '',
    ]);
  }
  const widths = lines[0].map((_, c) => Math.max(...lines.map((l) => [...l[c]].length)));
  console.log('');
  for (const [i, line] of lines.entries()) {
    console.log(`| ${line.map((cell, c) => cell + ' '.repeat(widths[c] - [...cell].length)).join(' | ')} |`);
    if (i === 0) console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  }
  const stages = rows.find((r) => r.report?.stages)?.report.stages;
  if (stages) console.log(`\nrebuild stages (ms): ${Object.entries(stages).map(([k, v]) => `${k} ${v}`).join(', ')}`);
}

function stripRuns(row) {
  const clean = (m) => (m && typeof m === 'object' ? { ms: m.ms, cpuMs: m.cpu, rssMb: m.rss, runs: m.runs, stages: m.stages } : m);
  return { ...row, report: clean(row.report), baselines: Object.fromEntries(Object.entries(row.baselines).map(([k, v]) => [k, clean(v)])) };
}

// last, so that every helper above is defined when it runs
if (process.argv[2] === '--rebuild') await rebuildChild(process.argv[3], Number(process.argv[4]));
else await main();
