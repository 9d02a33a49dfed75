/**
 * What a batch build shows while it runs: on a terminal, one progress bar redrawn in place (a
 * failed project's lines are printed above it as they come); elsewhere (CI logs, pipes) one plain
 * line per finished project. Then a summary line either way.
 */
import type { BatchProgress, BatchResult } from './index.js';

export interface BatchDisplay {
  progress(p: BatchProgress): void;
  summary(result: BatchResult): void;
}

const BAR_WIDTH = 24;

export function batchDisplay(write: (text: string) => void, tty: boolean, total: number): BatchDisplay {
  let failed = 0;
  let bar = '';
  const clearBar = (): void => {
    if (bar) write('\r\x1b[K');
  };
  return {
    progress({ done, outcome }) {
      const ok = outcome.exitCode === 0;
      if (!ok) failed++;
      if (!tty) {
        write(`${ok ? 'ok  ' : 'FAIL'} ${outcome.dir} (${seconds(outcome.ms)}${ok ? `, ${outcome.written} file(s)` : `, exit ${outcome.exitCode}`})\n`);
        if (!ok) for (const line of outcome.lines) write(`     ${line}\n`);
        return;
      }
      clearBar();
      if (!ok) write(`FAIL ${outcome.dir}\n${outcome.lines.map((line) => `     ${line}\n`).join('')}`);
      const filled = Math.round((done / total) * BAR_WIDTH);
      bar = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${done}/${total}${failed ? ` (${failed} failed)` : ''} ${outcome.dir}`;
      write(bar);
    },
    summary(result) {
      clearBar();
      bar = '';
      const built = result.outcomes.filter((o) => o.exitCode === 0).length;
      const failures = result.outcomes.filter((o) => o.exitCode !== 0).map((o) => `${o.dir} (exit ${o.exitCode})`);
      write(`report: ${built} of ${result.outcomes.length} project(s) built in ${seconds(result.ms)} on ${result.workers} worker(s)${failures.length ? `; failed: ${failures.join(', ')}` : ''}\n`);
    },
  };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
