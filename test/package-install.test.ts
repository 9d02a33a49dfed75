/**
 * The package as a user gets it: `npm pack`, install the tarball into a fresh folder, then run the
 * `report` bin through npx and `import { build, lint } from "gongwen-report"` (types included).
 * The install is tried offline first (every dependency is in the npm cache after `npm ci`); without
 * the cache and without the registry the tests skip and say why. dist/ is packed as built: `npm
 * test` compiles first.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; exports: Record<string, unknown> };
const work = mkdtempSync(join(tmpdir(), 'report-package-'));
const app = join(work, 'app');

function npm(args: string[], cwd: string) {
  return spawnSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8', timeout: 240_000 });
}

function install(): string {
  if (!existsSync(join(ROOT, 'dist/index.js'))) return ' (skipped: dist/index.js missing; run npm run build)';
  const packed = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT);
  if (packed.status !== 0) return ` (skipped: npm pack failed: ${packed.stderr.trim().split('\n')[0]})`;
  const tarball = join(work, (JSON.parse(packed.stdout) as Array<{ filename: string }>)[0].filename);
  cpSync(join(ROOT, 'examples/town-report'), join(app, 'town-report'), { recursive: true });
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  let result = npm(['install', '--offline', tarball], app);
  if (result.status !== 0) result = npm(['install', tarball], app);
  if (result.status !== 0) return ` (skipped: npm cannot install the tarball offline or from the registry: ${result.stderr.trim().split('\n').slice(-1)[0]})`;
  return '';
}

const skip = install();
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe(`the packed package, installed in a fresh folder${skip}`, () => {
  it.skipIf(Boolean(skip))('ships the bin, dist with types (and the typings of fontkit it references), templates, the schema and LICENSE, and no sources or tests', () => {
    const installed = join(app, 'node_modules', pkg.name);
    for (const file of ['bin/report', 'dist/index.js', 'dist/index.d.ts', 'types/vendor.d.ts', 'schema/report.schema.json', 'LICENSE', 'templates/gongwen/style.yaml']) {
      expect(existsSync(join(installed, file)), file).toBe(true);
    }
    expect(existsSync(join(installed, 'src'))).toBe(false);
    expect(existsSync(join(installed, 'test'))).toBe(false);
  });

  it.skipIf(Boolean(skip))('npx report build writes the DOCX and the PDF', () => {
    const run = spawnSync('npx', ['--no-install', 'report', 'build', 'town-report'], { cwd: app, encoding: 'utf8', timeout: 120_000 });
    expect(run.stderr).not.toMatch(/internal error|cannot start/);
    expect(run.status).toBe(0);
    expect(existsSync(join(app, 'town-report/out/town-report.docx'))).toBe(true);
    expect(existsSync(join(app, 'town-report/out/town-report.pdf'))).toBe(true);
  });

  it.skipIf(Boolean(skip))('npx report init points the $schema line at the installed copy of the schema', () => {
    const run = spawnSync('npx', ['--no-install', 'report', 'init', 'fresh'], { cwd: app, encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    const first = readFileSync(join(app, 'fresh/report.yaml'), 'utf8').split('\n')[0];
    expect(first).toBe(`# yaml-language-server: $schema=../node_modules/${pkg.name}/schema/report.schema.json`);
  });

  it.skipIf(Boolean(skip))('import { build, lint } works, with types, and the schema is importable', () => {
    writeFileSync(join(app, 'use.ts'), [
      `import { build, lint, InputError, type BuildResult, type LintReport } from '${pkg.name}';`,
      `import schema from '${pkg.name}/schema/report.schema.json' with { type: 'json' };`,
      `const built: BuildResult = await build('town-report', { formats: ['txt'], write: true, out: 'api-out' });`,
      `const linted: LintReport = lint(['town-report']);`,
      `let refused = '';`,
      `try { await build('nowhere'); } catch (e) { if (e instanceof InputError) refused = e.diagnostics[0].message; }`,
      `console.log(JSON.stringify({ ok: built.ok, written: built.written.length, text: built.outputs[0].bytes.toString('utf8').slice(0, 200),`,
      `  errors: linted.errorCount, results: linted.results.length, schema: schema.title, refused }));`,
    ].join('\n'));
    // Type-check as a user's TypeScript would resolve the exports map (types condition, .d.ts).
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, resolveJsonModule: true, typeRoots: [join(ROOT, 'node_modules/@types')], types: ['node'] }, files: ['use.ts'] }));
    // A TypeScript user of a Node library has @types/node; this one is borrowed from the repository.
    const checked = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: app, encoding: 'utf8' });
    expect(checked.stdout + checked.stderr).toBe('');
    writeFileSync(join(app, 'use.mjs'), readFileSync(join(app, 'use.ts'), 'utf8').replace(/, type \w+/g, '').replace(/: \w+ =/g, ' ='));
    const out = JSON.parse(execFileSync(process.execPath, ['use.mjs'], { cwd: app, encoding: 'utf8' })) as Record<string, unknown>;
    expect(out.ok).toBe(true);
    expect(out.written).toBe(1);
    expect(existsSync(join(app, 'api-out/town-report.txt'))).toBe(true);
    expect(out.text).toMatch(/工作总结/);
    expect(out.errors).toBe(0);
    expect(out.results).toBe(1);
    expect(out.schema).toMatch(/report\.yaml/);
    expect(out.refused).toMatch(/no such|not found|report\.yaml/i);
  });
});
