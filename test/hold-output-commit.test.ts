/**
 * Issue 15, "nothing lost": outputs are staged exclusively under unpredictable names, committed
 * all-or-nothing, stale staging files are cleaned and an interrupted commit is completed, and
 * parallel builds creating out/ do not fail each other.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runReport } from './helpers/cli.js';
import { makeProject } from './helpers/project.js';

const REPORT = 'title: 测试报告\nindicators: data.yaml\nsections:\n  - sections/*.md\noutput:\n  formats: [docx]\n';
const base = {
  'report.yaml': REPORT,
  'data.yaml': '镇名: 云溪镇\n产值: 12.5\n',
  'sections/01-a.md': '# 总结\n\n{{镇名}}产值{{产值}}亿元。\n',
};
const bothFormats = { ...base, 'report.yaml': REPORT.replace('formats: [docx]', 'formats: [docx, pdf]') };

const lastPid = (): number => Number(readFileSync('/proc/sys/kernel/ns_last_pid', 'utf8'));
const pidMax = (): number => Number(readFileSync('/proc/sys/kernel/pid_max', 'utf8'));
const canPredictPids = existsSync('/proc/sys/kernel/ns_last_pid');
/** Whether this machine lets us make a file immutable where the tests write (root, chattr, a file system with the flag). */
const chattr = ((): boolean => {
  const probe = join(makeProject({ f: 'x' }), 'f');
  const ok = spawnSync('chattr', ['+i', probe]).status === 0;
  if (ok) spawnSync('chattr', ['-i', probe]);
  return ok;
})();

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A PID no process has right now. */
function deadPid(): number {
  for (let pid = pidMax() - 1; pid > 1; pid--) if (!isRunning(pid)) return pid;
  throw new Error('no free pid');
}

describe('staging files', () => {
  it.skipIf(!canPredictPids)(`a symlink planted at a staging name is never written through${canPredictPids ? '' : ' (skipped: cannot read /proc/sys/kernel/ns_last_pid)'}`, () => {
    const dir = makeProject(base);
    mkdirSync(join(dir, 'out'));
    // The old writer staged `.report.docx.PID.tmp`: plant a link at that name for every PID the
    // build can get next. It must neither write through them nor remove the planted links.
    const from = lastPid();
    const max = pidMax();
    const planted = new Set<number>();
    for (let i = 1; i <= 4000; i++) planted.add(((from + i) % max) || 1); // PIDs wrap past pid_max
    for (const pid of planted) symlinkSync('../victim.txt', join(dir, 'out', `.report.docx.${pid}.tmp`));
    const result = runReport(['build', '.'], { cwd: dir });
    expect(result.status, result.stderr).toBe(0);
    expect(existsSync(join(dir, 'victim.txt'))).toBe(false);
    expect(lstatSync(join(dir, 'out', 'report.docx')).isFile()).toBe(true);
    // Only the output and the planted links (whose names are not this tool's) are left.
    const stray = readdirSync(join(dir, 'out')).filter((n) => n !== 'report.docx' && !/^\.report\.docx\.\d+\.tmp$/.test(n));
    expect(stray).toEqual([]);
  });

  it('staging files left by a dead build are removed by the next build', () => {
    const dir = makeProject(base);
    mkdirSync(join(dir, 'out'));
    const pid = deadPid();
    const leftovers = [`.report-${pid}-0123456789abcdef.0.tmp`, `.report-${pid}-0123456789abcdef.1.bak`, `.report.docx.${pid}.tmp`];
    for (const name of leftovers) writeFileSync(join(dir, 'out', name), 'half a file');
    writeFileSync(join(dir, 'out', '.keep-me.tmp'), 'not ours');
    const result = runReport(['build', '.'], { cwd: dir });
    expect(result.status, result.stderr).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['.keep-me.tmp', 'report.docx']);
  });

  it('a commit interrupted between renames is completed by the next build from its staged files', () => {
    const dir = makeProject(base);
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out', 'report.pdf'), 'old pdf');
    const pid = deadPid();
    const txn = `.report-${pid}-00112233445566aa`;
    // The dead build had renamed its DOCX and was about to rename its PDF.
    writeFileSync(join(dir, 'out', `${txn}.1.tmp`), 'new pdf');
    writeFileSync(join(dir, 'out', `${txn}.1.bak`), 'old pdf');
    writeFileSync(join(dir, 'out', `${txn}.journal`), JSON.stringify({
      kind: 'commit', state: 'commit',
      entries: [{ final: 'report.docx', staged: `${txn}.0.tmp`, backup: null, sha256: 'x' }, { final: 'report.pdf', staged: `${txn}.1.tmp`, backup: `${txn}.1.bak`, sha256: 'y' }],
    }));
    const result = runReport(['build', '.', '--format', 'docx'], { cwd: dir });
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(join(dir, 'out', 'report.pdf'), 'utf8')).toBe('new pdf');
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['report.docx', 'report.pdf']);
  });
});

describe('all-or-nothing output set', () => {
  it('a PDF whose name is a folder fails the build (exit 2) and leaves the previous DOCX in place', () => {
    const dir = makeProject(bothFormats);
    mkdirSync(join(dir, 'out', 'report.pdf'), { recursive: true });
    writeFileSync(join(dir, 'out', 'report.docx'), 'previous docx');
    const result = runReport(['build', '.'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr.trim()).toBe('out/report.pdf: cannot move output into place: is a directory');
    expect(readFileSync(join(dir, 'out', 'report.docx'), 'utf8')).toBe('previous docx');
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['report.docx', 'report.pdf']);
  }, 60_000);

  it.skipIf(!chattr)(`an immutable PDF fails the build and the DOCX already renamed is rolled back${chattr ? '' : ' (skipped: chattr +i does not work on the temp folder here)'}`, () => {
    const dir = makeProject(bothFormats);
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out', 'report.docx'), 'previous docx');
    writeFileSync(join(dir, 'out', 'report.pdf'), 'previous pdf');
    expect(spawnSync('chattr', ['+i', join(dir, 'out', 'report.pdf')]).status).toBe(0);
    try {
      const result = runReport(['build', '.'], { cwd: dir });
      expect(result.status).toBe(2);
      expect(result.stderr.trim()).toBe('out/report.pdf: cannot move output into place: permission denied');
      expect(readFileSync(join(dir, 'out', 'report.docx'), 'utf8')).toBe('previous docx');
      expect(readFileSync(join(dir, 'out', 'report.pdf'), 'utf8')).toBe('previous pdf');
      expect(readdirSync(join(dir, 'out')).sort()).toEqual(['report.docx', 'report.pdf']);
    } finally {
      spawnSync('chattr', ['-i', join(dir, 'out', 'report.pdf')]);
    }
  }, 60_000);
});

describe('parallel builds', () => {
  it('another build creating out/ between our check and our mkdir (EEXIST) is success', () => {
    const dir = makeProject(base);
    // Simulate the race deterministically: the first mkdir of out/ finds it just created.
    const hook = join(dir, 'race.mjs');
    writeFileSync(hook, `
      import fs from 'node:fs';
      import { syncBuiltinESMExports } from 'node:module';
      const mkdir = fs.mkdirSync;
      let raced = false;
      fs.mkdirSync = function (path, ...rest) {
        if (!raced && String(path).endsWith('/out')) { raced = true; mkdir.call(this, path); }
        return mkdir.call(this, path, ...rest);
      };
      syncBuiltinESMExports();
    `);
    const result = spawnSync(process.execPath, ['--import', hook, join(REPO, 'bin', 'report'), 'build', '.'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(result.status, result.stderr).toBe(0);
    expect(readdirSync(join(dir, 'out'))).toEqual(['report.docx']);
  });

  it('eight builds creating the same nested output folder at once all succeed', async () => {
    const dir = makeProject(base);
    const runs = await Promise.all(Array.from({ length: 8 }, () => new Promise<number | null>((done) => {
      const child = spawn(process.execPath, [join(REPO, 'bin', 'report'), 'build', '.', '--out', 'a/b/c/d/e/f/g/h'], { cwd: dir, stdio: 'ignore' });
      child.on('exit', (code) => done(code));
    })));
    expect(runs).toEqual(Array(8).fill(0));
    expect(readdirSync(join(dir, 'a/b/c/d/e/f/g/h'))).toEqual(['report.docx']);
  }, 120_000);
});

describe('kill -9 during the write phase', () => {
  it('leaves the old or the new complete pair once the folder is recovered, and no stray file', async () => {
    const dir = makeProject({});
    const out = join(dir, 'out');
    const writer = join(dir, 'writer.mjs');
    // Writes pairs of 8 MB files whose every byte is the round number, over and over.
    writeFileSync(writer, `
      import { writeOutputsAtomically } from ${JSON.stringify(join(REPO, 'dist/io/atomic-write.js'))};
      for (let round = 1; ; round++) {
        const data = Buffer.alloc(8 << 20, round % 251);
        writeOutputsAtomically(${JSON.stringify(out)}, [{ name: 'a.docx', data }, { name: 'a.pdf', data }], { manifest: { name: '.a.manifest.json' } });
      }
    `);
    const { recoverFolder } = await import(join(REPO, 'dist/io/atomic-write.js')) as { recoverFolder(dir: string): void };
    let pairs = 0;
    for (let i = 0; i < 25; i++) {
      const child = spawn(process.execPath, [writer], { stdio: 'ignore' });
      await new Promise((r) => setTimeout(r, 150 + Math.random() * 400));
      child.kill('SIGKILL');
      await new Promise((r) => child.on('exit', r));
      if (!existsSync(out)) continue; // killed before its first write (a slow start on a loaded machine)
      recoverFolder(out);
      const names = readdirSync(out).sort();
      expect(names.filter((n) => !['.a.manifest.json', 'a.docx', 'a.pdf'].includes(n))).toEqual([]);
      if (names.includes('a.docx') || names.includes('a.pdf')) {
        const docx = readFileSync(join(out, 'a.docx'));
        const pdf = readFileSync(join(out, 'a.pdf'));
        expect(docx.length).toBe(8 << 20);
        expect(docx.equals(pdf), `round ${i}: the DOCX and PDF come from different writes`).toBe(true);
        const manifest = JSON.parse(readFileSync(join(out, '.a.manifest.json'), 'utf8')) as { files: Array<{ file: string; sha256: string }> };
        const digest = createHash('sha256').update(docx).digest('hex');
        expect(manifest.files).toEqual([{ file: 'a.docx', bytes: 8 << 20, sha256: digest }, { file: 'a.pdf', bytes: 8 << 20, sha256: digest }]);
        pairs++;
      }
    }
    expect(pairs).toBeGreaterThan(0);
  }, 120_000);
});
