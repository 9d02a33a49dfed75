// Whole-process measurement for `npm run bench`: run a command in a fresh process, time it from
// spawn to exit, and read its peak RSS and CPU time. Node processes record their own through a
// preloaded module (process.resourceUsage at exit, written to a file); other programs are run
// under GNU time when it is installed, else their memory is not shown.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RECORDER = `data:text/javascript,${encodeURIComponent(
  "import { writeFileSync } from 'node:fs'; process.on('exit', () => { const u = process.resourceUsage(); writeFileSync(process.env.BENCH_USAGE_FILE, JSON.stringify({ rss: u.maxRSS / 1024, cpu: (u.userCPUTime + u.systemCPUTime) / 1000 })); });",
)}`;
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
let counter = 0;

/**
 * Runs `args` (a node script when `node` is true, else a program) once.
 * Returns { ms, rss?, cpu?, status, stdout, stderr }.
 */
export function runOnce(args, { node = true, cwd, env = {} } = {}) {
  const usageFile = join(tmpdir(), `report-bench-usage-${process.pid}-${counter++}.json`);
  let command;
  let argv;
  if (node) {
    command = process.execPath;
    argv = ['--import', RECORDER, ...args];
  } else if (GNU_TIME) {
    command = GNU_TIME;
    argv = ['-f', '%M %U %S', '-o', usageFile, ...args];
  } else {
    [command, ...argv] = args;
  }
  const started = performance.now();
  const run = spawnSync(command, argv, { cwd, env: { ...process.env, ...env, BENCH_USAGE_FILE: usageFile }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - started;
  let rss;
  let cpu;
  if (existsSync(usageFile)) {
    const text = readFileSync(usageFile, 'utf8').trim();
    if (node) ({ rss, cpu } = JSON.parse(text));
    else {
      const [kb, user, sys] = text.split('\n').at(-1).split(' ').map(Number);
      rss = kb / 1024;
      cpu = (user + sys) * 1000;
    }
    rmSync(usageFile, { force: true });
  }
  return { ms, rss, cpu, status: run.status, stdout: run.stdout, stderr: run.stderr };
}

export function median(values) {
  const sorted = values.filter((v) => v !== undefined && !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Runs several commands pair by pair (a, b, c, a, b, c, …) so that a busy machine slows them
 * alike; returns per command the medians of wall time, CPU time and peak RSS. A failed run stops
 * with its stderr.
 */
export function measurePaired(commands, runs) {
  const samples = commands.map(() => []);
  for (let r = 0; r < runs; r++) {
    commands.forEach((command, i) => {
      const run = runOnce(command.args, command);
      if (run.status !== 0 && !command.allowFailure) throw new Error(`${command.label}: exit ${run.status}\n${run.stderr.slice(-2000)}`);
      samples[i].push(run);
    });
  }
  return samples.map((list) => ({
    ms: median(list.map((s) => s.ms)),
    cpu: median(list.map((s) => s.cpu)),
    rss: median(list.map((s) => s.rss)),
    runs: list.length,
    last: list.at(-1),
  }));
}
