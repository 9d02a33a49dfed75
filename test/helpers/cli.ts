/** Test helper: run the real `report` command (compiled dist/, as `npm test` builds it first). */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const REPO = join(import.meta.dirname, '..', '..');
const BIN = join(REPO, 'bin', 'report');

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runReport(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): RunResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
