/**
 * What a batch build shows while it runs: on a terminal, one progress bar redrawn in place (a
 * failed project's lines are printed above it as they come); elsewhere (CI logs, pipes) one plain
 * line per finished project. Then a summary line either way. Quiet (`--quiet`, for CI): only the
 * failed projects with their lines, and the summary only when one failed.
 */
import type { BatchProgress, BatchResult } from './index.js';
import { t } from '../i18n/lang.js';

export interface BatchDisplay {
  progress(p: BatchProgress): void;
  summary(result: BatchResult): void;
}

const BAR_WIDTH = 24;

export function batchDisplay(write: (text: string) => void, tty: boolean, total: number, quiet = false): BatchDisplay {
  // quiet draws no bar: failures come as the plain lines a CI log keeps
  if (quiet) tty = false;
  let anyFailed = false;
  let failed = 0;
  let bar = '';
  const clearBar = (): void => {
    if (bar) write('\r\x1b[K');
  };
  return {
    progress({ done, outcome }) {
      const ok = outcome.exitCode === 0;
      if (!ok) failed++;
      if (!ok) anyFailed = true;
      if (quiet && ok) return;
      if (!tty) {
        write(t(`${ok ? 'ok  ' : 'FAIL'} ${outcome.dir} (${seconds(outcome.ms)}${ok ? `, ${outcome.written} file(s)` : `, exit ${outcome.exitCode}`})\n`,
          `${ok ? '成功' : '失败'} ${outcome.dir}（${seconds(outcome.ms)}${ok ? `，${outcome.written} 个文件` : `，退出码 ${outcome.exitCode}`}）\n`));
        if (!ok) for (const line of outcome.lines) write(`     ${line}\n`);
        return;
      }
      clearBar();
      if (!ok) write(`${t('FAIL', '失败')} ${outcome.dir}\n${outcome.lines.map((line) => `     ${line}\n`).join('')}`);
      const filled = Math.round((done / total) * BAR_WIDTH);
      bar = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${done}/${total}${failed ? t(` (${failed} failed)`, `（${failed} 个失败）`) : ''} ${outcome.dir}`;
      write(bar);
    },
    summary(result) {
      if (quiet && !anyFailed) return;
      clearBar();
      bar = '';
      const built = result.outcomes.filter((o) => o.exitCode === 0).length;
      const failures = result.outcomes.filter((o) => o.exitCode !== 0).map((o) => `${o.dir} (exit ${o.exitCode})`);
      write(t(`report: ${built} of ${result.outcomes.length} project(s) built in ${seconds(result.ms)} on ${result.workers} worker(s)${failures.length ? `; failed: ${failures.join(', ')}` : ''}\n`,
        `report：${result.outcomes.length} 个项目中生成了 ${built} 个，用时 ${seconds(result.ms)}，${result.workers} 个线程${failures.length ? `；失败：${failures.join('、')}` : ''}\n`));
    },
  };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
