/**
 * Resource limits (issue 6): oversized inputs either build within the memory budget or fail with
 * one clear line — never an out-of-memory crash or a hang. Each case runs the real CLI in a child
 * process that records its own peak RSS. The budget, measured on a 2-core CI machine: under 60 s
 * and 1.5 GB for anything the limits let through.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, MAX_BODY_LINES, MAX_EMPHASIS_MARKS, MAX_NESTING } from '../src/markdown/to-model.js';
import { MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE } from '../src/markdown/image-size.js';
import { MAX_SOURCE_BYTES } from '../src/project/source-file.js';
import { MAX_LOOP_ITERATIONS } from '../src/template/render.js';
import { REPO } from './helpers/cli.js';
import { makeProject } from './helpers/project.js';
import { makePng } from './helpers/png.js';

const BUDGET_MS = 60_000;
const BUDGET_RSS_MB = 1536;

interface Measured { status: number | null; stderr: string; ms: number; rssMb: number }

/** `report build` in a child that writes its peak RSS (process.resourceUsage) to a file on exit. */
/**
 * Runs the build in a child and measures it. Asynchronous on purpose: a build of tens of seconds
 * in spawnSync would block this test worker's event loop past vitest's 60 s RPC timeout.
 */
async function buildMeasured(dir: string, args: string[] = []): Promise<Measured> {
  const rssFile = join(dir, '.peak-rss');
  const script = `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));
    import(${JSON.stringify(join(REPO, 'dist', 'cli', 'main.js'))}).then((cli) => cli.main(['node', 'report', 'build', '.', ...${JSON.stringify(args)}]));`;
  const started = performance.now();
  const result = await new Promise<{ status: number | null; stderr: string }>((done) => {
    const child = spawn(process.execPath, ['-e', script], { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, timeout: 3 * BUDGET_MS, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
    child.on('close', (status) => done({ status, stderr }));
  });
  const ms = performance.now() - started;
  const rssMb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 1024 : Number.NaN;
  rmSync(rssFile, { force: true });
  return { status: result.status, stderr: result.stderr, ms, rssMb };
}

const made: string[] = [];
afterAll(() => { for (const dir of made) rmSync(dir, { recursive: true, force: true }); }); // the 50 MB section, the PNGs

function project(section: string | Buffer, extra: Record<string, string | Buffer> = {}): string {
  return track(makeProject({
    'report.yaml': 'title: 限额测试报告\nindicators: data.yaml\nsections: [sections/*.md]\ndate: 2024-06-30\n',
    'data.yaml': '产值: 12.5\n列表: [一, 二, 三]\n',
    'sections/01.md': section,
    ...extra,
  }));
}

function track(dir: string): string {
  made.push(dir);
  return dir;
}

/** One clear line, exit 2, nothing written, and it took neither long nor much memory to say so. */
function expectRefusal(run: Measured, dir: string, pattern: RegExp): void {
  const lines = run.stderr.trim().split('\n');
  expect(run.status, run.stderr).toBe(2);
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(existsSync(join(dir, 'out'))).toBe(false);
  expect(run.ms).toBeLessThan(BUDGET_MS);
  expect(run.rssMb).toBeLessThan(BUDGET_RSS_MB);
}



const tableRows = (rows: number) => `# 附表\n\n| 序号 | 项目 | 本期 | 同比 |\n|---|---|---:|---:|\n${Array.from({ length: rows }, (_, i) => `| ${i + 1} | 项目${i + 1} | ${(i * 1.37).toFixed(2)} | ${(i % 17) - 8}% |`).join('\n')}\n`;

describe('resource limits: build within budget or one clear line, never a crash or a hang', () => {
  it(`a 50 MB section is refused before it is read (limit ${MAX_SOURCE_BYTES / 1048576} MB per file)`, async () => {
    const dir = project(Buffer.alloc(50 * 1048576, '全镇经济运行总体平稳。\n'));
    expectRefusal(await buildMeasured(dir), dir, /^sections\/01\.md: file is 50\.0 MB; the limit is 1 MB per source file$/);
  });

  it('a 10 000-row table builds to DOCX and PDF within the budget, every row in the DOCX', async () => {
    const dir = project(tableRows(10_000));
    const run = await buildMeasured(dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.ms).toBeLessThan(BUDGET_MS);
    expect(run.rssMb).toBeLessThan(BUDGET_RSS_MB);
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'out', 'report.docx')));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml.match(/<w:tr[ >]/g)).toHaveLength(10_001);
    expect(xml).toContain('项目10000');
    expect(readFileSync(join(dir, 'out', 'report.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    console.info(`10 000-row table: ${(run.ms / 1000).toFixed(1)} s, peak RSS ${run.rssMb.toFixed(0)} MB`);
  }, 3 * BUDGET_MS);

  it(`a body past ${MAX_BODY_LINES} lines (a list of short items) is refused at the line where the limit is crossed`, async () => {
    const dir = project(Array.from({ length: MAX_BODY_LINES + 10 }, (_, i) => `- 第${i + 1}项`).join('\n'));
    expectRefusal(await buildMeasured(dir), dir, new RegExp(`^sections/01\\.md:${MAX_BODY_LINES + 1}:1: the report body \\(all sections after templates\\) has more than ${MAX_BODY_LINES} lines`));
  });

  it(`a body past ${MAX_BODY_BYTES / 1024} KB is refused at the section and line where the limit is crossed`, async () => {
    const paragraph = `${'全镇经济运行总体平稳，主要指标保持增长。'.repeat(40)}\n\n`; // 2.4 KB, two lines
    const quarter = paragraph.repeat(Math.ceil(MAX_BODY_BYTES / 4 / Buffer.byteLength(paragraph)) + 5); // over a quarter of the limit, under 1 MB a file
    const dir = project(quarter, { 'sections/02.md': quarter, 'sections/03.md': quarter, 'sections/04.md': quarter });
    expectRefusal(await buildMeasured(dir), dir, new RegExp(`^sections/04\\.md:\\d+:1: the report body \\(all sections after templates\\) has more than ${MAX_BODY_BYTES / 1024} KB`));
  });

  it(`a 100-level nested list is refused at its position (limit ${MAX_NESTING} levels)`, async () => {
    const dir = project(Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i)}- 第${i + 1}层`).join('\n'));
    expectRefusal(await buildMeasured(dir), dir, /^sections\/01\.md:\d+:\d+: content is nested more than 50 levels deep/);
  });

  it(`a 40 000-pixel-wide image is refused from its header (limit ${MAX_IMAGE_SIDE} pixels a side)`, async () => {
    const png = makePng(1, 1, 'rgba');
    png.writeUInt32BE(40_000, 16); // the header claims 40 000 × 1; the refusal must not need the pixels
    const dir = project('正文。\n\n![宽图](wide.png)\n', { 'sections/wide.png': png });
    expectRefusal(await buildMeasured(dir), dir, /^sections\/01\.md:3:1: image "wide\.png" is 40000 × 1 pixels; the limit is 10000 pixels a side/);
  });

  it(`a 10 000 × 10 000 image that is 0.4 MB on disk (1.7 GB to decode) is refused (limit ${MAX_IMAGE_PIXELS / 1e6} million pixels)`, async () => {
    const dir = project('正文。\n\n![大图](big.png)\n', { 'sections/big.png': makePng(10_000, 10_000, 'rgba') });
    expectRefusal(await buildMeasured(dir), dir, /^sections\/01\.md:3:1: image "big\.png" is 10000 × 10000 pixels; the limit is 25 million pixels/);
  });

  it('the largest image allowed (5 000 × 5 000 with transparency) builds within the budget', async () => {
    const dir = project('正文。\n\n![大图](big.png)\n', { 'sections/big.png': makePng(5_000, 5_000, 'rgba') });
    const run = await buildMeasured(dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.ms).toBeLessThan(BUDGET_MS);
    expect(run.rssMb).toBeLessThan(BUDGET_RSS_MB);
    console.info(`5 000 × 5 000 RGBA image: ${(run.ms / 1000).toFixed(1)} s, peak RSS ${run.rssMb.toFixed(0)} MB`);
  }, 3 * BUDGET_MS);

  it(`nested {{#each}} loops that would print 9 million rows are refused at the loop (limit ${MAX_LOOP_ITERATIONS} iterations)`, async () => {
    const dir = project('{{#each 列表}}{{#each ../列表}}| {{this}} | x |\n{{/each}}{{/each}}\n', {
      'data.yaml': `列表: [${Array.from({ length: 3000 }, (_, i) => i).join(', ')}]\n`,
    });
    expectRefusal(await buildMeasured(dir), dir, /^sections\/01\.md:1:13: \{\{#each\}\} loops run more than 100000 times in this file/);
  });

  it(`a paragraph of more than ${MAX_EMPHASIS_MARKS} emphasis marks (quadratic for the parser) is refused`, async () => {
    const dir = project(`引言。\n\n${'*重点* '.repeat(MAX_EMPHASIS_MARKS)}\n`);
    expectRefusal(await buildMeasured(dir), dir, /^sections\/01\.md:3:1: this paragraph has more than 10000 emphasis marks/);
  });
});
