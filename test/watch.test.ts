/**
 * `report build --watch` as a person uses it: the real CLI in a child process, a section edited
 * while it runs (the new text shows in the output), then a bad edit (a missing indicator: one
 * line, nothing written, still watching) and its fix (built again).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO } from './helpers/cli.js';
import { makeProject } from './helpers/project.js';

const files = {
  'report.yaml': 'title: 监视测试报告\nindicators: data.yaml\nsections: [sections/*.md]\ndate: 2024-06-30\noutput: { dir: out, name: watch, formats: [txt] }\n',
  'data.yaml': '产值: 12.5\n',
  'sections/01.md': '全镇产值{{产值}}亿元。\n',
  'sections/02.md': '# 下半年工作\n\n继续抓好项目建设。\n',
};

/** The watching CLI, with its stderr collected and a way to wait for a line. */
class Watcher {
  private readonly child: ChildProcess;
  stderr = '';

  constructor(dir: string, extra: string[] = []) {
    this.child = spawn(process.execPath, [join(REPO, 'bin', 'report'), 'build', '.', '--watch', ...extra], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    this.child.stderr!.on('data', (chunk: Buffer) => { this.stderr += chunk.toString(); });
  }

  /** Resolves once the stderr holds `count` build reports (`report: built` / `report: not built`). */
  async builds(count: number, timeoutMs = 30_000): Promise<string> {
    const started = Date.now();
    while ((this.stderr.match(/^report: (not )?built in /gm) ?? []).length < count) {
      if (Date.now() - started > timeoutMs) throw new Error(`no build ${count} within ${timeoutMs} ms; stderr:\n${this.stderr}`);
      if (this.child.exitCode !== null) throw new Error(`the watch exited (${this.child.exitCode}); stderr:\n${this.stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return this.stderr;
  }

  async stop(): Promise<number | null> {
    if (this.child.exitCode !== null) return this.child.exitCode;
    const exited = new Promise<number | null>((resolve) => this.child.once('exit', (code) => resolve(code)));
    this.child.kill('SIGINT');
    return exited;
  }
}

async function until(condition: () => boolean, describe: () => string, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`not reached within ${timeoutMs} ms; stderr:\n${describe()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const started: Array<{ watcher: Watcher; dir: string }> = [];
afterEach(async () => {
  for (const { watcher, dir } of started.splice(0)) {
    await watcher.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('report build --watch', () => {
  it('builds, rebuilds when a section is edited, survives a bad edit and builds again once it is fixed', async () => {
    const dir = makeProject(files);
    const watcher = new Watcher(dir);
    started.push({ watcher, dir });
    const output = join(dir, 'out', 'watch.txt');

    await watcher.builds(1);
    expect(readFileSync(output, 'utf8')).toContain('全镇产值12.5亿元。');

    // an edit: the new text is in the output, and the unchanged section was not rendered again
    writeFileSync(join(dir, 'sections', '01.md'), '全镇产值{{产值}}亿元，同比增长。\n');
    let log = await watcher.builds(2);
    expect(readFileSync(output, 'utf8')).toContain('全镇产值12.5亿元，同比增长。');
    expect(log).toMatch(/built in \d+ ms \(1 section\(s\) rendered, 1 reused\)/);

    // a bad edit: the one-line error, nothing written, the watch goes on
    writeFileSync(join(dir, 'sections', '02.md'), '# 下半年工作\n\n完成{{没有这个指标}}。\n');
    log = await watcher.builds(3);
    expect(log).toMatch(/^sections\/02\.md:3:3: missing indicator "没有这个指标"/m);
    expect(log).toMatch(/^report: not built in /m);
    expect(readFileSync(output, 'utf8')).not.toContain('没有这个指标');

    // fixed: built again, with the data changed too
    writeFileSync(join(dir, 'data.yaml'), '产值: 13.8\n');
    writeFileSync(join(dir, 'sections', '02.md'), '# 下半年工作\n\n完成全年目标。\n');
    // (two files written: one build or two, the last one has both)
    await until(() => /13\.8亿元，同比增长。[\s\S]*完成全年目标。/.test(readFileSync(output, 'utf8')), () => watcher.stderr);
    expect(watcher.stderr).not.toMatch(/\n\s+at /); // no stack trace anywhere
    expect(existsSync(join(dir, 'out'))).toBe(true);
    expect(await watcher.stop()).toBe(0);
  }, 90_000);

  it('--quiet: a build that succeeds prints nothing; a failed one prints its error and the status line', async () => {
    const dir = makeProject(files);
    const watcher = new Watcher(dir, ['--quiet']);
    started.push({ watcher, dir });
    await until(() => existsSync(join(dir, 'out', 'watch.txt')), () => watcher.stderr);
    writeFileSync(join(dir, 'sections', '02.md'), '# 下半年工作\n\n产值{{没有这个指标}}。\n');
    const log = await watcher.builds(1);
    expect(log).toMatch(/^sections\/02\.md:3:3: missing indicator "没有这个指标"/m);
    expect(log).toMatch(/^report: not built in /m);
    expect(log).not.toMatch(/^report: built in /m);
    expect(log).not.toMatch(/^wrote /m);
  }, 60_000);
});
