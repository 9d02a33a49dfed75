/**
 * A batch worker thread: builds the projects it is sent, one at a time, with one BuildSession
 * for all of them (fonts loaded once per worker), and replies with what each build printed.
 */
import { parentPort } from 'node:worker_threads';
import { BuildSession, type BuildOptions } from '../build/index.js';
import { buildAndCommit } from './build-one.js';

export interface BatchJob {
  id: number;
  dir: string;
  options: Omit<BuildOptions, 'session'>;
}

export interface BatchReply {
  id: number;
  exitCode: number;
  lines: string[];
  ms: number;
  written: number;
}

const session = new BuildSession();

parentPort?.on('message', async (job: BatchJob) => {
  const started = performance.now();
  const lines: string[] = [];
  const built = await buildAndCommit(job.dir, { ...job.options, session }, (line) => lines.push(line));
  const reply: BatchReply = { id: job.id, exitCode: built.exitCode, lines, ms: Math.round(performance.now() - started), written: built.written };
  parentPort!.postMessage(reply);
});
