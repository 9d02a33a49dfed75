/**
 * Issue 15, `lint --fix` writes: the file keeps its mode, owner, symlinks and hard links, and a
 * file that changed between linting and writing is refused (exit 2) instead of being edited at
 * stale offsets.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, linkSync, lstatSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runReport } from './helpers/cli.js';
import { makeProject } from './helpers/project.js';

const BEFORE = '# 总结\n\n我们完成了任务, 并且取得了成绩.\n';
const AFTER = '# 总结\n\n我们完成了任务，并且取得了成绩.\n';
const isRoot = process.getuid?.() === 0;

/** `report lint --fix` with a preload that rewrites `file` to `text` just before its `nth` open. */
function fixWhileEditing(dir: string, file: string, text: string, nth: number): { status: number | null; stderr: string } {
  const hook = join(dir, 'edit-on-open.mjs');
  writeFileSync(hook, `
    import fs from 'node:fs';
    import { syncBuiltinESMExports } from 'node:module';
    const target = ${JSON.stringify(join(dir, file))};
    const open = fs.openSync;
    let opens = 0;
    fs.openSync = function (path, ...rest) {
      if (String(path) === target && ++opens === ${nth}) fs.writeFileSync(target, ${JSON.stringify(text)});
      return open.call(this, path, ...rest);
    };
    syncBuiltinESMExports();
  `);
  const result = spawnSync(process.execPath, ['--import', hook, join(REPO, 'bin', 'report'), 'lint', '--fix', file], { cwd: dir, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stderr: result.stderr };
}

describe('lint --fix keeps what surrounds the file', () => {
  it('a 0600 file stays 0600', () => {
    const dir = makeProject({ 'a.md': BEFORE });
    chmodSync(join(dir, 'a.md'), 0o600);
    const result = runReport(['lint', '--fix', 'a.md'], { cwd: dir });
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe(AFTER);
    expect(statSync(join(dir, 'a.md')).mode & 0o777).toBe(0o600);
  });

  it.skipIf(!isRoot)(`the owner and group stay (run by root on another user's file)${isRoot ? '' : ' (skipped: needs root)'}`, () => {
    const dir = makeProject({ 'a.md': BEFORE });
    chownSync(join(dir, 'a.md'), 4321, 4322);
    const result = runReport(['lint', '--fix', 'a.md'], { cwd: dir });
    expect(result.status, result.stderr).toBe(0);
    const stat = statSync(join(dir, 'a.md'));
    expect([stat.uid, stat.gid]).toEqual([4321, 4322]);
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe(AFTER);
  });

  it('a symlink stays a link and its target is fixed', () => {
    const dir = makeProject({ 'real/a.md': BEFORE });
    symlinkSync('real/a.md', join(dir, 'link.md'));
    const result = runReport(['lint', '--fix', 'link.md'], { cwd: dir });
    expect(result.status, result.stderr).toBe(0);
    expect(lstatSync(join(dir, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.md'))).toBe('real/a.md');
    expect(readFileSync(join(dir, 'real/a.md'), 'utf8')).toBe(AFTER);
  });

  it('a hard link keeps sharing the fixed file', () => {
    const dir = makeProject({ 'a.md': BEFORE });
    linkSync(join(dir, 'a.md'), join(dir, 'copy-of-a.txt'));
    const inode = statSync(join(dir, 'a.md')).ino;
    const result = runReport(['lint', '--fix', 'a.md'], { cwd: dir });
    expect(result.status, result.stderr).toBe(0);
    expect(statSync(join(dir, 'a.md')).ino).toBe(inode);
    expect(statSync(join(dir, 'a.md')).nlink).toBe(2);
    expect(readFileSync(join(dir, 'copy-of-a.txt'), 'utf8')).toBe(AFTER);
    expect(spawnSync('ls', ['-A', dir], { encoding: 'utf8' }).stdout.split('\n').filter((n) => n.startsWith('.report-'))).toEqual([]);
  });
});

describe('an interrupted rewrite in place', () => {
  it('is undone from the saved copy by the next lint --fix in that folder', () => {
    const dir = makeProject({ 'a.md': '# 总结\n\n我们完成了任务，并且取得了成', 'b.md': BEFORE });
    linkSync(join(dir, 'a.md'), join(dir, 'a-link.md'));
    const txn = '.report-999999-0123456789abcdef';
    writeFileSync(join(dir, `${txn}.0.bak`), BEFORE);
    writeFileSync(join(dir, `${txn}.journal`), JSON.stringify({ kind: 'in-place', target: 'a.md', backup: `${txn}.0.bak`, sha256: 'the fixed text' }));
    const result = runReport(['lint', '--fix', 'b.md'], { cwd: dir });
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(join(dir, 'a-link.md'), 'utf8')).toBe(BEFORE);
    expect(spawnSync('ls', ['-A', dir], { encoding: 'utf8' }).stdout.split('\n').filter((n) => n.startsWith('.report-'))).toEqual([]);
  });
});

describe('a planted journal', () => {
  it('cannot copy a linked secret into a section through an in-place journal', () => {
    const root = makeProject({ 'secret.txt': '机密内容7731', 'p/a.md': BEFORE, 'p/b.md': BEFORE });
    const dir = join(root, 'p');
    const txn = '.report-999999-0123456789abcdef';
    symlinkSync('../secret.txt', join(dir, `${txn}.0.bak`));
    writeFileSync(join(dir, `${txn}.journal`), JSON.stringify({ kind: 'in-place', target: 'a.md', backup: `${txn}.0.bak`, sha256: 'x' }));
    expect(runReport(['lint', '--fix', 'b.md'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe(BEFORE);
    expect(readFileSync(join(root, 'secret.txt'), 'utf8')).toBe('机密内容7731');
  });

  it('cannot move a file out of its folder through a commit journal', () => {
    const root = makeProject({ 'p/b.md': BEFORE });
    const dir = join(root, 'p');
    const txn = '.report-999999-0123456789abcdef';
    writeFileSync(join(dir, `${txn}.0.tmp`), 'planted');
    writeFileSync(join(dir, `${txn}.journal`), JSON.stringify({ kind: 'commit', state: 'commit', entries: [{ final: '../planted.txt', staged: `${txn}.0.tmp`, backup: null, sha256: 'x' }] }));
    expect(runReport(['lint', '--fix', 'b.md'], { cwd: dir }).status).toBe(0);
    expect(spawnSync('ls', ['-A', root], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean)).toEqual(['p']);
    expect(spawnSync('ls', ['-A', dir], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean)).toEqual(['b.md']);
  });
});

describe('lint --fix refuses a file that changed during the run', () => {
  const edited = '# 新的标题\n\n另一个人改了这段, 文字完全不同了.\n';

  it('changed after linting, before the fixes were applied: exit 2, the other edit is kept', () => {
    const dir = makeProject({ 'a.md': BEFORE });
    const result = fixWhileEditing(dir, 'a.md', edited, 2);
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr.trim()).toBe('a.md: file changed while lint --fix was running; nothing written (run lint --fix again)');
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe(edited);
  });

  it('changed right before the write: exit 2, the other edit is kept', () => {
    const dir = makeProject({ 'a.md': BEFORE });
    const result = fixWhileEditing(dir, 'a.md', edited, 3);
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr.trim()).toBe('a.md: file changed while lint --fix was running; nothing written (run lint --fix again)');
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe(edited);
  });
});
